//! Notifications over HTTP: what happens becomes notices for exactly the people it concerns,
//! each person's list and choices, email through a real SMTP server on loopback and texts
//! through a loopback gateway, retries, failures, several senders, and the unsubscribe link.

use crate::helpers::{OPS, RESIDENT, TestApp, spawn_app_with_demo};
use gridcare::domain::notify::{Facts, Kind};
use gridcare::server::mailsink::Mood;
use gridcare::server::store::notify::Audience;
use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Row;

const HOME: &str = "3100123456";

impl TestApp {
    /// The signed-in person's unread count.
    async fn unread(&self, client: &reqwest::Client) -> i64 {
        self.call_with(client, "notifications/unread", &[])
            .await
            .ok()
            .as_i64()
            .expect("a count")
    }

    /// Saves the signed-in person's settings, keeping every channel choice as it is.
    async fn settings(&self, lang: &str, mobile: &str, threshold: &str, except: &[&str]) -> Value {
        let now = self.call("notifications/settings", &[]).await.ok();
        let mut on = Vec::new();
        for k in now["kinds"].as_array().expect("kinds") {
            let kind = k["kind"].as_str().expect("a kind");
            for channel in ["email", "sms"] {
                let pair = format!("{kind}.{channel}");
                if k[channel] == true && !except.contains(&pair.as_str()) {
                    on.push(pair);
                }
            }
        }
        self.call(
            "notifications/save_settings",
            &[
                ("lang", lang),
                ("mobile", mobile),
                ("high_use_percent", threshold),
                ("choices", &on.join(",")),
            ],
        )
        .await
        .ok()
    }

    /// The person in `client`'s notices of `group` (empty: all), newest first.
    async fn notices(&self, client: &reqwest::Client, group: &str) -> Value {
        self.call_with(
            client,
            "notifications/list",
            &[("group", group), ("unread", "")],
        )
        .await
        .ok()
    }

    /// Staff in `agent` publish (empty `id`) or change a sudden outage over `area`, from
    /// `starts` to `ends` (local times), declared over when `ended`.
    async fn grid_fault(
        &self,
        agent: &reqwest::Client,
        id: &str,
        area: &str,
        (starts, ends): (&str, &str),
        ended: bool,
    ) -> Value {
        self.call_with(
            agent,
            "staff/outage_save",
            &[
                ("outage_id", id),
                ("kind", "grid_fault"),
                ("area", area),
                ("starts_at", starts),
                ("expected_end", ends),
                ("reason", "Cable fault"),
                ("ended", if ended { "true" } else { "false" }),
            ],
        )
        .await
        .ok()
    }

    async fn outbox_rows(&self, channel: &str) -> Vec<(String, String, Option<i64>)> {
        sqlx::query("SELECT recipient, kind, sent_at FROM outbox WHERE channel = $1 ORDER BY id")
            .bind(channel)
            .fetch_all(self.state.store.pool())
            .await
            .expect("the outbox")
            .iter()
            .map(|r| (r.get("recipient"), r.get("kind"), r.get("sent_at")))
            .collect()
    }
}

#[tokio::test]
async fn a_dispatch_tells_the_reporter_in_the_list_by_email_and_by_text_in_their_language() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let s = app.settings("zh", "138 0013 8000", "30", &[]).await;
    assert_eq!(s["mobile"], "13800138000");
    assert_eq!(s["lang"], "zh");
    let ops = app.signed_in_browser(OPS).await;
    let ops_before = app.unread(&ops).await;
    assert_eq!(app.unread(&app.client).await, 0);

    let ticket = app.report_no_power(HOME, "k1").await.ok();
    let id = ticket["id"].to_string();
    let number = ticket["number"].as_str().expect("a number").to_string();
    let agent = app.agent().await;
    app.ticket_act(&agent, &id, "dispatch", "Crew 7", "30")
        .await
        .ok();

    // In the list at once, linking to the ticket's page.
    assert_eq!(app.unread(&app.client).await, 1);
    let list = app
        .call("notifications/list", &[("group", ""), ("unread", "true")])
        .await
        .ok();
    let n = &list[0];
    assert_eq!(n["kind"], "ticket_dispatched");
    assert_eq!(n["link"], format!("/repairs/{id}"));
    assert_eq!(n["title"][0], format!("Crew on the way: {number}"));
    assert!(
        n["body"][0].as_str().expect("a body").contains("Crew 7"),
        "{n}"
    );
    assert_eq!(n["title"][1], format!("抢修人员已出发：{number}"));
    assert_eq!(n["read"], false);
    // Nobody else heard of it.
    assert_eq!(app.unread(&ops).await, ops_before);

    // One email and one text, sent by the sender, in Chinese.
    let round = app.sender.run_once().await.expect("the sender runs");
    assert_eq!(round.sent, 2, "{round:?}");
    let mails = app.mail.received();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, ["resident@example.com"]);
    assert!(
        mails[0].data.contains("Content-Language: zh-CN"),
        "{}",
        mails[0].data
    );
    assert!(
        mails[0].subject().starts_with("抢修人员已出发"),
        "{}",
        mails[0].data
    );
    assert!(
        mails[0]
            .data
            .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
    );
    let texts = app.sms.texts();
    assert_eq!(texts.len(), 1);
    assert_eq!(texts[0].to, "13800138000");
    assert!(
        texts[0].text.starts_with("【GridCare】抢修人员已出发"),
        "{}",
        texts[0].text
    );
    assert!(!texts[0].text.contains("http"));
    // Sent once: a second round finds nothing.
    assert_eq!(app.sender.run_once().await.expect("runs").sent, 0);

    // Read it: the count goes down.
    let nid = n["id"].to_string();
    app.call("notifications/read", &[("notification_id", &nid)])
        .await
        .ok();
    assert_eq!(app.unread(&app.client).await, 0);
}

#[tokio::test]
async fn nobody_reads_or_marks_someone_elses_notices() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let id = app.report_no_power(HOME, "k1").await.ok()["id"].to_string();
    let agent = app.agent().await;
    app.ticket_act(&agent, &id, "dispatch", "Crew 7", "30")
        .await
        .ok();
    let list = app.notices(&app.client, "").await;
    let nid = list[0]["id"].to_string();

    let ops = app.signed_in_browser(OPS).await;
    app.call_with(&ops, "notifications/read", &[("notification_id", &nid)])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    let theirs = app.notices(&ops, "").await;
    assert!(
        theirs
            .as_array()
            .expect("a list")
            .iter()
            .all(|n| n["id"] != list[0]["id"])
    );
    assert_eq!(app.unread(&app.client).await, 1);
    // Signed out: nothing.
    app.call_with(&app.other_browser(), "notifications/unread", &[])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    // Customers do not see the outbox.
    app.call("staff/outbox", &[("filter", "")])
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    // A bad filter names its field.
    app.call("notifications/list", &[("group", "spam"), ("unread", "")])
        .await
        .assert_invalid("kind", "not_allowed");
    app.call("notifications/read", &[("notification_id", "x")])
        .await
        .assert_invalid("notification_id", "not_a_number");
    // All read.
    assert_eq!(app.call("notifications/read_all", &[]).await.ok(), 1);
    assert_eq!(app.unread(&app.client).await, 0);
}

#[tokio::test]
async fn choices_are_kept_and_bad_settings_name_their_field() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let save = |mobile: &'static str, threshold: &'static str| {
        let app = &app;
        async move {
            app.call(
                "notifications/save_settings",
                &[
                    ("lang", "en"),
                    ("mobile", mobile),
                    ("high_use_percent", threshold),
                    ("choices", ""),
                ],
            )
            .await
        }
    };
    save("12345", "30")
        .await
        .assert_invalid("mobile", "malformed");
    save("", "5")
        .await
        .assert_invalid("high_use_percent", "out_of_range");
    app.call(
        "notifications/save_settings",
        &[
            ("lang", "en"),
            ("mobile", ""),
            ("high_use_percent", "30"),
            ("choices", "spam.email"),
        ],
    )
    .await
    .assert_invalid("choices", "not_allowed");

    // With email off for dispatches, the dispatch is in the list but not mailed.
    app.settings("en", "", "30", &["ticket_dispatched.email"])
        .await;
    let id = app.report_no_power(HOME, "k1").await.ok()["id"].to_string();
    let agent = app.agent().await;
    app.ticket_act(&agent, &id, "dispatch", "Crew 7", "30")
        .await
        .ok();
    assert_eq!(app.unread(&app.client).await, 1);
    assert!(
        app.outbox_rows("email")
            .await
            .iter()
            .all(|(_, k, _)| k != "ticket_dispatched")
    );
    // No mobile number: no text either.
    assert!(app.outbox_rows("sms").await.is_empty());
}

#[tokio::test]
async fn the_unsubscribe_link_works_without_signing_in_and_cannot_be_forged() {
    let app = spawn_app_with_demo().await;
    let resident = app.user_id(RESIDENT.0).await;
    let link = app.state.notifier.unsubscribe_url(resident, Kind::BillDue);
    let path = link
        .split_once(&app.addr.to_string())
        .expect("an absolute link")
        .1;
    let browser = app.other_browser();
    // A forged link, or one turned to someone else, changes nothing.
    let forged = path.replacen(
        &format!("t={resident}."),
        &format!("t={}.", resident + 1),
        1,
    );
    for bad in [
        forged.as_str(),
        "/api/unsubscribe?t=1.bill_due.00",
        "/api/unsubscribe",
    ] {
        let r = browser.post(app.url(bad)).send().await.expect("answers");
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
    // Opening the link only asks.
    let page = browser.get(app.url(path)).send().await.expect("answers");
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.expect("a page").contains("<button"));
    app.sign_in(RESIDENT).await;
    let kinds = app.call("notifications/settings", &[]).await.ok();
    let due = |s: &Value| {
        s["kinds"]
            .as_array()
            .expect("kinds")
            .iter()
            .find(|k| k["kind"] == "bill_due")
            .expect("bill_due")["email"]
            .clone()
    };
    assert_eq!(due(&kinds), true);
    // The one-click POST a mail system sends, from elsewhere, without a session (RFC 8058).
    let r = browser
        .post(app.url(path))
        .header("origin", "https://mail.example")
        .header("sec-fetch-site", "cross-site")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("answers");
    assert_eq!(r.status(), StatusCode::OK);
    let kinds = app.call("notifications/settings", &[]).await.ok();
    assert_eq!(due(&kinds), false);
}

#[tokio::test]
async fn a_failing_mail_server_is_retried_with_back_off_then_the_message_is_marked_failed() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let id = app.report_no_power(HOME, "k1").await.ok()["id"].to_string();
    let agent = app.agent().await;
    app.mail.set_mood(Mood::Busy);
    app.ticket_act(&agent, &id, "dispatch", "Crew 7", "30")
        .await
        .ok();
    // Tries 1 to 4 fail and are tried again after 1, 2, 4, 8 minutes; the fifth is the last.
    for wait in [60, 120, 240, 480] {
        let round = app.sender.run_once().await.expect("runs");
        assert_eq!((round.sent, round.retrying, round.failed), (0, 1, 0));
        // Not before its time.
        app.clock.advance(wait - 1);
        assert_eq!(
            app.sender.run_once().await.expect("runs"),
            Default::default()
        );
        app.clock.advance(1);
    }
    let round = app.sender.run_once().await.expect("runs");
    assert_eq!((round.sent, round.failed), (0, 1));
    let failed = app
        .call_with(&agent, "staff/outbox", &[("filter", "failed")])
        .await
        .ok();
    let message = &failed[0];
    assert_eq!(message["attempts"], 5);
    assert!(
        message["last_error"]
            .as_str()
            .expect("a reason")
            .contains("451"),
        "{message}"
    );
    // Staff send it again once the server is back.
    app.mail.set_mood(Mood::Accept);
    let mid = message["id"].to_string();
    app.call_with(&agent, "staff/outbox_again", &[("message_id", &mid)])
        .await
        .ok();
    assert_eq!(app.sender.run_once().await.expect("runs").sent, 1);
    assert_eq!(app.mail.received().len(), 1);
    // A refusal for good is not tried again.
    app.mail.set_mood(Mood::Refuse);
    app.ticket_act(&agent, &id, "depart", "", "").await.ok();
    app.ticket_act(&agent, &id, "arrive", "", "").await.ok();
    app.ticket_act(&agent, &id, "restore", "", "").await.ok();
    let round = app.sender.run_once().await.expect("runs");
    assert_eq!((round.sent, round.failed), (0, 1), "{round:?}");
}

#[tokio::test]
async fn two_senders_at_once_send_each_mail_once_and_a_dead_senders_claim_runs_out() {
    let app = spawn_app_with_demo().await;
    let resident = app.user_id(RESIDENT.0).await;
    let now = app.clock_now();
    let facts = Facts {
        area: "Riverside".into(),
        ..Facts::default()
    };
    for i in 0..30 {
        let notice = app.state.notifier.notice(
            Kind::OutageOver,
            Audience::Person(resident),
            &facts,
            "/services/outages",
            format!("test:{i}"),
            now,
        );
        assert_eq!(
            app.state
                .store
                .queue_notice(&notice, now)
                .await
                .expect("queued"),
            1
        );
    }
    let mut other = app.sender.clone();
    other.id = "another-server".into();
    let (a, b) = tokio::join!(app.sender.run_once(), other.run_once());
    let (a, b) = (a.expect("runs"), b.expect("runs"));
    // Each takes at most 20 at a time; whatever is left goes in the next round.
    let more = app.sender.run_once().await.expect("runs");
    assert_eq!(a.sent + b.sent + more.sent, 30, "{a:?} {b:?} {more:?}");
    let mails = app.mail.received();
    assert_eq!(mails.len(), 30);
    let mut ids: Vec<&str> = mails
        .iter()
        .filter_map(|m| m.data.lines().find(|l| l.starts_with("Message-ID:")))
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 30);

    // A sender that claimed a message and died: nobody sends it until the claim runs out.
    let notice = app.state.notifier.notice(
        Kind::OutageOver,
        Audience::Person(resident),
        &facts,
        "/services/outages",
        "test:dead".into(),
        now,
    );
    app.state
        .store
        .queue_notice(&notice, now)
        .await
        .expect("queued");
    let claimed = app
        .state
        .store
        .claim_outbox("dead", now, 10)
        .await
        .expect("claims");
    assert_eq!(claimed.len(), 1);
    assert_eq!(app.sender.run_once().await.expect("runs").sent, 0);
    app.clock.advance(gridcare::domain::notify::CLAIM_SECS + 1);
    assert_eq!(app.sender.run_once().await.expect("runs").sent, 1);
    assert_eq!(app.mail.received().len(), 31);
}

#[tokio::test]
async fn an_outage_tells_everyone_on_its_supply_area_and_nobody_else() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let area: String =
        sqlx::query("SELECT supply_area FROM service_accounts WHERE account_number = $1")
            .bind(HOME)
            .fetch_one(app.state.store.pool())
            .await
            .expect("the home")
            .get("supply_area");
    assert!(!area.is_empty());
    let ops = app.signed_in_browser(OPS).await;
    let ops_before = app.unread(&ops).await;
    let agent = app.agent().await;
    let saved = app
        .grid_fault(
            &agent,
            "",
            &area,
            ("2026-11-27T09:40", "2026-11-27T13:00"),
            false,
        )
        .await;
    let list = app.notices(&app.client, "outages").await;
    assert_eq!(list[0]["kind"], "outage_started");
    assert_eq!(list[0]["title"][0], format!("Power cut in {area}"));
    assert_eq!(app.unread(&ops).await, ops_before);
    // Power back: told once, even when the notice is saved again.
    let id = saved["id"].to_string();
    for _ in 0..2 {
        app.grid_fault(
            &agent,
            &id,
            &area,
            ("2026-11-27T09:40", "2026-11-27T13:00"),
            true,
        )
        .await;
    }
    let list = app.notices(&app.client, "outages").await;
    assert_eq!(kinds_of(&list), ["outage_over", "outage_started"]);
}

#[tokio::test]
async fn bills_and_high_use_are_told_once_even_when_swept_twice() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    app.settings("en", "", "10", &[]).await;
    // Make this month three times last year's pace.
    let account = app.account_id(HOME).await;
    sqlx::query(
        "UPDATE interval_readings SET wh = wh * 3 WHERE meter_id IN
           (SELECT id FROM meters WHERE service_account_id = $1)",
    )
    .bind(account)
    .execute(app.state.store.pool())
    .await
    .expect("readings");
    let now = app.clock_now();
    let notifier = &app.state.notifier;
    let first = gridcare::server::notify::sweep(&app.state.store, notifier, now)
        .await
        .expect("sweeps");
    let second = gridcare::server::notify::sweep(&app.state.store, notifier, now)
        .await
        .expect("sweeps");
    assert!(first > 0);
    assert_eq!(second, 0);
    let list = app.notices(&app.client, "bills").await;
    let high = list
        .as_array()
        .expect("a list")
        .iter()
        .find(|n| n["kind"] == "high_use")
        .unwrap_or_else(|| panic!("a high-use notice in {list}"));
    let title = high["title"][0].as_str().expect("a title");
    let percent: i64 = title
        .rsplit("about ")
        .next()
        .and_then(|t| t.split('%').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("a percent in {title}"));
    assert!(percent > 10, "{title}");
    assert_eq!(high["link"], format!("/usage?account={account}"));
}

/// The kinds of a list of notices, in its order.
fn kinds_of(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .filter_map(|n| n["kind"].as_str().map(str::to_owned))
        .collect()
}

/// The kinds of the signed-in person's notices in `client`, newest first.
async fn kinds(app: &TestApp, client: &reqwest::Client) -> Vec<String> {
    kinds_of(&app.notices(client, "").await)
}

#[tokio::test]
async fn a_case_moving_on_and_waiting_tells_its_applicant_only() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let docs = app.ev_documents().await;
    let case = app.apply_ev(&docs, "k1").await.ok()["id"].to_string();
    let ops = app.signed_in_browser(OPS).await;
    let ops_before = kinds(&app, &ops).await;
    let agent = app.agent().await;
    app.act(&agent, &case, "advance", "", true).await.ok();
    app.act(
        &agent,
        &case,
        "ask_customer",
        "Please send a photo of the parking space.",
        true,
    )
    .await
    .ok();
    let list = app.notices(&app.client, "requests").await;
    assert_eq!(list[0]["kind"], "case_waiting");
    assert!(
        list[0]["body"][0]
            .as_str()
            .expect("a body")
            .ends_with("Please send a photo of the parking space."),
        "{list}"
    );
    assert_eq!(list[0]["link"], format!("/connections/{case}"));
    assert_eq!(list[1]["kind"], "case_moved");
    assert!(
        list[1]["title"][0]
            .as_str()
            .expect("a title")
            .ends_with("now at Site survey"),
        "{list}"
    );
    assert_eq!(kinds(&app, &ops).await, ops_before);
    // A note only staff see (possible on an advance) is not told.
    app.call(
        "connections/respond",
        &[("case_id", &case), ("document_ids", ""), ("note", "Sent.")],
    )
    .await
    .ok();
    app.act(
        &agent,
        &case,
        "advance",
        "internal: check the meter room",
        false,
    )
    .await
    .ok();
    let list = app.notices(&app.client, "requests").await;
    assert_eq!(list[0]["kind"], "case_moved");
    let text = list.to_string();
    assert!(!text.contains("internal"), "{text}");
}

#[tokio::test]
async fn a_complaint_contacted_and_answered_tells_its_customer() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let case = app.complain("k1").await["id"].to_string();
    let agent = app.agent().await;
    app.feedback_act(&agent, &case, "log_contact", "Called the customer.")
        .await
        .ok();
    app.feedback_act(
        &agent,
        &case,
        "reply",
        "We read the meter again; the bill is corrected.",
    )
    .await
    .ok();
    let list = app.notices(&app.client, "feedback").await;
    assert_eq!(kinds_of(&list), ["feedback_answered", "feedback_contacted"]);
    assert_eq!(list[0]["link"], format!("/feedback/{case}"));
    let ops = app.signed_in_browser(OPS).await;
    let theirs = app.notices(&ops, "feedback").await;
    assert_eq!(theirs.as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn members_hear_of_their_role_and_a_removed_member_hears_nothing_more() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let org = app.harbor().await;
    // Invited while already registered: the invitation is in their list too, and mailed once.
    let invitee = app.registered_browser("chef@harborfoods.example").await;
    app.invite(&org, "chef@harborfoods.example", "viewer")
        .await
        .ok();
    assert_eq!(kinds(&app, &invitee).await, ["invitation"]);
    let mailed: Vec<String> = app
        .outbox_rows("email")
        .await
        .into_iter()
        .filter(|(to, _, _)| to == "chef@harborfoods.example")
        .map(|(_, kind, _)| kind)
        .collect();
    // The confirmation link when they registered, then the invitation, once.
    assert_eq!(mailed, ["verify_email", "invitation"]);

    let member = app
        .new_member("manager@harborfoods.example", "manager")
        .await;
    let id = app.member_id(&org, "manager@harborfoods.example").await;
    let set = |role: &'static str| {
        let (app, org, id) = (&app, org.clone(), id.clone());
        async move {
            app.call(
                "org/set_role",
                &[("organisation_id", &org), ("user_id", &id), ("role", role)],
            )
            .await
            .ok()
        }
    };
    set("viewer").await;
    let list = app.notices(&member, "").await;
    assert_eq!(list[0]["kind"], "role_changed");
    assert_eq!(
        list[0]["title"][0],
        "Your role in Harbor Foods Ltd.: viewer"
    );
    assert_eq!(list[0]["title"][1], "您在Harbor Foods Ltd.的角色：查看者");
    let before = kinds(&app, &member).await;
    set("none").await;
    // An outage over one of the organisation's sites: the owner hears, the removed member not.
    let area: String = sqlx::query(
        "SELECT sa.supply_area FROM service_accounts sa JOIN organisations o
           ON o.id = sa.organisation_id
         WHERE o.name = 'Harbor Foods Ltd.' AND sa.supply_area <> '' ORDER BY sa.id LIMIT 1",
    )
    .fetch_one(app.state.store.pool())
    .await
    .expect("a site with a supply area")
    .get("supply_area");
    let agent = app.agent().await;
    app.grid_fault(
        &agent,
        "",
        &area,
        ("2026-11-27T09:40", "2026-11-27T13:00"),
        false,
    )
    .await;
    assert_eq!(kinds(&app, &app.client).await[0], "outage_started");
    // The removed member's session still works, but nothing new reached them.
    let after = kinds(&app, &member).await;
    assert_eq!(after, before);
}

#[tokio::test]
async fn a_text_in_the_quiet_hours_waits_for_the_morning_but_a_power_cut_does_not() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    app.settings("en", "13800138000", "30", &[]).await;
    let area: String =
        sqlx::query("SELECT supply_area FROM service_accounts WHERE account_number = $1")
            .bind(HOME)
            .fetch_one(app.state.store.pool())
            .await
            .expect("the home")
            .get("supply_area");
    let id = app.report_no_power(HOME, "k1").await.ok()["id"].to_string();
    // 23:00 local (the night shift signs in): the dispatch's text waits; the sudden power
    // cut's text goes.
    app.clock.advance(13 * 3600);
    let agent = app.agent().await;
    app.ticket_act(&agent, &id, "dispatch", "Crew 7", "30")
        .await
        .ok();
    app.grid_fault(
        &agent,
        "",
        &area,
        ("2026-11-27T22:50", "2026-11-28T02:00"),
        false,
    )
    .await;
    app.sender.run_once().await.expect("runs");
    let texts: Vec<String> = app.sms.texts().into_iter().map(|t| t.text).collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].starts_with("[GridCare] Power cut in"), "{texts:?}");
    // 08:00 the next morning.
    app.clock.advance(9 * 3600);
    app.sender.run_once().await.expect("runs");
    let texts: Vec<String> = app.sms.texts().into_iter().map(|t| t.text).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(
        texts[1].starts_with("[GridCare] Crew on the way"),
        "{texts:?}"
    );
}

#[tokio::test]
async fn a_forged_or_stale_gateway_call_is_refused() {
    let app = spawn_app_with_demo().await;
    let client = reqwest::Client::new();
    let body = br#"{"to":"13800138000","text":"hi","reference":"x"}"#.to_vec();
    let now = app.clock_now();
    let send = |timestamp: i64, signature: String, key: String| {
        let (client, body, url) = (client.clone(), body.clone(), app.sms.url());
        async move {
            client
                .post(url)
                .header("x-api-key", key)
                .header("x-timestamp", timestamp.to_string())
                .header("x-signature", signature)
                .body(body)
                .send()
                .await
                .expect("answers")
                .status()
        }
    };
    let secret = app.sms.secret.as_bytes();
    let key = app.sms.key.clone();
    let good = gridcare::server::signed::sign(secret, now, &body);
    assert_eq!(
        send(now, good.clone(), "wrong".into()).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        send(now, "00".repeat(32), key.clone()).await,
        StatusCode::UNAUTHORIZED
    );
    let old = now - 301;
    let stale = gridcare::server::signed::sign(secret, old, &body);
    assert_eq!(
        send(old, stale, key.clone()).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(send(now, good, key).await, StatusCode::OK);
    assert_eq!(app.sms.texts().len(), 1);
}

#[tokio::test]
async fn a_bill_is_told_when_issued_before_it_is_due_and_when_overdue_to_its_payers_only() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let viewer = app.new_member("reader@harborfoods.example", "viewer").await;
    let resident = app.signed_in_browser(RESIDENT).await;
    let sweep = |now: i64| {
        let app = &app;
        async move {
            gridcare::server::notify::sweep(&app.state.store, &app.state.notifier, now)
                .await
                .expect("sweeps")
        }
    };
    let bills = |client: reqwest::Client| {
        let app = &app;
        async move {
            let kinds = kinds_of(&app.notices(&client, "bills").await);
            // High use may join them as the month goes on; this test is about bills.
            kinds
                .into_iter()
                .filter(|k| k.starts_with("bill_"))
                .collect::<Vec<_>>()
        }
    };
    // The demo's latest bills were issued on 2 November and fall due on 2 December: on
    // 27 November there is nothing to tell.
    assert_eq!(sweep(app.clock_now()).await, 0);
    // A bill issued today.
    let home = app.account_id(HOME).await;
    sqlx::query(
        "UPDATE bills SET issued_on = '2026-11-27' WHERE id =
           (SELECT MAX(id) FROM bills WHERE service_account_id = $1)",
    )
    .bind(home)
    .execute(app.state.store.pool())
    .await
    .expect("a bill issued today");
    assert!(sweep(app.clock_now()).await >= 1);
    assert_eq!(bills(resident.clone()).await, ["bill_issued"]);
    // 30 November: due within 3 days, for the household and for each Harbor Foods site's
    // owner, not for the viewer.
    app.clock.advance(3 * 86_400);
    sweep(app.clock_now()).await;
    assert_eq!(bills(resident.clone()).await, ["bill_due", "bill_issued"]);
    let owner = kinds_of(&app.notices(&app.client, "bills").await);
    assert!(owner.iter().any(|k| k == "bill_due"), "{owner:?}");
    assert_eq!(bills(viewer.clone()).await, Vec::<String>::new());
    // 3 December: overdue, told once however often the sweep runs.
    app.clock.advance(3 * 86_400);
    sweep(app.clock_now()).await;
    assert_eq!(sweep(app.clock_now()).await, 0);
    assert_eq!(
        bills(resident.clone()).await,
        ["bill_overdue", "bill_due", "bill_issued"]
    );
    let list = app.notices(&resident, "bills").await;
    let overdue = list
        .as_array()
        .expect("a list")
        .iter()
        .find(|n| n["kind"] == "bill_overdue")
        .expect("the overdue notice");
    assert!(
        overdue["title"][0]
            .as_str()
            .expect("a title")
            .starts_with("Bill overdue: ¥"),
        "{list}"
    );
    assert_eq!(bills(viewer).await, Vec::<String>::new());
}

#[tokio::test]
async fn planned_work_is_told_when_published_and_a_closed_job_asks_for_a_rating_in_the_portal_only()
{
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let area: String =
        sqlx::query("SELECT supply_area FROM service_accounts WHERE account_number = $1")
            .bind(HOME)
            .fetch_one(app.state.store.pool())
            .await
            .expect("the home")
            .get("supply_area");
    let agent = app.agent().await;
    app.call_with(
        &agent,
        "staff/outage_save",
        &[
            ("outage_id", ""),
            ("kind", "planned"),
            ("area", &area),
            ("starts_at", "2026-12-07T09:00"),
            ("expected_end", "2026-12-07T12:00"),
            ("reason", "Line maintenance"),
            ("ended", "false"),
        ],
    )
    .await
    .ok();
    let list = app.notices(&app.client, "outages").await;
    assert_eq!(list[0]["kind"], "outage_planned");
    assert_eq!(
        list[0]["body"][0],
        format!(
            "Power in {area} will be off from 2026-12-07 09:00 until 2026-12-07 12:00. Reason: Line maintenance"
        )
    );
    // A repair closed: the rating is asked for in the portal, never by email unasked.
    let id = app.report_no_power(HOME, "k1").await.ok()["id"].to_string();
    for step in ["dispatch", "depart", "arrive", "restore", "close"] {
        app.ticket_act(&agent, &id, step, "Crew 7", "30").await.ok();
    }
    let requests = kinds_of(&app.notices(&app.client, "feedback").await);
    assert_eq!(requests, ["rate_job"]);
    let mailed: Vec<String> = app
        .outbox_rows("email")
        .await
        .into_iter()
        .map(|(_, kind, _)| kind)
        .collect();
    assert!(mailed.contains(&"power_restored".to_string()), "{mailed:?}");
    assert!(!mailed.contains(&"rate_job".to_string()), "{mailed:?}");
    assert!(!mailed.contains(&"crew_arrived".to_string()), "{mailed:?}");
}
