//! Who a person is to the portal: their sign-in email, their password, their roles.

use crate::domain::input::{Field, FieldError, Problem};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest email address the portal stores (RFC 5321's path limit).
pub const EMAIL_MAX: u32 = 254;
/// The shortest password the portal accepts.
pub const PASSWORD_MIN: u32 = 10;
/// The longest password the portal accepts (long enough for any passphrase or manager).
pub const PASSWORD_MAX: u32 = 128;

/// A sign-in email address, trimmed and lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Parses an address typed by a person: one `@`, a dotted domain, no spaces.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let err = |p| FieldError::new(Field::Email, p);
        let s = input.trim();
        if s.is_empty() {
            return Err(err(Problem::Required));
        }
        if s.chars().count() > EMAIL_MAX as usize {
            return Err(err(Problem::TooLong { max: EMAIL_MAX }));
        }
        let (local, domain) = s.split_once('@').ok_or(err(Problem::Malformed))?;
        let well_formed = !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !s.chars().any(|c| c.is_whitespace() || c.is_control());
        if !well_formed {
            return Err(err(Problem::Malformed));
        }
        Ok(EmailAddress(s.to_lowercase()))
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A new password that meets the length rule. Kept exactly as typed: spaces and pasted text count.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// Checks the length rule (10 to 128 characters).
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let err = |p| FieldError::new(Field::Password, p);
        let n = input.chars().count();
        if n == 0 {
            return Err(err(Problem::Required));
        }
        if n < PASSWORD_MIN as usize {
            return Err(err(Problem::TooShort { min: PASSWORD_MIN }));
        }
        if n > PASSWORD_MAX as usize {
            return Err(err(Problem::TooLong { max: PASSWORD_MAX }));
        }
        Ok(Password(input.to_owned()))
    }

    /// The password text, for hashing only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// What a person is to the utility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A customer: residential or a member of an enterprise organisation.
    Customer,
    /// A customer representative working the queues.
    StaffAgent,
    /// Sees every queue, on-time rates and satisfaction.
    StaffSupervisor,
}

impl Role {
    /// The role's stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::StaffAgent => "staff_agent",
            Role::StaffSupervisor => "staff_supervisor",
        }
    }

    /// Reads a stored role name.
    pub fn from_stored(s: &str) -> Option<Self> {
        match s {
            "customer" => Some(Role::Customer),
            "staff_agent" => Some(Role::StaffAgent),
            "staff_supervisor" => Some(Role::StaffSupervisor),
            _ => None,
        }
    }

    /// True for the utility's own people.
    pub const fn is_staff(self) -> bool {
        matches!(self, Role::StaffAgent | Role::StaffSupervisor)
    }

    /// How long a session lasts from its sign-in, however active, after NIST SP 800-63B
    /// (rev. 3, 4.1.3 and 4.2.3): staff sign in with two factors (AAL2) and reach every
    /// customer's data, so a working day, 12 hours; customers sign in at AAL1 (a password, with
    /// a second factor by choice), whose limit is 30 days.
    pub const fn session_lifetime_secs(self) -> i64 {
        if self.is_staff() {
            12 * 3600
        } else {
            30 * 24 * 3600
        }
    }

    /// How long a session may go unused: 30 minutes for staff (800-63B's AAL2 limit: a console
    /// left open at a counter), and for customers as long as the session lasts (AAL1 sets no
    /// idle limit; a customer signs in again every 30 days anyway).
    pub const fn session_idle_secs(self) -> i64 {
        if self.is_staff() {
            30 * 60
        } else {
            self.session_lifetime_secs()
        }
    }
}

/// A person's role inside an enterprise organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgRole {
    /// Holds the organisation: manages people and every site.
    Owner,
    /// Manages sites and files requests for them.
    Manager,
    /// Reads bills and usage only.
    Viewer,
}

impl OrgRole {
    /// The role's stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            OrgRole::Owner => "owner",
            OrgRole::Manager => "manager",
            OrgRole::Viewer => "viewer",
        }
    }

    /// Reads a stored role name.
    pub fn from_stored(s: &str) -> Option<Self> {
        match s {
            "owner" => Some(OrgRole::Owner),
            "manager" => Some(OrgRole::Manager),
            "viewer" => Some(OrgRole::Viewer),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lower_cased() {
        let e = EmailAddress::parse("  Resident@Example.COM ").unwrap();
        assert_eq!(e.as_str(), "resident@example.com");
    }

    #[test]
    fn email_refusals_say_why() {
        let problem = |s: &str| EmailAddress::parse(s).unwrap_err().problem;
        assert_eq!(problem(""), Problem::Required);
        assert_eq!(problem("no-at-sign"), Problem::Malformed);
        assert_eq!(problem("a@nodot"), Problem::Malformed);
        assert_eq!(problem("a b@example.com"), Problem::Malformed);
        assert_eq!(problem("a@b@example.com"), Problem::Malformed);
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(problem(&long), Problem::TooLong { max: 254 });
    }

    #[test]
    fn password_length_is_counted_in_characters() {
        assert!(
            Password::parse("电力客户服务门户密码十").is_ok(),
            "10 CJK characters"
        );
        assert_eq!(
            Password::parse("short").unwrap_err().problem,
            Problem::TooShort { min: 10 }
        );
        assert!(Password::parse(&"x".repeat(64)).is_ok());
        assert!(Password::parse(&"x".repeat(128)).is_ok());
        assert_eq!(
            Password::parse(&"x".repeat(129)).unwrap_err().problem,
            Problem::TooLong { max: 128 }
        );
    }

    #[test]
    fn password_is_never_printed() {
        let p = Password::parse("correct horse battery").unwrap();
        assert_eq!(format!("{p:?}"), "Password(***)");
    }

    #[test]
    fn roles_round_trip_through_storage() {
        for r in [Role::Customer, Role::StaffAgent, Role::StaffSupervisor] {
            assert_eq!(Role::from_stored(r.as_str()), Some(r));
        }
        for r in [OrgRole::Owner, OrgRole::Manager, OrgRole::Viewer] {
            assert_eq!(OrgRole::from_stored(r.as_str()), Some(r));
        }
    }
}
