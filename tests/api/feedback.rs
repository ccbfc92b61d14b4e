//! Ratings and feedback cases over HTTP: rating once (editable for 7 days), complaints with
//! their deadlines, staff replies, the customer's confirmation and reopening, access.

use crate::helpers::{AGENT, OPS, RESIDENT, TestApp, spawn_app_with_demo};
use reqwest::StatusCode;
use serde_json::Value;

impl TestApp {
    /// The id of the demo household's closed repair ticket.
    async fn closed_repair(&self) -> String {
        use sqlx::Row;
        sqlx::query("SELECT id FROM repair_tickets WHERE state = 'closed' ORDER BY id LIMIT 1")
            .fetch_one(self.state.store.pool())
            .await
            .expect("a closed ticket")
            .get::<i64, _>("id")
            .to_string()
    }

    async fn rate(&self, kind: &str, id: &str, stars: &str, tags: &str) -> crate::helpers::Answer {
        self.call(
            "ratings/rate",
            &[
                ("job_kind", kind),
                ("job_id", id),
                ("stars", stars),
                ("tags", tags),
                ("comment", "Quick and friendly."),
            ],
        )
        .await
    }

    pub async fn complain(&self, key: &str) -> Value {
        self.call(
            "feedback/file",
            &[
                ("kind", "complaint"),
                ("topic", "meter_reading"),
                ("account_id", ""),
                ("job_kind", ""),
                ("job_id", ""),
                (
                    "body",
                    "The last reading was estimated although the meter is smart.",
                ),
                ("attachment_ids", ""),
                ("idempotency_key", key),
            ],
        )
        .await
        .ok()
    }

    pub async fn feedback_act(
        &self,
        staff: &reqwest::Client,
        id: &str,
        action: &str,
        note: &str,
    ) -> crate::helpers::Answer {
        self.call_with(
            staff,
            "staff/feedback_act",
            &[("feedback_id", id), ("action", action), ("note", note)],
        )
        .await
    }
}

#[tokio::test]
async fn a_closed_repair_is_rated_once_and_editable_for_seven_days() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let id = app.closed_repair().await;
    let invited = app.call("ratings/to_rate", &[]).await.ok();
    assert!(
        invited
            .as_array()
            .expect("a list")
            .iter()
            .any(|j| j["kind"] == "repair" && j["id"].as_i64() == id.parse::<i64>().ok()),
        "{invited}"
    );
    app.rate("repair", &id, "6", "")
        .await
        .assert_invalid("stars", "out_of_range");
    app.rate("repair", &id, "4", "speed,price")
        .await
        .assert_invalid("tags", "not_allowed");
    let rating = app.rate("repair", &id, "4", "speed").await.ok();
    assert_eq!(rating["stars"], 4);
    assert_eq!(rating["tags"], serde_json::json!(["speed"]));
    assert_eq!(rating["editable"], true);
    // Rated jobs leave the invitation.
    let invited = app.call("ratings/to_rate", &[]).await.ok();
    assert!(
        !invited
            .as_array()
            .expect("a list")
            .iter()
            .any(|j| j["kind"] == "repair" && j["id"].as_i64() == id.parse::<i64>().ok()),
        "{invited}"
    );
    // A change within the week replaces it; there is still one rating.
    app.clock.advance(6 * 86_400);
    let changed = app.rate("repair", &id, "5", "speed,result").await.ok();
    assert_eq!(changed["stars"], 5);
    let count: i64 = {
        use sqlx::Row;
        sqlx::query("SELECT COUNT(*) AS n FROM ratings WHERE job_kind = 'repair' AND job_id = $1")
            .bind(id.parse::<i64>().expect("an id"))
            .fetch_one(app.state.store.pool())
            .await
            .expect("count")
            .get("n")
    };
    assert_eq!(count, 1);
    app.clock.advance(2 * 86_400);
    app.rate("repair", &id, "1", "")
        .await
        .assert_error(StatusCode::CONFLICT, "not_now");
    let shown = app
        .call("ratings/get", &[("job_kind", "repair"), ("job_id", &id)])
        .await
        .ok();
    assert_eq!(shown["stars"], 5);
    assert_eq!(shown["editable"], false);
}

#[tokio::test]
async fn nobody_rates_someone_elses_job_or_an_unfinished_one() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let theirs = app.closed_repair().await;
    app.rate("repair", &theirs, "1", "")
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    // Harbor Foods' own ticket is still open.
    let mine = app.call("repairs/mine", &[]).await.ok();
    let open = mine[0]["id"].to_string();
    app.rate("repair", &open, "5", "")
        .await
        .assert_error(StatusCode::CONFLICT, "not_now");
}

#[tokio::test]
async fn a_complaint_is_answered_reopened_with_fresh_deadlines_and_rated() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    // Friday 27 November 2026: contact by Monday 30th, reply by Thursday 3 December.
    let case = app.complain("c-1").await;
    assert_eq!(
        case["number"].as_str().map(|n| n.starts_with("TS-2026-")),
        Some(true)
    );
    assert_eq!(case["state"], "open");
    assert_eq!(case["contact"]["due"], "2026-11-30");
    assert_eq!(case["reply"]["due"], "2026-12-03");
    let again = app.complain("c-1").await;
    assert_eq!(again["id"], case["id"], "a double submit files one case");
    let id = case["id"].to_string();

    // The customer cannot act as staff.
    app.feedback_act(&app.client, &id, "reply", "Done.")
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    let agent = app.agent().await;
    let queue = app
        .call_with(&agent, "staff/feedback_queue", &[])
        .await
        .ok();
    assert!(
        queue
            .as_array()
            .expect("a list")
            .iter()
            .any(|c| c["id"] == case["id"])
    );
    let contacted = app
        .feedback_act(
            &agent,
            &id,
            "log_contact",
            "Called Li Wei; reading to be checked.",
        )
        .await
        .ok();
    assert_eq!(contacted["state"], "contacted");
    assert_eq!(contacted["contact"]["done_on"], "2026-11-27");
    assert_eq!(contacted["contact"]["late"], false);
    app.feedback_act(&agent, &id, "reply", "")
        .await
        .assert_invalid("note", "required");
    let answered = app
        .feedback_act(
            &agent,
            &id,
            "reply",
            "The estimate is replaced by the real reading.",
        )
        .await
        .ok();
    assert_eq!(answered["state"], "answered");

    // Not satisfied: a reason is needed, and the case opens again with fresh deadlines.
    app.clock.advance(4 * 86_400); // Tuesday 1 December
    app.call(
        "feedback/confirm",
        &[("feedback_id", &id), ("satisfied", "false"), ("reason", "")],
    )
    .await
    .assert_invalid("note", "required");
    let reopened = app
        .call(
            "feedback/confirm",
            &[
                ("feedback_id", &id),
                ("satisfied", "false"),
                ("reason", "The new bill still shows the estimate."),
            ],
        )
        .await
        .ok();
    assert_eq!(reopened["state"], "open");
    assert_eq!(reopened["round"], 2);
    assert_eq!(reopened["contact"]["due"], "2026-12-02");
    assert_eq!(reopened["reply"]["due"], "2026-12-07");
    assert_eq!(reopened["contact"]["done_on"], Value::Null);

    // Answered again (days later: the agent signs in again, a staff session lasts a working
    // day), the complaint can be rated like any finished job.
    let agent = app.agent().await;
    app.feedback_act(&agent, &id, "reply", "Corrected bill issued.")
        .await
        .ok();
    let rating = app.rate("complaint", &id, "3", "result").await.ok();
    assert_eq!(rating["stars"], 3);
    let detail = app
        .call("feedback/detail", &[("feedback_id", &id)])
        .await
        .ok();
    assert_eq!(detail["can_confirm"], true);
    assert_eq!(detail["rating"]["stars"], 3);
    let actions: Vec<&str> = detail["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        ["file", "log_contact", "reply", "not_satisfied", "reply"]
    );
}

#[tokio::test]
async fn a_case_is_seen_only_by_its_customer_and_staff() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let id = app.complain("c-2").await["id"].to_string();
    let ops = app.other_browser();
    app.call_with(
        &ops,
        "auth/sign_in",
        &[("email", OPS.0), ("password", OPS.1)],
    )
    .await
    .ok();
    app.call_with(&ops, "feedback/detail", &[("feedback_id", &id)])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.call_with(
        &ops,
        "feedback/confirm",
        &[("feedback_id", &id), ("satisfied", "true"), ("reason", "")],
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    let agent = app.agent().await;
    app.call_with(&agent, "feedback/detail", &[("feedback_id", &id)])
        .await
        .ok();
}

#[tokio::test]
async fn suggestions_carry_no_deadlines_and_bad_input_names_the_field() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let file = |kind: &'static str, topic: &'static str, body: &'static str| {
        let app = &app;
        async move {
            app.call(
                "feedback/file",
                &[
                    ("kind", kind),
                    ("topic", topic),
                    ("account_id", ""),
                    ("job_kind", ""),
                    ("job_id", ""),
                    ("body", body),
                    ("attachment_ids", ""),
                    ("idempotency_key", body),
                ],
            )
            .await
        }
    };
    let s = file(
        "suggestion",
        "billing",
        "Please send the bill by WeChat too.",
    )
    .await
    .ok();
    assert_eq!(s["contact"], Value::Null);
    assert_eq!(s["reply"], Value::Null);
    file("gossip", "billing", "Something long enough.")
        .await
        .assert_invalid("kind", "not_allowed");
    file("praise", "weather", "Something long enough.")
        .await
        .assert_invalid("topic", "not_allowed");
    file("praise", "staff_conduct", "Great")
        .await
        .assert_invalid("description", "too_short");
}

#[tokio::test]
async fn a_complaints_attachment_is_listed_and_read_by_staff_but_not_by_other_customers() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let doc = app
        .upload(
            "other",
            "estimate.pdf",
            b"%PDF-1.4 the estimated bill".to_vec(),
        )
        .await
        .ok();
    let doc_id = doc["id"].to_string();
    let case = app
        .call(
            "feedback/file",
            &[
                ("kind", "complaint"),
                ("topic", "billing"),
                ("account_id", ""),
                ("job_kind", ""),
                ("job_id", ""),
                (
                    "body",
                    "This bill is estimated; the photo of my meter says otherwise.",
                ),
                ("attachment_ids", &doc_id),
                ("idempotency_key", "with-a-file"),
            ],
        )
        .await
        .ok();
    let id = case["id"].to_string();
    let detail = app
        .call("feedback/detail", &[("feedback_id", &id)])
        .await
        .ok();
    assert_eq!(
        detail["attachments"][0]["file_name"], "estimate.pdf",
        "{detail}"
    );
    let download = |client: reqwest::Client| {
        let url = app.url(&format!("/api/documents/{doc_id}"));
        async move { client.get(url).send().await.expect("an answer").status() }
    };
    assert_eq!(
        download(app.signed_in_browser(AGENT).await).await,
        StatusCode::OK
    );
    assert_eq!(
        download(app.signed_in_browser(OPS).await).await,
        StatusCode::NOT_FOUND
    );
    // The same upload cannot be attached to a second case.
    app.call(
        "feedback/file",
        &[
            ("kind", "suggestion"),
            ("topic", "billing"),
            ("account_id", ""),
            ("job_kind", ""),
            ("job_id", ""),
            ("body", "Reusing the file from my complaint."),
            ("attachment_ids", &doc_id),
            ("idempotency_key", "again"),
        ],
    )
    .await
    .assert_invalid("documents", "not_allowed");
}
