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
#[server(endpoint = "accounts/list", input = server_fn::codec::Json)]
pub async fn list_accounts() -> Result<Vec<ServiceAccountSummary>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    Ok(request.state.store.accounts_visible_to(user.id).await?)
}

/// Binds a service account to the signed-in person, proven by the last 4 digits of the phone on file.
#[server(endpoint = "accounts/bind", input = server_fn::codec::Json)]
pub async fn bind_account(
    account_number: String,
    phone_last4: String,
) -> Result<ServiceAccountSummary, ApiError> {
    use crate::domain::{AccountNumber, PhoneLast4};
    let number = AccountNumber::parse(&account_number)?;
    let last4 = PhoneLast4::parse(&phone_last4)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::auth::bind_account(&request.state, &user, &number, &last4).await
}
