//! Registering, signing in and out, and who is signed in.

use crate::api::ApiError;
use crate::domain::Role;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The signed-in person, as the client sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// Sign-in asks them for a second factor.
    pub mfa: bool,
    /// Staff without a second factor: nothing opens until they set one up.
    pub must_set_up_mfa: bool,
    /// The organisations they belong to (enterprise accounts), for the context switcher.
    pub organisations: Vec<crate::api::organisations::Membership>,
    /// Care mode is on for them, on every device (`set_care_mode`).
    #[serde(default)]
    pub care: bool,
    /// They hold service accounts of their own; someone who only acts for organisations
    /// starts on their organisation's dashboard.
    #[serde(default)]
    pub home_accounts: bool,
}

impl Me {
    /// Where they go after signing in when `next` is the overview (`/`): someone who holds no
    /// accounts of their own and acts for an organisation starts on its dashboard, where their
    /// work is; everyone else goes to `next`.
    pub fn landing(&self, next: &str) -> String {
        match self.organisations.first() {
            Some(org) if next == "/" && !self.home_accounts => {
                crate::api::pages::Page::OrgDashboard(org.organisation_id).href()
            }
            _ => next.to_string(),
        }
    }
}

/// Creates a customer login and mails a link to confirm the address, in `lang` (`en`, `zh`);
/// the link leads on to `next` (one of our own pages; empty for the overview). The answer is
/// the same whether or not the address already has a login.
#[server(endpoint = "auth/register", protocol = crate::api::codec::Call)]
pub async fn register(
    email: String,
    password: String,
    lang: String,
    next: String,
) -> Result<(), ApiError> {
    use crate::domain::{EmailAddress, Password};
    let email = EmailAddress::parse(&email)?;
    let password = Password::parse(&password)?;
    let lang = crate::domain::notify::parse_lang(&lang)?;
    let next = crate::api::clients::own_page(next.trim()).filter(|n| *n != "/");
    let request = crate::server::request::current()?;
    crate::server::login::register(&request, &email, &password, lang, next).await
}

/// Confirms an email address with the token from its link, and signs the person in.
#[server(endpoint = "auth/verify_email", protocol = crate::api::codec::Call)]
pub async fn verify_email(token: String) -> Result<Me, ApiError> {
    let token = parse_token(&token)?;
    let request = crate::server::request::current()?;
    let user = crate::server::login::confirm(&request, &token).await?;
    request.start_session(&user).await?;
    request.me(&user).await
}

/// Mails a link to set a new password, if the address has a login; the answer is the same
/// either way.
#[server(endpoint = "auth/forgot_password", protocol = crate::api::codec::Call)]
pub async fn forgot_password(email: String, lang: String) -> Result<(), ApiError> {
    use crate::domain::EmailAddress;
    let email = EmailAddress::parse(&email)?;
    let lang = crate::domain::notify::parse_lang(&lang)?;
    let request = crate::server::request::current()?;
    crate::server::login::ask_reset(&request, &email, lang).await
}

/// Sets a new password with the token from a reset link; every session of the login ends.
#[server(endpoint = "auth/reset_password", protocol = crate::api::codec::Call)]
pub async fn reset_password(token: String, password: String) -> Result<(), ApiError> {
    use crate::domain::Password;
    let token = parse_token(&token)?;
    let password = Password::parse(&password)?;
    let request = crate::server::request::current()?;
    crate::server::login::reset(&request, &token, &password).await
}

/// Changes the signed-in person's password; their other sessions end.
#[server(endpoint = "auth/change_password", protocol = crate::api::codec::Call)]
pub async fn change_password(current_password: String, password: String) -> Result<(), ApiError> {
    use crate::domain::{Field, FieldError, Password, Problem};
    if current_password.is_empty() {
        return Err(FieldError::new(Field::CurrentPassword, Problem::Required).into());
    }
    let password = Password::parse(&password)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::login::change_password(&request, &user, &current_password, &password).await
}

/// One of a person's sessions, as their list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// The id to end it by (never the session's token).
    pub id: String,
    pub signed_in_at: i64,
    pub last_seen_at: i64,
    /// The browser's description of itself.
    pub device: String,
    pub address: String,
    /// The session this list was asked from.
    pub current: bool,
}

/// The signed-in person's sessions, the most recently used first.
#[server(endpoint = "auth/sessions", protocol = crate::api::codec::Call)]
pub async fn sessions() -> Result<Vec<SessionInfo>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::login::sessions(&request, &user).await
}

/// Ends one of the signed-in person's sessions (`id` from their list), or, with `id` `others`,
/// every session but this one.
#[server(endpoint = "auth/end_session", protocol = crate::api::codec::Call)]
pub async fn end_session(id: String) -> Result<Vec<SessionInfo>, ApiError> {
    let id = url_safe(crate::domain::Field::SessionId, &id)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::login::end_session(&request, &user, &id).await?;
    crate::server::login::sessions(&request, &user).await
}

/// A QR code: `width` × `width` modules, row by row, `1` dark and `0` light.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QrCode {
    pub width: usize,
    pub modules: String,
}

/// What setting up an authenticator app needs: the QR code of the otpauth address, the same
/// address, and the secret as text for typing in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MfaSetup {
    pub qr: QrCode,
    pub url: String,
    pub secret: String,
}

/// Where the signed-in person's two-step sign-in stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoStepStatus {
    pub on: bool,
    /// Staff cannot turn it off.
    pub required: bool,
    pub recovery_codes_left: i64,
}

/// Where the signed-in person's two-step sign-in stands.
#[server(endpoint = "auth/mfa_status", protocol = crate::api::codec::Call)]
pub async fn mfa_status() -> Result<TwoStepStatus, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user_setting_up().await?;
    Ok(TwoStepStatus {
        on: user.mfa,
        required: user.role.is_staff(),
        recovery_codes_left: request.state.store.recovery_codes_left(user.id).await?,
    })
}

/// Starts setting up an authenticator app: a new secret and its QR code.
#[server(endpoint = "auth/mfa_start", protocol = crate::api::codec::Call)]
pub async fn mfa_start() -> Result<MfaSetup, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user_setting_up().await?;
    crate::server::mfa::start(&request, &user).await
}

/// Confirms the app with a code it shows; answers the ten recovery codes, shown this once.
#[server(endpoint = "auth/mfa_confirm", protocol = crate::api::codec::Call)]
pub async fn mfa_confirm(code: String) -> Result<Vec<String>, ApiError> {
    use crate::domain::{Field, FieldError, Problem};
    let code = code.trim().replace(' ', "");
    if code.is_empty() {
        return Err(FieldError::new(Field::Code, Problem::Required).into());
    }
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldError::new(Field::Code, Problem::Malformed).into());
    }
    let request = crate::server::request::current()?;
    let user = request.require_user_setting_up().await?;
    crate::server::mfa::confirm(&request, &user, &code).await
}

/// Turns two-step sign-in off, with the password (customers only: staff must keep it).
#[server(endpoint = "auth/mfa_disable", protocol = crate::api::codec::Call)]
pub async fn mfa_disable(current_password: String) -> Result<(), ApiError> {
    use crate::domain::{Field, FieldError, Problem};
    if current_password.is_empty() {
        return Err(FieldError::new(Field::CurrentPassword, Problem::Required).into());
    }
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::mfa::disable(&request, &user, &current_password).await
}

/// Confirms who is asking again: the password, and the code when two-step sign-in is on.
#[server(endpoint = "auth/reauthenticate", protocol = crate::api::codec::Call)]
pub async fn reauthenticate(
    password: String,
    #[server(default)] code: String,
) -> Result<(), ApiError> {
    use crate::domain::{Field, FieldError, Problem};
    if password.is_empty() {
        return Err(FieldError::new(Field::Password, Problem::Required).into());
    }
    let request = crate::server::request::current()?;
    let user = request.require_user_setting_up().await?;
    crate::server::login::reauthenticate(&request, &user, &password, &code).await
}

/// Everything personal the portal keeps about the signed-in person, as a JSON document.
#[server(endpoint = "auth/my_data", protocol = crate::api::codec::Call)]
pub async fn my_data() -> Result<String, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::login::my_data(&request, &user).await
}

/// Deletes the signed-in person's login (the accounts and bills stay with the utility).
#[server(endpoint = "auth/delete_login", protocol = crate::api::codec::Call)]
pub async fn delete_login(current_password: String) -> Result<(), ApiError> {
    use crate::domain::{Field, FieldError, Problem};
    if current_password.is_empty() {
        return Err(FieldError::new(Field::CurrentPassword, Problem::Required).into());
    }
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::login::delete_login(&request, &user, &current_password).await?;
    request.end_session().await
}

/// A token or id the server made (URL-safe base64, at most 64 characters), as `field`.
#[cfg(feature = "ssr")]
fn url_safe(field: crate::domain::Field, s: &str) -> Result<String, crate::domain::FieldError> {
    use crate::domain::{FieldError, Problem};
    let t = s.trim();
    if t.is_empty() {
        return Err(FieldError::new(field, Problem::Required));
    }
    if t.len() > 64
        || !t
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(FieldError::new(field, Problem::Malformed));
    }
    Ok(t.to_string())
}

/// A token from an emailed link.
#[cfg(feature = "ssr")]
fn parse_token(token: &str) -> Result<String, crate::domain::FieldError> {
    url_safe(crate::domain::Field::Token, token)
}

/// Signs in with email and password, and `code` (from the authenticator app, or a recovery
/// code) when two-step sign-in is on: without it the answer is `second_factor`. Five failures
/// in 15 minutes lock this email from this address for 15 minutes.
#[server(endpoint = "auth/sign_in", protocol = crate::api::codec::Call)]
pub async fn sign_in(
    email: String,
    password: String,
    #[server(default)] code: String,
) -> Result<Me, ApiError> {
    use crate::domain::{EmailAddress, Field, FieldError, Problem, identity::PASSWORD_MAX};
    let email = EmailAddress::parse(&email)?;
    // Only the upper bound is checked: old passwords may predate today's length rule.
    if password.is_empty() {
        return Err(FieldError::new(Field::Password, Problem::Required).into());
    }
    if password.chars().count() > PASSWORD_MAX as usize {
        return Err(
            FieldError::new(Field::Password, Problem::TooLong { max: PASSWORD_MAX }).into(),
        );
    }
    let request = crate::server::request::current()?;
    let user = crate::server::auth::verify_sign_in(&request, &email, &password, &code).await?;
    if !user.email_verified {
        // The password was right, but the address was never confirmed: send the link again.
        let lang = request.state.store.user_lang(user.id).await?;
        crate::server::login::send_confirmation(&request, &user, lang, None).await?;
        return Err(ApiError::Unverified);
    }
    request.start_session(&user).await?;
    request.me(&user).await
}

/// Ends the current session, if any.
#[server(endpoint = "auth/sign_out", protocol = crate::api::codec::Call)]
pub async fn sign_out() -> Result<(), ApiError> {
    let request = crate::server::request::current()?;
    if let Some(user) = request.user().await? {
        use crate::domain::login::SecurityEvent;
        crate::server::login::audit(
            &request,
            SecurityEvent::SignedOut,
            (Some(user.id), &user.email),
            Some(user.id),
            "",
        )
        .await?;
    }
    request.end_session().await
}

/// Turns care mode (larger type, bigger targets, plainer words) on or off (`on`: `true` or
/// `false`) for the signed-in person, on every device they use.
#[server(endpoint = "auth/care_mode", protocol = crate::api::codec::Call)]
pub async fn set_care_mode(on: String) -> Result<(), ApiError> {
    let on = crate::domain::input::parse_flag(crate::domain::Field::CareMode, &on)?;
    let request = crate::server::request::current()?;
    // A display choice of one's own: staff may make it before setting up a second factor.
    let user = request.require_user_setting_up().await?;
    Ok(request.state.store.set_care_mode(user.id, on).await?)
}

/// Who is signed in, or `None`.
#[server(endpoint = "auth/current_user", protocol = crate::api::codec::Call)]
pub async fn current_user() -> Result<Option<Me>, ApiError> {
    let request = crate::server::request::current()?;
    match request.user().await? {
        Some(user) => Ok(Some(request.me(&user).await?)),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::organisations::Membership;
    use crate::domain::{OrgRole, RowId};

    #[test]
    fn someone_who_only_acts_for_an_organisation_lands_on_its_dashboard() {
        let mut me = Me {
            email: "owner@example.com".into(),
            display_name: "Owner".into(),
            role: crate::domain::Role::Customer,
            mfa: false,
            must_set_up_mfa: false,
            organisations: vec![Membership {
                organisation_id: RowId(7),
                name: "Harbor Foods".into(),
                role: OrgRole::Owner,
            }],
            care: false,
            home_accounts: false,
        };
        assert_eq!(me.landing("/"), "/business/7");
        // A page asked for is where they go.
        assert_eq!(me.landing("/bills"), "/bills");
        // With accounts of their own, the overview.
        me.home_accounts = true;
        assert_eq!(me.landing("/"), "/");
        me.home_accounts = false;
        me.organisations.clear();
        assert_eq!(me.landing("/"), "/");
    }
}
