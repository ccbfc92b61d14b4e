//! New connections over HTTP: applying, uploads, access, staff moves, the timeline.

use crate::helpers::{AGENT, OPS, RESIDENT, TestApp, spawn_app_with_demo};
use reqwest::StatusCode;
use serde_json::Value;

/// A minimal PDF body.
const PDF: &[u8] = b"%PDF-1.4\n% test document\n%%EOF\n";

impl TestApp {
    /// Uploads `bytes` as a document of `kind`, returning the answer.
    pub async fn upload(&self, kind: &str, name: &str, bytes: Vec<u8>) -> crate::helpers::Answer {
        self.upload_with(&self.client, kind, name, bytes).await
    }

    /// Uploads through another client.
    pub async fn upload_with(
        &self,
        client: &reqwest::Client,
        kind: &str,
        name: &str,
        bytes: Vec<u8>,
    ) -> crate::helpers::Answer {
        let res = client
            .post(self.url("/api/documents"))
            .query(&[("kind", kind), ("name", name)])
            .body(bytes)
            .send()
            .await
            .expect("an answer");
        let status = res.status();
        let text = res.text().await.expect("a body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        crate::helpers::Answer {
            status,
            body,
            text,
            set_cookie: vec![],
        }
    }

    /// Uploads the documents a residential EV-charger application needs; returns their ids.
    pub async fn ev_documents(&self) -> String {
        let mut ids = Vec::new();
        for kind in [
            "id_card",
            "proof_of_ownership",
            "parking_space_proof",
            "property_consent",
        ] {
            let doc = self
                .upload(kind, &format!("{kind}.pdf"), PDF.to_vec())
                .await
                .ok();
            ids.push(doc["id"].to_string());
        }
        ids.join(",")
    }

    /// A second browser signed in as the demo staff agent.
    pub async fn agent(&self) -> reqwest::Client {
        self.signed_in_browser(AGENT).await
    }

    /// Staff in `agent` act on case `id`.
    pub async fn act(
        &self,
        agent: &reqwest::Client,
        id: &str,
        action: &str,
        note: &str,
        for_customer: bool,
    ) -> crate::helpers::Answer {
        let for_customer = if for_customer { "true" } else { "false" };
        self.call_with(
            agent,
            "staff/act",
            &[
                ("case_id", id),
                ("action", action),
                ("note", note),
                ("for_customer", for_customer),
            ],
        )
        .await
    }

    /// Applies for an EV charger at the demo home, with `key` as the idempotency key.
    pub async fn apply_ev(&self, documents: &str, key: &str) -> crate::helpers::Answer {
        let account = self.account_id("3100123456").await.to_string();
        self.call(
            "connections/apply",
            &[
                ("kind", "ev_charger"),
                ("category", "residential"),
                ("account_id", &account),
                ("premise_address", "Parking space B2-118, 88 Riverside Road"),
                ("capacity_kw", "7"),
                ("supply_voltage", "v220"),
                ("contact_name", "Li Wei"),
                ("contact_phone", "13800005678"),
                ("document_ids", documents),
                ("idempotency_key", key),
            ],
        )
        .await
    }
}

/// The demo app with the resident signed in and one EV-charger application of theirs; returns
/// the app, the uploaded documents' ids and the case id.
async fn resident_with_ev_case() -> (TestApp, String, String) {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let docs = app.ev_documents().await;
    let case = app.apply_ev(&docs, "k").await.ok();
    let id = case["id"].to_string();
    (app, docs, id)
}

#[tokio::test]
async fn a_resident_applies_for_an_ev_charger_and_gets_a_numbered_case() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let docs = app.ev_documents().await;
    let case = app.apply_ev(&docs, "key-1").await.ok();
    let number = case["number"].as_str().expect("a number");
    assert!(number.starts_with("YK-2026-"), "{number}");
    assert_eq!(case["stage"], "application");
    assert_eq!(case["state"], "in_progress");
    assert_eq!(
        case["next_due"], "2026-12-04",
        "5 working days from Friday 27 November"
    );
    let mine = app.call("connections/mine", &[]).await.ok();
    assert!(
        mine.as_array()
            .expect("list")
            .iter()
            .any(|c| c["number"] == number)
    );
    let detail = app
        .call(
            "connections/detail",
            &[("case_id", &case["id"].to_string())],
        )
        .await
        .ok();
    assert_eq!(detail["documents"].as_array().map(Vec::len), Some(4));
    assert_eq!(detail["can_cancel"], true);
    assert_eq!(detail["timeline"].as_array().map(Vec::len), Some(4));
}

#[tokio::test]
async fn a_double_submit_creates_one_application() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let docs = app.ev_documents().await;
    let (a, b) = tokio::join!(
        app.apply_ev(&docs, "same-key"),
        app.apply_ev(&docs, "same-key")
    );
    let (a, b) = (a.ok(), b.ok());
    assert_eq!(a["id"], b["id"]);
    let again = app.apply_ev(&docs, "same-key").await.ok();
    assert_eq!(again["id"], a["id"]);
    let mine = app.call("connections/mine", &[]).await.ok();
    let ev_cases = mine
        .as_array()
        .expect("list")
        .iter()
        .filter(|c| c["kind"] == "ev_charger")
        .count();
    assert_eq!(ev_cases, 2, "the demo's EV case and this one");
}

#[tokio::test]
async fn one_identity_card_is_enough_to_apply_and_the_rest_is_listed_as_outstanding() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let consent = app
        .upload("property_consent", "consent.pdf", PDF.to_vec())
        .await
        .ok();
    app.apply_ev(&consent["id"].to_string(), "k1")
        .await
        .assert_invalid("documents", "missing");
    app.apply_ev("", "k2")
        .await
        .assert_invalid("documents", "missing");
    let id_card = app.upload("id_card", "id.pdf", PDF.to_vec()).await.ok();
    let case = app.apply_ev(&id_card["id"].to_string(), "k3").await.ok();
    let detail = app
        .call(
            "connections/detail",
            &[("case_id", &case["id"].to_string())],
        )
        .await
        .ok();
    assert_eq!(
        detail["documents_outstanding"],
        serde_json::json!([
            "proof_of_ownership",
            "parking_space_proof",
            "property_consent"
        ])
    );
}

#[tokio::test]
async fn application_fields_are_checked_one_by_one() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    let base = [
        ("kind", "new_connection"),
        ("category", "residential"),
        ("account_id", ""),
        ("premise_address", "12 New Street, Shanghai"),
        ("capacity_kw", "8"),
        ("supply_voltage", "v220"),
        ("contact_name", "Li Wei"),
        ("contact_phone", "13800005678"),
        ("document_ids", ""),
        ("idempotency_key", "k"),
    ];
    let with = |field: &str, value: &'static str| {
        base.iter()
            .map(|(k, v)| (*k, if *k == field { value } else { *v }))
            .collect::<Vec<_>>()
    };
    for (field, value, name, problem) in [
        ("kind", "teleport", "kind", "not_allowed"),
        ("category", "", "category", "required"),
        ("capacity_kw", "7.555", "capacity_kw", "malformed"),
        ("capacity_kw", "0", "capacity_kw", "out_of_range"),
        ("supply_voltage", "kv10", "supply_voltage", "not_allowed"),
        ("premise_address", "x", "premise_address", "too_short"),
        ("contact_phone", "call me", "contact_phone", "malformed"),
        ("document_ids", "abc", "documents", "not_a_number"),
        ("idempotency_key", "", "idempotency_key", "required"),
        ("account_id", "x", "account_id", "not_a_number"),
    ] {
        app.call("connections/apply", &with(field, value))
            .await
            .assert_invalid(name, problem);
    }
}

#[tokio::test]
async fn bad_uploads_are_refused_naming_the_file() {
    let app = spawn_app_with_demo().await;
    app.upload("id_card", "id.pdf", PDF.to_vec())
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    app.sign_in(RESIDENT).await;
    app.upload(
        "id_card",
        "scan.pdf",
        b"MZ\x90\x00 not a pdf at all".to_vec(),
    )
    .await
    .assert_invalid("file", "not_allowed");
    app.upload("id_card", "empty.pdf", vec![])
        .await
        .assert_invalid("file", "required");
    let mut big = PDF.to_vec();
    big.resize(5 * 1024 * 1024 + 1, b' ');
    let too_big = app.upload("id_card", "big.pdf", big).await;
    assert!(
        matches!(
            too_big.status,
            StatusCode::PAYLOAD_TOO_LARGE | StatusCode::UNPROCESSABLE_ENTITY
        ),
        "{:?}",
        too_big.status
    );
    app.upload("passport_of_mars", "id.pdf", PDF.to_vec())
        .await
        .assert_invalid("documents", "not_allowed");
    let png = [
        &[0x89u8, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A][..],
        b"rest",
    ]
    .concat();
    // A name that says another type than the content is refused (issue 14); the type still
    // comes from the content.
    app.upload("id_card", "photo.pdf", png.clone())
        .await
        .assert_invalid("file", "not_allowed");
    let ok = app.upload("id_card", "photo.png", png).await.ok();
    assert_eq!(
        ok["content_type"], "image/png",
        "typed by content, not by name"
    );
    assert_eq!(ok["sha256"].as_str().map(str::len), Some(64));
}

#[tokio::test]
async fn another_customer_cannot_see_or_touch_a_case() {
    let (app, docs, id) = resident_with_ev_case().await;
    let stranger = app.other_browser();
    app.register_with(&stranger, "s@example.com", "a stranger's long passphrase")
        .await;
    let seen = app
        .call_with(&stranger, "connections/detail", &[("case_id", &id)])
        .await;
    // Someone else's case is as unknown as one that does not exist.
    seen.assert_error(StatusCode::NOT_FOUND, "not_found");
    assert!(!seen.text.contains("B2-118"));
    app.call_with(&stranger, "connections/cancel", &[("case_id", &id)])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    let mine = app.call_with(&stranger, "connections/mine", &[]).await.ok();
    assert_eq!(mine.as_array().map(Vec::len), Some(0));
    let doc_id = docs.split(',').next().expect("an id");
    let download = stranger
        .get(app.url(&format!("/api/documents/{doc_id}")))
        .send()
        .await
        .expect("answer");
    assert_eq!(download.status(), StatusCode::NOT_FOUND);
    let own = app
        .client
        .get(app.url(&format!("/api/documents/{doc_id}")))
        .send()
        .await
        .expect("answer");
    assert_eq!(own.status(), StatusCode::OK);
    assert_eq!(own.headers()["content-type"], "application/pdf");
}

#[tokio::test]
async fn a_customer_cannot_move_a_case_as_staff() {
    let (app, _, id) = resident_with_ev_case().await;
    app.call(
        "staff/act",
        &[
            ("case_id", &id),
            ("action", "advance"),
            ("note", ""),
            ("for_customer", "true"),
        ],
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    app.call(
        "staff/queue",
        &[("stage", ""), ("category", ""), ("overdue", "")],
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn staff_advance_a_case_and_the_customer_sees_the_timeline_move() {
    let (app, _, id) = resident_with_ev_case().await;
    let agent = app.agent().await;
    let queue = app
        .call_with(
            &agent,
            "staff/queue",
            &[("stage", ""), ("category", ""), ("overdue", "")],
        )
        .await
        .ok();
    let dues: Vec<&str> = queue
        .as_array()
        .expect("queue")
        .iter()
        .map(|c| c["next_due"].as_str().unwrap_or("9999"))
        .collect();
    let mut sorted = dues.clone();
    sorted.sort_unstable();
    assert_eq!(dues, sorted, "nearest deadline first");
    app.act(
        &agent,
        &id,
        "advance",
        "Accepted; survey booked for Monday.",
        true,
    )
    .await
    .ok();
    let moved = app
        .act(&agent, &id, "advance", "Internal: surveyor Zhang.", false)
        .await
        .ok();
    assert_eq!(moved["stage"], "meter_and_energise");
    let detail = app
        .call("connections/detail", &[("case_id", &id)])
        .await
        .ok();
    let timeline = detail["timeline"].as_array().expect("timeline");
    assert_eq!(timeline[0]["done_on"], "2026-11-27");
    assert_eq!(timeline[2]["stage"], "meter_and_energise");
    assert_eq!(timeline[2]["done_on"], Value::Null);
    let notes: Vec<&str> = detail["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["note"].as_str().unwrap_or(""))
        .collect();
    assert!(notes.contains(&"Accepted; survey booked for Monday."));
    assert!(
        !notes.iter().any(|n| n.contains("surveyor Zhang")),
        "staff-only notes stay with staff"
    );
    let staff_view = app
        .call_with(&agent, "connections/detail", &[("case_id", &id)])
        .await
        .ok();
    assert!(
        staff_view.to_string().contains("surveyor Zhang"),
        "staff see the whole trail"
    );
    app.call("connections/cancel", &[("case_id", &id)])
        .await
        .assert_error(StatusCode::CONFLICT, "not_now");
}

#[tokio::test]
async fn asking_the_customer_stops_the_clock_until_they_answer() {
    let (app, _, id) = resident_with_ev_case().await;
    let agent = app.agent().await;
    app.act(&agent, &id, "ask_customer", "", true)
        .await
        .assert_invalid("note", "required");
    let asked = app
        .act(
            &agent,
            &id,
            "ask_customer",
            "Please send a clearer parking-space proof.",
            true,
        )
        .await
        .ok();
    assert_eq!(asked["state"], "waiting_on_customer");
    app.clock.advance(7 * 24 * 3600);
    let waiting = app
        .call("connections/detail", &[("case_id", &id)])
        .await
        .ok();
    assert_eq!(
        waiting["waiting_for"],
        "Please send a clearer parking-space proof."
    );
    assert_eq!(
        waiting["utility_days_used"], 0,
        "a week of waiting on the customer does not count"
    );
    let doc = app
        .upload("parking_space_proof", "proof.pdf", PDF.to_vec())
        .await
        .ok();
    let answered = app
        .call(
            "connections/respond",
            &[
                ("case_id", &id),
                ("document_ids", &doc["id"].to_string()),
                ("note", "Here it is."),
            ],
        )
        .await
        .ok();
    assert_eq!(answered["state"], "in_progress");
    assert_eq!(
        answered["next_due"], "2026-12-11",
        "the due date moved by the 5 working days waited"
    );
}

#[tokio::test]
async fn cancelling_before_work_starts_and_rejecting_with_a_reason() {
    let (app, _, id) = resident_with_ev_case().await;
    let cancelled = app
        .call("connections/cancel", &[("case_id", &id)])
        .await
        .ok();
    assert_eq!(cancelled["state"], "cancelled");
    let docs = app.ev_documents().await;
    let other = app.apply_ev(&docs, "k2").await.ok();
    let agent = app.agent().await;
    let id = other["id"].to_string();
    app.act(&agent, &id, "reject", "", true)
        .await
        .assert_invalid("note", "required");
    let rejected = app
        .act(
            &agent,
            &id,
            "reject",
            "The parking space is not in the applicant's name.",
            true,
        )
        .await
        .ok();
    assert_eq!(rejected["state"], "rejected");
    app.act(&agent, &id, "advance", "", true)
        .await
        .assert_error(StatusCode::CONFLICT, "not_now");
}

#[tokio::test]
async fn the_demo_has_a_late_case_at_the_top_of_the_overdue_queue() {
    let app = spawn_app_with_demo().await;
    app.sign_in(AGENT).await;
    let overdue = app
        .call(
            "staff/queue",
            &[("stage", ""), ("category", ""), ("overdue", "true")],
        )
        .await
        .ok();
    let cases = overdue.as_array().expect("queue");
    assert_eq!(cases.len(), 1, "{overdue}");
    assert_eq!(cases[0]["kind"], "capacity_increase");
    assert_eq!(cases[0]["late"], true);
    let all = app
        .call(
            "staff/queue",
            &[("stage", ""), ("category", ""), ("overdue", "")],
        )
        .await
        .ok();
    assert_eq!(all.as_array().map(Vec::len), Some(4), "open demo cases");
    let hv = app
        .call(
            "staff/queue",
            &[
                ("stage", "supply_plan"),
                ("category", "high_voltage_single"),
                ("overdue", ""),
            ],
        )
        .await
        .ok();
    assert_eq!(hv.as_array().map(Vec::len), Some(1));
    app.call(
        "staff/queue",
        &[("stage", "teleport"), ("category", ""), ("overdue", "")],
    )
    .await
    .assert_invalid("kind", "not_allowed");
}

#[tokio::test]
async fn organisation_members_see_their_sites_cases() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let mine = app.call("connections/mine", &[]).await.ok();
    let kinds: Vec<&str> = mine
        .as_array()
        .expect("list")
        .iter()
        .map(|c| c["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(kinds.len(), 2, "{mine}");
    assert!(kinds.contains(&"tariff_change") && kinds.contains(&"capacity_increase"));
    let waiting = mine
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["kind"] == "tariff_change")
        .expect("a case");
    assert_eq!(waiting["state"], "waiting_on_customer");
}

#[tokio::test]
async fn an_uploads_name_must_fit_its_content_and_unsent_files_are_limited_and_cleared() {
    let (app, _, _) = resident_with_ev_case().await;
    // A PDF named as a picture is refused; a name's hidden bidi marks are dropped.
    app.upload("id_card", "scan.png", PDF.to_vec())
        .await
        .assert_invalid("file", "not_allowed");
    let doc = app
        .upload("id_card", "evil\u{202e}fdp.pdf", PDF.to_vec())
        .await
        .ok();
    assert_eq!(doc["file_name"], "evilfdp.pdf");
    // At most 20 files wait unsent at a time.
    let mut refused = None;
    for n in 0..25 {
        let answer = app
            .upload("id_card", &format!("scan{n}.pdf"), PDF.to_vec())
            .await;
        if answer.status != StatusCode::OK {
            refused = Some((n, answer));
            break;
        }
    }
    let (n, answer) = refused.expect("the quota holds");
    answer.assert_invalid("documents", "quota_full");
    assert_eq!(n, 19, "20 waiting files: the evil one and 19 more");
    // A day later the housekeeping removes them, and new uploads are taken again.
    app.clock
        .advance(gridcare::server::documents::UNSENT_FILE_SECS + 1);
    let before = app.clock_now() - gridcare::server::documents::UNSENT_FILE_SECS;
    let removed = app
        .state
        .store
        .delete_unattached_documents(before)
        .await
        .expect("cleans up");
    assert_eq!(removed, 20);
    let gone = app
        .client
        .get(app.url(&format!("/api/documents/{}", doc["id"])))
        .send()
        .await
        .expect("answer");
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    app.upload("id_card", "again.pdf", PDF.to_vec()).await.ok();
    // What was sent with the application stays.
    let mine = app.call("connections/mine", &[]).await.ok();
    let case = mine[0]["id"].to_string();
    let detail = app
        .call("connections/detail", &[("case_id", &case)])
        .await
        .ok();
    assert!(
        !detail["documents"]
            .as_array()
            .expect("documents")
            .is_empty()
    );
}
