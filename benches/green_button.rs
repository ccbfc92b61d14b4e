//! Benchmark: Green Button downloads of the demo household on SQLite over HTTP on loopback:
//! 30 days of hourly readings and three years of billing months, as ESPI XML and as CSV.
//! Prints each file's size and the time to make and send it. Run with `cargo xtask bench`.

// Shared with the other benchmarks; this one uses part of it.
#[allow(dead_code)]
mod support;

use chrono::{Datelike, Days, Months};
use support::{Bench, measure};

fn main() {
    support::block_on(run());
}

async fn run() {
    let bench = Bench::start("bench-greenbutton").await;
    bench
        .sign_in("resident@example.com", "demo-resident-2026")
        .await;
    let (_, accounts) = bench.call("accounts/list", &[]).await;
    let account = accounts[0]["id"].to_string();
    let today = chrono::Utc::now().date_naive();
    let month = today.with_day(1).expect("first of month");
    let hourly = format!("from={}&to={today}&interval=hour", today - Days::new(30));
    let monthly = format!("from={}&to={month}&interval=month", month - Months::new(36));
    for (what, file, query) in [
        ("30 days hourly, XML", "greenbutton.xml", &hourly),
        ("30 days hourly, CSV", "greenbutton.csv", &hourly),
        ("3 years monthly, XML", "greenbutton.xml", &monthly),
        ("3 years monthly, CSV", "greenbutton.csv", &monthly),
    ] {
        let url = format!("{}/api/usage/{account}/{file}?{query}", bench.base);
        measure(what, 3, 50, || async {
            let res = bench.client.get(&url).send().await.expect("an export");
            assert!(res.status().is_success(), "{what}: {}", res.status());
            res.bytes().await.expect("the file").len()
        })
        .await;
    }
    bench.finish();
}
