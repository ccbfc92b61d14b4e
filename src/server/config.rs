//! Configuration, read once at start from flags and `GRIDCARE_*` environment variables.

use std::net::SocketAddr;
use std::path::PathBuf;

/// How the server runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Where to listen (`GRIDCARE_ADDR`, `--addr`).
    pub addr: SocketAddr,
    /// `sqlite://…` or `postgres://…` (`GRIDCARE_DATABASE_URL`, `--database-url`).
    pub database_url: String,
    /// Seed the demo logins and bills on first start (`GRIDCARE_DEMO`, `--demo`).
    pub demo: bool,
    /// The built client, Trunk's `dist/` (`GRIDCARE_DIST`, `--dist`).
    pub dist_dir: PathBuf,
    /// The address people reach the portal at, for links in emails (`GRIDCARE_PUBLIC_URL`;
    /// default `http://` and the address listened on).
    pub public_url: Option<String>,
    /// The mail server (`GRIDCARE_SMTP_URL`: `smtp://host:port`, `smtp://host?tls=required`,
    /// `smtps://user:pass@host`). Unset in demo mode: a loopback SMTP server is started that
    /// writes each message into `mail_dir`. Unset otherwise: emails wait in the outbox.
    pub smtp_url: Option<String>,
    /// Who emails are from (`GRIDCARE_MAIL_FROM`).
    pub mail_from: String,
    /// Where the demo's loopback mail server writes `.eml` files (`GRIDCARE_MAIL_DIR`).
    pub mail_dir: PathBuf,
    /// Where the demo's loopback SMS gateway writes each text (`GRIDCARE_SMS_DIR`).
    pub sms_dir: PathBuf,
    /// The SMS gateway (`GRIDCARE_SMS_URL`, `GRIDCARE_SMS_KEY`, `GRIDCARE_SMS_SECRET`). Unset in
    /// demo mode: a loopback gateway is started.
    pub sms: Option<(String, String, String)>,
    /// The payment provider (`GRIDCARE_PAY_URL`, `GRIDCARE_PAY_KEY`, `GRIDCARE_PAY_SECRET`): a
    /// hosted checkout that speaks the protocol in `server::paysandbox`. Unset in demo mode: the
    /// loopback sandbox is started. Unset otherwise: online payment is switched off.
    pub pay: Option<(String, String, String)>,
    /// The most one payment may be, in fen (`GRIDCARE_PAY_MAX_YUAN`, default 50,000 yuan).
    pub pay_max_fen: i64,
    /// Proxies whose `X-Forwarded-For` is believed (`GRIDCARE_TRUSTED_PROXIES`, addresses
    /// separated by commas). Everyone else is known by the address they connect from.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// How often the outbox is drained, in milliseconds (`GRIDCARE_SEND_EVERY_MS`); 0 runs no
    /// sender on this server (tests drive it themselves).
    pub send_every_ms: u64,
    /// How long a client may take to send a request's headers, in seconds
    /// (`GRIDCARE_HEADER_TIMEOUT_SECS`): a connection that dribbles them (slowloris) is closed.
    pub header_timeout_secs: u64,
    /// How long one request may take, body included, in seconds (`GRIDCARE_REQUEST_TIMEOUT_SECS`);
    /// past it the answer is 408.
    pub request_timeout_secs: u64,
    /// How many requests one server works on at once (`GRIDCARE_MAX_CONCURRENT`); more are
    /// answered 503 at once with `Retry-After`, not queued.
    pub max_concurrent: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            database_url: "sqlite://data/gridcare.db".into(),
            demo: false,
            dist_dir: PathBuf::from("dist"),
            public_url: None,
            smtp_url: None,
            mail_from: "GridCare <noreply@gridcare.localhost>".into(),
            mail_dir: PathBuf::from("data/mail"),
            sms_dir: PathBuf::from("data/sms"),
            sms: None,
            pay: None,
            pay_max_fen: 5_000_000,
            trusted_proxies: Vec::new(),
            send_every_ms: 2000,
            header_timeout_secs: 10,
            request_timeout_secs: 60,
            max_concurrent: 512,
        }
    }
}

/// A configuration value that could not be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("{name}: {value:?} is not an address like 127.0.0.1:3000")]
    Addr { name: String, value: String },
    #[error("{name}: {value:?} is not a sqlite:// or postgres:// URL")]
    DatabaseUrl { name: String, value: String },
    #[error("{name}: {value:?} is not one of 1, 0, true, false, yes, no, on, off")]
    Flag { name: String, value: String },
    #[error("{0} needs a value")]
    MissingValue(String),
    #[error("unknown argument {0:?}; try --help")]
    Unknown(String),
    #[error("help requested")]
    Help,
}

/// What `--help` prints.
pub const USAGE: &str = "\
gridcare: the GridCare customer portal server

  --addr ADDR            listen address            [GRIDCARE_ADDR, default 127.0.0.1:3000]
  --database-url URL     sqlite://FILE or postgres://…  [GRIDCARE_DATABASE_URL, default sqlite://data/gridcare.db]
  --demo [BOOL]          seed demo data on first start  [GRIDCARE_DEMO, default off]
  --dist DIR             the built client           [GRIDCARE_DIST, default dist]
Mail and texts (environment only): GRIDCARE_PUBLIC_URL, GRIDCARE_SMTP_URL, GRIDCARE_MAIL_FROM,
GRIDCARE_MAIL_DIR, GRIDCARE_SMS_DIR, GRIDCARE_SMS_URL, GRIDCARE_SMS_KEY, GRIDCARE_SMS_SECRET, GRIDCARE_SEND_EVERY_MS
Payments (environment only): GRIDCARE_PAY_URL, GRIDCARE_PAY_KEY, GRIDCARE_PAY_SECRET, GRIDCARE_PAY_MAX_YUAN
Behind a proxy: GRIDCARE_TRUSTED_PROXIES (its addresses, separated by commas)
";

fn parse_flag(name: &str, value: &str) -> Result<bool, ConfigError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" | "" => Ok(false),
        _ => Err(ConfigError::Flag {
            name: name.into(),
            value: value.into(),
        }),
    }
}

impl Config {
    /// Reads the environment (through `env`), then lets flags in `args` override it.
    pub fn load(
        env: impl Fn(&str) -> Option<String>,
        args: impl IntoIterator<Item = String>,
    ) -> Result<Config, ConfigError> {
        let mut c = Config::default();
        if let Some(v) = env("GRIDCARE_ADDR") {
            c.set_addr("GRIDCARE_ADDR", &v)?;
        }
        if let Some(v) = env("GRIDCARE_DATABASE_URL") {
            c.set_database_url("GRIDCARE_DATABASE_URL", &v)?;
        }
        if let Some(v) = env("GRIDCARE_DEMO") {
            c.demo = parse_flag("GRIDCARE_DEMO", &v)?;
        }
        if let Some(v) = env("GRIDCARE_DIST") {
            c.dist_dir = PathBuf::from(v);
        }
        if let Some(v) = env("GRIDCARE_PUBLIC_URL").filter(|v| !v.trim().is_empty()) {
            c.public_url = Some(v.trim().to_string());
        }
        if let Some(v) = env("GRIDCARE_SMTP_URL").filter(|v| !v.trim().is_empty()) {
            c.smtp_url = Some(v.trim().to_string());
        }
        if let Some(v) = env("GRIDCARE_MAIL_FROM").filter(|v| !v.trim().is_empty()) {
            c.mail_from = v.trim().to_string();
        }
        if let Some(v) = env("GRIDCARE_MAIL_DIR") {
            c.mail_dir = PathBuf::from(v);
        }
        if let Some(v) = env("GRIDCARE_SMS_DIR") {
            c.sms_dir = PathBuf::from(v);
        }
        if let Some(url) = env("GRIDCARE_SMS_URL").filter(|v| !v.trim().is_empty()) {
            let key = env("GRIDCARE_SMS_KEY").unwrap_or_default();
            let secret = env("GRIDCARE_SMS_SECRET").unwrap_or_default();
            if secret.is_empty() {
                return Err(ConfigError::MissingValue("GRIDCARE_SMS_SECRET".into()));
            }
            c.sms = Some((url.trim().to_string(), key, secret));
        }
        if let Some(url) = env("GRIDCARE_PAY_URL").filter(|v| !v.trim().is_empty()) {
            let key = env("GRIDCARE_PAY_KEY").unwrap_or_default();
            let secret = env("GRIDCARE_PAY_SECRET").unwrap_or_default();
            if secret.is_empty() {
                return Err(ConfigError::MissingValue("GRIDCARE_PAY_SECRET".into()));
            }
            c.pay = Some((url.trim().trim_end_matches('/').to_string(), key, secret));
        }
        if let Some(v) = env("GRIDCARE_TRUSTED_PROXIES") {
            c.trusted_proxies = v
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| {
                    s.parse().map_err(|_| ConfigError::Flag {
                        name: "GRIDCARE_TRUSTED_PROXIES".into(),
                        value: s.to_string(),
                    })
                })
                .collect::<Result<_, _>>()?;
        }
        if let Some(v) = env("GRIDCARE_SEND_EVERY_MS") {
            c.send_every_ms = v.trim().parse().map_err(|_| ConfigError::Flag {
                name: "GRIDCARE_SEND_EVERY_MS".into(),
                value: v.clone(),
            })?;
        }
        let number = |name: &str, v: &str| -> Result<u64, ConfigError> {
            v.trim()
                .parse::<u64>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| ConfigError::Flag {
                    name: name.into(),
                    value: v.to_string(),
                })
        };
        if let Some(v) = env("GRIDCARE_HEADER_TIMEOUT_SECS") {
            c.header_timeout_secs = number("GRIDCARE_HEADER_TIMEOUT_SECS", &v)?;
        }
        if let Some(v) = env("GRIDCARE_REQUEST_TIMEOUT_SECS") {
            c.request_timeout_secs = number("GRIDCARE_REQUEST_TIMEOUT_SECS", &v)?;
        }
        if let Some(v) = env("GRIDCARE_MAX_CONCURRENT") {
            c.max_concurrent = number("GRIDCARE_MAX_CONCURRENT", &v)? as usize;
        }
        if let Some(v) = env("GRIDCARE_PAY_MAX_YUAN") {
            let yuan = number("GRIDCARE_PAY_MAX_YUAN", &v)?;
            c.pay_max_fen = i64::try_from(yuan)
                .ok()
                .and_then(|y| y.checked_mul(100))
                .ok_or_else(|| ConfigError::Flag {
                    name: "GRIDCARE_PAY_MAX_YUAN".into(),
                    value: v.clone(),
                })?;
        }
        let mut args = args.into_iter().peekable();
        while let Some(arg) = args.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (arg.clone(), None),
            };
            let mut value = |name: &str| {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or_else(|| ConfigError::MissingValue(name.into()))
            };
            match name.as_str() {
                "--addr" => c.set_addr("--addr", &value("--addr")?)?,
                "--database-url" => {
                    c.set_database_url("--database-url", &value("--database-url")?)?
                }
                "--dist" => c.dist_dir = PathBuf::from(value("--dist")?),
                "--demo" => {
                    c.demo = match inline {
                        Some(v) => parse_flag("--demo", &v)?,
                        None => true,
                    }
                }
                "--help" | "-h" => return Err(ConfigError::Help),
                _ => return Err(ConfigError::Unknown(arg)),
            }
        }
        Ok(c)
    }

    fn set_addr(&mut self, name: &str, value: &str) -> Result<(), ConfigError> {
        self.addr = value.trim().parse().map_err(|_| ConfigError::Addr {
            name: name.into(),
            value: value.into(),
        })?;
        Ok(())
    }

    fn set_database_url(&mut self, name: &str, value: &str) -> Result<(), ConfigError> {
        let v = value.trim();
        if !(v.starts_with("sqlite:")
            || v.starts_with("postgres://")
            || v.starts_with("postgresql://"))
        {
            return Err(ConfigError::DatabaseUrl {
                name: name.into(),
                value: value.into(),
            });
        }
        self.database_url = v.into();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(env: &[(&str, &str)], args: &[&str]) -> Result<Config, ConfigError> {
        let env: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::load(|k| env.get(k).cloned(), args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn defaults_serve_sqlite_on_port_3000_without_demo_data() {
        let c = load(&[], &[]).unwrap();
        assert_eq!(c, Config::default());
        assert_eq!(c.addr.to_string(), "127.0.0.1:3000");
        assert!(!c.demo);
    }

    #[test]
    fn flags_override_the_environment() {
        let c = load(
            &[("GRIDCARE_ADDR", "0.0.0.0:8080"), ("GRIDCARE_DEMO", "1")],
            &["--addr=127.0.0.1:9000", "--demo", "off"],
        );
        // `--demo off` is two arguments: --demo switches on, then "off" is unknown.
        assert_eq!(c, Err(ConfigError::Unknown("off".into())));
        let c = load(
            &[("GRIDCARE_ADDR", "0.0.0.0:8080"), ("GRIDCARE_DEMO", "1")],
            &["--addr", "127.0.0.1:9000", "--demo=off"],
        )
        .unwrap();
        assert_eq!(c.addr.to_string(), "127.0.0.1:9000");
        assert!(!c.demo);
    }

    #[test]
    fn bad_values_name_their_source() {
        let e = load(&[("GRIDCARE_DATABASE_URL", "mysql://x")], &[]).unwrap_err();
        assert!(e.to_string().starts_with("GRIDCARE_DATABASE_URL"));
        let e = load(&[], &["--addr", "nowhere"]).unwrap_err();
        assert!(e.to_string().starts_with("--addr"));
        assert_eq!(
            load(&[], &["--addr"]),
            Err(ConfigError::MissingValue("--addr".into()))
        );
    }
}
