//! Usage over HTTP: months against the year before, a smart meter's days adding up to its bills,
//! its hours, why a bill is what it is, and the Green Button downloads (the XML validated
//! against the ESPI v3.3 schemas with xmllint), with access refused to others.

use crate::helpers::{OPS, RESIDENT, TestApp, spawn_app_with_demo};
use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Row;

const HOME: &str = "3100123456";

impl TestApp {
    async fn get_text(&self, path: &str) -> (StatusCode, String, reqwest::header::HeaderMap) {
        let res = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("an answer");
        let status = res.status();
        let headers = res.headers().clone();
        (status, res.text().await.expect("a body"), headers)
    }
}

/// Validates `xml` against the ESPI v3.3 schemas kept in `tests/greenbutton`, offline.
fn assert_valid_green_button(xml: &str) {
    // Read when the test runs: a target folder shared between checkouts may hold this binary
    // from another one.
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .join("tests/greenbutton");
    let file = std::env::temp_dir().join(format!("gridcare-gb-{:x}.xml", rand::random::<u64>()));
    std::fs::write(&file, xml).expect("write the export");
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(dir.join("greenbutton.xsd"))
        .arg(&file)
        .output()
        .expect("xmllint runs (Debian package libxml2-utils; cargo xtask test installs it)");
    let _ = std::fs::remove_file(&file);
    assert!(
        out.status.success(),
        "the export does not validate: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test]
async fn months_come_with_the_same_month_last_year() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let home = app.account_id(HOME).await.to_string();
    let u = app
        .call("usage/overview", &[("account_id", &home)])
        .await
        .ok();
    let months = u["months"].as_array().expect("months");
    assert_eq!(months.len(), 36);
    assert_eq!(months[35]["month"], "2026-10-01", "the latest billed month");
    assert_eq!(u["smart"], true);
    assert_eq!(u["peak_hours"], Value::Null, "a tiered tariff has no peak");
    // A year back is there from the 13th month on, and equals that month's own figure.
    assert_eq!(months[0]["energy_last_year"], Value::Null);
    assert_eq!(months[35]["energy_last_year"], months[23]["energy"]);
    // The kitchen is on time-of-use.
    app.sign_in(OPS).await;
    let kitchen = app.account_id("3200000001").await.to_string();
    let u = app
        .call("usage/overview", &[("account_id", &kitchen)])
        .await
        .ok();
    assert_eq!(
        u["peak_hours"],
        serde_json::json!({"peak_from": 8, "valley_from": 22})
    );
    assert_eq!(u["months"].as_array().expect("months").len(), 36);
}

#[tokio::test]
async fn a_smart_meters_days_add_up_to_each_months_bill() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let home = app.account_id(HOME).await;
    let days = app
        .call(
            "usage/daily",
            &[("account_id", &home.to_string()), ("days", "90")],
        )
        .await
        .ok();
    let days = days.as_array().expect("days");
    assert!(days.len() >= 90, "{}", days.len());
    // September and October 2026 lie wholly inside the 90 days before 27 November.
    for month in ["2026-09", "2026-10"] {
        let wh: i64 = days
            .iter()
            .filter(|d| d["day"].as_str().is_some_and(|s| s.starts_with(month)))
            .map(|d| d["energy"].as_i64().expect("Wh"))
            .sum();
        let billed: i64 = sqlx::query(
            "SELECT energy_centi_kwh FROM bills WHERE service_account_id = $1 AND period_start = $2",
        )
        .bind(home)
        .bind(format!("{month}-01"))
        .fetch_one(app.state.store.pool())
        .await
        .expect("a bill")
        .get(0);
        assert_eq!(wh, billed * 10, "{month}: the days add up to the bill");
    }
    assert!(days.iter().all(|d| d["peak"].is_null()));
    app.call(
        "usage/daily",
        &[("account_id", &home.to_string()), ("days", "45")],
    )
    .await
    .assert_invalid("days", "not_allowed");
    // A day's hours add up to the day.
    let day = days[days.len() - 3].clone();
    let hours = app
        .call(
            "usage/hours",
            &[
                ("account_id", &home.to_string()),
                ("day", day["day"].as_str().expect("a day")),
            ],
        )
        .await
        .ok();
    let hours = hours.as_array().expect("hours");
    assert_eq!(hours.len(), 24);
    let sum: i64 = hours.iter().map(|h| h.as_i64().expect("a full day")).sum();
    assert_eq!(sum, day["energy"].as_i64().expect("Wh"));
    app.call(
        "usage/hours",
        &[("account_id", &home.to_string()), ("day", "2026-09-01")],
    )
    .await
    .assert_invalid("day", "out_of_range");
}

#[tokio::test]
async fn the_kitchens_days_split_into_peak_and_valley() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let kitchen = app.account_id("3200000001").await.to_string();
    let days = app
        .call("usage/daily", &[("account_id", &kitchen), ("days", "7")])
        .await
        .ok();
    for d in days.as_array().expect("days") {
        let (all, peak) = (
            d["energy"].as_i64().expect("Wh"),
            d["peak"].as_i64().expect("peak"),
        );
        assert!(peak > 0 && peak < all, "{d}");
    }
    // A meter read once a month keeps no days.
    let store = app.account_id("3200000002").await.to_string();
    app.call("usage/daily", &[("account_id", &store), ("days", "7")])
        .await
        .assert_error(StatusCode::CONFLICT, "not_now");
}

#[tokio::test]
async fn someone_elses_usage_is_refused() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let home = app.account_id(HOME).await.to_string();
    for (endpoint, fields) in [
        ("usage/overview", vec![("account_id", home.as_str())]),
        (
            "usage/daily",
            vec![("account_id", home.as_str()), ("days", "7")],
        ),
        (
            "usage/hours",
            vec![("account_id", home.as_str()), ("day", "2026-11-20")],
        ),
    ] {
        let answer = app.call(endpoint, &fields).await;
        answer.assert_error(StatusCode::NOT_FOUND, "not_found");
        assert!(!answer.text.contains("Riverside"));
    }
    let (status, text, _) = app
        .get_text(&format!(
            "/api/usage/{home}/greenbutton.xml?from=2026-11-01&to=2026-11-20&interval=hour"
        ))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!text.contains("Riverside"));
}

#[tokio::test]
async fn a_bill_says_why_it_is_what_it_is() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let home = app.account_id(HOME).await;
    // August 2026: the summer peak of the household's year.
    let row = sqlx::query(
        "SELECT id, energy_centi_kwh FROM bills WHERE service_account_id = $1 AND period_start = '2026-08-01'",
    )
    .bind(home)
    .fetch_one(app.state.store.pool())
    .await
    .expect("August's bill");
    let (id, august): (i64, i64) = (row.get(0), row.get(1));
    let july: i64 = sqlx::query(
        "SELECT energy_centi_kwh FROM bills WHERE service_account_id = $1 AND period_start = '2026-07-01'",
    )
    .bind(home)
    .fetch_one(app.state.store.pool())
    .await
    .expect("July's bill")
    .get(0);
    let a_year_ago: i64 = sqlx::query(
        "SELECT energy_centi_kwh FROM bills WHERE service_account_id = $1 AND period_start = '2025-08-01'",
    )
    .bind(home)
    .fetch_one(app.state.store.pool())
    .await
    .expect("August 2025")
    .get(0);
    let bill = app
        .call("bills/detail", &[("bill_id", &id.to_string())])
        .await
        .ok();
    let reasons = bill["explanation"].as_array().expect("reasons");
    let previous = reasons
        .iter()
        .find(|r| r["reason"] == "compared_with_previous")
        .expect("against July");
    assert_eq!(previous["energy"], august);
    assert_eq!(previous["energy_before"], july);
    let last_year = reasons
        .iter()
        .find(|r| r["reason"] == "compared_with_last_year")
        .expect("against August 2025");
    assert_eq!(last_year["energy_then"], a_year_ago);
    assert_eq!(last_year["period_start_then"], "2025-08-01");
    assert_eq!(
        reasons.last().expect("a reason")["reason"],
        "tier_reset",
        "a yearly tiered tariff says when it starts again"
    );
    assert!(
        bill["reference"]
            .as_str()
            .is_some_and(|r| r.starts_with(&format!("GC-{HOME}-202608-"))),
        "{}",
        bill["reference"]
    );
}

#[tokio::test]
async fn green_button_exports_validate_and_follow_the_csv_layout() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let home = app.account_id(HOME).await;
    // Thirty days of hours.
    let (status, xml, headers) = app
        .get_text(&format!(
            "/api/usage/{home}/greenbutton.xml?from=2026-10-27&to=2026-11-26&interval=hour",
            home = home
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{xml}");
    assert_eq!(
        headers["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    assert_eq!(
        headers["content-disposition"],
        "attachment; filename=\"greenbutton-3100123456-hour-2026-10-27-to-2026-11-26.xml\""
    );
    assert_valid_green_button(&xml);
    assert_eq!(xml.matches("<IntervalBlock ").count(), 30);
    assert_eq!(xml.matches("<IntervalReading>").count(), 30 * 24);
    // The values are the meter's.
    let from = gridcare::domain::local_time::day_start(
        chrono::NaiveDate::from_ymd_opt(2026, 10, 27).expect("day"),
    );
    let to = gridcare::domain::local_time::day_start(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("day"),
    );
    let stored: i64 = sqlx::query(
        "SELECT CAST(SUM(i.wh) AS BIGINT) FROM interval_readings i JOIN meters m ON m.id = i.meter_id
         WHERE m.service_account_id = $1 AND i.start_at >= $2 AND i.start_at < $3",
    )
    .bind(home)
    .bind(from)
    .bind(to)
    .fetch_one(app.state.store.pool())
    .await
    .expect("sum")
    .get(0);
    let exported: i64 = xml
        .split("<value>")
        .skip(1)
        .filter_map(|v| v.split('<').next()?.parse::<i64>().ok())
        .take(30 * 24)
        .sum();
    assert_eq!(exported, stored);
    // Three years of months, one reading and one summary per bill.
    let (status, xml, _) = app
        .get_text(&format!(
            "/api/usage/{}/greenbutton.xml?from=2023-11-01&to=2026-11-01&interval=month",
            home
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_valid_green_button(&xml);
    assert_eq!(xml.matches("<IntervalReading>").count(), 36);
    assert_eq!(xml.matches("<UsageSummary ").count(), 36);
    // The CSV layout: preamble, blank line, header, a line per hour in local time.
    let (status, csv, headers) = app
        .get_text(&format!(
            "/api/usage/{}/greenbutton.csv?from=2026-11-20&to=2026-11-21&interval=hour",
            home
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "Name,Li Wei");
    assert_eq!(lines[2], "Account Number,3100123456");
    assert_eq!(lines[4], "");
    assert_eq!(
        lines[5],
        "TYPE,DATE,START TIME,END TIME,USAGE,UNITS,COST,NOTES"
    );
    assert!(
        lines[6].starts_with("Electric usage,2026-11-20,00:00,00:59,"),
        "{}",
        lines[6]
    );
    assert!(
        lines[29].starts_with("Electric usage,2026-11-20,23:00,23:59,"),
        "{}",
        lines[29]
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("Electric usage"))
            .count(),
        24
    );
    // Bad requests name the field.
    for (query, field, problem) in [
        (
            "from=2026-11-01&to=2026-11-20&interval=minute",
            "interval",
            "not_allowed",
        ),
        (
            "from=2026-01-01&to=2026-11-20&interval=hour",
            "to",
            "out_of_range",
        ),
        (
            "from=2026-11-20&to=2026-11-01&interval=month",
            "to",
            "not_allowed",
        ),
        ("to=2026-11-01&interval=month", "from", "required"),
    ] {
        let (status, text, _) = app
            .get_text(&format!("/api/usage/{}/greenbutton.xml?{query}", home))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {text}");
        let body: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(body["field"], field, "{query}");
        assert!(
            body["problem"].to_string().contains(problem),
            "{query}: {text}"
        );
    }
    // A meter read once a month has no hours to give.
    app.sign_in(OPS).await;
    let store = app.account_id("3200000002").await;
    let (status, text, _) = app
        .get_text(&format!(
            "/api/usage/{}/greenbutton.xml?from=2026-11-01&to=2026-11-20&interval=hour",
            store
        ))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
}

#[test]
fn the_schema_check_refuses_a_feed_that_breaks_espi() {
    // The check above must be able to fail: an IntervalReading whose value is not a number.
    let bad = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:x</id>\
        <title>t</title><updated>2026-01-01T00:00:00Z</updated><link rel=\"self\" href=\"/x\" type=\"espi-feed/UsagePoint\"/>\
        <entry><id>urn:y</id><link rel=\"self\" href=\"/y\" type=\"espi-entry/IntervalBlock\"/>\
        <link rel=\"up\" href=\"/z\" type=\"espi-feed/IntervalBlock\"/><title>b</title>\
        <content><IntervalBlock xmlns=\"http://naesb.org/espi\"><IntervalReading><value>lots</value></IntervalReading></IntervalBlock></content>\
        <published>2026-01-01T00:00:00Z</published><updated>2026-01-01T00:00:00Z</updated></entry></feed>";
    let result = std::panic::catch_unwind(|| assert_valid_green_button(bad));
    assert!(result.is_err(), "xmllint accepted a broken feed");
}
