//! Usage: a service account's meter and its interval readings, and its bills as months of use.

use super::{Store, StoreError, col, date_col};
use crate::domain::usage::{Interval, WattHours};
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
}
