//! Binding a service account and seeing one's accounts: the proof is a one-time code sent to
//! the phone on file, which nobody can guess or read elsewhere in the portal.

use crate::helpers::{OPS, RESIDENT, spawn_app_with_demo};
use gridcare::server::seed::SPARE_ACCOUNT;
use reqwest::StatusCode;

const HOME: &str = "3100123456";

#[tokio::test]
async fn binding_with_the_code_sent_to_the_phone_on_file_adds_the_account() {
    let app = spawn_app_with_demo().await;
    app.register("tenant@example.com", "a long enough passphrase")
        .await;
    let (challenge, code) = app.binding_code(&app.client, "310 076-5432").await;
    assert_eq!(challenge["sent_to"], "139****8821");
    // The text went to the phone on file, and says what the code is for.
    let text = app.sms.texts().pop().expect("a text");
    assert_eq!(text.to, "13912348821");
    assert!(text.text.contains(SPARE_ACCOUNT) && !text.text.contains("http"));
    let bound = app
        .call(
            "accounts/bind",
            &[
                ("challenge_id", &challenge["challenge_id"].to_string()),
                ("code", &code),
            ],
        )
        .await
        .ok();
    assert_eq!(bound["account_number"], SPARE_ACCOUNT);
    let list = app.call("accounts/list", &[]).await.ok();
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["area_class"], "rural");
    // Staff never read the code: the outbox hides it, and it is not kept once sent.
    let agent = app.agent().await;
    let outbox = app
        .call_with(&agent, "staff/outbox", &[("filter", "sent")])
        .await
        .ok();
    let sent = outbox
        .as_array()
        .expect("messages")
        .iter()
        .find(|m| m["kind"] == "binding_code")
        .expect("the code's text");
    assert_eq!(sent["subject"], "(a one-time code: not shown)");
    assert!(!outbox.to_string().contains(&code));
    let kept: Vec<String> = sqlx::query("SELECT body FROM outbox WHERE kind = 'binding_code'")
        .fetch_all(app.state.store.pool())
        .await
        .expect("the outbox")
        .iter()
        .map(|r| sqlx::Row::get(r, "body"))
        .collect();
    assert_eq!(kept, [""]);
    // A code works once.
    app.call(
        "accounts/bind",
        &[
            ("challenge_id", &challenge["challenge_id"].to_string()),
            ("code", &code),
        ],
    )
    .await
    .assert_error(StatusCode::CONFLICT, "not_now");
}

#[tokio::test]
async fn a_code_takes_five_wrong_answers_and_then_no_more() {
    let app = spawn_app_with_demo().await;
    app.register("guess@example.com", "a long enough passphrase")
        .await;
    let (challenge, code) = app.binding_code(&app.client, SPARE_ACCOUNT).await;
    let id = challenge["challenge_id"].to_string();
    let wrong = if code == "000000" { "000001" } else { "000000" };
    for _ in 0..5 {
        app.call("accounts/bind", &[("challenge_id", &id), ("code", wrong)])
            .await
            .assert_invalid("code", "wrong_code");
    }
    // Spent: even the right code is refused now.
    app.call("accounts/bind", &[("challenge_id", &id), ("code", &code)])
        .await
        .assert_error(StatusCode::CONFLICT, "not_now");
    // And a code expires after 10 minutes.
    let (challenge, code) = app.binding_code(&app.client, SPARE_ACCOUNT).await;
    app.clock.advance(600);
    app.call(
        "accounts/bind",
        &[
            ("challenge_id", &challenge["challenge_id"].to_string()),
            ("code", &code),
        ],
    )
    .await
    .assert_error(StatusCode::CONFLICT, "not_now");
    assert_eq!(
        app.call("accounts/list", &[])
            .await
            .ok()
            .as_array()
            .map(Vec::len),
        Some(0)
    );
}

#[tokio::test]
async fn registering_again_and_again_gives_no_fresh_codes_for_one_account() {
    // Before, each new login had five fresh guesses at four digits; now codes are counted per
    // account, whoever asks.
    let app = spawn_app_with_demo().await;
    let mut refused = 0;
    for n in 0..6 {
        let browser = app
            .registered_browser(&format!("guess{n}@example.com"))
            .await;
        let answer = app
            .call_with(
                &browser,
                "accounts/bind_start",
                &[("account_number", SPARE_ACCOUNT)],
            )
            .await;
        if answer.status == StatusCode::TOO_MANY_REQUESTS {
            answer.assert_error(StatusCode::TOO_MANY_REQUESTS, "locked");
            refused += 1;
        } else {
            answer.ok();
        }
    }
    assert_eq!(refused, 3, "three codes an hour per account, whoever asks");
    // A day holds at most ten, so at most 50 guesses at a one-in-a-million code.
    for hour in 1..=4 {
        app.clock.advance(3600);
        for n in 0..3 {
            let browser = app
                .registered_browser(&format!("late{hour}-{n}@example.com"))
                .await;
            let answer = app
                .call_with(
                    &browser,
                    "accounts/bind_start",
                    &[("account_number", SPARE_ACCOUNT)],
                )
                .await;
            let expected = if hour * 3 + n < 10 {
                StatusCode::OK
            } else {
                StatusCode::TOO_MANY_REQUESTS
            };
            assert_eq!(
                answer.status, expected,
                "hour {hour}, try {n}: {}",
                answer.text
            );
        }
    }
}

#[tokio::test]
async fn an_unknown_number_and_bad_input_are_refused_field_by_field() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    app.call("accounts/bind_start", &[("account_number", "9999999999")])
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "bind_mismatch");
    app.call("accounts/bind_start", &[("account_number", "")])
        .await
        .assert_invalid("account_number", "required");
    app.call("accounts/bind_start", &[("account_number", "31007654")])
        .await
        .assert_invalid("account_number", "malformed");
    app.call(
        "accounts/bind_start",
        &[("account_number", &"1".repeat(100))],
    )
    .await
    .assert_invalid("account_number", "too_long");
    app.call("accounts/bind_start", &[("account_number", HOME)])
        .await
        .assert_invalid("account_number", "already_member");
    app.call(
        "accounts/bind",
        &[("challenge_id", "x"), ("code", "123456")],
    )
    .await
    .assert_invalid("challenge_id", "not_a_number");
    app.call("accounts/bind", &[("challenge_id", "1"), ("code", "12 34")])
        .await
        .assert_invalid("code", "malformed");
}

#[tokio::test]
async fn binding_needs_a_signed_in_person_and_nobody_answers_someone_elses_code() {
    let app = spawn_app_with_demo().await;
    app.call("accounts/bind_start", &[("account_number", SPARE_ACCOUNT)])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    app.call("accounts/list", &[])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    let asker = app.registered_browser("asker@example.com").await;
    let (challenge, code) = app.binding_code(&asker, SPARE_ACCOUNT).await;
    // Someone else who learnt the code still cannot use the asker's challenge.
    let other = app.registered_browser("other@example.com").await;
    app.call_with(
        &other,
        "accounts/bind",
        &[
            ("challenge_id", &challenge["challenge_id"].to_string()),
            ("code", &code),
        ],
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn an_organisations_site_is_reached_only_through_the_organisation() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let viewer = app.new_member("nosy@harborfoods.example", "viewer").await;
    // The viewer reads a site's case, with its contact phone masked…
    let cases = app.call_with(&viewer, "connections/mine", &[]).await.ok();
    // The Harbor Road Store's tariff change, filed by the owner.
    let case = cases
        .as_array()
        .expect("cases")
        .iter()
        .find(|c| c["kind"] == "tariff_change")
        .unwrap_or_else(|| panic!("the Harbor Road Store's case in {cases}"))["id"]
        .to_string();
    let detail = app
        .call_with(&viewer, "connections/detail", &[("case_id", &case)])
        .await
        .ok();
    assert_eq!(detail["contact_phone"], "021****1234");
    // …while the applicant reads it whole.
    let own = app
        .call("connections/detail", &[("case_id", &case)])
        .await
        .ok();
    assert_eq!(own["contact_phone"], "02155501234");
    // The site cannot be linked privately, phone digits or not.
    let site = "3200000002".to_string();
    app.call_with(&viewer, "accounts/bind_start", &[("account_number", &site)])
        .await
        .assert_invalid("account_number", "organisation_site");
    // A holder row left over from before (written straight into the table) gives nothing once
    // the member is removed.
    let viewer_id = app
        .member_id(&app.harbor().await, "nosy@harborfoods.example")
        .await;
    let site_id = app.account_id(&site).await;
    sqlx::query(
        "INSERT INTO account_holders (service_account_id, user_id, bound_at) VALUES ($1, $2, 0)",
    )
    .bind(site_id)
    .bind(viewer_id.parse::<i64>().expect("an id"))
    .execute(app.state.store.pool())
    .await
    .expect("a stale holder row");
    let org = app.harbor().await;
    app.call(
        "org/set_role",
        &[
            ("organisation_id", &org),
            ("user_id", &viewer_id),
            ("role", "none"),
        ],
    )
    .await
    .ok();
    let list = app.call_with(&viewer, "accounts/list", &[]).await.ok();
    assert_eq!(list.as_array().map(Vec::len), Some(0), "{list}");
    let bills = app
        .call_with(
            &viewer,
            "bills/list",
            &[("account_id", &site_id.to_string()), ("page", "1")],
        )
        .await;
    assert!(
        matches!(bills.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
        "{}",
        bills.text
    );
}

#[tokio::test]
async fn the_holder_is_told_of_a_new_holder_and_can_remove_them() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let tenant = app.registered_browser("tenant@example.com").await;
    app.bind_with_code(&tenant, HOME).await;
    // The resident is told, in the portal.
    let list = app
        .call(
            "notifications/list",
            &[("group", "accounts"), ("unread", "")],
        )
        .await
        .ok();
    assert_eq!(list[0]["kind"], "holder_added", "{list}");
    assert!(
        list[0]["body"][0]
            .as_str()
            .expect("a body")
            .starts_with("t•••@example.com can now read the bills"),
        "{list}"
    );
    let home = app.account_id(HOME).await.to_string();
    let holders = app
        .call("accounts/holders", &[("account_id", &home)])
        .await
        .ok();
    let tenant_entry = holders
        .as_array()
        .expect("holders")
        .iter()
        .find(|h| h["me"] == false)
        .expect("the tenant")
        .clone();
    assert_eq!(tenant_entry["email"], "t•••@example.com");
    // Nobody but a holder lists or removes holders.
    let ops = app.signed_in_browser(OPS).await;
    app.call_with(&ops, "accounts/holders", &[("account_id", &home)])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.call_with(
        &ops,
        "accounts/remove_holder",
        &[
            ("account_id", &home),
            ("holder_id", &tenant_entry["user_id"].to_string()),
        ],
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    // The resident removes the tenant: the tenant's next request sees nothing of the home.
    app.call(
        "accounts/remove_holder",
        &[
            ("account_id", &home),
            ("holder_id", &tenant_entry["user_id"].to_string()),
        ],
    )
    .await
    .ok();
    let theirs = app.call_with(&tenant, "accounts/list", &[]).await.ok();
    assert_eq!(theirs.as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn an_enterprise_owner_sees_every_site_of_the_organisation() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let list = app.call("accounts/list", &[]).await.ok();
    let sites: Vec<&str> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| a["site_name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        sites,
        [
            "Central Kitchen",
            "Harbor Road Store",
            "Cold Storage Warehouse"
        ]
    );
    assert!(
        list.as_array()
            .expect("list")
            .iter()
            .all(|a| a["organisation"] == "Harbor Foods Ltd.")
    );
}
