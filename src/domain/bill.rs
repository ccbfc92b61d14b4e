//! Where a bill stands with the customer.

use crate::domain::money::Fen;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The collection status of one bill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BillStatus {
    /// Nothing paid yet, due date not passed.
    Unpaid,
    /// Some paid, the rest not yet due.
    PartlyPaid,
    /// Paid in full.
    Paid,
    /// Not paid in full and the due date has passed.
    Overdue,
}

impl BillStatus {
    /// The name in files and requests.
    pub fn as_str(self) -> &'static str {
        match self {
            BillStatus::Unpaid => "unpaid",
            BillStatus::PartlyPaid => "partly_paid",
            BillStatus::Paid => "paid",
            BillStatus::Overdue => "overdue",
        }
    }

    /// The status of a bill for `total` of which `paid` was received, due on `due_on`, seen on `today`.
    pub fn of(total: Fen, paid: Fen, due_on: NaiveDate, today: NaiveDate) -> Self {
        if paid >= total {
            BillStatus::Paid
        } else if today > due_on {
            BillStatus::Overdue
        } else if paid.is_positive() {
            BillStatus::PartlyPaid
        } else {
            BillStatus::Unpaid
        }
    }

    /// True while money is still owed.
    pub fn is_open(self) -> bool {
        self != BillStatus::Paid
    }
}

/// A bill's reference, as printed on it and quoted when paying at a counter:
/// `GC-3100123456-202610-000042` (account, period month, bill number).
pub fn reference(
    account_number: &str,
    period_start: NaiveDate,
    bill: crate::domain::RowId,
) -> String {
    format!(
        "GC-{account_number}-{}-{:06}",
        period_start.format("%Y%m"),
        bill.0
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_names_account_month_and_bill() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        assert_eq!(
            reference("3100123456", d, crate::domain::RowId(42)),
            "GC-3100123456-202610-000042"
        );
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("valid date")
    }

    #[test]
    fn a_bill_paid_in_full_is_paid_even_after_its_due_date() {
        assert_eq!(
            BillStatus::of(Fen(100), Fen(100), day(10), day(20)),
            BillStatus::Paid
        );
    }

    #[test]
    fn a_bill_is_overdue_only_after_the_due_day_ends() {
        assert_eq!(
            BillStatus::of(Fen(100), Fen(0), day(10), day(10)),
            BillStatus::Unpaid
        );
        assert_eq!(
            BillStatus::of(Fen(100), Fen(0), day(10), day(11)),
            BillStatus::Overdue
        );
        assert_eq!(
            BillStatus::of(Fen(100), Fen(40), day(10), day(11)),
            BillStatus::Overdue
        );
    }

    #[test]
    fn part_payment_before_the_due_date_is_partly_paid() {
        let s = BillStatus::of(Fen(100), Fen(40), day(10), day(5));
        assert_eq!(s, BillStatus::PartlyPaid);
        assert!(s.is_open());
    }
}
