//! Money as integer fen (0.01 yuan), never floating point.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};

/// An amount of money in fen (1 yuan = 100 fen). Negative amounts are credits.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Fen(pub i64);

impl Fen {
    /// Zero fen.
    pub const ZERO: Fen = Fen(0);

    /// The amount in yuan with two decimals and thousands separators, e.g. `1,234.50`.
    pub fn yuan(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = (abs / 100).to_string();
        let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{sign}{grouped}.{:02}", abs % 100)
    }

    /// The amount in yuan with two decimals and nothing else, for files: `1234.50`.
    pub fn plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// True when the amount is above zero.
    pub fn is_positive(self) -> bool {
        self.0 > 0
    }
}

impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "¥{}", self.yuan())
    }
}

impl Add for Fen {
    type Output = Fen;
    fn add(self, rhs: Fen) -> Fen {
        Fen(self.0 + rhs.0)
    }
}

impl AddAssign for Fen {
    fn add_assign(&mut self, rhs: Fen) {
        self.0 += rhs.0;
    }
}

impl Sub for Fen {
    type Output = Fen;
    fn sub(self, rhs: Fen) -> Fen {
        Fen(self.0 - rhs.0)
    }
}

impl Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Fen {
        iter.fold(Fen::ZERO, Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_yuan_have_no_separators() {
        assert_eq!(Fen(123_450).plain(), "1234.50");
        assert_eq!(Fen(-5).plain(), "-0.05");
    }

    #[test]
    fn yuan_shows_two_decimals_and_groups_thousands() {
        assert_eq!(Fen(0).yuan(), "0.00");
        assert_eq!(Fen(5).yuan(), "0.05");
        assert_eq!(Fen(12_345).yuan(), "123.45");
        assert_eq!(Fen(123_456_789).yuan(), "1,234,567.89");
        assert_eq!(Fen(-1_050).yuan(), "-10.50");
    }

    #[test]
    fn display_carries_the_yuan_sign() {
        assert_eq!(Fen(10_000).to_string(), "¥100.00");
    }

    #[test]
    fn sums_add_up_exactly() {
        let total: Fen = [Fen(1), Fen(2), Fen(3)].into_iter().sum();
        assert_eq!(total, Fen(6));
    }
}
