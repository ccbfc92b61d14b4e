//! Energy as the meter counts it, in hundredths of a kilowatt-hour.

use crate::domain::input::{Field, FieldError, Problem};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Sub};

/// An amount of energy, held exactly in 0.01 kWh steps (the meter's resolution).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct KilowattHours(i64);

impl KilowattHours {
    /// Zero kWh.
    pub const ZERO: KilowattHours = KilowattHours(0);

    /// A whole number of kWh.
    pub const fn whole(kwh: i64) -> Self {
        KilowattHours(kwh * 100)
    }

    /// From hundredths of a kWh, as stored.
    pub const fn from_centi(centi: i64) -> Self {
        KilowattHours(centi)
    }

    /// Hundredths of a kWh, as stored.
    pub const fn centi(self) -> i64 {
        self.0
    }

    /// Parses a reading typed by a person, such as `1234.5` (at most two decimals, not negative).
    pub fn parse(field: Field, input: &str) -> Result<Self, FieldError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(FieldError::new(field, Problem::Required));
        }
        let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
        let digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 2 || whole.len() > 12
        {
            return Err(FieldError::new(field, Problem::Malformed));
        }
        let whole: i64 = whole
            .parse()
            .map_err(|_| FieldError::new(field, Problem::Malformed))?;
        let frac: i64 = format!("{frac:0<2}")
            .parse()
            .map_err(|_| FieldError::new(field, Problem::Malformed))?;
        Ok(KilowattHours(whole * 100 + frac))
    }

    /// The smaller of two amounts.
    pub fn min(self, other: Self) -> Self {
        if self <= other { self } else { other }
    }

    /// Subtraction that stops at zero.
    pub fn saturating_sub(self, other: Self) -> Self {
        KilowattHours((self.0 - other.0).max(0))
    }
}

impl fmt::Display for KilowattHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Add for KilowattHours {
    type Output = Self;
    fn add(self, rhs: Self) -> Self {
        KilowattHours(self.0 + rhs.0)
    }
}

impl Sub for KilowattHours {
    type Output = Self;
    fn sub(self, rhs: Self) -> Self {
        KilowattHours(self.0 - rhs.0)
    }
}

impl Sum for KilowattHours {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::ZERO, Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_readings_with_up_to_two_decimals() {
        let p = |s| KilowattHours::parse(Field::Reading, s);
        assert_eq!(p("12"), Ok(KilowattHours::from_centi(1200)));
        assert_eq!(p("12.5"), Ok(KilowattHours::from_centi(1250)));
        assert_eq!(p(" 0.07 "), Ok(KilowattHours::from_centi(7)));
    }

    #[test]
    fn refuses_readings_that_are_not_plain_numbers() {
        for bad in ["-1", "1.234", "abc", "1e3", ".5", "1,000"] {
            let err = KilowattHours::parse(Field::Reading, bad).unwrap_err();
            assert_eq!(err.field, Field::Reading, "{bad}");
            assert_eq!(err.problem, Problem::Malformed, "{bad}");
        }
        assert_eq!(
            KilowattHours::parse(Field::Reading, "")
                .unwrap_err()
                .problem,
            Problem::Required
        );
    }

    #[test]
    fn displays_two_decimals() {
        assert_eq!(KilowattHours::from_centi(123_405).to_string(), "1234.05");
    }
}
