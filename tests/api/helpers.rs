//! `spawn_app()`: the real application on a random port with a fresh database and a clock that
//! only moves when told.

use chrono::{TimeZone, Utc};
use gridcare::server::mailsink::MailSink;
use gridcare::server::notify::Sender;
use gridcare::server::paysandbox::PaySandbox;
use gridcare::server::smsgateway::SmsGateway;
use gridcare::server::{AppState, Application, Config, ManualClock};
use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Connection;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// The demo resident's login.
pub const RESIDENT: (&str, &str) = ("resident@example.com", "demo-resident-2026");
/// The demo enterprise owner's login.
pub const OPS: (&str, &str) = ("ops@example.com", "demo-enterprise-2026");
/// The demo staff agent's login.
pub const AGENT: (&str, &str) = ("agent@example.com", "demo-agent-2026");
/// The demo supervisor.
pub const SUPERVISOR: (&str, &str) = ("supervisor@example.com", "demo-supervisor-2026");

/// A running app and a browser-like client (it keeps cookies).
pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub state: AppState,
    pub clock: Arc<ManualClock>,
    pub dist: PathBuf,
    /// The SMTP server on loopback the app sends to.
    pub mail: MailSink,
    /// The SMS gateway on loopback the app sends to.
    pub sms: SmsGateway,
    /// The payment provider's sandbox on loopback the app sends orders to.
    pub pay: PaySandbox,
    /// The app's outbox sender, run by hand (no background sender runs in API tests).
    pub sender: Sender,
    _db: TestDatabase,
}

/// Which database the tests run on.
fn database_choice() -> String {
    std::env::var("GRIDCARE_TEST_DATABASE").unwrap_or_else(|_| "sqlite".into())
}

fn unique_name() -> String {
    use rand::Rng;
    format!("gridcare_test_{:016x}", rand::thread_rng().r#gen::<u64>())
}

/// A database that exists for one test.
enum TestDatabase {
    Sqlite(PathBuf),
    Postgres { admin_url: String, name: String },
}

impl TestDatabase {
    async fn create() -> (TestDatabase, String) {
        let choice = database_choice();
        if choice.starts_with("postgres") {
            let name = unique_name();
            let mut admin = sqlx::PgConnection::connect(&choice)
                .await
                .expect("connect to the test PostgreSQL");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut admin)
                .await
                .expect("create a test database");
            let (base, _) = choice.rsplit_once('/').expect("a database URL has a path");
            let url = format!("{base}/{name}");
            (
                TestDatabase::Postgres {
                    admin_url: choice,
                    name,
                },
                url,
            )
        } else {
            let path = std::env::temp_dir().join(format!("{}.db", unique_name()));
            let url = format!("sqlite://{}", path.display());
            (TestDatabase::Sqlite(path), url)
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match self {
            TestDatabase::Sqlite(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    let _ = std::fs::remove_file(p);
                }
            }
            TestDatabase::Postgres { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Drop runs inside the test's runtime: do the async work on a thread of its own.
                let _ = std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .ok()?;
                    rt.block_on(async {
                        let mut admin = sqlx::PgConnection::connect(&admin_url).await.ok()?;
                        sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                            .execute(&mut admin)
                            .await
                            .ok()
                    })
                })
                .join();
            }
        }
    }
}

/// A `dist/` with each client's index page (shaped as Trunk writes them: the static shell in
/// `#app`, the client named in a `meta` element) and one hashed asset, standing in for
/// Trunk's output.
fn fake_dist() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("{}_dist", unique_name()));
    for client in gridcare::api::clients::Client::ALL {
        let folder = dir.join(client.dir());
        std::fs::create_dir_all(&folder).expect("create a client's folder");
        std::fs::write(
            folder.join("index.html"),
            format!(
                "<!DOCTYPE html><html lang=en><head><title>GridCare</title>\
                 <meta name=gridcare-client content=\"{:?}\"></head><body><div id=app>\
                 <main><p>Loading GridCare…</p></main></div></body></html>",
                client
            ),
        )
        .expect("write a client's index");
    }
    std::fs::write(
        dir.join("gridcare-0123456789abcdef_bg.wasm"),
        vec![0u8; 64 * 1024],
    )
    .expect("write wasm");
    dir
}

/// Server-function arguments as the JSON object of strings the client sends.
pub fn fields_json(fields: &[(&str, &str)]) -> Value {
    Value::Object(
        fields
            .iter()
            .map(|(k, v)| ((*k).to_string(), Value::String((*v).to_string())))
            .collect(),
    )
}

/// 27 November 2026, 10:00 in Shanghai.
pub fn test_now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 2, 0, 0)
        .single()
        .expect("valid time")
}

async fn spawn(demo: bool) -> TestApp {
    spawn_with(demo, Vec::new()).await
}

async fn spawn_with(demo: bool, trusted_proxies: Vec<std::net::IpAddr>) -> TestApp {
    spawn_configured(demo, move |c| c.trusted_proxies = trusted_proxies).await
}

/// The app on an empty database, with `change` made to its configuration.
pub async fn spawn_app_configured(change: impl FnOnce(&mut Config)) -> TestApp {
    spawn_configured(false, change).await
}

async fn spawn_configured(demo: bool, change: impl FnOnce(&mut Config)) -> TestApp {
    let (db, url) = TestDatabase::create().await;
    let clock = Arc::new(ManualClock::new(test_now()));
    let dist = fake_dist();
    let mail = MailSink::start(None).expect("the loopback mail server starts");
    let sms = SmsGateway::start(clock.clone(), None)
        .await
        .expect("the loopback SMS gateway starts");
    let pay = PaySandbox::start(clock.clone())
        .await
        .expect("the payment sandbox starts");
    let mut config = Config {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        database_url: url,
        demo,
        dist_dir: dist.clone(),
        smtp_url: Some(mail.url()),
        sms: Some((sms.url(), sms.key.clone(), sms.secret.clone())),
        pay: Some((pay.url(), pay.key.clone(), pay.secret.clone())),
        send_every_ms: 0,
        ..Config::default()
    };
    change(&mut config);
    let app = Application::build(&config, clock.clone())
        .await
        .expect("the app starts");
    let addr = app.local_addr();
    let state = app.state().clone();
    let sender = app.sender().clone();
    tokio::spawn(app.run_until(std::future::pending()));
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp {
        addr,
        client,
        state,
        clock,
        dist,
        mail,
        sms,
        pay,
        sender,
        _db: db,
    }
}

/// The app on an empty, migrated database.
pub async fn spawn_app() -> TestApp {
    spawn(false).await
}

/// The app with the demo data seeded.
pub async fn spawn_app_with_demo() -> TestApp {
    spawn(true).await
}

/// The demo app behind a proxy on loopback: requests name the client's address in
/// `X-Forwarded-For`, as a real reverse proxy would.
pub async fn spawn_app_behind_proxy() -> TestApp {
    spawn_with(true, vec![std::net::IpAddr::from([127, 0, 0, 1])]).await
}

/// A server function's answer: status and JSON body.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
    pub text: String,
    pub set_cookie: Vec<String>,
}

impl Answer {
    /// Asserts a refusal of `field` with `problem` (its JSON name) and status 422.
    pub fn assert_invalid(&self, field: &str, problem: &str) {
        assert_eq!(
            self.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            self.text
        );
        assert_eq!(self.body["error"], "invalid", "{}", self.text);
        assert_eq!(self.body["field"], field, "{}", self.text);
        let p = &self.body["problem"];
        let name = p
            .as_str()
            .map(str::to_owned)
            .or_else(|| p.as_object().and_then(|o| o.keys().next().cloned()));
        assert_eq!(name.as_deref(), Some(problem), "{}", self.text);
    }

    /// Asserts an error of kind `error` with `status`.
    pub fn assert_error(&self, status: StatusCode, error: &str) {
        assert_eq!(self.status, status, "{}", self.text);
        assert_eq!(self.body["error"], error, "{}", self.text);
    }

    /// Asserts success and returns the body.
    pub fn ok(self) -> Value {
        assert_eq!(self.status, StatusCode::OK, "{}", self.text);
        self.body
    }
}

impl TestApp {
    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Calls server function `endpoint` (such as `auth/sign_in`) with its arguments, sent as a
    /// JSON object of strings as the browser client sends them.
    pub async fn call(&self, endpoint: &str, fields: &[(&str, &str)]) -> Answer {
        self.call_with(&self.client, endpoint, fields).await
    }

    /// Calls a server function through another client (another browser).
    pub async fn call_with(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        fields: &[(&str, &str)],
    ) -> Answer {
        let res = client
            .post(self.url(&format!("/api/{endpoint}")))
            .json(&fields_json(fields))
            .send()
            .await
            .expect("the server answers");
        let status = res.status();
        let set_cookie = res
            .headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect();
        let text = res.text().await.expect("a body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Answer {
            status,
            body,
            text,
            set_cookie,
        }
    }

    /// Tries to sign in through this app's client; a demo staff login types the code its
    /// authenticator app shows at the server's time.
    pub async fn try_sign_in(&self, login: (&str, &str)) -> Answer {
        self.try_sign_in_with(&self.client, login).await
    }

    /// [`Self::try_sign_in`] in another browser. A code's time step works once: when a staff
    /// login signed in within the same 30 seconds, the clock moves on to the next code, as the
    /// person would wait for it.
    pub async fn try_sign_in_with(
        &self,
        client: &reqwest::Client,
        (email, password): (&str, &str),
    ) -> Answer {
        let secret = gridcare::server::seed::DEMO_STAFF_TOTP
            .iter()
            .find(|(e, _)| *e == email)
            .map(|(_, s)| *s);
        let Some(secret) = secret else {
            return self
                .call_with(
                    client,
                    "auth/sign_in",
                    &[("email", email), ("password", password)],
                )
                .await;
        };
        let mut answer = Answer {
            status: StatusCode::IM_A_TEAPOT,
            body: Value::Null,
            text: String::new(),
            set_cookie: Vec::new(),
        };
        for _ in 0..2 {
            let code = gridcare::server::mfa::code_at(secret, self.clock_now());
            answer = self
                .call_with(
                    client,
                    "auth/sign_in",
                    &[("email", email), ("password", password), ("code", &code)],
                )
                .await;
            if answer.body["field"] != "code" {
                break;
            }
            self.clock.advance(30);
        }
        answer
    }

    /// Tries to sign in from a new browser at `address` (behind the proxy of
    /// [`spawn_app_behind_proxy`]); the answer's status.
    pub async fn sign_in_from(&self, address: &str, (email, password): (&str, &str)) -> StatusCode {
        self.other_browser()
            .post(self.url("/api/auth/sign_in"))
            .header("X-Forwarded-For", address)
            .json(&fields_json(&[("email", email), ("password", password)]))
            .send()
            .await
            .expect("the server answers")
            .status()
    }

    /// Signs in through this app's client, asserting success.
    pub async fn sign_in(&self, login: (&str, &str)) -> Value {
        self.try_sign_in(login).await.ok()
    }

    /// Registers a new customer, confirms the address from the mail the server sent, and so
    /// signs them in through this app's client, asserting success; the person as `auth/verify_email`
    /// answered.
    pub async fn register(&self, email: &str, password: &str) -> Value {
        self.register_with(&self.client, email, password).await
    }

    /// [`Self::register`] in another browser.
    pub async fn register_with(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> Value {
        self.call_with(
            client,
            "auth/register",
            &[
                ("email", email),
                ("password", password),
                ("lang", "en"),
                ("next", ""),
            ],
        )
        .await
        .ok();
        let token = self.link_token(email, "/verify-email").await;
        self.call_with(client, "auth/verify_email", &[("token", &token)])
            .await
            .ok()
    }

    /// Sends the outbox and reads the `token` of the newest link to `path` mailed to `email`.
    pub async fn link_token(&self, email: &str, path: &str) -> String {
        self.sender.run_once().await.expect("the sender runs");
        let email = email.to_lowercase();
        let link = self
            .mail
            .received()
            .iter()
            .rev()
            .filter(|m| m.to.iter().any(|t| t.to_lowercase().contains(&email)))
            .find_map(|m| m.link_to(path))
            .unwrap_or_else(|| panic!("a mail to {email} with a link to {path}"));
        link.split_once("token=")
            .map(|(_, t)| t.to_string())
            .expect("the link carries a token")
    }

    /// Asks for a code to link the account numbered `number` in `client`, sends the outbox,
    /// and reads the code from the text the loopback gateway took: (the challenge, the code).
    pub async fn binding_code(&self, client: &reqwest::Client, number: &str) -> (Value, String) {
        let challenge = self
            .call_with(client, "accounts/bind_start", &[("account_number", number)])
            .await
            .ok();
        self.sender.run_once().await.expect("the sender runs");
        let text = self.sms.texts().pop().expect("a text with the code").text;
        (challenge, code_in(&text))
    }

    /// Links the account numbered `number` in `client` with the code sent to its phone.
    pub async fn bind_with_code(&self, client: &reqwest::Client, number: &str) -> Value {
        let (challenge, code) = self.binding_code(client, number).await;
        self.call_with(
            client,
            "accounts/bind",
            &[
                ("challenge_id", &challenge["challenge_id"].to_string()),
                ("code", &code),
            ],
        )
        .await
        .ok()
    }

    /// The security log's lines for `event` and `email` (empty for any), as `browser` reads it.
    pub async fn security_log(
        &self,
        browser: &reqwest::Client,
        event: &str,
        email: &str,
    ) -> Vec<Value> {
        self.call_with(
            browser,
            "supervisor/security_log",
            &[
                ("event", event),
                ("email", email),
                ("address", ""),
                ("from", ""),
                ("to", ""),
                ("before", ""),
            ],
        )
        .await
        .ok()
        .as_array()
        .cloned()
        .unwrap_or_default()
    }

    /// The server's clock now, in unix seconds.
    pub fn clock_now(&self) -> i64 {
        use gridcare::server::Clock;
        self.clock.unix()
    }

    /// Another browser, signed in as `login`.
    pub async fn signed_in_browser(&self, login: (&str, &str)) -> reqwest::Client {
        let browser = self.other_browser();
        self.try_sign_in_with(&browser, login).await.ok();
        browser
    }

    /// Another browser in which a new customer `email` registered and confirmed the address
    /// (and so is signed in).
    pub async fn registered_browser(&self, email: &str) -> reqwest::Client {
        let browser = self.other_browser();
        self.register_with(&browser, email, "a long enough passphrase")
            .await;
        browser
    }

    /// A second browser with its own cookies.
    pub fn other_browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .expect("client")
    }

    /// The id of the newest bill of the account with `number`, read straight from the database.
    pub async fn latest_bill_id(&self, number: &str) -> i64 {
        use sqlx::Row;
        sqlx::query(
            "SELECT b.id FROM bills b JOIN service_accounts sa ON sa.id = b.service_account_id
             WHERE sa.account_number = $1 ORDER BY b.period_start DESC LIMIT 1",
        )
        .bind(number)
        .fetch_one(self.state.store.pool())
        .await
        .expect("a bill")
        .get::<i64, _>("id")
    }

    /// The id of the person with `email`.
    pub async fn user_id(&self, email: &str) -> i64 {
        use sqlx::Row;
        sqlx::query("SELECT id FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(self.state.store.pool())
            .await
            .expect("the person")
            .get::<i64, _>("id")
    }

    /// The id of the service account with `number`.
    pub async fn account_id(&self, number: &str) -> i64 {
        use sqlx::Row;
        sqlx::query("SELECT id FROM service_accounts WHERE account_number = $1")
            .bind(number)
            .fetch_one(self.state.store.pool())
            .await
            .expect("an account")
            .get::<i64, _>("id")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dist);
    }
}

/// The six-digit code in a text (the only run of exactly six digits).
pub fn code_in(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|run| run.len() == 6)
        .unwrap_or_else(|| panic!("no code in {text:?}"))
        .to_string()
}
