//! The supervisor's view of how well the utility keeps its promises: satisfaction, on-time
//! rates per commitment, and open cases near or past their deadline.

use crate::api::ApiError;
use crate::domain::RowId;
use crate::domain::feedback::Figures;
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An open case near (within 20 % of its limit) or past its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AtRisk {
    /// `repair`, `connection` or `complaint`.
    pub kind: String,
    pub id: RowId,
    pub number: String,
    /// The deadline, as local `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`.
    pub due: String,
    pub past: bool,
}

/// The dashboard for a date range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    #[serde(with = "crate::domain::local_time::day")]
    pub from: NaiveDate,
    #[serde(with = "crate::domain::local_time::day")]
    pub to: NaiveDate,
    pub figures: Figures,
    pub at_risk: Vec<AtRisk>,
}

/// Supervisors: the figures for `from..=to` (`YYYY-MM-DD`, local dates; at most 3 years).
#[server(endpoint = "supervisor/dashboard", protocol = crate::api::codec::Call)]
pub async fn get_dashboard(from: String, to: String) -> Result<Dashboard, ApiError> {
    let request = crate::server::request::current()?;
    request.require_supervisor().await?;
    crate::server::supervisor::dashboard(&request, &from, &to).await
}

/// Supervisors: the dashboard's table as CSV text.
#[server(endpoint = "supervisor/dashboard_csv", protocol = crate::api::codec::Call)]
pub async fn dashboard_csv(from: String, to: String) -> Result<String, ApiError> {
    let request = crate::server::request::current()?;
    request.require_supervisor().await?;
    let d = crate::server::supervisor::dashboard(&request, &from, &to).await?;
    Ok(d.figures.to_csv())
}

/// One line of the security log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityLine {
    pub id: i64,
    /// Unix seconds.
    pub at: i64,
    /// `signed_in`, `sign_in_failed`, … (`domain::login::SecurityEvent`).
    pub event: String,
    /// The email of whom it is about (as typed, for an address with no login).
    pub email: String,
    /// Who did it, when it was someone signed in.
    pub actor: Option<String>,
    pub address: String,
    pub detail: String,
}

/// Supervisors: the security log, newest first, 100 lines at a time (`before`: the last id
/// of the page before). `event` a stored name or empty; `email` a part of one; `address` an
/// exact network address; `from`/`to` local days (`to` not included), either empty.
#[server(endpoint = "supervisor/security_log", protocol = crate::api::codec::Call)]
pub async fn security_log(
    event: String,
    email: String,
    address: String,
    from: String,
    to: String,
    before: String,
) -> Result<Vec<SecurityLine>, ApiError> {
    let request = crate::server::request::current()?;
    request.require_supervisor().await?;
    crate::server::login::security_log(&request, &event, &email, &address, &from, &to, &before)
        .await
}

/// Supervisors, the service desk: for the login with `email`, `end_sessions` signs it out
/// everywhere; `reset_second_factor` turns its two-step sign-in off and signs it out, for a
/// person who lost their authenticator and recovery codes. `note` says how the supervisor
/// checked who asked (required; kept in the security log). Needs the supervisor's password
/// within the last 10 minutes. Answers how many sessions ended.
#[server(endpoint = "supervisor/desk", protocol = crate::api::codec::Call)]
pub async fn desk_action(email: String, action: String, note: String) -> Result<u64, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_supervisor().await?;
    crate::server::login::desk_action(&request, &user, &email, &action, &note).await
}
