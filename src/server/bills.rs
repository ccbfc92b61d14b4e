//! The bill page's answer, built in one place from what the store read.

use crate::api::bills::BillDetail;
use crate::domain::usage::explain;
use crate::server::store::bills::BillRecord;
use chrono::NaiveDate;

/// A bill in full as the page shows it, with why it is what it is.
pub fn bill_detail(record: BillRecord, today: NaiveDate) -> BillDetail {
    let next_tier_reset = record.tariff_rules.next_tier_reset(today);
    let explanation = explain(
        &record.facts,
        record.before.as_ref(),
        record.year_ago.as_ref(),
        next_tier_reset,
    );
    let reference = crate::domain::bill::reference(
        &record.summary.account_number,
        record.summary.period_start,
        record.summary.id,
    );
    BillDetail {
        summary: record.summary,
        account: record.account,
        issued_on: record.issued_on,
        meter_serial: record.meter_serial,
        tariff: record.tariff,
        readings: record.readings,
        lines: record.lines,
        payments: record.payments,
        next_tier_reset,
        explanation,
        reference,
    }
}

/// The first page a signed-in customer sees: their accounts, what is owed, the latest bill,
/// and the jobs they may rate. The `bills/overview` function and the server-written first view
/// of the overview page both answer with it.
pub async fn overview(
    request: &crate::server::request::Request,
    user: &crate::server::store::User,
) -> Result<crate::api::bills::Overview, crate::api::ApiError> {
    let mut overview = request
        .state
        .store
        .overview(user.id, request.today())
        .await?;
    overview.to_rate = crate::server::feedback::to_rate(request, user).await?;
    Ok(overview)
}
