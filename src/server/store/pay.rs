//! Payment orders, the money they bring onto accounts, receipts, and the provider's notices.
//! Money is only ever added: a payment and a refund are new rows, and the migrations' triggers
//! write each into `ledger_entries` in the same transaction.

use super::{Store, StoreError, col};
use crate::domain::ledger::{NoticeOutcome, OrderState};
use crate::domain::{Fen, RowId};
use sqlx::any::AnyRow;

/// One account's share of an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderPart {
    pub account_id: RowId,
    pub account_number: String,
    /// The bill the payer named, if any (money still goes to the oldest bill first).
    pub bill_id: Option<RowId>,
    pub amount: Fen,
    /// The payment this part became, once paid.
    pub payment_id: Option<RowId>,
}

/// A payment order as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderRow {
    pub id: RowId,
    pub reference: String,
    pub user_id: i64,
    pub organisation_id: Option<i64>,
    pub amount: Fen,
    /// `hosted` (the provider's checkout page) or `autopay` (a charge under an agreement).
    pub provider: String,
    pub provider_order: String,
    pub checkout_url: String,
    /// As stored: an open order past `expires_at` reads as open here (see [`OrderRow::state_at`]).
    pub state: OrderState,
    pub created_at: i64,
    pub expires_at: i64,
    pub settled_at: Option<i64>,
    pub parts: Vec<OrderPart>,
}

impl OrderRow {
    /// The order's state at `now`: an open order whose time ran out is expired.
    pub fn state_at(&self, now: i64) -> OrderState {
        match self.state {
            OrderState::Open if now > self.expires_at => OrderState::Expired,
            s => s,
        }
    }

    /// The channel its payments are written with.
    pub fn channel(&self) -> &'static str {
        if self.provider == "autopay" {
            "autopay"
        } else {
            "online"
        }
    }
}

/// An order to create.
#[derive(Debug, Clone)]
pub struct NewOrder<'a> {
    pub reference: &'a str,
    pub idempotency_key: &'a str,
    pub user_id: i64,
    pub organisation_id: Option<i64>,
    pub provider: &'a str,
    /// (account, bill named, amount), one per account.
    pub parts: &'a [(RowId, Option<RowId>, Fen)],
    pub now: i64,
    pub expires_at: i64,
}

/// What settling an order did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// The money was written onto the accounts now.
    Credited,
    /// The order moved to a state without money.
    Moved(OrderState),
    /// Nothing changed (heard before, or another server got there first).
    Unchanged,
}

/// A payment as its receipt shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptRecord {
    pub payment_id: RowId,
    pub account_id: RowId,
    pub account_number: String,
    pub holder_name: String,
    pub premise_address: String,
    pub reference: String,
    pub order_reference: Option<String>,
    pub paid_at: i64,
    pub amount: Fen,
    pub channel: String,
    pub bill_id: Option<RowId>,
    /// (refunded at, amount, reason).
    pub refunds: Vec<(i64, Fen, String)>,
}

const ORDER_COLUMNS: &str =
    "id, reference, user_id, organisation_id, amount_fen, provider, provider_order,
    checkout_url, state, created_at, expires_at, settled_at";

impl Store {
    /// The account a bill is on.
    pub async fn bill_account(&self, bill: RowId) -> Result<Option<RowId>, StoreError> {
        let row = sqlx::query("SELECT service_account_id FROM bills WHERE id = $1")
            .bind(bill.0)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok(RowId(col(&r, "service_account_id")?)))
            .transpose()
    }

    /// What is left to pay on a bill (its total less what the account's money has paid of it).
    pub async fn bill_left(&self, bill: RowId) -> Result<Fen, StoreError> {
        let row = sqlx::query(
            "SELECT CAST(b.total_fen - bp.paid_fen AS BIGINT) AS left_fen
             FROM bills b JOIN bill_paid bp ON bp.bill_id = b.id WHERE b.id = $1",
        )
        .bind(bill.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(Fen(row
            .map(|r| col(&r, "left_fen"))
            .transpose()?
            .unwrap_or(0)))
    }

    /// The organisation an account is a site of, if any.
    pub async fn account_organisation(&self, account: RowId) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query("SELECT organisation_id FROM service_accounts WHERE id = $1")
            .bind(account.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row
            .map(|r| col::<Option<i64>>(&r, "organisation_id"))
            .transpose()?
            .flatten())
    }

    /// What `account` owes now: the sum of its ledger (negative is credit).
    pub async fn account_balance(&self, account: RowId) -> Result<Fen, StoreError> {
        let row = sqlx::query(
            "SELECT CAST(COALESCE(SUM(CASE kind WHEN 'payment' THEN -amount_fen
                                               ELSE amount_fen END), 0) AS BIGINT) AS owed
             FROM ledger_entries WHERE service_account_id = $1",
        )
        .bind(account.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(Fen(col(&row, "owed")?))
    }

    /// Creates an order with its parts, or, when the person already made one under
    /// `idempotency_key`, gives that one back unchanged.
    pub async fn create_order(&self, new: &NewOrder<'_>) -> Result<OrderRow, StoreError> {
        if let Some(id) = self
            .id_by_key(
                "payment_orders",
                "user_id",
                new.user_id,
                new.idempotency_key,
            )
            .await?
        {
            return self.order(id).await?.ok_or(StoreError::Conflict);
        }
        let amount: Fen = new.parts.iter().map(|p| p.2).sum();
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(
            "INSERT INTO payment_orders (reference, idempotency_key, user_id, organisation_id,
                amount_fen, provider, state, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8) RETURNING id",
        )
        .bind(new.reference)
        .bind(new.idempotency_key)
        .bind(new.user_id)
        .bind(new.organisation_id)
        .bind(amount.0)
        .bind(new.provider)
        .bind(new.now)
        .bind(new.expires_at)
        .fetch_one(&mut *tx)
        .await;
        let id: i64 = match row {
            Ok(row) => col(&row, "id")?,
            // The same key at the same moment from a second tab: the first one stands.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                drop(tx);
                let id = self
                    .id_by_key(
                        "payment_orders",
                        "user_id",
                        new.user_id,
                        new.idempotency_key,
                    )
                    .await?
                    .ok_or(StoreError::Conflict)?;
                return self.order(id).await?.ok_or(StoreError::Conflict);
            }
            Err(e) => return Err(e.into()),
        };
        for (account, bill, amount) in new.parts {
            sqlx::query(
                "INSERT INTO payment_order_parts (order_id, service_account_id, bill_id, amount_fen)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(account.0)
            .bind(bill.map(|b| b.0))
            .bind(amount.0)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.order(RowId(id)).await?.ok_or(StoreError::Conflict)
    }

    /// Keeps what the provider answered to a new order.
    pub async fn set_checkout(
        &self,
        order: RowId,
        provider_order: &str,
        checkout_url: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE payment_orders SET provider_order = $2, checkout_url = $3 WHERE id = $1",
        )
        .bind(order.0)
        .bind(provider_order)
        .bind(checkout_url)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// An order by its id.
    pub async fn order(&self, id: RowId) -> Result<Option<OrderRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {ORDER_COLUMNS} FROM payment_orders WHERE id = $1"
        ))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        self.order_from(row).await
    }

    /// An order by its reference (what the provider and the return address carry).
    pub async fn order_by_reference(
        &self,
        reference: &str,
    ) -> Result<Option<OrderRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {ORDER_COLUMNS} FROM payment_orders WHERE reference = $1"
        ))
        .bind(reference)
        .fetch_optional(&self.pool)
        .await?;
        self.order_from(row).await
    }

    async fn order_from(&self, row: Option<AnyRow>) -> Result<Option<OrderRow>, StoreError> {
        let Some(row) = row else {
            return Ok(None);
        };
        let id: i64 = col(&row, "id")?;
        let state: String = col(&row, "state")?;
        let parts = sqlx::query(
            "SELECT op.service_account_id, sa.account_number, op.bill_id, op.amount_fen,
                    (SELECT p.id FROM payments p WHERE p.order_id = op.order_id
                       AND p.service_account_id = op.service_account_id) AS payment_id
             FROM payment_order_parts op
             JOIN service_accounts sa ON sa.id = op.service_account_id
             WHERE op.order_id = $1 ORDER BY sa.account_number",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(OrderPart {
                account_id: RowId(col(r, "service_account_id")?),
                account_number: col(r, "account_number")?,
                bill_id: col::<Option<i64>>(r, "bill_id")?.map(RowId),
                amount: Fen(col(r, "amount_fen")?),
                payment_id: col::<Option<i64>>(r, "payment_id")?.map(RowId),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Some(OrderRow {
            id: RowId(id),
            reference: col(&row, "reference")?,
            user_id: col(&row, "user_id")?,
            organisation_id: col(&row, "organisation_id")?,
            amount: Fen(col(&row, "amount_fen")?),
            provider: col(&row, "provider")?,
            provider_order: col(&row, "provider_order")?,
            checkout_url: col(&row, "checkout_url")?,
            state: OrderState::parse(&state)
                .ok_or_else(|| StoreError::Corrupt(format!("order state {state:?}")))?,
            created_at: col(&row, "created_at")?,
            expires_at: col(&row, "expires_at")?,
            settled_at: col(&row, "settled_at")?,
            parts,
        }))
    }

    /// Does what a notice's `outcome` says to `order`, once: crediting writes one payment per
    /// account in the transaction that marks the order paid, and only if the order was not paid
    /// already (a second notice, or a second server, finds nothing to do).
    pub async fn settle_order(
        &self,
        order: &OrderRow,
        outcome: NoticeOutcome,
        channel: &str,
        now: i64,
    ) -> Result<Settled, StoreError> {
        match outcome {
            NoticeOutcome::Credit { .. } => {
                let mut tx = self.pool.begin().await?;
                let won = sqlx::query(
                    "UPDATE payment_orders SET state = 'paid', settled_at = $2
                     WHERE id = $1 AND state <> 'paid'",
                )
                .bind(order.id.0)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if won != 1 {
                    return Ok(Settled::Unchanged);
                }
                let many = order.parts.len() > 1;
                for (n, part) in order.parts.iter().enumerate() {
                    let reference = if many {
                        format!("{}-{}", order.reference, n + 1)
                    } else {
                        order.reference.clone()
                    };
                    sqlx::query(
                        "INSERT INTO payments (service_account_id, bill_id, order_id, paid_at,
                            amount_fen, channel, reference)
                         VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind(part.account_id.0)
                    .bind(part.bill_id.map(|b| b.0))
                    .bind(order.id.0)
                    .bind(now)
                    .bind(part.amount.0)
                    .bind(channel)
                    .bind(reference)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(Settled::Credited)
            }
            NoticeOutcome::Moves(state) => {
                let moved = sqlx::query(
                    "UPDATE payment_orders SET state = $2, settled_at = $3
                     WHERE id = $1 AND state = 'open'",
                )
                .bind(order.id.0)
                .bind(state.as_str())
                .bind(now)
                .execute(&self.pool)
                .await?
                .rows_affected();
                Ok(if moved == 1 {
                    Settled::Moved(state)
                } else {
                    Settled::Unchanged
                })
            }
            NoticeOutcome::Unchanged | NoticeOutcome::AmountMismatch => Ok(Settled::Unchanged),
        }
    }

    /// Records a notice from the provider and what became of it.
    #[allow(clippy::too_many_arguments)]
    pub async fn log_notice(
        &self,
        now: i64,
        order_ref: &str,
        status: &str,
        amount: Option<Fen>,
        outcome: &str,
        body_sha256: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO payment_notices (received_at, order_ref, status, amount_fen, outcome,
                body_sha256) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(now)
        .bind(order_ref)
        .bind(status)
        .bind(amount.map(|a| a.0))
        .bind(outcome)
        .bind(body_sha256)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The notices heard for `order_ref`, oldest first: (outcome, status).
    pub async fn notices_for(&self, order_ref: &str) -> Result<Vec<(String, String)>, StoreError> {
        sqlx::query("SELECT outcome, status FROM payment_notices WHERE order_ref = $1 ORDER BY id")
            .bind(order_ref)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| Ok((col(r, "outcome")?, col(r, "status")?)))
            .collect()
    }

    /// One payment for its receipt.
    pub async fn receipt(&self, payment: RowId) -> Result<Option<ReceiptRecord>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT p.id, p.service_account_id, sa.account_number, sa.holder_name,
                    sa.premise_address, p.reference, o.reference AS order_reference, p.paid_at,
                    p.amount_fen, p.channel, p.bill_id
             FROM payments p JOIN service_accounts sa ON sa.id = p.service_account_id
             LEFT JOIN payment_orders o ON o.id = p.order_id
             WHERE p.id = $1",
        )
        .bind(payment.0)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let refunds = sqlx::query(
            "SELECT refunded_at, amount_fen, reason FROM refunds WHERE payment_id = $1 ORDER BY id",
        )
        .bind(payment.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok((
                col(r, "refunded_at")?,
                Fen(col(r, "amount_fen")?),
                col(r, "reason")?,
            ))
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Some(ReceiptRecord {
            payment_id: RowId(col(&row, "id")?),
            account_id: RowId(col(&row, "service_account_id")?),
            account_number: col(&row, "account_number")?,
            holder_name: col(&row, "holder_name")?,
            premise_address: col(&row, "premise_address")?,
            reference: col(&row, "reference")?,
            order_reference: col(&row, "order_reference")?,
            paid_at: col(&row, "paid_at")?,
            amount: Fen(col(&row, "amount_fen")?),
            channel: col(&row, "channel")?,
            bill_id: col::<Option<i64>>(&row, "bill_id")?.map(RowId),
            refunds,
        }))
    }
}

/// A payment as staff find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRow {
    pub id: RowId,
    pub account_id: RowId,
    pub account_number: String,
    pub holder_name: String,
    pub paid_at: i64,
    pub amount: Fen,
    pub refunded: Fen,
    pub channel: String,
    pub reference: String,
}

/// What staff search payments by; empty parts match everything.
#[derive(Debug, Clone, Default)]
pub struct PaymentSearch {
    pub account_number: String,
    pub reference: String,
    /// Unix seconds, from (inclusive) and to (exclusive).
    pub from: Option<i64>,
    pub to: Option<i64>,
}

/// The most payments one search lists.
pub const SEARCH_LIMIT: i64 = 100;

/// Why a refund was not written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefundRefused {
    NoSuchPayment,
    /// More than the payment has left to refund: what it has left.
    MoreThanLeft(Fen),
}

const PAYMENT_ROW: &str = "p.id, p.service_account_id, sa.account_number, sa.holder_name,
    p.paid_at, p.amount_fen, p.channel, p.reference,
    CAST(COALESCE((SELECT SUM(r.amount_fen) FROM refunds r WHERE r.payment_id = p.id), 0)
         AS BIGINT) AS refunded_fen";

fn payment_row(r: &AnyRow) -> Result<PaymentRow, StoreError> {
    Ok(PaymentRow {
        id: RowId(col(r, "id")?),
        account_id: RowId(col(r, "service_account_id")?),
        account_number: col(r, "account_number")?,
        holder_name: col(r, "holder_name")?,
        paid_at: col(r, "paid_at")?,
        amount: Fen(col(r, "amount_fen")?),
        refunded: Fen(col(r, "refunded_fen")?),
        channel: col(r, "channel")?,
        reference: col(r, "reference")?,
    })
}

impl Store {
    /// Payments matching `search`, newest first, at most [`SEARCH_LIMIT`].
    pub async fn search_payments(
        &self,
        search: &PaymentSearch,
    ) -> Result<Vec<PaymentRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {PAYMENT_ROW}
             FROM payments p JOIN service_accounts sa ON sa.id = p.service_account_id
             WHERE ($1 = '' OR sa.account_number = $1)
               AND ($2 = '' OR p.reference = $2)
               AND ($3 < 0 OR p.paid_at >= $3)
               AND ($4 < 0 OR p.paid_at < $4)
             ORDER BY p.paid_at DESC, p.id DESC LIMIT $5"
        ))
        .bind(&search.account_number)
        .bind(&search.reference)
        .bind(search.from.unwrap_or(-1))
        .bind(search.to.unwrap_or(-1))
        .bind(SEARCH_LIMIT)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(payment_row).collect()
    }

    /// One payment as staff see it.
    pub async fn payment_row(&self, payment: RowId) -> Result<Option<PaymentRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {PAYMENT_ROW}
             FROM payments p JOIN service_accounts sa ON sa.id = p.service_account_id
             WHERE p.id = $1"
        ))
        .bind(payment.0)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(payment_row).transpose()
    }

    /// Refunds `amount` of `payment`, by staff member `staff_id` for `reason`, as a new row (the
    /// ledger gains a refund entry in the same transaction). Never more than the payment has
    /// left: two refunds at once cannot both take the last of it (the payment's row is locked
    /// on PostgreSQL; SQLite has one writer).
    pub async fn refund(
        &self,
        payment: RowId,
        amount: Fen,
        reason: &str,
        staff_id: i64,
        now: i64,
    ) -> Result<Result<(), RefundRefused>, StoreError> {
        let mut tx = self.pool.begin().await?;
        if self.backend == super::Backend::Postgres {
            sqlx::query("SELECT id FROM payments WHERE id = $1 FOR UPDATE")
                .bind(payment.0)
                .fetch_optional(&mut *tx)
                .await?;
        }
        let inserted = sqlx::query(
            "INSERT INTO refunds (payment_id, amount_fen, reason, staff_id, refunded_at)
             SELECT p.id, $2, $3, $4, $5 FROM payments p
             WHERE p.id = $1
               AND p.amount_fen - COALESCE((SELECT SUM(r.amount_fen) FROM refunds r
                                            WHERE r.payment_id = p.id), 0) >= $2",
        )
        .bind(payment.0)
        .bind(amount.0)
        .bind(reason)
        .bind(staff_id)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted != 1 {
            drop(tx);
            return Ok(Err(match self.payment_row(payment).await? {
                None => RefundRefused::NoSuchPayment,
                Some(p) => RefundRefused::MoreThanLeft(Fen(p.amount.0 - p.refunded.0)),
            }));
        }
        tx.commit().await?;
        Ok(Ok(()))
    }
}

/// A statement line as read from the bank's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStatementLine {
    pub transaction_id: String,
    pub booked_on: chrono::NaiveDate,
    pub amount: Fen,
    pub text: String,
}

/// What became of one statement line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineOutcome {
    /// Its reference named an account: paid onto it now.
    Matched,
    /// Kept for staff to assign.
    Unmatched,
    /// The bank's transaction id was taken before: nothing done.
    AlreadySeen,
}

/// A statement line waiting for staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLineRow {
    pub id: RowId,
    pub transaction_id: String,
    pub booked_on: chrono::NaiveDate,
    pub amount: Fen,
    pub text: String,
}

/// Why a line could not be assigned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignRefused {
    NoSuchLine,
    NoSuchAccount,
    AlreadyPaid,
}

impl Store {
    async fn account_by_number(&self, number: &str) -> Result<Option<RowId>, StoreError> {
        let row = sqlx::query("SELECT id FROM service_accounts WHERE account_number = $1")
            .bind(number)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok(RowId(col(&r, "id")?))).transpose()
    }

    /// Takes one line of a bank statement uploaded by `staff_id`: a line seen before (by its
    /// transaction id) changes nothing; a line whose text holds an account's payment reference
    /// becomes a payment on that account in the same transaction; any other line waits.
    pub async fn take_statement_line(
        &self,
        line: &NewStatementLine,
        staff_id: i64,
        now: i64,
    ) -> Result<LineOutcome, StoreError> {
        let account = match crate::domain::ledger::account_in_reference(&line.text) {
            Some(number) => self.account_by_number(&number).await?,
            None => None,
        };
        let mut tx = self.pool.begin().await?;
        let Some(row) = sqlx::query(
            "INSERT INTO statement_lines (transaction_id, booked_on, amount_fen, text, uploaded_by,
                uploaded_at) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (transaction_id) DO NOTHING RETURNING id",
        )
        .bind(&line.transaction_id)
        .bind(line.booked_on.to_string())
        .bind(line.amount.0)
        .bind(&line.text)
        .bind(staff_id)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(LineOutcome::AlreadySeen);
        };
        let id: i64 = col(&row, "id")?;
        let Some(account) = account else {
            tx.commit().await?;
            return Ok(LineOutcome::Unmatched);
        };
        pay_line(
            &mut tx,
            id,
            account,
            line.booked_on,
            line.amount,
            &line.transaction_id,
        )
        .await?;
        tx.commit().await?;
        Ok(LineOutcome::Matched)
    }

    /// The lines no account has been found for, oldest first.
    pub async fn unmatched_lines(&self) -> Result<Vec<StatementLineRow>, StoreError> {
        sqlx::query(
            "SELECT id, transaction_id, booked_on, amount_fen, text FROM statement_lines
             WHERE payment_id IS NULL ORDER BY uploaded_at, id LIMIT 500",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(StatementLineRow {
                id: RowId(col(r, "id")?),
                transaction_id: col(r, "transaction_id")?,
                booked_on: super::date_col(r, "booked_on")?,
                amount: Fen(col(r, "amount_fen")?),
                text: col(r, "text")?,
            })
        })
        .collect()
    }

    /// Staff pay a waiting line onto the account with `number`, once.
    pub async fn assign_line(
        &self,
        line: RowId,
        number: &str,
    ) -> Result<Result<RowId, AssignRefused>, StoreError> {
        let Some(account) = self.account_by_number(number).await? else {
            return Ok(Err(AssignRefused::NoSuchAccount));
        };
        let mut tx = self.pool.begin().await?;
        let lock = match self.backend {
            super::Backend::Postgres => {
                "SELECT transaction_id, booked_on, amount_fen, payment_id FROM statement_lines
                 WHERE id = $1 FOR UPDATE"
            }
            super::Backend::Sqlite => {
                "SELECT transaction_id, booked_on, amount_fen, payment_id FROM statement_lines
                 WHERE id = $1"
            }
        };
        let Some(row) = sqlx::query(lock)
            .bind(line.0)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Ok(Err(AssignRefused::NoSuchLine));
        };
        if col::<Option<i64>>(&row, "payment_id")?.is_some() {
            return Ok(Err(AssignRefused::AlreadyPaid));
        }
        let transaction: String = col(&row, "transaction_id")?;
        let payment = pay_line(
            &mut tx,
            line.0,
            account,
            super::date_col(&row, "booked_on")?,
            Fen(col(&row, "amount_fen")?),
            &transaction,
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(payment))
    }
}

/// Writes the payment a statement line brings onto `account` and ties the line to it (only a
/// line not tied yet: a second assignment at the same moment finds it taken).
async fn pay_line(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    line: i64,
    account: RowId,
    booked_on: chrono::NaiveDate,
    amount: Fen,
    transaction: &str,
) -> Result<RowId, StoreError> {
    let row = sqlx::query(
        "INSERT INTO payments (service_account_id, paid_at, amount_fen, channel, reference)
         VALUES ($1, $2, $3, 'bank_transfer', $4) RETURNING id",
    )
    .bind(account.0)
    .bind(crate::domain::local_time::day_start(booked_on))
    .bind(amount.0)
    .bind(transaction)
    .fetch_one(&mut **tx)
    .await?;
    let payment: i64 = col(&row, "id")?;
    let tied = sqlx::query(
        "UPDATE statement_lines SET payment_id = $2 WHERE id = $1 AND payment_id IS NULL",
    )
    .bind(line)
    .bind(payment)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if tied != 1 {
        return Err(StoreError::Conflict);
    }
    Ok(RowId(payment))
}
