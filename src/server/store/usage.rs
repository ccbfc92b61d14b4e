//! Usage: a service account's meter and its interval readings, its bills as months of use, and
//! what a bill says for comparing it with others.

use super::{Store, StoreError, col, date_col, enum_col};
use crate::domain::tariff::LineKind;
use crate::domain::usage::{BillFacts, Interval, WattHours};
use crate::domain::{Fen, KilowattHours, RowId, Tariff};
use chrono::NaiveDate;

/// A service account's meter as usage needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeterRow {
    pub id: i64,
    pub serial: String,
    /// A smart meter keeps interval readings.
    pub smart: bool,
}

/// One bill as a month of use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthRow {
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub energy: KilowattHours,
    pub total: Fen,
}

impl Store {
    /// The meter of `account` (the newest, if it had several).
    pub async fn meter_of(&self, account: RowId) -> Result<Option<MeterRow>, StoreError> {
        let row = sqlx::query(
            "SELECT id, serial, smart FROM meters WHERE service_account_id = $1
             ORDER BY installed_on DESC, id DESC LIMIT 1",
        )
        .bind(account.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(MeterRow {
                id: col(&r, "id")?,
                serial: col(&r, "serial")?,
                smart: col::<i64>(&r, "smart")? != 0,
            })
        })
        .transpose()
    }

    /// The interval readings of `meter` starting in `from..to` (unix seconds), oldest first.
    pub async fn intervals(
        &self,
        meter: i64,
        from: i64,
        to: i64,
    ) -> Result<Vec<Interval>, StoreError> {
        let rows = sqlx::query(
            "SELECT start_at, seconds, wh FROM interval_readings
             WHERE meter_id = $1 AND start_at >= $2 AND start_at < $3 ORDER BY start_at",
        )
        .bind(meter)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Interval {
                    start: col(r, "start_at")?,
                    seconds: col(r, "seconds")?,
                    energy: WattHours(col(r, "wh")?),
                })
            })
            .collect()
    }

    /// The bills of `account` whose period starts in `from..to`, oldest first.
    pub async fn months_of(
        &self,
        account: RowId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<MonthRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT period_start, period_end, energy_centi_kwh, total_fen FROM bills
             WHERE service_account_id = $1 AND period_start >= $2 AND period_start < $3
             ORDER BY period_start",
        )
        .bind(account.0)
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(MonthRow {
                    period_start: date_col(r, "period_start")?,
                    period_end: date_col(r, "period_end")?,
                    energy: KilowattHours::from_centi(col(r, "energy_centi_kwh")?),
                    total: Fen(col(r, "total_fen")?),
                })
            })
            .collect()
    }

    /// The tariff `account` is on now.
    pub async fn account_tariff(&self, account: RowId) -> Result<Option<Tariff>, StoreError> {
        let row = sqlx::query(
            "SELECT t.rules FROM service_accounts sa JOIN tariffs t ON t.code = sa.tariff_code
             WHERE sa.id = $1",
        )
        .bind(account.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            let rules: String = col(&r, "rules")?;
            serde_json::from_str(&rules).map_err(|e| StoreError::Corrupt(format!("tariff: {e}")))
        })
        .transpose()
    }

    /// What `account`'s bill for the period starting `start` says, if there is one.
    async fn facts_where(
        &self,
        account: RowId,
        condition: &str,
        day: NaiveDate,
    ) -> Result<Option<BillFacts>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT id, period_start, period_end, energy_centi_kwh, total_fen, tariff_code FROM bills
             WHERE service_account_id = $1 AND {condition}
             ORDER BY period_start DESC LIMIT 1"
        ))
        .bind(account.0)
        .bind(day.to_string())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let id: i64 = col(&row, "id")?;
        let lines = sqlx::query(
            "SELECT kind, energy_centi_kwh FROM bill_lines WHERE bill_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok((
                enum_col(r, "kind", LineKind::from_stored)?,
                KilowattHours::from_centi(col(r, "energy_centi_kwh")?),
            ))
        })
        .collect::<Result<_, StoreError>>()?;
        Ok(Some(BillFacts {
            period_start: date_col(&row, "period_start")?,
            period_end: date_col(&row, "period_end")?,
            energy: KilowattHours::from_centi(col(&row, "energy_centi_kwh")?),
            total: Fen(col(&row, "total_fen")?),
            tariff_code: col(&row, "tariff_code")?,
            lines,
        }))
    }

    /// A bill of `account` to compare with: the one for the period starting `start`, the one
    /// just before it, and the one for the same month a year earlier.
    pub async fn comparable_bills(
        &self,
        account: RowId,
        start: NaiveDate,
    ) -> Result<(Option<BillFacts>, Option<BillFacts>, Option<BillFacts>), StoreError> {
        let this = self
            .facts_where(account, "period_start = $2", start)
            .await?;
        let before = self
            .facts_where(account, "period_start < $2", start)
            .await?;
        let year_ago = match crate::domain::usage::same_month_last_year(start) {
            Some(day) => self.facts_where(account, "period_start = $2", day).await?,
            None => None,
        };
        Ok((this, before, year_ago))
    }
}
