//! Repair tickets, their event log, and outage notices.

use super::accounts::VISIBLE_TO_USER;
use super::notify::Notice;
use super::{Store, StoreError, col, enum_col};
use crate::domain::RowId;
use crate::domain::account::AreaClass;
use crate::domain::case_number::{Series, case_number};
use crate::domain::repair::{
    FaultKind, OutageDraft, OutageKind, RepairLimits, TicketAction, TicketState, TicketTimes,
};
use sqlx::Connection;
use sqlx::any::AnyRow;

/// A ticket as stored, with the account it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketRow {
    pub id: RowId,
    pub number: String,
    pub reporter_id: i64,
    pub service_account_id: RowId,
    pub account_number: String,
    pub premise_address: String,
    pub supply_area: String,
    /// The account's customer category (`residential`, …), for the supervisor's figures.
    pub customer_category: String,
    pub kind: FaultKind,
    pub description: String,
    pub contact_phone: String,
    pub danger: bool,
    pub photo_id: Option<RowId>,
    pub area_class: AreaClass,
    pub state: TicketState,
    pub reported_at: i64,
    pub arrival_due_at: i64,
    pub arrived_at: Option<i64>,
    pub restored_at: Option<i64>,
    pub crew: String,
    pub eta_at: Option<i64>,
    pub outage_id: Option<RowId>,
    pub updated_at: i64,
}

impl TicketRow {
    /// The times the ticket's promises are judged by.
    pub fn times(&self) -> TicketTimes {
        TicketTimes {
            area: self.area_class,
            state: self.state,
            reported_at: self.reported_at,
            arrived_at: self.arrived_at,
            restored_at: self.restored_at,
        }
    }
}

/// One entry of a ticket's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketEventRow {
    pub action: String,
    pub at: i64,
    pub by_staff: bool,
    pub note: String,
}

/// An outage notice as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutageRow {
    pub id: RowId,
    pub kind: OutageKind,
    pub area: String,
    pub starts_at: i64,
    pub expected_end: i64,
    pub ended_at: Option<i64>,
    pub reason: String,
    pub published_at: i64,
    pub updated_at: i64,
}

/// A new report, checked.
#[derive(Debug, Clone)]
pub struct NewTicket<'a> {
    pub reporter_id: i64,
    pub service_account_id: RowId,
    pub kind: FaultKind,
    pub description: &'a str,
    pub contact_phone: &'a str,
    pub danger: bool,
    pub photo_id: Option<RowId>,
    pub area_class: AreaClass,
    pub idempotency_key: &'a str,
}

/// What a move writes besides the new state.
#[derive(Debug, Clone, Default)]
pub struct TicketChange<'a> {
    pub crew: Option<&'a str>,
    pub eta_at: Option<i64>,
    pub outage_id: Option<RowId>,
    pub note: &'a str,
}

const TICKET_COLUMNS: &str = "t.id, t.ticket_number, t.reporter_id, t.service_account_id,
    sa.account_number, sa.premise_address, sa.supply_area, sa.customer_category, t.kind,
    t.description,
    t.contact_phone, t.danger, t.photo_id, t.area_class, t.state, t.reported_at,
    t.arrival_due_at, t.arrived_at, t.restored_at, t.crew, t.eta_at, t.outage_id, t.updated_at";
const TICKET_FROM: &str =
    "repair_tickets t JOIN service_accounts sa ON sa.id = t.service_account_id";

fn ticket_from(row: &AnyRow) -> Result<TicketRow, StoreError> {
    Ok(TicketRow {
        id: RowId(col(row, "id")?),
        number: col::<Option<String>>(row, "ticket_number")?.unwrap_or_default(),
        reporter_id: col(row, "reporter_id")?,
        service_account_id: RowId(col(row, "service_account_id")?),
        account_number: col(row, "account_number")?,
        premise_address: col(row, "premise_address")?,
        supply_area: col(row, "supply_area")?,
        customer_category: col(row, "customer_category")?,
        kind: enum_col(row, "kind", FaultKind::from_stored)?,
        description: col(row, "description")?,
        contact_phone: col(row, "contact_phone")?,
        danger: col::<i64>(row, "danger")? != 0,
        photo_id: col::<Option<i64>>(row, "photo_id")?.map(RowId),
        area_class: enum_col(row, "area_class", AreaClass::from_stored)?,
        state: enum_col(row, "state", TicketState::from_stored)?,
        reported_at: col(row, "reported_at")?,
        arrival_due_at: col(row, "arrival_due_at")?,
        arrived_at: col(row, "arrived_at")?,
        restored_at: col(row, "restored_at")?,
        crew: col(row, "crew")?,
        eta_at: col(row, "eta_at")?,
        outage_id: col::<Option<i64>>(row, "outage_id")?.map(RowId),
        updated_at: col(row, "updated_at")?,
    })
}

const OUTAGE_COLUMNS: &str =
    "id, kind, area, starts_at, expected_end, ended_at, reason, published_at, updated_at";

fn outage_from(row: &AnyRow) -> Result<OutageRow, StoreError> {
    Ok(OutageRow {
        id: RowId(col(row, "id")?),
        kind: enum_col(row, "kind", OutageKind::from_stored)?,
        area: col(row, "area")?,
        starts_at: col(row, "starts_at")?,
        expected_end: col(row, "expected_end")?,
        ended_at: col(row, "ended_at")?,
        reason: col(row, "reason")?,
        published_at: col(row, "published_at")?,
        updated_at: col(row, "updated_at")?,
    })
}

impl Store {
    /// The committed repair times, as operators configured them.
    pub async fn repair_limits(&self) -> Result<RepairLimits, StoreError> {
        let rows = sqlx::query(
            "SELECT area_class, arrival_minutes, restoration_minutes FROM repair_limits",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut limits = RepairLimits::default();
        for row in &rows {
            let area = enum_col(row, "area_class", AreaClass::from_stored)?;
            let arrival = u32::try_from(col::<i64>(row, "arrival_minutes")?)
                .map_err(|e| StoreError::Corrupt(format!("arrival_minutes: {e}")))?;
            let restoration = u32::try_from(col::<i64>(row, "restoration_minutes")?)
                .map_err(|e| StoreError::Corrupt(format!("restoration_minutes: {e}")))?;
            match area {
                AreaClass::Urban => {
                    limits.arrival_urban = arrival;
                    limits.restoration_urban = restoration;
                }
                AreaClass::Rural => {
                    limits.arrival_rural = arrival;
                    limits.restoration_rural = restoration;
                }
                AreaClass::Remote => {
                    limits.arrival_remote = arrival;
                    limits.restoration_remote = restoration;
                }
            }
        }
        Ok(limits)
    }

    /// Days of notice a planned outage needs (configured; 7 by default).
    pub async fn planned_notice_days(&self) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "SELECT value FROM service_rules WHERE name = 'planned_outage_notice_days'",
        )
        .fetch_optional(&self.pool)
        .await?;
        row.map_or(Ok(crate::domain::repair::PLANNED_NOTICE_DAYS), |r| {
            col(&r, "value")
        })
    }

    /// Stores a report with its first event. A repeated idempotency key from the same reporter
    /// returns the ticket already stored: `(id, false)`.
    pub async fn create_ticket(
        &self,
        new: &NewTicket<'_>,
        limits: &RepairLimits,
        year: i32,
        now: i64,
    ) -> Result<(RowId, bool), StoreError> {
        if let Some(id) = self
            .ticket_by_key(new.reporter_id, new.idempotency_key)
            .await?
        {
            return Ok((id, false));
        }
        let times = TicketTimes {
            area: new.area_class,
            state: TicketState::Reported,
            reported_at: now,
            arrived_at: None,
            restored_at: None,
        };
        let mut conn = self.pool.acquire().await?;
        let mut tx = conn.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO repair_tickets (reporter_id, service_account_id, kind, description,
                contact_phone, danger, photo_id, area_class, state, reported_at, arrival_due_at,
                updated_at, idempotency_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
             ON CONFLICT (reporter_id, idempotency_key) DO NOTHING
             RETURNING id",
        )
        .bind(new.reporter_id)
        .bind(new.service_account_id.0)
        .bind(new.kind.as_str())
        .bind(new.description)
        .bind(new.contact_phone)
        .bind(i64::from(new.danger))
        .bind(new.photo_id.map(|r| r.0))
        .bind(new.area_class.as_str())
        .bind(TicketState::Reported.as_str())
        .bind(now)
        .bind(times.arrival_due(limits))
        .bind(now)
        .bind(new.idempotency_key)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = inserted else {
            drop(tx);
            let id = self
                .ticket_by_key(new.reporter_id, new.idempotency_key)
                .await?;
            return id.map(|id| (id, false)).ok_or(StoreError::Conflict);
        };
        let id: i64 = col(&row, "id")?;
        sqlx::query("UPDATE repair_tickets SET ticket_number = $1 WHERE id = $2")
            .bind(case_number(Series::Repair, year, id))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if let Some(photo) = new.photo_id {
            sqlx::query("UPDATE documents SET kind = 'photo' WHERE id = $1 AND owner_id = $2")
                .bind(photo.0)
                .bind(new.reporter_id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO repair_events (ticket_id, action, at, actor_id, by_staff, note)
             VALUES ($1, 'report', $2, $3, 0, '')",
        )
        .bind(id)
        .bind(now)
        .bind(new.reporter_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok((RowId(id), true))
    }

    /// The ticket `reporter_id` already filed under an idempotency key, if any.
    pub async fn ticket_by_key(
        &self,
        reporter_id: i64,
        key: &str,
    ) -> Result<Option<RowId>, StoreError> {
        self.id_by_key("repair_tickets", "reporter_id", reporter_id, key)
            .await
    }

    /// One ticket.
    pub async fn ticket(&self, id: RowId) -> Result<Option<TicketRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {TICKET_COLUMNS} FROM {TICKET_FROM} WHERE t.id = $1"
        ))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(ticket_from).transpose()
    }

    /// A ticket's history, oldest first.
    pub async fn ticket_events(&self, id: RowId) -> Result<Vec<TicketEventRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT action, at, by_staff, note FROM repair_events WHERE ticket_id = $1
             ORDER BY at, id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(TicketEventRow {
                    action: col(r, "action")?,
                    at: col(r, "at")?,
                    by_staff: col::<i64>(r, "by_staff")? != 0,
                    note: col(r, "note")?,
                })
            })
            .collect()
    }

    /// Tickets of the service accounts `user_id` may see, newest first.
    pub async fn tickets_visible_to(&self, user_id: i64) -> Result<Vec<TicketRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {TICKET_COLUMNS} FROM {TICKET_FROM} WHERE {VISIBLE_TO_USER}
             ORDER BY t.reported_at DESC, t.id DESC"
        ))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(ticket_from).collect()
    }

    /// Tickets reported from `from` up to (not including) `to`, unix seconds.
    pub async fn tickets_between(&self, from: i64, to: i64) -> Result<Vec<TicketRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {TICKET_COLUMNS} FROM {TICKET_FROM}
             WHERE t.reported_at >= $1 AND t.reported_at < $2 ORDER BY t.reported_at"
        ))
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(ticket_from).collect()
    }

    /// The open tickets of `organisation`'s sites.
    pub async fn open_tickets_of(&self, organisation: RowId) -> Result<Vec<TicketRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {TICKET_COLUMNS} FROM {TICKET_FROM}
             WHERE sa.organisation_id = $1 AND t.state NOT IN ('closed', 'merged', 'cancelled')
             ORDER BY t.arrival_due_at, t.id"
        ))
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(ticket_from).collect()
    }

    /// Every open ticket (the caller sorts by the nearest promise).
    pub async fn open_tickets(&self) -> Result<Vec<TicketRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {TICKET_COLUMNS} FROM {TICKET_FROM}
             WHERE t.state NOT IN ('closed', 'merged', 'cancelled')
             ORDER BY t.arrival_due_at, t.id"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(ticket_from).collect()
    }

    /// Moves a ticket from `from` by `action`, if nobody moved it meanwhile, and records who did
    /// it and why. The times of arrival and restoration are written as they happen.
    #[allow(clippy::too_many_arguments)]
    pub async fn move_ticket(
        &self,
        id: RowId,
        from: TicketState,
        to: TicketState,
        action: TicketAction,
        change: &TicketChange<'_>,
        actor_id: i64,
        by_staff: bool,
        now: i64,
        notices: &[Notice<'_>],
    ) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await?;
        let mut tx = conn.begin().await?;
        let done = sqlx::query(
            "UPDATE repair_tickets SET state = $1, updated_at = $2,
                crew = COALESCE($3, crew),
                eta_at = COALESCE($4, eta_at),
                outage_id = COALESCE($5, outage_id),
                arrived_at = CASE WHEN $6 = 1 THEN $2 ELSE arrived_at END,
                restored_at = CASE WHEN $7 = 1 THEN $2 ELSE restored_at END
             WHERE id = $8 AND state = $9",
        )
        .bind(to.as_str())
        .bind(now)
        .bind(change.crew)
        .bind(change.eta_at)
        .bind(change.outage_id.map(|r| r.0))
        .bind(i64::from(action == TicketAction::Arrive))
        .bind(i64::from(action == TicketAction::Restore))
        .bind(id.0)
        .bind(from.as_str())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict);
        }
        sqlx::query(
            "INSERT INTO repair_events (ticket_id, action, at, actor_id, by_staff, note)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id.0)
        .bind(action.as_str())
        .bind(now)
        .bind(actor_id)
        .bind(i64::from(by_staff))
        .bind(change.note)
        .execute(&mut *tx)
        .await?;
        for notice in notices {
            super::notify::queue(&mut tx, notice, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The supply area an account's premise hangs off (empty when unknown).
    pub async fn supply_area(&self, account: RowId) -> Result<String, StoreError> {
        let row = sqlx::query("SELECT supply_area FROM service_accounts WHERE id = $1")
            .bind(account.0)
            .fetch_optional(&self.pool)
            .await?;
        row.map_or(Ok(String::new()), |r| col(&r, "supply_area"))
    }

    /// The supply areas of every account `user_id` may see.
    pub async fn supply_areas_of(&self, user_id: i64) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT DISTINCT sa.supply_area FROM service_accounts sa
             WHERE {VISIBLE_TO_USER} AND sa.supply_area <> ''"
        ))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| col(r, "supply_area")).collect()
    }

    /// Notices not yet over at `now`: current ones first, then upcoming by start.
    pub async fn outages_not_over(&self, now: i64) -> Result<Vec<OutageRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {OUTAGE_COLUMNS} FROM outages
             WHERE ended_at IS NULL OR ended_at > $1
             ORDER BY starts_at, id"
        ))
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(outage_from).collect()
    }

    /// One notice.
    pub async fn outage(&self, id: RowId) -> Result<Option<OutageRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {OUTAGE_COLUMNS} FROM outages WHERE id = $1"
        ))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(outage_from).transpose()
    }

    /// Publishes a checked notice.
    pub async fn create_outage<'a>(
        &self,
        draft: &OutageDraft,
        actor_id: i64,
        now: i64,
        notices: impl FnOnce(RowId) -> Vec<Notice<'a>>,
    ) -> Result<RowId, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let mut tx = conn.begin().await?;
        let row = sqlx::query(
            "INSERT INTO outages (kind, area, starts_at, expected_end, reason, published_at,
                created_by, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $6) RETURNING id",
        )
        .bind(draft.kind.as_str())
        .bind(draft.area.trim())
        .bind(draft.starts_at)
        .bind(draft.expected_end)
        .bind(draft.reason.trim())
        .bind(now)
        .bind(actor_id)
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = col(&row, "id")?;
        outage_event(&mut tx, id, "publish", now, actor_id, "").await?;
        let notices = notices(RowId(id));
        for notice in &notices {
            super::notify::queue(&mut tx, notice, now).await?;
        }
        tx.commit().await?;
        Ok(RowId(id))
    }

    /// Changes a notice (a new expected end, a corrected reason) or declares it over.
    pub async fn update_outage(
        &self,
        id: RowId,
        draft: &OutageDraft,
        ended_at: Option<i64>,
        actor_id: i64,
        now: i64,
        notices: &[Notice<'_>],
    ) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await?;
        let mut tx = conn.begin().await?;
        sqlx::query(
            "UPDATE outages SET kind = $1, area = $2, starts_at = $3, expected_end = $4,
                reason = $5, ended_at = $6, updated_at = $7 WHERE id = $8",
        )
        .bind(draft.kind.as_str())
        .bind(draft.area.trim())
        .bind(draft.starts_at)
        .bind(draft.expected_end)
        .bind(draft.reason.trim())
        .bind(ended_at)
        .bind(now)
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        let action = if ended_at.is_some() { "end" } else { "edit" };
        outage_event(&mut tx, id.0, action, now, actor_id, "").await?;
        for notice in notices {
            super::notify::queue(&mut tx, notice, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

async fn outage_event(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    outage_id: i64,
    action: &str,
    at: i64,
    actor_id: i64,
    note: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO outage_events (outage_id, action, at, actor_id, note)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(outage_id)
    .bind(action)
    .bind(at)
    .bind(actor_id)
    .bind(note)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
