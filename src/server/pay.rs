//! Paying: GridCare's side of the hosted-checkout boundary (the protocol is written out in
//! `server::paysandbox`). A person's payment becomes an order with an idempotency key and an
//! amount in fen per account; the provider's page takes the money; only the provider's signed
//! notice (`POST /api/pay/notify`) marks the order paid, never the browser coming back.

use crate::api::ApiError;
use crate::api::pay::{Checkout, OrderView, PartView, Receipt};
use crate::domain::ledger::{Notice, NoticeOutcome, OrderState, on_notice};
use crate::domain::{Fen, Field, FieldError, Problem, RowId};
use crate::server::AppState;
use crate::server::paysandbox::{
    AgreementRef, AgreementStatus, Charge, CreatedAgreement, CreatedOrder, NewAgreement, NewCharge,
    NewOrder as ProviderOrder, Notice as ProviderNotice,
};
use crate::server::request::Request;
use crate::server::store::User;
use crate::server::store::pay::{NewOrder, OrderRow, Settled};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use std::time::Duration;

/// How long a customer has on the provider's page before the order expires (seconds).
pub const ORDER_LIFETIME_SECS: i64 = 30 * 60;

/// The provider GridCare sends orders to, and the secret its notices are signed with.
#[derive(Clone)]
pub struct Provider {
    url: String,
    key: String,
    secret: Vec<u8>,
    http: reqwest::Client,
}

impl std::fmt::Debug for Provider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the key or the secret.
        f.debug_struct("Provider").field("url", &self.url).finish()
    }
}

/// Why the provider did not take an order.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    #[error("the payment provider could not be reached: {0}")]
    Unreachable(String),
    #[error("the payment provider refused the order: {0} {1}")]
    Refused(u16, String),
}

impl Provider {
    pub fn new(url: &str, key: &str, secret: &str) -> Result<Provider, reqwest::Error> {
        Ok(Provider {
            url: url.trim_end_matches('/').to_string(),
            key: key.to_string(),
            secret: secret.as_bytes().to_vec(),
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(15))
                .build()?,
        })
    }

    /// Creates the order at the provider (a retry with the same `merchant_order` is safe).
    pub async fn create(
        &self,
        now: i64,
        order: &ProviderOrder,
    ) -> Result<CreatedOrder, ProviderError> {
        self.call(now, "/v1/orders", order).await
    }

    /// Asks for a standing agreement the payer signs on the provider's page.
    pub async fn new_agreement(
        &self,
        now: i64,
        agreement: &NewAgreement,
    ) -> Result<CreatedAgreement, ProviderError> {
        self.call(now, "/v1/agreements", agreement).await
    }

    /// Where the agreement `merchant_agreement` stands, in the provider's own word.
    pub async fn agreement(
        &self,
        now: i64,
        merchant_agreement: &str,
    ) -> Result<AgreementStatus, ProviderError> {
        let which = AgreementRef {
            merchant_agreement: merchant_agreement.to_string(),
        };
        self.call(now, "/v1/agreements/query", &which).await
    }

    /// Ends the agreement `merchant_agreement` at the provider.
    pub async fn cancel_agreement(
        &self,
        now: i64,
        merchant_agreement: &str,
    ) -> Result<AgreementStatus, ProviderError> {
        let which = AgreementRef {
            merchant_agreement: merchant_agreement.to_string(),
        };
        self.call(now, "/v1/agreements/cancel", &which).await
    }

    /// Takes money under an agreement (a retry with the same `merchant_order` moves none twice).
    pub async fn charge(&self, now: i64, charge: &NewCharge) -> Result<Charge, ProviderError> {
        self.call(now, "/v1/charges", charge).await
    }

    /// One signed call: the body as JSON, the key, the timestamp and the signature.
    async fn call<T: serde::Serialize, R: serde::de::DeserializeOwned>(
        &self,
        now: i64,
        path: &str,
        body: &T,
    ) -> Result<R, ProviderError> {
        let body =
            serde_json::to_vec(body).map_err(|e| ProviderError::Unreachable(e.to_string()))?;
        let answer = self
            .http
            .post(format!("{}{path}", self.url))
            .header("content-type", "application/json")
            .header("x-api-key", &self.key)
            .header("x-timestamp", now.to_string())
            .header(
                "x-signature",
                crate::server::signed::sign(&self.secret, now, &body),
            )
            .body(body)
            .send()
            .await
            .map_err(|e| ProviderError::Unreachable(e.without_url().to_string()))?;
        let status = answer.status();
        if !status.is_success() {
            let text = answer.text().await.unwrap_or_default();
            return Err(ProviderError::Refused(
                status.as_u16(),
                text.chars().take(200).collect(),
            ));
        }
        answer
            .json::<R>()
            .await
            .map_err(|e| ProviderError::Unreachable(e.without_url().to_string()))
    }
}

/// A new order's reference: `PO`, the local day, and eight random characters (`PO20261204K7Q2M9XA`).
pub(crate) fn new_reference(today: chrono::NaiveDate) -> String {
    let noise: String = crate::server::auth::new_token()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .filter(|c| !matches!(c, 'O' | '0' | 'I' | '1'))
        .take(8)
        .collect();
    format!("PO{}{noise}", today.format("%Y%m%d"))
}

/// One account's share of a payment, as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub account: RowId,
    pub bill: Option<RowId>,
    pub amount: Fen,
}

/// Starts paying `shares` (one per account, each already checked as the person's to pay):
/// creates the order, or finds the one made under the same key, and gets the provider's page.
pub async fn start(
    request: &Request,
    user: &User,
    organisation: Option<RowId>,
    shares: &[Share],
    key: &str,
    description: &str,
) -> Result<Checkout, ApiError> {
    let state = &request.state;
    let Some(provider) = state.pay.as_ref() else {
        return Err(ApiError::NotNow {
            reason: "online payment is not set up on this server".into(),
        });
    };
    let total: Fen = shares.iter().map(|s| s.amount).sum();
    if total > state.pay_max {
        return Err(
            FieldError::new(Field::Amount, Problem::TooLarge { max: state.pay_max }).into(),
        );
    }
    let now = state.clock.unix();
    let reference = new_reference(request.today());
    let parts: Vec<_> = shares
        .iter()
        .map(|s| (s.account, s.bill, s.amount))
        .collect();
    let order = state
        .store
        .create_order(&NewOrder {
            reference: &reference,
            idempotency_key: key,
            user_id: user.id,
            organisation_id: organisation.map(|o| o.0),
            provider: "hosted",
            parts: &parts,
            now,
            expires_at: now + ORDER_LIFETIME_SECS,
        })
        .await?;
    if order.state != OrderState::Open || !order.checkout_url.is_empty() {
        return Ok(checkout(&order));
    }
    let base = state.notifier.public_url.trim_end_matches('/');
    let created = provider
        .create(
            now,
            &ProviderOrder {
                merchant_order: order.reference.clone(),
                amount_fen: order.amount.0,
                currency: "CNY".into(),
                description: description.chars().take(120).collect(),
                notify_url: format!("{base}/api/pay/notify"),
                return_url: format!("{base}{}", crate::api::pages::Page::PayDone.href()),
                expires_at: order.expires_at,
            },
        )
        .await;
    match created {
        Ok(created) => {
            state
                .store
                .set_checkout(order.id, &created.order_id, &created.checkout_url)
                .await?;
            let mut order = order;
            order.checkout_url = created.checkout_url;
            Ok(checkout(&order))
        }
        Err(e) => {
            tracing::warn!(order = %order.reference, error = %e, "a payment order was not taken");
            Err(ApiError::NotNow {
                reason: "the payment service is not answering; nothing was charged".into(),
            })
        }
    }
}

fn checkout(order: &OrderRow) -> Checkout {
    Checkout {
        reference: order.reference.clone(),
        checkout_url: order.checkout_url.clone(),
        amount: order.amount,
    }
}

/// The order `reference` for the person who made it (anyone else: not found).
pub async fn order(request: &Request, user: &User, reference: &str) -> Result<OrderView, ApiError> {
    let order = request
        .state
        .store
        .order_by_reference(reference)
        .await?
        .filter(|o| o.user_id == user.id)
        .ok_or(ApiError::NotFound)?;
    let now = request.state.clock.unix();
    Ok(OrderView {
        reference: order.reference.clone(),
        state: order.state_at(now),
        amount: order.amount,
        created_at: order.created_at,
        organisation_id: order.organisation_id.map(RowId),
        parts: order
            .parts
            .iter()
            .map(|p| PartView {
                account_id: p.account_id,
                account_number: p.account_number.clone(),
                amount: p.amount,
                payment_id: p.payment_id,
            })
            .collect(),
    })
}

/// One payment's receipt, for whoever may read its account.
pub async fn receipt(request: &Request, user: &User, payment: RowId) -> Result<Receipt, ApiError> {
    let record = request
        .state
        .store
        .receipt(payment)
        .await?
        .ok_or(ApiError::NotFound)?;
    request.may_read_account(user, record.account_id).await?;
    let balance = request
        .state
        .store
        .account_balance(record.account_id)
        .await?;
    Ok(Receipt {
        payment_id: record.payment_id,
        account_id: record.account_id,
        account_number: record.account_number,
        holder_name: record.holder_name,
        premise_address: record.premise_address,
        reference: record.reference,
        order_reference: record.order_reference,
        paid_at: record.paid_at,
        amount: record.amount,
        channel: record.channel,
        bill_id: record.bill_id,
        refunded: record.refunds.iter().map(|r| r.1).sum(),
        balance_now: balance,
    })
}

/// `POST /api/pay/notify`: the provider's signed notice. A bad signature or a timestamp outside
/// the replay window is 400 and logged; an unknown order is logged and answered 404; a notice
/// heard before changes nothing; anything else is done once and answered 200.
pub async fn notify(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let now = state.clock.unix();
    let digest = crate::server::auth::sha256_hex(&body);
    let log = |order: String, status: String, amount: Option<Fen>, outcome: &'static str| {
        let store = state.store.clone();
        let digest = digest.clone();
        async move {
            if let Err(e) = store
                .log_notice(now, &order, &status, amount, outcome, &digest)
                .await
            {
                tracing::error!(error = %e, "a payment notice could not be logged");
            }
        }
    };
    let Some(provider) = state.pay.as_ref() else {
        tracing::warn!("a payment notice came, but no provider is set up");
        log(String::new(), String::new(), None, "no_provider").await;
        return StatusCode::NOT_FOUND;
    };
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Err(why) = crate::server::signed::check(
        &provider.secret,
        now,
        header("x-timestamp"),
        header("x-signature"),
        &body,
    ) {
        tracing::warn!(why = why.as_str(), body_sha256 = %digest, "a payment notice was refused");
        log(String::new(), String::new(), None, why.as_str()).await;
        return StatusCode::BAD_REQUEST;
    }
    let Ok(notice) = serde_json::from_slice::<ProviderNotice>(&body) else {
        tracing::warn!(body_sha256 = %digest, "a signed payment notice could not be read");
        log(String::new(), String::new(), None, "unreadable").await;
        return StatusCode::BAD_REQUEST;
    };
    let what = match notice.status.as_str() {
        "paid" => Notice::Paid {
            amount: Fen(notice.amount_fen),
        },
        "failed" => Notice::Failed,
        "cancelled" => Notice::Cancelled,
        _ => {
            log(notice.merchant_order, notice.status, None, "unknown_status").await;
            return StatusCode::BAD_REQUEST;
        }
    };
    let amount = Some(Fen(notice.amount_fen));
    let order = match state.store.order_by_reference(&notice.merchant_order).await {
        Ok(Some(order)) => order,
        Ok(None) => {
            tracing::warn!(order = %notice.merchant_order, "a payment notice names no order of ours");
            log(
                notice.merchant_order,
                notice.status,
                amount,
                "unknown_order",
            )
            .await;
            return StatusCode::NOT_FOUND;
        }
        Err(e) => {
            tracing::error!(error = %e, "a payment notice could not be read against its order");
            return StatusCode::SERVICE_UNAVAILABLE;
        }
    };
    let outcome = on_notice(order.state_at(now), order.amount, what);
    if outcome == NoticeOutcome::AmountMismatch {
        tracing::warn!(order = %order.reference, notice = notice.amount_fen,
            ordered = order.amount.0, "a payment notice's amount is not the order's");
        log(
            notice.merchant_order,
            notice.status,
            amount,
            "amount_mismatch",
        )
        .await;
        return StatusCode::BAD_REQUEST;
    }
    let settled = match state
        .store
        .settle_order(&order, outcome, order.channel(), now)
        .await
    {
        Ok(s) => s,
        Err(e) => {
            // Not logged as heard: the provider tries again.
            tracing::error!(error = %e, order = %order.reference, "a payment could not be recorded");
            return StatusCode::SERVICE_UNAVAILABLE;
        }
    };
    let word = match settled {
        Settled::Credited => "credited",
        Settled::Moved(OrderState::Failed) => "failed",
        Settled::Moved(OrderState::Cancelled) => "cancelled",
        Settled::Moved(_) => "moved",
        Settled::Unchanged => "unchanged",
    };
    tracing::info!(order = %order.reference, outcome = word, "payment notice");
    log(notice.merchant_order, notice.status, amount, word).await;
    StatusCode::OK
}

/// Paying `amount` (yuan, as typed) on one account the person may act for; `bill` is the bill
/// they started from, if any (it must be the account's).
pub async fn start_for_account(
    request: &Request,
    user: &User,
    account: RowId,
    bill: Option<RowId>,
    amount: &str,
    key: &str,
) -> Result<Checkout, ApiError> {
    request.may_act_for_account(user, account).await?;
    let store = &request.state.store;
    if let Some(bill) = bill
        && store.bill_account(bill).await? != Some(account)
    {
        return Err(ApiError::NotFound);
    }
    // A bill paid in full is closed: paying "this bill" again is a mistake, not credit.
    if let Some(bill) = bill
        && !store.bill_left(bill).await?.is_positive()
    {
        return Err(FieldError::new(Field::BillId, Problem::AlreadyPaid).into());
    }
    let amount = crate::domain::ledger::parse_amount(Field::Amount, amount, request.state.pay_max)?;
    let number = store
        .account_summary(account)
        .await?
        .ok_or(ApiError::NotFound)?
        .account_number;
    let share = Share {
        account,
        bill,
        amount,
    };
    start(
        request,
        user,
        None,
        &[share],
        key,
        &format!("GridCare {number}"),
    )
    .await
}

/// Paying what each of `sites` (ids separated by commas) of organisation `organisation` owes
/// now, in one payment: owners and managers only. A site that owes nothing, or is not the
/// organisation's, is refused by name.
pub async fn start_for_sites(
    request: &Request,
    user: &User,
    organisation: &str,
    sites: &str,
    key: &str,
) -> Result<Checkout, ApiError> {
    let member = crate::server::organisations::member_of(request, user, organisation).await?;
    if !member.role.may_act() {
        return Err(ApiError::Forbidden);
    }
    let ids: Vec<RowId> = sites
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| crate::domain::parse_row_id(Field::Sites, s))
        .collect::<Result<_, _>>()?;
    if ids.is_empty() {
        return Err(FieldError::new(Field::Sites, Problem::Required).into());
    }
    if ids.len() > MAX_SITES_PER_PAYMENT {
        return Err(FieldError::new(
            Field::Sites,
            Problem::OutOfRange {
                min: 1,
                max: MAX_SITES_PER_PAYMENT as i64,
            },
        )
        .into());
    }
    let store = &request.state.store;
    let mut shares = Vec::with_capacity(ids.len());
    for id in ids {
        if shares.iter().any(|s: &Share| s.account == id) {
            continue;
        }
        if store.account_organisation(id).await? != Some(member.organisation_id.0) {
            return Err(FieldError::new(Field::Sites, Problem::NotAllowed).into());
        }
        let owed = store.account_balance(id).await?;
        if !owed.is_positive() {
            return Err(FieldError::new(Field::Sites, Problem::NotPositive).into());
        }
        shares.push(Share {
            account: id,
            bill: None,
            amount: owed,
        });
    }
    let description = format!("GridCare {}: {} sites", member.name, shares.len());
    start(
        request,
        user,
        Some(member.organisation_id),
        &shares,
        key,
        &description,
    )
    .await
}

/// The most sites one payment may cover.
pub const MAX_SITES_PER_PAYMENT: usize = 500;

/// What `account` owes, for the payment form of someone who may read it.
pub async fn options(
    request: &Request,
    user: &User,
    account: RowId,
) -> Result<crate::api::pay::AccountToPay, ApiError> {
    request.may_read_account(user, account).await?;
    let may_act = match request.may_act_for_account(user, account).await {
        Ok(()) => true,
        Err(ApiError::Forbidden | ApiError::NotFound) => false,
        Err(e) => return Err(e),
    };
    crate::server::autopay::account_to_pay(request, account, may_act).await
}

fn staff_payment(p: crate::server::store::pay::PaymentRow) -> crate::api::pay::StaffPayment {
    crate::api::pay::StaffPayment {
        id: p.id,
        account_id: p.account_id,
        account_number: p.account_number,
        holder_name: p.holder_name,
        paid_at: p.paid_at,
        amount: p.amount,
        refunded: p.refunded,
        channel: p.channel,
        reference: p.reference,
    }
}

/// Staff's payment search (see `api::pay::staff_payments`). Every search is in the security
/// log as a staff read when it names an account.
pub async fn staff_search(
    request: &Request,
    user: &User,
    account_number: &str,
    reference: &str,
    from: &str,
    to: &str,
) -> Result<Vec<crate::api::pay::StaffPayment>, ApiError> {
    use crate::domain::local_time::{day_start, parse_day};
    let day = |field, s: &str| -> Result<Option<chrono::NaiveDate>, ApiError> {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            Ok(Some(parse_day(field, s)?))
        }
    };
    let from = day(Field::From, from)?;
    let to = day(Field::To, to)?;
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        return Err(FieldError::new(Field::To, Problem::TooSoon).into());
    }
    let number = account_number.trim();
    if !number.is_empty() {
        crate::domain::AccountNumber::parse(number)?;
        request
            .staff_read(user, &format!("payments of account {number}"))
            .await?;
    }
    let search = crate::server::store::pay::PaymentSearch {
        account_number: number.to_string(),
        reference: reference.trim().to_string(),
        from: from.map(day_start),
        to: to.and_then(|t| t.succ_opt()).map(day_start),
    };
    Ok(request
        .state
        .store
        .search_payments(&search)
        .await?
        .into_iter()
        .map(staff_payment)
        .collect())
}

/// A supervisor refunds part or all of a payment (see `api::pay::refund_payment`).
pub async fn refund(
    request: &Request,
    user: &User,
    payment: RowId,
    amount: &str,
    reason: &str,
) -> Result<crate::api::pay::StaffPayment, ApiError> {
    use crate::server::store::pay::RefundRefused;
    let store = &request.state.store;
    let row = store
        .payment_row(payment)
        .await?
        .ok_or(ApiError::NotFound)?;
    let left = Fen(row.amount.0 - row.refunded.0);
    if !left.is_positive() {
        return Err(ApiError::NotNow {
            reason: "this payment has been refunded in full".into(),
        });
    }
    let amount = crate::domain::ledger::parse_amount(Field::Amount, amount, left)?;
    let now = request.state.clock.unix();
    match store.refund(payment, amount, reason, user.id, now).await? {
        Ok(()) => {}
        Err(RefundRefused::NoSuchPayment) => return Err(ApiError::NotFound),
        Err(RefundRefused::MoreThanLeft(left)) => {
            return Err(FieldError::new(Field::Amount, Problem::TooLarge { max: left }).into());
        }
    }
    tracing::info!(
        payment = payment.0,
        amount = amount.0,
        staff = user.id,
        "refund"
    );
    let row = store
        .payment_row(payment)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(staff_payment(row))
}

/// The largest bank statement one upload takes.
pub const MAX_STATEMENT_BYTES: usize = 2 * 1024 * 1024;

/// Reads a bank statement in CSV: a header naming `date` (`2026-12-03`), `amount` (yuan,
/// `1,234.50`), `reference` (the transfer's text) and `transaction_id` (the bank's own, unique),
/// in any order, then one line per credit. A file without that header is not a statement
/// (`None`); a line that cannot be read refuses the whole file with its number, so nothing is
/// half taken.
pub fn read_statement(
    text: &[u8],
) -> Result<Vec<crate::server::store::pay::NewStatementLine>, Option<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(text);
    let headers = reader.headers().map_err(|_| None)?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}').eq_ignore_ascii_case(name))
            .ok_or(None)
    };
    let (date, amount, reference, transaction) = (
        column("date")?,
        column("amount")?,
        column("reference")?,
        column("transaction_id")?,
    );
    let mut lines = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let number = n + 2;
        let line = |why: String| Some(format!("line {number}: {why}"));
        let record = record.map_err(|e| line(e.to_string()))?;
        let field = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let booked_on = crate::domain::local_time::read_day(&field(date))
            .ok_or_else(|| line("the date is not like 2026-12-03".into()))?;
        let amount =
            crate::domain::ledger::parse_amount(Field::Amount, &field(amount), Fen(i64::MAX / 2))
                .map_err(|e| line(e.to_string()))?;
        let transaction_id = field(transaction);
        if transaction_id.is_empty() || transaction_id.chars().count() > 64 {
            return Err(line(
                "the transaction id is missing or longer than 64 characters".into(),
            ));
        }
        let text = field(reference);
        crate::domain::input::refuse_hidden_characters(Field::File, &text, false)
            .map_err(|e| line(e.to_string()))?;
        lines.push(crate::server::store::pay::NewStatementLine {
            transaction_id,
            booked_on,
            amount,
            text: text.chars().take(500).collect(),
        });
    }
    if lines.is_empty() {
        return Err(Some("the statement has no lines".into()));
    }
    Ok(lines)
}

fn waiting_line(l: crate::server::store::pay::StatementLineRow) -> crate::api::pay::WaitingLine {
    crate::api::pay::WaitingLine {
        id: l.id,
        transaction_id: l.transaction_id,
        booked_on: l.booked_on,
        amount: l.amount,
        text: l.text,
    }
}

/// The lines waiting for staff.
pub async fn waiting(request: &Request) -> Result<Vec<crate::api::pay::WaitingLine>, ApiError> {
    Ok(request
        .state
        .store
        .unmatched_lines()
        .await?
        .into_iter()
        .map(waiting_line)
        .collect())
}

/// Staff assign a waiting line to an account.
pub async fn assign(
    request: &Request,
    user: &User,
    line: RowId,
    number: &crate::domain::AccountNumber,
) -> Result<crate::api::pay::StaffPayment, ApiError> {
    use crate::server::store::pay::AssignRefused;
    let store = &request.state.store;
    let payment = match store.assign_line(line, number.as_str()).await? {
        Ok(p) => p,
        Err(AssignRefused::NoSuchLine) => return Err(ApiError::NotFound),
        Err(AssignRefused::NoSuchAccount) => {
            return Err(FieldError::new(Field::AccountNumber, Problem::NotAllowed).into());
        }
        Err(AssignRefused::AlreadyPaid) => return Err(ApiError::Conflict),
    };
    tracing::info!(
        line = line.0,
        payment = payment.0,
        staff = user.id,
        "statement line assigned"
    );
    let row = store
        .payment_row(payment)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(staff_payment(row))
}

/// `POST /api/pay/statement`: staff upload a bank statement (CSV as the body).
pub async fn statement(
    State(state): State<AppState>,
    req: axum::extract::Request,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let (parts, body) = req.into_parts();
    let request = Request::new(state, parts);
    let answer = async {
        let user = request.require_staff().await?;
        let bytes = axum::body::to_bytes(body, MAX_STATEMENT_BYTES + 1)
            .await
            .map_err(|_| {
                FieldError::new(
                    Field::File,
                    Problem::TooLong {
                        max: MAX_STATEMENT_BYTES as u32,
                    },
                )
            })?;
        let lines = read_statement(&bytes).map_err(|why| match why {
            Some(message) => ApiError::BadRequest { message },
            None => FieldError::new(Field::File, Problem::Malformed).into(),
        })?;
        let now = request.state.clock.unix();
        let (mut matched, mut already_seen) = (0, 0);
        for line in &lines {
            use crate::server::store::pay::LineOutcome;
            match request
                .state
                .store
                .take_statement_line(line, user.id, now)
                .await?
            {
                LineOutcome::Matched => matched += 1,
                LineOutcome::AlreadySeen => already_seen += 1,
                LineOutcome::Unmatched => {}
            }
        }
        tracing::info!(
            lines = lines.len(),
            matched,
            already_seen,
            staff = user.id,
            "bank statement"
        );
        Ok::<_, ApiError>(crate::api::pay::Reconciled {
            lines: lines.len() as u32,
            matched,
            already_seen,
            waiting: waiting(&request).await?,
        })
    }
    .await;
    match answer {
        Ok(r) => axum::Json(r).into_response(),
        Err(e) => crate::server::http::error_response(&e),
    }
}
