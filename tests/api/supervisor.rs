//! The supervisor's dashboard over HTTP: figures known by hand, the CSV, who may see it.

use crate::helpers::{RESIDENT, SUPERVISOR, spawn_app_with_demo};
use reqwest::StatusCode;
use serde_json::Value;

/// The on-time entry for `commitment` in a slice, as (met, measured).
fn on_time(slice: &Value, commitment: &str) -> Option<(u64, u64)> {
    slice["on_time"]
        .as_array()?
        .iter()
        .find(|o| o["commitment"] == commitment)
        .map(|o| {
            (
                o["met"].as_u64().unwrap_or(0),
                o["measured"].as_u64().unwrap_or(0),
            )
        })
}

#[tokio::test]
async fn the_dashboard_counts_what_happened_today() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    // A fault, reported now (10:00 on Friday 27 November 2026), urban: the crew is due by 10:45.
    let ticket = app.report_no_power("3100123456", "d-1").await.ok();
    let id = ticket["id"].to_string();
    let agent = app.agent().await;
    app.ticket_act(&agent, &id, "dispatch", "Crew 2", "20")
        .await
        .ok();
    app.ticket_act(&agent, &id, "depart", "", "").await.ok();
    app.clock.advance(30 * 60);
    app.ticket_act(&agent, &id, "arrive", "", "").await.ok();
    // An hour without using the console ends an agent's session: they sign in again.
    app.clock.advance(60 * 60);
    let agent = app.agent().await;
    app.ticket_act(&agent, &id, "restore", "", "").await.ok();
    app.ticket_act(&agent, &id, "close", "", "").await.ok();
    app.call(
        "ratings/rate",
        &[
            ("job_kind", "repair"),
            ("job_id", &id),
            ("stars", "4"),
            ("tags", "speed"),
            ("comment", ""),
        ],
    )
    .await
    .ok();

    let supervisor = app.signed_in_browser(SUPERVISOR).await;
    let d = app
        .call_with(
            &supervisor,
            "supervisor/dashboard",
            &[("from", "2026-11-27"), ("to", "2026-11-27")],
        )
        .await
        .ok();
    let all = &d["figures"]["overall"];
    // One rating today, 4 stars: 100 % satisfied, average 4.00.
    assert_eq!(all["satisfaction"]["ratings"], 1);
    assert_eq!(all["satisfaction"]["rate"], 1000);
    assert_eq!(all["satisfaction"]["average_centi"], 400);
    // Arrivals measured by now (11:30): this one (30 min, met), and the demo's two open
    // tickets, reported at 08:50 and 09:50 and due by 09:35 and 10:35 (both missed).
    assert_eq!(on_time(all, "repair_arrival"), Some((1, 3)));
    // Power back within 3 h of arrival: this one; the others are still running.
    assert_eq!(on_time(all, "repair_restoration"), Some((1, 1)));
    // By area: everything today was urban.
    assert_eq!(d["figures"]["by_area"][0]["key"], "urban");
    // The demo's missed arrival is at risk (past), and shown first.
    assert_eq!(d["at_risk"][0]["kind"], "repair");
    assert_eq!(d["at_risk"][0]["past"], true);

    let csv = app
        .call_with(
            &supervisor,
            "supervisor/dashboard_csv",
            &[("from", "2026-11-27"), ("to", "2026-11-27")],
        )
        .await
        .ok();
    let csv = csv.as_str().expect("CSV text");
    assert!(csv.starts_with("slice,key,measure,count,share\n"), "{csv}");
    assert!(csv.contains("all,,satisfaction,1/1,100.0 %\n"), "{csv}");
    assert!(
        csv.contains("all,,on_time_repair_arrival,1/3,33.3 %\n"),
        "{csv}"
    );
}

#[tokio::test]
async fn only_supervisors_see_the_dashboard() {
    let app = spawn_app_with_demo().await;
    let range = [("from", "2026-11-01"), ("to", "2026-11-30")];
    app.call("supervisor/dashboard", &range)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    app.sign_in(RESIDENT).await;
    app.call("supervisor/dashboard", &range)
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    let agent = app.agent().await;
    app.call_with(&agent, "supervisor/dashboard", &range)
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    let supervisor = app.signed_in_browser(SUPERVISOR).await;
    app.call_with(
        &supervisor,
        "supervisor/dashboard",
        &[("from", "2026-11-30"), ("to", "2026-11-01")],
    )
    .await
    .assert_invalid("expected_end", "not_allowed");
    app.call_with(
        &supervisor,
        "supervisor/dashboard",
        &[("from", "soon"), ("to", "2026-11-01")],
    )
    .await
    .assert_invalid("starts_at", "malformed");
}

#[tokio::test]
async fn connection_figures_are_cut_by_the_area_class_of_the_premises() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    // The spare demo account is a rural premises.
    app.bind_with_code(&app.client, "3100765432").await;
    let account = app.account_id("3100765432").await.to_string();
    let documents = app.ev_documents().await;
    let case = app
        .call(
            "connections/apply",
            &[
                ("kind", "ev_charger"),
                ("category", "residential"),
                ("account_id", &account),
                ("premise_address", "No. 7 Orchard Lane, Qingpu Village"),
                ("capacity_kw", "7"),
                ("supply_voltage", "v220"),
                ("contact_name", "Li Wei"),
                ("contact_phone", "13800005678"),
                ("document_ids", &documents),
                ("idempotency_key", "rural-1"),
            ],
        )
        .await
        .ok();
    let id = case["id"].to_string();
    let agent = app.agent().await;
    // Accepted, surveyed, power on: completed the same day, within its 5 working days.
    for _ in 0..3 {
        app.act(&agent, &id, "advance", "", true).await.ok();
    }
    let supervisor = app.signed_in_browser(SUPERVISOR).await;
    let d = app
        .call_with(
            &supervisor,
            "supervisor/dashboard",
            &[("from", "2026-11-27"), ("to", "2026-11-27")],
        )
        .await
        .ok();
    let rural = d["figures"]["by_area"]
        .as_array()
        .expect("areas")
        .iter()
        .find(|s| s["key"] == "rural")
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(on_time(&rural, "connection_total"), Some((1, 1)), "{d}");
}
