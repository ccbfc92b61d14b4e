//! Paying bills: starting a payment at the provider's page, following the order, receipts.
//! The provider's notice that marks an order paid is not a server function: it is the route
//! `POST /api/pay/notify` (`server::pay::notify`), signed by the provider.

use crate::api::ApiError;
use crate::domain::ledger::OrderState;
use crate::domain::{Fen, RowId};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Where to send the person to pay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkout {
    /// The order's reference (`PO20261204K7Q2M9XA`).
    pub reference: String,
    /// The provider's page.
    pub checkout_url: String,
    pub amount: Fen,
}

/// One account's share of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartView {
    pub account_id: RowId,
    pub account_number: String,
    pub amount: Fen,
    /// The payment it became, once the provider confirmed it: its receipt.
    pub payment_id: Option<RowId>,
}

/// An order as its payer follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub reference: String,
    pub state: OrderState,
    pub amount: Fen,
    /// Unix seconds.
    pub created_at: i64,
    /// The organisation paid for, if any.
    pub organisation_id: Option<RowId>,
    pub parts: Vec<PartView>,
}

/// One payment's receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub payment_id: RowId,
    pub account_id: RowId,
    pub account_number: String,
    pub holder_name: String,
    pub premise_address: String,
    /// The receipt's number.
    pub reference: String,
    pub order_reference: Option<String>,
    /// Unix seconds.
    pub paid_at: i64,
    pub amount: Fen,
    /// `online`, `wechat`, `alipay`, `online_banking`, `counter`, `bank_transfer`.
    pub channel: String,
    /// The bill the payer paid from, if any.
    pub bill_id: Option<RowId>,
    /// What has been refunded of it.
    pub refunded: Fen,
    /// What the account owes now (negative: credit).
    pub balance_now: Fen,
}

/// What one account owes and its open bills, for the payment form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountToPay {
    pub account_id: RowId,
    pub account_number: String,
    pub premise_address: String,
    /// The ledger's balance: what is owed (negative: credit carried to the next bill).
    pub balance: Fen,
    /// The most one payment may be.
    pub max: Fen,
    /// True when the person may pay (they hold the account, or manage its organisation).
    pub may_act: bool,
    /// A prepaid account (预付费): money is paid in first and each bill is taken from it.
    pub prepaid: bool,
    /// The prepaid balance under which the holders are warned, if they set one.
    pub low_balance: Option<Fen>,
    /// About how many days the prepaid credit lasts at the recent bills' rate.
    pub days_left: Option<u32>,
    /// The standing instruction to pay each bill on its due day, if there is one.
    pub autopay: Option<AutopayView>,
    /// The latest bills autopay tried, newest first.
    pub autopay_runs: Vec<AutopayRun>,
}

/// A standing instruction (代扣) as its account's holders see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutopayView {
    /// False while the provider waits for the payer to agree on its page.
    pub active: bool,
    /// The most it takes for one bill.
    pub max: Option<Fen>,
    /// Unix seconds: when the person asked for it.
    pub consented_at: i64,
    /// Where the payer agrees, while it waits for them.
    pub sign_url: String,
}

/// One bill autopay tried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutopayRun {
    pub bill_id: RowId,
    /// The first day of the bill's period (`2026-11-01`).
    pub period_start: String,
    /// `claimed` (under way), `paid`, `failed`, `over_limit`.
    pub outcome: String,
    pub amount: Option<Fen>,
    /// Unix seconds.
    pub at: i64,
    /// The payment it made: its receipt.
    pub payment_id: Option<RowId>,
}

/// Starts paying `amount` (yuan, as typed: `120`, `120.50`) on `account_id`, from the bill
/// `bill_id` when there is one (empty otherwise). Partial payments and paying ahead are both
/// allowed; the money goes to the oldest unpaid bill first and the rest is credit. The same
/// `idempotency_key` again gives back the same order.
#[server(endpoint = "pay/start", protocol = crate::api::codec::Call)]
pub async fn start_payment(
    account_id: String,
    bill_id: String,
    amount: String,
    idempotency_key: String,
) -> Result<Checkout, ApiError> {
    use crate::domain::input::parse_idempotency_key;
    use crate::domain::{Field, parse_row_id};
    let account = parse_row_id(Field::AccountId, &account_id)?;
    let bill = if bill_id.trim().is_empty() {
        None
    } else {
        Some(parse_row_id(Field::BillId, &bill_id)?)
    };
    let key = parse_idempotency_key(&idempotency_key)?;
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::pay::start_for_account(&request, &user, account, bill, &amount, key).await
}

/// Starts paying everything each of `sites` (ids separated by commas) of organisation
/// `organisation_id` owes, in one payment: for the organisation's owners and managers.
#[server(endpoint = "pay/start_sites", protocol = crate::api::codec::Call)]
pub async fn start_site_payment(
    organisation_id: String,
    sites: String,
    idempotency_key: String,
) -> Result<Checkout, ApiError> {
    let key = crate::domain::input::parse_idempotency_key(&idempotency_key)?;
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::pay::start_for_sites(&request, &user, &organisation_id, &sites, key).await
}

/// An order the signed-in person made, by its reference: where it stands.
#[server(endpoint = "pay/order", protocol = crate::api::codec::Call)]
pub async fn payment_order(reference: String) -> Result<OrderView, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::pay::order(&request, &user, reference.trim()).await
}

/// One payment's receipt, for whoever may read its account.
#[server(endpoint = "pay/receipt", protocol = crate::api::codec::Call)]
pub async fn payment_receipt(payment_id: String) -> Result<Receipt, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let payment = parse_row_id(Field::PaymentId, &payment_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::pay::receipt(&request, &user, payment).await
}

/// What an account owes, for the payment form.
#[server(endpoint = "pay/options", protocol = crate::api::codec::Call)]
pub async fn pay_options(account_id: String) -> Result<AccountToPay, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let account = parse_row_id(Field::AccountId, &account_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::pay::options(&request, &user, account).await
}

/// A payment as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffPayment {
    pub id: RowId,
    pub account_id: RowId,
    pub account_number: String,
    pub holder_name: String,
    /// Unix seconds.
    pub paid_at: i64,
    pub amount: Fen,
    /// What has been refunded of it so far.
    pub refunded: Fen,
    pub channel: String,
    pub reference: String,
}

/// Staff: payments by account number, receipt or order reference, and local days `from` to
/// `to` (inclusive, `2026-12-01`); empty parts match everything. Newest first, at most 100.
#[server(endpoint = "pay/staff_search", protocol = crate::api::codec::Call)]
pub async fn staff_payments(
    account_number: String,
    reference: String,
    from: String,
    to: String,
) -> Result<Vec<StaffPayment>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_staff().await?;
    crate::server::pay::staff_search(&request, &user, &account_number, &reference, &from, &to).await
}

/// Supervisors: refunds `amount` (yuan) of a payment, with the `reason` the customer is given.
/// A refund is a new row, never a change to the payment; never more than the payment has left.
#[server(endpoint = "pay/refund", protocol = crate::api::codec::Call)]
pub async fn refund_payment(
    payment_id: String,
    amount: String,
    reason: String,
) -> Result<StaffPayment, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let payment = parse_row_id(Field::PaymentId, &payment_id)?;
    let reason = crate::domain::ledger::parse_reason(&reason)?;
    let request = crate::server::request::current()?;
    let user = request.require_supervisor().await?;
    crate::server::pay::refund(&request, &user, payment, &amount, &reason).await
}

/// A statement line no account was found for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingLine {
    pub id: RowId,
    pub transaction_id: String,
    #[serde(with = "crate::domain::local_time::day")]
    pub booked_on: chrono::NaiveDate,
    pub amount: Fen,
    pub text: String,
}

/// What an uploaded bank statement did (`POST /api/pay/statement`, the CSV as the body).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reconciled {
    pub lines: u32,
    /// Paid onto the account their reference named.
    pub matched: u32,
    /// Seen in an earlier upload: nothing done.
    pub already_seen: u32,
    /// Every line still waiting for staff, this upload's and earlier ones.
    pub waiting: Vec<WaitingLine>,
}

/// Staff: the statement lines waiting to be assigned.
#[server(endpoint = "pay/waiting", protocol = crate::api::codec::Call)]
pub async fn waiting_lines() -> Result<Vec<WaitingLine>, ApiError> {
    let request = crate::server::request::current()?;
    request.require_staff().await?;
    crate::server::pay::waiting(&request).await
}

/// Staff: pays a waiting statement line onto the account numbered `account_number`.
#[server(endpoint = "pay/assign", protocol = crate::api::codec::Call)]
pub async fn assign_line(
    line_id: String,
    account_number: String,
) -> Result<StaffPayment, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let line = parse_row_id(Field::LineId, &line_id)?;
    let number = crate::domain::AccountNumber::parse(&account_number)?;
    let request = crate::server::request::current()?;
    let user = request.require_staff().await?;
    crate::server::pay::assign(&request, &user, line, &number).await
}

/// Where the payer agrees to autopay at the provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutopaySign {
    pub sign_url: String,
}

/// Asks for autopay on `account_id`: each bill falling due from today on is paid on its due
/// day, whole, unless it is more than `max_amount` (yuan; empty for no limit). `consent` must be
/// `true`: the person agrees here, then again on the provider's page.
#[server(endpoint = "pay/autopay_start", protocol = crate::api::codec::Call)]
pub async fn start_autopay(
    account_id: String,
    max_amount: String,
    consent: String,
) -> Result<AutopaySign, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let account = parse_row_id(Field::AccountId, &account_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::autopay::start(&request, &user, account, &max_amount, consent == "true").await
}

/// The provider sent the payer back from agreeing (or not) to `agreement`: asks the provider
/// where it stands and gives back the account's payment form.
#[server(endpoint = "pay/autopay_confirm", protocol = crate::api::codec::Call)]
pub async fn confirm_autopay(agreement: String) -> Result<AccountToPay, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::autopay::confirm(&request, &user, agreement.trim()).await
}

/// Ends autopay on `account_id`, at the provider too.
#[server(endpoint = "pay/autopay_cancel", protocol = crate::api::codec::Call)]
pub async fn cancel_autopay(account_id: String) -> Result<AccountToPay, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let account = parse_row_id(Field::AccountId, &account_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::autopay::cancel(&request, &user, account).await
}

/// Sets the prepaid balance (yuan) under which the holders of `account_id` are warned; empty
/// turns the warning off.
#[server(endpoint = "pay/low_balance", protocol = crate::api::codec::Call)]
pub async fn set_low_balance(account_id: String, amount: String) -> Result<AccountToPay, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let account = parse_row_id(Field::AccountId, &account_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::autopay::set_low_balance(&request, &user, account, &amount).await
}
