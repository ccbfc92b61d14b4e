//! Autopay (代扣) and prepaid accounts (预付费) on the server.
//!
//! Autopay: the person asks for it here (with their consent, kept with its time), agrees again
//! on the provider's page, and GridCare asks the provider whether they did before it stands.
//! Each bill that falls due from the day of consent on is then charged on its due day, whole,
//! by whichever server claims it first (`Store::claim_autopay_run`), through an order keyed by
//! the bill, so a retry after a crash never takes the money twice.
//!
//! Prepaid: an account's credit, a days-left estimate from its recent bills, and a warning
//! under the level its holders set.

use crate::api::ApiError;
use crate::api::pay::{AccountToPay, AutopayRun, AutopaySign, AutopayView};
use crate::domain::ledger::{AutopayStep, Notice, OrderState, autopay_step, on_notice};
use crate::domain::notify::{Facts, Kind};
use crate::domain::{Fen, Field, FieldError, Problem, RowId};
use crate::server::clock::Clock;
use crate::server::notify::Notifier;
use crate::server::pay::{ORDER_LIFETIME_SECS, Provider, ProviderError};
use crate::server::paysandbox::{NewAgreement, NewCharge};
use crate::server::request::Request;
use crate::server::store::notify::Audience;
use crate::server::store::pay::{NewOrder, Settled};
use crate::server::store::{Store, StoreError, User};

/// A claim no server has finished in this long is taken over by the next run.
pub const STALE_CLAIM_SECS: i64 = 10 * 60;

/// How many recent bills the days-left estimate goes by.
const RATE_BILLS: i64 = 3;

fn provider(request: &Request) -> Result<&Provider, ApiError> {
    request.state.pay.as_deref().ok_or(ApiError::NotNow {
        reason: "online payment is not set up on this server".into(),
    })
}

fn unreachable(e: &ProviderError) -> ApiError {
    tracing::warn!(error = %e, "the payment provider did not answer an autopay call");
    ApiError::NotNow {
        reason: "the payment service is not answering; nothing was changed".into(),
    }
}

/// The payment form's account: what is owed, prepaid credit, autopay.
pub async fn account_to_pay(
    request: &Request,
    account: RowId,
    may_act: bool,
) -> Result<AccountToPay, ApiError> {
    let store = &request.state.store;
    let summary = store
        .account_summary(account)
        .await?
        .ok_or(ApiError::NotFound)?;
    let balance = store.account_balance(account).await?;
    let (prepaid, low_balance) = store.prepaid_settings(account).await?;
    let days_left = if prepaid {
        let recent: Vec<(Fen, u32)> = store
            .recent_bill_totals(account, RATE_BILLS)
            .await?
            .into_iter()
            .filter_map(|(total, start, end)| {
                let day = crate::domain::local_time::read_day;
                let days = (day(&end)? - day(&start)?).num_days();
                Some((total, u32::try_from(days).ok()?))
            })
            .collect();
        crate::domain::ledger::days_left(Fen(-balance.0), &recent)
    } else {
        None
    };
    let autopay = store.standing_autopay(account).await?.map(|a| AutopayView {
        active: a.active_at.is_some(),
        max: a.max,
        consented_at: a.consented_at,
        sign_url: if a.active_at.is_some() {
            String::new()
        } else {
            a.sign_url
        },
    });
    let autopay_runs = store
        .autopay_runs(account)
        .await?
        .into_iter()
        .map(|r| AutopayRun {
            bill_id: r.bill_id,
            period_start: r.period_start,
            outcome: r.outcome,
            amount: r.amount,
            at: r.at,
            payment_id: r.payment_id,
        })
        .collect();
    Ok(AccountToPay {
        account_id: account,
        account_number: summary.account_number,
        premise_address: summary.premise_address,
        balance,
        max: request.state.pay_max,
        may_act,
        prepaid,
        low_balance,
        days_left,
        autopay,
        autopay_runs,
    })
}

/// Asks for autopay on `account` for someone who may act for it (see `api::pay::start_autopay`).
pub async fn start(
    request: &Request,
    user: &User,
    account: RowId,
    max: &str,
    consent: bool,
) -> Result<AutopaySign, ApiError> {
    request.may_act_for_account(user, account).await?;
    let max = if max.trim().is_empty() {
        None
    } else {
        Some(crate::domain::ledger::parse_amount(
            Field::MaxAmount,
            max,
            request.state.pay_max,
        )?)
    };
    if !consent {
        return Err(FieldError::new(Field::Consent, Problem::Required).into());
    }
    let provider = provider(request)?;
    let store = &request.state.store;
    let now = request.state.clock.unix();
    if let Some(standing) = store.standing_autopay(account).await? {
        if standing.active_at.is_some() {
            return Err(ApiError::NotNow {
                reason: "autopay is on for this account already; turn it off to change it".into(),
            });
        }
        // Asked again before agreeing: the earlier request is dropped, here and there.
        if let Err(e) = provider.cancel_agreement(now, &standing.reference).await {
            tracing::info!(error = %e, "an unsigned agreement could not be cancelled");
        }
        store.cancel_autopay(standing.id, now).await?;
    }
    let reference = format!(
        "AG{}",
        &crate::server::pay::new_reference(request.today())[2..]
    );
    let row = match store
        .create_autopay(account, user.id, max, &reference, now, request.today())
        .await
    {
        Ok(row) => row,
        Err(StoreError::Conflict) => return Err(ApiError::Conflict),
        Err(e) => return Err(e.into()),
    };
    let number = store
        .account_summary(account)
        .await?
        .ok_or(ApiError::NotFound)?
        .account_number;
    let back = crate::api::pages::Page::Pay {
        account: Some(account),
        bill: None,
    }
    .href();
    let base = request.state.notifier.public_url.trim_end_matches('/');
    let created = provider
        .new_agreement(
            now,
            &NewAgreement {
                merchant_agreement: row.reference.clone(),
                description: format!("GridCare {number}: autopay"),
                max_fen: max.map(|m| m.0),
                return_url: format!("{base}{back}"),
            },
        )
        .await;
    match created {
        Ok(created) => {
            store
                .set_autopay_sign(row.id, &created.agreement_id, &created.sign_url)
                .await?;
            tracing::info!(account = account.0, user = user.id, "autopay asked for");
            Ok(AutopaySign {
                sign_url: created.sign_url,
            })
        }
        Err(e) => {
            store.cancel_autopay(row.id, now).await?;
            Err(unreachable(&e))
        }
    }
}

/// The payer came back from the provider's page: its own answer decides (see
/// `api::pay::confirm_autopay`).
pub async fn confirm(
    request: &Request,
    user: &User,
    reference: &str,
) -> Result<AccountToPay, ApiError> {
    let store = &request.state.store;
    let row = store
        .autopay_by_reference(reference)
        .await?
        .ok_or(ApiError::NotFound)?;
    request.may_act_for_account(user, row.account_id).await?;
    if row.active_at.is_none() && row.cancelled_at.is_none() {
        let now = request.state.clock.unix();
        let status = provider(request)?
            .agreement(now, &row.reference)
            .await
            .map_err(|e| unreachable(&e))?;
        match status.status.as_str() {
            "active" => {
                store.activate_autopay(row.id, now).await?;
                tracing::info!(account = row.account_id.0, "autopay agreed");
            }
            "declined" | "cancelled" => store.cancel_autopay(row.id, now).await?,
            _ => {}
        }
    }
    account_to_pay(request, row.account_id, true).await
}

/// Ends autopay on `account` (see `api::pay::cancel_autopay`).
pub async fn cancel(
    request: &Request,
    user: &User,
    account: RowId,
) -> Result<AccountToPay, ApiError> {
    request.may_act_for_account(user, account).await?;
    let store = &request.state.store;
    if let Some(standing) = store.standing_autopay(account).await? {
        let now = request.state.clock.unix();
        provider(request)?
            .cancel_agreement(now, &standing.reference)
            .await
            .map_err(|e| unreachable(&e))?;
        store.cancel_autopay(standing.id, now).await?;
        tracing::info!(account = account.0, user = user.id, "autopay turned off");
    }
    account_to_pay(request, account, true).await
}

/// Sets the prepaid warning level (see `api::pay::set_low_balance`).
pub async fn set_low_balance(
    request: &Request,
    user: &User,
    account: RowId,
    amount: &str,
) -> Result<AccountToPay, ApiError> {
    request.may_act_for_account(user, account).await?;
    let store = &request.state.store;
    let level = if amount.trim().is_empty() {
        None
    } else {
        Some(crate::domain::ledger::parse_amount(
            Field::LowBalance,
            amount,
            request.state.pay_max,
        )?)
    };
    let (prepaid, _) = store.prepaid_settings(account).await?;
    if level.is_some() && !prepaid {
        return Err(ApiError::NotNow {
            reason: "this account is not prepaid".into(),
        });
    }
    store.set_low_balance(account, level).await?;
    account_to_pay(request, account, true).await
}

/// What one autopay round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct AutopayRound {
    pub paid: usize,
    pub failed: usize,
    pub over_limit: usize,
    /// Claimed by another server (or paid meanwhile): left alone.
    pub skipped: usize,
    /// The provider did not answer: the claim stays and goes stale, and the bill is tried again.
    pub unanswered: usize,
}

/// Charges every bill due today under an active instruction, each once across servers.
pub async fn run_due(
    store: &Store,
    provider: &Provider,
    clock: &dyn Clock,
    notifier: &Notifier,
) -> Result<AutopayRound, StoreError> {
    let now = clock.unix();
    let today = clock.today();
    let stale = now - STALE_CLAIM_SECS;
    let mut round = AutopayRound::default();
    for due in store.due_autopay_bills(today, stale).await? {
        if !store
            .claim_autopay_run(due.bill_id, due.autopay_id, now, stale)
            .await?
        {
            round.skipped += 1;
            continue;
        }
        let amount = match autopay_step(due.owed, due.max) {
            AutopayStep::Charge(amount) => amount,
            AutopayStep::Nothing => {
                store
                    .finish_autopay_run(due.bill_id, "nothing", None, Fen(0), now)
                    .await?;
                round.skipped += 1;
                continue;
            }
            AutopayStep::OverLimit => {
                store
                    .finish_autopay_run(due.bill_id, "over_limit", None, due.owed, now)
                    .await?;
                tell(
                    store,
                    notifier,
                    &due,
                    Kind::AutopayFailed,
                    "over_limit",
                    now,
                )
                .await?;
                round.over_limit += 1;
                continue;
            }
        };
        let key = format!("autopay-bill-{}", due.bill_id.0);
        let order = store
            .create_order(&NewOrder {
                reference: &crate::server::pay::new_reference(today),
                idempotency_key: &key,
                user_id: due.user_id,
                organisation_id: None,
                provider: "autopay",
                parts: &[(due.account_id, Some(due.bill_id), amount)],
                now,
                expires_at: now + ORDER_LIFETIME_SECS,
            })
            .await?;
        let charged = provider
            .charge(
                now,
                &NewCharge {
                    merchant_agreement: due.agreement.clone(),
                    merchant_order: order.reference.clone(),
                    amount_fen: order.amount.0,
                    currency: "CNY".into(),
                    description: format!("GridCare {}: autopay", due.account_number),
                    notify_url: format!(
                        "{}/api/pay/notify",
                        notifier.public_url.trim_end_matches('/')
                    ),
                },
            )
            .await;
        let (notice, outcome) = match charged {
            Ok(c) if c.status == "paid" => (
                Notice::Paid {
                    amount: order.amount,
                },
                "paid",
            ),
            Ok(c) => {
                tracing::info!(bill = due.bill_id.0, reason = %c.reason, "an autopay charge failed");
                (Notice::Failed, "failed")
            }
            Err(ProviderError::Refused(status, why)) => {
                tracing::warn!(bill = due.bill_id.0, status, why = %why, "the provider refused an autopay charge");
                (Notice::Failed, "failed")
            }
            Err(e @ ProviderError::Unreachable(_)) => {
                tracing::warn!(bill = due.bill_id.0, error = %e, "an autopay charge went unanswered");
                round.unanswered += 1;
                continue;
            }
        };
        let settled = store
            .settle_order(
                &order,
                on_notice(order.state_at(now), order.amount, notice),
                order.channel(),
                now,
            )
            .await?;
        let outcome = match (outcome, settled) {
            ("paid", _) => "paid",
            // Paid after all (the provider's notice came first and said so).
            (_, Settled::Credited) => "paid",
            _ if store.order(order.id).await?.map(|o| o.state) == Some(OrderState::Paid) => "paid",
            _ => "failed",
        };
        store
            .finish_autopay_run(due.bill_id, outcome, Some(order.id), amount, now)
            .await?;
        if outcome == "paid" {
            tell(store, notifier, &due, Kind::AutopayPaid, "", now).await?;
            round.paid += 1;
        } else {
            tell(store, notifier, &due, Kind::AutopayFailed, "declined", now).await?;
            round.failed += 1;
        }
        tracing::info!(bill = due.bill_id.0, outcome, "autopay");
    }
    Ok(round)
}

async fn tell(
    store: &Store,
    notifier: &Notifier,
    due: &crate::server::store::autopay::DueBill,
    kind: Kind,
    why: &str,
    now: i64,
) -> Result<(), StoreError> {
    let facts = Facts {
        account: due.account_number.clone(),
        amount_fen: Some(due.owed.0),
        state: why.to_string(),
        day: Some(due.due_on),
        ..Facts::default()
    };
    let link = crate::api::pages::Page::Bill(due.bill_id).href();
    let notice = notifier.notice(
        kind,
        Audience::Holders(due.account_id),
        &facts,
        &link,
        format!("{}:{}", kind.as_str(), due.bill_id.0),
        now,
    );
    store.queue_once(&notice, now).await?;
    Ok(())
}

/// Warns the holders of prepaid accounts under their level, once per change of balance.
pub async fn warn_low_balances(
    store: &Store,
    notifier: &Notifier,
    now: i64,
) -> Result<u64, StoreError> {
    let mut told = 0;
    for low in store.low_prepaid_accounts().await? {
        let facts = Facts {
            account: low.account_number.clone(),
            amount_fen: Some(low.credit.0),
            ..Facts::default()
        };
        let link = crate::api::pages::Page::Pay {
            account: Some(low.account_id),
            bill: None,
        }
        .href();
        let notice = notifier.notice(
            Kind::LowBalance,
            Audience::Holders(low.account_id),
            &facts,
            &link,
            format!("low_balance:{}:{}", low.account_id.0, low.last_entry),
            now,
        );
        told += store.queue_once(&notice, now).await?;
    }
    Ok(told)
}
