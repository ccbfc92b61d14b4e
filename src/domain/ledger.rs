//! A service account's money as a ledger: every change to what is owed is an entry that is
//! never edited or removed (a bill issued, a payment received, money refunded), the balance is
//! their sum, and what each bill has been paid is worked out from them, oldest bill first. An
//! overpayment is credit that the next bill uses. A payment order follows the provider's signed
//! notices, so a notice delivered twice, late or out of order credits the money once.

use crate::domain::input::{Field, FieldError, Problem, RowId};
use crate::domain::money::Fen;
use serde::{Deserialize, Serialize};

/// One change to what a service account owes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Entry {
    /// A bill was issued: its total is owed.
    Bill { bill: RowId, amount: Fen },
    /// Money was received (confirmed by the provider, or matched on a bank statement).
    Payment { payment: RowId, amount: Fen },
    /// Money from a payment was given back (by staff, with a reason).
    Refund { payment: RowId, amount: Fen },
}

impl Entry {
    /// How the entry moves what is owed: a bill adds, a payment takes away, a refund adds back.
    pub fn owed(&self) -> Fen {
        match *self {
            Entry::Bill { amount, .. } | Entry::Refund { amount, .. } => amount,
            Entry::Payment { amount, .. } => Fen(-amount.0),
        }
    }
}

/// What is owed after `entries`: their sum (negative is credit).
pub fn balance(entries: &[Entry]) -> Fen {
    entries.iter().map(Entry::owed).sum()
}

/// How the money kept (payments less refunds) covers the bills.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Allocation {
    /// Each bill with what has been paid of it, in the order the bills were issued.
    pub bills: Vec<(RowId, Fen, Fen)>,
    /// Money kept that no bill needs yet, carried to the next bill.
    pub credit: Fen,
}

impl Allocation {
    /// What has been paid of `bill` (zero for a bill not in the ledger).
    pub fn paid(&self, bill: RowId) -> Fen {
        self.bills
            .iter()
            .find(|(b, _, _)| *b == bill)
            .map(|(_, _, paid)| *paid)
            .unwrap_or(Fen::ZERO)
    }
}

/// Spreads the money kept over the bills, the oldest first: each bill is paid in full before
/// the next gets anything, and what is left is credit. A refund takes money back from the
/// newest bills it had covered.
pub fn allocate(entries: &[Entry]) -> Allocation {
    let mut pool: i64 = entries
        .iter()
        .map(|e| match *e {
            Entry::Payment { amount, .. } => amount.0,
            Entry::Refund { amount, .. } => -amount.0,
            Entry::Bill { .. } => 0,
        })
        .sum();
    let mut bills = Vec::new();
    for e in entries {
        if let Entry::Bill { bill, amount } = *e {
            let paid = pool.clamp(0, amount.0.max(0));
            pool -= paid;
            bills.push((bill, amount, Fen(paid)));
        }
    }
    Allocation {
        bills,
        credit: Fen(pool.max(0)),
    }
}

/// What may still be refunded of `payment`: its amount less the refunds made from it.
pub fn refundable(entries: &[Entry], payment: RowId) -> Fen {
    entries
        .iter()
        .map(|e| match *e {
            Entry::Payment { payment: p, amount } if p == payment => amount,
            Entry::Refund { payment: p, amount } if p == payment => Fen(-amount.0),
            _ => Fen::ZERO,
        })
        .sum()
}

/// Where a payment order stands with the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderState {
    /// Created; the customer has been sent to the provider's page.
    Open,
    /// The provider says the money was received.
    Paid,
    /// The provider says the payment failed.
    Failed,
    /// The customer cancelled on the provider's page.
    Cancelled,
    /// Nothing was heard before the order's time ran out.
    Expired,
}

impl OrderState {
    /// The name stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            OrderState::Open => "open",
            OrderState::Paid => "paid",
            OrderState::Failed => "failed",
            OrderState::Cancelled => "cancelled",
            OrderState::Expired => "expired",
        }
    }

    /// The state named `s`.
    pub fn parse(s: &str) -> Option<OrderState> {
        [
            OrderState::Open,
            OrderState::Paid,
            OrderState::Failed,
            OrderState::Cancelled,
            OrderState::Expired,
        ]
        .into_iter()
        .find(|o| o.as_str() == s)
    }
}

/// What the provider's signed notice says happened to an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The money was received: `amount`.
    Paid { amount: Fen },
    /// The payment failed.
    Failed,
    /// The customer cancelled.
    Cancelled,
}

/// What a notice does to an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeOutcome {
    /// The order is paid now: write one payment entry of `amount`.
    Credit { amount: Fen },
    /// The order moves to this state; no money moves.
    Moves(OrderState),
    /// Nothing changes: the notice was heard before, or came after the order was paid.
    Unchanged,
    /// Refused (and logged): the amount is not the order's.
    AmountMismatch,
}

/// What `notice` does to an order for `ordered` now in `state`. Money received always counts:
/// a payment confirmed after the order expired, failed or was cancelled is still credited, and
/// only once; a failure or a cancellation heard after the payment changes nothing.
pub fn on_notice(state: OrderState, ordered: Fen, notice: Notice) -> NoticeOutcome {
    match (notice, state) {
        (Notice::Paid { amount }, _) if amount != ordered => NoticeOutcome::AmountMismatch,
        (Notice::Paid { .. }, OrderState::Paid) => NoticeOutcome::Unchanged,
        (Notice::Paid { amount }, _) => NoticeOutcome::Credit { amount },
        (Notice::Failed, OrderState::Open) => NoticeOutcome::Moves(OrderState::Failed),
        (Notice::Cancelled, OrderState::Open) => NoticeOutcome::Moves(OrderState::Cancelled),
        (Notice::Failed | Notice::Cancelled, _) => NoticeOutcome::Unchanged,
    }
}

/// Reads an amount a person typed in yuan (`120`, `120.5`, `1,234.56`, `¥88.00`): more than
/// zero, at most two decimals, and no more than `max`.
pub fn parse_amount(field: Field, text: &str, max: Fen) -> Result<Fen, FieldError> {
    let refuse = |problem| Err(FieldError::new(field, problem));
    let text = text.trim();
    let text = text
        .strip_prefix('¥')
        .or_else(|| text.strip_prefix('￥'))
        .unwrap_or(text)
        .trim();
    if text.is_empty() {
        return refuse(Problem::Required);
    }
    if text.starts_with('-') {
        return refuse(Problem::NotPositive);
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let whole: String = whole.chars().filter(|c| *c != ',').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(&whole) || !(fraction.is_empty() || digits(fraction)) {
        return refuse(Problem::Malformed);
    }
    if fraction.len() > 2 {
        return refuse(Problem::TooPrecise);
    }
    let too_large = FieldError::new(field, Problem::TooLarge { max });
    let yuan: i64 = whole.parse().map_err(|_| too_large)?;
    let fen = format!("{fraction:0<2}").parse::<i64>().unwrap_or(0);
    let amount = yuan
        .checked_mul(100)
        .and_then(|f| f.checked_add(fen))
        .ok_or(too_large)?;
    if amount == 0 {
        return refuse(Problem::NotPositive);
    }
    if amount > max.0 {
        return Err(too_large);
    }
    Ok(Fen(amount))
}

/// The reference a customer writes on a bank transfer or gives at the service counter to pay
/// the account with `number` (ten digits): `GC`, the number, and two check digits after
/// ISO 7064 MOD 97-10 (as in an IBAN), so a mistyped digit is caught: `GC310012345626`.
pub fn offline_reference(number: &str) -> String {
    format!("GC{number}{:02}", 98 - mod97(&format!("{number}00")))
}

fn mod97(digits: &str) -> u32 {
    digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0, |r, d| (r * 10 + u32::from(d - b'0')) % 97)
}

/// The account number a payment reference names, found anywhere in a statement line's text
/// (a bank puts other words around it), if its check digits hold.
pub fn account_in_reference(text: &str) -> Option<String> {
    let upper = text.to_ascii_uppercase();
    let bytes = upper.as_bytes();
    (0..bytes.len().saturating_sub(13)).find_map(|i| {
        let candidate = upper.get(i..i + 14)?;
        let digits = candidate.strip_prefix("GC")?;
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let after_ok = bytes.get(i + 14).is_none_or(|b| !b.is_ascii_alphanumeric());
        (before_ok && after_ok && digits.bytes().all(|b| b.is_ascii_digit()) && mod97(digits) == 1)
            .then(|| digits[..10].to_string())
    })
}

/// The most a refund's reason may say.
pub const MAX_REASON: u32 = 500;

/// Reads why money is refunded: required, at most [`MAX_REASON`] characters, no hidden
/// characters.
pub fn parse_reason(text: &str) -> Result<String, FieldError> {
    let s = text.trim();
    if s.is_empty() {
        return Err(FieldError::new(Field::Reason, Problem::Required));
    }
    if s.chars().count() > MAX_REASON as usize {
        return Err(FieldError::new(
            Field::Reason,
            Problem::TooLong { max: MAX_REASON },
        ));
    }
    crate::domain::input::refuse_hidden_characters(Field::Reason, s, true)?;
    Ok(s.to_string())
}

/// About how many whole days a prepaid account's `credit` lasts at the rate of its recent bills
/// (`recent`: each bill's total and the days it covers): the credit over the average daily
/// charge, rounded down. No credit is 0 days; `None` when the recent bills charged nothing, so
/// there is no rate to go by.
pub fn days_left(credit: Fen, recent: &[(Fen, u32)]) -> Option<u32> {
    if !credit.is_positive() {
        return Some(0);
    }
    let charged: i64 = recent.iter().map(|(f, _)| f.0.max(0)).sum();
    let days: i64 = recent.iter().map(|(_, d)| i64::from(*d)).sum();
    if charged <= 0 || days <= 0 {
        return None;
    }
    // credit / (charged / days), in integers: credit × days / charged.
    let left = i128::from(credit.0) * i128::from(days) / i128::from(charged);
    Some(u32::try_from(left).unwrap_or(u32::MAX))
}

/// What autopay does with a bill that has `owed` left on it under a limit of `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutopayStep {
    /// Charge this much.
    Charge(Fen),
    /// More than the payer allowed: charge nothing and tell them.
    OverLimit,
    /// Nothing is left to pay.
    Nothing,
}

/// Autopay's rule for one bill: the whole of what is left, never part of it; nothing over the
/// payer's limit.
pub fn autopay_step(owed: Fen, max: Option<Fen>) -> AutopayStep {
    if !owed.is_positive() {
        AutopayStep::Nothing
    } else if max.is_some_and(|m| owed > m) {
        AutopayStep::OverLimit
    } else {
        AutopayStep::Charge(owed)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_left_is_the_credit_at_the_recent_daily_rate() {
        use super::{Fen, days_left};
        // ¥93 over two 31-day months is ¥1.50 a day: ¥30 lasts 20 days.
        let recent = [(Fen(4_650), 31), (Fen(4_650), 31)];
        assert_eq!(days_left(Fen(3_000), &recent), Some(20));
        // Rounded down: ¥31.49 is still 20 whole days.
        assert_eq!(days_left(Fen(3_149), &recent), Some(20));
        assert_eq!(days_left(Fen(3_150), &recent), Some(21));
        assert_eq!(days_left(Fen(0), &recent), Some(0));
        assert_eq!(days_left(Fen(-500), &recent), Some(0));
        assert_eq!(days_left(Fen(3_000), &[]), None);
        assert_eq!(days_left(Fen(3_000), &[(Fen(0), 30)]), None);
        // A credit note (negative bill) does not make the rate negative.
        assert_eq!(
            days_left(Fen(3_000), &[(Fen(-200), 30), (Fen(3_000), 30)]),
            Some(60)
        );
        assert_eq!(days_left(Fen(i64::MAX), &[(Fen(1), 365)]), Some(u32::MAX));
    }

    #[test]
    fn autopay_pays_the_whole_bill_within_the_limit_or_nothing() {
        use super::{AutopayStep, Fen, autopay_step};
        assert_eq!(
            autopay_step(Fen(12_000), None),
            AutopayStep::Charge(Fen(12_000))
        );
        assert_eq!(
            autopay_step(Fen(12_000), Some(Fen(12_000))),
            AutopayStep::Charge(Fen(12_000))
        );
        assert_eq!(
            autopay_step(Fen(12_001), Some(Fen(12_000))),
            AutopayStep::OverLimit
        );
        assert_eq!(autopay_step(Fen(0), Some(Fen(1))), AutopayStep::Nothing);
        assert_eq!(autopay_step(Fen(-5), None), AutopayStep::Nothing);
    }

    use super::*;
    use proptest::prelude::*;

    fn bill(id: i64, fen: i64) -> Entry {
        Entry::Bill {
            bill: RowId(id),
            amount: Fen(fen),
        }
    }
    fn pay(id: i64, fen: i64) -> Entry {
        Entry::Payment {
            payment: RowId(id),
            amount: Fen(fen),
        }
    }
    fn refund(id: i64, fen: i64) -> Entry {
        Entry::Refund {
            payment: RowId(id),
            amount: Fen(fen),
        }
    }

    #[test]
    fn payments_cover_the_oldest_bill_first_and_the_rest_is_credit() {
        let entries = [bill(1, 10_000), bill(2, 8_000), pay(7, 12_000)];
        let a = allocate(&entries);
        assert_eq!(a.paid(RowId(1)), Fen(10_000));
        assert_eq!(a.paid(RowId(2)), Fen(2_000));
        assert_eq!(a.credit, Fen::ZERO);
        assert_eq!(balance(&entries), Fen(6_000));

        let entries = [bill(1, 10_000), pay(7, 15_000), bill(2, 8_000)];
        let a = allocate(&entries);
        assert_eq!(
            a.paid(RowId(2)),
            Fen(5_000),
            "the credit pays the next bill"
        );
        assert_eq!(balance(&entries), Fen(3_000));
    }

    #[test]
    fn an_overpayment_is_credit_until_a_bill_uses_it() {
        let entries = [bill(1, 5_000), pay(7, 9_000)];
        assert_eq!(allocate(&entries).credit, Fen(4_000));
        assert_eq!(balance(&entries), Fen(-4_000));
    }

    #[test]
    fn a_refund_takes_back_from_the_newest_bill_it_covered() {
        let entries = [
            bill(1, 5_000),
            bill(2, 5_000),
            pay(7, 10_000),
            refund(7, 3_000),
        ];
        let a = allocate(&entries);
        assert_eq!(a.paid(RowId(1)), Fen(5_000));
        assert_eq!(a.paid(RowId(2)), Fen(2_000));
        assert_eq!(refundable(&entries, RowId(7)), Fen(7_000));
        assert_eq!(balance(&entries), Fen(3_000));
    }

    #[test]
    fn money_received_counts_once_whatever_the_order_of_the_notices() {
        let paid = Notice::Paid { amount: Fen(500) };
        assert_eq!(
            on_notice(OrderState::Open, Fen(500), paid),
            NoticeOutcome::Credit { amount: Fen(500) }
        );
        assert_eq!(
            on_notice(OrderState::Paid, Fen(500), paid),
            NoticeOutcome::Unchanged
        );
        for late in [
            OrderState::Expired,
            OrderState::Failed,
            OrderState::Cancelled,
        ] {
            assert_eq!(
                on_notice(late, Fen(500), paid),
                NoticeOutcome::Credit { amount: Fen(500) },
                "paid after {late:?}"
            );
        }
        assert_eq!(
            on_notice(OrderState::Paid, Fen(500), Notice::Failed),
            NoticeOutcome::Unchanged
        );
        assert_eq!(
            on_notice(OrderState::Open, Fen(500), Notice::Cancelled),
            NoticeOutcome::Moves(OrderState::Cancelled)
        );
        assert_eq!(
            on_notice(
                OrderState::Open,
                Fen(500),
                Notice::Paid { amount: Fen(499) }
            ),
            NoticeOutcome::AmountMismatch
        );
        for s in ["open", "paid", "failed", "cancelled", "expired"] {
            assert_eq!(OrderState::parse(s).map(OrderState::as_str), Some(s));
        }
    }

    #[test]
    fn amounts_are_read_in_yuan_with_a_message_for_each_mistake() {
        let max = Fen(5_000_000);
        let read = |t: &str| parse_amount(Field::Amount, t, max).map_err(|e| e.problem);
        assert_eq!(read("120"), Ok(Fen(12_000)));
        assert_eq!(read(" ¥120.5 "), Ok(Fen(12_050)));
        assert_eq!(read("1,234.56"), Ok(Fen(123_456)));
        assert_eq!(read("0.01"), Ok(Fen(1)));
        assert_eq!(read(""), Err(Problem::Required));
        assert_eq!(read("0"), Err(Problem::NotPositive));
        assert_eq!(read("0.00"), Err(Problem::NotPositive));
        assert_eq!(read("-5"), Err(Problem::NotPositive));
        assert_eq!(read("1.234"), Err(Problem::TooPrecise));
        assert_eq!(read("12a"), Err(Problem::Malformed));
        assert_eq!(read("1e3"), Err(Problem::Malformed));
        assert_eq!(read("."), Err(Problem::Malformed));
        assert_eq!(read("50000.01"), Err(Problem::TooLarge { max }));
        assert_eq!(read("50000"), Ok(max));
        assert_eq!(read("99999999999999999999"), Err(Problem::TooLarge { max }));
    }

    /// One step of a random history.
    #[derive(Debug, Clone)]
    enum Step {
        Bill(i64),
        Pay(i64),
        /// A refund of this share (in ‰) of what is refundable of the payment at this index.
        Refund(usize, i64),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (1i64..200_000).prop_map(Step::Bill),
            (1i64..300_000).prop_map(Step::Pay),
            (0usize..20, 1i64..=1000).prop_map(|(i, p)| Step::Refund(i, p)),
        ]
    }

    proptest! {
        #[test]
        fn any_history_keeps_the_ledger_balanced_and_counts_nothing_twice(
            steps in proptest::collection::vec(step(), 0..60)
        ) {
            let mut entries = Vec::new();
            let mut payments = Vec::new();
            for (n, s) in steps.into_iter().enumerate() {
                let id = n as i64 + 1;
                match s {
                    Step::Bill(f) => entries.push(bill(id, f)),
                    Step::Pay(f) => {
                        entries.push(pay(id, f));
                        payments.push(RowId(id));
                    }
                    Step::Refund(i, share) => {
                        if let Some(&p) = payments.get(i % payments.len().max(1)) {
                            let left = refundable(&entries, p);
                            let amount = left.0 * share / 1000;
                            if amount > 0 {
                                entries.push(Entry::Refund { payment: p, amount: Fen(amount) });
                            }
                        }
                    }
                }
            }
            let billed: i64 = entries.iter().map(|e| match e { Entry::Bill { amount, .. } => amount.0, _ => 0 }).sum();
            let kept: i64 = entries.iter().map(|e| match e {
                Entry::Payment { amount, .. } => amount.0,
                Entry::Refund { amount, .. } => -amount.0,
                Entry::Bill { .. } => 0,
            }).sum();
            let a = allocate(&entries);
            let paid: i64 = a.bills.iter().map(|(_, _, p)| p.0).sum();
            // The balance is the entries' sum, and what is paid of the bills plus the credit is
            // exactly the money kept: nothing counted twice, nothing lost.
            prop_assert_eq!(balance(&entries), Fen(billed - kept));
            prop_assert_eq!(paid + a.credit.0, kept);
            prop_assert!(kept >= 0, "no refund beyond what was paid");
            for (_, total, p) in &a.bills {
                prop_assert!(Fen::ZERO <= *p && *p <= *total);
            }
            // Credit only while every bill is paid in full.
            if a.credit.is_positive() {
                prop_assert!(a.bills.iter().all(|(_, t, p)| t == p));
            }
            for p in &payments {
                prop_assert!(refundable(&entries, *p).0 >= 0);
            }
        }
    }

    #[test]
    fn a_refund_says_why_in_plain_words() {
        assert_eq!(
            parse_reason("  Paid twice by mistake "),
            Ok("Paid twice by mistake".into())
        );
        let problem = |t: &str| parse_reason(t).map_err(|e| e.problem);
        assert_eq!(problem("  "), Err(Problem::Required));
        assert_eq!(
            problem(&"x".repeat(501)),
            Err(Problem::TooLong { max: MAX_REASON })
        );
        assert!(parse_reason("evil\u{202e}txt").is_err());
    }

    #[test]
    fn a_payment_reference_carries_check_digits_that_catch_a_typo() {
        let r = offline_reference("3100123456");
        assert_eq!(r.len(), 14);
        assert!(r.starts_with("GC3100123456"));
        assert_eq!(account_in_reference(&r), Some("3100123456".into()));
        let text = format!("TRANSFER {} LI WEI ELECTRICITY", r.to_lowercase());
        assert_eq!(account_in_reference(&text), Some("3100123456".into()));
        // One digit wrong, two digits swapped, or the reference inside a longer number: none.
        let typo = r.replacen("3100123456", "3100123457", 1);
        assert_eq!(account_in_reference(&typo), None);
        let swapped = r.replacen("3100123456", "3100124356", 1);
        assert_eq!(account_in_reference(&swapped), None);
        assert_eq!(account_in_reference(&format!("{r}9")), None);
        assert_eq!(account_in_reference("no reference here"), None);
        // Every account's own reference reads back as it.
        for n in ["3100000000", "3200000002", "9999999999", "3100765432"] {
            assert_eq!(
                account_in_reference(&offline_reference(n)).as_deref(),
                Some(n)
            );
        }
    }
}
