//! Repair tickets and outage notices over HTTP: reporting, access, staff moves, deadlines,
//! outages first.

use crate::helpers::{OPS, RESIDENT, TestApp, spawn_app_with_demo};
use reqwest::StatusCode;
use serde_json::Value;

/// The demo household's account and the Harbor Foods site inside the demo's active outage.
const HOME: &str = "3100123456";
const HARBOR_ROAD_STORE: &str = "3200000002";

impl TestApp {
    /// Reports "no power" at account `number` under idempotency key `key`.
    pub async fn report_no_power(&self, number: &str, key: &str) -> crate::helpers::Answer {
        let account = self.account_id(number).await.to_string();
        self.call(
            "repairs/report",
            &[
                ("account_id", &account),
                ("kind", "no_power"),
                ("description", "The whole flat is dark since 9 pm."),
                ("contact_phone", "13800005678"),
                ("danger", "false"),
                ("photo_id", ""),
                ("idempotency_key", key),
            ],
        )
        .await
    }

    /// Staff in `agent` act on ticket `id`.
    pub async fn ticket_act(
        &self,
        agent: &reqwest::Client,
        id: &str,
        action: &str,
        crew: &str,
        eta: &str,
    ) -> crate::helpers::Answer {
        self.call_with(
            agent,
            "staff/ticket_act",
            &[
                ("ticket_id", id),
                ("action", action),
                ("crew", crew),
                ("eta_minutes", eta),
                ("outage_id", ""),
                ("note", ""),
            ],
        )
        .await
    }
}

async fn resident_app() -> TestApp {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    app
}

#[tokio::test]
async fn a_report_gets_a_number_and_the_arrival_deadline_of_its_area() {
    let app = resident_app().await;
    let ticket = app.report_no_power(HOME, "k-1").await.ok();
    let number = ticket["number"].as_str().expect("a number");
    assert!(number.starts_with("BX-2026-"), "{number}");
    assert_eq!(ticket["state"], "reported");
    // The home is urban: the crew is due 45 minutes after the report.
    let now = app.clock_now();
    assert_eq!(ticket["arrival"]["is"], "running");
    assert_eq!(ticket["arrival"]["due_at"], now + 45 * 60);
    assert_eq!(ticket["arrival"]["seconds_left"], 45 * 60);
}

#[tokio::test]
async fn a_double_submit_makes_one_ticket() {
    let app = resident_app().await;
    let first = app.report_no_power(HOME, "same-key").await.ok();
    let second = app.report_no_power(HOME, "same-key").await.ok();
    assert_eq!(first["id"], second["id"]);
    let mine = app.call("repairs/mine", &[]).await.ok();
    let with_id = mine
        .as_array()
        .expect("a list")
        .iter()
        .filter(|t| t["id"] == first["id"])
        .count();
    assert_eq!(with_id, 1);
}

#[tokio::test]
async fn bad_reports_name_the_field() {
    let app = resident_app().await;
    let account = app.account_id(HOME).await.to_string();
    let cases: [(&str, &str, &str, &str, &str, &str); 4] = [
        ("", "dark!", "13800005678", "false", "kind", "required"),
        (
            "no_power",
            "dark",
            "13800005678",
            "false",
            "description",
            "too_short",
        ),
        (
            "no_power",
            "It is dark here.",
            "call me",
            "false",
            "contact_phone",
            "malformed",
        ),
        (
            "no_power",
            "It is dark here.",
            "13800005678",
            "maybe",
            "danger",
            "not_allowed",
        ),
    ];
    for (kind, text, phone, danger, field, problem) in cases {
        app.call(
            "repairs/report",
            &[
                ("account_id", &account),
                ("kind", kind),
                ("description", text),
                ("contact_phone", phone),
                ("danger", danger),
                ("photo_id", ""),
                ("idempotency_key", "k"),
            ],
        )
        .await
        .assert_invalid(field, problem);
    }
}

#[tokio::test]
async fn a_photo_must_be_an_image_of_ones_own() {
    let app = resident_app().await;
    let pdf = app
        .upload("other", "scan.pdf", b"%PDF-1.4\n%%EOF\n".to_vec())
        .await
        .ok();
    let account = app.account_id(HOME).await.to_string();
    app.call(
        "repairs/report",
        &[
            ("account_id", &account),
            ("kind", "damaged_equipment"),
            ("description", "The meter glass is broken."),
            ("contact_phone", "13800005678"),
            ("danger", "false"),
            ("photo_id", &pdf["id"].to_string()),
            ("idempotency_key", "k"),
        ],
    )
    .await
    .assert_invalid("photo_id", "not_allowed");
}

#[tokio::test]
async fn nobody_sees_or_files_for_another_customers_account() {
    let app = resident_app().await;
    let theirs = app.account_id(HARBOR_ROAD_STORE).await.to_string();
    let answer = app
        .call(
            "repairs/report",
            &[
                ("account_id", &theirs),
                ("kind", "no_power"),
                ("description", "Not my shop, but dark."),
                ("contact_phone", "13800005678"),
                ("danger", "false"),
                ("photo_id", ""),
                ("idempotency_key", "k"),
            ],
        )
        .await;
    answer.assert_error(StatusCode::NOT_FOUND, "not_found");
    // Harbor Foods' open ticket is invisible to the household, even by its id.
    let ops = app.other_browser();
    app.call_with(
        &ops,
        "auth/sign_in",
        &[("email", OPS.0), ("password", OPS.1)],
    )
    .await
    .ok();
    let theirs = app.call_with(&ops, "repairs/mine", &[]).await.ok();
    let id = theirs[0]["id"].to_string();
    app.call("repairs/detail", &[("ticket_id", &id)])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    let mine = app.call("repairs/mine", &[]).await.ok();
    assert!(
        mine.as_array()
            .expect("a list")
            .iter()
            .all(|t| t["account_number"] == HOME),
        "{mine}"
    );
}

#[tokio::test]
async fn a_customer_cannot_move_a_ticket_and_staff_follow_the_path() {
    let app = resident_app().await;
    let id = app.report_no_power(HOME, "k").await.ok()["id"].to_string();
    // The customer is not staff.
    app.ticket_act(&app.client, &id, "dispatch", "Crew 1", "30")
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    let agent = app.agent().await;
    // Skipping a step is refused.
    app.ticket_act(&agent, &id, "arrive", "", "")
        .await
        .assert_error(StatusCode::CONFLICT, "not_now");
    // Dispatch needs a crew and an ETA.
    app.ticket_act(&agent, &id, "dispatch", "", "30")
        .await
        .assert_invalid("crew", "required");
    app.ticket_act(&agent, &id, "dispatch", "Crew 7", "soon")
        .await
        .assert_invalid("eta_minutes", "not_a_number");
    let t = app
        .ticket_act(&agent, &id, "dispatch", "Crew 7", "30")
        .await
        .ok();
    assert_eq!(t["state"], "dispatched");
    assert_eq!(t["crew"], "Crew 7");
    assert_eq!(t["eta_at"], app.clock_now() + 30 * 60);
    // Too late to cancel now.
    app.call("repairs/cancel", &[("ticket_id", &id)])
        .await
        .assert_error(StatusCode::CONFLICT, "not_now");
    app.ticket_act(&agent, &id, "depart", "", "").await.ok();
    // The crew arrives 50 minutes after the report: the 45-minute promise is missed.
    app.clock.advance(50 * 60);
    // 50 minutes away from the console end the agent's session (30 idle minutes).
    let agent = app.agent().await;
    let t = app.ticket_act(&agent, &id, "arrive", "", "").await.ok();
    assert_eq!(t["arrival"]["is"], "missed");
    // Restoration is due 3 hours after the actual arrival.
    assert_eq!(t["restoration"]["due_at"], app.clock_now() + 3 * 3600);
    app.clock.advance(3600);
    let agent = app.agent().await;
    let t = app.ticket_act(&agent, &id, "restore", "", "").await.ok();
    assert_eq!(t["restoration"]["is"], "met");
    let t = app.ticket_act(&agent, &id, "close", "", "").await.ok();
    assert_eq!(t["state"], "closed");
    // Every step is in the history the customer reads.
    let detail = app.call("repairs/detail", &[("ticket_id", &id)]).await.ok();
    let actions: Vec<&str> = detail["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        ["report", "dispatch", "depart", "arrive", "restore", "close"]
    );
}

#[tokio::test]
async fn the_customer_cancels_before_dispatch() {
    let app = resident_app().await;
    let id = app.report_no_power(HOME, "k").await.ok()["id"].to_string();
    let detail = app.call("repairs/detail", &[("ticket_id", &id)]).await.ok();
    assert_eq!(detail["can_cancel"], true);
    let t = app.call("repairs/cancel", &[("ticket_id", &id)]).await.ok();
    assert_eq!(t["state"], "cancelled");
    assert_eq!(t["arrival"]["is"], "void");
}

#[tokio::test]
async fn the_site_inside_an_active_outage_is_shown_that_outage() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let store = app.account_id(HARBOR_ROAD_STORE).await.to_string();
    let outage = app
        .call("repairs/outage_at", &[("account_id", &store)])
        .await
        .ok();
    assert_eq!(outage["kind"], "grid_fault");
    assert_eq!(outage["area"], "Huangpu Harbor Road");
    assert_eq!(outage["phase"], "current");
    // Another site of theirs is not in it.
    let kitchen = app.account_id("3200000001").await.to_string();
    let none = app
        .call("repairs/outage_at", &[("account_id", &kitchen)])
        .await
        .ok();
    assert_eq!(none, Value::Null);
}

#[tokio::test]
async fn outages_are_public_and_a_customers_own_come_first() {
    let app = spawn_app_with_demo().await;
    let public = app.call("outages/list", &[]).await.ok();
    let list = public.as_array().expect("a list");
    assert_eq!(list.len(), 2, "{public}");
    assert!(list.iter().all(|o| o["mine"] == false));
    // The current fault comes before next week's planned work.
    assert_eq!(list[0]["phase"], "current");
    app.sign_in(RESIDENT).await;
    let mine = app.call("outages/list", &[]).await.ok();
    assert_eq!(mine[0]["area"], "Pudong Riverside");
    assert_eq!(mine[0]["mine"], true);
    assert_eq!(mine[0]["kind"], "planned");
    assert_eq!(mine[0]["phase"], "upcoming");
}

#[tokio::test]
async fn a_storm_on_the_outage_list_reads_the_database_once_per_few_seconds() {
    let app = spawn_app_with_demo().await;
    let reads = || app.state.outages.database_reads();
    let before = reads();
    for _ in 0..20 {
        let list = app.call("outages/list", &[]).await.ok();
        assert_eq!(list.as_array().map(Vec::len), Some(2));
    }
    assert_eq!(reads() - before, 1, "twenty visitors, one read");
    // A notice staff publish shows at once.
    let agent = app.agent().await;
    let fault = app
        .call_with(
            &agent,
            "staff/outage_save",
            &[
                ("outage_id", ""),
                ("kind", "grid_fault"),
                ("area", "Qingpu Village"),
                ("starts_at", "2026-11-27T09:30"),
                ("expected_end", "2026-11-27T13:00"),
                ("reason", "A tree fell on the line."),
                ("ended", "false"),
            ],
        )
        .await
        .ok();
    let list = app.call("outages/list", &[]).await.ok();
    assert_eq!(list.as_array().map(Vec::len), Some(3));
    assert_eq!(reads() - before, 2);
    // Declared over, it leaves the list at once too.
    app.call_with(
        &agent,
        "staff/outage_save",
        &[
            ("outage_id", &fault["id"].to_string()),
            ("kind", "grid_fault"),
            ("area", "Qingpu Village"),
            ("starts_at", "2026-11-27T09:30"),
            ("expected_end", "2026-11-27T13:00"),
            ("reason", "A tree fell on the line."),
            ("ended", "true"),
        ],
    )
    .await
    .ok();
    let list = app.call("outages/list", &[]).await.ok();
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    assert_eq!(reads() - before, 3);
    // Within the few seconds nothing is read again; after them, once.
    app.clock.advance(4);
    app.call("outages/list", &[]).await.ok();
    assert_eq!(reads() - before, 3);
    app.clock.advance(2);
    app.call("outages/list", &[]).await.ok();
    app.call("outages/list", &[]).await.ok();
    assert_eq!(reads() - before, 4);
}

#[tokio::test]
async fn a_planned_outage_needs_seven_days_notice_or_another_kind() {
    let app = spawn_app_with_demo().await;
    let agent = app.agent().await;
    // The test clock reads 27 November 2026, 10:00 in Shanghai.
    let save = |kind: &'static str, starts: &'static str, ends: &'static str| {
        let app = &app;
        let agent = agent.clone();
        async move {
            app.call_with(
                &agent,
                "staff/outage_save",
                &[
                    ("outage_id", ""),
                    ("kind", kind),
                    ("area", "Qingpu Village"),
                    ("starts_at", starts),
                    ("expected_end", ends),
                    ("reason", "Line maintenance"),
                    ("ended", "false"),
                ],
            )
            .await
        }
    };
    save("planned", "2026-12-02T09:00", "2026-12-02T15:00")
        .await
        .assert_invalid("starts_at", "too_soon");
    save("planned", "2026-12-04T10:00", "2026-12-04T09:00")
        .await
        .assert_invalid("expected_end", "not_allowed");
    let planned = save("planned", "2026-12-04T10:00", "2026-12-04T15:00")
        .await
        .ok();
    assert_eq!(planned["phase"], "upcoming");
    let temporary = save("temporary", "2026-11-28T09:00", "2026-11-28T12:00")
        .await
        .ok();
    assert_eq!(temporary["kind"], "temporary");
    // Customers cannot publish notices.
    app.sign_in(RESIDENT).await;
    app.call(
        "staff/outage_save",
        &[
            ("outage_id", ""),
            ("kind", "grid_fault"),
            ("area", "Qingpu Village"),
            ("starts_at", "2026-11-27T09:00"),
            ("expected_end", "2026-11-27T12:00"),
            ("reason", "Prank"),
            ("ended", "false"),
        ],
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn merging_into_an_outage_stops_the_clocks() {
    let app = resident_app().await;
    let id = app.report_no_power(HOME, "k").await.ok()["id"].to_string();
    let agent = app.agent().await;
    let outages = app.call("outages/list", &[]).await.ok();
    let outage = outages[0]["id"].to_string();
    let t = app
        .call_with(
            &agent,
            "staff/ticket_act",
            &[
                ("ticket_id", &id),
                ("action", "merge"),
                ("crew", ""),
                ("eta_minutes", ""),
                ("outage_id", &outage),
                ("note", "Part of the planned work."),
            ],
        )
        .await
        .ok();
    assert_eq!(t["state"], "merged");
    assert_eq!(t["arrival"]["is"], "void");
    let detail = app.call("repairs/detail", &[("ticket_id", &id)]).await.ok();
    assert_eq!(detail["outage"]["id"].to_string(), outage);
}

#[tokio::test]
async fn the_staff_queue_puts_the_nearest_promise_first_and_marks_missed_ones() {
    let app = spawn_app_with_demo().await;
    let agent = app.agent().await;
    let queue = app.call_with(&agent, "staff/tickets", &[]).await.ok();
    let list = queue.as_array().expect("a list");
    // The demo's two open tickets: the household's, past its arrival deadline, comes first.
    assert_eq!(list.len(), 2, "{queue}");
    assert_eq!(list[0]["arrival"]["is"], "missed");
    assert_eq!(list[0]["state"], "dispatched");
    assert_eq!(list[1]["arrival"]["is"], "running");
    // Customers have no queue.
    app.sign_in(RESIDENT).await;
    app.call("staff/tickets", &[])
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn staff_change_a_notice_and_declare_the_power_back() {
    let app = spawn_app_with_demo().await;
    let agent = app.agent().await;
    let save = |id: String, ends: &'static str, ended: &'static str| {
        let app = &app;
        let agent = agent.clone();
        async move {
            app.call_with(
                &agent,
                "staff/outage_save",
                &[
                    ("outage_id", &id),
                    ("kind", "temporary"),
                    ("area", "Qingpu Village"),
                    ("starts_at", "2026-11-27T08:00"),
                    ("expected_end", ends),
                    ("reason", "Pole replacement"),
                    ("ended", ended),
                ],
            )
            .await
        }
    };
    let notice = save(String::new(), "2026-11-27T12:00", "false").await.ok();
    assert_eq!(notice["phase"], "current");
    let id = notice["id"].to_string();
    // Later than hoped: a new expected end.
    let changed = save(id.clone(), "2026-11-27T14:00", "false").await.ok();
    assert_eq!(changed["id"].to_string(), id);
    assert_eq!(
        changed["expected_end"],
        notice["expected_end"].as_i64().unwrap() + 7200
    );
    // Power back: the notice is over and leaves the list.
    let over = save(id.clone(), "2026-11-27T14:00", "true").await.ok();
    assert_eq!(over["phase"], "ended");
    let list = app.call("outages/list", &[]).await.ok();
    assert!(
        list.as_array()
            .expect("a list")
            .iter()
            .all(|o| o["id"] != over["id"]),
        "{list}"
    );
    // Every change is in the notice's audit trail.
    use sqlx::Row;
    let actions: Vec<String> =
        sqlx::query("SELECT action FROM outage_events WHERE outage_id = $1 ORDER BY id")
            .bind(id.parse::<i64>().expect("an id"))
            .fetch_all(app.state.store.pool())
            .await
            .expect("events")
            .iter()
            .map(|r| r.get("action"))
            .collect();
    assert_eq!(actions, ["publish", "edit", "end"]);
}

#[tokio::test]
async fn hidden_characters_in_free_text_are_refused_naming_the_field() {
    let app = resident_app().await;
    let account = app.account_id(HOME).await.to_string();
    app.call(
        "repairs/report",
        &[
            ("account_id", &account),
            ("kind", "no_power"),
            // A right-to-left override would make staff read the text differently.
            ("description", "The meter shows \u{202e}0000 kWh"),
            ("contact_phone", "13800005678"),
            ("danger", "false"),
            ("photo_id", ""),
            ("idempotency_key", "k"),
        ],
    )
    .await
    .assert_invalid("description", "malformed");
    let id = app.report_no_power(HOME, "k2").await.ok()["id"].to_string();
    let agent = app.agent().await;
    app.ticket_act(&agent, &id, "dispatch", "Crew 7\nand friends", "30")
        .await
        .assert_invalid("crew", "malformed");
    // The plain name goes.
    app.ticket_act(&agent, &id, "dispatch", "Crew 7", "30")
        .await
        .ok();
}
