//! Standing payment instructions (代扣) and each bill they have tried to pay. A bill is claimed
//! by inserting its row in `autopay_runs`, whose key is the bill: whichever server inserts it
//! first pays it, on either database, and every other server finds the row there.

use super::{Store, StoreError, col};
use crate::domain::{Fen, RowId};
use sqlx::any::AnyRow;

/// An instruction as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutopayRow {
    pub id: RowId,
    pub account_id: RowId,
    pub user_id: i64,
    pub max: Option<Fen>,
    pub consented_at: i64,
    /// GridCare's name for the agreement at the provider.
    pub reference: String,
    pub provider_agreement: String,
    pub sign_url: String,
    /// When the provider confirmed the payer agreed; `None` while it waits for them.
    pub active_at: Option<i64>,
    pub cancelled_at: Option<i64>,
}

/// A bill an instruction should pay now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueBill {
    pub autopay_id: RowId,
    pub user_id: i64,
    pub agreement: String,
    pub max: Option<Fen>,
    pub bill_id: RowId,
    pub account_id: RowId,
    pub account_number: String,
    /// What is left to pay on the bill.
    pub owed: Fen,
    pub due_on: chrono::NaiveDate,
}

/// One bill an instruction tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRow {
    pub bill_id: RowId,
    pub period_start: String,
    /// `claimed` (under way), `paid`, `failed`, `over_limit`.
    pub outcome: String,
    pub amount: Option<Fen>,
    pub at: i64,
    pub payment_id: Option<RowId>,
}

const COLUMNS: &str = "id, service_account_id, user_id, max_fen, consented_at, reference,
    provider_agreement, sign_url, active_at, cancelled_at";

fn row(r: &AnyRow) -> Result<AutopayRow, StoreError> {
    Ok(AutopayRow {
        id: RowId(col(r, "id")?),
        account_id: RowId(col(r, "service_account_id")?),
        user_id: col(r, "user_id")?,
        max: col::<Option<i64>>(r, "max_fen")?.map(Fen),
        consented_at: col(r, "consented_at")?,
        reference: col(r, "reference")?,
        provider_agreement: col(r, "provider_agreement")?,
        sign_url: col(r, "sign_url")?,
        active_at: col(r, "active_at")?,
        cancelled_at: col(r, "cancelled_at")?,
    })
}

impl Store {
    /// The account's standing instruction (waiting for the payer's agreement, or active).
    pub async fn standing_autopay(&self, account: RowId) -> Result<Option<AutopayRow>, StoreError> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM autopay WHERE service_account_id = $1 AND cancelled_at IS NULL"
        ))
        .bind(account.0)
        .fetch_optional(&self.pool)
        .await?
        .as_ref()
        .map(row)
        .transpose()
    }

    /// An instruction by its reference at the provider.
    pub async fn autopay_by_reference(
        &self,
        reference: &str,
    ) -> Result<Option<AutopayRow>, StoreError> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM autopay WHERE reference = $1"
        ))
        .bind(reference)
        .fetch_optional(&self.pool)
        .await?
        .as_ref()
        .map(row)
        .transpose()
    }

    /// Records a new instruction, waiting for the payer's agreement. `Conflict` when the
    /// account has one standing already.
    #[allow(clippy::too_many_arguments)]
    pub async fn create_autopay(
        &self,
        account: RowId,
        user: i64,
        max: Option<Fen>,
        reference: &str,
        now: i64,
        today: chrono::NaiveDate,
    ) -> Result<AutopayRow, StoreError> {
        let inserted = sqlx::query(
            "INSERT INTO autopay (service_account_id, user_id, max_fen, consented_at, consented_on,
                reference)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(account.0)
        .bind(user)
        .bind(max.map(|m| m.0))
        .bind(now)
        .bind(today.to_string())
        .bind(reference)
        .fetch_one(&self.pool)
        .await;
        match inserted {
            Ok(_) => self
                .autopay_by_reference(reference)
                .await?
                .ok_or(StoreError::Conflict),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(StoreError::Conflict),
            Err(e) => Err(e.into()),
        }
    }

    /// Keeps the provider's agreement and the page where the payer signs it.
    pub async fn set_autopay_sign(
        &self,
        id: RowId,
        provider_agreement: &str,
        sign_url: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE autopay SET provider_agreement = $2, sign_url = $3 WHERE id = $1")
            .bind(id.0)
            .bind(provider_agreement)
            .bind(sign_url)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The provider said the payer agreed: the instruction stands from `now`.
    pub async fn activate_autopay(&self, id: RowId, now: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE autopay SET active_at = $2
             WHERE id = $1 AND active_at IS NULL AND cancelled_at IS NULL",
        )
        .bind(id.0)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Ends an instruction (the payer cancelled, or declined at the provider).
    pub async fn cancel_autopay(&self, id: RowId, now: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE autopay SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL")
            .bind(id.0)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Bills that active instructions should pay on `today`: due by then, falling due on or
    /// after the day of consent, not fully paid, and not tried yet (or claimed by a server
    /// that has said nothing since `stale_before`, which is tried again: a charge is keyed by
    /// its order, so the provider never takes it twice).
    pub async fn due_autopay_bills(
        &self,
        today: chrono::NaiveDate,
        stale_before: i64,
    ) -> Result<Vec<DueBill>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id AS autopay_id, a.user_id, a.reference, a.max_fen, b.id AS bill_id,
                    b.service_account_id, sa.account_number, b.total_fen,
                    CAST(bp.paid_fen AS BIGINT) AS paid_fen, b.due_on
             FROM autopay a
             JOIN bills b ON b.service_account_id = a.service_account_id
             JOIN bill_paid bp ON bp.bill_id = b.id
             JOIN service_accounts sa ON sa.id = a.service_account_id
             WHERE a.cancelled_at IS NULL AND a.active_at IS NOT NULL
               AND b.due_on <= $1 AND b.due_on >= a.consented_on
               AND b.total_fen > 0 AND bp.paid_fen < b.total_fen
               AND NOT EXISTS (SELECT 1 FROM autopay_runs r WHERE r.bill_id = b.id
                               AND NOT (r.outcome = 'claimed' AND r.claimed_at < $2))
             ORDER BY b.due_on, b.id LIMIT 200",
        )
        .bind(today.to_string())
        .bind(stale_before)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let total: i64 = col(r, "total_fen")?;
                let paid: i64 = col(r, "paid_fen")?;
                Ok(DueBill {
                    autopay_id: RowId(col(r, "autopay_id")?),
                    user_id: col(r, "user_id")?,
                    agreement: col(r, "reference")?,
                    max: col::<Option<i64>>(r, "max_fen")?.map(Fen),
                    bill_id: RowId(col(r, "bill_id")?),
                    account_id: RowId(col(r, "service_account_id")?),
                    account_number: col(r, "account_number")?,
                    owed: Fen(total - paid),
                    due_on: super::date_col(r, "due_on")?,
                })
            })
            .collect()
    }

    /// Claims `bill` for this server: true for exactly one of any number of servers asking at
    /// once. A claim nobody finished since `stale_before` may be taken over.
    pub async fn claim_autopay_run(
        &self,
        bill: RowId,
        autopay: RowId,
        now: i64,
        stale_before: i64,
    ) -> Result<bool, StoreError> {
        let inserted = sqlx::query(
            "INSERT INTO autopay_runs (bill_id, autopay_id, claimed_at) VALUES ($1, $2, $3)
             ON CONFLICT (bill_id) DO NOTHING",
        )
        .bind(bill.0)
        .bind(autopay.0)
        .bind(now)
        .execute(&self.pool)
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(true);
        }
        let taken_over = sqlx::query(
            "UPDATE autopay_runs SET claimed_at = $3, autopay_id = $2
             WHERE bill_id = $1 AND outcome = 'claimed' AND claimed_at < $4",
        )
        .bind(bill.0)
        .bind(autopay.0)
        .bind(now)
        .bind(stale_before)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(taken_over == 1)
    }

    /// What became of a claimed bill.
    pub async fn finish_autopay_run(
        &self,
        bill: RowId,
        outcome: &str,
        order: Option<RowId>,
        amount: Fen,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE autopay_runs SET outcome = $2, order_id = $3, amount_fen = $4, finished_at = $5,
                payment_id = (SELECT MIN(p.id) FROM payments p WHERE p.order_id = $3)
             WHERE bill_id = $1",
        )
        .bind(bill.0)
        .bind(outcome)
        .bind(order.map(|o| o.0))
        .bind(amount.0)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The latest bills the account's instructions tried, newest first.
    pub async fn autopay_runs(&self, account: RowId) -> Result<Vec<RunRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT r.bill_id, b.period_start, r.outcome, r.amount_fen, r.claimed_at,
                    r.finished_at, r.payment_id
             FROM autopay_runs r
             JOIN autopay a ON a.id = r.autopay_id
             JOIN bills b ON b.id = r.bill_id
             WHERE a.service_account_id = $1
             ORDER BY r.claimed_at DESC, r.bill_id DESC LIMIT 12",
        )
        .bind(account.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let claimed: i64 = col(r, "claimed_at")?;
                Ok(RunRow {
                    bill_id: RowId(col(r, "bill_id")?),
                    period_start: col(r, "period_start")?,
                    outcome: col(r, "outcome")?,
                    amount: col::<Option<i64>>(r, "amount_fen")?.map(Fen),
                    at: col::<Option<i64>>(r, "finished_at")?.unwrap_or(claimed),
                    payment_id: col::<Option<i64>>(r, "payment_id")?.map(RowId),
                })
            })
            .collect()
    }
}

/// A prepaid account whose credit is under the warning level its holders set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LowAccount {
    pub account_id: RowId,
    pub account_number: String,
    pub credit: Fen,
    /// The latest ledger entry: the warning is given once per change of balance.
    pub last_entry: i64,
}

impl Store {
    /// Whether the account is prepaid, and its warning level.
    pub async fn prepaid_settings(
        &self,
        account: RowId,
    ) -> Result<(bool, Option<Fen>), StoreError> {
        let row = sqlx::query(
            "SELECT CAST(prepaid AS BIGINT) AS prepaid, low_balance_fen
             FROM service_accounts WHERE id = $1",
        )
        .bind(account.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok((false, None));
        };
        Ok((
            col::<i64>(&row, "prepaid")? != 0,
            col::<Option<i64>>(&row, "low_balance_fen")?.map(Fen),
        ))
    }

    /// Sets (or, with `None`, clears) the prepaid warning level.
    pub async fn set_low_balance(
        &self,
        account: RowId,
        level: Option<Fen>,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE service_accounts SET low_balance_fen = $2 WHERE id = $1")
            .bind(account.0)
            .bind(level.map(|l| l.0))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The latest `n` bills' totals with their periods, newest first.
    pub async fn recent_bill_totals(
        &self,
        account: RowId,
        n: i64,
    ) -> Result<Vec<(Fen, String, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT total_fen, period_start, period_end FROM bills
             WHERE service_account_id = $1 ORDER BY period_start DESC LIMIT $2",
        )
        .bind(account.0)
        .bind(n)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    Fen(col(r, "total_fen")?),
                    col(r, "period_start")?,
                    col(r, "period_end")?,
                ))
            })
            .collect()
    }

    /// Prepaid accounts whose credit is under their holders' warning level.
    pub async fn low_prepaid_accounts(&self) -> Result<Vec<LowAccount>, StoreError> {
        let rows = sqlx::query(
            "SELECT sa.id, sa.account_number, sa.low_balance_fen,
                    CAST(COALESCE(SUM(CASE e.kind WHEN 'payment' THEN e.amount_fen
                                                  ELSE -e.amount_fen END), 0) AS BIGINT) AS credit,
                    CAST(COALESCE(MAX(e.id), 0) AS BIGINT) AS last_entry
             FROM service_accounts sa
             LEFT JOIN ledger_entries e ON e.service_account_id = sa.id
             WHERE sa.prepaid <> 0 AND sa.low_balance_fen IS NOT NULL
             GROUP BY sa.id, sa.account_number, sa.low_balance_fen",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut low = Vec::new();
        for r in &rows {
            let credit = Fen(col(r, "credit")?);
            let level = Fen(col(r, "low_balance_fen")?);
            if credit < level {
                low.push(LowAccount {
                    account_id: RowId(col(r, "id")?),
                    account_number: col(r, "account_number")?,
                    credit,
                    last_entry: col(r, "last_entry")?,
                });
            }
        }
        Ok(low)
    }
}
