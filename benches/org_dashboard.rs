//! Benchmark: an enterprise organisation of 500 sites with 24 months of bills each (12,000
//! bills, 11,500 payments, a few open repair tickets), on SQLite over HTTP on loopback: the
//! consolidated dashboard, the sites list (plain and filtered), one site, and the streamed
//! export of every bill. Run with `cargo xtask bench`.

mod support;

use chrono::{Datelike, Months, NaiveDate};
use support::{Bench, measure};

const SITES: i64 = 500;
const MONTHS: u32 = 24;

fn main() {
    support::block_on(run());
}

/// Seeds "Big Chain Co." with the demo enterprise owner as its owner; returns its id and one
/// site's id.
async fn seed(bench: &Bench) -> (i64, i64) {
    use sqlx::Row;
    let pool = bench.state.store.pool();
    let mut tx = pool.begin().await.expect("a transaction");
    let owner: i64 = sqlx::query("SELECT id FROM users WHERE email = 'ops@example.com'")
        .fetch_one(&mut *tx)
        .await
        .expect("the demo owner")
        .get("id");
    let org: i64 = sqlx::query(
        "INSERT INTO organisations (name, created_at) VALUES ('Big Chain Co.', 0) RETURNING id",
    )
    .fetch_one(&mut *tx)
    .await
    .expect("organisation")
    .get("id");
    sqlx::query("INSERT INTO organisation_members (organisation_id, user_id, role) VALUES ($1, $2, 'owner')")
        .bind(org)
        .bind(owner)
        .execute(&mut *tx)
        .await
        .expect("member");
    let today = chrono::Utc::now().date_naive();
    let this_month = today.with_day(1).expect("first of month");
    let first = this_month - Months::new(MONTHS);
    let mut one_site = 0;
    for n in 0..SITES {
        let tariff = if n % 3 == 0 { "BIZ-TOU" } else { "BIZ-FLAT" };
        let site: i64 = sqlx::query(
            "INSERT INTO service_accounts (account_number, holder_name, phone, premise_address,
                area_class, customer_category, tariff_code, organisation_id, site_name, created_at,
                supply_area)
             VALUES ($1, 'Big Chain Co.', '02100000000', $2, 'urban', 'business_low_voltage', $3,
                $4, $5, 0, $6) RETURNING id",
        )
        .bind(format!("{}", 3_500_000_000 + n))
        .bind(format!("{n} Chain Street, Shanghai"))
        .bind(tariff)
        .bind(org)
        .bind(format!("Store {n:03}"))
        .bind(format!("District {}", n % 16))
        .fetch_one(&mut *tx)
        .await
        .expect("site")
        .get("id");
        one_site = site;
        sqlx::query("INSERT INTO site_labels (service_account_id, label) VALUES ($1, $2)")
            .bind(site)
            .bind(if n % 2 == 0 { "East" } else { "West" })
            .execute(&mut *tx)
            .await
            .expect("label");
        let meter: i64 = sqlx::query(
            "INSERT INTO meters (service_account_id, serial, registers, installed_on)
             VALUES ($1, $2, 'total', $3) RETURNING id",
        )
        .bind(site)
        .bind(format!("MB{n}"))
        .bind(first.to_string())
        .fetch_one(&mut *tx)
        .await
        .expect("meter")
        .get("id");
        for k in 0..MONTHS {
            let start: NaiveDate = first + Months::new(k);
            let end = start + Months::new(1);
            let kwh = 2_000 + (n * 37 + i64::from(k) * 11) % 900;
            let total = kwh * 68;
            let due = end + chrono::Days::new(31);
            let bill: i64 = sqlx::query(
                "INSERT INTO bills (service_account_id, meter_id, tariff_code, period_start,
                    period_end, issued_on, due_on, energy_centi_kwh, total_fen)
                 VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8) RETURNING id",
            )
            .bind(site)
            .bind(meter)
            .bind(tariff)
            .bind(start.to_string())
            .bind(end.to_string())
            .bind(due.to_string())
            .bind(kwh * 100)
            .bind(total)
            .fetch_one(&mut *tx)
            .await
            .expect("bill")
            .get("id");
            // The latest bill is due everywhere; every tenth site also owes the one before.
            let unpaid = k + 1 == MONTHS || (k + 2 == MONTHS && n % 10 == 0);
            if !unpaid {
                sqlx::query(
                    "INSERT INTO payments (service_account_id, bill_id, paid_at, amount_fen, channel)
                     VALUES ($1, $2, 0, $3, 'bank')",
                )
                .bind(site)
                .bind(bill)
                .bind(total)
                .execute(&mut *tx)
                .await
                .expect("payment");
            }
        }
        if n % 25 == 0 {
            let now = chrono::Utc::now().timestamp();
            sqlx::query(
                "INSERT INTO repair_tickets (ticket_number, reporter_id, service_account_id, kind,
                    description, contact_phone, area_class, state, reported_at, arrival_due_at,
                    updated_at, idempotency_key)
                 VALUES ($1, $2, $3, 'no_power', 'No power in the shop.', '13800000000', 'urban',
                    'reported', $4, $5, $4, $1)",
            )
            .bind(format!("BX-BENCH-{n:06}"))
            .bind(owner)
            .bind(site)
            .bind(now - 600)
            .bind(now + 2_100)
            .execute(&mut *tx)
            .await
            .expect("ticket");
        }
    }
    tx.commit().await.expect("commit");
    (org, one_site)
}

async fn run() {
    let bench = Bench::start("bench-org").await;
    let started = std::time::Instant::now();
    let (org, site) = seed(&bench).await;
    println!(
        "seeded {SITES} sites x {MONTHS} months in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    bench
        .sign_in("ops@example.com", "demo-enterprise-2026")
        .await;
    let org = org.to_string();
    let site = site.to_string();
    let (_, d) = bench
        .call("org/dashboard", &[("organisation_id", &org)])
        .await;
    assert_eq!(d["site_count"], SITES);
    measure("org/dashboard, 500 sites", 10, 200, || async {
        bench
            .call("org/dashboard", &[("organisation_id", &org)])
            .await
            .0
    })
    .await;
    let sites = |search: &'static str, label: &'static str, unpaid: &'static str| {
        let (bench, org) = (&bench, org.clone());
        async move {
            bench
                .call(
                    "org/sites",
                    &[
                        ("organisation_id", &org),
                        ("search", search),
                        ("tariff", ""),
                        ("area", ""),
                        ("label", label),
                        ("open_requests", ""),
                        ("unpaid", unpaid),
                        ("page", "3"),
                    ],
                )
                .await
                .0
        }
    };
    measure("org/sites, page 3 of 500", 10, 200, || sites("", "", "")).await;
    measure(
        "org/sites, search 'store 1' + label + unpaid",
        10,
        200,
        || sites("store 1", "East", "true"),
    )
    .await;
    measure("org/site, one site with 24 bills", 10, 200, || async {
        bench
            .call("org/site", &[("organisation_id", &org), ("site_id", &site)])
            .await
            .0
    })
    .await;
    let from = (chrono::Utc::now().date_naive() - Months::new(MONTHS + 1)).to_string();
    let to = (chrono::Utc::now().date_naive() + Months::new(1)).to_string();
    let url = format!("{}/api/org/{org}/bills.csv?from={from}&to={to}", bench.base);
    measure(
        "bills.csv, every bill of 500 sites (streamed)",
        2,
        20,
        || async {
            let res = bench.client.get(&url).send().await.expect("export");
            assert!(res.status().is_success());
            let text = res.text().await.expect("csv");
            assert_eq!(text.lines().count() as i64, 1 + SITES * i64::from(MONTHS));
            text.len()
        },
    )
    .await;
    bench.finish();
}
