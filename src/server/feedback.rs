//! Ratings and feedback cases on the server: who may do what, then the rules of
//! `domain::feedback`, then the store.

use crate::api::ApiError;
use crate::api::feedback::{
    DeadlineView, FeedbackDetail, FeedbackEvent, FeedbackSummary, JobRating, RateableJob,
};
use crate::api::pages::Page;
use crate::domain::application::parse_note;
use crate::domain::feedback::{
    ComplaintDeadlines, FeedbackAction, FeedbackKind, FeedbackState, JobKind, RATING_INVITE_DAYS,
    RatingTag, Stars, parse_comment, parse_feedback_text, parse_topic, rating_editable,
};
use crate::domain::notify::{Facts, Kind};
use crate::domain::{Field, FieldError, Problem, RowId, parse_row_id};
use crate::server::request::Request;
use crate::server::store::User;
use crate::server::store::feedback::{
    FeedbackEventRow, FeedbackMove, FeedbackRow, NewFeedback, RatingRow,
};
use crate::server::store::notify::Audience;
use chrono::NaiveDate;

/// A feedback case as it arrives.
pub struct FeedbackForm {
    pub kind: String,
    pub topic: String,
    pub account_id: String,
    pub job_kind: String,
    pub job_id: String,
    pub body: String,
    pub attachment_ids: String,
    pub idempotency_key: String,
}

fn rating_view(r: &RatingRow, now: i64) -> JobRating {
    JobRating {
        job_kind: r.job_kind,
        job_id: r.job_id,
        stars: Stars::from_stored(r.stars).map_or(0, Stars::get),
        tags: RatingTag::parse_list(&r.tags).unwrap_or_default(),
        comment: r.comment.clone(),
        rated_at: r.rated_at,
        editable: rating_editable(r.rated_at, now),
    }
}

fn parse_job(kind: &str, id: &str) -> Result<(JobKind, RowId), FieldError> {
    Ok((JobKind::parse(kind)?, parse_row_id(Field::JobId, id)?))
}

/// A job's rating, to its customer or staff.
pub async fn rating(
    request: &Request,
    user: &User,
    kind: &str,
    id: &str,
) -> Result<Option<JobRating>, ApiError> {
    let (kind, id) = parse_job(kind, id)?;
    let store = &request.state.store;
    let owner = store.job_owner(kind, id).await?.ok_or(ApiError::NotFound)?;
    if owner.customer_id != user.id && !user.role.is_staff() {
        return Err(ApiError::NotFound);
    }
    let now = request.state.clock.unix();
    Ok(store.rating(kind, id).await?.map(|r| rating_view(&r, now)))
}

/// A job's rating as its page shows it (the caller has checked who may read the job).
pub async fn job_rating(
    request: &Request,
    kind: JobKind,
    id: RowId,
) -> Result<Option<JobRating>, ApiError> {
    let now = request.state.clock.unix();
    Ok(request
        .state
        .store
        .rating(kind, id)
        .await?
        .map(|r| rating_view(&r, now)))
}

/// Rates (or, within 7 days, re-rates) a finished job of the person's own.
pub async fn rate(
    request: &Request,
    user: &User,
    kind: &str,
    id: &str,
    stars: &str,
    tags: &str,
    comment: &str,
) -> Result<JobRating, ApiError> {
    let (kind, id) = parse_job(kind, id)?;
    let stars = Stars::parse(stars)?;
    let tags = RatingTag::join(&RatingTag::parse_list(tags)?);
    let comment = parse_comment(comment)?;
    let store = &request.state.store;
    let owner = store.job_owner(kind, id).await?.ok_or(ApiError::NotFound)?;
    // Someone else's job does not exist as far as this person can tell.
    if owner.customer_id != user.id {
        return Err(ApiError::NotFound);
    }
    if !owner.finished {
        return Err(ApiError::NotNow {
            reason: "the job is not finished yet".into(),
        });
    }
    let now = request.state.clock.unix();
    let stars_n = i64::from(stars.get());
    match store.rating(kind, id).await? {
        None => {
            if !store
                .insert_rating(kind, id, &owner, stars_n, &tags, &comment, now)
                .await?
            {
                return Err(ApiError::Conflict);
            }
        }
        Some(existing) if rating_editable(existing.rated_at, now) => {
            store
                .update_rating(kind, id, stars_n, &tags, &comment, now)
                .await?;
        }
        Some(_) => {
            return Err(ApiError::NotNow {
                reason: "a rating can be changed for 7 days only".into(),
            });
        }
    }
    let row = store.rating(kind, id).await?.ok_or(ApiError::Internal)?;
    Ok(rating_view(&row, now))
}

/// The person's jobs finished in the last 30 days without a rating.
pub async fn to_rate(request: &Request, user: &User) -> Result<Vec<RateableJob>, ApiError> {
    let since = request.state.clock.unix() - RATING_INVITE_DAYS * 86_400;
    Ok(request
        .state
        .store
        .jobs_to_rate(user.id, since)
        .await?
        .into_iter()
        .map(|j| RateableJob {
            kind: j.kind,
            id: j.id,
            number: j.number,
            finished_at: j.finished_at,
        })
        .collect())
}

/// How a deadline of round `round` went: met on the first day one of `actions` happened.
fn deadline(
    due: Option<NaiveDate>,
    events: &[FeedbackEventRow],
    round: i64,
    actions: &[&str],
    today: NaiveDate,
) -> Option<DeadlineView> {
    let due = due?;
    let done_on = events
        .iter()
        .filter(|e| e.round == round && actions.contains(&e.action.as_str()))
        .map(|e| e.on_day)
        .min();
    let late = match done_on {
        Some(d) => d > due,
        None => today > due,
    };
    let days_left = (due - today).num_days();
    Some(DeadlineView {
        due,
        done_on,
        late,
        days_left,
    })
}

fn summary(row: &FeedbackRow, events: &[FeedbackEventRow], today: NaiveDate) -> FeedbackSummary {
    FeedbackSummary {
        id: row.id,
        number: row.number.clone(),
        kind: row.kind,
        topic: row.topic.clone(),
        state: row.state,
        received_at: row.received_at,
        round: row.round,
        // Replying also counts as contacting the customer.
        contact: deadline(
            row.contact_by,
            events,
            row.round,
            &["log_contact", "reply"],
            today,
        ),
        reply: deadline(row.reply_by, events, row.round, &["reply"], today),
    }
}

async fn summarise(request: &Request, row: &FeedbackRow) -> Result<FeedbackSummary, ApiError> {
    let events = request.state.store.feedback_events(row.id).await?;
    Ok(summary(row, &events, request.today()))
}

/// Files a case.
pub async fn file(
    request: &Request,
    user: &User,
    form: FeedbackForm,
) -> Result<FeedbackSummary, ApiError> {
    let kind = FeedbackKind::parse(&form.kind)?;
    let topic = parse_topic(&form.topic)?;
    let body = parse_feedback_text(&form.body)?;
    let account = if form.account_id.trim().is_empty() {
        None
    } else {
        Some(parse_row_id(Field::AccountId, &form.account_id)?)
    };
    let job = if form.job_kind.trim().is_empty() && form.job_id.trim().is_empty() {
        None
    } else {
        Some(parse_job(&form.job_kind, &form.job_id)?)
    };
    let attachments: Vec<RowId> = form
        .attachment_ids
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| parse_row_id(Field::Documents, s))
        .collect::<Result<_, _>>()?;
    if attachments.len() > 5 {
        return Err(FieldError::new(Field::Documents, Problem::TooLong { max: 5 }).into());
    }
    let key = crate::domain::input::parse_idempotency_key(&form.idempotency_key)?;
    let store = &request.state.store;
    let mut area_class = "urban".to_string();
    if let Some(account) = account {
        request.may_act_for_account(user, account).await?;
        if let Some(acc) = store.account_summary(account).await? {
            area_class = acc.area_class.as_str().to_string();
        }
    }
    if let Some((kind, id)) = job {
        let owner = store.job_owner(kind, id).await?;
        match owner {
            Some(o) if o.customer_id == user.id => area_class = o.area_class,
            _ => return Err(FieldError::new(Field::JobId, Problem::NotAllowed).into()),
        }
    }
    let today = request.today();
    let deadlines = if kind.has_deadlines() {
        let limits = store.complaint_limits().await?;
        let cal = store.working_calendar().await?;
        Some(ComplaintDeadlines::from(today, &limits, &cal))
    } else {
        None
    };
    let new = NewFeedback {
        customer_id: user.id,
        kind,
        topic,
        service_account_id: account,
        job,
        body: &body,
        area_class: &area_class,
        attachments: &attachments,
        idempotency_key: key,
    };
    let now = request.state.clock.unix();
    let (id, _) = store.create_feedback(&new, deadlines, today, now).await?;
    let row = store.feedback(id).await?.ok_or(ApiError::Internal)?;
    summarise(request, &row).await
}

/// A customer's cases.
pub async fn mine(request: &Request, user: &User) -> Result<Vec<FeedbackSummary>, ApiError> {
    let mut out = Vec::new();
    for row in request.state.store.feedback_of(user.id).await? {
        out.push(summarise(request, &row).await?);
    }
    Ok(out)
}

async fn readable(request: &Request, user: &User, id: RowId) -> Result<FeedbackRow, ApiError> {
    let row = request
        .state
        .store
        .feedback(id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if row.customer_id == user.id {
        Ok(row)
    } else if user.role.is_staff() {
        request
            .staff_read(user, &format!("feedback case {id}"))
            .await?;
        Ok(row)
    } else {
        Err(ApiError::NotFound)
    }
}

/// One case in full.
pub async fn detail(request: &Request, user: &User, id: RowId) -> Result<FeedbackDetail, ApiError> {
    let row = readable(request, user, id).await?;
    let store = &request.state.store;
    let events = store.feedback_events(id).await?;
    let attachments = store.feedback_documents(id).await?;
    let now = request.state.clock.unix();
    let rating = if row.kind == FeedbackKind::Complaint {
        store
            .rating(JobKind::Complaint, id)
            .await?
            .map(|r| rating_view(&r, now))
    } else {
        None
    };
    Ok(FeedbackDetail {
        summary: summary(&row, &events, request.today()),
        body: row.body.clone(),
        reply_text: row.reply.clone(),
        events: events
            .iter()
            .map(|e| FeedbackEvent {
                round: e.round,
                action: e.action.clone(),
                at: e.at,
                by_staff: e.by_staff,
                note: e.note.clone(),
            })
            .collect(),
        attachments: attachments.into_iter().map(Into::into).collect(),
        can_confirm: row.customer_id == user.id && row.state == FeedbackState::Answered,
        rating,
    })
}

/// The customer's confirmation.
pub async fn confirm(
    request: &Request,
    user: &User,
    id: RowId,
    satisfied: &str,
    reason: &str,
) -> Result<FeedbackSummary, ApiError> {
    let satisfied = match satisfied.trim() {
        "true" | "yes" => true,
        "false" | "no" => false,
        "" => return Err(FieldError::new(Field::Satisfied, Problem::Required).into()),
        _ => return Err(FieldError::new(Field::Satisfied, Problem::NotAllowed).into()),
    };
    let reason = parse_note(reason)?;
    if !satisfied && reason.is_empty() {
        return Err(FieldError::new(Field::Note, Problem::Required).into());
    }
    let row = readable(request, user, id).await?;
    if row.customer_id != user.id {
        return Err(ApiError::Forbidden);
    }
    let action = if satisfied {
        FeedbackAction::Satisfied
    } else {
        FeedbackAction::NotSatisfied
    };
    let to = row.state.after(action).ok_or(ApiError::NotNow {
        reason: "the case has no answer to confirm".into(),
    })?;
    let store = &request.state.store;
    let today = request.today();
    let reopened = if action == FeedbackAction::NotSatisfied && row.kind.has_deadlines() {
        let limits = store.complaint_limits().await?;
        let cal = store.working_calendar().await?;
        Some(ComplaintDeadlines::from(today, &limits, &cal))
    } else {
        None
    };
    let mv = FeedbackMove {
        from: row.state,
        to,
        action,
        actor_id: user.id,
        note: &reason,
        today,
        now: request.state.clock.unix(),
        reopened,
    };
    store.move_feedback(id, &mv, &[]).await?;
    let row = store.feedback(id).await?.ok_or(ApiError::Internal)?;
    summarise(request, &row).await
}

/// Cases for staff, nearest reply deadline first.
pub async fn queue(request: &Request) -> Result<Vec<FeedbackSummary>, ApiError> {
    let mut out = Vec::new();
    for row in request.state.store.feedback_queue().await? {
        out.push(summarise(request, &row).await?);
    }
    Ok(out)
}

/// A staff member acts on a case.
pub async fn staff_move(
    request: &Request,
    staff: &User,
    id: RowId,
    action: &str,
    note: &str,
) -> Result<FeedbackSummary, ApiError> {
    let action = FeedbackAction::from_stored(action.trim())
        .filter(|a| a.by_staff())
        .ok_or(FieldError::new(Field::Action, Problem::NotAllowed))?;
    let note = parse_note(note)?;
    if action == FeedbackAction::Reply && note.is_empty() {
        return Err(FieldError::new(Field::Note, Problem::Required).into());
    }
    let store = &request.state.store;
    let row = store.feedback(id).await?.ok_or(ApiError::NotFound)?;
    let to = row.state.after(action).ok_or(ApiError::NotNow {
        reason: "that step does not follow from where the case stands".into(),
    })?;
    let mv = FeedbackMove {
        from: row.state,
        to,
        action,
        actor_id: staff.id,
        note: &note,
        today: request.today(),
        now: request.state.clock.unix(),
        reopened: None,
    };
    let told = match action {
        FeedbackAction::LogContact => Some(Kind::FeedbackContacted),
        FeedbackAction::Reply => Some(Kind::FeedbackAnswered),
        _ => None,
    };
    let facts = Facts {
        number: row.number.clone(),
        ..Facts::default()
    };
    let link = Page::FeedbackCase(id).href();
    let notices: Vec<_> = told
        .map(|kind| {
            request.state.notifier.notice(
                kind,
                Audience::Feedback(id),
                &facts,
                &link,
                format!("feedback:{}:{}:{}", id.0, row.round, action.as_str()),
                mv.now,
            )
        })
        .into_iter()
        .collect();
    store.move_feedback(id, &mv, &notices).await?;
    let row = store.feedback(id).await?.ok_or(ApiError::Internal)?;
    summarise(request, &row).await
}
