//! Passwords, sign-in with lockout, session tokens, and binding service accounts.

use crate::api::ApiError;
use crate::domain::login::{RateLimit, SecurityEvent};
use crate::domain::{EmailAddress, Field, FieldError, LockoutPolicy, Problem};
use crate::server::app::AppState;
use crate::server::login::audit;
use crate::server::request::Request;
use crate::server::store::User;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// The longest any session may go unused (a customer's; staff's is shorter), and so the
/// cookie's lifetime and how long housekeeping keeps an unused session row.
pub const SESSION_IDLE_SECS: i64 = crate::domain::Role::Customer.session_idle_secs();
/// The session cookie's name over plain HTTP (a developer's loopback).
pub const SESSION_COOKIE: &str = "gridcare_session";
/// The session cookie's name over HTTPS: the `__Host-` prefix makes the browser refuse it unless
/// it is `Secure`, for `Path=/` and set by this very host (no `Domain`), so a neighbouring
/// subdomain cannot plant or overwrite it.
pub const SESSION_COOKIE_TLS: &str = "__Host-gridcare_session";

fn cookie_name(secure: bool) -> &'static str {
    if secure {
        SESSION_COOKIE_TLS
    } else {
        SESSION_COOKIE
    }
}

/// Argon2id with 19 MiB of memory and 2 passes (OWASP's first recommended setting).
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("constant argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password on a blocking thread, off the async workers.
pub async fn hash_password(password: &str) -> Result<String, ApiError> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        argon2()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(|e| internal("hash task", e))?
    .map_err(|e| internal("hash", e))
}

/// Checks a password against a stored hash on a blocking thread.
pub(crate) async fn verify_password(password: &str, hash: String) -> Result<bool, ApiError> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash).map(|parsed| {
            argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .map_err(|e| internal("verify task", e))?
    .map_err(|e| internal("stored hash", e))
}

/// A hash of nothing anyone knows, verified when an email has no login so that the answer takes
/// as long as for a real one.
async fn decoy_hash() -> Result<String, ApiError> {
    static DECOY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DECOY.get() {
        return Ok(h.clone());
    }
    let h = hash_password(&new_token()).await?;
    Ok(DECOY.get_or_init(|| h).clone())
}

fn internal(what: &str, e: impl std::fmt::Display) -> ApiError {
    tracing::error!(error = %e, "{what} failed");
    ApiError::Internal
}

/// Checks the lockout for `key`; `Err(Locked)` while it holds.
pub(crate) async fn refuse_if_locked(
    state: &AppState,
    key: &str,
    now: i64,
) -> Result<(), ApiError> {
    let policy = LockoutPolicy::SIGN_IN;
    let failures = state
        .store
        .failures_since(key, now - policy.lookback_secs())
        .await?;
    match policy.locked_until(&failures, now) {
        Some(until) => Err(ApiError::Locked {
            minutes: LockoutPolicy::minutes_left(until, now),
        }),
        None => Ok(()),
    }
}

/// Records a failure under `key` and returns the error to show: `Locked` if this failure locked it.
pub(crate) async fn fail(state: &AppState, key: &str, now: i64, error: ApiError) -> ApiError {
    if let Err(e) = state.store.record_failure(key, now).await {
        return e.into();
    }
    refuse_if_locked(state, key, now)
        .await
        .err()
        .unwrap_or(error)
}

/// Checks an email and password. Failures lock this login from this network address only
/// (5 in 15 minutes), so nobody elsewhere can lock a person out; 30 failures in 15 minutes from
/// one address, whatever the logins, stop that address. Every attempt goes to the security log.
pub async fn verify_sign_in(
    request: &Request,
    email: &EmailAddress,
    password: &str,
    code: &str,
) -> Result<User, ApiError> {
    let state = &request.state;
    let address = request.client_address();
    let key = format!("sign_in:{email}|{address}");
    let now = state.clock.unix();
    let per_address = RateLimit::SIGN_IN_FAILURES_PER_ADDRESS;
    let address_key = per_address.key(&address);
    let failures_here = state
        .store
        .rate_count(&address_key, now - per_address.window_secs)
        .await?;
    if !per_address.allows(failures_here) {
        return Err(ApiError::Locked {
            minutes: per_address.minutes(),
        });
    }
    refuse_if_locked(state, &key, now).await?;
    let found = state.store.user_with_hash(email).await?;
    let (user, hash) = match found {
        Some((user, hash)) => (Some(user), hash),
        None => (None, decoy_hash().await?),
    };
    let ok = verify_password(password, hash).await?;
    match user {
        Some(user) if ok => {
            if user.mfa {
                if code.trim().is_empty() {
                    return Err(ApiError::SecondFactor);
                }
                if !crate::server::mfa::check(request, &user, code).await? {
                    let wrong = FieldError::new(Field::Code, Problem::WrongCode).into();
                    let about = (Some(user.id), user.email.as_str());
                    return Err(failed(
                        request,
                        (&key, &address_key),
                        now,
                        wrong,
                        about,
                        "second factor",
                    )
                    .await?);
                }
            }
            state
                .store
                .clear_failures(&key, now - LockoutPolicy::SIGN_IN.lookback_secs())
                .await?;
            audit(
                request,
                SecurityEvent::SignedIn,
                (Some(user.id), &user.email),
                Some(user.id),
                "",
            )
            .await?;
            Ok(user)
        }
        user => {
            let about = (user.map(|u| u.id), email.as_str());
            Err(failed(
                request,
                (&key, &address_key),
                now,
                ApiError::BadCredentials,
                about,
                "",
            )
            .await?)
        }
    }
}

/// A failed sign-in (a wrong password or a wrong code): counted against the address and the
/// (email, address) lockout, and logged as a failure or, when it locked, a lockout. The error to
/// show is `error`, or `Locked` if this failure locked.
async fn failed(
    request: &Request,
    (key, address_key): (&str, &str),
    now: i64,
    error: ApiError,
    about: (Option<i64>, &str),
    detail: &str,
) -> Result<ApiError, ApiError> {
    request.state.store.rate_note(address_key, now).await?;
    let error = fail(&request.state, key, now, error).await;
    let event = if matches!(error, ApiError::Locked { .. }) {
        SecurityEvent::LockedOut
    } else {
        SecurityEvent::SignInFailed
    };
    audit(request, event, about, None, detail).await?;
    Ok(error)
}

/// A new random session token (256 bits, URL-safe base64).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// SHA-256 of `bytes` as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What the database keeps of a token: its SHA-256, so a leaked table opens no sessions.
pub fn token_hash(token: &str) -> String {
    sha256_hex(token.as_bytes())
}

/// The `Set-Cookie` value for a session token (`None` clears the cookie).
pub fn session_cookie(token: Option<&str>, secure: bool) -> String {
    let name = cookie_name(secure);
    let secure = if secure { "; Secure" } else { "" };
    match token {
        Some(t) => format!(
            "{name}={t}; Path=/; HttpOnly; SameSite=Lax; Max-Age={SESSION_IDLE_SECS}{secure}"
        ),
        None => format!("{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    }
}

/// The session token in a `Cookie` header, if any: over HTTPS only the `__Host-` cookie counts.
pub fn token_from_cookie_header(header: &str, secure: bool) -> Option<&str> {
    let wanted = cookie_name(secure);
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value)
        .filter(|v| !v.is_empty() && v.len() <= 64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_hashed_for_storage() {
        let a = new_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, new_token());
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn session_cookie_is_http_only_lax_and_secure_over_tls() {
        let c = session_cookie(Some("abc"), true);
        assert!(c.starts_with("__Host-gridcare_session=abc;"));
        assert!(!c.contains("Domain"));
        for part in [
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
            "Path=/",
            "Max-Age=2592000",
        ] {
            assert!(c.contains(part), "{c} lacks {part}");
        }
        let plain = session_cookie(Some("abc"), false);
        assert!(plain.starts_with("gridcare_session=abc;") && !plain.contains("Secure"));
        assert!(session_cookie(None, false).contains("Max-Age=0"));
    }

    #[test]
    fn the_session_token_is_found_among_other_cookies() {
        assert_eq!(
            token_from_cookie_header("a=1; gridcare_session=tok; b=2", false),
            Some("tok")
        );
        assert_eq!(token_from_cookie_header("gridcare_session=", false), None);
        assert_eq!(token_from_cookie_header("other=1", false), None);
        // Over HTTPS a cookie without the prefix (which anyone on a subdomain could set) is not read.
        assert_eq!(token_from_cookie_header("gridcare_session=tok", true), None);
        assert_eq!(
            token_from_cookie_header("__Host-gridcare_session=tok", true),
            Some("tok")
        );
    }

    #[tokio::test]
    async fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("correct horse battery").await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            verify_password("correct horse battery", hash.clone())
                .await
                .unwrap()
        );
        assert!(
            !verify_password("correct horse battery!", hash)
                .await
                .unwrap()
        );
    }
}
