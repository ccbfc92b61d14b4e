//! A login's safety: password reset and change, one's sessions, the limits every server
//! counts together, and the security log.

use crate::helpers::{AGENT, RESIDENT, SUPERVISOR, spawn_app_behind_proxy, spawn_app_with_demo};
use reqwest::StatusCode;
use serde_json::Value;

const NEW_PASSWORD: &str = "lantern river morning tea";

async fn ask_reset(app: &crate::helpers::TestApp, email: &str) -> crate::helpers::Answer {
    app.call_with(
        &app.other_browser(),
        "auth/forgot_password",
        &[("email", email), ("lang", "en")],
    )
    .await
}

#[tokio::test]
async fn a_reset_answers_the_same_for_any_email_and_mails_only_a_real_login() {
    let app = spawn_app_with_demo().await;
    let real = ask_reset(&app, RESIDENT.0).await;
    let unknown = ask_reset(&app, "nobody@example.com").await;
    assert_eq!((real.status, &real.text), (unknown.status, &unknown.text));
    assert_eq!(real.status, StatusCode::OK);
    app.sender.run_once().await.expect("the sender runs");
    let mails = app.mail.received();
    assert_eq!(mails.len(), 1, "only the real login gets a mail");
    assert!(mails[0].to.iter().any(|t| t.contains(RESIDENT.0)));
    assert_eq!(mails[0].subject(), "Set a new GridCare password");
}

#[tokio::test]
async fn a_reset_link_sets_a_password_once_and_ends_every_session() {
    let app = spawn_app_with_demo().await;
    let phone = app.signed_in_browser(RESIDENT).await;
    ask_reset(&app, RESIDENT.0).await.ok();
    let token = app.link_token(RESIDENT.0, "/reset-password").await;
    // A refused password does not use up the link.
    app.call(
        "auth/reset_password",
        &[("token", &token), ("password", "password123")],
    )
    .await
    .assert_invalid("password", "too_common");
    app.call(
        "auth/reset_password",
        &[("token", &token), ("password", NEW_PASSWORD)],
    )
    .await
    .ok();
    app.call(
        "auth/reset_password",
        &[("token", &token), ("password", "another good one here")],
    )
    .await
    .assert_invalid("token", "expired");
    // The phone's session ended; the old password is gone, the new one works.
    app.call_with(&phone, "bills/overview", &[])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    app.try_sign_in(RESIDENT)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "bad_credentials");
    app.sign_in((RESIDENT.0, NEW_PASSWORD)).await;
    // The owner is told, with the way back if it was not them.
    app.sender.run_once().await.expect("the sender runs");
    let told = app.mail.received();
    assert_eq!(
        told.last().map(|m| m.subject()).as_deref(),
        Some("Your GridCare password was changed")
    );
    // The link's text was not kept once it was sent.
    use sqlx::Row;
    let bodies: Vec<String> = sqlx::query("SELECT body FROM outbox WHERE kind = 'reset_password'")
        .fetch_all(app.state.store.pool())
        .await
        .expect("outbox")
        .iter()
        .map(|r| r.get::<String, _>("body"))
        .collect();
    assert_eq!(bodies, [""]);
}

#[tokio::test]
async fn a_reset_link_lasts_30_minutes() {
    let app = spawn_app_with_demo().await;
    ask_reset(&app, RESIDENT.0).await.ok();
    let token = app.link_token(RESIDENT.0, "/reset-password").await;
    app.clock.advance(30 * 60);
    app.call(
        "auth/reset_password",
        &[("token", &token), ("password", NEW_PASSWORD)],
    )
    .await
    .assert_invalid("token", "expired");
    app.sign_in(RESIDENT).await;
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_the_other_sessions() {
    let app = spawn_app_with_demo().await;
    let other = app.signed_in_browser(RESIDENT).await;
    app.sign_in(RESIDENT).await;
    app.call(
        "auth/change_password",
        &[
            ("current_password", "not it at all"),
            ("password", NEW_PASSWORD),
        ],
    )
    .await
    .assert_invalid("current_password", "incorrect");
    app.call(
        "auth/change_password",
        &[("current_password", RESIDENT.1), ("password", RESIDENT.1)],
    )
    .await
    .assert_invalid("password", "unchanged");
    app.call(
        "auth/change_password",
        &[
            ("current_password", RESIDENT.1),
            ("password", "iloveyou123"),
        ],
    )
    .await
    .assert_invalid("password", "too_common");
    app.call(
        "auth/change_password",
        &[("current_password", RESIDENT.1), ("password", NEW_PASSWORD)],
    )
    .await
    .ok();
    // This session goes on; the other one ended.
    app.call("bills/overview", &[]).await.ok();
    app.call_with(&other, "bills/overview", &[])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    app.try_sign_in(RESIDENT)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "bad_credentials");
}

#[tokio::test]
async fn guessing_the_current_password_from_a_stolen_session_is_locked() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    for _ in 0..4 {
        app.call(
            "auth/change_password",
            &[
                ("current_password", "a guess at it"),
                ("password", NEW_PASSWORD),
            ],
        )
        .await
        .assert_invalid("current_password", "incorrect");
    }
    app.call(
        "auth/change_password",
        &[
            ("current_password", "a guess at it"),
            ("password", NEW_PASSWORD),
        ],
    )
    .await
    .assert_error(StatusCode::TOO_MANY_REQUESTS, "locked");
    app.call(
        "auth/change_password",
        &[("current_password", RESIDENT.1), ("password", NEW_PASSWORD)],
    )
    .await
    .assert_error(StatusCode::TOO_MANY_REQUESTS, "locked");
}

#[tokio::test]
async fn a_person_lists_their_sessions_and_ends_one_or_all_others() {
    let app = spawn_app_behind_proxy().await;
    let phone = app.other_browser();
    let res = phone
        .post(app.url("/api/auth/sign_in"))
        .header("X-Forwarded-For", "198.51.100.7")
        .header("User-Agent", "Phone browser 1.0")
        .json(&crate::helpers::fields_json(&[
            ("email", RESIDENT.0),
            ("password", RESIDENT.1),
        ]))
        .send()
        .await
        .expect("answer");
    assert_eq!(res.status(), StatusCode::OK);
    let tablet = app.signed_in_browser(RESIDENT).await;
    app.sign_in(RESIDENT).await;
    let list = app.call("auth/sessions", &[]).await.ok();
    let list = list.as_array().expect("a list").clone();
    assert_eq!(list.len(), 3);
    assert_eq!(list.iter().filter(|s| s["current"] == true).count(), 1);
    let phone_row = list
        .iter()
        .find(|s| s["device"] == "Phone browser 1.0")
        .expect("the phone's session");
    assert_eq!(phone_row["address"], "198.51.100.7");
    let id = phone_row["id"].as_str().expect("an id").to_string();
    // Nothing secret is in the list.
    assert!(!list.iter().any(|s| s.get("token_hash").is_some()));
    // Someone else cannot end it: as unknown as a session that does not exist.
    let ops = app.signed_in_browser(crate::helpers::OPS).await;
    app.call_with(&ops, "auth/end_session", &[("id", &id)])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    let left = app.call("auth/end_session", &[("id", &id)]).await.ok();
    assert_eq!(left.as_array().map(Vec::len), Some(2));
    app.call_with(&phone, "bills/overview", &[])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    app.call_with(&tablet, "bills/overview", &[]).await.ok();
    let left = app.call("auth/end_session", &[("id", "others")]).await.ok();
    assert_eq!(left.as_array().map(Vec::len), Some(1));
    app.call_with(&tablet, "bills/overview", &[])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    app.call("bills/overview", &[]).await.ok();
    app.call("auth/end_session", &[("id", "../x")])
        .await
        .assert_invalid("session_id", "malformed");
}

#[tokio::test]
async fn registrations_from_one_address_and_mails_to_one_inbox_are_limited() {
    let app = spawn_app_behind_proxy().await;
    let register = |n: usize, address: &'static str| {
        let app = &app;
        async move {
            app.other_browser()
                .post(app.url("/api/auth/register"))
                .header("X-Forwarded-For", address)
                .json(&crate::helpers::fields_json(&[
                    ("email", &format!("bulk{n}@example.com")),
                    ("password", "a long enough passphrase"),
                    ("lang", "en"),
                    ("next", ""),
                ]))
                .send()
                .await
                .expect("answer")
                .status()
        }
    };
    for n in 0..30 {
        assert_eq!(
            register(n, "203.0.113.9").await,
            StatusCode::OK,
            "registration {n}"
        );
    }
    assert_eq!(
        register(30, "203.0.113.9").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(register(31, "198.51.100.2").await, StatusCode::OK);
    // Asking for resets of one address again and again sends it three emails an hour.
    for _ in 0..6 {
        ask_reset(&app, RESIDENT.0).await.ok();
    }
    // The sender takes 20 at a time: send everything waiting.
    while app.sender.run_once().await.expect("the sender runs").sent > 0 {}
    let to_resident = app
        .mail
        .received()
        .iter()
        .filter(|m| m.to.iter().any(|t| t.contains(RESIDENT.0)))
        .count();
    assert_eq!(to_resident, 3);
}

#[tokio::test]
async fn the_security_log_records_who_did_what_from_where_and_cannot_be_edited() {
    let app = spawn_app_with_demo().await;
    for _ in 0..5 {
        app.try_sign_in((RESIDENT.0, "wrong password")).await;
    }
    app.clock.advance(16 * 60);
    app.sign_in(RESIDENT).await;
    // An agent reads the resident's account: that is logged too, once an hour.
    let account = app.account_id("3100123456").await.to_string();
    let agent = app.signed_in_browser(AGENT).await;
    for _ in 0..3 {
        app.call_with(
            &agent,
            "bills/list",
            &[("account_id", &account), ("page", "1")],
        )
        .await
        .ok();
    }
    let supervisor = app.signed_in_browser(SUPERVISOR).await;
    let failed = app
        .security_log(&supervisor, "sign_in_failed", "resident@")
        .await;
    assert_eq!(failed.len(), 4);
    assert_eq!(failed[0]["address"], "127.0.0.1");
    assert_eq!(
        app.security_log(&supervisor, "locked_out", "").await.len(),
        1
    );
    assert_eq!(
        app.security_log(&supervisor, "signed_in", "resident@")
            .await
            .len(),
        1
    );
    let reads = app.security_log(&supervisor, "staff_read", "").await;
    assert_eq!(reads.len(), 1, "{reads:?}");
    assert_eq!(reads[0]["actor"], AGENT.0);
    assert_eq!(reads[0]["detail"], format!("account {account}"));
    // Customers and agents may not read it.
    for who in [app.signed_in_browser(RESIDENT).await, agent] {
        app.call_with(
            &who,
            "supervisor/security_log",
            &[
                ("event", ""),
                ("email", ""),
                ("address", ""),
                ("from", ""),
                ("to", ""),
                ("before", ""),
            ],
        )
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    }
    app.call_with(
        &supervisor,
        "supervisor/security_log",
        &[
            ("event", "nonsense"),
            ("email", ""),
            ("address", ""),
            ("from", ""),
            ("to", ""),
            ("before", ""),
        ],
    )
    .await
    .assert_invalid("kind", "not_allowed");
    // The database itself refuses to change or delete a line.
    let pool = app.state.store.pool();
    assert!(
        sqlx::query("UPDATE audit_log SET event = 'x'")
            .execute(pool)
            .await
            .is_err()
    );
    assert!(
        sqlx::query("DELETE FROM audit_log")
            .execute(pool)
            .await
            .is_err()
    );
    assert!(!app.security_log(&supervisor, "", "").await.is_empty());
}

#[tokio::test]
async fn binding_and_inviting_ask_for_the_password_again_after_ten_minutes() {
    let app = spawn_app_with_demo().await;
    app.sign_in(crate::helpers::OPS).await;
    let org = app.harbor().await;
    app.clock.advance(11 * 60);
    app.invite(&org, "late@harborfoods.example", "viewer")
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "reauthenticate");
    app.call(
        "accounts/bind_start",
        &[("account_number", gridcare::server::seed::SPARE_ACCOUNT)],
    )
    .await
    .assert_error(StatusCode::UNAUTHORIZED, "reauthenticate");
    app.call(
        "auth/reauthenticate",
        &[("password", "not it"), ("code", "")],
    )
    .await
    .assert_invalid("password", "incorrect");
    app.call(
        "auth/reauthenticate",
        &[("password", crate::helpers::OPS.1), ("code", "")],
    )
    .await
    .ok();
    app.invite(&org, "late@harborfoods.example", "viewer")
        .await
        .ok();
    // Ordinary reading goes on without asking.
    app.clock.advance(11 * 60);
    app.call("bills/overview", &[]).await.ok();
}

#[tokio::test]
async fn staff_confirm_with_their_second_factor_too() {
    let app = spawn_app_with_demo().await;
    let supervisor = app.signed_in_browser(SUPERVISOR).await;
    app.clock.advance(11 * 60);
    app.call_with(&supervisor, "auth/mfa_start", &[])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "reauthenticate");
    app.call_with(
        &supervisor,
        "auth/reauthenticate",
        &[("password", SUPERVISOR.1), ("code", "")],
    )
    .await
    .assert_error(StatusCode::UNAUTHORIZED, "second_factor");
    let code = gridcare::server::mfa::code_at(
        gridcare::server::seed::DEMO_STAFF_TOTP[1].1,
        app.clock_now(),
    );
    app.call_with(
        &supervisor,
        "auth/reauthenticate",
        &[("password", SUPERVISOR.1), ("code", &code)],
    )
    .await
    .ok();
}

#[tokio::test]
async fn a_customer_downloads_their_data_and_deletes_their_login_while_the_account_stays() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let data = app.call("auth/my_data", &[]).await.ok();
    let data: Value = serde_json::from_str(data.as_str().expect("a JSON document")).expect("JSON");
    assert_eq!(data["login"]["email"], RESIDENT.0);
    assert!(
        data["accounts"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x["account_number"] == "3100123456"))
    );
    assert!(data["sessions"].as_array().is_some_and(|s| !s.is_empty()));
    assert!(
        data["security_log"]
            .as_array()
            .is_some_and(|s| !s.is_empty())
    );
    assert!(data.get("password_hash").is_none() && !data.to_string().contains("$argon2"));
    // Someone else's data is not in it.
    assert!(!data.to_string().contains("ops@example.com"));

    app.call("auth/delete_login", &[("current_password", "not it")])
        .await
        .assert_invalid("current_password", "incorrect");
    app.call("auth/delete_login", &[("current_password", RESIDENT.1)])
        .await
        .ok();
    app.call("bills/overview", &[])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    app.try_sign_in(RESIDENT)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "bad_credentials");
    // The service account and its bills stay with the utility, unlinked.
    let agent = app.signed_in_browser(AGENT).await;
    let account = app.account_id("3100123456").await.to_string();
    let bills = app
        .call_with(
            &agent,
            "bills/list",
            &[("account_id", &account), ("page", "1")],
        )
        .await
        .ok();
    assert!(
        bills["bills"].as_array().is_some_and(|b| !b.is_empty()),
        "{bills}"
    );
    use sqlx::Row;
    let holders: i64 = sqlx::query(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM account_holders WHERE service_account_id = $1",
    )
    .bind(account.parse::<i64>().expect("an id"))
    .fetch_one(app.state.store.pool())
    .await
    .expect("count")
    .get("n");
    assert_eq!(holders, 0);
    // The address may register again as someone new.
    app.register("resident@example.com", "a brand new passphrase here")
        .await;
}

#[tokio::test]
async fn the_last_owner_of_an_organisation_cannot_delete_their_login() {
    let app = spawn_app_with_demo().await;
    app.sign_in(crate::helpers::OPS).await;
    app.call(
        "auth/delete_login",
        &[("current_password", crate::helpers::OPS.1)],
    )
    .await
    .assert_invalid("role", "last_owner");
    app.call("bills/overview", &[]).await.ok();
}

#[tokio::test]
async fn a_new_mobile_number_and_ending_sessions_ask_for_the_password_again_and_confirming_renews_the_session()
 {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let settings = |mobile: &'static str| {
        [
            ("lang", "en"),
            ("mobile", mobile),
            ("high_use_percent", "30"),
            ("choices", ""),
        ]
    };
    app.call("notifications/save_settings", &settings("13800138000"))
        .await
        .ok();
    app.clock.advance(11 * 60);
    // The same number (other choices changed) is fine; a new one needs the password.
    app.call("notifications/save_settings", &settings("13800138000"))
        .await
        .ok();
    app.call("notifications/save_settings", &settings("13900139000"))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "reauthenticate");
    app.call("auth/end_session", &[("id", "others")])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "reauthenticate");
    let confirmed = app
        .call(
            "auth/reauthenticate",
            &[("password", RESIDENT.1), ("code", "")],
        )
        .await;
    assert!(
        confirmed
            .set_cookie
            .iter()
            .any(|c| c.starts_with("gridcare_session=") && !c.contains("Max-Age=0")),
        "a new session token: {:?} {}",
        confirmed.set_cookie,
        confirmed.text
    );
    confirmed.ok();
    app.call("notifications/save_settings", &settings("13900139000"))
        .await
        .ok();
    app.call("auth/end_session", &[("id", "others")]).await.ok();
}

#[tokio::test]
async fn every_check_of_ones_own_password_shares_one_lockout() {
    // Changing it, confirming a change, turning two-step sign-in off and deleting the login
    // all count wrong passwords together, so a stolen session gets five guesses in all.
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    app.call(
        "auth/change_password",
        &[
            ("current_password", "guess one"),
            ("password", NEW_PASSWORD),
        ],
    )
    .await
    .assert_invalid("current_password", "incorrect");
    app.call(
        "auth/reauthenticate",
        &[("password", "guess two"), ("code", "")],
    )
    .await
    .assert_invalid("password", "incorrect");
    for guess in ["guess three", "guess four"] {
        app.call("auth/delete_login", &[("current_password", guess)])
            .await
            .assert_invalid("current_password", "incorrect");
    }
    app.call("auth/delete_login", &[("current_password", "guess five")])
        .await
        .assert_error(StatusCode::TOO_MANY_REQUESTS, "locked");
    app.call("auth/delete_login", &[("current_password", RESIDENT.1)])
        .await
        .assert_error(StatusCode::TOO_MANY_REQUESTS, "locked");
    app.call("bills/overview", &[]).await.ok();
}
