//! Two-step sign-in: codes from an authenticator app (RFC 6238), recovery codes, required for
//! staff, optional for customers.

use crate::helpers::{AGENT, RESIDENT, TestApp, spawn_app_with_demo};
use gridcare::server::mfa::code_at;
use gridcare::server::seed::DEMO_STAFF_TOTP;
use reqwest::StatusCode;

const QUEUE: [(&str, &str); 3] = [("stage", ""), ("category", ""), ("overdue", "")];

fn sign_in_fields<'a>(email: &'a str, password: &'a str, code: &'a str) -> [(&'a str, &'a str); 3] {
    [("email", email), ("password", password), ("code", code)]
}

#[tokio::test]
async fn a_demo_agent_needs_the_code_from_their_app_and_each_code_works_once() {
    let app = spawn_app_with_demo().await;
    let secret = DEMO_STAFF_TOTP[0].1;
    let browser = app.other_browser();
    // The password alone: the answer asks for the code, and opens nothing.
    let first = app
        .call_with(
            &browser,
            "auth/sign_in",
            &sign_in_fields(AGENT.0, AGENT.1, ""),
        )
        .await;
    first.assert_error(StatusCode::UNAUTHORIZED, "second_factor");
    assert!(first.set_cookie.is_empty(), "{:?}", first.set_cookie);
    app.call_with(
        &browser,
        "auth/sign_in",
        &sign_in_fields(AGENT.0, AGENT.1, "123456"),
    )
    .await
    .assert_invalid("code", "wrong_code");
    let code = code_at(secret, app.clock_now());
    let me = app
        .call_with(
            &browser,
            "auth/sign_in",
            &sign_in_fields(AGENT.0, AGENT.1, &code),
        )
        .await
        .ok();
    assert_eq!(me["mfa"], true);
    assert_eq!(me["must_set_up_mfa"], false);
    app.call_with(&browser, "staff/queue", &QUEUE).await.ok();
    // Someone who watched the code typed cannot use it again.
    app.call_with(
        &app.other_browser(),
        "auth/sign_in",
        &sign_in_fields(AGENT.0, AGENT.1, &code),
    )
    .await
    .assert_invalid("code", "wrong_code");
    // Nor can a wrong password be made up for by a right code.
    app.clock.advance(30);
    let next = code_at(secret, app.clock_now());
    app.call_with(
        &app.other_browser(),
        "auth/sign_in",
        &sign_in_fields(AGENT.0, "not the password", &next),
    )
    .await
    .assert_error(StatusCode::UNAUTHORIZED, "bad_credentials");
}

#[tokio::test]
async fn guessing_codes_locks_like_guessing_passwords() {
    let app = spawn_app_with_demo().await;
    for _ in 0..4 {
        app.call("auth/sign_in", &sign_in_fields(AGENT.0, AGENT.1, "000000"))
            .await;
    }
    app.call("auth/sign_in", &sign_in_fields(AGENT.0, AGENT.1, "000001"))
        .await
        .assert_error(StatusCode::TOO_MANY_REQUESTS, "locked");
    let code = code_at(DEMO_STAFF_TOTP[0].1, app.clock_now());
    app.call("auth/sign_in", &sign_in_fields(AGENT.0, AGENT.1, &code))
        .await
        .assert_error(StatusCode::TOO_MANY_REQUESTS, "locked");
}

async fn new_agent(app: &TestApp) -> reqwest::Client {
    use gridcare::domain::{EmailAddress, Role};
    let hash = gridcare::server::auth::hash_password("a new agent's passphrase")
        .await
        .expect("a hash");
    app.state
        .store
        .create_user(
            &EmailAddress::parse("new.agent@example.com").expect("an email"),
            &hash,
            "New Agent",
            Role::StaffAgent,
            true,
            app.clock_now(),
        )
        .await
        .expect("the store")
        .expect("a new login");
    app.signed_in_browser(("new.agent@example.com", "a new agent's passphrase"))
        .await
}

#[tokio::test]
async fn staff_without_a_second_factor_must_set_one_up_before_anything_else() {
    let app = spawn_app_with_demo().await;
    let agent = new_agent(&app).await;
    let me = app.call_with(&agent, "auth/current_user", &[]).await.ok();
    assert_eq!(me["must_set_up_mfa"], true);
    app.call_with(&agent, "staff/queue", &QUEUE)
        .await
        .assert_error(StatusCode::FORBIDDEN, "set_up_second_factor");
    app.call_with(&agent, "notifications/unread", &[])
        .await
        .assert_error(StatusCode::FORBIDDEN, "set_up_second_factor");
    // Nor does the page the server writes hold anything but who they are.
    let page = agent.get(app.url("/")).send().await.expect("answer");
    let html = page.text().await.expect("body");
    assert!(html.contains("\"overview\":null"), "{html}");
    assert!(html.contains("\"must_set_up_mfa\":true"), "{html}");
    let setup = app.call_with(&agent, "auth/mfa_start", &[]).await.ok();
    let secret = setup["secret"].as_str().expect("a secret").to_string();
    let url = setup["url"].as_str().expect("an address");
    assert!(
        url.starts_with("otpauth://totp/GridCare:new.agent%40example.com?"),
        "{url}"
    );
    let width = setup["qr"]["width"].as_u64().expect("a width") as usize;
    assert_eq!(
        setup["qr"]["modules"].as_str().map(str::len),
        Some(width * width)
    );
    app.call_with(&agent, "auth/mfa_confirm", &[("code", "12345")])
        .await
        .assert_invalid("code", "malformed");
    let wrong = if code_at(&secret, app.clock_now()) == "000000" {
        "000001"
    } else {
        "000000"
    };
    app.call_with(&agent, "auth/mfa_confirm", &[("code", wrong)])
        .await
        .assert_invalid("code", "wrong_code");
    let codes = app
        .call_with(
            &agent,
            "auth/mfa_confirm",
            &[("code", &code_at(&secret, app.clock_now()))],
        )
        .await
        .ok();
    let codes: Vec<String> = codes
        .as_array()
        .expect("recovery codes")
        .iter()
        .filter_map(|c| c.as_str().map(str::to_string))
        .collect();
    assert_eq!(codes.len(), 10);
    app.call_with(&agent, "staff/queue", &QUEUE).await.ok();
    // Staff cannot turn it off.
    app.call_with(
        &agent,
        "auth/mfa_disable",
        &[("current_password", "a new agent's passphrase")],
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    // A recovery code signs in once, however it is typed.
    let login = sign_in_fields("new.agent@example.com", "a new agent's passphrase", "");
    let typed = codes[0].to_lowercase().replace('-', " ");
    let with_recovery = [login[0], login[1], ("code", typed.as_str())];
    app.call_with(&app.other_browser(), "auth/sign_in", &with_recovery)
        .await
        .ok();
    app.call_with(&app.other_browser(), "auth/sign_in", &with_recovery)
        .await
        .assert_invalid("code", "wrong_code");
    let status = app.call_with(&agent, "auth/mfa_status", &[]).await.ok();
    assert_eq!(status["recovery_codes_left"], 9);
    assert_eq!(status["required"], true);
    // Only argon2id hashes of the recovery codes are kept (they have fewer than 112 bits).
    use sqlx::Row;
    let kept: Vec<String> = sqlx::query("SELECT code_hash FROM recovery_codes")
        .fetch_all(app.state.store.pool())
        .await
        .expect("codes")
        .iter()
        .map(|r| r.get::<String, _>("code_hash"))
        .collect();
    assert_eq!(kept.len(), 10);
    assert!(
        kept.iter()
            .all(|h| !codes.contains(h) && h.starts_with("$argon2id$"))
    );
}

/// The signed-in person of `app.client` turns two-step sign-in on; the key their app holds.
async fn turn_on_two_step(app: &TestApp) -> String {
    let setup = app.call("auth/mfa_start", &[]).await.ok();
    let secret = setup["secret"].as_str().expect("a secret").to_string();
    app.call(
        "auth/mfa_confirm",
        &[("code", &code_at(&secret, app.clock_now()))],
    )
    .await
    .ok();
    secret
}

#[tokio::test]
async fn a_customer_may_turn_two_step_sign_in_on_and_off_with_their_password() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    turn_on_two_step(&app).await;
    app.call("auth/mfa_start", &[])
        .await
        .assert_error(StatusCode::CONFLICT, "not_now");
    app.try_sign_in_with(&app.other_browser(), RESIDENT)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "second_factor");
    app.call("auth/mfa_disable", &[("current_password", "not it")])
        .await
        .assert_invalid("current_password", "incorrect");
    app.call("auth/mfa_disable", &[("current_password", RESIDENT.1)])
        .await
        .ok();
    app.signed_in_browser(RESIDENT).await;
    app.try_sign_in_with(&app.other_browser(), RESIDENT)
        .await
        .ok();
    // The security log has both.
    let supervisor = app.signed_in_browser(crate::helpers::SUPERVISOR).await;
    let lines = app.security_log(&supervisor, "", RESIDENT.0).await;
    let events: Vec<&str> = lines.iter().filter_map(|l| l["event"].as_str()).collect();
    assert!(
        events.contains(&"mfa_enabled") && events.contains(&"mfa_disabled"),
        "{events:?}"
    );
}

fn desk<'a>(email: &'a str, action: &'a str, note: &'a str) -> [(&'a str, &'a str); 3] {
    [("email", email), ("action", action), ("note", note)]
}

#[tokio::test]
async fn the_service_desk_signs_a_login_out_everywhere_and_resets_a_lost_second_factor() {
    let app = spawn_app_with_demo().await;
    let supervisor = app.signed_in_browser(crate::helpers::SUPERVISOR).await;
    // A customer who turned two-step sign-in on, signed in on two devices, then lost the phone.
    app.sign_in(RESIDENT).await;
    let secret = turn_on_two_step(&app).await;
    let laptop = app.other_browser();
    app.call_with(
        &laptop,
        "auth/sign_in",
        &sign_in_fields(
            RESIDENT.0,
            RESIDENT.1,
            &code_at(&secret, app.clock_now() + 30),
        ),
    )
    .await
    .ok();

    // What the desk refuses: bad input names its field; nobody, or oneself, is not a target.
    for (args, field, problem) in [
        (
            desk("not an email", "end_sessions", "ID seen"),
            "email",
            "malformed",
        ),
        (
            desk(RESIDENT.0, "delete_login", "ID seen"),
            "kind",
            "not_allowed",
        ),
        (desk(RESIDENT.0, "end_sessions", " "), "note", "required"),
    ] {
        app.call_with(&supervisor, "supervisor/desk", &args)
            .await
            .assert_invalid(field, problem);
    }
    app.call_with(
        &supervisor,
        "supervisor/desk",
        &desk("nobody@example.com", "end_sessions", "ID seen"),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.call_with(
        &supervisor,
        "supervisor/desk",
        &desk(crate::helpers::SUPERVISOR.0, "end_sessions", "ID seen"),
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    // An agent is not the desk.
    let agent = app.signed_in_browser(crate::helpers::AGENT).await;
    app.call_with(
        &agent,
        "supervisor/desk",
        &desk(RESIDENT.0, "end_sessions", "ID seen"),
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    // The supervisor's own password is asked for again after 10 minutes.
    app.clock.advance(11 * 60);
    app.call_with(
        &supervisor,
        "supervisor/desk",
        &desk(RESIDENT.0, "end_sessions", "ID seen"),
    )
    .await
    .assert_error(StatusCode::UNAUTHORIZED, "reauthenticate");
    let code = code_at(
        gridcare::server::seed::DEMO_STAFF_TOTP[1].1,
        app.clock_now(),
    );
    app.call_with(
        &supervisor,
        "auth/reauthenticate",
        &[("password", crate::helpers::SUPERVISOR.1), ("code", &code)],
    )
    .await
    .ok();
    // The person still holds both devices until the desk acts; the phone is lost.
    app.call_with(&laptop, "auth/current_user", &[]).await.ok();
    let ended = app
        .call_with(
            &supervisor,
            "supervisor/desk",
            &desk(
                RESIDENT.0,
                "reset_second_factor",
                "ID card seen at the Pudong counter",
            ),
        )
        .await
        .ok();
    assert_eq!(ended, 2);
    for browser in [&app.client, &laptop] {
        assert_eq!(
            app.call_with(browser, "auth/current_user", &[]).await.ok(),
            serde_json::Value::Null
        );
    }
    // Resetting again finds nothing to reset.
    app.call_with(
        &supervisor,
        "supervisor/desk",
        &desk(RESIDENT.0, "reset_second_factor", "again"),
    )
    .await
    .assert_error(StatusCode::CONFLICT, "not_now");
    // The password alone signs in now, and the person was told.
    app.try_sign_in(RESIDENT).await.ok();
    app.sender.run_once().await.expect("the sender runs");
    let told = app
        .mail
        .received()
        .into_iter()
        .rev()
        .find(|m| m.to.iter().any(|t| t.contains(RESIDENT.0)))
        .expect("a mail to the person");
    assert!(
        told.text().contains("turned off two-step sign-in"),
        "{}",
        told.text()
    );
    assert!(told.link_to("/security").is_some());
    // Signing a staff login out everywhere; the log says who did what, and why.
    let ended = app
        .call_with(
            &supervisor,
            "supervisor/desk",
            &desk(
                crate::helpers::AGENT.0,
                "end_sessions",
                "Laptop stolen, called back on file",
            ),
        )
        .await
        .ok();
    assert_eq!(ended, 1);
    app.call_with(&agent, "staff/tickets", &[])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    let lines = app.security_log(&supervisor, "", "").await;
    let by_desk: Vec<(&str, &str, &str)> = lines
        .iter()
        .filter(|l| {
            l["event"]
                .as_str()
                .is_some_and(|e| e.ends_with("_by_staff"))
        })
        .map(|l| {
            (
                l["event"].as_str().unwrap_or(""),
                l["email"].as_str().unwrap_or(""),
                l["detail"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        by_desk,
        [
            (
                "sessions_ended_by_staff",
                crate::helpers::AGENT.0,
                "Laptop stolen, called back on file (1 sessions ended)"
            ),
            (
                "mfa_reset_by_staff",
                RESIDENT.0,
                "ID card seen at the Pudong counter (2 sessions ended)"
            ),
        ]
    );
    assert!(
        lines
            .iter()
            .filter(|l| l["event"]
                .as_str()
                .is_some_and(|e| e.ends_with("_by_staff")))
            .all(|l| l["actor"] == crate::helpers::SUPERVISOR.0)
    );
}
