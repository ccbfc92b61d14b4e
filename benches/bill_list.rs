//! Benchmark: the bill-list server function (`bills/list`) on SQLite, over HTTP on loopback,
//! signed in as the demo resident (36 bills, 12 a page). Prints percentiles of many calls.
//! Run with `cargo xtask bench`.

use gridcare::server::{Application, Config, SystemClock};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

const WARM_UP: usize = 100;
const SAMPLES: usize = 2_000;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    rt.block_on(run());
}

async fn run() {
    let db = std::env::temp_dir().join(format!("gridcare-bench-{}.db", std::process::id()));
    let config = Config {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        database_url: format!("sqlite://{}", db.display()),
        demo: true,
        dist_dir: std::env::temp_dir(),
    };
    let app = Application::build(&config, Arc::new(SystemClock))
        .await
        .expect("the app starts");
    let base = format!("http://{}", app.local_addr());
    tokio::spawn(app.run_until(std::future::pending()));
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let signed_in = client
        .post(format!("{base}/api/auth/sign_in"))
        .form(&[
            ("email", "resident@example.com"),
            ("password", "demo-resident-2026"),
        ])
        .send()
        .await
        .expect("sign in");
    assert!(signed_in.status().is_success());
    let accounts: serde_json::Value = client
        .post(format!("{base}/api/accounts/list"))
        .send()
        .await
        .expect("accounts")
        .json()
        .await
        .expect("json");
    let account = accounts[0]["id"].to_string();
    let call = || async {
        let res = client
            .post(format!("{base}/api/bills/list"))
            .form(&[("account_id", account.as_str()), ("page", "1")])
            .send()
            .await
            .expect("bills/list answers");
        assert!(res.status().is_success());
        res.bytes().await.expect("body").len()
    };
    let mut size = 0;
    for _ in 0..WARM_UP {
        size = call().await;
    }
    let mut times = Vec::with_capacity(SAMPLES);
    let started = Instant::now();
    for _ in 0..SAMPLES {
        let t = Instant::now();
        call().await;
        times.push(t.elapsed());
    }
    let wall = started.elapsed();
    times.sort();
    println!(
        "bills/list on SQLite, {SAMPLES} sequential calls after {WARM_UP} warm-up, {size} bytes each"
    );
    println!(
        "  p50 {:.3} ms   p90 {:.3} ms   p99 {:.3} ms   max {:.3} ms   ({:.0} calls/s)",
        percentile(&times, 0.50).as_secs_f64() * 1e3,
        percentile(&times, 0.90).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
        SAMPLES as f64 / wall.as_secs_f64(),
    );
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}
