//! Bills: the overview, the bill list, one bill, and who may see them.

use crate::helpers::{AGENT, OPS, RESIDENT, spawn_app_with_demo, test_now};
use gridcare::server::seed::SPARE_ACCOUNT;
use reqwest::StatusCode;
use serde_json::Value;

const HOME: &str = "3100123456";

fn fen(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("not fen: {v}"))
}

#[tokio::test]
async fn signed_out_requests_for_bills_are_refused() {
    let app = spawn_app_with_demo().await;
    let bill = app.latest_bill_id(HOME).await.to_string();
    let account = app.account_id(HOME).await.to_string();
    for (endpoint, fields) in [
        ("bills/overview", vec![]),
        (
            "bills/list",
            vec![("account_id", account.as_str()), ("page", "1")],
        ),
        ("bills/detail", vec![("bill_id", bill.as_str())]),
    ] {
        let answer = app.call(endpoint, &fields).await;
        answer.assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
        assert!(
            !answer.text.contains(HOME),
            "{endpoint} leaked data: {}",
            answer.text
        );
    }
}

#[tokio::test]
async fn the_overview_shows_what_is_due_and_the_latest_bill() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let o = app.call("bills/overview", &[]).await.ok();
    let latest = &o["latest_bill"];
    assert_eq!(latest["status"], "unpaid");
    assert_eq!(
        fen(&o["balance_due"]),
        fen(&latest["total"]),
        "only the latest bill is owed"
    );
    assert_eq!(o["next_due"], latest["due_on"]);
    let today = test_now().date_naive().to_string();
    assert!(
        latest["due_on"].as_str().unwrap_or("") >= today.as_str(),
        "due, not overdue: {latest}"
    );
    assert_eq!(o["accounts"][0]["account_number"], HOME);
}

#[tokio::test]
async fn the_resident_pages_through_36_bills_newest_first() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let account = app.account_id(HOME).await.to_string();
    let first = app
        .call("bills/list", &[("account_id", &account), ("page", "")])
        .await
        .ok();
    assert_eq!(first["total_bills"], 36);
    assert_eq!(first["page_count"], 3);
    let bills = first["bills"].as_array().expect("bills");
    assert_eq!(bills.len(), 12);
    let starts: Vec<&str> = bills
        .iter()
        .map(|b| b["period_start"].as_str().unwrap_or(""))
        .collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(starts, sorted, "newest first");
    assert_eq!(bills[0]["status"], "unpaid");
    assert!(bills[1..].iter().all(|b| b["status"] == "paid"));
    let last = app
        .call("bills/list", &[("account_id", &account), ("page", "3")])
        .await
        .ok();
    assert_eq!(last["bills"].as_array().map(Vec::len), Some(12));
    assert!(last["bills"][0]["period_start"].as_str() < bills[11]["period_start"].as_str());
}

#[tokio::test]
async fn a_bill_shows_readings_lines_and_payments_that_add_up() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let account = app.account_id(HOME).await.to_string();
    let list = app
        .call("bills/list", &[("account_id", &account), ("page", "2")])
        .await
        .ok();
    let id = list["bills"][0]["id"].to_string();
    let bill = app.call("bills/detail", &[("bill_id", &id)]).await.ok();
    let s = &bill["summary"];
    let lines = bill["lines"].as_array().expect("lines");
    assert_eq!(
        lines.iter().map(|l| fen(&l["amount"])).sum::<i64>(),
        fen(&s["total"])
    );
    assert_eq!(
        lines.iter().map(|l| fen(&l["energy"])).sum::<i64>(),
        fen(&s["energy"])
    );
    let reading = &bill["readings"][0];
    assert_eq!(reading["register"], "total");
    assert_eq!(
        fen(&reading["end"]) - fen(&reading["start"]),
        fen(&s["energy"])
    );
    let payments = bill["payments"].as_array().expect("payments");
    assert_eq!(
        payments.iter().map(|p| fen(&p["amount"])).sum::<i64>(),
        fen(&s["total"])
    );
    assert_eq!(s["status"], "paid");
    assert_eq!(bill["tariff"]["en"], "Residential tiered (yearly)");
    assert_eq!(bill["next_tier_reset"], "2027-01-01");
}

#[tokio::test]
async fn yearly_tiers_reach_tier_2_late_in_the_year() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let account = app.account_id(HOME).await.to_string();
    let mut kinds = std::collections::BTreeSet::new();
    for page in ["1", "2", "3"] {
        let list = app
            .call("bills/list", &[("account_id", &account), ("page", page)])
            .await
            .ok();
        for b in list["bills"].as_array().expect("bills") {
            let bill = app
                .call("bills/detail", &[("bill_id", &b["id"].to_string())])
                .await
                .ok();
            for l in bill["lines"].as_array().expect("lines") {
                kinds.insert(l["kind"].as_str().unwrap_or("").to_string());
            }
        }
    }
    assert!(
        kinds.contains("tier1") && kinds.contains("tier2"),
        "{kinds:?}"
    );
}

#[tokio::test]
async fn a_time_of_use_site_bills_peak_and_valley_separately() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let id = app.latest_bill_id("3200000001").await.to_string();
    let bill = app.call("bills/detail", &[("bill_id", &id)]).await.ok();
    let kinds: Vec<&str> = bill["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| l["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(kinds, ["peak", "valley"]);
    let registers: Vec<&str> = bill["readings"]
        .as_array()
        .expect("readings")
        .iter()
        .map(|r| r["register"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(registers, ["peak", "valley"]);
    assert_eq!(bill["next_tier_reset"], Value::Null);
}

#[tokio::test]
async fn customer_a_asking_for_customer_b_bill_is_refused_and_sees_none_of_it() {
    let app = spawn_app_with_demo().await;
    // B binds the spare account; A is the demo resident.
    let b = app.other_browser();
    app.register_with(&b, "b@example.com", "b's long password")
        .await;
    app.bind_with_code(&b, SPARE_ACCOUNT).await;
    let b_bill = app.latest_bill_id(SPARE_ACCOUNT).await.to_string();
    app.call_with(&b, "bills/detail", &[("bill_id", &b_bill)])
        .await
        .ok();

    app.sign_in(RESIDENT).await;
    // Someone else's bill is as unknown as one that does not exist: the same answer.
    let refused = app.call("bills/detail", &[("bill_id", &b_bill)]).await;
    refused.assert_error(StatusCode::NOT_FOUND, "not_found");
    let missing = app.call("bills/detail", &[("bill_id", "999999")]).await;
    assert_eq!(refused.text, missing.text);
    for secret in [SPARE_ACCOUNT, "Orchard Lane", "total"] {
        assert!(
            !refused.text.contains(secret),
            "leaked {secret}: {}",
            refused.text
        );
    }
    let b_account = app.account_id(SPARE_ACCOUNT).await.to_string();
    let list = app
        .call("bills/list", &[("account_id", &b_account), ("page", "1")])
        .await;
    list.assert_error(StatusCode::NOT_FOUND, "not_found");
    assert!(!list.text.contains(SPARE_ACCOUNT));
    let overview = app.call("bills/overview", &[]).await.ok();
    assert!(!overview.to_string().contains(SPARE_ACCOUNT));
}

#[tokio::test]
async fn an_enterprise_owner_cannot_read_a_household_bill() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let id = app.latest_bill_id(HOME).await.to_string();
    app.call("bills/detail", &[("bill_id", &id)])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn staff_may_read_any_customer_bill() {
    let app = spawn_app_with_demo().await;
    app.sign_in(AGENT).await;
    let id = app.latest_bill_id(HOME).await.to_string();
    let bill = app.call("bills/detail", &[("bill_id", &id)]).await.ok();
    assert_eq!(bill["summary"]["account_number"], HOME);
}

#[tokio::test]
async fn bad_ids_and_pages_are_refused_naming_the_field() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let account = app.account_id(HOME).await.to_string();
    for (value, problem) in [
        ("", "required"),
        ("abc", "not_a_number"),
        ("1.5", "not_a_number"),
        ("0", "out_of_range"),
        ("-4", "out_of_range"),
    ] {
        app.call("bills/detail", &[("bill_id", value)])
            .await
            .assert_invalid("bill_id", problem);
        app.call("bills/list", &[("account_id", value), ("page", "1")])
            .await
            .assert_invalid("account_id", problem);
    }
    app.call("bills/list", &[("account_id", &account), ("page", "x")])
        .await
        .assert_invalid("page", "not_a_number");
    app.call("bills/list", &[("account_id", &account), ("page", "10001")])
        .await
        .assert_invalid("page", "out_of_range");
    app.call("bills/detail", &[("bill_id", "99999999")])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.call("bills/list", &[("account_id", "99999999"), ("page", "1")])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn a_page_past_the_end_is_empty_not_an_error() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let account = app.account_id(HOME).await.to_string();
    let page = app
        .call("bills/list", &[("account_id", &account), ("page", "9")])
        .await
        .ok();
    assert_eq!(page["bills"].as_array().map(Vec::len), Some(0));
    assert_eq!(page["page_count"], 3);
}
