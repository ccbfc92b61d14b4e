//! A real SMTP server on loopback for the demo and the tests (mailin-embedded: a small SMTP
//! state machine on blocking sockets). It keeps what it receives in memory, and in demo mode
//! also writes each message as an `.eml` file a person can open. It can be told to refuse
//! mail, for as long as a test wants, to show that the sender retries and gives up.

use mailin_embedded::{Handler, Response, Server, SslConfig, response};
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};

/// One message as it arrived.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The whole message as sent (headers and body, RFC 5322).
    pub data: String,
    /// When the message was taken.
    pub at: std::time::Instant,
}

/// How the sink answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Mood {
    /// Takes every message.
    Accept = 0,
    /// 451: try again later.
    Busy = 1,
    /// 550: never (no such mailbox).
    Refuse = 2,
}

/// A running sink: its address and what it has received.
#[derive(Clone)]
pub struct MailSink {
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
    mood: Arc<AtomicU8>,
}

#[derive(Clone)]
struct Sink {
    received: Arc<Mutex<Vec<Received>>>,
    mood: Arc<AtomicU8>,
    folder: Option<PathBuf>,
    from: String,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Sink {
    fn mood(&self) -> Option<Response> {
        match self.mood.load(Ordering::SeqCst) {
            1 => Some(response::INTERNAL_ERROR),
            2 => Some(response::NO_MAILBOX),
            _ => None,
        }
    }
}

impl Handler for Sink {
    fn mail(&mut self, _ip: std::net::IpAddr, _domain: &str, from: &str) -> Response {
        self.from = from.to_string();
        self.to.clear();
        self.data.clear();
        response::OK
    }

    fn rcpt(&mut self, to: &str) -> Response {
        if let Some(refusal) = self.mood() {
            return refusal;
        }
        self.to.push(to.to_string());
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let message = Received {
            from: self.from.clone(),
            to: self.to.clone(),
            data: String::from_utf8_lossy(&self.data).into_owned(),
            at: std::time::Instant::now(),
        };
        if let Some(folder) = &self.folder {
            let n = self.received.lock().map(|r| r.len()).unwrap_or(0) + 1;
            let name = format!(
                "{:05}-{}.eml",
                n,
                sanitise(self.to.first().map_or("", |s| s))
            );
            if let Err(e) = std::fs::write(folder.join(name), &self.data) {
                tracing::warn!(error = %e, "the mail sink could not write a message");
            }
        }
        if let Ok(mut list) = self.received.lock() {
            list.push(message);
        }
        self.data.clear();
        response::OK
    }
}

impl Received {
    /// A header's value, unfolded (the first header of that name).
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next().unwrap_or("");
        let mut lines = head.lines();
        let prefix = format!("{}:", name.to_ascii_lowercase());
        let first = lines.find(|l| l.to_ascii_lowercase().starts_with(&prefix))?;
        let mut value = first[prefix.len()..].trim().to_string();
        for l in lines {
            if l.starts_with(' ') || l.starts_with('\t') {
                value.push(' ');
                value.push_str(l.trim());
            } else {
                break;
            }
        }
        Some(value)
    }

    /// The body of a one-part message as a person reads it: quoted-printable or base64
    /// decoded, line endings as `\n`.
    pub fn text(&self) -> String {
        use base64::Engine;
        let body = self.data.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        let encoding = self
            .header("Content-Transfer-Encoding")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let bytes = match encoding.as_str() {
            "base64" => base64::engine::general_purpose::STANDARD
                .decode(body.split_whitespace().collect::<String>())
                .unwrap_or_default(),
            "quoted-printable" => {
                let joined = body.replace("=\r\n", "");
                let raw = joined.as_bytes();
                let mut out = Vec::with_capacity(raw.len());
                let mut i = 0;
                while i < raw.len() {
                    let hex = raw
                        .get(i + 1..i + 3)
                        .and_then(|h| std::str::from_utf8(h).ok())
                        .and_then(|h| u8::from_str_radix(h, 16).ok());
                    match (raw[i], hex) {
                        (b'=', Some(b)) => {
                            out.push(b);
                            i += 3;
                        }
                        (c, _) => {
                            out.push(c);
                            i += 1;
                        }
                    }
                }
                out
            }
            _ => body.as_bytes().to_vec(),
        };
        String::from_utf8_lossy(&bytes).replace("\r\n", "\n")
    }

    /// The first link in the text that goes to `path` (such as `/verify-email`), if any.
    pub fn link_to(&self, path: &str) -> Option<String> {
        self.text()
            .split_whitespace()
            .map(|w| w.trim_end_matches(['.', ',', '，', '。', '：', ':']))
            .find(|w| w.starts_with("http") && w.contains(path))
            .map(str::to_string)
    }

    /// The subject as a person reads it (RFC 2047 words in UTF-8, base64, decoded).
    pub fn subject(&self) -> String {
        use base64::Engine;
        let raw = self.header("Subject").unwrap_or_default();
        raw.split_whitespace()
            .map(|w| {
                let lower = w.to_ascii_lowercase();
                match (lower.starts_with("=?utf-8?b?"), w.ends_with("?=")) {
                    (true, true) if w.len() > 12 => base64::engine::general_purpose::STANDARD
                        .decode(&w[10..w.len() - 2])
                        .ok()
                        .and_then(|b| String::from_utf8(b).ok())
                        .unwrap_or_default(),
                    _ => format!("{w} "),
                }
            })
            .collect::<String>()
            .trim()
            .to_string()
    }
}

fn sanitise(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '@' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

impl MailSink {
    /// Starts a sink on 127.0.0.1 (a free port), writing `.eml` files into `folder` if given.
    pub fn start(folder: Option<PathBuf>) -> std::io::Result<MailSink> {
        if let Some(f) = &folder {
            std::fs::create_dir_all(f)?;
        }
        let listener = TcpListener::bind(("127.0.0.1", 0))?;
        let addr = listener.local_addr()?;
        let received = Arc::new(Mutex::new(Vec::new()));
        let mood = Arc::new(AtomicU8::new(Mood::Accept as u8));
        let sink = Sink {
            received: received.clone(),
            mood: mood.clone(),
            folder,
            from: String::new(),
            to: Vec::new(),
            data: Vec::new(),
        };
        let mut server = Server::new(sink);
        server
            .with_name("gridcare-mail-sink.localhost")
            .with_ssl(SslConfig::None)
            .map_err(|e| std::io::Error::other(e.to_string()))?
            .with_num_threads(2)
            .with_tcp_listener(listener);
        std::thread::Builder::new()
            .name("mail-sink".into())
            .spawn(move || {
                if let Err(e) = server.serve() {
                    tracing::error!(error = %e, "the mail sink stopped");
                }
            })?;
        Ok(MailSink {
            addr,
            received,
            mood,
        })
    }

    /// The URL the sender is given: plain SMTP on loopback.
    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// Sets how the sink answers from now on.
    pub fn set_mood(&self, mood: Mood) {
        self.mood.store(mood as u8, Ordering::SeqCst);
    }
}
