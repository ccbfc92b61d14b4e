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
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub figures: Figures,
    pub at_risk: Vec<AtRisk>,
}

/// Supervisors: the figures for `from..=to` (`YYYY-MM-DD`, local dates; at most 3 years).
#[server(endpoint = "supervisor/dashboard", input = server_fn::codec::Json)]
pub async fn get_dashboard(from: String, to: String) -> Result<Dashboard, ApiError> {
    let request = crate::server::request::current()?;
    request.require_supervisor().await?;
    crate::server::supervisor::dashboard(&request, &from, &to).await
}

/// Supervisors: the dashboard's table as CSV text.
#[server(endpoint = "supervisor/dashboard_csv", input = server_fn::codec::Json)]
pub async fn dashboard_csv(from: String, to: String) -> Result<String, ApiError> {
    let request = crate::server::request::current()?;
    request.require_supervisor().await?;
    let d = crate::server::supervisor::dashboard(&request, &from, &to).await?;
    Ok(d.figures.to_csv())
}
