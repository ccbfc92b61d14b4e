//! Registering, signing in and out, sessions and the lockout.

use crate::helpers::{RESIDENT, spawn_app, spawn_app_behind_proxy, spawn_app_with_demo};
use reqwest::StatusCode;

const GOOD_PASSWORD: &str = "a long enough passphrase";

#[tokio::test]
async fn register_mails_a_link_that_confirms_the_address_and_signs_the_customer_in_once() {
    let app = spawn_app().await;
    let answer = app
        .call(
            "auth/register",
            &[
                ("email", "New.Customer@Example.com"),
                ("password", GOOD_PASSWORD),
                ("lang", "en"),
                ("next", ""),
            ],
        )
        .await;
    assert_eq!(answer.ok(), serde_json::Value::Null);
    // Not signed in yet: the address is not proven.
    assert!(app.call("auth/current_user", &[]).await.ok().is_null());
    let token = app
        .link_token("new.customer@example.com", "/verify-email")
        .await;
    let me = app
        .call("auth/verify_email", &[("token", &token)])
        .await
        .ok();
    assert_eq!(me["email"], "new.customer@example.com");
    assert_eq!(me["role"], "customer");
    let who = app.call("auth/current_user", &[]).await.ok();
    assert_eq!(who["email"], "new.customer@example.com");
    // The link works once, and only its hash was kept.
    app.other_browser();
    app.call_with(
        &app.other_browser(),
        "auth/verify_email",
        &[("token", &token)],
    )
    .await
    .assert_invalid("token", "expired");
    use sqlx::Row;
    let kept: Vec<String> = sqlx::query("SELECT token_hash FROM login_links")
        .fetch_all(app.state.store.pool())
        .await
        .expect("links")
        .iter()
        .map(|r| r.get::<String, _>("token_hash"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_ne!(kept[0], token);
}

#[tokio::test]
async fn an_unconfirmed_login_cannot_sign_in_and_is_sent_a_new_link() {
    let app = spawn_app().await;
    app.call(
        "auth/register",
        &[
            ("email", "late@example.com"),
            ("password", GOOD_PASSWORD),
            ("lang", "en"),
            ("next", ""),
        ],
    )
    .await
    .ok();
    let first = app.link_token("late@example.com", "/verify-email").await;
    let answer = app.try_sign_in(("late@example.com", GOOD_PASSWORD)).await;
    answer.assert_error(StatusCode::FORBIDDEN, "unverified");
    assert!(answer.set_cookie.is_empty(), "{:?}", answer.set_cookie);
    // A new link came, and only the newest works.
    let second = app.link_token("late@example.com", "/verify-email").await;
    assert_ne!(first, second);
    app.call("auth/verify_email", &[("token", &first)])
        .await
        .assert_invalid("token", "expired");
    app.call("auth/verify_email", &[("token", &second)])
        .await
        .ok();
    app.sign_in(("late@example.com", GOOD_PASSWORD)).await;
}

#[tokio::test]
async fn a_confirmation_link_lasts_a_day() {
    let app = spawn_app().await;
    app.call(
        "auth/register",
        &[
            ("email", "slow@example.com"),
            ("password", GOOD_PASSWORD),
            ("lang", "en"),
            ("next", ""),
        ],
    )
    .await
    .ok();
    let token = app.link_token("slow@example.com", "/verify-email").await;
    app.clock.advance(24 * 3600 + 1);
    app.call("auth/verify_email", &[("token", &token)])
        .await
        .assert_invalid("token", "expired");
}

#[tokio::test]
async fn the_most_common_passwords_and_our_own_name_are_refused() {
    let app = spawn_app().await;
    for (password, problem) in [
        ("1234567890", "too_common"),
        ("qwertyuiop", "too_common"),
        ("Password123", "too_common"),
        ("gridcare2026", "too_common"),
        ("wendy.wong99", "too_common"),
    ] {
        app.call(
            "auth/register",
            &[
                ("email", "wendy.wong@example.com"),
                ("password", password),
                ("lang", "en"),
                ("next", ""),
            ],
        )
        .await
        .assert_invalid("password", problem);
    }
}

#[tokio::test]
async fn register_refuses_a_short_password_naming_the_field() {
    let app = spawn_app().await;
    let answer = app
        .call(
            "auth/register",
            &[
                ("email", "a@example.com"),
                ("password", "123456789"),
                ("lang", "en"),
                ("next", ""),
            ],
        )
        .await;
    answer.assert_invalid("password", "too_short");
    assert_eq!(answer.body["problem"]["too_short"]["min"], 10);
}

#[tokio::test]
async fn register_accepts_long_and_pasted_unicode_passwords() {
    let app = spawn_app().await;
    app.register("long@example.com", &"p".repeat(128)).await;
    let app = spawn_app().await;
    app.register("cjk@example.com", "电力 客户 服务 门户 密码")
        .await;
    let app = spawn_app().await;
    app.call(
        "auth/register",
        &[
            ("email", "x@example.com"),
            ("password", &"p".repeat(129)),
            ("lang", "en"),
            ("next", ""),
        ],
    )
    .await
    .assert_invalid("password", "too_long");
}

#[tokio::test]
async fn register_refuses_bad_emails_naming_the_field() {
    let app = spawn_app().await;
    for (email, problem) in [
        ("", "required"),
        ("not-an-email", "malformed"),
        ("a@b", "malformed"),
    ] {
        app.call(
            "auth/register",
            &[
                ("email", email),
                ("password", GOOD_PASSWORD),
                ("lang", "en"),
                ("next", ""),
            ],
        )
        .await
        .assert_invalid("email", problem);
    }
    let long = format!("{}@example.com", "a".repeat(300));
    app.call(
        "auth/register",
        &[
            ("email", &long),
            ("password", GOOD_PASSWORD),
            ("lang", "en"),
            ("next", ""),
        ],
    )
    .await
    .assert_invalid("email", "too_long");
}

#[tokio::test]
async fn a_missing_field_is_named_in_the_refusal() {
    let app = spawn_app().await;
    let answer = app
        .call("auth/register", &[("email", "a@example.com")])
        .await;
    answer.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "bad_request");
    assert!(
        answer.body["message"]
            .as_str()
            .unwrap_or("")
            .contains("password"),
        "{}",
        answer.text
    );
}

#[tokio::test]
async fn an_oversized_request_is_refused_before_it_is_read() {
    let app = spawn_app().await;
    let huge = "x".repeat(100 * 1024);
    let answer = app
        .call(
            "auth/register",
            &[
                ("email", "a@example.com"),
                ("password", &huge),
                ("lang", "en"),
                ("next", ""),
            ],
        )
        .await;
    answer.assert_error(StatusCode::PAYLOAD_TOO_LARGE, "too_large");
}

#[tokio::test]
async fn registering_a_taken_email_answers_the_same_and_tells_the_owner_instead() {
    let app = spawn_app().await;
    app.register("twice@example.com", GOOD_PASSWORD).await;
    let mails_before = app.mail.received().len();
    let again = app
        .call_with(
            &app.other_browser(),
            "auth/register",
            &[
                ("email", "TWICE@example.com"),
                ("password", "someone else's passphrase"),
                ("lang", "en"),
                ("next", ""),
            ],
        )
        .await;
    let fresh = app
        .call_with(
            &app.other_browser(),
            "auth/register",
            &[
                ("email", "fresh@example.com"),
                ("password", GOOD_PASSWORD),
                ("lang", "en"),
                ("next", ""),
            ],
        )
        .await;
    // The same answer, byte for byte, whether or not the address was taken.
    assert_eq!((again.status, &again.text), (fresh.status, &fresh.text));
    app.sender.run_once().await.expect("the sender runs");
    let mails = app.mail.received();
    let to_owner = mails[mails_before..]
        .iter()
        .find(|m| m.to.iter().any(|t| t.contains("twice@example.com")))
        .expect("the owner is told");
    assert_eq!(to_owner.subject(), "You already have a GridCare account");
    assert!(to_owner.link_to("/forgot-password").is_some());
    assert!(to_owner.link_to("/verify-email").is_none());
    // The owner's password did not change.
    app.sign_in(("twice@example.com", GOOD_PASSWORD)).await;
}

#[tokio::test]
async fn wrong_password_is_refused_without_a_session() {
    let app = spawn_app_with_demo().await;
    let answer = app.try_sign_in((RESIDENT.0, "not the password")).await;
    answer.assert_error(StatusCode::UNAUTHORIZED, "bad_credentials");
    assert!(answer.set_cookie.is_empty(), "{:?}", answer.set_cookie);
    let who = app.call("auth/current_user", &[]).await.ok();
    assert!(who.is_null());
}

#[tokio::test]
async fn an_unknown_email_gets_the_same_answer_as_a_wrong_password() {
    let app = spawn_app_with_demo().await;
    app.call(
        "auth/sign_in",
        &[("email", "nobody@example.com"), ("password", "whatever123")],
    )
    .await
    .assert_error(StatusCode::UNAUTHORIZED, "bad_credentials");
}

#[tokio::test]
async fn five_failed_sign_ins_lock_the_email_for_15_minutes() {
    let app = spawn_app_with_demo().await;
    for _ in 0..4 {
        app.try_sign_in((RESIDENT.0, "wrong password"))
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "bad_credentials");
    }
    let fifth = app.try_sign_in((RESIDENT.0, "wrong password")).await;
    fifth.assert_error(StatusCode::TOO_MANY_REQUESTS, "locked");
    assert_eq!(fifth.body["minutes"], 15);
    // Even the right password is refused while locked, and says for how long.
    app.clock.advance(14 * 60);
    let locked = app.try_sign_in(RESIDENT).await;
    locked.assert_error(StatusCode::TOO_MANY_REQUESTS, "locked");
    assert_eq!(locked.body["minutes"], 1);
    app.clock.advance(60);
    app.sign_in(RESIDENT).await;
}

#[tokio::test]
async fn the_lock_holds_for_one_email_from_one_address_only() {
    // Someone elsewhere guessing the resident's password locks only themself out.
    let app = spawn_app_behind_proxy().await;
    let attacker = "203.0.113.66";
    for _ in 0..5 {
        app.sign_in_from(attacker, (RESIDENT.0, "wrong password"))
            .await;
    }
    assert_eq!(
        app.sign_in_from(attacker, RESIDENT).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        app.sign_in_from("198.51.100.7", RESIDENT).await,
        StatusCode::OK
    );
}

#[tokio::test]
async fn one_address_guessing_at_many_logins_is_stopped() {
    let app = spawn_app_behind_proxy().await;
    let mut statuses = Vec::new();
    for n in 0..31 {
        let email = format!("victim{n}@example.com");
        statuses.push(
            app.sign_in_from("203.0.113.66", (&email, "Summer2026!"))
                .await,
        );
    }
    assert!(
        statuses[..30]
            .iter()
            .all(|s| *s == StatusCode::UNAUTHORIZED)
    );
    assert_eq!(statuses[30], StatusCode::TOO_MANY_REQUESTS);
    // Other addresses are not affected.
    app.sign_in(RESIDENT).await;
}

#[tokio::test]
async fn the_lock_holds_for_one_email_only() {
    let app = spawn_app_with_demo().await;
    for _ in 0..5 {
        app.try_sign_in(("ops@example.com", "wrong password")).await;
    }
    app.sign_in(RESIDENT).await;
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site_lax() {
    let app = spawn_app_with_demo().await;
    let answer = app.try_sign_in(RESIDENT).await;
    let cookie = answer.set_cookie.first().expect("a session cookie").clone();
    assert!(cookie.starts_with("gridcare_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(cookie.contains("Max-Age=2592000"), "30 days: {cookie}");
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
}

#[tokio::test]
async fn the_session_cookie_is_secure_and_host_only_behind_a_tls_proxy() {
    let app = spawn_app_behind_proxy().await;
    let res = app
        .client
        .post(app.url("/api/auth/sign_in"))
        .header("X-Forwarded-Proto", "https")
        .json(&crate::helpers::fields_json(&[
            ("email", RESIDENT.0),
            ("password", RESIDENT.1),
        ]))
        .send()
        .await
        .expect("answer");
    let cookie = res.headers()[reqwest::header::SET_COOKIE]
        .to_str()
        .expect("text");
    assert!(cookie.contains("; Secure"), "{cookie}");
    assert!(cookie.starts_with("__Host-gridcare_session="), "{cookie}");
    assert!(!cookie.contains("Domain"), "{cookie}");
}

fn session_token(cookies: &[String]) -> String {
    cookies
        .iter()
        .find_map(|c| c.strip_prefix("gridcare_session="))
        .and_then(|rest| rest.split(';').next())
        .expect("a session cookie")
        .to_string()
}

#[tokio::test]
async fn each_sign_in_gets_a_new_session_id_and_ends_the_old_one() {
    let app = spawn_app_with_demo().await;
    let first = app.try_sign_in(RESIDENT).await;
    let second = app.try_sign_in(RESIDENT).await;
    let (old, new) = (
        session_token(&first.set_cookie),
        session_token(&second.set_cookie),
    );
    assert_ne!(old, new);
    let stale = reqwest::Client::new()
        .post(app.url("/api/auth/current_user"))
        .header("Cookie", format!("gridcare_session={old}"))
        .json(&serde_json::json!({}))
        .send()
        .await
        .expect("answer");
    assert_eq!(stale.text().await.expect("body"), "null");
}

#[tokio::test]
async fn sign_out_ends_the_session_on_the_server() {
    let app = spawn_app_with_demo().await;
    let signed_in = app.try_sign_in(RESIDENT).await;
    let token = session_token(&signed_in.set_cookie);
    let out = app.call("auth/sign_out", &[]).await;
    assert_eq!(out.status, StatusCode::OK, "{}", out.text);
    assert!(out.set_cookie.iter().any(|c| c.contains("Max-Age=0")));
    // A copy of the old cookie opens nothing.
    let copy = reqwest::Client::new()
        .post(app.url("/api/bills/overview"))
        .header("Cookie", format!("gridcare_session={token}"))
        .json(&serde_json::json!({}))
        .send()
        .await
        .expect("answer");
    assert_eq!(copy.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_staff_session_ends_after_30_idle_minutes_but_not_while_used() {
    let app = spawn_app_with_demo().await;
    let agent = app.signed_in_browser(crate::helpers::AGENT).await;
    let queue = [("stage", ""), ("category", ""), ("overdue", "")];
    for _ in 0..3 {
        app.clock.advance(29 * 60);
        app.call_with(&agent, "staff/queue", &queue).await.ok();
    }
    // The bell's polling every few seconds is not use: a console left open still ends.
    for minutes in [10, 10, 9] {
        app.clock.advance(minutes * 60);
        app.call_with(&agent, "notifications/unread", &[])
            .await
            .ok();
    }
    app.clock.advance(2 * 60);
    app.call_with(&agent, "staff/queue", &queue)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    // A customer's session is not ended by a month's quiet short of its lifetime.
    app.sign_in(RESIDENT).await;
    app.clock.advance(29 * 24 * 3600);
    app.call("bills/overview", &[]).await.ok();
}

#[tokio::test]
async fn a_session_ends_at_its_absolute_lifetime_however_busy() {
    let app = spawn_app_with_demo().await;
    // Staff: a working day from sign-in, used every 25 minutes.
    let agent = app.signed_in_browser(crate::helpers::AGENT).await;
    let queue = [("stage", ""), ("category", ""), ("overdue", "")];
    for _ in 0..28 {
        app.clock.advance(25 * 60);
        app.call_with(&agent, "staff/queue", &queue).await.ok();
    }
    // 700 minutes in; 12 hours is 720.
    app.clock.advance(20 * 60 + 1);
    app.call_with(&agent, "staff/queue", &queue)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    // Customers: 30 days, used every 10 days.
    app.sign_in(RESIDENT).await;
    for days in [10, 10, 9] {
        app.clock.advance(days * 24 * 3600);
        app.call("bills/overview", &[]).await.ok();
    }
    app.clock.advance(24 * 3600 + 1);
    app.call("bills/overview", &[])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
}

#[tokio::test]
async fn sessions_are_stored_as_hashes_of_their_tokens() {
    let app = spawn_app_with_demo().await;
    let answer = app.try_sign_in(RESIDENT).await;
    let token = session_token(&answer.set_cookie);
    use sqlx::Row;
    let stored: Vec<String> = sqlx::query("SELECT token_hash FROM sessions")
        .fetch_all(app.state.store.pool())
        .await
        .expect("sessions")
        .iter()
        .map(|r| r.get::<String, _>("token_hash"))
        .collect();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], token, "only a hash of the token is stored");
}
