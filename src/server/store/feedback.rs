//! Ratings of finished jobs, and feedback cases with their event log.

use super::connections::{DocumentRow, document_from};
use super::{Store, StoreError, col, enum_col, opt_date};
use crate::domain::RowId;
use crate::domain::case_number::{Series, case_number};
use crate::domain::feedback::{
    ComplaintDeadlines, ComplaintLimits, FeedbackAction, FeedbackKind, FeedbackState, JobKind,
};
use chrono::NaiveDate;
use sqlx::Connection;
use sqlx::any::AnyRow;

/// A finished job as a customer sees it in "rate us" lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRow {
    pub kind: JobKind,
    pub id: RowId,
    pub number: String,
    /// When it finished (unix seconds).
    pub finished_at: i64,
}

/// Whose a job is, whether it is finished, and how the figures cut it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobOwner {
    pub customer_id: i64,
    pub finished: bool,
    pub area_class: String,
    pub category: String,
}

/// A stored rating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingRow {
    pub job_kind: JobKind,
    pub job_id: RowId,
    pub customer_id: i64,
    pub stars: i64,
    pub tags: String,
    pub comment: String,
    pub area_class: String,
    pub category: String,
    pub rated_at: i64,
    pub updated_at: i64,
}

/// A stored feedback case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackRow {
    pub id: RowId,
    pub number: String,
    pub customer_id: i64,
    pub kind: FeedbackKind,
    pub topic: String,
    pub service_account_id: Option<RowId>,
    pub job_kind: Option<JobKind>,
    pub job_id: Option<RowId>,
    pub body: String,
    pub state: FeedbackState,
    pub area_class: String,
    pub round: i64,
    pub round_started_on: NaiveDate,
    pub contact_by: Option<NaiveDate>,
    pub reply_by: Option<NaiveDate>,
    pub reply: String,
    pub received_at: i64,
    pub updated_at: i64,
}

/// One entry of a case's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackEventRow {
    pub round: i64,
    pub action: String,
    pub on_day: NaiveDate,
    pub at: i64,
    pub by_staff: bool,
    pub note: String,
}

/// A new case, checked.
#[derive(Debug, Clone)]
pub struct NewFeedback<'a> {
    pub customer_id: i64,
    pub kind: FeedbackKind,
    pub topic: &'a str,
    pub service_account_id: Option<RowId>,
    pub job: Option<(JobKind, RowId)>,
    pub body: &'a str,
    pub area_class: &'a str,
    pub attachments: &'a [RowId],
    pub idempotency_key: &'a str,
}

/// What a move of a case writes besides its state.
#[derive(Debug, Clone)]
pub struct FeedbackMove<'a> {
    pub from: FeedbackState,
    pub to: FeedbackState,
    pub action: FeedbackAction,
    pub actor_id: i64,
    pub note: &'a str,
    pub today: NaiveDate,
    pub now: i64,
    /// Fresh deadlines when the case reopens.
    pub reopened: Option<ComplaintDeadlines>,
}

const FEEDBACK_COLUMNS: &str = "id, case_number, customer_id, kind, topic, service_account_id,
    job_kind, job_id, body, state, area_class, round, round_started_on, contact_by, reply_by,
    reply, received_at, updated_at";

fn feedback_from(row: &AnyRow) -> Result<FeedbackRow, StoreError> {
    let job_kind: Option<String> = col(row, "job_kind")?;
    Ok(FeedbackRow {
        id: RowId(col(row, "id")?),
        number: col::<Option<String>>(row, "case_number")?.unwrap_or_default(),
        customer_id: col(row, "customer_id")?,
        kind: enum_col(row, "kind", FeedbackKind::from_stored)?,
        topic: col(row, "topic")?,
        service_account_id: col::<Option<i64>>(row, "service_account_id")?.map(RowId),
        job_kind: job_kind.as_deref().and_then(JobKind::from_stored),
        job_id: col::<Option<i64>>(row, "job_id")?.map(RowId),
        body: col(row, "body")?,
        state: enum_col(row, "state", FeedbackState::from_stored)?,
        area_class: col(row, "area_class")?,
        round: col(row, "round")?,
        round_started_on: opt_date(row, "round_started_on")?
            .ok_or_else(|| StoreError::Corrupt("round_started_on".into()))?,
        contact_by: opt_date(row, "contact_by")?,
        reply_by: opt_date(row, "reply_by")?,
        reply: col(row, "reply")?,
        received_at: col(row, "received_at")?,
        updated_at: col(row, "updated_at")?,
    })
}

fn rating_from(row: &AnyRow) -> Result<RatingRow, StoreError> {
    Ok(RatingRow {
        job_kind: enum_col(row, "job_kind", JobKind::from_stored)?,
        job_id: RowId(col(row, "job_id")?),
        customer_id: col(row, "customer_id")?,
        stars: col(row, "stars")?,
        tags: col(row, "tags")?,
        comment: col(row, "comment")?,
        area_class: col(row, "area_class")?,
        category: col(row, "category")?,
        rated_at: col(row, "rated_at")?,
        updated_at: col(row, "updated_at")?,
    })
}

const RATING_COLUMNS: &str = "job_kind, job_id, customer_id, stars, tags, comment, area_class,
    category, rated_at, updated_at";

impl Store {
    /// The complaint deadlines, as operators configured them.
    pub async fn complaint_limits(&self) -> Result<ComplaintLimits, StoreError> {
        let rows = sqlx::query(
            "SELECT name, value FROM service_rules
             WHERE name IN ('complaint_contact_working_days', 'complaint_reply_working_days')",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut limits = ComplaintLimits::default();
        for row in &rows {
            let name: String = col(row, "name")?;
            let value = u32::try_from(col::<i64>(row, "value")?)
                .map_err(|e| StoreError::Corrupt(format!("{name}: {e}")))?;
            match name.as_str() {
                "complaint_contact_working_days" => limits.contact_working_days = value,
                _ => limits.reply_working_days = value,
            }
        }
        Ok(limits)
    }

    /// Whose job `kind`/`id` is, and whether it is finished; `None` when there is no such job.
    pub async fn job_owner(
        &self,
        kind: JobKind,
        id: RowId,
    ) -> Result<Option<JobOwner>, StoreError> {
        let sql = match kind {
            JobKind::Repair => {
                "SELECT t.reporter_id AS customer_id, CASE WHEN t.state = 'closed' THEN 1 ELSE 0 END AS finished,
                    t.area_class, sa.customer_category AS category
                 FROM repair_tickets t JOIN service_accounts sa ON sa.id = t.service_account_id
                 WHERE t.id = $1"
            }
            JobKind::Connection => {
                "SELECT c.applicant_id AS customer_id, CASE WHEN c.state = 'completed' THEN 1 ELSE 0 END AS finished,
                    COALESCE(sa.area_class, 'urban') AS area_class, c.category
                 FROM connection_cases c LEFT JOIN service_accounts sa ON sa.id = c.service_account_id
                 WHERE c.id = $1"
            }
            JobKind::Complaint => {
                "SELECT f.customer_id, CASE WHEN f.state IN ('answered', 'closed') THEN 1 ELSE 0 END AS finished,
                    f.area_class, f.topic AS category
                 FROM feedback_cases f WHERE f.id = $1 AND f.kind = 'complaint'"
            }
        };
        let row = sqlx::query(sql)
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok(JobOwner {
                customer_id: col(&r, "customer_id")?,
                finished: col::<i64>(&r, "finished")? == 1,
                area_class: col(&r, "area_class")?,
                category: col(&r, "category")?,
            })
        })
        .transpose()
    }

    /// The rating of a job, if it has one.
    pub async fn rating(&self, kind: JobKind, id: RowId) -> Result<Option<RatingRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {RATING_COLUMNS} FROM ratings WHERE job_kind = $1 AND job_id = $2"
        ))
        .bind(kind.as_str())
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(rating_from).transpose()
    }

    /// Stores a first rating; `false` when the job already has one (rated twice at once).
    #[allow(clippy::too_many_arguments)]
    pub async fn insert_rating(
        &self,
        kind: JobKind,
        id: RowId,
        owner: &JobOwner,
        stars: i64,
        tags: &str,
        comment: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO ratings (job_kind, job_id, customer_id, stars, tags, comment, area_class,
                category, rated_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
             ON CONFLICT (job_kind, job_id) DO NOTHING",
        )
        .bind(kind.as_str())
        .bind(id.0)
        .bind(owner.customer_id)
        .bind(stars)
        .bind(tags)
        .bind(comment)
        .bind(&owner.area_class)
        .bind(&owner.category)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Changes a rating's stars, tags and comment.
    pub async fn update_rating(
        &self,
        kind: JobKind,
        id: RowId,
        stars: i64,
        tags: &str,
        comment: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE ratings SET stars = $1, tags = $2, comment = $3, updated_at = $4
             WHERE job_kind = $5 AND job_id = $6",
        )
        .bind(stars)
        .bind(tags)
        .bind(comment)
        .bind(now)
        .bind(kind.as_str())
        .bind(id.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Jobs of `user_id` finished since `since` (unix seconds) that have no rating yet.
    pub async fn jobs_to_rate(&self, user_id: i64, since: i64) -> Result<Vec<JobRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT 'repair' AS kind, t.id, t.ticket_number AS number, t.updated_at AS finished_at
               FROM repair_tickets t
              WHERE t.reporter_id = $1 AND t.state = 'closed' AND t.updated_at >= $2
                AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.job_kind = 'repair' AND r.job_id = t.id)
             UNION ALL
             SELECT 'connection' AS kind, c.id, c.case_number AS number,
                    (SELECT MAX(e.at) FROM connection_events e WHERE e.case_id = c.id) AS finished_at
               FROM connection_cases c
              WHERE c.applicant_id = $1 AND c.state = 'completed'
                AND (SELECT MAX(e.at) FROM connection_events e WHERE e.case_id = c.id) >= $2
                AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.job_kind = 'connection' AND r.job_id = c.id)
             UNION ALL
             SELECT 'complaint' AS kind, f.id, f.case_number AS number, f.updated_at AS finished_at
               FROM feedback_cases f
              WHERE f.customer_id = $1 AND f.kind = 'complaint' AND f.state IN ('answered', 'closed')
                AND f.updated_at >= $2
                AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.job_kind = 'complaint' AND r.job_id = f.id)
             ORDER BY finished_at DESC",
        )
        .bind(user_id)
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(JobRow {
                    kind: enum_col(r, "kind", JobKind::from_stored)?,
                    id: RowId(col(r, "id")?),
                    number: col::<Option<String>>(r, "number")?.unwrap_or_default(),
                    finished_at: col(r, "finished_at")?,
                })
            })
            .collect()
    }

    /// Every rating given from `from` up to (not including) `to`, unix seconds.
    pub async fn ratings_between(&self, from: i64, to: i64) -> Result<Vec<RatingRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {RATING_COLUMNS} FROM ratings WHERE rated_at >= $1 AND rated_at < $2
             ORDER BY rated_at"
        ))
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(rating_from).collect()
    }

    /// Files a case with its first event and attachments. A repeated idempotency key from the
    /// same customer returns the case already stored: `(id, false)`.
    pub async fn create_feedback(
        &self,
        new: &NewFeedback<'_>,
        deadlines: Option<ComplaintDeadlines>,
        today: NaiveDate,
        now: i64,
    ) -> Result<(RowId, bool), StoreError> {
        if let Some(id) = self
            .feedback_by_key(new.customer_id, new.idempotency_key)
            .await?
        {
            return Ok((id, false));
        }
        let mut conn = self.pool.acquire().await?;
        let mut tx = conn.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO feedback_cases (customer_id, kind, topic, service_account_id, job_kind,
                job_id, body, state, area_class, round, round_started_on, contact_by, reply_by,
                received_at, updated_at, idempotency_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, 1, $9, $10, $11, $12, $12, $13)
             ON CONFLICT (customer_id, idempotency_key) DO NOTHING
             RETURNING id",
        )
        .bind(new.customer_id)
        .bind(new.kind.as_str())
        .bind(new.topic)
        .bind(new.service_account_id.map(|r| r.0))
        .bind(new.job.map(|(k, _)| k.as_str()))
        .bind(new.job.map(|(_, id)| id.0))
        .bind(new.body)
        .bind(new.area_class)
        .bind(today.to_string())
        .bind(deadlines.map(|d| d.contact_by.to_string()))
        .bind(deadlines.map(|d| d.reply_by.to_string()))
        .bind(now)
        .bind(new.idempotency_key)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = inserted else {
            drop(tx);
            let id = self
                .feedback_by_key(new.customer_id, new.idempotency_key)
                .await?;
            return id.map(|id| (id, false)).ok_or(StoreError::Conflict);
        };
        let id: i64 = col(&row, "id")?;
        sqlx::query("UPDATE feedback_cases SET case_number = $1 WHERE id = $2")
            .bind(case_number(
                Series::Feedback,
                chrono::Datelike::year(&today),
                id,
            ))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for doc in new.attachments {
            let owned = sqlx::query(
                "SELECT 1 AS ok FROM documents WHERE id = $1 AND owner_id = $2 AND case_id IS NULL
                 AND NOT EXISTS (SELECT 1 FROM feedback_attachments a WHERE a.document_id = $1)",
            )
            .bind(doc.0)
            .bind(new.customer_id)
            .fetch_optional(&mut *tx)
            .await?;
            if owned.is_none() {
                return Err(StoreError::DocumentUnavailable);
            }
            sqlx::query("INSERT INTO feedback_attachments (case_id, document_id) VALUES ($1, $2)")
                .bind(id)
                .bind(doc.0)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO feedback_events (case_id, round, action, on_day, at, actor_id, by_staff, note)
             VALUES ($1, 1, 'file', $2, $3, $4, 0, '')",
        )
        .bind(id)
        .bind(today.to_string())
        .bind(now)
        .bind(new.customer_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok((RowId(id), true))
    }

    /// The case `customer_id` already filed under an idempotency key, if any.
    pub async fn feedback_by_key(
        &self,
        customer_id: i64,
        key: &str,
    ) -> Result<Option<RowId>, StoreError> {
        self.id_by_key("feedback_cases", "customer_id", customer_id, key)
            .await
    }

    /// One case.
    pub async fn feedback(&self, id: RowId) -> Result<Option<FeedbackRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {FEEDBACK_COLUMNS} FROM feedback_cases WHERE id = $1"
        ))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(feedback_from).transpose()
    }

    /// A customer's cases, newest first.
    pub async fn feedback_of(&self, customer_id: i64) -> Result<Vec<FeedbackRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {FEEDBACK_COLUMNS} FROM feedback_cases WHERE customer_id = $1
             ORDER BY received_at DESC, id DESC"
        ))
        .bind(customer_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(feedback_from).collect()
    }

    /// Cases staff still have to act on, nearest reply deadline first (no deadline last).
    pub async fn feedback_queue(&self) -> Result<Vec<FeedbackRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {FEEDBACK_COLUMNS} FROM feedback_cases WHERE state IN ('open', 'contacted')
             ORDER BY CASE WHEN reply_by IS NULL THEN 1 ELSE 0 END, reply_by, received_at"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(feedback_from).collect()
    }

    /// Every case received before `to` and not closed before `from` (for the figures).
    pub async fn feedback_between(
        &self,
        from: i64,
        to: i64,
    ) -> Result<Vec<FeedbackRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {FEEDBACK_COLUMNS} FROM feedback_cases
             WHERE received_at < $2 AND (state <> 'closed' OR updated_at >= $1)"
        ))
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(feedback_from).collect()
    }

    /// The documents attached to a case, in the order they were uploaded.
    pub async fn feedback_documents(&self, id: RowId) -> Result<Vec<DocumentRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT d.id, d.owner_id, d.case_id, d.kind, d.file_name, d.content_type,
                    d.size_bytes, d.sha256
             FROM feedback_attachments a JOIN documents d ON d.id = a.document_id
             WHERE a.case_id = $1 ORDER BY d.id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(document_from).collect()
    }

    /// True when document `doc` is attached to a feedback case.
    pub async fn is_feedback_attachment(&self, doc: RowId) -> Result<bool, StoreError> {
        let row = sqlx::query("SELECT 1 AS ok FROM feedback_attachments WHERE document_id = $1")
            .bind(doc.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some())
    }

    /// A case's history, oldest first.
    pub async fn feedback_events(&self, id: RowId) -> Result<Vec<FeedbackEventRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT round, action, on_day, at, by_staff, note FROM feedback_events
             WHERE case_id = $1 ORDER BY at, id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FeedbackEventRow {
                    round: col(r, "round")?,
                    action: col(r, "action")?,
                    on_day: opt_date(r, "on_day")?
                        .ok_or_else(|| StoreError::Corrupt("on_day".into()))?,
                    at: col(r, "at")?,
                    by_staff: col::<i64>(r, "by_staff")? != 0,
                    note: col(r, "note")?,
                })
            })
            .collect()
    }

    /// Moves a case, if nobody moved it meanwhile, and records who did it and why. A reply
    /// stores its text; reopening starts a new round with fresh deadlines.
    pub async fn move_feedback(
        &self,
        id: RowId,
        mv: &FeedbackMove<'_>,
        notices: &[super::notify::Notice<'_>],
    ) -> Result<(), StoreError> {
        let now = mv.now;
        let mut conn = self.pool.acquire().await?;
        let mut tx = conn.begin().await?;
        let reopen = mv.reopened.is_some() || mv.action == FeedbackAction::NotSatisfied;
        let done = sqlx::query(
            "UPDATE feedback_cases SET state = $1, updated_at = $2,
                reply = CASE WHEN $3 = 1 THEN $4 ELSE reply END,
                round = CASE WHEN $5 = 1 THEN round + 1 ELSE round END,
                round_started_on = CASE WHEN $5 = 1 THEN $6 ELSE round_started_on END,
                contact_by = CASE WHEN $5 = 1 THEN $7 ELSE contact_by END,
                reply_by = CASE WHEN $5 = 1 THEN $8 ELSE reply_by END
             WHERE id = $9 AND state = $10",
        )
        .bind(mv.to.as_str())
        .bind(mv.now)
        .bind(i64::from(mv.action == FeedbackAction::Reply))
        .bind(mv.note)
        .bind(i64::from(reopen))
        .bind(mv.today.to_string())
        .bind(mv.reopened.map(|d| d.contact_by.to_string()))
        .bind(mv.reopened.map(|d| d.reply_by.to_string()))
        .bind(id.0)
        .bind(mv.from.as_str())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict);
        }
        sqlx::query(
            "INSERT INTO feedback_events (case_id, round, action, on_day, at, actor_id, by_staff, note)
             VALUES ($1, (SELECT round FROM feedback_cases WHERE id = $1), $2, $3, $4, $5, $6, $7)",
        )
        .bind(id.0)
        .bind(mv.action.as_str())
        .bind(mv.today.to_string())
        .bind(mv.now)
        .bind(mv.actor_id)
        .bind(i64::from(mv.action.by_staff()))
        .bind(mv.note)
        .execute(&mut *tx)
        .await?;
        for notice in notices {
            super::notify::queue(&mut tx, notice, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
