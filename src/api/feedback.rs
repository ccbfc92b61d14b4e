//! Rating finished jobs, and feedback cases: complaints with their deadlines, reports,
//! suggestions, praise; the customer's confirmation; the staff queue.

// Filing a case is a form: its server function takes each field as an argument.
#![allow(clippy::too_many_arguments)]

use crate::api::ApiError;
use crate::api::connections::CaseDocument;
use crate::domain::RowId;
use crate::domain::feedback::{FeedbackKind, FeedbackState, JobKind, RatingTag};
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A job's rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobRating {
    pub job_kind: JobKind,
    pub job_id: RowId,
    pub stars: u8,
    pub tags: Vec<RatingTag>,
    pub comment: String,
    pub rated_at: i64,
    /// True during the 7 days after it was first given.
    pub editable: bool,
}

/// A finished job still waiting for its rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateableJob {
    pub kind: JobKind,
    pub id: RowId,
    pub number: String,
    pub finished_at: i64,
}

/// A deadline of a complaint, and how it went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineView {
    #[serde(with = "crate::domain::local_time::day")]
    pub due: NaiveDate,
    /// The day it was met (the contact logged, the reply written), in this round.
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub done_on: Option<NaiveDate>,
    /// True once missed: done late, or not done and past the day.
    pub late: bool,
    /// Days from today to the due day (negative once past), for the countdown.
    pub days_left: i64,
}

/// A feedback case as it appears in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackSummary {
    pub id: RowId,
    /// Such as `TS-2026-000007`.
    pub number: String,
    pub kind: FeedbackKind,
    pub topic: String,
    pub state: FeedbackState,
    pub received_at: i64,
    /// 1, then one more each time the customer reopened it.
    pub round: i64,
    /// Complaints only: contact the customer within 1 working day…
    pub contact: Option<DeadlineView>,
    /// …and reply with a resolution within 4.
    pub reply: Option<DeadlineView>,
}

/// One entry of a case's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackEvent {
    pub round: i64,
    /// `file`, `log_contact`, `reply`, `close`, `satisfied`, `not_satisfied`.
    pub action: String,
    pub at: i64,
    pub by_staff: bool,
    pub note: String,
}

/// A case in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackDetail {
    pub summary: FeedbackSummary,
    pub body: String,
    /// The staff reply of the current round (empty until written).
    pub reply_text: String,
    pub events: Vec<FeedbackEvent>,
    /// What the customer attached when filing it.
    pub attachments: Vec<CaseDocument>,
    /// True when the customer is asked to confirm: satisfied, or not (which reopens it).
    pub can_confirm: bool,
    /// The case's own rating, once an answered complaint has been rated.
    pub rating: Option<JobRating>,
}

/// The rating of job `job_kind`/`job_id` (`repair`, `connection`, `complaint`), if any.
#[server(endpoint = "ratings/get", protocol = crate::api::codec::Call)]
pub async fn get_rating(job_kind: String, job_id: String) -> Result<Option<JobRating>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::feedback::rating(&request, &user, &job_kind, &job_id).await
}

/// Rates a finished job of the person's own: `stars` 1–5, `tags` a comma-separated list
/// (`speed,attitude,explanation,result`), `comment` up to 1000 characters. Rating again within
/// 7 days changes the rating; later it is refused.
#[server(endpoint = "ratings/rate", protocol = crate::api::codec::Call)]
pub async fn rate_job(
    job_kind: String,
    job_id: String,
    stars: String,
    tags: String,
    comment: String,
) -> Result<JobRating, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::feedback::rate(&request, &user, &job_kind, &job_id, &stars, &tags, &comment)
        .await
}

/// The person's jobs finished in the last 30 days that have no rating yet.
#[server(endpoint = "ratings/to_rate", protocol = crate::api::codec::Call)]
pub async fn jobs_to_rate() -> Result<Vec<RateableJob>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::feedback::to_rate(&request, &user).await
}

/// Files a complaint, report, suggestion or praise. `account_id`, `job_kind`/`job_id` and
/// `attachment_ids` (comma-separated uploads) are optional.
#[server(endpoint = "feedback/file", protocol = crate::api::codec::Call)]
pub async fn file_feedback(
    kind: String,
    topic: String,
    account_id: String,
    job_kind: String,
    job_id: String,
    body: String,
    attachment_ids: String,
    idempotency_key: String,
) -> Result<FeedbackSummary, ApiError> {
    let form = crate::server::feedback::FeedbackForm {
        kind,
        topic,
        account_id,
        job_kind,
        job_id,
        body,
        attachment_ids,
        idempotency_key,
    };
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::feedback::file(&request, &user, form).await
}

/// The person's cases, newest first.
#[server(endpoint = "feedback/mine", protocol = crate::api::codec::Call)]
pub async fn my_feedback() -> Result<Vec<FeedbackSummary>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::feedback::mine(&request, &user).await
}

/// One case in full, to its customer and to staff.
#[server(endpoint = "feedback/detail", protocol = crate::api::codec::Call)]
pub async fn get_feedback(feedback_id: String) -> Result<FeedbackDetail, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let id = parse_row_id(Field::FeedbackId, &feedback_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::feedback::detail(&request, &user, id).await
}

/// The customer answers an answered case: `satisfied` `true` closes it; `false` reopens it
/// with fresh deadlines, and `reason` (required then) says why.
#[server(endpoint = "feedback/confirm", protocol = crate::api::codec::Call)]
pub async fn confirm_feedback(
    feedback_id: String,
    satisfied: String,
    reason: String,
) -> Result<FeedbackSummary, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let id = parse_row_id(Field::FeedbackId, &feedback_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::feedback::confirm(&request, &user, id, &satisfied, &reason).await
}

/// Staff: cases still to act on, nearest reply deadline first.
#[server(endpoint = "staff/feedback_queue", protocol = crate::api::codec::Call)]
pub async fn feedback_queue() -> Result<Vec<FeedbackSummary>, ApiError> {
    let request = crate::server::request::current()?;
    request.require_staff().await?;
    crate::server::feedback::queue(&request).await
}

/// Staff: `log_contact` (with a note of the call), `reply` (the resolution, required) or
/// `close`.
#[server(endpoint = "staff/feedback_act", protocol = crate::api::codec::Call)]
pub async fn act_on_feedback(
    feedback_id: String,
    action: String,
    note: String,
) -> Result<FeedbackSummary, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let id = parse_row_id(Field::FeedbackId, &feedback_id)?;
    let request = crate::server::request::current()?;
    let staff = request.require_staff().await?;
    crate::server::feedback::staff_move(&request, &staff, id, &action, &note).await
}
