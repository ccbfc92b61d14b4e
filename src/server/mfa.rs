//! The second factor: time-based codes (TOTP, RFC 6238: SHA-1, 6 digits, 30 seconds, the
//! setting every authenticator app reads) and ten recovery codes, shown once and kept as
//! argon2id hashes. Required for staff, optional for customers.

use crate::api::ApiError;
use crate::api::auth::{MfaSetup, QrCode};
use crate::domain::login::SecurityEvent;
use crate::domain::{Field, FieldError, Problem};
use crate::server::request::Request;
use crate::server::store::User;
use totp_rs::{Algorithm, Secret, TOTP};

/// The name an authenticator app shows beside the code.
pub const ISSUER: &str = "GridCare";
/// How many recovery codes a person gets.
pub const RECOVERY_CODES: usize = 10;
/// A code's time step, in seconds.
pub const STEP_SECS: i64 = 30;

fn totp(secret_base32: &str, account: &str) -> Result<TOTP, ApiError> {
    let bytes = Secret::Encoded(secret_base32.to_string())
        .to_bytes()
        .map_err(|e| internal("stored TOTP secret", e))?;
    // An account name may not hold a colon in an otpauth address.
    let account = account.replace(':', " ");
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_SECS as u64,
        bytes,
        Some(ISSUER.into()),
        account,
    )
    .map_err(|e| internal("TOTP", e))
}

fn internal(what: &str, e: impl std::fmt::Display) -> ApiError {
    tracing::error!(error = %e, "{what} failed");
    ApiError::Internal
}

/// A new secret: 160 random bits, base32.
pub fn new_secret() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    Secret::Raw(bytes.to_vec()).to_encoded().to_string()
}

/// The code an authenticator app shows at `unix` for `secret_base32` (for the tests and the
/// README's demo logins).
pub fn code_at(secret_base32: &str, unix: i64) -> String {
    totp(secret_base32, "x")
        .map(|t| t.generate(unix.max(0) as u64))
        .unwrap_or_default()
}

/// The time step `code` is good for at `now` (the current step, or one either side for a
/// clock a little off), compared in constant time.
pub fn matching_step(secret_base32: &str, code: &str, now: i64) -> Option<i64> {
    let t = totp(secret_base32, "x").ok()?;
    let code = code.trim().replace(' ', "");
    let step = now / STEP_SECS;
    let mut found = None;
    for s in [step - 1, step, step + 1] {
        let expected = t.generate((s * STEP_SECS).max(0) as u64);
        let same = expected.len() == code.len()
            && expected
                .bytes()
                .zip(code.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        if same {
            found = Some(s);
        }
    }
    found
}

/// A recovery code as it is hashed: its letters and digits, upper case, without dashes or spaces.
fn recovery_plain(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Ten new recovery codes (`ABCDE-FGHJK`, 50 random bits each, letters and digits that are not
/// easily confused).
fn new_recovery_codes() -> Vec<String> {
    use rand::Rng;
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    (0..RECOVERY_CODES)
        .map(|_| {
            let c: String = (0..10)
                .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
                .collect();
            format!("{}-{}", &c[..5], &c[5..])
        })
        .collect()
}

/// The QR code of `text`, as rows of modules.
fn qr(text: &str) -> Result<QrCode, ApiError> {
    let code = qrcode::QrCode::new(text.as_bytes()).map_err(|e| internal("QR code", e))?;
    let width = code.width();
    let modules = code
        .to_colors()
        .iter()
        .map(|c| if *c == qrcode::Color::Dark { '1' } else { '0' })
        .collect();
    Ok(QrCode { width, modules })
}

/// Checks a second factor for `user` at sign-in: a code from their app (each time step once)
/// or one of their recovery codes (each once).
pub async fn check(request: &Request, user: &User, code: &str) -> Result<bool, ApiError> {
    let store = &request.state.store;
    let now = request.state.clock.unix();
    let Some(secret) = store.mfa_secret(user.id).await? else {
        return Ok(false);
    };
    let typed = code.trim();
    if typed.chars().filter(char::is_ascii_digit).count() == 6 && typed.len() <= 8 {
        return Ok(match matching_step(&secret, typed, now) {
            Some(step) => store.use_totp_step(user.id, step).await?,
            None => false,
        });
    }
    // Recovery codes have 50 bits, fewer than the 112 that would make a plain digest enough:
    // each is kept as an argon2id hash, so the typed code is checked against each unused one.
    let plain = recovery_plain(typed);
    let mut used = false;
    if plain.len() == 10 {
        for hash in store.unused_recovery_hashes(user.id).await? {
            if crate::server::auth::verify_password(&plain, hash.clone()).await? {
                used = store.use_recovery_code(user.id, &hash, now).await?;
                break;
            }
        }
    }
    if used {
        crate::server::login::audit(
            request,
            SecurityEvent::RecoveryCodeUsed,
            (Some(user.id), &user.email),
            Some(user.id),
            "",
        )
        .await?;
    }
    Ok(used)
}

/// Starts setting up the app for `user`: a new secret, its otpauth address and QR code. Until
/// it is confirmed with a code, sign-in does not ask for one.
pub async fn start(request: &Request, user: &User) -> Result<MfaSetup, ApiError> {
    request.require_recent_auth().await?;
    if user.mfa {
        return Err(ApiError::NotNow {
            reason: "two-step sign-in is already on".into(),
        });
    }
    let secret = new_secret();
    request.state.store.set_mfa_secret(user.id, &secret).await?;
    let url = totp(&secret, &user.email)?.get_url();
    Ok(MfaSetup {
        qr: qr(&url)?,
        secret,
        url,
    })
}

/// Confirms the app with a code it shows: two-step sign-in is on from now, and the ten
/// recovery codes are returned (the only time they are shown).
pub async fn confirm(request: &Request, user: &User, code: &str) -> Result<Vec<String>, ApiError> {
    let store = &request.state.store;
    let now = request.state.clock.unix();
    if user.mfa {
        return Err(ApiError::NotNow {
            reason: "two-step sign-in is already on".into(),
        });
    }
    let secret = store.mfa_secret(user.id).await?.ok_or(ApiError::NotNow {
        reason: "start setting up first".into(),
    })?;
    let step = matching_step(&secret, code, now)
        .ok_or(FieldError::new(Field::Code, Problem::WrongCode))?;
    let codes = new_recovery_codes();
    let mut hashes = Vec::with_capacity(codes.len());
    for c in &codes {
        hashes.push(crate::server::auth::hash_password(&recovery_plain(c)).await?);
    }
    store.enable_mfa(user.id, step, &hashes, now).await?;
    crate::server::login::audit(
        request,
        SecurityEvent::MfaEnabled,
        (Some(user.id), &user.email),
        Some(user.id),
        "",
    )
    .await?;
    Ok(codes)
}

/// Turns two-step sign-in off, given the password; staff must keep it.
pub async fn disable(request: &Request, user: &User, password: &str) -> Result<(), ApiError> {
    if user.role.is_staff() {
        return Err(ApiError::Forbidden);
    }
    request.require_recent_auth().await?;
    crate::server::login::check_own_password(request, user, password, Field::CurrentPassword)
        .await?;
    request.state.store.disable_mfa(user.id).await?;
    crate::server::login::audit(
        request,
        SecurityEvent::MfaDisabled,
        (Some(user.id), &user.email),
        Some(user.id),
        "",
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 6238, appendix B: the SHA-1 secret "12345678901234567890".
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn codes_are_those_of_rfc_6238() {
        assert_eq!(code_at(RFC_SECRET, 59), "287082");
        assert_eq!(code_at(RFC_SECRET, 1_111_111_109), "081804");
        assert_eq!(code_at(RFC_SECRET, 2_000_000_000), "279037");
    }

    #[test]
    fn a_code_is_good_one_step_either_side_and_no_further() {
        let now = 1_111_111_109;
        let code = code_at(RFC_SECRET, now);
        assert_eq!(matching_step(RFC_SECRET, &code, now), Some(now / 30));
        assert_eq!(matching_step(RFC_SECRET, &code, now + 30), Some(now / 30));
        assert_eq!(matching_step(RFC_SECRET, &code, now - 30), Some(now / 30));
        assert_eq!(matching_step(RFC_SECRET, &code, now + 61), None);
        assert_eq!(matching_step(RFC_SECRET, "000000x", now), None);
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_read_back_however_typed() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 10);
        let c = &codes[0];
        assert_eq!(c.len(), 11);
        assert_eq!(
            recovery_plain(c),
            recovery_plain(&c.to_lowercase().replace('-', " "))
        );
        assert_eq!(recovery_plain(c).len(), 10);
    }

    #[test]
    fn a_new_secret_makes_an_address_an_app_reads() {
        let secret = new_secret();
        assert_eq!(secret.len(), 32);
        let url = totp(&secret, "agent@example.com").unwrap().get_url();
        assert!(
            url.starts_with("otpauth://totp/GridCare:agent%40example.com?"),
            "{url}"
        );
        assert!(url.contains(&format!("secret={secret}")), "{url}");
        let q = qr(&url).unwrap();
        assert_eq!(q.modules.len(), q.width * q.width);
    }
}
