//! The one error type every server function returns; the client turns it into words.

use crate::domain::FieldError;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Why a request was refused or failed. Travels as JSON, e.g. `{"error":"invalid","field":"email",…}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "error", rename_all = "snake_case", try_from = "ErrorJson")]
pub enum ApiError {
    /// The request needs a signed-in person.
    #[error("sign in first")]
    NotSignedIn,
    /// The person is signed in but may not see or change that row.
    #[error("you may not see or change this")]
    Forbidden,
    /// No such row.
    #[error("not found")]
    NotFound,
    /// A field's value was refused.
    #[error("{0}")]
    Invalid(FieldError),
    /// The email and password do not match.
    #[error("wrong email or password")]
    BadCredentials,
    /// Too many failed attempts; try again after `minutes`.
    #[error("too many failed attempts; try again in {minutes} minutes")]
    Locked { minutes: u32 },
    /// The password was right; now the code from the authenticator app (or a recovery code).
    #[error("enter the code from your authenticator app")]
    SecondFactor,
    /// Staff must set up two-step sign-in before anything else.
    #[error("set up two-step sign-in first")]
    SetUpSecondFactor,
    /// The password was right, but the email address was never confirmed (a new link was sent).
    #[error("confirm your email address first: we sent you a link")]
    Unverified,
    /// Binding a service account that does not exist.
    #[error("no service account has this number")]
    BindMismatch,
    /// The request came from another site (cross-site request forgery guard).
    #[error("refused: the request came from another site")]
    CrossSite,
    /// The move is not allowed in the case's current state (say, advancing a closed case).
    #[error("not allowed now: {reason}")]
    NotNow { reason: String },
    /// Someone changed the row at the same moment; reload and try again.
    #[error("changed meanwhile; reload and try again")]
    Conflict,
    /// The request body is larger than the server accepts.
    #[error("the request is too large")]
    TooLarge,
    /// The request could not be read (missing or unreadable arguments).
    #[error("the request could not be read: {message}")]
    BadRequest { message: String },
    /// A change that needs the password (and code) again: the session proved it too long ago.
    #[error("confirm your password first")]
    Reauthenticate,
    /// The server is working on as many requests as it takes at once; try again shortly.
    #[error("the server is busy; try again in a few seconds")]
    Busy,
    /// The browser could not reach the server.
    #[error("could not reach the server: {message}")]
    Network { message: String },
    /// A fault on the server; details are in its log, not here.
    #[error("something went wrong on our side")]
    Internal,
}

/// An error's JSON read flat (see `domain::input::needed`).
#[derive(Deserialize)]
struct ErrorJson {
    error: String,
    field: Option<crate::domain::Field>,
    problem: Option<crate::domain::Problem>,
    minutes: Option<u32>,
    reason: Option<String>,
    message: Option<String>,
}

impl TryFrom<ErrorJson> for ApiError {
    type Error = String;

    fn try_from(j: ErrorJson) -> Result<Self, String> {
        use crate::domain::input::needed;
        Ok(match j.error.as_str() {
            "not_signed_in" => ApiError::NotSignedIn,
            "forbidden" => ApiError::Forbidden,
            "not_found" => ApiError::NotFound,
            "invalid" => ApiError::Invalid(FieldError {
                field: needed(j.field, "field")?,
                problem: needed(j.problem, "problem")?,
            }),
            "bad_credentials" => ApiError::BadCredentials,
            "locked" => ApiError::Locked {
                minutes: needed(j.minutes, "minutes")?,
            },
            "second_factor" => ApiError::SecondFactor,
            "set_up_second_factor" => ApiError::SetUpSecondFactor,
            "unverified" => ApiError::Unverified,
            "bind_mismatch" => ApiError::BindMismatch,
            "cross_site" => ApiError::CrossSite,
            "not_now" => ApiError::NotNow {
                reason: needed(j.reason, "reason")?,
            },
            "conflict" => ApiError::Conflict,
            "too_large" => ApiError::TooLarge,
            "bad_request" => ApiError::BadRequest {
                message: needed(j.message, "message")?,
            },
            "reauthenticate" => ApiError::Reauthenticate,
            "busy" => ApiError::Busy,
            "network" => ApiError::Network {
                message: needed(j.message, "message")?,
            },
            "internal" => ApiError::Internal,
            other => return Err(format!("unknown error `{other}`")),
        })
    }
}

impl ApiError {
    /// The refused field, when the error is about one (so a form can show it beside the field).
    pub fn field_error(&self) -> Option<crate::domain::FieldError> {
        match self {
            ApiError::Invalid(e) => Some(*e),
            _ => None,
        }
    }

    /// The HTTP status the server answers with.
    pub fn status(&self) -> u16 {
        match self {
            ApiError::NotSignedIn
            | ApiError::BadCredentials
            | ApiError::SecondFactor
            | ApiError::Reauthenticate => 401,
            ApiError::Forbidden
            | ApiError::CrossSite
            | ApiError::Unverified
            | ApiError::SetUpSecondFactor => 403,
            ApiError::NotFound => 404,
            ApiError::NotNow { .. } | ApiError::Conflict => 409,
            ApiError::TooLarge => 413,
            ApiError::Invalid(_) | ApiError::BadRequest { .. } | ApiError::BindMismatch => 422,
            ApiError::Locked { .. } => 429,
            ApiError::Busy => 503,
            ApiError::Network { .. } | ApiError::Internal => 500,
        }
    }
}

impl From<FieldError> for ApiError {
    fn from(e: FieldError) -> Self {
        ApiError::Invalid(e)
    }
}

impl FromServerFnError for ApiError {
    type Encoder = crate::api::codec::Wire;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(message) | ServerFnErrorErr::Deserialization(message) => {
                ApiError::BadRequest { message }
            }
            ServerFnErrorErr::MissingArg(arg) => ApiError::BadRequest {
                message: format!("missing field `{arg}`"),
            },
            ServerFnErrorErr::Request(message) => ApiError::Network { message },
            _ => ApiError::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Field, Problem};

    #[test]
    fn field_errors_travel_with_their_field_name() {
        let e = ApiError::Invalid(FieldError::new(Field::Email, Problem::TooLong { max: 254 }));
        let json = serde_json::to_string(&e).expect("serialises");
        assert_eq!(
            json,
            r#"{"error":"invalid","field":"email","problem":{"too_long":{"max":254}}}"#
        );
        assert_eq!(serde_json::from_str::<ApiError>(&json).expect("parses"), e);
    }

    #[test]
    fn every_error_reads_back_as_it_was_written() {
        let all = [
            ApiError::NotSignedIn,
            ApiError::Forbidden,
            ApiError::NotFound,
            ApiError::Invalid(FieldError::new(Field::Note, Problem::Required)),
            ApiError::BadCredentials,
            ApiError::Locked { minutes: 15 },
            ApiError::SecondFactor,
            ApiError::SetUpSecondFactor,
            ApiError::Unverified,
            ApiError::BindMismatch,
            ApiError::CrossSite,
            ApiError::NotNow {
                reason: "work has started".into(),
            },
            ApiError::Conflict,
            ApiError::TooLarge,
            ApiError::BadRequest {
                message: "missing field `email`".into(),
            },
            ApiError::Reauthenticate,
            ApiError::Busy,
            ApiError::Network {
                message: "offline".into(),
            },
            ApiError::Internal,
        ];
        for e in all {
            // No wildcard: a new variant must be added here (and to `ErrorJson`'s reading).
            match &e {
                ApiError::NotSignedIn
                | ApiError::Forbidden
                | ApiError::NotFound
                | ApiError::Invalid(_)
                | ApiError::BadCredentials
                | ApiError::Locked { .. }
                | ApiError::SecondFactor
                | ApiError::SetUpSecondFactor
                | ApiError::Unverified
                | ApiError::BindMismatch
                | ApiError::CrossSite
                | ApiError::NotNow { .. }
                | ApiError::Conflict
                | ApiError::TooLarge
                | ApiError::BadRequest { .. }
                | ApiError::Reauthenticate
                | ApiError::Busy
                | ApiError::Network { .. }
                | ApiError::Internal => {}
            }
            let json = serde_json::to_string(&e).expect("serialises");
            assert_eq!(
                serde_json::from_str::<ApiError>(&json).expect("parses"),
                e,
                "{json}"
            );
        }
        let missing = serde_json::from_str::<ApiError>(r#"{"error":"locked"}"#);
        assert!(missing.is_err_and(|e| e.to_string().contains("minutes")));
        assert!(serde_json::from_str::<ApiError>(r#"{"error":"teapot"}"#).is_err());
    }

    #[test]
    fn unreadable_arguments_become_a_bad_request() {
        let e =
            ApiError::from_server_fn_error(ServerFnErrorErr::Args("missing field `email`".into()));
        assert_eq!(e.status(), 422);
        assert!(e.to_string().contains("email"));
        // JSON bodies the server cannot read are the caller's mistake too, never a 500.
        let e = ApiError::from_server_fn_error(ServerFnErrorErr::Deserialization(
            "missing field `email` at line 1 column 2".into(),
        ));
        assert_eq!(e.status(), 422);
    }
}
