//! Staff work on connection cases: the queue, and moving a case on.

use crate::api::ApiError;
use crate::api::connections::CaseSummary;
use leptos::prelude::*;

/// Open cases, nearest deadline first; filter by `stage`, `category` (stored names, or empty) and
/// `overdue` (`true` for only those past a deadline).
#[server(endpoint = "staff/queue", protocol = crate::api::codec::Call)]
pub async fn case_queue(
    stage: String,
    category: String,
    overdue: String,
) -> Result<Vec<CaseSummary>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_staff().await?;
    crate::server::connections::queue(&request, &user, &stage, &category, &overdue).await
}

/// Moves a case on: `advance` (finish the current stage), `ask_customer` (pauses the clock) or
/// `reject` (needs a reason in `note`). `for_customer` is `false` for a note only staff see.
#[server(endpoint = "staff/act", protocol = crate::api::codec::Call)]
pub async fn act_on_case(
    case_id: String,
    action: String,
    note: String,
    for_customer: String,
) -> Result<CaseSummary, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let id = parse_row_id(Field::CaseId, &case_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_staff().await?;
    crate::server::connections::staff_move(&request, &user, id, &action, &note, &for_customer).await
}
