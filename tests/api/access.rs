//! The access matrix: every server function and every file route under `/api`, called by each
//! of seven roles with the ids of one party (Harbor Foods and its owner), compared with a table
//! of who may do what. A server function or file route missing from the table fails the test,
//! so a new one is not reachable until someone has written down who may call it.
//!
//! The roles: anonymous (no session), another customer (the demo resident, who has nothing to
//! do with Harbor Foods), a viewer and a manager of Harbor Foods, its owner, a staff agent and
//! a staff supervisor. The party's ids: the organisation, a site and its bill, the owner's
//! connection case, repair tickets, complaint, notification, document, pending invitation,
//! binding challenge, second session, and the owner's private account with a second holder.
//!
//! A cell is `ok` when the call got past the gate: 2xx, or 409 when the thing's state refuses
//! it (a second cancel after the first). Otherwise it is the exact status: 401 (not signed in),
//! 403 (signed in, not allowed), 404 (not yours or does not exist: one answer for both), or
//! 422 where the gate lets the person through and the input is refused (a wrong password). In
//! each row the roles that must be refused are tried first, so a refused call that changed
//! something would show; a row where anyone may pass must see at least one 2xx.

use crate::helpers::{AGENT, OPS, RESIDENT, SUPERVISOR, TestApp, spawn_app_with_demo};
use gridcare::server::seed::SPARE_ACCOUNT;
use reqwest::StatusCode;
use sqlx::Row;
use std::collections::{BTreeMap, BTreeSet};

const ROLES: [&str; 7] = [
    "anonymous",
    "other customer",
    "viewer",
    "manager",
    "owner",
    "agent",
    "supervisor",
];

const SITE_NUMBER: &str = "3200000002";
const HOME: &str = "3100123456";
const PDF: &[u8] = b"%PDF-1.4\n% access matrix\n%%EOF\n";

/// One line of the table.
struct Entry {
    /// A server function's endpoint (`bills/detail`), or a file route's method and axum
    /// pattern (`GET /api/documents/{id}`).
    what: &'static str,
    /// For a server function: its arguments. `{name}` is replaced by the party's id of that
    /// name, `{n}` by the role's number (for things that must be new for each caller).
    args: &'static [(&'static str, &'static str)],
    /// For a file route: the path and query called.
    path: &'static str,
    /// One cell per role, in the order of `ROLES`.
    expect: &'static str,
}

const fn f(
    what: &'static str,
    args: &'static [(&'static str, &'static str)],
    expect: &'static str,
) -> Entry {
    Entry {
        what,
        args,
        path: "",
        expect,
    }
}

const fn file(what: &'static str, path: &'static str, expect: &'static str) -> Entry {
    Entry {
        what,
        args: &[],
        path,
        expect,
    }
}

/// Who may do what. Columns: anonymous, other customer, viewer, manager, owner, agent,
/// supervisor. The order of the rows matters only where a call changes what a later row
/// reads, and that is said beside it.
const TABLE: &[Entry] = &[
    // Public: anyone, signed in or not, gets the same answer.
    f("auth/current_user", &[], "ok ok ok ok ok ok ok"),
    f("outages/list", &[], "ok ok ok ok ok ok ok"),
    f(
        "auth/register",
        &[
            ("email", "newcomer{n}@example.com"),
            ("password", "a long enough passphrase"),
            ("lang", "en"),
            ("next", ""),
        ],
        "ok ok ok ok ok ok ok",
    ),
    f(
        "auth/forgot_password",
        &[("email", "ops@example.com"), ("lang", "en")],
        "ok ok ok ok ok ok ok",
    ),
    // A link token is the capability: a made-up one gets nobody anywhere.
    f(
        "auth/verify_email",
        &[("token", "{bogus_token}")],
        "422 422 422 422 422 422 422",
    ),
    f(
        "auth/reset_password",
        &[
            ("token", "{bogus_token}"),
            ("password", "another long passphrase"),
        ],
        "422 422 422 422 422 422 422",
    ),
    f(
        "auth/sign_in",
        &[
            ("email", "nobody{n}@example.com"),
            ("password", "wrong password"),
        ],
        "401 401 401 401 401 401 401",
    ),
    // The invitation's token lets a signed-in person read its preview; accepting it needs the
    // invited email, which none of the roles has.
    f(
        "org/invitation",
        &[("token", "{invitation_token}")],
        "401 ok ok ok ok ok ok",
    ),
    f(
        "org/accept",
        &[("token", "{invitation_token}")],
        "401 403 403 403 403 403 403",
    ),
    // One's own things: anyone signed in, about themself only.
    f("accounts/list", &[], "401 ok ok ok ok ok ok"),
    f("auth/sessions", &[], "401 ok ok ok ok ok ok"),
    f("auth/mfa_status", &[], "401 ok ok ok ok ok ok"),
    // One's own display choice: no row of anyone else's can be named.
    f(
        "auth/care_mode",
        &[("on", "false")],
        "401 ok ok ok ok ok ok",
    ),
    f("auth/mfa_start", &[], "401 ok ok ok ok ok ok"),
    // Staff have two-step sign-in on already: there is nothing to confirm.
    f(
        "auth/mfa_confirm",
        &[("code", "000000")],
        "401 422 422 422 422 ok ok",
    ),
    f("auth/my_data", &[], "401 ok ok ok ok ok ok"),
    f(
        "auth/reauthenticate",
        &[("password", "{own_password}"), ("code", "{own_code}")],
        "401 ok ok ok ok ok ok",
    ),
    f(
        "auth/change_password",
        &[
            ("current_password", "not my password"),
            ("password", "another long passphrase"),
        ],
        "401 422 422 422 422 422 422",
    ),
    // Staff keep two-step sign-in, and their logins are the utility's to end.
    f(
        "auth/mfa_disable",
        &[("current_password", "not my password")],
        "401 422 422 422 422 403 403",
    ),
    f(
        "auth/delete_login",
        &[("current_password", "not my password")],
        "401 422 422 422 422 403 403",
    ),
    f("bills/overview", &[], "401 ok ok ok ok ok ok"),
    f("connections/mine", &[], "401 ok ok ok ok ok ok"),
    f("repairs/mine", &[], "401 ok ok ok ok ok ok"),
    f("feedback/mine", &[], "401 ok ok ok ok ok ok"),
    f("ratings/to_rate", &[], "401 ok ok ok ok ok ok"),
    f("org/mine", &[], "401 ok ok ok ok ok ok"),
    f("notifications/unread", &[], "401 ok ok ok ok ok ok"),
    f(
        "notifications/list",
        &[("group", ""), ("unread", "false")],
        "401 ok ok ok ok ok ok",
    ),
    f("notifications/settings", &[], "401 ok ok ok ok ok ok"),
    f(
        "notifications/lang",
        &[("lang", "en")],
        "401 ok ok ok ok ok ok",
    ),
    f("notifications/read_all", &[], "401 ok ok ok ok ok ok"),
    f(
        "notifications/save_settings",
        &[
            ("lang", "en"),
            ("mobile", ""),
            ("high_use_percent", "30"),
            ("choices", ""),
        ],
        "401 ok ok ok ok ok ok",
    ),
    file(
        "POST /api/documents",
        "/api/documents?kind=id_card&name=id.pdf",
        "401 ok ok ok ok ok ok",
    ),
    // Staff upload bank statements; a PDF is not one.
    file(
        "POST /api/pay/statement",
        "/api/pay/statement",
        "401 403 403 403 403 422 422",
    ),
    f("pay/waiting", &[], "401 403 403 403 403 ok ok"),
    f(
        "pay/assign",
        &[("line_id", "999999"), ("account_number", "3100123456")],
        "401 403 403 403 403 404 404",
    ),
    // The owner's own things, by id: nobody else, staff included.
    f(
        "notifications/read",
        &[("notification_id", "{notification}")],
        "401 404 404 404 ok 404 404",
    ),
    f(
        "auth/end_session",
        &[("id", "{owner_session}")],
        "401 404 404 404 ok 404 404",
    ),
    f(
        "accounts/bind",
        &[("challenge_id", "{challenge}"), ("code", "000000")],
        "401 404 404 404 422 403 403",
    ),
    f(
        "accounts/holders",
        &[("account_id", "{spare}")],
        "401 404 404 404 ok 404 404",
    ),
    // After `accounts/holders`: the owner removes the second holder.
    f(
        "accounts/remove_holder",
        &[("account_id", "{spare}"), ("holder_id", "{kin}")],
        "401 404 404 404 ok 403 403",
    ),
    // A site is reachable only through its organisation: nobody binds it privately. Staff
    // never act as a customer.
    f(
        "accounts/bind_start",
        &[("account_number", SITE_NUMBER)],
        "401 422 422 422 422 403 403",
    ),
    // The organisation: members read; managers and owners act; owners label sites and manage
    // members. Staff
    // read a site as a service account, but not the organisation's membership.
    f(
        "org/dashboard",
        &[("organisation_id", "{org}")],
        "401 404 ok ok ok 404 404",
    ),
    f(
        "org/sites",
        &[
            ("organisation_id", "{org}"),
            ("search", ""),
            ("tariff", ""),
            ("area", ""),
            ("label", ""),
            ("open_requests", ""),
            ("unpaid", ""),
            ("page", "1"),
        ],
        "401 404 ok ok ok 404 404",
    ),
    f(
        "org/site",
        &[("organisation_id", "{org}"), ("site_id", "{site}")],
        "401 404 ok ok ok 404 404",
    ),
    f(
        "org/members",
        &[("organisation_id", "{org}")],
        "401 404 ok ok ok 404 404",
    ),
    f(
        "org/label",
        &[
            ("organisation_id", "{org}"),
            ("site_id", "{site}"),
            ("label", "Audited"),
            ("add", "true"),
        ],
        "401 404 403 403 ok 404 404",
    ),
    f(
        "org/invite",
        &[
            ("organisation_id", "{org}"),
            ("email", "invitee{n}@harborfoods.example"),
            ("role", "viewer"),
        ],
        "401 404 403 403 ok 404 404",
    ),
    f(
        "org/revoke",
        &[
            ("organisation_id", "{org}"),
            ("invitation_id", "{invitation}"),
        ],
        "401 404 403 403 ok 404 404",
    ),
    f(
        "org/set_role",
        &[
            ("organisation_id", "{org}"),
            ("user_id", "{viewer}"),
            ("role", "viewer"),
        ],
        "401 404 403 403 ok 404 404",
    ),
    file(
        "GET /api/org/{id}/bills.csv",
        "/api/org/{org}/bills.csv?from=2024-01-01&to=2026-12-01",
        "401 404 ok ok ok 404 404",
    ),
    file(
        "GET /api/org/{id}/payments.csv",
        "/api/org/{org}/payments.csv?from=2024-01-01&to=2026-12-01",
        "401 404 ok ok ok 404 404",
    ),
    // A site's bills and use: its organisation's members, and staff.
    f(
        "bills/list",
        &[("account_id", "{site}"), ("page", "1")],
        "401 404 ok ok ok ok ok",
    ),
    f(
        "bills/detail",
        &[("bill_id", "{bill}")],
        "401 404 ok ok ok ok ok",
    ),
    // Paying: the holders of an account, and an organisation's owners and managers; staff and
    // viewers read, never pay.
    f(
        "pay/options",
        &[("account_id", "{site}")],
        "401 404 ok ok ok ok ok",
    ),
    f(
        "pay/start",
        &[
            ("account_id", "{site}"),
            ("bill_id", "{bill}"),
            ("amount", "12.50"),
            ("idempotency_key", "pay-{n}"),
        ],
        "401 404 403 ok ok 403 403",
    ),
    f(
        "pay/start_sites",
        &[
            ("organisation_id", "{org}"),
            ("sites", "{site}"),
            ("idempotency_key", "pay-sites-{n}"),
        ],
        "401 404 403 ok ok 403 403",
    ),
    // An order is its payer's only.
    f(
        "pay/order",
        &[("reference", "{order}")],
        "401 404 404 404 ok 404 404",
    ),
    f(
        "pay/receipt",
        &[("payment_id", "{payment}")],
        "401 404 ok ok ok ok ok",
    ),
    // Autopay and the prepaid warning: the holders, and an organisation's owners and managers.
    f(
        "pay/autopay_start",
        &[
            ("account_id", "{site}"),
            ("max_amount", ""),
            ("consent", "true"),
        ],
        "401 404 403 ok ok 403 403",
    ),
    f(
        "pay/autopay_cancel",
        &[("account_id", "{site}")],
        "401 404 403 ok ok 403 403",
    ),
    f(
        "pay/autopay_confirm",
        &[("agreement", "AG20261127NOSUCHAG")],
        "401 404 404 404 404 403 403",
    ),
    f(
        "pay/low_balance",
        &[("account_id", "{site}"), ("amount", "")],
        "401 404 403 ok ok 403 403",
    ),
    f(
        "pay/staff_search",
        &[
            ("account_number", ""),
            ("reference", "{order}"),
            ("from", ""),
            ("to", ""),
        ],
        "401 403 403 403 403 ok ok",
    ),
    f(
        "pay/refund",
        &[
            ("payment_id", "{payment}"),
            ("amount", "0.01"),
            ("reason", "Access table check {n}"),
        ],
        "401 403 403 403 403 403 ok",
    ),
    f(
        "usage/overview",
        &[("account_id", "{site}")],
        "401 404 ok ok ok ok ok",
    ),
    f(
        "usage/daily",
        &[("account_id", "{kitchen}"), ("days", "30")],
        "401 404 ok ok ok ok ok",
    ),
    f(
        "usage/hours",
        &[("account_id", "{kitchen}"), ("day", "{yesterday}")],
        "401 404 ok ok ok ok ok",
    ),
    f(
        "repairs/outage_at",
        &[("account_id", "{site}")],
        "401 404 ok ok ok ok ok",
    ),
    file(
        "GET /api/usage/{account}/{file}",
        "/api/usage/{kitchen}/greenbutton.csv?from=2026-11-01&to=2026-11-20&interval=hour",
        "401 404 ok ok ok ok ok",
    ),
    // Requests about a site: members read them; managers and owners file and cancel; staff
    // read them and work them from their queues, never as the customer.
    f(
        "connections/detail",
        &[("case_id", "{case}")],
        "401 404 ok ok ok ok ok",
    ),
    f(
        "connections/respond",
        &[
            ("case_id", "{case}"),
            ("document_ids", ""),
            ("note", "Here it is."),
        ],
        "401 404 403 ok ok 403 403",
    ),
    f(
        "connections/apply",
        &[
            ("kind", "capacity_increase"),
            ("category", "low_voltage_business"),
            ("account_id", "{site}"),
            ("premise_address", "215 Harbor Road, Huangpu, Shanghai"),
            ("capacity_kw", "60"),
            ("supply_voltage", "v380"),
            ("contact_name", "Chen Jing"),
            ("contact_phone", "02155501234"),
            ("document_ids", "{my_documents}"),
            ("idempotency_key", "apply{n}"),
        ],
        "401 404 403 ok ok 403 403",
    ),
    f(
        "repairs/detail",
        &[("ticket_id", "{ticket}")],
        "401 404 ok ok ok ok ok",
    ),
    f(
        "repairs/report",
        &[
            ("account_id", "{site}"),
            ("kind", "no_power"),
            ("description", "The store's lights are out."),
            ("contact_phone", "02155501234"),
            ("danger", "false"),
            ("photo_id", ""),
            ("idempotency_key", "report{n}"),
        ],
        "401 404 403 ok ok 403 403",
    ),
    f(
        "ratings/get",
        &[("job_kind", "repair"), ("job_id", "{closed_ticket}")],
        "401 404 404 404 ok ok ok",
    ),
    f(
        "ratings/rate",
        &[
            ("job_kind", "repair"),
            ("job_id", "{closed_ticket}"),
            ("stars", "4"),
            ("tags", ""),
            ("comment", ""),
        ],
        "401 404 404 404 ok 403 403",
    ),
    // The owner's complaint is the owner's: staff read and answer it.
    f(
        "feedback/detail",
        &[("feedback_id", "{feedback}")],
        "401 404 404 404 ok ok ok",
    ),
    f(
        "feedback/file",
        &[
            ("kind", "complaint"),
            ("topic", "billing"),
            ("account_id", "{site}"),
            ("job_kind", ""),
            ("job_id", ""),
            ("body", "The store's bill doubled."),
            ("attachment_ids", ""),
            ("idempotency_key", "complain{n}"),
        ],
        "401 404 403 ok ok 403 403",
    ),
    file(
        "GET /api/documents/{id}",
        "/api/documents/{case_document}",
        "401 404 ok ok ok ok ok",
    ),
    // Staff work: both staff roles; customers are refused whatever the id. A message is sent
    // again only while it is unsent.
    f(
        "staff/queue",
        &[("stage", ""), ("category", ""), ("overdue", "")],
        "401 403 403 403 403 ok ok",
    ),
    f(
        "staff/act",
        &[
            ("case_id", "{case}"),
            ("action", "advance"),
            ("note", "Checked by the access matrix."),
            ("for_customer", "false"),
        ],
        "401 403 403 403 403 ok ok",
    ),
    f("staff/tickets", &[], "401 403 403 403 403 ok ok"),
    f(
        "staff/ticket_act",
        &[
            ("ticket_id", "{ticket}"),
            ("action", "dispatch"),
            ("crew", "Crew 3"),
            ("eta_minutes", "30"),
            ("outage_id", ""),
            ("note", ""),
        ],
        "401 403 403 403 403 ok ok",
    ),
    f("staff/feedback_queue", &[], "401 403 403 403 403 ok ok"),
    f(
        "staff/feedback_act",
        &[
            ("feedback_id", "{feedback}"),
            ("action", "log_contact"),
            ("note", "Called the customer."),
        ],
        "401 403 403 403 403 ok ok",
    ),
    f(
        "staff/outage_save",
        &[
            ("outage_id", ""),
            ("kind", "planned"),
            ("area", "Huangpu Harbor Road"),
            ("starts_at", "{in_ten_days}T09:00"),
            ("expected_end", "{in_ten_days}T15:00"),
            ("reason", "Line maintenance"),
            ("ended", "false"),
        ],
        "401 403 403 403 403 ok ok",
    ),
    f(
        "staff/outbox",
        &[("filter", "all")],
        "401 403 403 403 403 ok ok",
    ),
    f(
        "staff/outbox_again",
        &[("message_id", "{message}")],
        "401 403 403 403 403 ok ok",
    ),
    // Cancelling and confirming, after staff have worked the case, ticket and complaint.
    f(
        "connections/cancel",
        &[("case_id", "{cancel_case}")],
        "401 404 403 ok ok 403 403",
    ),
    f(
        "repairs/cancel",
        &[("ticket_id", "{cancel_ticket}")],
        "401 404 403 ok ok 403 403",
    ),
    f(
        "feedback/confirm",
        &[
            ("feedback_id", "{answered_feedback}"),
            ("satisfied", "true"),
            ("reason", ""),
        ],
        "401 404 404 404 ok 403 403",
    ),
    // The supervisor's figures and the security log.
    f(
        "supervisor/dashboard",
        &[("from", "2026-01-01"), ("to", "2026-11-30")],
        "401 403 403 403 403 403 ok",
    ),
    f(
        "supervisor/dashboard_csv",
        &[("from", "2026-01-01"), ("to", "2026-11-30")],
        "401 403 403 403 403 403 ok",
    ),
    f(
        "supervisor/security_log",
        &[
            ("event", ""),
            ("email", "ops@example.com"),
            ("address", ""),
            ("from", ""),
            ("to", ""),
            ("before", ""),
        ],
        "401 403 403 403 403 403 ok",
    ),
    // The service desk, on the relative's login.
    f(
        "supervisor/desk",
        &[
            ("email", "kin@example.com"),
            ("action", "end_sessions"),
            ("note", "Called back on the phone on file."),
        ],
        "401 403 403 403 403 403 ok",
    ),
    // Last, as it ends each role's session.
    f("auth/sign_out", &[], "ok ok ok ok ok ok ok"),
];

/// Rows whose callers pass the gate but find nothing to do: staff have two-step sign-in on
/// already, so confirming a setup is 409 for them, and the customers' made-up code is 422.
const NO_SUCCESS_EXPECTED: &[&str] = &["auth/mfa_confirm"];

/// What one call got past: the status, and whether it counts as `ok`.
fn cell(status: StatusCode) -> String {
    if status.is_success() || status == StatusCode::CONFLICT {
        "ok".into()
    } else {
        status.as_u16().to_string()
    }
}

/// The party's ids and each role's browser, set up through the API as people would.
struct World {
    ids: BTreeMap<&'static str, String>,
    browsers: Vec<reqwest::Client>,
    /// Each role's password and second-factor secret (anonymous has neither).
    logins: Vec<(String, Option<&'static str>)>,
    /// Each role's own uploaded documents, comma-separated.
    documents: Vec<String>,
}

/// The id `sql` selects with `binds` for `$1`, `$2`, ….
async fn one_id(app: &TestApp, sql: &str, binds: &[i64]) -> String {
    let mut query = sqlx::query(sql);
    for b in binds {
        query = query.bind(*b);
    }
    query
        .fetch_one(app.state.store.pool())
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .get::<i64, _>(0)
        .to_string()
}

/// Uploads in `browser` the documents a business application needs; their ids, joined by commas.
async fn business_documents(app: &TestApp, browser: &reqwest::Client) -> String {
    let mut ids = Vec::new();
    for kind in [
        "id_card",
        "proof_of_ownership",
        "business_licence",
        "legal_representative_id",
    ] {
        let doc = app
            .upload_with(browser, kind, &format!("{kind}.pdf"), PDF.to_vec())
            .await
            .ok();
        ids.push(doc["id"].to_string());
    }
    ids.join(",")
}

/// The owner reports a fault of `kind` at the site; the ticket's id.
async fn report(app: &TestApp, site: &str, kind: &str, text: &str, key: &str) -> String {
    let ticket = app
        .call(
            "repairs/report",
            &[
                ("account_id", site),
                ("kind", kind),
                ("description", text),
                ("contact_phone", "02155501234"),
                ("danger", "false"),
                ("photo_id", ""),
                ("idempotency_key", key),
            ],
        )
        .await
        .ok();
    ticket["id"].to_string()
}

/// The owner complains about the site's bill; the case's id.
async fn complain(app: &TestApp, site: &str, body: &str, key: &str) -> String {
    let case = app
        .call(
            "feedback/file",
            &[
                ("kind", "complaint"),
                ("topic", "billing"),
                ("account_id", site),
                ("job_kind", ""),
                ("job_id", ""),
                ("body", body),
                ("attachment_ids", ""),
                ("idempotency_key", key),
            ],
        )
        .await
        .ok();
    case["id"].to_string()
}

async fn world(app: &TestApp) -> World {
    let mut ids = BTreeMap::new();
    let org = app.harbor().await;
    let site = app.account_id(SITE_NUMBER).await.to_string();
    ids.insert("org", org.clone());
    ids.insert("site", site.clone());
    ids.insert("kitchen", app.account_id("3200000001").await.to_string());
    ids.insert("bill", app.latest_bill_id(SITE_NUMBER).await.to_string());
    let today = app.state.clock.today();
    ids.insert("yesterday", (today - chrono::Days::new(1)).to_string());
    ids.insert("in_ten_days", (today + chrono::Days::new(10)).to_string());
    ids.insert("bogus_token", "A".repeat(43));

    // The owner (the demo's Harbor Foods owner) signs in; a viewer and a manager join.
    app.sign_in(OPS).await;
    let owner = app.client.clone();
    let viewer = app.new_member("viewer@harborfoods.example", "viewer").await;
    let manager = app
        .new_member("manager@harborfoods.example", "manager")
        .await;
    ids.insert(
        "viewer",
        app.user_id("viewer@harborfoods.example").await.to_string(),
    );
    let pending = app
        .invite(&org, "pending@harborfoods.example", "viewer")
        .await
        .ok();
    ids.insert("invitation", pending["id"].to_string());
    let link = pending["link"].as_str().expect("a link");
    ids.insert(
        "invitation_token",
        link.rsplit('/').next().expect("a token").to_string(),
    );

    // The owner's own things.
    let ops = app.user_id(OPS.0).await;
    let ticket = report(
        app,
        &site,
        "no_power",
        "The freezers stopped at noon.",
        "owner-ticket",
    )
    .await;
    ids.insert("ticket", ticket);
    // The owner's open application for the store's tariff change, where staff asked for a new
    // licence, and a new one, to cancel.
    let case = one_id(
        app,
        "SELECT id FROM connection_cases WHERE applicant_id = $1 ORDER BY id DESC LIMIT 1",
        &[ops],
    )
    .await;
    ids.insert(
        "case_document",
        one_id(
            app,
            "SELECT id FROM documents WHERE case_id = $1 ORDER BY id LIMIT 1",
            &[case.parse().expect("an id")],
        )
        .await,
    );
    ids.insert("case", case);
    let documents = business_documents(app, &owner).await;
    let to_cancel = app
        .call(
            "connections/apply",
            &[
                ("kind", "capacity_increase"),
                ("category", "low_voltage_business"),
                ("account_id", &site),
                ("premise_address", "215 Harbor Road, Huangpu, Shanghai"),
                ("capacity_kw", "50"),
                ("supply_voltage", "v380"),
                ("contact_name", "Chen Jing"),
                ("contact_phone", "02155501234"),
                ("document_ids", &documents),
                ("idempotency_key", "owner-application"),
            ],
        )
        .await
        .ok();
    ids.insert("cancel_case", to_cancel["id"].to_string());
    let complaint = complain(app, &site, "Two bills for one month.", "owner-complaint").await;
    ids.insert("feedback", complaint);
    // The owner starts paying the site; a payment the site received earlier has a receipt.
    let order = app
        .call(
            "pay/start",
            &[
                ("account_id", &site),
                ("bill_id", ""),
                ("amount", "10"),
                ("idempotency_key", "owner-order"),
            ],
        )
        .await
        .ok();
    let reference = order["reference"].as_str().expect("a reference");
    ids.insert("order", reference.to_string());
    ids.insert(
        "payment",
        one_id(
            app,
            "SELECT id FROM payments WHERE service_account_id = $1 ORDER BY id LIMIT 1",
            &[site.parse().expect("an id")],
        )
        .await,
    );
    // A notice for the owner: a crew is sent to a second fault.
    let second = report(
        app,
        &site,
        "voltage",
        "The lights flicker in the cold room.",
        "owner-second-ticket",
    )
    .await;
    // The crew fixes it, so the owner may rate the job.
    let agent = app.signed_in_browser(AGENT).await;
    for (action, crew, eta) in [
        ("dispatch", "Crew 5", "45"),
        ("depart", "", ""),
        ("arrive", "", ""),
        ("restore", "", ""),
        ("close", "", ""),
    ] {
        app.ticket_act(&agent, &second, action, crew, eta)
            .await
            .ok();
    }
    ids.insert("closed_ticket", second);
    // A third fault, to cancel.
    let third = report(
        app,
        &site,
        "partial_loss",
        "One circuit in the office is dead.",
        "owner-third-ticket",
    )
    .await;
    ids.insert("cancel_ticket", third);
    // A second complaint, which staff have answered, for the owner to confirm.
    let answered = complain(
        app,
        &site,
        "The late fee was charged twice.",
        "owner-answered-complaint",
    )
    .await;
    for (action, note) in [
        ("log_contact", "Called Chen Jing."),
        ("reply", "The second fee is refunded on the next bill."),
    ] {
        app.call_with(
            &agent,
            "staff/feedback_act",
            &[
                ("feedback_id", &answered),
                ("action", action),
                ("note", note),
            ],
        )
        .await
        .ok();
    }
    ids.insert("answered_feedback", answered);
    ids.insert(
        "notification",
        one_id(
            app,
            "SELECT id FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT 1",
            &[ops],
        )
        .await,
    );
    // The owner's second session, on another device.
    let phone = app.signed_in_browser(OPS).await;
    let sessions = app.call_with(&phone, "auth/sessions", &[]).await.ok();
    let current = sessions
        .as_array()
        .expect("sessions")
        .iter()
        .find(|s| s["current"] == true)
        .expect("the phone's session");
    ids.insert(
        "owner_session",
        current["id"].as_str().expect("an id").to_string(),
    );
    // The owner's private account, which a relative holds too.
    app.bind_with_code(&owner, SPARE_ACCOUNT).await;
    let kin = app.registered_browser("kin@example.com").await;
    app.bind_with_code(&kin, SPARE_ACCOUNT).await;
    ids.insert("spare", app.account_id(SPARE_ACCOUNT).await.to_string());
    ids.insert("kin", app.user_id("kin@example.com").await.to_string());
    // A binding the owner started for an account that is not theirs.
    let challenge = app
        .call_with(&owner, "accounts/bind_start", &[("account_number", HOME)])
        .await
        .ok();
    ids.insert("challenge", challenge["challenge_id"].to_string());
    // Its text is still waiting to be sent.
    ids.insert(
        "message",
        one_id(
            app,
            "SELECT id FROM outbox WHERE sent_at IS NULL ORDER BY id DESC LIMIT 1",
            &[],
        )
        .await,
    );

    let staff_secret = |email: &str| {
        gridcare::server::seed::DEMO_STAFF_TOTP
            .iter()
            .find(|(e, _)| *e == email)
            .map(|(_, s)| *s)
    };
    let browsers = vec![
        app.other_browser(),
        app.signed_in_browser(RESIDENT).await,
        viewer,
        manager,
        owner,
        agent,
        app.signed_in_browser(SUPERVISOR).await,
    ];
    let member_password = "a long enough passphrase".to_string();
    let logins = vec![
        ("a password".to_string(), None),
        (RESIDENT.1.to_string(), None),
        (member_password.clone(), None),
        (member_password, None),
        (OPS.1.to_string(), None),
        (AGENT.1.to_string(), staff_secret(AGENT.0)),
        (SUPERVISOR.1.to_string(), staff_secret(SUPERVISOR.0)),
    ];
    // Each customer's own uploads for an application.
    let mut documents = vec![String::new(); ROLES.len()];
    for role in 1..5 {
        documents[role] = business_documents(app, &browsers[role]).await;
    }
    World {
        ids,
        browsers,
        logins,
        documents,
    }
}

/// `template` with `{name}` replaced by the party's id and `{n}` by the role's number.
fn fill(template: &str, world: &World, app: &TestApp, role: usize) -> String {
    let mut out = template.replace("{n}", &role.to_string());
    out = out.replace("{own_password}", &world.logins[role].0);
    out = out.replace("{my_documents}", &world.documents[role]);
    if out.contains("{own_code}") {
        // Each code works once: the person waits for the next one.
        let code = world.logins[role]
            .1
            .map(|secret| {
                app.clock.advance(30);
                gridcare::server::mfa::code_at(secret, app.clock_now())
            })
            .unwrap_or_default();
        out = out.replace("{own_code}", &code);
    }
    for (name, id) in &world.ids {
        out = out.replace(&format!("{{{name}}}"), id);
    }
    assert!(!out.contains('{'), "no id for {template}");
    out
}

async fn call(app: &TestApp, world: &World, row: &Entry, role: usize) -> (StatusCode, String) {
    let browser = &world.browsers[role];
    if let Some((method, _)) = row.what.split_once(' ') {
        let url = app.url(&fill(row.path, world, app, role));
        let res = match method {
            "GET" => browser.get(url).send().await,
            "POST" => browser.post(url).body(PDF.to_vec()).send().await,
            other => panic!("no method {other}"),
        };
        let res = res.expect("the server answers");
        let status = res.status();
        let text = res.text().await.unwrap_or_default();
        return (status, text.chars().take(200).collect());
    }
    let args: Vec<(String, String)> = row
        .args
        .iter()
        .map(|(k, v)| (k.to_string(), fill(v, world, app, role)))
        .collect();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let answer = app.call_with(browser, row.what, &args).await;
    (answer.status, answer.text.chars().take(200).collect())
}

/// The file routes under `/api` that are not server functions, as `http.rs` declares them.
fn file_routes_in_router() -> BTreeSet<String> {
    let source = include_str!("../../src/server/http.rs");
    let mut routes = BTreeSet::new();
    for line in source.lines() {
        let line = line.trim();
        // The file routes are `api::pages::FileAddress`'s patterns, named by their constant.
        let Some(rest) = line.strip_prefix(".route(FileAddress::") else {
            continue;
        };
        use gridcare::api::pages::FileAddress;
        let path = match rest.split(',').next().unwrap_or("") {
            "UPLOAD" => FileAddress::UPLOAD,
            "DOCUMENT" => FileAddress::DOCUMENT,
            "ORG_BILLS" => FileAddress::ORG_BILLS,
            "ORG_PAYMENTS" => FileAddress::ORG_PAYMENTS,
            "USAGE" => FileAddress::USAGE,
            "STATEMENT" => FileAddress::STATEMENT,
            other => panic!("a file route this test does not know: {other}"),
        };
        let method = if line.contains(", get(") {
            "GET"
        } else if line.contains(", post(") {
            "POST"
        } else {
            panic!("a file route with another method: {line}")
        };
        routes.insert(format!("{method} {path}"));
    }
    routes
}

#[test]
fn the_table_names_every_server_function_and_file_route_once() {
    let in_table: Vec<&str> = TABLE.iter().map(|r| r.what).collect();
    let unique: BTreeSet<&str> = in_table.iter().copied().collect();
    assert_eq!(unique.len(), in_table.len(), "a row appears twice");
    let mut served: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| {
            path.strip_prefix("/api/")
                .unwrap_or_else(|| panic!("{path} is outside /api"))
                .to_string()
        })
        .collect();
    let files = file_routes_in_router();
    assert_eq!(files.len(), 6, "the router's file routes: {files:?}");
    served.extend(files);
    let listed: BTreeSet<String> = unique.iter().map(|s| s.to_string()).collect();
    let missing: Vec<_> = served.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&served).collect();
    assert!(
        missing.is_empty(),
        "served but not in the access table (write down who may call them): {missing:?}"
    );
    assert!(stale.is_empty(), "in the table but not served: {stale:?}");
    for row in TABLE {
        let cells: Vec<&str> = row.expect.split_whitespace().collect();
        assert_eq!(cells.len(), ROLES.len(), "{}: one cell per role", row.what);
        assert!(
            cells
                .iter()
                .all(|c| ["ok", "401", "403", "404", "422"].contains(c)),
            "{}: {cells:?}",
            row.what
        );
    }
}

#[tokio::test]
async fn every_role_gets_what_the_access_table_says() {
    let app = spawn_app_with_demo().await;
    let world = world(&app).await;
    let mut wrong = Vec::new();
    let mut report = String::new();
    for row in TABLE {
        let expect: Vec<&str> = row.expect.split_whitespace().collect();
        let mut got = vec![String::new(); ROLES.len()];
        let mut statuses = vec![StatusCode::OK; ROLES.len()];
        let mut texts = vec![String::new(); ROLES.len()];
        // The roles that must be refused go first: a refused call must change nothing.
        let mut order: Vec<usize> = (0..ROLES.len()).collect();
        order.sort_by_key(|&r| expect[r] == "ok");
        for role in order {
            let (status, text) = call(&app, &world, row, role).await;
            statuses[role] = status;
            texts[role] = text.clone();
            got[role] = cell(status);
            if got[role] != expect[role] {
                wrong.push(format!(
                    "{} as {}: expected {}, got {} {text}",
                    row.what, ROLES[role], expect[role], status
                ));
            }
        }
        if expect.contains(&"ok")
            && !NO_SUCCESS_EXPECTED.contains(&row.what)
            && !statuses.iter().any(StatusCode::is_success)
        {
            wrong.push(format!("{}: nobody got a 2xx: {texts:?}", row.what));
        }
        report.push_str(&format!("{:<34} {}\n", row.what, got.join(" ")));
    }
    assert!(
        wrong.is_empty(),
        "{} cells differ from the table:\n{}\n\nwhat each role got:\n{report}",
        wrong.len(),
        wrong.join("\n")
    );
    // The owner's second session really ended, and the relative is no longer a holder.
    let holders: i64 =
        sqlx::query("SELECT COUNT(*) FROM account_holders WHERE service_account_id = $1")
            .bind(world.ids["spare"].parse::<i64>().expect("an id"))
            .fetch_one(app.state.store.pool())
            .await
            .expect("holders")
            .get(0);
    assert_eq!(holders, 1);
}
