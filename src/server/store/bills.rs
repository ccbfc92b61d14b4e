//! Bills, their lines and payments.

use super::accounts::{HELD_BY_USER, VISIBLE_TO_USER, summary_from};
use super::{Store, StoreError, col, date_col, enum_col};
use crate::api::accounts::{LocalName, ServiceAccountSummary};
use crate::api::bills::{BillLine, BillPage, BillSummary, Overview, Payment, ReadingPair};
use crate::domain::usage::BillFacts;
use crate::domain::{
    BillStatus, Fen, KilowattHours, LineKind, PricePerKwh, PricedLine, RowId, Tariff,
};
use chrono::NaiveDate;
use sqlx::AnyConnection;
use sqlx::any::AnyRow;

pub(super) const BILL_COLUMNS: &str =
    "b.id, b.service_account_id, sa.account_number, b.period_start,
    b.period_end, b.energy_centi_kwh, b.total_fen, b.due_on,
    CAST(COALESCE((SELECT bp.paid_fen FROM bill_paid bp WHERE bp.bill_id = b.id), 0) AS BIGINT)
        AS paid_fen";

pub(super) const BILL_FROM: &str =
    "bills b JOIN service_accounts sa ON sa.id = b.service_account_id";

/// What the store knows of one bill for its page: the bill, its account, meter, tariff,
/// lines, payments and readings, the facts of the bills it is compared with, and whether the
/// person asking may see it (they hold the account or belong to its organisation).
#[derive(Debug, Clone)]
pub struct BillRecord {
    pub visible: bool,
    pub summary: BillSummary,
    pub account: ServiceAccountSummary,
    pub issued_on: NaiveDate,
    pub meter_serial: String,
    /// The tariff the bill was priced on.
    pub tariff: LocalName,
    pub tariff_rules: Tariff,
    pub readings: Vec<ReadingPair>,
    pub lines: Vec<BillLine>,
    pub payments: Vec<Payment>,
    /// This bill, for explaining it.
    pub facts: BillFacts,
    /// The bill before this one.
    pub before: Option<BillFacts>,
    /// The bill for the same month a year earlier.
    pub year_ago: Option<BillFacts>,
}

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

/// Records a payment made for a bill, on the bill's account.
pub async fn insert_payment(
    conn: &mut AnyConnection,
    bill_id: i64,
    paid_at: i64,
    amount: Fen,
    channel: &str,
    reference: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO payments (service_account_id, bill_id, paid_at, amount_fen, channel,
            reference)
         SELECT service_account_id, id, $2, $3, $4, $5 FROM bills WHERE id = $1",
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
               AND b.total_fen > COALESCE((SELECT bp.paid_fen FROM bill_paid bp
                                           WHERE bp.bill_id = b.id), 0)"
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

    /// Everything the bill page shows, and whether `user_id` may see it, in four queries: the
    /// bill with its account, meter, tariff and the two bills it is compared with (the one
    /// before and the one for the same month a year earlier); the lines of all three; the
    /// payments; the meter readings.
    pub async fn bill_record(
        &self,
        bill: RowId,
        user_id: i64,
        today: NaiveDate,
    ) -> Result<Option<BillRecord>, StoreError> {
        let compared = |a: &str| {
            format!(
                "{a}.id AS {a}_id, {a}.period_start AS {a}_start, {a}.period_end AS {a}_end,
                {a}.energy_centi_kwh AS {a}_energy, {a}.total_fen AS {a}_total,
                {a}.tariff_code AS {a}_tariff"
            )
        };
        let Some(row) = sqlx::query(&format!(
            "SELECT {BILL_COLUMNS}, b.issued_on, b.meter_id, b.tariff_code, m.serial,
                bt.name_en AS bill_tariff_en, bt.name_zh AS bill_tariff_zh, bt.rules,
                sa.holder_name, sa.premise_address, sa.area_class, sa.customer_category,
                t.name_en AS tariff_en, t.name_zh AS tariff_zh, o.name AS organisation_name,
                sa.site_name, CASE WHEN {VISIBLE_TO_USER} THEN 1 ELSE 0 END AS visible,
                {before}, {year_ago}
             FROM {BILL_FROM}
                JOIN tariffs t ON t.code = sa.tariff_code
                LEFT JOIN organisations o ON o.id = sa.organisation_id
                JOIN meters m ON m.id = b.meter_id
                JOIN tariffs bt ON bt.code = b.tariff_code
                LEFT JOIN bills p ON p.id = (SELECT q.id FROM bills q
                    WHERE q.service_account_id = b.service_account_id
                        AND q.period_start < b.period_start
                    ORDER BY q.period_start DESC LIMIT 1)
                LEFT JOIN bills y ON y.service_account_id = b.service_account_id
                    AND y.period_start = CAST(CAST(SUBSTR(b.period_start, 1, 4) AS INTEGER) - 1
                        AS TEXT) || SUBSTR(b.period_start, 5, 4) || '01'
             WHERE b.id = $2",
            before = compared("p"),
            year_ago = compared("y"),
        ))
        .bind(user_id)
        .bind(bill.0)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let summary = bill_from(&row, today)?;
        let mut account = summary_from(&row)?;
        // The row's `id` is the bill's; the account is the bill's own.
        account.id = summary.account_id;
        let rules: String = col(&row, "rules")?;
        let tariff_rules: Tariff = serde_json::from_str(&rules)
            .map_err(|e| StoreError::Corrupt(format!("tariff of bill {bill}: {e}")))?;
        let compared_facts = |a: &str| -> Result<Option<(i64, BillFacts)>, StoreError> {
            let Some(id) = col::<Option<i64>>(&row, &format!("{a}_id"))? else {
                return Ok(None);
            };
            Ok(Some((
                id,
                BillFacts {
                    period_start: date_col(&row, &format!("{a}_start"))?,
                    period_end: date_col(&row, &format!("{a}_end"))?,
                    energy: KilowattHours::from_centi(col(&row, &format!("{a}_energy"))?),
                    total: Fen(col(&row, &format!("{a}_total"))?),
                    tariff_code: col(&row, &format!("{a}_tariff"))?,
                    lines: Vec::new(),
                },
            )))
        };
        let mut before = compared_facts("p")?;
        let mut year_ago = compared_facts("y")?;
        let mut facts = BillFacts {
            period_start: summary.period_start,
            period_end: summary.period_end,
            energy: summary.energy,
            total: summary.total,
            tariff_code: col(&row, "tariff_code")?,
            lines: Vec::new(),
        };
        let none = -1;
        let line_rows = sqlx::query(
            "SELECT bill_id, kind, energy_centi_kwh, price, amount_fen FROM bill_lines
             WHERE bill_id IN ($1, $2, $3) ORDER BY bill_id, position",
        )
        .bind(bill.0)
        .bind(before.as_ref().map_or(none, |(id, _)| *id))
        .bind(year_ago.as_ref().map_or(none, |(id, _)| *id))
        .fetch_all(&self.pool)
        .await?;
        let mut lines = Vec::new();
        for r in &line_rows {
            let owner: i64 = col(r, "bill_id")?;
            let kind = enum_col(r, "kind", LineKind::from_stored)?;
            let energy = KilowattHours::from_centi(col(r, "energy_centi_kwh")?);
            if owner == bill.0 {
                facts.lines.push((kind, energy));
                lines.push(BillLine {
                    kind,
                    energy,
                    price: PricePerKwh(col(r, "price")?),
                    amount: Fen(col(r, "amount_fen")?),
                });
            }
            for (id, other) in before.iter_mut().chain(year_ago.iter_mut()) {
                if *id == owner {
                    other.lines.push((kind, energy));
                }
            }
        }
        let payments = sqlx::query(
            "SELECT id, paid_at, amount_fen, channel, reference FROM payments
             WHERE bill_id = $1 ORDER BY paid_at, id",
        )
        .bind(bill.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(Payment {
                id: RowId(col(r, "id")?),
                paid_at: col(r, "paid_at")?,
                amount: Fen(col(r, "amount_fen")?),
                channel: col(r, "channel")?,
                reference: col(r, "reference")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        let readings = self
            .reading_pairs(
                col(&row, "meter_id")?,
                summary.period_start,
                summary.period_end,
            )
            .await?;
        Ok(Some(BillRecord {
            visible: col::<i32>(&row, "visible")? == 1,
            account,
            issued_on: date_col(&row, "issued_on")?,
            meter_serial: col(&row, "serial")?,
            tariff: LocalName {
                en: col(&row, "bill_tariff_en")?,
                zh: col(&row, "bill_tariff_zh")?,
            },
            tariff_rules,
            readings,
            lines,
            payments,
            facts,
            before: before.map(|(_, f)| f),
            year_ago: year_ago.map(|(_, f)| f),
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
