//! Benchmark: a storm on the public outage list (`outages/list`), as when a feeder trips and a
//! district opens the page at once: 256 visitors without sessions, each calling again as soon
//! as it has its answer, for 10 seconds, over HTTP on loopback against SQLite with the demo
//! data. Prints answers per second, latency percentiles and how often the notices were read
//! from the database. The load and the server share the
//! machine's cores, so the figure is a floor. Run with `cargo xtask bench`.

#[allow(dead_code)]
mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use support::Bench;

const VISITORS: usize = 256;
const SECONDS: u64 = 10;

fn main() {
    support::block_on(run());
}

async fn run() {
    let bench = Bench::start("bench-outages").await;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(VISITORS)
        .build()
        .expect("client");
    let url = format!("{}/api/outages/list", bench.base);
    // Warm up: connections open, the database's pages in memory.
    for _ in 0..50 {
        let res = client.post(&url).json(&serde_json::json!({})).send().await;
        assert!(res.expect("an answer").status().is_success());
    }
    let reads_before = bench.state.outages.database_reads();
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let mut visitors = Vec::with_capacity(VISITORS);
    for _ in 0..VISITORS {
        let (client, url, stop) = (client.clone(), url.clone(), stop.clone());
        visitors.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let mut failed = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let t = Instant::now();
                let ok = match client.post(&url).json(&serde_json::json!({})).send().await {
                    Ok(res) => res.status().is_success() && res.bytes().await.is_ok(),
                    Err(_) => false,
                };
                if ok {
                    times.push(t.elapsed());
                } else {
                    failed += 1;
                }
            }
            (times, failed)
        }));
    }
    tokio::time::sleep(Duration::from_secs(SECONDS)).await;
    stop.store(true, Ordering::Relaxed);
    let mut times = Vec::new();
    let mut failed = 0;
    for v in visitors {
        let (t, f) = v.await.expect("a visitor");
        times.extend(t);
        failed += f;
    }
    let wall = started.elapsed();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let at = |p: f64| support::percentile(&times, p);
    println!(
        "outages/list under a storm: {VISITORS} concurrent visitors for {SECONDS} s on SQLite"
    );
    println!(
        "  {:.0} answers/s   {} answers, {failed} failed   p50 {:.1} ms   p95 {:.1} ms   p99 {:.1} ms",
        times.len() as f64 / wall.as_secs_f64(),
        times.len(),
        ms(at(0.50)),
        ms(at(0.95)),
        ms(at(0.99)),
    );
    println!(
        "  database reads of the notices during the storm: {}",
        bench.state.outages.database_reads() - reads_before
    );
    bench.finish();
}
