//! A loopback SMS gateway for the demo and the tests, speaking the shape of the common HTTP
//! providers: `POST /send` with a JSON body (`to`, `text`, `reference`), an API key, a
//! timestamp, and an HMAC-SHA256 signature over the timestamp and the raw body. It refuses a
//! wrong key or signature (401) and a timestamp more than five minutes off (401), keeps what
//! it accepted, and can be told to be busy (503).

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// One text as the gateway took it.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Text {
    pub to: String,
    pub text: String,
    pub reference: String,
}

#[derive(Clone)]
struct Gateway {
    key: String,
    secret: Vec<u8>,
    texts: Arc<Mutex<Vec<Text>>>,
    busy: Arc<AtomicBool>,
    clock: Arc<dyn crate::server::clock::Clock>,
    folder: Option<std::path::PathBuf>,
}

/// A running gateway.
#[derive(Clone)]
pub struct SmsGateway {
    pub addr: SocketAddr,
    pub key: String,
    pub secret: String,
    texts: Arc<Mutex<Vec<Text>>>,
    busy: Arc<AtomicBool>,
}

async fn send(State(g): State<Gateway>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if header("x-api-key") != Some(g.key.as_str()) {
        return StatusCode::UNAUTHORIZED;
    }
    let signed = crate::server::signed::check(
        &g.secret,
        g.clock.unix(),
        header("x-timestamp"),
        header("x-signature"),
        &body,
    );
    if signed.is_err() {
        return StatusCode::UNAUTHORIZED;
    }
    if g.busy.load(Ordering::SeqCst) {
        return StatusCode::SERVICE_UNAVAILABLE;
    }
    let Ok(text) = serde_json::from_slice::<Text>(&body) else {
        return StatusCode::BAD_REQUEST;
    };
    if let Some(folder) = &g.folder {
        let n = g.texts.lock().map(|t| t.len()).unwrap_or(0) + 1;
        let name = format!(
            "{n:05}-{}.txt",
            text.to.replace(|c: char| !c.is_ascii_digit(), "")
        );
        if let Err(e) = std::fs::write(
            folder.join(name),
            format!("To: {}\n\n{}\n", text.to, text.text),
        ) {
            tracing::warn!(error = %e, "the SMS gateway could not write a text");
        }
    }
    if let Ok(mut list) = g.texts.lock() {
        list.push(text);
    }
    StatusCode::OK
}

impl SmsGateway {
    /// Starts a gateway on 127.0.0.1 (a free port) with a fresh key and secret, writing each
    /// text it takes into `folder` when one is given (the demo's, for a person to read).
    pub async fn start(
        clock: Arc<dyn crate::server::clock::Clock>,
        folder: Option<std::path::PathBuf>,
    ) -> std::io::Result<SmsGateway> {
        if let Some(f) = &folder {
            std::fs::create_dir_all(f)?;
        }
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let key = crate::server::auth::new_token();
        let secret = crate::server::auth::new_token();
        let texts = Arc::new(Mutex::new(Vec::new()));
        let busy = Arc::new(AtomicBool::new(false));
        let state = Gateway {
            key: key.clone(),
            secret: secret.clone().into_bytes(),
            texts: texts.clone(),
            busy: busy.clone(),
            clock,
            folder,
        };
        let app = Router::new().route("/send", post(send)).with_state(state);
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::error!(error = %e, "the SMS gateway stopped");
            }
        });
        Ok(SmsGateway {
            addr,
            key,
            secret,
            texts,
            busy,
        })
    }

    /// Where to send.
    pub fn url(&self) -> String {
        format!("http://{}/send", self.addr)
    }

    /// Every text taken so far.
    pub fn texts(&self) -> Vec<Text> {
        self.texts.lock().map(|t| t.clone()).unwrap_or_default()
    }

    /// Makes the gateway answer 503 (or not).
    pub fn set_busy(&self, busy: bool) {
        self.busy.store(busy, Ordering::SeqCst);
    }
}
