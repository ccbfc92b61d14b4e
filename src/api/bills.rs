//! Bills: the overview, a service account's bill history, one bill in full.

use crate::api::ApiError;
use crate::api::accounts::{LocalName, ServiceAccountSummary};
use crate::domain::{BillStatus, Fen, KilowattHours, LineKind, PricePerKwh, RowId};
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Bills per page in a bill history.
pub const BILLS_PER_PAGE: u32 = 12;

/// A bill as it appears in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillSummary {
    pub id: RowId,
    pub account_id: RowId,
    pub account_number: String,
    /// The date of the opening meter reading.
    #[serde(with = "crate::domain::local_time::day")]
    pub period_start: NaiveDate,
    /// The date of the closing meter reading.
    #[serde(with = "crate::domain::local_time::day")]
    pub period_end: NaiveDate,
    pub energy: KilowattHours,
    pub total: Fen,
    pub paid: Fen,
    #[serde(with = "crate::domain::local_time::day")]
    pub due_on: NaiveDate,
    pub status: BillStatus,
}

impl BillSummary {
    /// What is still owed on this bill.
    pub fn balance(&self) -> Fen {
        if self.paid >= self.total {
            Fen::ZERO
        } else {
            self.total - self.paid
        }
    }
}

/// One page of a service account's bills, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillPage {
    pub account: ServiceAccountSummary,
    pub bills: Vec<BillSummary>,
    pub page: u32,
    pub page_count: u32,
    pub total_bills: u32,
}

/// A meter register's readings at the start and end of a bill's period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingPair {
    /// `total`, `peak` or `valley`.
    pub register: String,
    pub start: KilowattHours,
    pub end: KilowattHours,
    /// True when either reading was estimated rather than read.
    pub estimated: bool,
}

/// One charge line of a bill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillLine {
    pub kind: LineKind,
    pub energy: KilowattHours,
    pub price: PricePerKwh,
    pub amount: Fen,
}

/// A payment received against a bill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    /// Its receipt's id.
    pub id: RowId,
    /// Unix seconds.
    pub paid_at: i64,
    pub amount: Fen,
    pub channel: String,
    pub reference: String,
}

/// A bill in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillDetail {
    pub summary: BillSummary,
    pub account: ServiceAccountSummary,
    #[serde(with = "crate::domain::local_time::day")]
    pub issued_on: NaiveDate,
    pub meter_serial: String,
    pub tariff: LocalName,
    pub readings: Vec<ReadingPair>,
    pub lines: Vec<BillLine>,
    pub payments: Vec<Payment>,
    /// When the residential tiers next start again, for tiered tariffs.
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub next_tier_reset: Option<NaiveDate>,
    /// Why the bill is what it is: against the bill before and the year before, more days,
    /// higher tiers, more peak, a new tariff, the tier reset.
    pub explanation: Vec<crate::domain::usage::Reason>,
    /// The bill's reference, printed on it: account number, period and bill number.
    pub reference: String,
}

/// The first page a signed-in customer sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    /// The accounts the person holds themselves (organisations' sites are on each
    /// organisation's dashboard).
    pub accounts: Vec<ServiceAccountSummary>,
    /// All that is owed across those accounts.
    pub balance_due: Fen,
    /// The earliest due date among bills still owed.
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub next_due: Option<NaiveDate>,
    /// The newest bill across the person's accounts.
    pub latest_bill: Option<BillSummary>,
    /// Jobs finished in the last 30 days that the person has not rated yet.
    pub to_rate: Vec<crate::api::feedback::RateableJob>,
}

/// The overview: balance due, next due date, latest bill, service accounts.
#[server(endpoint = "bills/overview", protocol = crate::api::codec::Call)]
pub async fn get_overview() -> Result<Overview, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::bills::overview(&request, &user).await
}

/// One page of a service account's bills, newest first.
#[server(endpoint = "bills/list", protocol = crate::api::codec::Call)]
pub async fn list_bills(account_id: String, page: String) -> Result<BillPage, ApiError> {
    use crate::domain::{Field, parse_page, parse_row_id};
    let account = parse_row_id(Field::AccountId, &account_id)?;
    let page = parse_page(&page)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    request.may_read_account(&user, account).await?;
    Ok(request
        .state
        .store
        .bill_page(account, page, BILLS_PER_PAGE, request.today())
        .await?)
}

/// One bill in full: readings, lines by tier or period, payments.
#[server(endpoint = "bills/detail", protocol = crate::api::codec::Call)]
pub async fn get_bill(bill_id: String) -> Result<BillDetail, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let bill = parse_row_id(Field::BillId, &bill_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    let today = request.today();
    let record = request
        .state
        .store
        .bill_record(bill, user.id, today)
        .await?
        .ok_or(ApiError::NotFound)?;
    // Someone else's bill is as unknown as one that does not exist.
    if !record.visible && !user.role.is_staff() {
        return Err(ApiError::NotFound);
    }
    Ok(crate::server::bills::bill_detail(record, today))
}
