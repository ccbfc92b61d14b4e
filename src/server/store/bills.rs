//! Bills, their lines and payments.

use super::accounts::{HELD_BY_USER, SUMMARY_COLUMNS, SUMMARY_FROM, summary_from};
use super::{Store, StoreError, col, date_col, enum_col};
use crate::api::accounts::LocalName;
use crate::api::bills::{
    BillDetail, BillLine, BillPage, BillSummary, Overview, Payment, ReadingPair,
};
use crate::domain::{
    BillStatus, Fen, KilowattHours, LineKind, PricePerKwh, PricedLine, RowId, Tariff,
};
use chrono::NaiveDate;
use sqlx::AnyConnection;
use sqlx::any::AnyRow;

pub(super) const BILL_COLUMNS: &str =
    "b.id, b.service_account_id, sa.account_number, b.period_start,
    b.period_end, b.energy_centi_kwh, b.total_fen, b.due_on,
    CAST(COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.bill_id = b.id), 0) AS BIGINT)
        AS paid_fen";

pub(super) const BILL_FROM: &str =
    "bills b JOIN service_accounts sa ON sa.id = b.service_account_id";

pub(super) fn bill_from(row: &AnyRow, today: NaiveDate) -> Result<BillSummary, StoreError> {
    let total = Fen(col(row, "total_fen")?);
    let paid = Fen(col(row, "paid_fen")?);
    let due_on = date_col(row, "due_on")?;
    Ok(BillSummary {
        id: RowId(col(row, "id")?),
        account_id: RowId(col(row, "service_account_id")?),
        account_number: col(row, "account_number")?,
        period_start: date_col(row, "period_start")?,
        period_end: date_col(row, "period_end")?,
        energy: KilowattHours::from_centi(col(row, "energy_centi_kwh")?),
        total,
        paid,
        due_on,
        status: BillStatus::of(total, paid, due_on, today),
    })
}

/// A bill to store, with its priced lines.
#[derive(Debug, Clone)]
pub struct NewBill<'a> {
    pub account_id: i64,
    pub meter_id: i64,
    pub tariff_code: &'a str,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
    pub lines: &'a [PricedLine],
}

/// Stores a bill and its lines; the energy and total are the lines' sums. Returns the bill's id.
pub async fn insert_bill(conn: &mut AnyConnection, bill: &NewBill<'_>) -> Result<i64, StoreError> {
    let energy: KilowattHours = bill.lines.iter().map(|l| l.energy).sum();
    let total: Fen = bill.lines.iter().map(|l| l.amount).sum();
    let row = sqlx::query(
        "INSERT INTO bills (service_account_id, meter_id, tariff_code, period_start, period_end,
            issued_on, due_on, energy_centi_kwh, total_fen)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(bill.account_id)
    .bind(bill.meter_id)
    .bind(bill.tariff_code)
    .bind(bill.period_start.to_string())
    .bind(bill.period_end.to_string())
    .bind(bill.issued_on.to_string())
    .bind(bill.due_on.to_string())
    .bind(energy.centi())
    .bind(total.0)
    .fetch_one(&mut *conn)
    .await?;
    let bill_id: i64 = col(&row, "id")?;
    for (position, line) in bill.lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO bill_lines (bill_id, position, kind, energy_centi_kwh, price, amount_fen)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(bill_id)
        .bind(position as i64)
        .bind(line.kind.as_str())
        .bind(line.energy.centi())
        .bind(line.price.0)
        .bind(line.amount.0)
        .execute(&mut *conn)
        .await?;
    }
    Ok(bill_id)
}

/// Records a payment against a bill.
pub async fn insert_payment(
    conn: &mut AnyConnection,
    bill_id: i64,
    paid_at: i64,
    amount: Fen,
    channel: &str,
    reference: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO payments (bill_id, paid_at, amount_fen, channel, reference)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(bill_id)
    .bind(paid_at)
    .bind(amount.0)
    .bind(channel)
    .bind(reference)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The tariff rules stored under `code`.
pub async fn tariff(conn: &mut AnyConnection, code: &str) -> Result<Tariff, StoreError> {
    let row = sqlx::query("SELECT rules FROM tariffs WHERE code = $1")
        .bind(code)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| StoreError::Corrupt(format!("no tariff {code:?}")))?;
    let rules: String = col(&row, "rules")?;
    serde_json::from_str(&rules).map_err(|e| StoreError::Corrupt(format!("tariff {code}: {e}")))
}

impl Store {
    /// Balance due, next due date and latest bill across the accounts `user_id` holds
    /// (their home; organisations' sites are on each organisation's dashboard).
    pub async fn overview(&self, user_id: i64, today: NaiveDate) -> Result<Overview, StoreError> {
        let accounts = self.accounts_held_by(user_id).await?;
        let open = sqlx::query(&format!(
            "SELECT {BILL_COLUMNS} FROM {BILL_FROM}
             WHERE {HELD_BY_USER}
               AND b.total_fen > COALESCE((SELECT SUM(p.amount_fen) FROM payments p
                                           WHERE p.bill_id = b.id), 0)"
        ))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        let open: Vec<BillSummary> = open
            .iter()
            .map(|r| bill_from(r, today))
            .collect::<Result<_, _>>()?;
        let latest = sqlx::query(&format!(
            "SELECT {BILL_COLUMNS} FROM {BILL_FROM} WHERE {HELD_BY_USER}
             ORDER BY b.period_start DESC, b.id DESC LIMIT 1"
        ))
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(Overview {
            accounts,
            balance_due: open.iter().map(BillSummary::balance).sum(),
            next_due: open.iter().map(|b| b.due_on).min(),
            latest_bill: latest.map(|r| bill_from(&r, today)).transpose()?,
            to_rate: Vec::new(),
        })
    }

    /// Page `page` (from 1) of an account's bills, newest first.
    pub async fn bill_page(
        &self,
        account: RowId,
        page: u32,
        per_page: u32,
        today: NaiveDate,
    ) -> Result<BillPage, StoreError> {
        let summary = self
            .account_summary(account)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("account {account} vanished")))?;
        let count = sqlx::query("SELECT COUNT(*) AS n FROM bills WHERE service_account_id = $1")
            .bind(account.0)
            .fetch_one(&self.pool)
            .await?;
        let total_bills: i64 = col(&count, "n")?;
        let rows = sqlx::query(&format!(
            "SELECT {BILL_COLUMNS} FROM {BILL_FROM} WHERE b.service_account_id = $1
             ORDER BY b.period_start DESC, b.id DESC LIMIT $2 OFFSET $3"
        ))
        .bind(account.0)
        .bind(i64::from(per_page))
        .bind(i64::from(page.saturating_sub(1)) * i64::from(per_page))
        .fetch_all(&self.pool)
        .await?;
        Ok(BillPage {
            account: summary,
            bills: rows
                .iter()
                .map(|r| bill_from(r, today))
                .collect::<Result<_, _>>()?,
            page,
            page_count: (total_bills as u32).div_ceil(per_page).max(1),
            total_bills: total_bills as u32,
        })
    }

    /// The service account a bill belongs to.
    pub async fn bill_account(&self, bill: RowId) -> Result<Option<RowId>, StoreError> {
        let row = sqlx::query("SELECT service_account_id FROM bills WHERE id = $1")
            .bind(bill.0)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok(RowId(col(&r, "service_account_id")?)))
            .transpose()
    }

    /// One bill in full.
    pub async fn bill_detail(
        &self,
        bill: RowId,
        today: NaiveDate,
    ) -> Result<Option<BillDetail>, StoreError> {
        let Some(row) = sqlx::query(&format!(
            "SELECT {BILL_COLUMNS}, b.issued_on, b.meter_id, m.serial, t.name_en AS tariff_en,
                t.name_zh AS tariff_zh, t.rules
             FROM {BILL_FROM} JOIN meters m ON m.id = b.meter_id
                JOIN tariffs t ON t.code = b.tariff_code
             WHERE b.id = $1"
        ))
        .bind(bill.0)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let summary = bill_from(&row, today)?;
        let meter_id: i64 = col(&row, "meter_id")?;
        let rules: String = col(&row, "rules")?;
        let tariff: Tariff = serde_json::from_str(&rules)
            .map_err(|e| StoreError::Corrupt(format!("tariff of bill {bill}: {e}")))?;
        let account = sqlx::query(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM {SUMMARY_FROM} WHERE sa.id = $1"
        ))
        .bind(summary.account_id.0)
        .fetch_one(&self.pool)
        .await?;
        let lines = sqlx::query(
            "SELECT kind, energy_centi_kwh, price, amount_fen FROM bill_lines
             WHERE bill_id = $1 ORDER BY position",
        )
        .bind(bill.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(BillLine {
                kind: enum_col(r, "kind", LineKind::from_stored)?,
                energy: KilowattHours::from_centi(col(r, "energy_centi_kwh")?),
                price: PricePerKwh(col(r, "price")?),
                amount: Fen(col(r, "amount_fen")?),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        let payments = sqlx::query(
            "SELECT paid_at, amount_fen, channel, reference FROM payments
             WHERE bill_id = $1 ORDER BY paid_at, id",
        )
        .bind(bill.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(Payment {
                paid_at: col(r, "paid_at")?,
                amount: Fen(col(r, "amount_fen")?),
                channel: col(r, "channel")?,
                reference: col(r, "reference")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        let readings = self
            .reading_pairs(meter_id, summary.period_start, summary.period_end)
            .await?;
        Ok(Some(BillDetail {
            account: summary_from(&account)?,
            issued_on: date_col(&row, "issued_on")?,
            meter_serial: col(&row, "serial")?,
            tariff: LocalName {
                en: col(&row, "tariff_en")?,
                zh: col(&row, "tariff_zh")?,
            },
            readings,
            lines,
            payments,
            next_tier_reset: tariff.next_tier_reset(today),
            explanation: Vec::new(),
            reference: crate::domain::bill::reference(
                &summary.account_number,
                summary.period_start,
                summary.id,
            ),
            summary,
        }))
    }

    /// Each register's readings on the first and last day of a period.
    async fn reading_pairs(
        &self,
        meter_id: i64,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<Vec<ReadingPair>, StoreError> {
        let rows = sqlx::query(
            "SELECT read_on, register, value_centi_kwh, source FROM readings
             WHERE meter_id = $1 AND read_on IN ($2, $3) ORDER BY register, read_on",
        )
        .bind(meter_id)
        .bind(start.to_string())
        .bind(end.to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut pairs: Vec<ReadingPair> = Vec::new();
        for r in &rows {
            let register: String = col(r, "register")?;
            let value = KilowattHours::from_centi(col(r, "value_centi_kwh")?);
            let estimated = col::<String>(r, "source")? == "estimated";
            let is_start = date_col(r, "read_on")? == start;
            let pair = match pairs.iter_mut().find(|p| p.register == register) {
                Some(p) => p,
                None => {
                    pairs.push(ReadingPair {
                        register,
                        start: KilowattHours::ZERO,
                        end: KilowattHours::ZERO,
                        estimated: false,
                    });
                    pairs.last_mut().expect("just pushed")
                }
            };
            if is_start {
                pair.start = value;
            } else {
                pair.end = value;
            }
            pair.estimated |= estimated;
        }
        // Peak before valley before total reads the way bills print them.
        let order = |r: &str| ["peak", "valley", "total"].iter().position(|x| *x == r);
        pairs.sort_by_key(|p| order(&p.register));
        Ok(pairs)
    }
}
