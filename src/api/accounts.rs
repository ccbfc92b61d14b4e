//! Service accounts a person may see, and binding one to a login.

use crate::api::ApiError;
use crate::domain::{AreaClass, CustomerCategory, RowId};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A name kept in both portal languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalName {
    pub en: String,
    pub zh: String,
}

/// One service account (户号) as listed for its holder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceAccountSummary {
    pub id: RowId,
    pub account_number: String,
    pub holder_name: String,
    pub premise_address: String,
    pub area_class: AreaClass,
    pub category: CustomerCategory,
    pub tariff: LocalName,
    /// The enterprise organisation that holds the account, if any.
    pub organisation: Option<String>,
    /// The site's name inside its organisation, if any.
    pub site_name: Option<String>,
    /// True when the person asking may file requests for it: they hold it, or are an owner
    /// or manager of its organisation (viewers only read). False where nobody asked.
    pub may_act: bool,
}

/// Every service account the signed-in person may see: bound to them, or their organisation's.
#[server(endpoint = "accounts/list", protocol = crate::api::codec::Call)]
pub async fn list_accounts() -> Result<Vec<ServiceAccountSummary>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    Ok(request.state.store.accounts_visible_to(user.id).await?)
}

/// A code on its way to the phone on file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BindChallenge {
    /// What the code is answered against.
    pub challenge_id: RowId,
    /// The phone on file, masked (`138****5678`).
    pub sent_to: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// A holder of an account, as the other holders see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub user_id: RowId,
    /// Their name, or their masked email when they gave none.
    pub name: String,
    /// Masked (`r•••@example.com`).
    pub email: String,
    pub bound_at: i64,
    /// True for the person asking.
    pub me: bool,
}

/// Starts linking the account with this number to the signed-in person: a code goes by text to
/// the phone on file. An organisation's site cannot be linked privately.
#[server(endpoint = "accounts/bind_start", protocol = crate::api::codec::Call)]
pub async fn start_binding(account_number: String) -> Result<BindChallenge, ApiError> {
    let number = crate::domain::AccountNumber::parse(&account_number)?;
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::binding::start(&request, &user, &number).await
}

/// Links the account once the code sent for `challenge_id` comes back. The account's holders
/// are told.
#[server(endpoint = "accounts/bind", protocol = crate::api::codec::Call)]
pub async fn bind_account(
    challenge_id: String,
    code: String,
) -> Result<ServiceAccountSummary, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let challenge = parse_row_id(Field::Challenge, &challenge_id)?;
    let code = crate::domain::binding::parse_code(&code)?;
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::binding::confirm(&request, &user, challenge, &code).await
}

/// Who holds an account, for one of its holders.
#[server(endpoint = "accounts/holders", protocol = crate::api::codec::Call)]
pub async fn account_holders(account_id: String) -> Result<Vec<Holder>, ApiError> {
    use crate::domain::{Field, parse_row_id};
    let account = parse_row_id(Field::AccountId, &account_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::binding::holders(&request, &user, account).await
}

/// A holder unlinks another holder, or themself.
#[server(endpoint = "accounts/remove_holder", protocol = crate::api::codec::Call)]
pub async fn remove_holder(account_id: String, holder_id: String) -> Result<(), ApiError> {
    use crate::domain::{Field, parse_row_id};
    let account = parse_row_id(Field::AccountId, &account_id)?;
    let holder = parse_row_id(Field::HolderId, &holder_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_customer().await?;
    crate::server::binding::remove(&request, &user, account, holder).await
}
