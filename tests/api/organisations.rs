//! Enterprise organisations over HTTP: the consolidated dashboard and the sites list against
//! figures read straight from the tables, members and invitations, what each role may do, one
//! organisation's members seeing nothing of another's, and the streamed bills export.

use crate::helpers::{Answer, OPS, RESIDENT, TestApp, spawn_app_with_demo};
use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Row;

const VIEWER_EMAIL: &str = "buyer@harborfoods.example";

impl TestApp {
    /// The id of the demo's Harbor Foods Ltd.
    pub async fn harbor(&self) -> String {
        sqlx::query("SELECT id FROM organisations WHERE name = 'Harbor Foods Ltd.'")
            .fetch_one(self.state.store.pool())
            .await
            .expect("the demo organisation")
            .get::<i64, _>("id")
            .to_string()
    }

    /// A second organisation with one site, and its owner's browser.
    async fn other_organisation(&self) -> (String, String, reqwest::Client) {
        let pool = self.state.store.pool();
        let org: i64 = sqlx::query(
            "INSERT INTO organisations (name, created_at) VALUES ('Other Co.', 0) RETURNING id",
        )
        .fetch_one(pool)
        .await
        .expect("an organisation")
        .get("id");
        let site: i64 = sqlx::query(
            "INSERT INTO service_accounts (account_number, holder_name, phone, premise_address,
                area_class, customer_category, tariff_code, organisation_id, site_name, created_at)
             VALUES ('3900000001', 'Other Co.', '02100000000', '1 Other Street', 'urban',
                'business_low_voltage', 'BIZ-FLAT', $1, 'Other Shop', 0) RETURNING id",
        )
        .bind(org)
        .fetch_one(pool)
        .await
        .expect("a site")
        .get("id");
        let owner = self.registered_browser("owner@other.example").await;
        sqlx::query(
            "INSERT INTO organisation_members (organisation_id, user_id, role)
             SELECT $1, id, 'owner' FROM users WHERE email = 'owner@other.example'",
        )
        .bind(org)
        .execute(pool)
        .await
        .expect("an owner");
        (org.to_string(), site.to_string(), owner)
    }

    pub async fn invite(&self, org: &str, email: &str, role: &str) -> Answer {
        self.call(
            "org/invite",
            &[("organisation_id", org), ("email", email), ("role", role)],
        )
        .await
    }

    /// The user id of the member of `org` with `email`, as the owner reads the members.
    pub async fn member_id(&self, org: &str, email: &str) -> String {
        let members = self
            .call("org/members", &[("organisation_id", org)])
            .await
            .ok();
        members["members"]
            .as_array()
            .expect("members")
            .iter()
            .find(|m| m["email"] == email)
            .expect("the member")["user_id"]
            .to_string()
    }

    /// The token at the end of an invitation's link.
    fn token_of(invitation: &Value) -> String {
        let link = invitation["link"].as_str().expect("a link");
        link.rsplit('/').next().expect("a token").to_string()
    }

    /// Harbor Foods' owner invites a new person as `role`, who registers and accepts in a
    /// browser of their own.
    pub async fn new_member(&self, email: &str, role: &str) -> reqwest::Client {
        let org = self.harbor().await;
        let invitation = self.invite(&org, email, role).await.ok();
        let token = Self::token_of(&invitation);
        let browser = self.registered_browser(email).await;
        let m = self
            .call_with(&browser, "org/accept", &[("token", &token)])
            .await
            .ok();
        assert_eq!(m["role"], role);
        browser
    }
}

#[tokio::test]
async fn the_dashboard_adds_up_what_the_bills_say() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let org = app.harbor().await;
    let d = app
        .call("org/dashboard", &[("organisation_id", &org)])
        .await
        .ok();
    assert_eq!(d["organisation"]["name"], "Harbor Foods Ltd.");
    assert_eq!(d["organisation"]["role"], "owner");
    assert_eq!(d["site_count"], 3);
    // Worked out from the tables on their own: what is owed, on how many bills, first due.
    let owed = sqlx::query(
        "SELECT CAST(SUM(b.total_fen - COALESCE((SELECT SUM(p.amount_fen) FROM payments p
                                                 WHERE p.bill_id = b.id), 0)) AS BIGINT) AS owed,
                COUNT(*) AS n, MIN(b.due_on) AS first_due
         FROM bills b JOIN service_accounts sa ON sa.id = b.service_account_id
         JOIN organisations o ON o.id = sa.organisation_id
         WHERE o.name = 'Harbor Foods Ltd.'
           AND b.total_fen > COALESCE((SELECT SUM(p.amount_fen) FROM payments p
                                       WHERE p.bill_id = b.id), 0)",
    )
    .fetch_one(app.state.store.pool())
    .await
    .expect("owed");
    assert_eq!(d["total_due"], owed.get::<i64, _>("owed"));
    assert_eq!(d["unpaid_bills"], owed.get::<i64, _>("n"));
    assert_eq!(d["next_due"], owed.get::<String, _>("first_due"));
    assert_eq!(d["unpaid_bills"], 3, "the latest bill of each site is due");
    // The test clock stands on 27 November 2026: October's bills are the latest.
    assert_eq!(d["this_month"], "2026-10-01");
    assert_eq!(d["last_month"], "2026-09-01");
    let months = d["months"].as_array().expect("months");
    assert_eq!(months.len(), 3);
    for m in months {
        let bill = |start: &str| {
            let id = m["id"].as_i64().expect("an id");
            let start = start.to_string();
            let pool = app.state.store.pool().clone();
            async move {
                let r = sqlx::query(
                    "SELECT energy_centi_kwh, total_fen FROM bills
                     WHERE service_account_id = $1 AND period_start = $2",
                )
                .bind(id)
                .bind(start)
                .fetch_one(&pool)
                .await
                .expect("a bill");
                (
                    r.get::<i64, _>("energy_centi_kwh"),
                    r.get::<i64, _>("total_fen"),
                )
            }
        };
        let (kwh, cost) = bill("2026-10-01").await;
        assert_eq!(m["this_month"]["energy"], kwh, "{m}");
        assert_eq!(m["this_month"]["cost"], cost, "{m}");
        let (kwh, cost) = bill("2026-09-01").await;
        assert_eq!(m["last_month"]["energy"], kwh, "{m}");
        assert_eq!(m["last_month"]["cost"], cost, "{m}");
    }
    // Nothing is past due yet; the open requests are the demo's two cases and the store's ticket.
    assert_eq!(d["overdue_sites"], serde_json::json!([]));
    let kinds: Vec<&str> = d["open_requests"]
        .as_array()
        .expect("requests")
        .iter()
        .map(|r| r["kind"].as_str().unwrap_or(""))
        .collect();
    assert!(
        kinds.contains(&"repair") && kinds.contains(&"connection"),
        "{kinds:?}"
    );

    // A month later the October bills are overdue, and the sites say so.
    app.clock.advance(31 * 86_400);
    app.sign_in(OPS).await;
    let d = app
        .call("org/dashboard", &[("organisation_id", &org)])
        .await
        .ok();
    assert_eq!(
        d["overdue_sites"].as_array().expect("sites").len(),
        3,
        "{d}"
    );
}

#[tokio::test]
async fn sites_are_searched_filtered_and_paged() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let org = app.harbor().await;
    let list = |search: &'static str,
                tariff: &'static str,
                label: &'static str,
                open: &'static str,
                unpaid: &'static str,
                page: &'static str| {
        let app = &app;
        let org = org.clone();
        async move {
            app.call(
                "org/sites",
                &[
                    ("organisation_id", &org),
                    ("search", search),
                    ("tariff", tariff),
                    ("area", ""),
                    ("label", label),
                    ("open_requests", open),
                    ("unpaid", unpaid),
                    ("page", page),
                ],
            )
            .await
        }
    };
    let names = |page: &Value| -> Vec<String> {
        page["sites"]
            .as_array()
            .expect("sites")
            .iter()
            .map(|s| s["name"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let all = list("", "", "", "", "", "").await.ok();
    assert_eq!(
        names(&all),
        [
            "Central Kitchen",
            "Cold Storage Warehouse",
            "Harbor Road Store"
        ]
    );
    assert_eq!(all["matching"], 3);
    assert_eq!(all["page_count"], 1);
    assert_eq!(
        all["labels"],
        serde_json::json!(["Logistics", "Production", "Puxi", "Retail"])
    );
    let store = &all["sites"][2];
    assert_eq!(store["labels"], serde_json::json!(["Puxi", "Retail"]));
    assert_eq!(store["supply_area"], "Huangpu Harbor Road");
    assert!(store["balance_due"].as_i64().expect("owed") > 0);
    assert!(
        store["open_requests"].as_i64().expect("requests") >= 1,
        "{store}"
    );

    assert_eq!(
        names(&list(" KITCHEN ", "", "", "", "", "").await.ok()),
        ["Central Kitchen"]
    );
    assert_eq!(
        names(&list("3200000003", "", "", "", "", "").await.ok()),
        ["Cold Storage Warehouse"]
    );
    assert_eq!(
        names(&list("", "BIZ-FLAT", "", "", "", "").await.ok()).len(),
        2
    );
    assert_eq!(
        names(&list("", "", "Retail", "", "", "").await.ok()),
        ["Harbor Road Store"]
    );
    assert_eq!(names(&list("", "", "", "", "true", "").await.ok()).len(), 3);
    // Open requests, worked out from the tables on their own.
    let expected: Vec<String> = sqlx::query(
        "SELECT DISTINCT COALESCE(sa.site_name, '') AS name FROM service_accounts sa
         WHERE sa.organisation_id = $1
           AND (EXISTS (SELECT 1 FROM repair_tickets t WHERE t.service_account_id = sa.id
                          AND t.state NOT IN ('closed', 'merged', 'cancelled'))
             OR EXISTS (SELECT 1 FROM connection_cases c WHERE c.service_account_id = sa.id
                          AND c.state IN ('in_progress', 'waiting_on_customer')))
         ORDER BY name",
    )
    .bind(org.parse::<i64>().expect("an id"))
    .fetch_all(app.state.store.pool())
    .await
    .expect("sites")
    .iter()
    .map(|r| r.get("name"))
    .collect();
    assert!(!expected.is_empty());
    assert_eq!(
        names(&list("", "", "", "true", "", "").await.ok()),
        expected
    );
    let beyond = list("", "", "", "", "", "2").await.ok();
    assert_eq!(names(&beyond).len(), 0);
    assert_eq!(beyond["matching"], 3);
    list("", "", "", "maybe", "", "")
        .await
        .assert_invalid("open_requests", "not_allowed");
    list("", "", "", "", "", "0")
        .await
        .assert_invalid("page", "out_of_range");
}

#[tokio::test]
async fn a_site_page_has_its_bills_and_requests() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let org = app.harbor().await;
    let site = app.account_id("3200000002").await.to_string();
    let s = app
        .call("org/site", &[("organisation_id", &org), ("site_id", &site)])
        .await
        .ok();
    assert_eq!(s["site"]["name"], "Harbor Road Store");
    assert_eq!(s["bills"].as_array().expect("bills").len(), 24);
    assert_eq!(s["bills"][0]["period_start"], "2026-10-01", "newest first");
    assert!(
        s["requests"]
            .as_array()
            .expect("requests")
            .iter()
            .all(|r| r["site_id"].as_i64() == site.parse::<i64>().ok())
    );
    // A household's account is no site of the organisation.
    let home = app.account_id("3100123456").await.to_string();
    app.call("org/site", &[("organisation_id", &org), ("site_id", &home)])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn members_of_one_organisation_see_nothing_of_another() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let harbor = app.harbor().await;
    let (other, other_site, other_owner) = app.other_organisation().await;
    let harbor_site = app.account_id("3200000001").await.to_string();
    // Every function that takes an organisation or a site, asked by Harbor's owner about the
    // other organisation, and by the other owner about Harbor.
    for (asker, org, site) in [
        (&app.client, &other, &other_site),
        (&other_owner, &harbor, &harbor_site),
    ] {
        let calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
            ("org/dashboard", vec![("organisation_id", org)]),
            (
                "org/sites",
                vec![
                    ("organisation_id", org),
                    ("search", ""),
                    ("tariff", ""),
                    ("area", ""),
                    ("label", ""),
                    ("open_requests", ""),
                    ("unpaid", ""),
                    ("page", "1"),
                ],
            ),
            (
                "org/site",
                vec![("organisation_id", org), ("site_id", site)],
            ),
            (
                "org/label",
                vec![
                    ("organisation_id", org),
                    ("site_id", site),
                    ("label", "Mine now"),
                    ("add", "true"),
                ],
            ),
            ("org/members", vec![("organisation_id", org)]),
            (
                "org/invite",
                vec![
                    ("organisation_id", org),
                    ("email", "spy@example.com"),
                    ("role", "owner"),
                ],
            ),
            (
                "org/revoke",
                vec![("organisation_id", org), ("invitation_id", "1")],
            ),
            (
                "org/set_role",
                vec![("organisation_id", org), ("user_id", "1"), ("role", "none")],
            ),
        ];
        for (endpoint, fields) in calls {
            let answer = app.call_with(asker, endpoint, &fields).await;
            answer.assert_error(StatusCode::NOT_FOUND, "not_found");
            assert!(!answer.text.contains("Other Shop") && !answer.text.contains("Kitchen"));
        }
        for file in ["bills", "payments"] {
            let export = asker
                .get(app.url(&format!(
                    "/api/org/{org}/{file}.csv?from=2020-01-01&to=2027-01-01"
                )))
                .send()
                .await
                .expect("an answer");
            assert_eq!(export.status(), StatusCode::NOT_FOUND);
        }
    }
    // A site of the other organisation, asked for under Harbor's own id, is not Harbor's.
    app.call(
        "org/site",
        &[("organisation_id", &harbor), ("site_id", &other_site)],
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    let export = app
        .client
        .get(app.url(&format!(
            "/api/org/{harbor}/bills.csv?from=2020-01-01&to=2027-01-01&sites={other_site}"
        )))
        .send()
        .await
        .expect("an answer");
    assert_eq!(export.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A household resident belongs to no organisation at all.
    app.sign_in(RESIDENT).await;
    app.call("org/dashboard", &[("organisation_id", &harbor)])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.call("org/mine", &[]).await.ok(), serde_json::json!([]));
}

#[tokio::test]
async fn a_viewer_reads_every_site_but_cannot_file_label_or_invite() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let org = app.harbor().await;
    let viewer = app.new_member(VIEWER_EMAIL, "viewer").await;
    let me = app.call_with(&viewer, "auth/current_user", &[]).await.ok();
    assert_eq!(me["organisations"][0]["name"], "Harbor Foods Ltd.");
    assert_eq!(me["organisations"][0]["role"], "viewer");
    app.call_with(&viewer, "org/dashboard", &[("organisation_id", &org)])
        .await
        .ok();
    let site = app.account_id("3200000001").await.to_string();
    app.call_with(
        &viewer,
        "org/site",
        &[("organisation_id", &org), ("site_id", &site)],
    )
    .await
    .ok();
    let bill = app.latest_bill_id("3200000001").await.to_string();
    app.call_with(&viewer, "bills/detail", &[("bill_id", &bill)])
        .await
        .ok();
    let accounts = app.call_with(&viewer, "accounts/list", &[]).await.ok();
    let accounts = accounts.as_array().expect("accounts");
    assert_eq!(accounts.len(), 3);
    assert!(
        accounts.iter().all(|a| a["may_act"] == false),
        "{accounts:?}"
    );
    // Reading only: no labels, no invitations, no requests filed for the sites.
    app.call_with(
        &viewer,
        "org/label",
        &[
            ("organisation_id", &org),
            ("site_id", &site),
            ("label", "X"),
            ("add", "true"),
        ],
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    app.call_with(
        &viewer,
        "org/invite",
        &[
            ("organisation_id", &org),
            ("email", "friend@example.com"),
            ("role", "owner"),
        ],
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    let members = app
        .call_with(&viewer, "org/members", &[("organisation_id", &org)])
        .await
        .ok();
    assert_eq!(members["members"].as_array().expect("members").len(), 2);
    assert_eq!(members["invitations"], serde_json::json!([]), "owners only");
    app.call_with(
        &viewer,
        "repairs/report",
        &[
            ("account_id", &site),
            ("kind", "no_power"),
            ("description", "The kitchen has no power at all."),
            ("contact_phone", "13800001111"),
            ("danger", "false"),
            ("photo_id", ""),
            ("idempotency_key", "viewer-1"),
        ],
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    app.call_with(
        &viewer,
        "feedback/file",
        &[
            ("kind", "complaint"),
            ("topic", "billing"),
            ("account_id", &site),
            ("job_kind", ""),
            ("job_id", ""),
            ("body", "The kitchen's bill looks far too high."),
            ("attachment_ids", ""),
            ("idempotency_key", "viewer-2"),
        ],
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    // The owner labels; everyone sees the label.
    let labels = app
        .call(
            "org/label",
            &[
                ("organisation_id", &org),
                ("site_id", &site),
                ("label", "East"),
                ("add", "true"),
            ],
        )
        .await
        .ok();
    assert_eq!(labels, serde_json::json!(["East", "Production"]));
    app.call(
        "org/label",
        &[
            ("organisation_id", &org),
            ("site_id", &site),
            ("label", "a,b"),
            ("add", "true"),
        ],
    )
    .await
    .assert_invalid("label", "malformed");
}

#[tokio::test]
async fn an_invitation_works_once_for_its_email_within_seven_days() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let org = app.harbor().await;
    app.invite(&org, "not an email", "viewer")
        .await
        .assert_invalid("email", "malformed");
    app.invite(&org, "x@example.com", "boss")
        .await
        .assert_invalid("role", "not_allowed");
    app.invite(&org, OPS.0, "viewer")
        .await
        .assert_invalid("email", "already_member");
    let invitation = app
        .invite(&org, "manager@harborfoods.example", "manager")
        .await
        .ok();
    assert_eq!(invitation["state"], "pending");
    let token = TestApp::token_of(&invitation);
    assert!(
        invitation["link"]
            .as_str()
            .expect("link")
            .contains("/business/join/")
    );
    // Kept as a hash; the message waits in the outbox with the link.
    let pool = app.state.store.pool();
    let stored: i64 = sqlx::query("SELECT COUNT(*) AS n FROM invitations WHERE token_hash = $1")
        .bind(&token)
        .fetch_one(pool)
        .await
        .expect("count")
        .get("n");
    assert_eq!(stored, 0, "the token itself is never stored");
    let mail = sqlx::query("SELECT recipient, body, sent_at FROM outbox WHERE kind = 'invitation'")
        .fetch_one(pool)
        .await
        .expect("an outbox message");
    assert_eq!(
        mail.get::<String, _>("recipient"),
        "manager@harborfoods.example"
    );
    assert!(mail.get::<String, _>("body").contains(&token));
    assert_eq!(mail.get::<Option<i64>, _>("sent_at"), None);

    // Someone else signed in cannot use it.
    let stranger = app.registered_browser("stranger@example.com").await;
    let preview = app
        .call_with(&stranger, "org/invitation", &[("token", &token)])
        .await
        .ok();
    assert_eq!(preview["for_me"], false);
    app.call_with(&stranger, "org/accept", &[("token", &token)])
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    app.call_with(&stranger, "org/accept", &[("token", "made-up")])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");

    // The invited person accepts once.
    let invited = app.registered_browser("manager@harborfoods.example").await;
    let preview = app
        .call_with(&invited, "org/invitation", &[("token", &token)])
        .await
        .ok();
    assert_eq!(preview["organisation_name"], "Harbor Foods Ltd.");
    assert_eq!(preview["for_me"], true);
    app.call_with(&invited, "org/accept", &[("token", &token)])
        .await
        .ok();
    app.call_with(&invited, "org/accept", &[("token", &token)])
        .await
        .assert_error(StatusCode::CONFLICT, "not_now");
    let members = app
        .call("org/members", &[("organisation_id", &org)])
        .await
        .ok();
    assert_eq!(members["invitations"][0]["state"], "accepted");

    // An invitation not taken up within 7 days expires; a withdrawn one is gone.
    let late = app.invite(&org, "late@example.com", "viewer").await.ok();
    let withdrawn = app
        .invite(&org, "withdrawn@example.com", "viewer")
        .await
        .ok();
    app.call(
        "org/revoke",
        &[
            ("organisation_id", &org),
            ("invitation_id", &withdrawn["id"].to_string()),
        ],
    )
    .await
    .ok();
    app.clock.advance(7 * 86_400);
    for (email, invitation) in [
        ("late@example.com", &late),
        ("withdrawn@example.com", &withdrawn),
    ] {
        let b = app.registered_browser(email).await;
        let token = TestApp::token_of(invitation);
        app.call_with(&b, "org/accept", &[("token", &token)])
            .await
            .assert_error(StatusCode::CONFLICT, "not_now");
    }
    let members = app
        .call("org/members", &[("organisation_id", &org)])
        .await
        .ok();
    let states: Vec<&str> = members["invitations"]
        .as_array()
        .expect("invitations")
        .iter()
        .map(|i| i["state"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(states, ["revoked", "expired", "accepted"]);
    // The audit trail has every step.
    let actions: Vec<String> = app
        .state
        .store
        .organisation_events(gridcare::domain::RowId(org.parse().expect("an id")))
        .await
        .expect("events")
        .into_iter()
        .map(|e| e.2)
        .collect();
    assert_eq!(actions, ["invite", "accept", "invite", "invite", "revoke"]);
}

#[tokio::test]
async fn a_removed_member_is_refused_on_their_next_request() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let org = app.harbor().await;
    let manager = app
        .new_member("manager@harborfoods.example", "manager")
        .await;
    app.call_with(&manager, "org/dashboard", &[("organisation_id", &org)])
        .await
        .ok();
    let accounts = app.call_with(&manager, "accounts/list", &[]).await.ok();
    assert!(
        accounts
            .as_array()
            .expect("list")
            .iter()
            .all(|a| a["may_act"] == true)
    );
    let id = app.member_id(&org, "manager@harborfoods.example").await;
    // Demoted to viewer: the next filing is refused.
    app.call(
        "org/set_role",
        &[
            ("organisation_id", &org),
            ("user_id", &id),
            ("role", "viewer"),
        ],
    )
    .await
    .ok();
    let accounts = app.call_with(&manager, "accounts/list", &[]).await.ok();
    assert!(
        accounts
            .as_array()
            .expect("list")
            .iter()
            .all(|a| a["may_act"] == false)
    );
    // Removed: the same session reads nothing of the organisation any more.
    app.call(
        "org/set_role",
        &[
            ("organisation_id", &org),
            ("user_id", &id),
            ("role", "none"),
        ],
    )
    .await
    .ok();
    app.call_with(&manager, "org/dashboard", &[("organisation_id", &org)])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    let bill = app.latest_bill_id("3200000001").await.to_string();
    app.call_with(&manager, "bills/detail", &[("bill_id", &bill)])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(
        app.call_with(&manager, "accounts/list", &[]).await.ok(),
        serde_json::json!([])
    );
    // Still signed in, with no organisation.
    let me = app.call_with(&manager, "auth/current_user", &[]).await.ok();
    assert_eq!(me["organisations"], serde_json::json!([]));
}

#[tokio::test]
async fn the_last_owner_can_neither_leave_nor_step_down() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let org = app.harbor().await;
    let members = app
        .call("org/members", &[("organisation_id", &org)])
        .await
        .ok();
    let me = members["members"][0]["user_id"].to_string();
    assert_eq!(members["members"][0]["is_me"], true);
    for role in ["manager", "none"] {
        app.call(
            "org/set_role",
            &[("organisation_id", &org), ("user_id", &me), ("role", role)],
        )
        .await
        .assert_invalid("role", "last_owner");
    }
    // With a second owner, the first may step down.
    app.new_member("second@harborfoods.example", "owner").await;
    app.call(
        "org/set_role",
        &[
            ("organisation_id", &org),
            ("user_id", &me),
            ("role", "manager"),
        ],
    )
    .await
    .ok();
    // Now a manager, the former owner may change nobody.
    app.call(
        "org/set_role",
        &[
            ("organisation_id", &org),
            ("user_id", &me),
            ("role", "owner"),
        ],
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn the_bills_export_has_one_line_per_bill() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let org = app.harbor().await;
    let get = |query: String| {
        let url = app.url(&format!("/api/org/{org}/bills.csv?{query}"));
        let client = app.client.clone();
        async move { client.get(url).send().await.expect("an answer") }
    };
    let res = get("from=2025-11-01&to=2026-11-01".into()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .expect("ascii")
            .contains("bills-")
    );
    let text = res.text().await.expect("csv");
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "site,account_number,period_start,period_end,kwh,amount_yuan,paid_yuan,due_on,status,labels"
    );
    // Twelve months for each of three sites, as the table holds them.
    assert_eq!(lines.len(), 1 + 36);
    let rows = sqlx::query(
        "SELECT sa.account_number, b.period_start, b.energy_centi_kwh, b.total_fen, b.due_on
         FROM bills b JOIN service_accounts sa ON sa.id = b.service_account_id
         WHERE sa.organisation_id = $1 AND b.period_start >= '2025-11-01'
           AND b.period_start < '2026-11-01'",
    )
    .bind(org.parse::<i64>().expect("an id"))
    .fetch_all(app.state.store.pool())
    .await
    .expect("bills");
    assert_eq!(rows.len(), 36);
    for r in &rows {
        let number: String = r.get("account_number");
        let start: String = r.get("period_start");
        let kwh = gridcare::domain::KilowattHours::from_centi(r.get("energy_centi_kwh"));
        let amount = gridcare::domain::Fen(r.get("total_fen"));
        let line = lines
            .iter()
            .find(|l| l.contains(&format!(",{number},{start},")))
            .unwrap_or_else(|| panic!("no line for {number} {start}"));
        let due: String = r.get("due_on");
        assert!(
            line.contains(&format!(",{kwh},{},", amount.plain())) && line.contains(&due),
            "{line}"
        );
    }
    assert!(
        lines.iter().any(
            |l| l.starts_with("Harbor Road Store,3200000002,2026-10-01,")
                && l.ends_with(",unpaid,Puxi;Retail")
        ),
        "{text}"
    );
    // A chosen set of sites.
    let site = app.account_id("3200000003").await;
    let one = get(format!("from=2025-11-01&to=2026-11-01&sites={site}"))
        .await
        .text()
        .await
        .expect("csv");
    assert_eq!(one.split("\r\n").filter(|l| !l.is_empty()).count(), 1 + 12);
    // The sites under a label.
    let retail = get("from=2025-11-01&to=2026-11-01&label=Retail".into())
        .await
        .text()
        .await
        .expect("csv");
    let lines: Vec<&str> = retail.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 12);
    assert!(
        lines[1..]
            .iter()
            .all(|l| l.starts_with("Harbor Road Store,"))
    );
    // Bad dates are named.
    let bad = get("from=2026-11-01&to=2025-11-01".into()).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = bad.json().await.expect("json");
    assert_eq!(body["field"], "to");
    // Signed out, nothing.
    let anonymous = app.other_browser();
    let res = anonymous
        .get(app.url(&format!(
            "/api/org/{org}/bills.csv?from=2025-11-01&to=2026-11-01"
        )))
        .send()
        .await
        .expect("an answer");
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn one_person_belongs_to_several_organisations_and_keeps_a_home() {
    let app = spawn_app_with_demo().await;
    let (other, _, other_owner) = app.other_organisation().await;
    // The other organisation's owner invites Harbor's owner as a manager.
    let invitation = app
        .call_with(
            &other_owner,
            "org/invite",
            &[
                ("organisation_id", &other),
                ("email", OPS.0),
                ("role", "manager"),
            ],
        )
        .await
        .ok();
    app.sign_in(OPS).await;
    app.call("org/accept", &[("token", &TestApp::token_of(&invitation))])
        .await
        .ok();
    let mine = app.call("org/mine", &[]).await.ok();
    let names: Vec<(&str, &str)> = mine
        .as_array()
        .expect("memberships")
        .iter()
        .map(|m| {
            (
                m["name"].as_str().unwrap_or(""),
                m["role"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        names,
        [("Harbor Foods Ltd.", "owner"), ("Other Co.", "manager")]
    );
    // Each organisation's dashboard answers with its own sites; the overview is the home.
    let harbor = app.harbor().await;
    for (org, sites) in [(&harbor, 3), (&other, 1)] {
        let d = app
            .call("org/dashboard", &[("organisation_id", org)])
            .await
            .ok();
        assert_eq!(d["site_count"], sites);
    }
    // A home account linked too: it is on the overview; the organisations' sites are not.
    app.bind_with_code(&app.client, "3100765432").await;
    let overview = app.call("bills/overview", &[]).await.ok();
    let numbers: Vec<&str> = overview["accounts"]
        .as_array()
        .expect("accounts")
        .iter()
        .map(|a| a["account_number"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(numbers, ["3100765432"]);
}
