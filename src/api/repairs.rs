//! Repair tickets (故障报修) and outage notices (停电信息): report a fault, follow the crew, see
//! outages first; staff dispatch, mark progress, merge into outages, publish notices.

// Reports and notices are forms: their server functions take each field as an argument.
#![allow(clippy::too_many_arguments)]

use crate::api::ApiError;
use crate::domain::RowId;
use crate::domain::repair::{FaultKind, OutageKind, OutagePhase, Promise, TicketState};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A ticket as it appears in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketSummary {
    pub id: RowId,
    /// Such as `BX-2026-000042`.
    pub number: String,
    pub kind: FaultKind,
    pub state: TicketState,
    pub account_number: String,
    pub premise_address: String,
    /// Unix seconds.
    pub reported_at: i64,
    pub arrival: Promise,
    pub restoration: Promise,
    /// The crew sent, once dispatched.
    pub crew: String,
    /// When the crew expects to arrive (unix seconds), once dispatched.
    pub eta_at: Option<i64>,
}

/// One entry of a ticket's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketEvent {
    /// `report`, `dispatch`, `depart`, `arrive`, `restore`, `close`, `merge`, `cancel`.
    pub action: String,
    pub at: i64,
    pub by_staff: bool,
    pub note: String,
}

/// A ticket in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketDetail {
    pub summary: TicketSummary,
    pub description: String,
    pub contact_phone: String,
    pub danger: bool,
    /// The photo sent with the report, if any (download at `/api/documents/{id}`).
    pub photo_id: Option<RowId>,
    /// The outage the ticket was merged into.
    pub outage: Option<OutageNotice>,
    pub events: Vec<TicketEvent>,
    /// True while the customer may still cancel (not yet dispatched).
    pub can_cancel: bool,
    /// The customer's rating, once the ticket is closed and rated.
    pub rating: Option<crate::api::feedback::JobRating>,
    /// The server's clock (unix seconds) when this was read, for the countdowns.
    pub now: i64,
}

/// An outage notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutageNotice {
    pub id: RowId,
    pub kind: OutageKind,
    pub area: String,
    pub starts_at: i64,
    pub expected_end: i64,
    /// When power came back, once staff declared it over.
    pub ended_at: Option<i64>,
    pub reason: String,
    pub published_at: i64,
    pub phase: OutagePhase,
    /// True when one of the signed-in person's premises lies in the area.
    pub mine: bool,
}

/// Reports a fault at one of the person's service accounts. `danger` is `true` or `false`;
/// `photo_id` is an uploaded image or empty; `idempotency_key` makes a retried submit return
/// the ticket the first one created.
#[server(endpoint = "repairs/report", protocol = crate::api::codec::Call)]
pub async fn report_fault(
    account_id: String,
    kind: String,
    description: String,
    contact_phone: String,
    danger: String,
    photo_id: String,
    idempotency_key: String,
) -> Result<TicketSummary, ApiError> {
    let form = crate::server::repairs::ReportForm {
        account_id,
        kind,
        description,
        contact_phone,
        danger,
        photo_id,
        idempotency_key,
    };
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::repairs::report(&request, &user, form).await
}

/// The tickets of the person's service accounts, newest first.
#[server(endpoint = "repairs/mine", protocol = crate::api::codec::Call)]
pub async fn my_tickets() -> Result<Vec<TicketSummary>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::repairs::mine(&request, &user).await
}

/// One ticket in full, if the person may see it.
#[server(endpoint = "repairs/detail", protocol = crate::api::codec::Call)]
pub async fn get_ticket(ticket_id: String) -> Result<TicketDetail, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let id = parse_row_id(Field::TicketId, &ticket_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::repairs::detail(&request, &user, id).await
}

/// Withdraws a report before a crew is dispatched.
#[server(endpoint = "repairs/cancel", protocol = crate::api::codec::Call)]
pub async fn cancel_ticket(ticket_id: String) -> Result<TicketSummary, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let id = parse_row_id(Field::TicketId, &ticket_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::repairs::cancel(&request, &user, id).await
}

/// The outage now covering the premise of `account_id`, if any: shown before a report is sent.
#[server(endpoint = "repairs/outage_at", protocol = crate::api::codec::Call)]
pub async fn outage_at_account(account_id: String) -> Result<Option<OutageNotice>, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let id = parse_row_id(Field::AccountId, &account_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::repairs::outage_at(&request, &user, id).await
}

/// Current and planned outages, readable without signing in; a signed-in customer's own areas
/// come first, marked `mine`.
#[server(endpoint = "outages/list", protocol = crate::api::codec::Call)]
pub async fn list_outages() -> Result<Vec<OutageNotice>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.user().await?;
    crate::server::repairs::outages(&request, user.as_ref()).await
}

/// Staff: open tickets, nearest promise first, missed ones marked by their promises.
#[server(endpoint = "staff/tickets", protocol = crate::api::codec::Call)]
pub async fn ticket_queue() -> Result<Vec<TicketSummary>, ApiError> {
    let request = crate::server::request::current()?;
    request.require_staff().await?;
    crate::server::repairs::queue(&request).await
}

/// Staff: moves a ticket. `action` is `dispatch` (with `crew` and `eta_minutes`), `depart`,
/// `arrive`, `restore`, `close` or `merge` (with `outage_id`); `note` goes into the history.
#[server(endpoint = "staff/ticket_act", protocol = crate::api::codec::Call)]
pub async fn act_on_ticket(
    ticket_id: String,
    action: String,
    crew: String,
    eta_minutes: String,
    outage_id: String,
    note: String,
) -> Result<TicketSummary, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let id = parse_row_id(Field::TicketId, &ticket_id)?;
    let request = crate::server::request::current()?;
    let staff = request.require_staff().await?;
    let form = crate::server::repairs::StaffAction {
        action,
        crew,
        eta_minutes,
        outage_id,
        note,
    };
    crate::server::repairs::staff_move(&request, &staff, id, form).await
}

/// Staff: publishes a notice (`outage_id` empty) or changes one; `ended` is `true` to declare
/// the power back. Times are local (`2026-12-01T09:00`, the utility's zone).
#[server(endpoint = "staff/outage_save", protocol = crate::api::codec::Call)]
pub async fn save_outage(
    outage_id: String,
    kind: String,
    area: String,
    starts_at: String,
    expected_end: String,
    reason: String,
    ended: String,
) -> Result<OutageNotice, ApiError> {
    let request = crate::server::request::current()?;
    let staff = request.require_staff().await?;
    let form = crate::server::repairs::OutageForm {
        outage_id,
        kind,
        area,
        starts_at,
        expected_end,
        reason,
        ended,
    };
    crate::server::repairs::save_outage(&request, &staff, form).await
}
