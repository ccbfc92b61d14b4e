//! Linking a service account to a login: a code to the phone on file, then the code back;
//! the account's holders are told and may remove whoever they do not know.

use crate::api::ApiError;
use crate::api::accounts::{BindChallenge, Holder, ServiceAccountSummary};
use crate::api::pages::Page;
use crate::domain::binding::{CodeLimits, CodeState, TRIES_PER_CODE, mask_phone};
use crate::domain::login::SecurityEvent;
use crate::domain::notify::{Facts, Kind};
use crate::domain::{AccountNumber, Field, FieldError, Problem, RowId};
use crate::server::auth::{new_token, sha256_hex};
use crate::server::request::Request;
use crate::server::store::User;
use crate::server::store::accounts::AccountAccess;
use crate::server::store::binding::NewCode;
use crate::server::store::notify::Audience;

fn code_hash(salt: &str, code: &str) -> String {
    sha256_hex(format!("{salt}:{code}").as_bytes())
}

/// Equal in constant time (both are hex digests of one length).
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Sends a code to the phone on file of the account numbered `number`.
pub async fn start(
    request: &Request,
    user: &User,
    number: &AccountNumber,
) -> Result<BindChallenge, ApiError> {
    let store = &request.state.store;
    let now = request.state.clock.unix();
    if !user.email_verified {
        return Err(ApiError::Unverified);
    }
    request.require_recent_auth().await?;
    let account = store
        .account_for_binding(number)
        .await?
        .ok_or(ApiError::BindMismatch)?;
    if account.organisation {
        return Err(FieldError::new(Field::AccountNumber, Problem::OrganisationSite).into());
    }
    if store.account_access(account.id, user.id).await? == Some(Some(AccountAccess::Holder)) {
        return Err(FieldError::new(Field::AccountNumber, Problem::AlreadyMember).into());
    }
    if account.phone.trim().is_empty() {
        return Err(ApiError::NotNow {
            reason: "no phone is on file for this account: bring a bill to a service counter"
                .into(),
        });
    }
    let address = request.client_address();
    let recent = store
        .recent_codes(account.id, user.id, &address, now)
        .await?;
    if CodeLimits::DEFAULT.allow(recent).is_err() {
        tracing::warn!(user = user.id, account = account.id.0, %address, "binding codes refused: too many");
        return Err(ApiError::Locked { minutes: 60 });
    }
    let code = {
        use rand::Rng;
        format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000u32))
    };
    let salt = new_token();
    let hash = code_hash(&salt, &code);
    let lang = store
        .notify_settings(user.id)
        .await?
        .map_or(crate::domain::Lang::En, |s| s.lang);
    let text = crate::domain::binding::code_text(lang, &code, number.as_str());
    let id = store
        .create_code(
            &NewCode {
                user_id: user.id,
                account: account.id,
                code_hash: &hash,
                salt: &salt,
                address: &address,
                phone: &account.phone,
                text: &text,
                lang,
            },
            now,
        )
        .await?;
    Ok(BindChallenge {
        challenge_id: id,
        sent_to: mask_phone(&account.phone),
        expires_at: now + crate::domain::binding::CODE_SECS,
    })
}

/// Checks the code sent for `challenge` and, if it is right, links the account.
pub async fn confirm(
    request: &Request,
    user: &User,
    challenge: RowId,
    code: &str,
) -> Result<ServiceAccountSummary, ApiError> {
    let store = &request.state.store;
    let now = request.state.clock.unix();
    let row = store
        .code(challenge)
        .await?
        .filter(|c| c.user_id == user.id)
        .ok_or(ApiError::NotFound)?;
    match CodeState::at(row.created_at, row.tries, row.used, now) {
        CodeState::Open { .. } => {}
        CodeState::Used => {
            return Err(ApiError::NotNow {
                reason: "this code was used already".into(),
            });
        }
        CodeState::Expired | CodeState::Spent => {
            return Err(ApiError::NotNow {
                reason: "this code no longer works: ask for a new one".into(),
            });
        }
    }
    if !same(&code_hash(&row.salt, code), &row.code_hash) {
        store.code_tried(row.id, TRIES_PER_CODE).await?;
        return Err(FieldError::new(Field::Code, Problem::WrongCode).into());
    }
    let account = store
        .account_summary(row.account)
        .await?
        .ok_or(ApiError::NotFound)?;
    let who = if user.display_name.trim().is_empty() {
        crate::domain::binding::mask_email(&user.email)
    } else {
        user.display_name.clone()
    };
    let facts = Facts {
        account: account.account_number.clone(),
        address: account.premise_address.clone(),
        name: who,
        ..Facts::default()
    };
    let link = Page::AccountBills(row.account).href();
    let notice = request.state.notifier.notice(
        Kind::HolderAdded,
        Audience::Holders(row.account),
        &facts,
        &link,
        format!("holder:{}:{}", row.account.0, row.id.0),
        now,
    );
    store.use_code(&row, now, &[notice]).await?;
    crate::server::login::audit(
        request,
        SecurityEvent::AccountBound,
        (Some(user.id), &user.email),
        Some(user.id),
        &format!("account {}", account.account_number),
    )
    .await?;
    Ok(account)
}

/// The holders of an account, for one of them.
pub async fn holders(
    request: &Request,
    user: &User,
    account: RowId,
) -> Result<Vec<Holder>, ApiError> {
    let store = &request.state.store;
    if store.account_access(account, user.id).await? != Some(Some(AccountAccess::Holder)) {
        return Err(ApiError::NotFound);
    }
    Ok(store
        .holders(account)
        .await?
        .into_iter()
        .map(|h| Holder {
            user_id: RowId(h.user_id),
            name: if h.display_name.trim().is_empty() {
                crate::domain::binding::mask_email(&h.email)
            } else {
                h.display_name
            },
            email: crate::domain::binding::mask_email(&h.email),
            bound_at: h.bound_at,
            me: h.user_id == user.id,
        })
        .collect())
}

/// A holder removes another holder (or themself).
pub async fn remove(
    request: &Request,
    user: &User,
    account: RowId,
    holder: RowId,
) -> Result<(), ApiError> {
    let store = &request.state.store;
    if store.account_access(account, user.id).await? != Some(Some(AccountAccess::Holder)) {
        return Err(ApiError::NotFound);
    }
    if store.remove_holder(account, holder.0).await? {
        crate::server::login::audit(
            request,
            SecurityEvent::HolderRemoved,
            (Some(holder.0), ""),
            Some(user.id),
            &format!("account id {account}"),
        )
        .await
    } else {
        Err(ApiError::NotFound)
    }
}
