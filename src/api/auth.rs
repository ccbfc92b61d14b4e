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
    /// The organisations they belong to (enterprise accounts), for the context switcher.
    pub organisations: Vec<crate::api::organisations::Membership>,
}

/// Creates a customer login and signs it in.
#[server(endpoint = "auth/register", input = server_fn::codec::Json)]
pub async fn register(email: String, password: String) -> Result<Me, ApiError> {
    use crate::domain::{EmailAddress, Password};
    let email = EmailAddress::parse(&email)?;
    let password = Password::parse(&password)?;
    let request = crate::server::request::current()?;
    let user = crate::server::auth::register(&request.state, &email, &password).await?;
    request.start_session(&user).await?;
    request.me(&user).await
}

/// Signs in with email and password; five failures in 15 minutes lock the email for 15 minutes.
#[server(endpoint = "auth/sign_in", input = server_fn::codec::Json)]
pub async fn sign_in(email: String, password: String) -> Result<Me, ApiError> {
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
    let user = crate::server::auth::verify_sign_in(&request.state, &email, &password).await?;
    request.start_session(&user).await?;
    request.me(&user).await
}

/// Ends the current session, if any.
#[server(endpoint = "auth/sign_out", input = server_fn::codec::Json)]
pub async fn sign_out() -> Result<(), ApiError> {
    let request = crate::server::request::current()?;
    request.end_session().await
}

/// Who is signed in, or `None`.
#[server(endpoint = "auth/current_user", input = server_fn::codec::Json)]
pub async fn current_user() -> Result<Option<Me>, ApiError> {
    let request = crate::server::request::current()?;
    match request.user().await? {
        Some(user) => Ok(Some(request.me(&user).await?)),
        None => Ok(None),
    }
}
