//! New connections (业扩报装): apply, follow each stage against its limit, answer requests, cancel.

// The application is one form: its server function takes each field as an argument.
#![allow(clippy::too_many_arguments)]

use crate::api::ApiError;
use crate::domain::RowId;
use crate::domain::connection::{RequestKind, Stage, SupplyCategory};
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A case as it appears in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: RowId,
    /// Such as `YK-2026-000123`.
    pub number: String,
    pub kind: RequestKind,
    pub category: SupplyCategory,
    pub premise_address: String,
    /// `in_progress`, `waiting_on_customer`, `completed`, `rejected` or `cancelled`.
    pub state: String,
    pub stage: Stage,
    /// The nearest open deadline.
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub next_due: Option<NaiveDate>,
    /// True when a deadline has passed (or, once closed, was missed).
    pub late: bool,
}

/// One stage on a case's timeline: its limit, when it is due, when it was done, and whether on time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineStage {
    pub stage: Stage,
    /// The stage's own limit in working days, if it has one.
    pub limit_days: Option<u32>,
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub started_on: Option<NaiveDate>,
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub due_on: Option<NaiveDate>,
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub done_on: Option<NaiveDate>,
    /// `None` while running, for stages without a limit, and for stages not reached.
    pub on_time: Option<bool>,
}

/// One entry of a case's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEvent {
    /// `open`, `advance`, `ask_customer`, `customer_responded`, `reject`, `cancel`.
    pub action: String,
    #[serde(with = "crate::domain::local_time::day")]
    pub on_day: NaiveDate,
    /// Unix seconds.
    pub at: i64,
    /// True when staff did it.
    pub by_staff: bool,
    pub note: String,
    /// False for notes only staff see.
    pub for_customer: bool,
}

/// A document attached to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDocument {
    pub id: RowId,
    pub kind: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
}

/// A case in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDetail {
    pub summary: CaseSummary,
    pub capacity_centi_kw: i64,
    pub supply_voltage: String,
    pub contact_name: String,
    pub contact_phone: String,
    #[serde(with = "crate::domain::local_time::day")]
    pub accepted_on: NaiveDate,
    pub timeline: Vec<TimelineStage>,
    /// The limit for the utility's stages together, and when they are due.
    pub total_limit_days: u32,
    #[serde(with = "crate::domain::local_time::day")]
    pub overall_due: NaiveDate,
    /// Working days the utility has used, time waiting on the customer excluded.
    pub utility_days_used: u32,
    /// What the utility waits for from the customer, if it waits.
    pub waiting_for: Option<String>,
    pub events: Vec<CaseEvent>,
    pub documents: Vec<CaseDocument>,
    /// Document kinds the case still needs (stored names).
    pub documents_outstanding: Vec<String>,
    /// True while the customer may still cancel (no work started).
    pub can_cancel: bool,
    /// The customer's rating, once the case is completed and rated.
    pub rating: Option<crate::api::feedback::JobRating>,
}

/// Applies for a connection (or a change). `document_ids` is a comma-separated list of uploaded
/// documents; `idempotency_key` makes a repeated submit return the case already created.
#[server(endpoint = "connections/apply", protocol = crate::api::codec::Call)]
pub async fn apply_for_connection(
    kind: String,
    category: String,
    account_id: String,
    premise_address: String,
    capacity_kw: String,
    supply_voltage: String,
    contact_name: String,
    contact_phone: String,
    document_ids: String,
    idempotency_key: String,
) -> Result<CaseSummary, ApiError> {
    let form = crate::server::connections::ApplicationForm {
        kind,
        category,
        account_id,
        premise_address,
        capacity_kw,
        supply_voltage,
        contact_name,
        contact_phone,
        document_ids,
        idempotency_key,
    };
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::connections::apply(&request, &user, form).await
}

/// The cases the signed-in person may see, newest first.
#[server(endpoint = "connections/mine", protocol = crate::api::codec::Call)]
pub async fn my_cases() -> Result<Vec<CaseSummary>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::connections::mine(&request, &user).await
}

/// One case in full, if the signed-in person may see it.
#[server(endpoint = "connections/detail", protocol = crate::api::codec::Call)]
pub async fn get_case(case_id: String) -> Result<CaseDetail, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let id = parse_row_id(Field::CaseId, &case_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::connections::detail(&request, &user, id).await
}

/// Withdraws a case before work has started.
#[server(endpoint = "connections/cancel", protocol = crate::api::codec::Call)]
pub async fn cancel_case(case_id: String) -> Result<CaseSummary, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let id = parse_row_id(Field::CaseId, &case_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::connections::customer_move(&request, &user, id, "", "").await
}

/// Answers the utility's request (with the documents it asked for); the clock runs again.
#[server(endpoint = "connections/respond", protocol = crate::api::codec::Call)]
pub async fn respond_to_request(
    case_id: String,
    document_ids: String,
    note: String,
) -> Result<CaseSummary, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let id = parse_row_id(Field::CaseId, &case_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::connections::customer_move(&request, &user, id, &document_ids, &note).await
}
