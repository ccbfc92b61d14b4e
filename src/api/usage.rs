//! Usage: months of use against the year before, a smart meter's days and hours, and the
//! tariff's peak hours for the split. The Green Button downloads are streamed routes:
//! `GET /api/usage/{account}/greenbutton.xml` and `.csv`, `?from=…&to=…&interval=hour|month`.

use crate::api::ApiError;
use crate::api::accounts::ServiceAccountSummary;
use crate::domain::usage::{DayUse, PeakHours, WattHours};
use crate::domain::{Fen, KilowattHours};
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One billed month: its use and cost, and the same month a year earlier where billed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthUse {
    #[serde(with = "crate::domain::local_time::day")]
    pub month: NaiveDate,
    pub energy: KilowattHours,
    pub cost: Fen,
    pub energy_last_year: Option<KilowattHours>,
}

/// What the usage page starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageOverview {
    pub account: ServiceAccountSummary,
    /// The last 36 billed months, oldest first.
    pub months: Vec<MonthUse>,
    /// True for a smart meter (days and hours are known).
    pub smart: bool,
    /// The peak hours of a time-of-use tariff.
    pub peak_hours: Option<PeakHours>,
    /// The utility's today, for the date pickers.
    #[serde(with = "crate::domain::local_time::day")]
    pub today: NaiveDate,
}

/// Months of use of account `account_id`.
#[server(endpoint = "usage/overview", protocol = crate::api::codec::Call)]
pub async fn get_usage(account_id: String) -> Result<UsageOverview, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::usage::overview(&request, &user, &account_id).await
}

/// A smart meter's last `days` (7, 30 or 90) local days, oldest first, with the peak part
/// where the tariff has one.
#[server(endpoint = "usage/daily", protocol = crate::api::codec::Call)]
pub async fn daily_usage(account_id: String, days: String) -> Result<Vec<DayUse>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::usage::daily(&request, &user, &account_id, &days).await
}

/// A smart meter's 24 hours of local day `day` (within the last 30 days).
#[server(endpoint = "usage/hours", protocol = crate::api::codec::Call)]
pub async fn hourly_usage(
    account_id: String,
    day: String,
) -> Result<Vec<Option<WattHours>>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::usage::hours(&request, &user, &account_id, &day).await
}
