//! What a person typed, and why it was refused: every refusal names the field and the problem.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An input field a person fills in or a request carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Email,
    Password,
    AccountNumber,
    PhoneLast4,
    AccountId,
    BillId,
    Page,
    Reading,
    Kind,
    Category,
    #[serde(rename = "capacity_kw")]
    Capacity,
    SupplyVoltage,
    PremiseAddress,
    ContactName,
    ContactPhone,
    Documents,
    CaseId,
    IdempotencyKey,
    Note,
    File,
    Description,
    Danger,
    #[serde(rename = "photo_id")]
    Photo,
    TicketId,
    Action,
    Crew,
    #[serde(rename = "eta_minutes")]
    Eta,
    OutageId,
    Area,
    Reason,
    StartsAt,
    #[serde(rename = "expected_end")]
    EndsAt,
    Ended,
    JobKind,
    JobId,
    Stars,
    Tags,
    Comment,
    FeedbackId,
    Topic,
    Satisfied,
    OrganisationId,
    SiteId,
    UserId,
    InvitationId,
    Token,
    Role,
    Label,
    Search,
    OpenRequests,
    Unpaid,
    From,
    To,
    Sites,
    Add,
    Days,
    Interval,
    Day,
    Mobile,
    #[serde(rename = "high_use_percent")]
    Threshold,
    Language,
    Choices,
    NotificationId,
    Code,
    #[serde(rename = "challenge_id")]
    Challenge,
    HolderId,
    CurrentPassword,
    SessionId,
    /// An amount of money to pay or refund, in yuan.
    Amount,
    PaymentId,
    LineId,
    /// The most autopay may take for one bill, in yuan.
    MaxAmount,
    /// The person's agreement to something they must tick.
    Consent,
    /// The prepaid balance under which the person is warned, in yuan.
    LowBalance,
    /// Care mode on or off.
    CareMode,
}

impl Field {
    /// The field's name as it travels in requests.
    pub fn name(self) -> &'static str {
        match self {
            Field::Email => "email",
            Field::Password => "password",
            Field::AccountNumber => "account_number",
            Field::PhoneLast4 => "phone_last4",
            Field::AccountId => "account_id",
            Field::BillId => "bill_id",
            Field::Page => "page",
            Field::Reading => "reading",
            Field::Kind => "kind",
            Field::Category => "category",
            Field::Capacity => "capacity_kw",
            Field::SupplyVoltage => "supply_voltage",
            Field::PremiseAddress => "premise_address",
            Field::ContactName => "contact_name",
            Field::ContactPhone => "contact_phone",
            Field::Documents => "documents",
            Field::CaseId => "case_id",
            Field::IdempotencyKey => "idempotency_key",
            Field::Note => "note",
            Field::File => "file",
            Field::Description => "description",
            Field::Danger => "danger",
            Field::Photo => "photo_id",
            Field::TicketId => "ticket_id",
            Field::Action => "action",
            Field::Crew => "crew",
            Field::Eta => "eta_minutes",
            Field::OutageId => "outage_id",
            Field::Area => "area",
            Field::Reason => "reason",
            Field::StartsAt => "starts_at",
            Field::EndsAt => "expected_end",
            Field::Ended => "ended",
            Field::JobKind => "job_kind",
            Field::JobId => "job_id",
            Field::Stars => "stars",
            Field::Tags => "tags",
            Field::Comment => "comment",
            Field::FeedbackId => "feedback_id",
            Field::Topic => "topic",
            Field::Satisfied => "satisfied",
            Field::OrganisationId => "organisation_id",
            Field::SiteId => "site_id",
            Field::UserId => "user_id",
            Field::InvitationId => "invitation_id",
            Field::Token => "token",
            Field::Role => "role",
            Field::Label => "label",
            Field::Search => "search",
            Field::OpenRequests => "open_requests",
            Field::Unpaid => "unpaid",
            Field::From => "from",
            Field::To => "to",
            Field::Sites => "sites",
            Field::Add => "add",
            Field::Days => "days",
            Field::Interval => "interval",
            Field::Day => "day",
            Field::Mobile => "mobile",
            Field::Threshold => "high_use_percent",
            Field::Language => "lang",
            Field::Choices => "choices",
            Field::NotificationId => "notification_id",
            Field::Code => "code",
            Field::Challenge => "challenge_id",
            Field::HolderId => "holder_id",
            Field::CurrentPassword => "current_password",
            Field::SessionId => "session_id",
            Field::Amount => "amount",
            Field::PaymentId => "payment_id",
            Field::LineId => "line_id",
            Field::MaxAmount => "max_amount",
            Field::Consent => "consent",
            Field::LowBalance => "low_balance",
            Field::CareMode => "care_mode",
        }
    }
}

/// Why a field's value was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// Nothing was given.
    Required,
    /// Fewer characters than `min`.
    TooShort { min: u32 },
    /// More characters than `max`.
    TooLong { max: u32 },
    /// Not of the expected form (for example an email without `@`).
    Malformed,
    /// Expected a whole number.
    NotANumber,
    /// A number outside the allowed range.
    OutOfRange { min: i64, max: i64 },
    /// A choice that is not one of those offered (or not allowed with the other answers).
    NotAllowed,
    /// Something that must be there is missing (such as a required document).
    Missing,
    /// A time too close to now (such as a planned outage announced less than 7 days ahead).
    TooSoon,
    /// The person is a member of the organisation already.
    AlreadyMember,
    /// The change would leave the organisation without an owner.
    LastOwner,
    /// Not the code that was sent.
    WrongCode,
    /// An organisation's site: reached only through the organisation.
    OrganisationSite,
    /// Too many files wait unsent: send them with a form, or wait a day.
    QuotaFull,
    /// A password on the list of the most common ones, or little more than a word of ours.
    TooCommon,
    /// A link or code that is past its time or already used.
    Expired,
    /// Not what we have on file (a current password).
    Incorrect,
    /// The same as before.
    Unchanged,
    /// An amount that must be more than zero.
    NotPositive,
    /// An amount with more than two decimals (fen are the smallest unit).
    TooPrecise,
    /// An amount over the most that is allowed.
    TooLarge { max: crate::domain::money::Fen },
    /// A bill named for payment is paid in full already.
    AlreadyPaid,
}

/// A refused input: which field, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl FieldError {
    /// A refusal of `field` for `problem`.
    pub fn new(field: Field, problem: Problem) -> Self {
        FieldError { field, problem }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = self.field.name();
        match self.problem {
            Problem::Required => write!(f, "{field} is required"),
            Problem::TooShort { min } => write!(f, "{field} needs at least {min} characters"),
            Problem::TooLong { max } => write!(f, "{field} allows at most {max} characters"),
            Problem::Malformed => write!(f, "{field} is not in the expected form"),
            Problem::NotANumber => write!(f, "{field} must be a whole number"),
            Problem::OutOfRange { min, max } => {
                write!(f, "{field} must be between {min} and {max}")
            }
            Problem::NotAllowed => write!(f, "{field} is not one of the choices allowed here"),
            Problem::Missing => write!(f, "{field} lacks something required"),
            Problem::TooSoon => write!(f, "{field} is too soon"),
            Problem::AlreadyMember => write!(f, "{field} belongs to a member already"),
            Problem::LastOwner => write!(f, "{field}: the organisation must keep an owner"),
            Problem::WrongCode => write!(f, "{field} is not the code we sent"),
            Problem::QuotaFull => write!(f, "{field}: too many files are waiting to be sent"),
            Problem::TooCommon => write!(
                f,
                "{field} is too common: choose one that is harder to guess"
            ),
            Problem::Expired => write!(f, "{field} has expired or was already used"),
            Problem::Incorrect => write!(f, "{field} is not right"),
            Problem::Unchanged => write!(f, "{field} is the same as before"),
            Problem::NotPositive => write!(f, "{field} must be more than zero"),
            Problem::TooPrecise => write!(f, "{field} has more than two decimals"),
            Problem::TooLarge { max } => write!(f, "{field} must be at most {max}"),
            Problem::AlreadyPaid => write!(f, "{field} is paid in full already"),
            Problem::OrganisationSite => {
                write!(
                    f,
                    "{field} belongs to an organisation: ask its owner to invite you"
                )
            }
        }
    }
}

impl std::error::Error for FieldError {}

/// Refuses text with control characters (a line break or a tab too, unless `multiline`) or
/// the invisible characters that reorder text (bidi embeddings, overrides and isolates), which
/// can make what staff read differ from what was stored.
pub fn refuse_hidden_characters(field: Field, s: &str, multiline: bool) -> Result<(), FieldError> {
    let hidden = |c: char| {
        (c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    };
    if s.chars().any(hidden) {
        Err(FieldError::new(field, Problem::Malformed))
    } else {
        Ok(())
    }
}

/// For the hand-written readers of internally tagged enums (`{"kind":"flat","price":…}`): the
/// value of a field the tag's variant needs, or serde's words for a missing one. serde's derive
/// for such an enum buffers the whole object before choosing the variant, which costs the
/// browser client several kilobytes per enum; reading a flat struct of optional fields and
/// converting it (`#[serde(try_from = …)]`) costs a fraction. The JSON is the same.
pub fn needed<T>(value: Option<T>, name: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{name}`"))
}

/// The id of a stored row (a bill, a service account), as given in a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RowId(pub i64);

impl fmt::Display for RowId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

fn parse_whole(field: Field, input: &str, min: i64, max: i64) -> Result<i64, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, Problem::Required));
    }
    if s.len() > 19 || !s.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return Err(FieldError::new(field, Problem::NotANumber));
    }
    let n: i64 = s
        .parse()
        .map_err(|_| FieldError::new(field, Problem::NotANumber))?;
    if n < min || n > max {
        return Err(FieldError::new(field, Problem::OutOfRange { min, max }));
    }
    Ok(n)
}

/// Parses one of a fixed set of choices (a kind, a category) given for `field` by its stored
/// name: empty is `Required`, anything `from_stored` does not know is `NotAllowed`.
pub fn parse_choice<T>(
    field: Field,
    input: &str,
    from_stored: impl Fn(&str) -> Option<T>,
) -> Result<T, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, Problem::Required));
    }
    from_stored(s).ok_or(FieldError::new(field, Problem::NotAllowed))
}

/// Parses a yes-or-no a request sends as `true` or `false` (through [`parse_choice`]: empty is
/// `Required`, anything else `NotAllowed`).
pub fn parse_true_false(field: Field, input: &str) -> Result<bool, FieldError> {
    parse_choice(field, input, |s| match s {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    })
}

/// Reads a yes/no as HTML forms send it: `true`, `yes`, `1` or `on` is yes; `false`, `no`,
/// `0` or nothing (an unticked box) is no.
pub fn parse_flag(field: Field, s: &str) -> Result<bool, FieldError> {
    match s.trim() {
        "true" | "yes" | "1" | "on" => Ok(true),
        "false" | "no" | "0" | "" => Ok(false),
        _ => Err(FieldError::new(field, Problem::NotAllowed)),
    }
}

/// Longest idempotency key a form may send.
pub const MAX_IDEMPOTENCY_KEY: u32 = 64;

/// Parses the idempotency key a form sends with a submission (1 to 64 bytes).
pub fn parse_idempotency_key(input: &str) -> Result<&str, FieldError> {
    let key = input.trim();
    if key.is_empty() {
        Err(FieldError::new(Field::IdempotencyKey, Problem::Required))
    } else if key.len() > MAX_IDEMPOTENCY_KEY as usize {
        Err(FieldError::new(
            Field::IdempotencyKey,
            Problem::TooLong {
                max: MAX_IDEMPOTENCY_KEY,
            },
        ))
    } else {
        Ok(key)
    }
}

/// Parses a row id (a positive whole number) given for `field`.
pub fn parse_row_id(field: Field, input: &str) -> Result<RowId, FieldError> {
    parse_whole(field, input, 1, i64::MAX).map(RowId)
}

/// The largest page number a list accepts; deeper pages are refused rather than scanned.
pub const MAX_PAGE: i64 = 10_000;

/// Parses a 1-based page number; an empty value means the first page.
pub fn parse_page(input: &str) -> Result<u32, FieldError> {
    if input.trim().is_empty() {
        return Ok(1);
    }
    parse_whole(Field::Page, input, 1, MAX_PAGE).map(|n| n as u32)
}

#[cfg(test)]
mod hidden_tests {
    use super::*;

    #[test]
    fn hidden_characters_are_refused_and_line_breaks_only_where_lines_are_allowed() {
        assert!(refuse_hidden_characters(Field::Note, "two\nlines\ttabbed", true).is_ok());
        assert!(refuse_hidden_characters(Field::Crew, "two\nlines", false).is_err());
        assert!(refuse_hidden_characters(Field::Note, "bell\u{7}", true).is_err());
        assert!(refuse_hidden_characters(Field::Note, "evil\u{202e}txt.pdf", true).is_err());
        assert!(refuse_hidden_characters(Field::Note, "李伟 — ok", false).is_ok());
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn yes_or_no_is_true_or_false_and_nothing_else() {
        use super::{Field, Problem, parse_true_false};
        assert_eq!(parse_true_false(Field::Add, " true "), Ok(true));
        assert_eq!(parse_true_false(Field::Add, "false"), Ok(false));
        assert_eq!(
            parse_true_false(Field::Add, "").unwrap_err().problem,
            Problem::Required
        );
        assert_eq!(
            parse_true_false(Field::Add, "yes").unwrap_err().problem,
            Problem::NotAllowed
        );
    }

    #[test]
    fn idempotency_keys_are_given_and_short() {
        assert_eq!(parse_idempotency_key(" abc "), Ok("abc"));
        assert_eq!(
            parse_idempotency_key(""),
            Err(FieldError::new(Field::IdempotencyKey, Problem::Required))
        );
        assert_eq!(
            parse_idempotency_key(&"k".repeat(65)),
            Err(FieldError::new(
                Field::IdempotencyKey,
                Problem::TooLong { max: 64 }
            ))
        );
    }

    #[test]
    fn a_fields_error_names_it_as_the_request_does() {
        for field in [
            Field::Email,
            Field::Password,
            Field::AccountNumber,
            Field::PhoneLast4,
            Field::AccountId,
            Field::BillId,
            Field::Page,
            Field::Reading,
            Field::Kind,
            Field::Category,
            Field::Capacity,
            Field::SupplyVoltage,
            Field::PremiseAddress,
            Field::ContactName,
            Field::ContactPhone,
            Field::Documents,
            Field::CaseId,
            Field::IdempotencyKey,
            Field::Note,
            Field::File,
            Field::Description,
            Field::Danger,
            Field::Photo,
            Field::TicketId,
            Field::Action,
            Field::Crew,
            Field::Eta,
            Field::OutageId,
            Field::Area,
            Field::Reason,
            Field::StartsAt,
            Field::EndsAt,
            Field::Ended,
            Field::JobKind,
            Field::JobId,
            Field::Stars,
            Field::Tags,
            Field::Comment,
            Field::FeedbackId,
            Field::Topic,
            Field::Satisfied,
        ] {
            let json = serde_json::to_value(field).expect("serialises");
            assert_eq!(json, field.name(), "{field:?}");
        }
    }

    use super::*;

    #[test]
    fn row_ids_must_be_positive_whole_numbers() {
        assert_eq!(parse_row_id(Field::BillId, " 42 "), Ok(RowId(42)));
        let err = |s| parse_row_id(Field::BillId, s).unwrap_err().problem;
        assert_eq!(err(""), Problem::Required);
        assert_eq!(err("abc"), Problem::NotANumber);
        assert_eq!(err("4.2"), Problem::NotANumber);
        assert_eq!(err("99999999999999999999"), Problem::NotANumber);
        assert_eq!(
            err("0"),
            Problem::OutOfRange {
                min: 1,
                max: i64::MAX
            }
        );
    }

    #[test]
    fn empty_page_means_the_first() {
        assert_eq!(parse_page(""), Ok(1));
        assert_eq!(parse_page("3"), Ok(3));
        assert_eq!(parse_page("x").unwrap_err().field, Field::Page);
        assert!(parse_page("10001").is_err());
    }

    #[test]
    fn messages_name_the_field() {
        let e = FieldError::new(Field::Email, Problem::TooLong { max: 254 });
        assert_eq!(e.to_string(), "email allows at most 254 characters");
    }

    #[test]
    fn a_flag_is_yes_or_no_as_forms_send_it() {
        assert_eq!(parse_flag(Field::Danger, "on"), Ok(true));
        assert_eq!(parse_flag(Field::Danger, "true"), Ok(true));
        assert_eq!(parse_flag(Field::Danger, ""), Ok(false));
        assert_eq!(parse_flag(Field::Danger, "false"), Ok(false));
        assert_eq!(
            parse_flag(Field::Danger, "maybe"),
            Err(FieldError::new(Field::Danger, Problem::NotAllowed))
        );
    }
}
