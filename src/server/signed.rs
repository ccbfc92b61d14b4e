//! Requests signed with a shared secret, as HTTP gateways sign them (the SMS gateway, the
//! payment provider): HMAC-SHA256 over the unix timestamp, a newline and the raw body, in hex,
//! checked in constant time; a timestamp more than `REPLAY_WINDOW_SECS` off is refused so a
//! captured request cannot be played again later.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How far a signed request's timestamp may be from now, either way (seconds).
pub const REPLAY_WINDOW_SECS: i64 = 300;

fn mac(secret: &[u8], timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b"\n");
    mac.update(body);
    mac
}

/// The signature of `body` sent at `timestamp`, in lowercase hex.
pub fn sign(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
    hex(&mac(secret, timestamp, body).finalize().into_bytes())
}

/// Whether `signature` is `body`'s at `timestamp` (compared in constant time).
pub fn holds(secret: &[u8], timestamp: i64, body: &[u8], signature: &str) -> bool {
    unhex(signature.trim())
        .is_some_and(|sig| mac(secret, timestamp, body).verify_slice(&sig).is_ok())
}

/// Why a signed request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No timestamp, or not a number.
    NoTimestamp,
    /// The timestamp is more than the replay window from `now`.
    OutsideWindow,
    /// The signature is missing or not the body's.
    BadSignature,
}

impl Refusal {
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::NoTimestamp => "no_timestamp",
            Refusal::OutsideWindow => "outside_window",
            Refusal::BadSignature => "bad_signature",
        }
    }
}

/// Checks a request's `timestamp` and `signature` headers against its raw body at `now`.
pub fn check(
    secret: &[u8],
    now: i64,
    timestamp: Option<&str>,
    signature: Option<&str>,
    body: &[u8],
) -> Result<(), Refusal> {
    let timestamp = timestamp
        .and_then(|t| t.trim().parse::<i64>().ok())
        .ok_or(Refusal::NoTimestamp)?;
    if !holds(secret, timestamp, body, signature.unwrap_or("")) {
        return Err(Refusal::BadSignature);
    }
    if (now - timestamp).abs() > REPLAY_WINDOW_SECS {
        return Err(Refusal::OutsideWindow);
    }
    Ok(())
}

/// Bytes as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex as bytes, if it is hex.
pub fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_covers_the_time_and_the_body() {
        let s = sign(b"secret", 100, b"{}");
        assert!(holds(b"secret", 100, b"{}", &s));
        assert!(!holds(b"secret", 101, b"{}", &s));
        assert!(!holds(b"secret", 100, b"{ }", &s));
        assert!(!holds(b"other", 100, b"{}", &s));
        assert!(!holds(b"secret", 100, b"{}", "zz"));
        assert!(!holds(b"secret", 100, b"{}", ""));
    }

    #[test]
    fn a_request_is_refused_outside_the_window_or_unsigned() {
        let body = b"{\"a\":1}";
        let at = |t: i64| sign(b"k", t, body);
        let ok = check(b"k", 1000, Some("1000"), Some(&at(1000)), body);
        assert_eq!(ok, Ok(()));
        let edge = check(b"k", 1300, Some("1000"), Some(&at(1000)), body);
        assert_eq!(edge, Ok(()), "five minutes is still inside");
        let late = check(b"k", 1301, Some("1000"), Some(&at(1000)), body);
        assert_eq!(late, Err(Refusal::OutsideWindow));
        let early = check(b"k", 699, Some("1000"), Some(&at(1000)), body);
        assert_eq!(early, Err(Refusal::OutsideWindow));
        let none = check(b"k", 1000, None, Some(&at(1000)), body);
        assert_eq!(none, Err(Refusal::NoTimestamp));
        let bad = check(b"k", 1000, Some("1000"), Some(&at(999)), body);
        assert_eq!(bad, Err(Refusal::BadSignature));
        let unsigned = check(b"k", 1000, Some("1000"), None, body);
        assert_eq!(unsigned, Err(Refusal::BadSignature));
    }
}
