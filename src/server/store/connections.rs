//! Connection cases, their event log, uploaded documents, and the configured limits and calendar.

use super::{Store, StoreError, col, date_col, enum_col};
use crate::domain::RowId;
use crate::domain::calendar::WorkingCalendar;
use crate::domain::case_number::{Series, case_number};
use crate::domain::connection::{
    ConnectionCase, ConnectionLimits, Move, RequestKind, Stage, SupplyCategory,
};
use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::{Acquire, AnyConnection};

/// A stored case, without its events.
#[derive(Debug, Clone)]
pub struct CaseRow {
    pub id: RowId,
    pub number: String,
    pub applicant_id: i64,
    pub service_account_id: Option<RowId>,
    pub organisation_id: Option<i64>,
    /// The area class of the account's premises (`urban` for new premises, not yet classed).
    pub area_class: String,
    pub kind: RequestKind,
    pub category: SupplyCategory,
    pub premise_address: String,
    pub capacity_centi_kw: i64,
    pub supply_voltage: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub accepted_on: NaiveDate,
    pub state: String,
    pub stage: String,
    pub next_due: Option<NaiveDate>,
    pub created_at: i64,
}

/// One entry of a case's audit trail.
#[derive(Debug, Clone)]
pub struct EventRow {
    pub seq: i64,
    pub mv: Option<Move>,
    pub on_day: NaiveDate,
    pub at: i64,
    pub actor_id: i64,
    pub actor_is_staff: bool,
    pub note: String,
    pub for_customer: bool,
}

/// A stored document's description (not its bytes).
#[derive(Debug, Clone)]
pub struct DocumentRow {
    pub id: RowId,
    pub owner_id: i64,
    pub case_id: Option<RowId>,
    pub kind: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
}

/// A new case to store.
#[derive(Debug, Clone)]
pub struct NewCase<'a> {
    pub applicant_id: i64,
    pub service_account_id: Option<RowId>,
    pub kind: RequestKind,
    pub category: SupplyCategory,
    pub premise_address: &'a str,
    pub capacity_centi_kw: i64,
    pub supply_voltage: &'a str,
    pub contact_name: &'a str,
    pub contact_phone: &'a str,
    pub idempotency_key: &'a str,
    pub document_ids: &'a [RowId],
}

/// The stored name of an event's move (`open` for the first event).
pub fn move_name(mv: Option<Move>) -> &'static str {
    match mv {
        None => "open",
        Some(Move::Advance) => "advance",
        Some(Move::AskCustomer) => "ask_customer",
        Some(Move::CustomerResponded) => "customer_responded",
        Some(Move::Reject) => "reject",
        Some(Move::Cancel) => "cancel",
    }
}

fn move_from(s: &str) -> Option<Option<Move>> {
    Some(match s {
        "open" => None,
        "advance" => Some(Move::Advance),
        "ask_customer" => Some(Move::AskCustomer),
        "customer_responded" => Some(Move::CustomerResponded),
        "reject" => Some(Move::Reject),
        "cancel" => Some(Move::Cancel),
        _ => return None,
    })
}

/// The nearest open deadline of a case as of `today`, for the queue.
pub fn next_due(
    case: &ConnectionCase,
    today: NaiveDate,
    cal: &WorkingCalendar,
) -> Option<NaiveDate> {
    if case.state.is_closed() {
        return None;
    }
    let stage = case.stage_due(case.stages.len() - 1, today, cal);
    let overall = case
        .energised_on()
        .is_none()
        .then(|| case.overall_due(today, cal));
    match (stage, overall) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

const CASE_COLUMNS: &str = "c.id, c.case_number, c.applicant_id, c.service_account_id,
    sa.organisation_id, COALESCE(sa.area_class, 'urban') AS area_class, c.kind, c.category,
    c.premise_address, c.capacity_centi_kw, c.supply_voltage, c.contact_name, c.contact_phone, c.accepted_on, c.state, c.stage,
    c.next_due, c.created_at";
const CASE_FROM: &str =
    "connection_cases c LEFT JOIN service_accounts sa ON sa.id = c.service_account_id";

fn case_from(row: &AnyRow) -> Result<CaseRow, StoreError> {
    let next_due: Option<String> = col(row, "next_due")?;
    Ok(CaseRow {
        id: RowId(col(row, "id")?),
        number: col::<Option<String>>(row, "case_number")?.unwrap_or_default(),
        applicant_id: col(row, "applicant_id")?,
        service_account_id: col::<Option<i64>>(row, "service_account_id")?.map(RowId),
        organisation_id: col(row, "organisation_id")?,
        area_class: col(row, "area_class")?,
        kind: enum_col(row, "kind", RequestKind::from_stored)?,
        category: enum_col(row, "category", SupplyCategory::from_stored)?,
        premise_address: col(row, "premise_address")?,
        capacity_centi_kw: col(row, "capacity_centi_kw")?,
        supply_voltage: col(row, "supply_voltage")?,
        contact_name: col(row, "contact_name")?,
        contact_phone: col(row, "contact_phone")?,
        accepted_on: date_col(row, "accepted_on")?,
        state: col(row, "state")?,
        stage: col(row, "stage")?,
        next_due: next_due
            .map(|s| {
                s.parse()
                    .map_err(|e| StoreError::Corrupt(format!("next_due: {e}")))
            })
            .transpose()?,
        created_at: col(row, "created_at")?,
    })
}

pub(super) fn document_from(row: &AnyRow) -> Result<DocumentRow, StoreError> {
    Ok(DocumentRow {
        id: RowId(col(row, "id")?),
        owner_id: col(row, "owner_id")?,
        case_id: col::<Option<i64>>(row, "case_id")?.map(RowId),
        kind: col(row, "kind")?,
        file_name: col(row, "file_name")?,
        content_type: col(row, "content_type")?,
        size_bytes: col(row, "size_bytes")?,
        sha256: col(row, "sha256")?,
    })
}

/// Filters for the staff queue.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub stage: Option<Stage>,
    pub category: Option<SupplyCategory>,
    /// Only cases whose next deadline is before this day.
    pub due_before: Option<NaiveDate>,
}

/// A document `d` that nothing refers to yet.
const UNATTACHED: &str = "d.case_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM feedback_attachments a WHERE a.document_id = d.id)
    AND NOT EXISTS (SELECT 1 FROM repair_tickets t WHERE t.photo_id = d.id)";

impl Store {
    /// The configured connection time limits (defaults for names not configured).
    pub async fn connection_limits(&self) -> Result<ConnectionLimits, StoreError> {
        let rows = sqlx::query("SELECT name, working_days FROM commitments")
            .fetch_all(&self.pool)
            .await?;
        let mut l = ConnectionLimits::default();
        for r in &rows {
            let name: String = col(r, "name")?;
            let days = col::<i64>(r, "working_days")?.clamp(0, 10_000) as u32;
            let slot = match name.as_str() {
                "residential_total" => &mut l.residential_total,
                "low_voltage_business_total" => &mut l.low_voltage_business_total,
                "high_voltage_single_total" => &mut l.high_voltage_single_total,
                "high_voltage_double_total" => &mut l.high_voltage_double_total,
                "supply_plan_single" => &mut l.supply_plan_single,
                "supply_plan_double" => &mut l.supply_plan_double,
                "design_review" => &mut l.design_review,
                "mid_construction_check" => &mut l.mid_construction_check,
                "completion_inspection" => &mut l.completion_inspection,
                "meter_and_energise" => &mut l.meter_and_energise,
                _ => continue,
            };
            *slot = days;
        }
        Ok(l)
    }

    /// The configured working-day calendar.
    pub async fn working_calendar(&self) -> Result<WorkingCalendar, StoreError> {
        let rows = sqlx::query("SELECT day, kind FROM calendar_days")
            .fetch_all(&self.pool)
            .await?;
        let mut cal = WorkingCalendar::weekdays_only();
        for r in &rows {
            let day = date_col(r, "day")?;
            if col::<String>(r, "kind")? == "workday" {
                cal.workdays.insert(day);
            } else {
                cal.holidays.insert(day);
            }
        }
        Ok(cal)
    }

    /// Stores an uploaded document that belongs to no case yet; returns its id.
    #[allow(clippy::too_many_arguments)]
    pub async fn insert_document(
        &self,
        owner_id: i64,
        kind: &str,
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
        sha256: &str,
        now: i64,
    ) -> Result<RowId, StoreError> {
        let row = sqlx::query(
            "INSERT INTO documents (owner_id, kind, file_name, content_type, size_bytes, sha256,
                content, uploaded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(owner_id)
        .bind(kind)
        .bind(file_name)
        .bind(content_type)
        .bind(bytes.len() as i64)
        .bind(sha256)
        .bind(bytes.to_vec())
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(RowId(col(&row, "id")?))
    }

    /// How many of a person's uploads are not yet part of anything (a case, a feedback case, a
    /// repair ticket).
    pub async fn unattached_documents(&self, owner_id: i64) -> Result<i64, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT COUNT(*) AS n FROM documents d WHERE d.owner_id = $1 AND {UNATTACHED}"
        ))
        .bind(owner_id)
        .fetch_one(&self.pool)
        .await?;
        col(&row, "n")
    }

    /// Deletes uploads that were never sent with a form and are older than `before`.
    pub async fn delete_unattached_documents(&self, before: i64) -> Result<u64, StoreError> {
        Ok(sqlx::query(&format!(
            "DELETE FROM documents WHERE id IN (SELECT d.id FROM documents d
               WHERE d.uploaded_at < $1 AND {UNATTACHED})"
        ))
        .bind(before)
        .execute(&self.pool)
        .await?
        .rows_affected())
    }

    /// A document's description.
    pub async fn document(&self, id: RowId) -> Result<Option<DocumentRow>, StoreError> {
        let row = sqlx::query(
            "SELECT id, owner_id, case_id, kind, file_name, content_type, size_bytes, sha256
             FROM documents WHERE id = $1",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(document_from).transpose()
    }

    /// A document's bytes and type.
    pub async fn document_content(
        &self,
        id: RowId,
    ) -> Result<Option<(String, String, Vec<u8>)>, StoreError> {
        let row =
            sqlx::query("SELECT file_name, content_type, content FROM documents WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|r| {
            Ok((
                col(&r, "file_name")?,
                col(&r, "content_type")?,
                col(&r, "content")?,
            ))
        })
        .transpose()
    }

    /// The documents attached to a case.
    pub async fn case_documents(&self, case: RowId) -> Result<Vec<DocumentRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, owner_id, case_id, kind, file_name, content_type, size_bytes, sha256
             FROM documents WHERE case_id = $1 ORDER BY id",
        )
        .bind(case.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(document_from).collect()
    }

    /// One case.
    pub async fn case(&self, id: RowId) -> Result<Option<CaseRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {CASE_COLUMNS} FROM {CASE_FROM} WHERE c.id = $1"
        ))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(case_from).transpose()
    }

    /// A case's audit trail, oldest first.
    pub async fn case_events(&self, id: RowId) -> Result<Vec<EventRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT e.seq, e.move, e.on_day, e.at, e.actor_id, u.role, e.note, e.for_customer
             FROM connection_events e JOIN users u ON u.id = e.actor_id
             WHERE e.case_id = $1 ORDER BY e.seq",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let mv: String = col(r, "move")?;
                Ok(EventRow {
                    seq: col(r, "seq")?,
                    mv: move_from(&mv)
                        .ok_or_else(|| StoreError::Corrupt(format!("move {mv:?}")))?,
                    on_day: date_col(r, "on_day")?,
                    at: col(r, "at")?,
                    actor_id: col(r, "actor_id")?,
                    actor_is_staff: col::<String>(r, "role")? != "customer",
                    note: col(r, "note")?,
                    for_customer: col::<i64>(r, "for_customer")? != 0,
                })
            })
            .collect()
    }

    /// Cases `user_id` applied for, or that concern their organisations' sites; newest first.
    pub async fn cases_visible_to(&self, user_id: i64) -> Result<Vec<CaseRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {CASE_COLUMNS} FROM {CASE_FROM}
             WHERE c.applicant_id = $1
                OR EXISTS (SELECT 1 FROM organisation_members m
                           WHERE m.organisation_id = sa.organisation_id AND m.user_id = $1)
             ORDER BY c.created_at DESC, c.id DESC"
        ))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(case_from).collect()
    }

    /// The open cases of `organisation`'s sites, nearest deadline first.
    pub async fn open_cases_of(&self, organisation: RowId) -> Result<Vec<CaseRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {CASE_COLUMNS} FROM {CASE_FROM}
             WHERE sa.organisation_id = $1 AND c.state IN ('in_progress', 'waiting_on_customer')
             ORDER BY c.next_due, c.id"
        ))
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(case_from).collect()
    }

    /// Cases accepted on `from..=to` (for the supervisor's figures).
    pub async fn cases_accepted_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<CaseRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {CASE_COLUMNS} FROM {CASE_FROM}
             WHERE c.accepted_on >= $1 AND c.accepted_on <= $2 ORDER BY c.id"
        ))
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(case_from).collect()
    }

    /// Open cases for staff, nearest deadline first.
    pub async fn case_queue(&self, filter: &QueueFilter) -> Result<Vec<CaseRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {CASE_COLUMNS} FROM {CASE_FROM}
             WHERE c.state IN ('in_progress', 'waiting_on_customer')
               AND ($1 = '' OR c.stage = $1)
               AND ($2 = '' OR c.category = $2)
               AND ($3 = '' OR c.next_due < $3)
             ORDER BY c.next_due, c.id"
        ))
        .bind(filter.stage.map_or("", Stage::as_str))
        .bind(filter.category.map_or("", SupplyCategory::as_str))
        .bind(filter.due_before.map(|d| d.to_string()).unwrap_or_default())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(case_from).collect()
    }

    /// Stores a new case with its opening event and documents. A repeated idempotency key from
    /// the same applicant returns the case already stored: `(id, false)`.
    pub async fn create_case(
        &self,
        new: &NewCase<'_>,
        case: &ConnectionCase,
        next_due: Option<NaiveDate>,
        now: i64,
    ) -> Result<(RowId, bool), StoreError> {
        if let Some(id) = self
            .case_by_key(new.applicant_id, new.idempotency_key)
            .await?
        {
            return Ok((id, false));
        }
        let mut conn = self.pool.acquire().await?;
        let mut tx = conn.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO connection_cases (applicant_id, service_account_id, kind, category,
                premise_address, capacity_centi_kw, supply_voltage, contact_name, contact_phone,
                accepted_on, idempotency_key, state, stage, next_due, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
             ON CONFLICT (applicant_id, idempotency_key) DO NOTHING
             RETURNING id",
        )
        .bind(new.applicant_id)
        .bind(new.service_account_id.map(|r| r.0))
        .bind(new.kind.as_str())
        .bind(new.category.as_str())
        .bind(new.premise_address)
        .bind(new.capacity_centi_kw)
        .bind(new.supply_voltage)
        .bind(new.contact_name)
        .bind(new.contact_phone)
        .bind(case.accepted_on.to_string())
        .bind(new.idempotency_key)
        .bind(case.state.as_str())
        .bind(case.current().stage.as_str())
        .bind(next_due.map(|d| d.to_string()))
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = inserted else {
            // The same submit raced us here and won.
            drop(tx);
            let id = self
                .case_by_key(new.applicant_id, new.idempotency_key)
                .await?;
            return id.map(|id| (id, false)).ok_or(StoreError::Conflict);
        };
        let id: i64 = col(&row, "id")?;
        let year = chrono::Datelike::year(&case.accepted_on);
        sqlx::query("UPDATE connection_cases SET case_number = $1 WHERE id = $2")
            .bind(case_number(Series::Connection, year, id))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        insert_event(
            &mut tx,
            RowId(id),
            1,
            None,
            case.accepted_on,
            now,
            new.applicant_id,
            "",
            true,
        )
        .await?;
        attach_documents(&mut tx, RowId(id), new.applicant_id, new.document_ids).await?;
        tx.commit().await?;
        Ok((RowId(id), true))
    }

    /// The case `applicant_id` already filed under an idempotency key, if any.
    pub async fn case_by_key(
        &self,
        applicant_id: i64,
        key: &str,
    ) -> Result<Option<RowId>, StoreError> {
        self.id_by_key("connection_cases", "applicant_id", applicant_id, key)
            .await
    }

    /// Appends event number `seq` to a case and stores its new derived state, attaching any
    /// documents the customer sent with it. `Conflict` when another event took that number.
    #[allow(clippy::too_many_arguments)]
    pub async fn append_case_event(
        &self,
        id: RowId,
        seq: i64,
        mv: Move,
        case: &ConnectionCase,
        next_due: Option<NaiveDate>,
        on_day: NaiveDate,
        now: i64,
        actor_id: i64,
        note: &str,
        for_customer: bool,
        documents: &[RowId],
        notices: &[super::notify::Notice<'_>],
    ) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await?;
        let mut tx = conn.begin().await?;
        insert_event(
            &mut tx,
            id,
            seq,
            Some(mv),
            on_day,
            now,
            actor_id,
            note,
            for_customer,
        )
        .await?;
        sqlx::query(
            "UPDATE connection_cases SET state = $1, stage = $2, next_due = $3 WHERE id = $4",
        )
        .bind(case.state.as_str())
        .bind(case.current().stage.as_str())
        .bind(next_due.map(|d| d.to_string()))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        attach_documents(&mut tx, id, actor_id, documents).await?;
        for notice in notices {
            super::notify::queue(&mut tx, notice, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

#[allow(clippy::too_many_arguments)]
async fn insert_event(
    conn: &mut AnyConnection,
    case: RowId,
    seq: i64,
    mv: Option<Move>,
    on_day: NaiveDate,
    at: i64,
    actor_id: i64,
    note: &str,
    for_customer: bool,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "INSERT INTO connection_events (case_id, seq, move, on_day, at, actor_id, note, for_customer)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (case_id, seq) DO NOTHING",
    )
    .bind(case.0)
    .bind(seq)
    .bind(move_name(mv))
    .bind(on_day.to_string())
    .bind(at)
    .bind(actor_id)
    .bind(note)
    .bind(i64::from(for_customer))
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Conflict);
    }
    Ok(())
}

/// Attaches the owner's unattached documents to a case; all or none.
async fn attach_documents(
    conn: &mut AnyConnection,
    case: RowId,
    owner_id: i64,
    documents: &[RowId],
) -> Result<(), StoreError> {
    for doc in documents {
        let done = sqlx::query(
            "UPDATE documents SET case_id = $1 WHERE id = $2 AND owner_id = $3 AND case_id IS NULL",
        )
        .bind(case.0)
        .bind(doc.0)
        .bind(owner_id)
        .execute(&mut *conn)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::DocumentUnavailable);
        }
    }
    Ok(())
}

/// Rebuilds a case's stage machine from its trail.
pub fn replay(
    row: &CaseRow,
    events: &[EventRow],
    limits: &ConnectionLimits,
    cal: &WorkingCalendar,
) -> Result<ConnectionCase, StoreError> {
    let mut case = ConnectionCase::open(row.category, row.accepted_on, limits);
    for e in events {
        if let Some(mv) = e.mv {
            case.apply(mv, e.on_day, cal).map_err(|err| {
                StoreError::Corrupt(format!("case {} event {}: {err}", row.id, e.seq))
            })?;
        }
    }
    Ok(case)
}
