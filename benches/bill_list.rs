//! Benchmark: the bill-list server function (`bills/list`) on SQLite, over HTTP on loopback,
//! signed in as the demo resident (36 bills, 12 a page). Prints percentiles of many calls.
//! Run with `cargo xtask bench`.

// Shared with the other benchmark, which uses more of it.
#[allow(dead_code)]
mod support;

use support::{Bench, measure};

fn main() {
    support::block_on(run());
}

async fn run() {
    let bench = Bench::start("bench-bills").await;
    bench
        .sign_in("resident@example.com", "demo-resident-2026")
        .await;
    let (_, accounts) = bench.call("accounts/list", &[]).await;
    let account = accounts[0]["id"].to_string();
    measure("bills/list on SQLite", 100, 2_000, || async {
        bench
            .call("bills/list", &[("account_id", &account), ("page", "1")])
            .await
            .0
    })
    .await;
    bench.finish();
}
