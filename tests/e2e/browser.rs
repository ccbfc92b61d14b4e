//! A started portal and a Chromium session pointed at it, with helpers that find things the
//! way people do: by their visible labels and accessible names.

use fantoccini::{Client, ClientBuilder, Locator};
use gridcare::server::{AppState, Application, Clock, Config, SystemClock};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(20);

fn env_path(name: &str, default: &str) -> PathBuf {
    std::env::var_os(name)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default))
}

/// The checkout under test: read when the test runs (cargo names it), since a target folder
/// shared between checkouts may hold a binary built in another.
pub fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

/// The portal and a browser looking at it. The first session owns the portal's database and
/// chromedriver; sessions made by [`Session::another_browser`] share them.
pub struct Session {
    pub client: Client,
    pub base: String,
    pub state: AppState,
    /// The demo's loopback SMTP server: what the portal mailed.
    pub mail: Option<gridcare::server::mailsink::MailSink>,
    /// The demo's loopback SMS gateway: what the portal texted.
    pub sms: Option<gridcare::server::smsgateway::SmsGateway>,
    driver_url: String,
    driver: Option<Child>,
    db: Option<PathBuf>,
    profile: PathBuf,
    /// False for a browser that runs no scripts.
    scripts: bool,
}

/// A Chrome DevTools Protocol command, sent through chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// The built clients the tests serve (`GRIDCARE_DIST`, else `dist/`).
pub fn dist() -> PathBuf {
    env_path(
        "GRIDCARE_DIST",
        &manifest_dir().join("dist").to_string_lossy(),
    )
}

/// Starts the server on the built client with demo data, chromedriver, and a headless Chromium.
pub async fn start(width: u32, height: u32) -> Session {
    start_with_clock(width, height, Arc::new(SystemClock)).await
}

/// As [`start`], with the server reading the time from `clock`.
pub async fn start_with_clock(width: u32, height: u32, clock: Arc<dyn Clock>) -> Session {
    start_serving(width, height, clock, dist()).await
}

/// As [`start`], serving the built clients in `dist` (a copy a test may change: a deploy).
pub async fn start_on(width: u32, height: u32, dist: PathBuf) -> Session {
    start_serving(width, height, Arc::new(SystemClock), dist).await
}

/// As [`start`], with the browser reaching the portal through a [`Cable`] the test can pull
/// out: the network gone for the page and its service worker alike.
pub async fn start_behind_cable(width: u32, height: u32) -> (Session, Cable) {
    let mut s = start(width, height).await;
    let server: SocketAddr = s
        .base
        .trim_start_matches("http://")
        .parse()
        .expect("the server's address");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port for the cable");
    s.base = format!("http://{}", listener.local_addr().expect("an address"));
    let cable = Cable::default();
    let (cut, live) = (cable.cut.clone(), cable.live.clone());
    tokio::spawn(async move {
        while let Ok((mut inbound, _)) = listener.accept().await {
            if cut.load(std::sync::atomic::Ordering::SeqCst) {
                // Unplugged: the connection is dropped at once, as with no route.
                drop(inbound);
                continue;
            }
            let task = tokio::spawn(async move {
                if let Ok(mut outbound) = tokio::net::TcpStream::connect(server).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
            live.lock()
                .expect("the connections")
                .push(task.abort_handle());
        }
    });
    (s, cable)
}

/// The network between the browser and the portal ([`start_behind_cable`]).
#[derive(Clone, Default)]
pub struct Cable {
    cut: Arc<std::sync::atomic::AtomicBool>,
    live: Arc<std::sync::Mutex<Vec<tokio::task::AbortHandle>>>,
}

impl Cable {
    /// No network: open connections break and new ones are refused.
    pub fn pull(&self) {
        self.cut.store(true, std::sync::atomic::Ordering::SeqCst);
        for task in self.live.lock().expect("the connections").drain(..) {
            task.abort();
        }
    }

    /// The network is back.
    pub fn plug(&self) {
        self.cut.store(false, std::sync::atomic::Ordering::SeqCst);
    }
}

async fn start_serving(width: u32, height: u32, clock: Arc<dyn Clock>, dist: PathBuf) -> Session {
    assert!(
        dist.join("index.html").is_file(),
        "{} has no built client: run `cargo xtask test`, which builds it first",
        dist.display()
    );
    let tag = format!("{:x}", rand::random::<u64>());
    let db = std::env::temp_dir().join(format!("gridcare-e2e-{tag}.db"));
    let config = Config {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        database_url: format!("sqlite://{}", db.display()),
        demo: true,
        dist_dir: dist,
        mail_dir: std::env::temp_dir().join(format!("gridcare-e2e-mail-{tag}")),
        sms_dir: std::env::temp_dir().join(format!("gridcare-e2e-sms-{tag}")),
        send_every_ms: 1000,
        ..Config::default()
    };
    let app = Application::build(&config, clock)
        .await
        .expect("the portal starts");
    let mail = app.mail_sink().cloned();
    let sms = app.sms_gateway().cloned();
    let base = format!("http://{}", app.local_addr());
    let state = app.state().clone();
    tokio::spawn(app.run_until(std::future::pending()));

    let chromedriver = env_path("CHROMEDRIVER", "/usr/bin/chromedriver");
    let chromium = env_path("CHROMIUM", "/usr/bin/chromium");
    assert!(
        chromedriver.is_file() && chromium.is_file(),
        "Chromium is missing: apt-get install -y chromium chromium-driver (cargo xtask test does it)"
    );
    let port = free_port();
    let driver = Command::new(&chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver_url = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    // chromedriver can take longer than 5 s to answer on these machines.
    while reqwest::get(format!("{driver_url}/status")).await.is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "chromedriver did not start in 60 s"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let client = browser(&driver_url, width, height, &tag, true).await;
    Session {
        client: client.0,
        base,
        state,
        mail,
        sms,
        driver_url,
        driver: Some(driver),
        db: Some(db),
        profile: client.1,
        scripts: true,
    }
}

/// A new headless Chromium with its own profile (so its own cookies) on chromedriver at
/// `driver_url`; with `scripts` false, it runs no page's JavaScript (or wasm).
async fn browser(
    driver_url: &str,
    width: u32,
    height: u32,
    tag: &str,
    scripts: bool,
) -> (Client, PathBuf) {
    let chromium = env_path("CHROMIUM", "/usr/bin/chromium");
    let profile = std::env::temp_dir().join(format!("gridcare-e2e-profile-{tag}"));
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=en-US", format!("--window-size={width},{height}"),
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": {
                "intl.accept_languages": "en-US,en",
                "download.default_directory": profile.join("downloads"),
                "download.prompt_for_download": false,
                "profile.managed_default_content_settings.javascript": if scripts { 1 } else { 2 }
            }
        }
    });
    let Value::Object(caps) = caps else {
        unreachable!("a JSON object")
    };
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(driver_url)
        .await
        .expect("a Chromium session");
    (client, profile)
}

/// An XPath string literal for `text` (which never holds both quote kinds here).
fn literal(text: &str) -> String {
    if text.contains('\'') {
        format!("\"{text}\"")
    } else {
        format!("'{text}'")
    }
}

/// A small real PDF named `…-name` in the temporary folder, for the upload fields.
pub fn pdf_file(name: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("{:x}-{name}", rand::random::<u64>()));
    std::fs::write(
        &path,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    )
    .expect("write a test PDF");
    path
}

impl Session {
    /// A second browser, with its own cookies, on the same portal: another person at another desk.
    pub async fn another_browser(&self, width: u32, height: u32) -> Session {
        self.browser_like_this(width, height, true).await
    }

    /// A second browser that runs no scripts at all: what a visitor gets before the program has
    /// loaded, or with JavaScript turned off.
    pub async fn browser_without_scripts(&self, width: u32, height: u32) -> Session {
        self.browser_like_this(width, height, false).await
    }

    async fn browser_like_this(&self, width: u32, height: u32, scripts: bool) -> Session {
        let tag = format!("{:x}", rand::random::<u64>());
        let (client, profile) = browser(&self.driver_url, width, height, &tag, scripts).await;
        Session {
            client,
            base: self.base.clone(),
            state: self.state.clone(),
            mail: self.mail.clone(),
            sms: self.sms.clone(),
            driver_url: self.driver_url.clone(),
            driver: None,
            db: None,
            profile,
            scripts,
        }
    }

    /// Signs in as `email` from the sign-in page and waits for the overview.
    pub async fn sign_in(&self, email: &str, password: &str, welcome: &str) {
        self.open("/signin").await;
        self.heading("Sign in to GridCare").await;
        self.fill("Email", email).await;
        self.fill("Password", password).await;
        self.press("Sign in").await;
        // The demo staff logins have two-step sign-in: type the code their app would show.
        if let Some((_, secret)) = gridcare::server::seed::DEMO_STAFF_TOTP
            .iter()
            .find(|(e, _)| *e == email)
        {
            self.wait_for("//p[@role='status' and normalize-space(.)='Your password is right. Now enter the code your authenticator app shows.']")
                .await;
            let code = self.fresh_code(email, secret).await;
            self.fill("Code from your authenticator app", &code).await;
            self.press("Sign in").await;
        }
        self.heading(welcome).await;
    }

    /// Signs in with a password and then `code` (from the app, or a recovery code), checking
    /// each step's page, and waits for the heading `welcome`.
    pub async fn sign_in_with_code(
        &self,
        (email, password): (&str, &str),
        code: &str,
        welcome: &str,
    ) {
        self.open("/signin").await;
        self.heading("Sign in to GridCare").await;
        self.fill("Email", email).await;
        self.fill("Password", password).await;
        self.press("Sign in").await;
        self.wait_for("//p[@role='status' and normalize-space(.)='Your password is right. Now enter the code your authenticator app shows.']")
            .await;
        self.assert_accessible("sign in: the code").await;
        self.fill("Code from your authenticator app", code).await;
        self.press("Sign in").await;
        self.heading(welcome).await;
    }

    /// The code `secret` gives now, for `login`. A code's time step works once: when this
    /// login already used the current step (another browser signed in moments ago), wait for
    /// the next code, as a person would.
    pub async fn fresh_code(&self, login: &str, secret: &str) -> String {
        use std::collections::HashMap;
        use std::sync::Mutex;
        static USED: Mutex<Option<HashMap<String, i64>>> = Mutex::new(None);
        let key = format!("{}|{login}", self.base);
        let step = || self.state.clock.unix() / 30;
        let last = USED
            .lock()
            .ok()
            .and_then(|m| m.as_ref().and_then(|m| m.get(&key).copied()));
        let started = Instant::now();
        while last.is_some_and(|l| step() <= l) && started.elapsed() < Duration::from_secs(35) {
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        if let Ok(mut m) = USED.lock() {
            m.get_or_insert_with(HashMap::new).insert(key, step());
        }
        gridcare::server::mfa::code_at(secret, self.state.clock.unix())
    }

    /// The link to `path` (such as `/verify-email`) in the newest mail to `to`, waiting up to
    /// 15 seconds for the portal's sender to deliver it to the loopback mail server.
    pub async fn mailed_link(&self, to: &str, path: &str) -> String {
        let mail = self.mail.clone().expect("the demo's mail server");
        let started = Instant::now();
        loop {
            let found = mail
                .received()
                .into_iter()
                .rev()
                .filter(|m| m.to.iter().any(|t| t.contains(to)))
                .find_map(|m| m.link_to(path));
            if let Some(link) = found {
                return link;
            }
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "no mail to {to} with a link to {path}"
            );
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }

    /// Runs a Chrome DevTools Protocol command (`Page.getInstallabilityErrors`) and gives back
    /// its result.
    pub async fn devtools(&self, cmd: &'static str, params: Value) -> Value {
        self.client
            .issue_cmd(Cdp { cmd, params })
            .await
            .unwrap_or_else(|e| panic!("{cmd}: {e}"))
    }

    /// Opens `path` on the portal.
    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("navigate");
    }

    /// Waits for an element matching `xpath`; failing, says what the page showed instead.
    pub async fn wait_for(&self, xpath: &str) -> fantoccini::elements::Element {
        let started = Instant::now();
        loop {
            let left = WAIT.saturating_sub(started.elapsed());
            // A first view the server rendered is replaced by the app once it starts (which
            // then drops `data-rendered`): look in the app's view, not the one it replaces.
            let app_started = if self.scripts {
                self.client
                    .wait()
                    .at_most(left)
                    .for_element(Locator::Css("#app:not([data-rendered])"))
                    .await
                    .map(|_| ())
            } else {
                Ok(())
            };
            let found = match app_started {
                Ok(()) => {
                    self.client
                        .wait()
                        .at_most(WAIT.saturating_sub(started.elapsed()))
                        .for_element(Locator::XPath(xpath))
                        .await
                }
                Err(e) => Err(e),
            };
            match found {
                Ok(element) => return element,
                // A page that loads another client while we look: look again on the new page.
                Err(e) if e.to_string().contains("aborted by navigation") && !left.is_zero() => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => self.missing(xpath, e).await,
            }
        }
    }

    /// Fails a wait, with what the page showed instead.
    async fn missing(&self, xpath: &str, e: fantoccini::error::CmdError) -> ! {
        let shown = self
            .client
            .execute(
                "return location.href + '\\n' + (document.querySelector('main') || document.body).innerText",
                vec![],
            )
            .await
            .unwrap_or_default();
        panic!("no {xpath} within {WAIT:?}: {e}\nthe page showed: {shown}")
    }

    /// Waits for the page's `<h1>` to read `text` exactly.
    pub async fn heading(&self, text: &str) {
        self.wait_for(&format!("//h1[normalize-space(.)={}]", literal(text)))
            .await;
    }

    /// Waits for an `<h1>` that contains `text`, and returns its whole text.
    pub async fn heading_containing(&self, text: &str) -> String {
        let h1 = self
            .wait_for(&format!(
                "//h1[contains(normalize-space(.), {})]",
                literal(text)
            ))
            .await;
        h1.text().await.expect("heading text")
    }

    /// The input, text area or drop-down whose visible label reads `label`.
    pub async fn field(&self, label: &str) -> fantoccini::elements::Element {
        self.wait_for(&format!(
            "//*[self::input or self::textarea or self::select][@id=//label[normalize-space(.)={}]/@for]",
            literal(label)
        ))
        .await
    }

    /// Picks the option whose text starts with `option` in the drop-down labelled `label`.
    pub async fn choose(&self, label: &str, option: &str) {
        let option = self
            .wait_for(&format!(
                "//select[@id=//label[normalize-space(.)={}]/@for]/option[starts-with(normalize-space(.), {})]",
                literal(label),
                literal(option)
            ))
            .await;
        self.click(option).await;
    }

    /// Attaches the file at `path` to the file input labelled `label`.
    pub async fn attach(&self, label: &str, path: &std::path::Path) {
        self.field(label)
            .await
            .send_keys(&path.to_string_lossy())
            .await
            .expect("attach a file");
    }

    /// Types into the field labelled `label`.
    pub async fn fill(&self, label: &str, text: &str) {
        self.field(label)
            .await
            .send_keys(text)
            .await
            .expect("typing");
    }

    /// Replaces what the field labelled `label` holds with `text`.
    pub async fn replace(&self, label: &str, text: &str) {
        let field = self.field(label).await;
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("typing");
    }

    /// Sets the date input labelled `label` to `iso` (`2026-01-31`) as a date picker would:
    /// typed digits follow the browser's locale, so the value is set and announced instead.
    pub async fn set_date(&self, label: &str, iso: &str) {
        let field = self.field(label).await;
        let args = vec![
            serde_json::to_value(&field).expect("an element"),
            Value::String(iso.into()),
        ];
        self.client
            .execute(
                "arguments[0].value = arguments[1];
                 arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
                args,
            )
            .await
            .expect("set a date");
    }

    /// Clicks the button whose accessible name (visible text or aria-label) is `name`.
    pub async fn press(&self, name: &str) {
        let l = literal(name);
        let button = self
            .wait_for(&format!(
                "//button[normalize-space(.)={l} or @aria-label={l}]"
            ))
            .await;
        self.click(button).await;
    }

    /// Follows the first link a person can reach whose text reads `text` (hidden helper text
    /// included): one that is shown, or one in the header's folded menu. (The care bar's links
    /// are in every page but shown only in care mode.)
    pub async fn follow(&self, text: &str) {
        let xpath = format!("//a[starts-with(normalize-space(.), {})]", literal(text));
        self.wait_for(&xpath).await;
        let links = self
            .client
            .find_all(Locator::XPath(&xpath))
            .await
            .expect("the links");
        for link in links {
            let reachable = self
                .client
                .execute(
                    "const e = arguments[0];
                     return e.getClientRects().length > 0 || !!e.closest('#site-menu');",
                    vec![serde_json::to_value(&link).expect("an element")],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if reachable {
                self.click(link).await;
                return;
            }
        }
        panic!("no link reading {text:?} is shown");
    }

    /// Clicks `element` as a person would: one in the header's menu that is folded away (on a
    /// phone) is reached by pressing "Menu" first.
    async fn click(&self, element: fantoccini::elements::Element) {
        let folded = self
            .client
            .execute(
                "const e = arguments[0].closest('select') || arguments[0];
                 return !!e.closest('#site-menu') && e.getClientRects().length === 0;",
                vec![serde_json::to_value(&element).expect("an element")],
            )
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if folded {
            // A button in the app; a link to the menu in the server's first view.
            self.wait_for("//header//*[self::button or self::a][normalize-space(.)='Menu' or normalize-space(.)='菜单']")
                .await
                .click()
                .await
                .expect("open the menu");
        }
        element.click().await.expect("click");
    }

    /// The value shown for the term `term` in a description list.
    pub async fn fact(&self, term: &str) -> String {
        self.text(&format!(
            "//dt[normalize-space(.)={}]/following-sibling::dd[1]",
            literal(term)
        ))
        .await
    }

    /// The text of the element matching `xpath`, read again if the page re-rendered it between
    /// finding and reading (a refetch replaces the nodes).
    pub async fn text(&self, xpath: &str) -> String {
        let started = Instant::now();
        loop {
            match self.wait_for(xpath).await.text().await {
                Ok(text) => return text,
                Err(e) if started.elapsed() < WAIT => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("text of {xpath}: {e}"),
            }
        }
    }

    /// Waits up to 5 s for keyboard focus to be on the page's `<h1>`.
    pub async fn assert_focus_on_heading(&self) {
        let started = Instant::now();
        loop {
            let tag = self
                .script("return document.activeElement && document.activeElement.tagName")
                .await;
            if tag == "H1" {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(5),
                "focus is on {tag}, not the heading"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs a script and returns its value.
    pub async fn script(&self, js: &str) -> Value {
        self.client.execute(js, vec![]).await.expect("script")
    }

    /// Checks the current page with axe-core; fails on any serious or critical violation.
    pub async fn assert_accessible(&self, page: &str) {
        let axe = env_path(
            "AXE_CORE",
            &manifest_dir()
                .join("xtask/tools/node_modules/axe-core/axe.min.js")
                .to_string_lossy(),
        );
        let source = std::fs::read_to_string(&axe).unwrap_or_else(|e| {
            panic!(
                "axe-core at {}: {e} (cargo xtask test installs it)",
                axe.display()
            )
        });
        self.client
            .execute(&source, vec![])
            .await
            .expect("inject axe-core");
        let found = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(r.violations.map(v => ({
                       id: v.id, impact: v.impact, help: v.help,
                       nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))))
                   .catch(e => done([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }]));",
                vec![],
            )
            .await
            .expect("axe runs");
        let serious: Vec<&Value> = found
            .as_array()
            .expect("a list of violations")
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .collect();
        assert!(
            serious.is_empty(),
            "accessibility violations on {page}: {serious:#?}"
        );
    }

    /// True when the page is wider than the window (a horizontal scroll bar).
    pub async fn scrolls_sideways(&self) -> bool {
        self.script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;",
        )
        .await
        .as_bool()
        .expect("a boolean")
    }

    /// Waits up to 20 s for a finished download whose name starts with `prefix`; returns its
    /// name and text.
    pub async fn downloaded(&self, prefix: &str) -> (String, String) {
        let dir = self.profile.join("downloads");
        let started = Instant::now();
        loop {
            let found = std::fs::read_dir(&dir).ok().and_then(|entries| {
                entries.filter_map(Result::ok).find_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    // Chromium writes `.crdownload` until the file is complete.
                    (name.starts_with(prefix) && !name.ends_with(".crdownload")).then_some(name)
                })
            });
            if let Some(name) = found
                && let Ok(text) = std::fs::read_to_string(dir.join(&name))
            {
                return (name, text);
            }
            assert!(
                started.elapsed() < WAIT,
                "no download {prefix}… in {}",
                dir.display()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Closes the browser; the first session also stops chromedriver and removes the database.
    pub async fn finish(mut self) {
        let _ = self.client.clone().close().await;
        if let Some(mut driver) = self.driver.take() {
            let _ = driver.kill();
            let _ = driver.wait();
        }
        if let Some(db) = self.db.take() {
            for suffix in ["", "-wal", "-shm"] {
                let mut p = db.clone().into_os_string();
                p.push(suffix);
                let _ = std::fs::remove_file(p);
            }
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test never reaches finish(): do not leave chromedriver running.
        if let Some(driver) = self.driver.as_mut() {
            let _ = driver.kill();
        }
    }
}
