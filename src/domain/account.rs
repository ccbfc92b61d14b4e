//! Service accounts (户号): the contract between the utility and one premise with its meter.

use crate::domain::input::{Field, FieldError, Problem};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A 10-digit service account number. People may type it with spaces or dashes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AccountNumber(String);

impl AccountNumber {
    /// Parses a typed account number, ignoring spaces and dashes.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let err = |p| FieldError::new(Field::AccountNumber, p);
        if input.len() > 64 {
            return Err(err(Problem::TooLong { max: 10 }));
        }
        let digits: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if digits.is_empty() {
            return Err(err(Problem::Required));
        }
        if digits.len() != 10 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(err(Problem::Malformed));
        }
        Ok(AccountNumber(digits))
    }

    /// The ten digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AccountNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The last four digits of the phone number on file, used to prove a person holds an account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhoneLast4(String);

impl PhoneLast4 {
    /// Parses exactly four digits.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let err = |p| FieldError::new(Field::PhoneLast4, p);
        let s = input.trim();
        if s.is_empty() {
            return Err(err(Problem::Required));
        }
        if s.len() != 4 || !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(err(Problem::Malformed));
        }
        Ok(PhoneLast4(s.to_owned()))
    }

    /// True when `phone` (as on file) ends with these four digits.
    pub fn matches(&self, phone: &str) -> bool {
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        digits.len() >= 4 && digits.ends_with(&self.0)
    }
}

/// Where a premise lies; it sets the repair response commitments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaClass {
    Urban,
    Rural,
    Remote,
}

impl AreaClass {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            AreaClass::Urban => "urban",
            AreaClass::Rural => "rural",
            AreaClass::Remote => "remote",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        match s {
            "urban" => Some(AreaClass::Urban),
            "rural" => Some(AreaClass::Rural),
            "remote" => Some(AreaClass::Remote),
            _ => None,
        }
    }
}

/// The kind of customer an account serves; it decides tariffs and connection time limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerCategory {
    /// A household.
    Residential,
    /// A low-voltage business (shops, offices).
    BusinessLowVoltage,
    /// A high-voltage business (factories, large buildings).
    BusinessHighVoltage,
}

impl CustomerCategory {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            CustomerCategory::Residential => "residential",
            CustomerCategory::BusinessLowVoltage => "business_low_voltage",
            CustomerCategory::BusinessHighVoltage => "business_high_voltage",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        match s {
            "residential" => Some(CustomerCategory::Residential),
            "business_low_voltage" => Some(CustomerCategory::BusinessLowVoltage),
            "business_high_voltage" => Some(CustomerCategory::BusinessHighVoltage),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_number_accepts_spaced_digits() {
        assert_eq!(
            AccountNumber::parse("310 012-3456").unwrap().as_str(),
            "3100123456"
        );
    }

    #[test]
    fn account_number_refuses_wrong_lengths_and_letters() {
        let problem = |s| AccountNumber::parse(s).unwrap_err().problem;
        assert_eq!(problem(""), Problem::Required);
        assert_eq!(problem("123"), Problem::Malformed);
        assert_eq!(problem("31001234567"), Problem::Malformed);
        assert_eq!(problem("31001234ab"), Problem::Malformed);
    }

    #[test]
    fn phone_digits_match_the_end_of_the_number_on_file() {
        let last4 = PhoneLast4::parse("8821").unwrap();
        assert!(last4.matches("+86 138-0013-8821"));
        assert!(!last4.matches("13800138820"));
        assert_eq!(
            PhoneLast4::parse("88a1").unwrap_err().problem,
            Problem::Malformed
        );
    }

    #[test]
    fn stored_names_round_trip() {
        for a in [AreaClass::Urban, AreaClass::Rural, AreaClass::Remote] {
            assert_eq!(AreaClass::from_stored(a.as_str()), Some(a));
        }
        for c in [
            CustomerCategory::Residential,
            CustomerCategory::BusinessLowVoltage,
            CustomerCategory::BusinessHighVoltage,
        ] {
            assert_eq!(CustomerCategory::from_stored(c.as_str()), Some(c));
        }
    }
}
