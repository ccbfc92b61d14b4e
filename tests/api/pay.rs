//! Paying through the provider's sandbox over real HTTP: orders, the hosted page, the signed
//! notice and everything that can go wrong with it, receipts, credit, and who may pay.

use crate::helpers::{AGENT, OPS, RESIDENT, SUPERVISOR, TestApp, spawn_app_with_demo};
use gridcare::server::Clock;
use gridcare::server::paysandbox::Notice;
use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Row;

const HOME: &str = "3100123456";
const KITCHEN: &str = "3200000001";
const STORE: &str = "3200000002";

fn fen(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("not fen: {v}"))
}

fn yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

impl TestApp {
    /// Starts paying `amount` on the account with `number` as the signed-in person.
    async fn start_paying(
        &self,
        number: &str,
        bill: &str,
        amount: &str,
        key: &str,
    ) -> crate::helpers::Answer {
        let account = self.account_id(number).await.to_string();
        self.call(
            "pay/start",
            &[
                ("account_id", &account),
                ("bill_id", bill),
                ("amount", amount),
                ("idempotency_key", key),
            ],
        )
        .await
    }

    /// Presses `action` (`pay`, `fail`, `cancel`) on the sandbox's page, as the person's browser
    /// would; the sandbox tells GridCare first, then sends the browser back.
    async fn press(&self, checkout_url: &str, action: &str) -> String {
        let page = reqwest::get(checkout_url)
            .await
            .expect("the page")
            .text()
            .await
            .expect("html");
        assert!(page.contains("Pay ¥"), "{page}");
        let res = self
            .client
            .post(checkout_url)
            .form(&[("action", action)])
            .send()
            .await
            .expect("the sandbox answers");
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        res.headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .expect("sent back")
            .to_string()
    }

    /// The account's balance from the payment form (negative: credit).
    async fn balance(&self, number: &str) -> i64 {
        let account = self.account_id(number).await.to_string();
        fen(&self
            .call("pay/options", &[("account_id", &account)])
            .await
            .ok()["balance"])
    }

    /// The payments written for order `reference`.
    async fn payments_of(&self, reference: &str) -> i64 {
        sqlx::query(
            "SELECT COUNT(*) AS n FROM payments p JOIN payment_orders o ON o.id = p.order_id
             WHERE o.reference = $1",
        )
        .bind(reference)
        .fetch_one(self.state.store.pool())
        .await
        .expect("a count")
        .get::<i64, _>("n")
    }

    /// What became of each notice heard for `reference`, oldest first.
    async fn outcomes(&self, reference: &str) -> Vec<String> {
        self.state
            .store
            .notices_for(reference)
            .await
            .expect("the log")
            .into_iter()
            .map(|(outcome, _)| outcome)
            .collect()
    }

    /// Posts `body` to the notice route signed with `secret` at `at`.
    async fn notify_raw(&self, body: &[u8], secret: &str, at: i64) -> StatusCode {
        reqwest::Client::new()
            .post(self.url("/api/pay/notify"))
            .header("content-type", "application/json")
            .header("x-timestamp", at.to_string())
            .header(
                "x-signature",
                gridcare::server::signed::sign(secret.as_bytes(), at, body),
            )
            .body(body.to_vec())
            .send()
            .await
            .expect("the server answers")
            .status()
    }

    /// A notice as the sandbox would send it for `reference`.
    fn notice(&self, reference: &str, status: &str, amount: i64) -> Notice {
        let provider = self
            .pay
            .orders()
            .into_iter()
            .find(|(r, _, _)| r == reference)
            .map(|(_, id, _)| id)
            .unwrap_or_default();
        Notice {
            notice_id: format!("ntf_test_{status}_{amount}"),
            order_id: provider,
            merchant_order: reference.to_string(),
            status: status.to_string(),
            amount_fen: amount,
            at: self.clock.unix(),
        }
    }
}

#[tokio::test]
async fn the_resident_pays_the_latest_bill_once_however_often_the_provider_says_so() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let bill = app.latest_bill_id(HOME).await.to_string();
    let detail = app.call("bills/detail", &[("bill_id", &bill)]).await.ok();
    assert_eq!(detail["summary"]["status"], "unpaid");
    let total = fen(&detail["summary"]["total"]);
    assert_eq!(
        app.balance(HOME).await,
        total,
        "the ledger owes the latest bill"
    );

    let checkout = app
        .start_paying(HOME, &bill, &yuan(total), "pay-1")
        .await
        .ok();
    let reference = checkout["reference"]
        .as_str()
        .expect("a reference")
        .to_string();
    assert_eq!(fen(&checkout["amount"]), total);
    let again = app
        .start_paying(HOME, &bill, &yuan(total), "pay-1")
        .await
        .ok();
    assert_eq!(again, checkout, "the same key gives back the same order");
    assert_eq!(app.pay.orders().len(), 1, "and the provider has one order");
    let order = app
        .call("pay/order", &[("reference", &reference)])
        .await
        .ok();
    assert_eq!(order["state"], "open");
    assert_eq!(
        app.call("bills/detail", &[("bill_id", &bill)]).await.ok()["summary"]["status"],
        "unpaid",
        "starting to pay pays nothing"
    );

    let back = app
        .press(checkout["checkout_url"].as_str().expect("a page"), "pay")
        .await;
    assert!(
        back.ends_with(&format!("/pay/done?order={reference}")),
        "{back}"
    );
    let order = app
        .call("pay/order", &[("reference", &reference)])
        .await
        .ok();
    assert_eq!(order["state"], "paid", "{order}");
    let payment = order["parts"][0]["payment_id"].to_string();
    let detail = app.call("bills/detail", &[("bill_id", &bill)]).await.ok();
    assert_eq!(detail["summary"]["status"], "paid", "{detail}");
    assert_eq!(fen(&detail["summary"]["paid"]), total);
    assert_eq!(
        fen(&app.call("bills/overview", &[]).await.ok()["balance_due"]),
        0
    );
    assert_eq!(app.balance(HOME).await, 0);
    let receipt = app
        .call("pay/receipt", &[("payment_id", &payment)])
        .await
        .ok();
    assert_eq!(fen(&receipt["amount"]), total);
    assert_eq!(receipt["reference"], reference.as_str());
    assert_eq!(receipt["channel"], "online");
    assert_eq!(receipt["account_number"], HOME);

    // The provider says it again (a retry), twice, then late and out of order: a failure after
    // the payment. Nothing moves twice, and every notice is in the log.
    let sent = app
        .pay
        .sent()
        .last()
        .expect("a notice was sent")
        .notice
        .clone();
    let url = app.url("/api/pay/notify");
    assert_eq!(app.pay.resend(&url, &sent).await, 200);
    assert_eq!(app.pay.resend(&url, &sent).await, 200);
    let failed = app.notice(&reference, "failed", total);
    assert_eq!(app.pay.resend(&url, &failed).await, 200);
    assert_eq!(app.payments_of(&reference).await, 1);
    assert_eq!(app.balance(HOME).await, 0, "paid once, not three times");
    assert_eq!(
        app.outcomes(&reference).await,
        ["credited", "unchanged", "unchanged", "unchanged"]
    );
    assert_eq!(
        app.call("pay/order", &[("reference", &reference)])
            .await
            .ok()["state"],
        "paid"
    );

    // The bill is closed: paying it again is refused by the field; paying ahead is not.
    app.start_paying(HOME, &bill, "10", "pay-2")
        .await
        .assert_invalid("bill_id", "already_paid");
    app.start_paying(HOME, "", "10", "pay-3").await.ok();
}

#[tokio::test]
async fn a_notice_with_a_bad_signature_an_old_timestamp_an_unknown_order_or_another_amount_changes_nothing()
 {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let checkout = app.start_paying(HOME, "", "88.00", "pay-2").await.ok();
    let reference = checkout["reference"]
        .as_str()
        .expect("a reference")
        .to_string();
    let secret = app.pay.secret.clone();
    let now = app.clock.unix();
    let body = |n: &Notice| serde_json::to_vec(n).expect("json");
    let paid = app.notice(&reference, "paid", 8800);

    assert_eq!(
        app.notify_raw(&body(&paid), "not the secret", now).await,
        StatusCode::BAD_REQUEST
    );
    let mut tampered = body(&paid);
    let signed_at = now;
    let signature = gridcare::server::signed::sign(secret.as_bytes(), signed_at, &tampered);
    tampered.extend_from_slice(b" ");
    let status = reqwest::Client::new()
        .post(app.url("/api/pay/notify"))
        .header("x-timestamp", signed_at.to_string())
        .header("x-signature", signature)
        .body(tampered)
        .send()
        .await
        .expect("an answer")
        .status();
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a body changed after signing"
    );
    let stale = now - 301;
    assert_eq!(
        app.notify_raw(&body(&paid), &secret, stale).await,
        StatusCode::BAD_REQUEST,
        "signed more than five minutes ago: a replay"
    );
    let unknown = app.notice("PO20261204NOSUCHXX", "paid", 8800);
    assert_eq!(
        app.notify_raw(&body(&unknown), &secret, now).await,
        StatusCode::NOT_FOUND
    );
    let more = app.notice(&reference, "paid", 8801);
    assert_eq!(
        app.notify_raw(&body(&more), &secret, now).await,
        StatusCode::BAD_REQUEST
    );

    assert_eq!(app.payments_of(&reference).await, 0);
    assert_eq!(
        app.call("pay/order", &[("reference", &reference)])
            .await
            .ok()["state"],
        "open"
    );
    assert_eq!(app.outcomes(&reference).await, ["amount_mismatch"]);
    assert_eq!(app.outcomes("PO20261204NOSUCHXX").await, ["unknown_order"]);
    let refused: Vec<String> =
        sqlx::query("SELECT outcome FROM payment_notices WHERE order_ref = '' ORDER BY id")
            .fetch_all(app.state.store.pool())
            .await
            .expect("the log")
            .iter()
            .map(|r| r.get::<String, _>("outcome"))
            .collect();
    assert_eq!(
        refused,
        ["bad_signature", "bad_signature", "outside_window"]
    );

    // The genuine notice still works afterwards.
    assert_eq!(
        app.notify_raw(&body(&paid), &secret, now).await,
        StatusCode::OK
    );
    assert_eq!(app.payments_of(&reference).await, 1);
}

#[tokio::test]
async fn a_payment_the_provider_confirms_after_the_order_expired_is_still_credited() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let before = app.balance(HOME).await;
    let checkout = app.start_paying(HOME, "", "20", "pay-3").await.ok();
    let reference = checkout["reference"]
        .as_str()
        .expect("a reference")
        .to_string();
    app.clock.advance(31 * 60);
    assert_eq!(
        app.call("pay/order", &[("reference", &reference)])
            .await
            .ok()["state"],
        "expired"
    );
    let paid = app.notice(&reference, "paid", 2000);
    assert_eq!(
        app.pay.resend(&app.url("/api/pay/notify"), &paid).await,
        200
    );
    assert_eq!(
        app.call("pay/order", &[("reference", &reference)])
            .await
            .ok()["state"],
        "paid"
    );
    assert_eq!(app.balance(HOME).await, before - 2000);
}

#[tokio::test]
async fn a_failed_or_cancelled_payment_leaves_the_bill_unpaid() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let bill = app.latest_bill_id(HOME).await.to_string();
    let before = app.balance(HOME).await;
    for (key, action, state) in [
        ("pay-4", "fail", "failed"),
        ("pay-5", "cancel", "cancelled"),
    ] {
        let checkout = app.start_paying(HOME, &bill, "10", key).await.ok();
        let reference = checkout["reference"]
            .as_str()
            .expect("a reference")
            .to_string();
        app.press(checkout["checkout_url"].as_str().expect("a page"), action)
            .await;
        let order = app
            .call("pay/order", &[("reference", &reference)])
            .await
            .ok();
        assert_eq!(order["state"], state);
        assert_eq!(order["parts"][0]["payment_id"], Value::Null);
        assert_eq!(app.payments_of(&reference).await, 0);
    }
    assert_eq!(app.balance(HOME).await, before);
    let detail = app.call("bills/detail", &[("bill_id", &bill)]).await.ok();
    assert_eq!(detail["summary"]["status"], "unpaid");
}

#[tokio::test]
async fn paying_more_than_is_owed_leaves_credit_for_the_next_bill() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let owed = app.balance(HOME).await;
    let checkout = app
        .start_paying(HOME, "", &yuan(owed + 5_000), "pay-6")
        .await
        .ok();
    app.press(checkout["checkout_url"].as_str().expect("a page"), "pay")
        .await;
    assert_eq!(app.balance(HOME).await, -5_000, "¥50.00 of credit");
    let bill = app.latest_bill_id(HOME).await.to_string();
    let detail = app.call("bills/detail", &[("bill_id", &bill)]).await.ok();
    assert_eq!(detail["summary"]["status"], "paid");
    assert_eq!(
        fen(&detail["summary"]["paid"]),
        fen(&detail["summary"]["total"]),
        "a bill is never paid more than its total"
    );
}

#[tokio::test]
async fn an_amount_is_refused_by_name_when_it_is_not_one() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    for (amount, problem) in [
        ("", "required"),
        ("0", "not_positive"),
        ("0.00", "not_positive"),
        ("-5", "not_positive"),
        ("1.234", "too_precise"),
        ("12abc", "malformed"),
        ("50000.01", "too_large"),
        ("99999999999999999999", "too_large"),
    ] {
        app.start_paying(HOME, "", amount, &format!("bad-{amount}"))
            .await
            .assert_invalid("amount", problem);
    }
    assert!(app.pay.orders().is_empty(), "nothing reached the provider");
}

#[tokio::test]
async fn nobody_pays_or_reads_someone_elses_bill_order_or_receipt() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let checkout = app.start_paying(HOME, "", "30", "pay-7").await.ok();
    let reference = checkout["reference"]
        .as_str()
        .expect("a reference")
        .to_string();
    app.press(checkout["checkout_url"].as_str().expect("a page"), "pay")
        .await;
    let order = app
        .call("pay/order", &[("reference", &reference)])
        .await
        .ok();
    let payment = order["parts"][0]["payment_id"].to_string();
    let home = app.account_id(HOME).await.to_string();
    let home_bill = app.latest_bill_id(HOME).await.to_string();
    let store_bill = app.latest_bill_id(STORE).await.to_string();

    let stranger = app.registered_browser("stranger@example.com").await;
    let call = |endpoint: &'static str, args: Vec<(&'static str, String)>| {
        let stranger = stranger.clone();
        let app = &app;
        async move {
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call_with(&stranger, endpoint, &args).await
        }
    };
    let start = |bill: String| {
        vec![
            ("account_id", home.clone()),
            ("bill_id", bill),
            ("amount", "10".to_string()),
            ("idempotency_key", "x".to_string()),
        ]
    };
    call("pay/start", start(String::new()))
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    call("pay/options", vec![("account_id", home.clone())])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    call("pay/order", vec![("reference", reference.clone())])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    call("pay/receipt", vec![("payment_id", payment.clone())])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    // The resident names a bill of another account on their own account.
    app.start_paying(HOME, &store_bill, "10", "pay-8")
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    // And their own bill works.
    app.start_paying(HOME, &home_bill, "10", "pay-9").await.ok();
}

#[tokio::test]
async fn the_owner_pays_two_sites_in_one_payment_and_a_viewer_cannot() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let org = app.harbor().await;
    let (kitchen, store) = (app.account_id(KITCHEN).await, app.account_id(STORE).await);
    let (owed_kitchen, owed_store) = (app.balance(KITCHEN).await, app.balance(STORE).await);
    assert!(
        owed_kitchen > 0 && owed_store > 0,
        "{owed_kitchen} {owed_store}"
    );
    let sites = format!("{kitchen},{store}");
    let checkout = app
        .call(
            "pay/start_sites",
            &[
                ("organisation_id", &org),
                ("sites", &sites),
                ("idempotency_key", "org-1"),
            ],
        )
        .await
        .ok();
    assert_eq!(fen(&checkout["amount"]), owed_kitchen + owed_store);
    let reference = checkout["reference"]
        .as_str()
        .expect("a reference")
        .to_string();
    app.press(checkout["checkout_url"].as_str().expect("a page"), "pay")
        .await;
    let order = app
        .call("pay/order", &[("reference", &reference)])
        .await
        .ok();
    assert_eq!(order["state"], "paid");
    assert_eq!(order["parts"].as_array().map(Vec::len), Some(2));
    assert_eq!(app.balance(KITCHEN).await, 0);
    assert_eq!(app.balance(STORE).await, 0);
    let receipts: Vec<String> = order["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .map(|p| p["payment_id"].to_string())
        .collect();
    for (n, payment) in receipts.iter().enumerate() {
        let receipt = app
            .call("pay/receipt", &[("payment_id", payment)])
            .await
            .ok();
        assert_eq!(receipt["reference"], format!("{reference}-{}", n + 1));
    }

    // The organisation's payments export has them, a line each, beside the earlier payments.
    let csv = app
        .client
        .get(app.url(&format!(
            "/api/org/{org}/payments.csv?from=2022-06-01&to=2027-01-01"
        )))
        .send()
        .await
        .expect("an answer");
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(
        csv.headers()[reqwest::header::CONTENT_DISPOSITION]
            .to_str()
            .is_ok_and(|d| d.contains("payments-"))
    );
    let csv = csv.text().await.expect("text");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("site,account_number,paid_at,amount_yuan,refunded_yuan,channel,reference,labels")
    );
    let lines: Vec<&str> = lines.collect();
    for (n, (number, owed)) in [(KITCHEN, owed_kitchen), (STORE, owed_store)]
        .into_iter()
        .enumerate()
    {
        let reference = format!("{reference}-{}", n + 1);
        let line = lines
            .iter()
            .find(|l| l.contains(&reference))
            .unwrap_or_else(|| panic!("{reference} in {csv}"));
        assert!(line.contains(number), "{line}");
        assert!(
            line.contains(&format!(",{},0.00,online,", yuan(owed))),
            "{line}"
        );
    }
    let seeded = sqlx::query(
        "SELECT COUNT(*) AS n FROM payments p JOIN service_accounts sa
           ON sa.id = p.service_account_id WHERE sa.organisation_id = $1",
    )
    .bind(org.parse::<i64>().expect("an id"))
    .fetch_one(app.state.store.pool())
    .await
    .expect("a count")
    .get::<i64, _>("n");
    assert_eq!(
        lines.len() as i64,
        seeded,
        "a line per payment of every site"
    );

    // Paying again: nothing is owed now, and that is said by the field.
    app.call(
        "pay/start_sites",
        &[
            ("organisation_id", &org),
            ("sites", &sites),
            ("idempotency_key", "org-2"),
        ],
    )
    .await
    .assert_invalid("sites", "not_positive");
    // A site of no organisation of theirs is refused.
    let home = app.account_id(HOME).await.to_string();
    app.call(
        "pay/start_sites",
        &[
            ("organisation_id", &org),
            ("sites", &home),
            ("idempotency_key", "org-3"),
        ],
    )
    .await
    .assert_invalid("sites", "not_allowed");

    // A viewer sees what is owed and may not pay it.
    let viewer = app.new_member("viewer@harborfoods.example", "viewer").await;
    let site = store.to_string();
    let options = app
        .call_with(&viewer, "pay/options", &[("account_id", &site)])
        .await
        .ok();
    assert_eq!(options["may_act"], false);
    app.call_with(
        &viewer,
        "pay/start_sites",
        &[
            ("organisation_id", &org),
            ("sites", &site),
            ("idempotency_key", "v-1"),
        ],
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    app.call_with(
        &viewer,
        "pay/start",
        &[
            ("account_id", &site),
            ("bill_id", ""),
            ("amount", "1"),
            ("idempotency_key", "v-2"),
        ],
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn the_ledger_cannot_be_edited_only_added_to() {
    let app = spawn_app_with_demo().await;
    let pool = app.state.store.pool();
    for sql in [
        "UPDATE ledger_entries SET amount_fen = 0",
        "DELETE FROM ledger_entries",
        "UPDATE payments SET amount_fen = 1",
        "DELETE FROM payments",
        "UPDATE bills SET total_fen = 1",
    ] {
        assert!(
            sqlx::query(sql).execute(pool).await.is_err(),
            "{sql} went through"
        );
    }
    // Every bill and payment of the demo is in the ledger, and the ledger adds up to what the
    // bills say is owed.
    let row = sqlx::query(
        "SELECT
            (SELECT COUNT(*) FROM bills) AS bills,
            (SELECT COUNT(*) FROM payments) AS payments,
            (SELECT COUNT(*) FROM ledger_entries) AS entries,
            (SELECT CAST(SUM(CASE kind WHEN 'payment' THEN -amount_fen ELSE amount_fen END) AS BIGINT)
               FROM ledger_entries) AS owed,
            (SELECT CAST(SUM(b.total_fen - bp.paid_fen) AS BIGINT)
               FROM bills b JOIN bill_paid bp ON bp.bill_id = b.id) AS unpaid,
            (SELECT CAST(COALESCE(SUM(c.credit), 0) AS BIGINT) FROM
               (SELECT SUM(CASE kind WHEN 'payment' THEN amount_fen ELSE -amount_fen END) AS credit
                FROM ledger_entries GROUP BY service_account_id) c
             WHERE c.credit > 0) AS credit",
    )
    .fetch_one(pool)
    .await
    .expect("the sums");
    let n = |c: &str| row.get::<i64, _>(c);
    assert_eq!(n("entries"), n("bills") + n("payments"));
    // The demo's one account in credit is the prepaid village home.
    assert!(n("credit") > 0);
    assert_eq!(
        n("owed"),
        n("unpaid") - n("credit"),
        "owed is what bills still need, less the credit kept"
    );
}

#[tokio::test]
async fn a_supervisor_refunds_a_payment_in_new_rows_and_never_more_than_was_paid() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let checkout = app.start_paying(HOME, "", "100", "pay-r").await.ok();
    let reference = checkout["reference"]
        .as_str()
        .expect("a reference")
        .to_string();
    app.press(checkout["checkout_url"].as_str().expect("a page"), "pay")
        .await;
    let order = app
        .call("pay/order", &[("reference", &reference)])
        .await
        .ok();
    let payment = order["parts"][0]["payment_id"].to_string();
    let before = app.balance(HOME).await;

    // Customers and agents do not refund.
    let refund = |amount: &'static str, reason: &'static str| {
        vec![
            ("payment_id", payment.clone()),
            ("amount", amount.to_string()),
            ("reason", reason.to_string()),
        ]
    };
    let call = |browser: reqwest::Client, args: Vec<(&'static str, String)>| {
        let app = &app;
        async move {
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call_with(&browser, "pay/refund", &args).await
        }
    };
    call(app.client.clone(), refund("10", "Asked for it back"))
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    let agent = app.signed_in_browser(AGENT).await;
    call(agent.clone(), refund("10", "Asked for it back"))
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");

    // The agent finds the payment by its reference.
    let found = app
        .call_with(
            &agent,
            "pay/staff_search",
            &[
                ("account_number", ""),
                ("reference", &reference),
                ("from", ""),
                ("to", ""),
            ],
        )
        .await
        .ok();
    assert_eq!(found.as_array().map(Vec::len), Some(1), "{found}");
    assert_eq!(fen(&found[0]["amount"]), 10_000);
    assert_eq!(fen(&found[0]["refunded"]), 0);

    let supervisor = app.signed_in_browser(SUPERVISOR).await;
    call(supervisor.clone(), refund("30", ""))
        .await
        .assert_invalid("reason", "required");
    call(supervisor.clone(), refund("0", "Paid twice"))
        .await
        .assert_invalid("amount", "not_positive");
    let first = call(supervisor.clone(), refund("30", "Paid twice by mistake"))
        .await
        .ok();
    assert_eq!(fen(&first["refunded"]), 3_000);
    assert_eq!(
        fen(&first["amount"]),
        10_000,
        "the payment itself is never changed"
    );
    call(supervisor.clone(), refund("70.01", "The rest"))
        .await
        .assert_invalid("amount", "too_large");
    let second = call(supervisor.clone(), refund("70", "The rest"))
        .await
        .ok();
    assert_eq!(fen(&second["refunded"]), 10_000);
    call(supervisor.clone(), refund("1", "Once more"))
        .await
        .assert_error(StatusCode::CONFLICT, "not_now");

    assert_eq!(
        app.balance(HOME).await,
        before + 10_000,
        "the refunds are owed again"
    );
    let receipt = app
        .call("pay/receipt", &[("payment_id", &payment)])
        .await
        .ok();
    assert_eq!(fen(&receipt["refunded"]), 10_000);
    let refunds: Vec<(i64, String)> =
        sqlx::query("SELECT amount_fen, reason FROM refunds WHERE payment_id = $1 ORDER BY id")
            .bind(payment.parse::<i64>().expect("an id"))
            .fetch_all(app.state.store.pool())
            .await
            .expect("refunds")
            .iter()
            .map(|r| (r.get::<i64, _>("amount_fen"), r.get::<String, _>("reason")))
            .collect();
    assert_eq!(
        refunds,
        [
            (3_000, "Paid twice by mistake".to_string()),
            (7_000, "The rest".to_string())
        ]
    );
}

#[tokio::test]
async fn staff_find_payments_by_account_and_day() {
    let app = spawn_app_with_demo().await;
    let agent = app.signed_in_browser(AGENT).await;
    let search = |number: &'static str, from: String, to: String| {
        let agent = agent.clone();
        let app = &app;
        async move {
            app.call_with(
                &agent,
                "pay/staff_search",
                &[
                    ("account_number", number),
                    ("reference", ""),
                    ("from", &from),
                    ("to", &to),
                ],
            )
            .await
        }
    };
    let all = search(HOME, String::new(), String::new()).await.ok();
    let list = all.as_array().expect("a list");
    assert!(list.len() >= 30, "the demo's 35 paid bills: {}", list.len());
    assert!(list.iter().all(|p| p["account_number"] == HOME));
    let newest = list[0]["paid_at"].as_i64().expect("a time");
    assert!(
        list.iter().all(|p| p["paid_at"].as_i64() <= Some(newest)),
        "newest first"
    );
    // One day: only that day's payments.
    let day = gridcare::domain::local_time::local(newest)
        .date()
        .to_string();
    let one = search(HOME, day.clone(), day.clone()).await.ok();
    assert_eq!(one.as_array().map(Vec::len), Some(1), "{one}");
    search(HOME, day.clone(), "2020-01-01".into())
        .await
        .assert_invalid("to", "too_soon");
    search("12", String::new(), String::new())
        .await
        .assert_invalid("account_number", "malformed");
}

impl TestApp {
    /// Uploads a bank statement as `browser`.
    async fn upload_statement(&self, browser: &reqwest::Client, csv: &str) -> (StatusCode, Value) {
        let res = browser
            .post(self.url("/api/pay/statement"))
            .body(csv.to_string())
            .send()
            .await
            .expect("the server answers");
        let status = res.status();
        let body = res.json::<Value>().await.unwrap_or(Value::Null);
        (status, body)
    }
}

#[tokio::test]
async fn a_bank_statement_pays_the_accounts_its_references_name_once_and_lists_the_rest() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let before = app.balance(HOME).await;
    let reference = gridcare::domain::ledger::offline_reference(HOME);
    let agent = app.signed_in_browser(AGENT).await;
    let statement = format!(
        "date,amount,reference,transaction_id\r\n\
         2026-12-03,120.00,TRANSFER {reference} LI WEI,BK0001\r\n\
         2026-12-03,\"1,000.00\",ELECTRICITY FOR FLAT 5,BK0002\r\n\
         2026-12-04,15.50,{},BK0003\r\n",
        reference.replacen("3100123456", "3100123457", 1)
    );
    let (status, report) = app.upload_statement(&agent, &statement).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["lines"], 3);
    assert_eq!(report["matched"], 1);
    assert_eq!(report["already_seen"], 0);
    let waiting = report["waiting"].as_array().expect("waiting lines");
    assert_eq!(
        waiting.len(),
        2,
        "the unknown text and the mistyped reference: {report}"
    );
    assert_eq!(app.balance(HOME).await, before - 12_000);

    // The same statement again credits nothing twice.
    let (status, again) = app.upload_statement(&agent, &statement).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["already_seen"], 3);
    assert_eq!(again["matched"], 0);
    assert_eq!(app.balance(HOME).await, before - 12_000);

    // Staff assign the mistyped one to the account the customer meant, once.
    let line = waiting
        .iter()
        .find(|l| l["transaction_id"] == "BK0003")
        .expect("the mistyped line");
    let id = line["id"].to_string();
    let paid = app
        .call_with(
            &agent,
            "pay/assign",
            &[("line_id", &id), ("account_number", HOME)],
        )
        .await
        .ok();
    assert_eq!(fen(&paid["amount"]), 1_550);
    assert_eq!(paid["channel"], "bank_transfer");
    app.call_with(
        &agent,
        "pay/assign",
        &[("line_id", &id), ("account_number", HOME)],
    )
    .await
    .assert_error(StatusCode::CONFLICT, "conflict");
    assert_eq!(app.balance(HOME).await, before - 13_550);
    let left = app.call_with(&agent, "pay/waiting", &[]).await.ok();
    assert_eq!(left.as_array().map(Vec::len), Some(1));
    assert_eq!(left[0]["transaction_id"], "BK0002");
    // An account number that is no account is refused by its field.
    let other = left[0]["id"].to_string();
    app.call_with(
        &agent,
        "pay/assign",
        &[("line_id", &other), ("account_number", "3999999999")],
    )
    .await
    .assert_invalid("account_number", "not_allowed");

    // A statement with a bad line is refused whole, naming the line; a customer may not upload.
    let (status, refused) = app
        .upload_statement(
            &agent,
            "date,amount,reference,transaction_id\n2026-12-05,9.99,x,BK0009\n2026-13-01,1.00,y,BK0010\n",
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert!(
        refused["message"].as_str().unwrap_or("").contains("line 3"),
        "{refused}"
    );
    assert_eq!(
        app.call_with(&agent, "pay/waiting", &[])
            .await
            .ok()
            .as_array()
            .map(Vec::len),
        Some(1),
        "nothing of the refused file was taken"
    );
    let (status, _) = app.upload_statement(&app.client, &statement).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

impl TestApp {
    /// Asks for autopay on `number` as the signed-in person; the provider's page for agreeing.
    async fn ask_autopay(&self, number: &str, max: &str) -> String {
        let account = self.account_id(number).await.to_string();
        let sign = self
            .call(
                "pay/autopay_start",
                &[
                    ("account_id", &account),
                    ("max_amount", max),
                    ("consent", "true"),
                ],
            )
            .await
            .ok();
        sign["sign_url"].as_str().expect("a page").to_string()
    }

    /// Presses `action` (`agree`, `decline`) on the provider's agreement page; the reference
    /// the provider sends the browser back with.
    async fn answer_agreement(&self, sign_url: &str, action: &str) -> String {
        let page = reqwest::get(sign_url)
            .await
            .expect("the page")
            .text()
            .await
            .expect("html");
        assert!(page.contains("Agree") && page.contains("Decline"), "{page}");
        let res = self
            .client
            .post(sign_url)
            .form(&[("action", action)])
            .send()
            .await
            .expect("the sandbox answers");
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let back = res
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .expect("sent back")
            .to_string();
        back.split("agreement=")
            .nth(1)
            .expect("the agreement named")
            .to_string()
    }

    /// `browser` asks for autopay on the account with id `account`, with no limit.
    async fn autopay_start_as(
        &self,
        browser: &reqwest::Client,
        account: &str,
    ) -> crate::helpers::Answer {
        self.call_with(
            browser,
            "pay/autopay_start",
            &[
                ("account_id", account),
                ("max_amount", ""),
                ("consent", "true"),
            ],
        )
        .await
    }

    /// Autopay on `number`, agreed and confirmed; the account's payment form after.
    async fn autopay_on(&self, number: &str, max: &str) -> Value {
        let sign = self.ask_autopay(number, max).await;
        let reference = self.answer_agreement(&sign, "agree").await;
        self.call("pay/autopay_confirm", &[("agreement", &reference)])
            .await
            .ok()
    }

    /// Moves the clock to 10:00 on the latest bill's due day of `number`.
    async fn to_due_day(&self, number: &str) -> String {
        let due: String = sqlx::query("SELECT due_on FROM bills WHERE id = $1")
            .bind(self.latest_bill_id(number).await)
            .fetch_one(self.state.store.pool())
            .await
            .expect("the bill")
            .get("due_on");
        let day = chrono::NaiveDate::parse_from_str(&due, "%Y-%m-%d").expect("a day");
        let today = self.clock.today();
        assert!(day > today, "the demo's latest bill is due after today");
        self.clock.advance((day - today).num_days() * 86_400);
        due
    }

    /// (outcome, payment) of autopay's run on the bill.
    async fn autopay_run(&self, bill: i64) -> Option<(String, Option<i64>)> {
        sqlx::query("SELECT outcome, payment_id FROM autopay_runs WHERE bill_id = $1")
            .bind(bill)
            .fetch_optional(self.state.store.pool())
            .await
            .expect("the runs")
            .map(|r| (r.get("outcome"), r.get("payment_id")))
    }

    /// How many notices of `kind` the holders of accounts were given.
    async fn notices_of(&self, kind: &str) -> i64 {
        sqlx::query("SELECT COUNT(*) AS n FROM notifications WHERE kind = $1")
            .bind(kind)
            .fetch_one(self.state.store.pool())
            .await
            .expect("a count")
            .get("n")
    }
}

#[tokio::test]
async fn autopay_pays_the_bill_on_its_due_day_once_however_many_servers_run_it() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let bill = app.latest_bill_id(HOME).await;
    let owed = app.balance(HOME).await;
    assert!(owed > 0, "the demo's latest bill is unpaid");

    // Asked for, but not agreed at the provider yet: it does not stand.
    let sign = app.ask_autopay(HOME, "").await;
    let form = app
        .call(
            "pay/options",
            &[("account_id", &app.account_id(HOME).await.to_string())],
        )
        .await
        .ok();
    assert_eq!(form["autopay"]["active"], false, "{form}");
    assert_eq!(form["autopay"]["sign_url"], sign.as_str());
    let reference = app.answer_agreement(&sign, "agree").await;
    let form = app
        .call("pay/autopay_confirm", &[("agreement", &reference)])
        .await
        .ok();
    assert_eq!(form["autopay"]["active"], true, "{form}");
    assert_eq!(form["autopay"]["max"], Value::Null);
    assert_eq!(form["autopay"]["sign_url"], "");

    // Not due yet: nothing is taken.
    let round = app.sender.run_autopay().await.expect("a round");
    assert_eq!(round.paid, 0);
    assert!(app.pay.charges().is_empty());

    // On the due day two servers run at once: the bill is charged once.
    app.to_due_day(HOME).await;
    let other = gridcare::server::notify::Sender {
        id: "a-second-server".into(),
        ..app.sender.clone()
    };
    let (a, b) = tokio::join!(app.sender.run_autopay(), other.run_autopay());
    let (a, b) = (a.expect("a round"), b.expect("a round"));
    assert_eq!(a.paid + b.paid, 1, "{a:?} {b:?}");
    assert_eq!(a.failed + b.failed + a.unanswered + b.unanswered, 0);
    let charges = app.pay.charges();
    assert_eq!(charges.len(), 1, "{charges:?}");
    assert_eq!(charges[0].status, "paid");
    let (outcome, payment) = app.autopay_run(bill).await.expect("a run");
    assert_eq!(outcome, "paid");
    let payment = payment.expect("the payment");
    assert_eq!(app.balance(HOME).await, 0);

    // The provider's notice follows the charge: it changes nothing.
    let reference = charges[0].merchant_order.clone();
    for _ in 0..50 {
        if !app.outcomes(&reference).await.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(app.outcomes(&reference).await, ["unchanged"]);
    assert_eq!(app.payments_of(&reference).await, 1);

    // Run again, here and there: nothing more.
    let again = app.sender.run_autopay().await.expect("a round");
    let there = other.run_autopay().await.expect("a round");
    assert_eq!(again.paid + there.paid, 0);
    assert_eq!(app.pay.charges().len(), 1);

    // The receipt says autopay; the holders were told once.
    let receipt = app
        .call("pay/receipt", &[("payment_id", &payment.to_string())])
        .await
        .ok();
    assert_eq!(receipt["channel"], "autopay");
    assert_eq!(fen(&receipt["amount"]), owed);
    assert_eq!(app.notices_of("autopay_paid").await, 1);
    let form = app
        .call(
            "pay/options",
            &[("account_id", &app.account_id(HOME).await.to_string())],
        )
        .await
        .ok();
    assert_eq!(form["autopay_runs"][0]["outcome"], "paid", "{form}");
    assert_eq!(form["autopay_runs"][0]["payment_id"], payment);
}

#[tokio::test]
async fn autopay_leaves_a_bill_over_the_limit_or_declined_for_the_person_and_tells_them() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let account = app.account_id(HOME).await.to_string();
    let bill = app.latest_bill_id(HOME).await;
    let owed = app.balance(HOME).await;

    // The form's own refusals, by field.
    let ask = |max: &'static str, consent: &'static str| {
        let account = account.clone();
        let app = &app;
        async move {
            app.call(
                "pay/autopay_start",
                &[
                    ("account_id", &account),
                    ("max_amount", max),
                    ("consent", consent),
                ],
            )
            .await
        }
    };
    ask("", "false").await.assert_invalid("consent", "required");
    ask("abc", "true")
        .await
        .assert_invalid("max_amount", "malformed");
    ask("0", "true")
        .await
        .assert_invalid("max_amount", "not_positive");
    ask("1.001", "true")
        .await
        .assert_invalid("max_amount", "too_precise");

    // A limit below the bill: nothing is charged, the person is told.
    let form = app.autopay_on(HOME, &yuan(owed - 1)).await;
    assert_eq!(fen(&form["autopay"]["max"]), owed - 1);
    app.to_due_day(HOME).await;
    let round = app.sender.run_autopay().await.expect("a round");
    assert_eq!(round.over_limit, 1, "{round:?}");
    assert!(app.pay.charges().is_empty());
    assert_eq!(app.autopay_run(bill).await.expect("a run").0, "over_limit");
    assert_eq!(app.balance(HOME).await, owed);
    assert_eq!(app.notices_of("autopay_failed").await, 1);
    // Once: the next round leaves it.
    let round = app.sender.run_autopay().await.expect("a round");
    assert_eq!(round.over_limit, 0);
    assert_eq!(app.notices_of("autopay_failed").await, 1);

    // A second account, whose payer's wallet declines: recorded, the bill still owed.
    let other = spawn_app_with_demo().await;
    other.sign_in(RESIDENT).await;
    let owed = other.balance(HOME).await;
    let bill = other.latest_bill_id(HOME).await;
    other.autopay_on(HOME, "").await;
    other.to_due_day(HOME).await;
    other.pay.decline_charges(true);
    let round = other.sender.run_autopay().await.expect("a round");
    assert_eq!(round.failed, 1, "{round:?}");
    assert_eq!(other.autopay_run(bill).await.expect("a run").0, "failed");
    assert_eq!(other.balance(HOME).await, owed);
    assert_eq!(other.notices_of("autopay_failed").await, 1);
    let failed = other.pay.charges();
    assert_eq!(failed[0].status, "failed");
    assert_eq!(other.payments_of(&failed[0].merchant_order).await, 0);
}

#[tokio::test]
async fn autopay_stands_only_when_the_payer_agreed_at_the_provider_and_ends_when_cancelled() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let account = app.account_id(HOME).await.to_string();

    // Declined on the provider's page: nothing stands.
    let sign = app.ask_autopay(HOME, "").await;
    let reference = app.answer_agreement(&sign, "decline").await;
    let form = app
        .call("pay/autopay_confirm", &[("agreement", &reference)])
        .await
        .ok();
    assert_eq!(form["autopay"], Value::Null, "{form}");

    // Someone else cannot confirm, cancel or start it on this account.
    let sign = app.ask_autopay(HOME, "200").await;
    let reference = app.answer_agreement(&sign, "agree").await;
    let stranger = app.registered_browser("autopay-stranger@example.com").await;
    app.call_with(
        &stranger,
        "pay/autopay_confirm",
        &[("agreement", &reference)],
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.call_with(&stranger, "pay/autopay_cancel", &[("account_id", &account)])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.autopay_start_as(&stranger, &account)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");

    // Agreed: it stands, and a second request is refused until it is turned off.
    let form = app
        .call("pay/autopay_confirm", &[("agreement", &reference)])
        .await
        .ok();
    assert_eq!(form["autopay"]["active"], true);
    assert_eq!(fen(&form["autopay"]["max"]), 20_000);
    app.autopay_start_as(&app.client, &account)
        .await
        .assert_error(StatusCode::CONFLICT, "not_now");

    // Turned off: the provider hears it, and the due bill is left for the person.
    let form = app
        .call("pay/autopay_cancel", &[("account_id", &account)])
        .await
        .ok();
    assert_eq!(form["autopay"], Value::Null);
    app.to_due_day(HOME).await;
    let round = app.sender.run_autopay().await.expect("a round");
    assert_eq!(round, Default::default());
    assert!(app.pay.charges().is_empty());
}

#[tokio::test]
async fn a_prepaid_account_shows_its_credit_and_days_left_and_warns_under_the_level_set() {
    use gridcare::server::seed::SPARE_ACCOUNT;
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    app.bind_with_code(&app.client, SPARE_ACCOUNT).await;
    let account = app.account_id(SPARE_ACCOUNT).await.to_string();
    let form = app
        .call("pay/options", &[("account_id", &account)])
        .await
        .ok();
    assert_eq!(form["prepaid"], true, "{form}");
    let credit = -fen(&form["balance"]);
    assert!(
        credit > 0,
        "the demo's prepaid account is in credit: {form}"
    );
    let days = form["days_left"].as_u64().expect("an estimate");
    assert!(days > 0, "{form}");
    assert_eq!(form["low_balance"], Value::Null);

    // The warning level: refused by name when it is not an amount.
    let set = |amount: String| {
        let account = account.clone();
        let app = &app;
        async move {
            app.call(
                "pay/low_balance",
                &[("account_id", &account), ("amount", &amount)],
            )
            .await
        }
    };
    set("lots".into())
        .await
        .assert_invalid("low_balance", "malformed");
    set("-5".into())
        .await
        .assert_invalid("low_balance", "not_positive");
    // Not prepaid: no level to set (clearing one is harmless).
    let home = app.account_id(HOME).await.to_string();
    app.call(
        "pay/low_balance",
        &[("account_id", &home), ("amount", "50")],
    )
    .await
    .assert_error(StatusCode::CONFLICT, "not_now");

    // Under the level: the holders are told, once per change of balance.
    let level = credit + 100;
    let form = set(yuan(level)).await.ok();
    assert_eq!(fen(&form["low_balance"]), level);
    let now = app.clock.unix();
    let warn =
        || gridcare::server::autopay::warn_low_balances(&app.state.store, &app.state.notifier, now);
    assert_eq!(warn().await.expect("a sweep"), 1);
    assert_eq!(warn().await.expect("a sweep"), 0);
    assert_eq!(app.notices_of("low_balance").await, 1);

    // A top-up lifts the credit and the days left; over the level, no warning.
    let checkout = app
        .start_paying(SPARE_ACCOUNT, "", "100", "top-up-1")
        .await
        .ok();
    app.press(checkout["checkout_url"].as_str().expect("a page"), "pay")
        .await;
    let form = app
        .call("pay/options", &[("account_id", &account)])
        .await
        .ok();
    assert_eq!(-fen(&form["balance"]), credit + 10_000);
    assert!(
        form["days_left"].as_u64().expect("an estimate") > days,
        "{form}"
    );
    assert_eq!(warn().await.expect("a sweep"), 0);
}
