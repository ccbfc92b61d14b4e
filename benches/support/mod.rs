//! What the benchmarks share: the real server on loopback, a signed-in client, timing.

use gridcare::server::{AppState, Application, Config, SystemClock};
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A started server on a fresh SQLite file with the demo data, and a client with cookies.
pub struct Bench {
    pub base: String,
    pub client: reqwest::Client,
    pub state: AppState,
    db: PathBuf,
}

impl Bench {
    /// Starts the server with the demo seeded.
    pub async fn start(name: &str) -> Bench {
        let db = std::env::temp_dir().join(format!("gridcare-{name}-{}.db", std::process::id()));
        let config = Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: format!("sqlite://{}", db.display()),
            demo: true,
            dist_dir: std::env::temp_dir(),
            mail_dir: std::env::temp_dir().join(format!("gridcare-{name}-mail")),
            sms_dir: std::env::temp_dir().join(format!("gridcare-{name}-sms")),
            ..Config::default()
        };
        let app = Application::build(&config, Arc::new(SystemClock))
            .await
            .expect("the app starts");
        let base = format!("http://{}", app.local_addr());
        let state = app.state().clone();
        tokio::spawn(app.run_until(std::future::pending()));
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .expect("client");
        Bench {
            base,
            client,
            state,
            db,
        }
    }

    /// Calls server function `endpoint` with its arguments as the browser sends them (a JSON
    /// object of strings); returns the answer's size, failing on an error.
    pub async fn call(
        &self,
        endpoint: &str,
        fields: &[(&str, &str)],
    ) -> (usize, serde_json::Value) {
        let body: serde_json::Map<String, serde_json::Value> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
            .collect();
        let res = self
            .client
            .post(format!("{}/api/{endpoint}", self.base))
            .json(&body)
            .send()
            .await
            .expect("the server answers");
        let status = res.status();
        let bytes = res.bytes().await.expect("a body");
        assert!(
            status.is_success(),
            "{endpoint}: {status} {}",
            String::from_utf8_lossy(&bytes)
        );
        (
            bytes.len(),
            serde_json::from_slice(&bytes).unwrap_or_default(),
        )
    }

    /// Signs the client in.
    pub async fn sign_in(&self, email: &str, password: &str) {
        self.call("auth/sign_in", &[("email", email), ("password", password)])
            .await;
    }

    /// Removes the database files.
    pub fn finish(self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.db.display()));
        }
    }
}

/// Runs a benchmark's body on a multi-threaded runtime.
pub fn block_on(body: impl Future<Output = ()>) {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(body);
}

/// Times `samples` sequential runs of `f` after `warm_up` untimed ones and prints percentiles.
pub async fn measure<F, Fut>(what: &str, warm_up: usize, samples: usize, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = usize>,
{
    let mut size = 0;
    for _ in 0..warm_up {
        size = f().await;
    }
    let mut times = Vec::with_capacity(samples);
    let started = Instant::now();
    for _ in 0..samples {
        let t = Instant::now();
        f().await;
        times.push(t.elapsed());
    }
    let wall = started.elapsed();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("{what}: {samples} sequential calls after {warm_up} warm-up, {size} bytes each");
    println!(
        "  p50 {:.3} ms   p95 {:.3} ms   p99 {:.3} ms   max {:.3} ms   ({:.0} calls/s)",
        ms(percentile(&times, 0.50)),
        ms(percentile(&times, 0.95)),
        ms(percentile(&times, 0.99)),
        ms(times[times.len() - 1]),
        samples as f64 / wall.as_secs_f64(),
    );
}

/// The `p` quantile (0 to 1) of `sorted`, nearest rank.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}
