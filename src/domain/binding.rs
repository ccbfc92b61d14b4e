//! Linking a service account to a login by proof of the phone on file: a one-time code of six
//! digits, good for ten minutes and five tries, with limits per account, per person and per
//! network address, so that guessing is hopeless however many logins someone makes. Phone
//! numbers are shown masked to everyone but staff and the account's holders.

use crate::domain::{Field, FieldError, Problem};

/// Digits in a code.
pub const CODE_DIGITS: usize = 6;
/// How long a code is good for.
pub const CODE_SECS: i64 = 10 * 60;
/// Wrong answers a code takes before it is dead.
pub const TRIES_PER_CODE: i64 = 5;

/// How many codes may be asked for, over which span: per account (whoever asks), per person
/// (whatever account), per network address (whoever is behind it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeLimits {
    pub per_account_hour: i64,
    pub per_account_day: i64,
    pub per_person_hour: i64,
    pub per_address_hour: i64,
}

impl CodeLimits {
    /// At most 10 codes a day for one account: 50 guesses at one in a million each.
    pub const DEFAULT: CodeLimits = CodeLimits {
        per_account_hour: 3,
        per_account_day: 10,
        per_person_hour: 5,
        per_address_hour: 10,
    };
}

/// How many codes were asked for lately.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecentCodes {
    pub account_hour: i64,
    pub account_day: i64,
    pub person_hour: i64,
    pub address_hour: i64,
}

/// Why no code is sent now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TooMany {
    /// The account had its codes for now (someone may be guessing).
    Account,
    /// This person asked for too many codes.
    Person,
    /// Too many codes from this network address.
    Address,
}

impl CodeLimits {
    /// Whether one more code may be sent.
    pub fn allow(&self, recent: RecentCodes) -> Result<(), TooMany> {
        if recent.person_hour >= self.per_person_hour {
            Err(TooMany::Person)
        } else if recent.address_hour >= self.per_address_hour {
            Err(TooMany::Address)
        } else if recent.account_hour >= self.per_account_hour
            || recent.account_day >= self.per_account_day
        {
            Err(TooMany::Account)
        } else {
            Ok(())
        }
    }
}

/// A code as typed: six digits, spaces and dashes ignored.
pub fn parse_code(input: &str) -> Result<String, FieldError> {
    let digits: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if digits.is_empty() {
        return Err(FieldError::new(Field::Code, Problem::Required));
    }
    if digits.len() != CODE_DIGITS || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldError::new(Field::Code, Problem::Malformed));
    }
    Ok(digits)
}

/// Where a code stands when someone answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeState {
    /// Still good: `tries` wrong answers so far.
    Open {
        tries: i64,
    },
    Used,
    Expired,
    /// Five wrong answers: dead.
    Spent,
}

impl CodeState {
    /// The state of a code made at `created_at`, tried `tries` times, used or not, at `now`.
    pub fn at(created_at: i64, tries: i64, used: bool, now: i64) -> CodeState {
        if used {
            CodeState::Used
        } else if tries >= TRIES_PER_CODE {
            CodeState::Spent
        } else if now >= created_at + CODE_SECS {
            CodeState::Expired
        } else {
            CodeState::Open { tries }
        }
    }
}

/// A phone number as others may see it: the first three and the last four digits of a mobile
/// (`138****5678`), only the last two of anything shorter; other characters kept as typed.
pub fn mask_phone(phone: &str) -> String {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let (head, tail) = if digits >= 11 {
        (3, 4)
    } else {
        (0, 2.min(digits))
    };
    let mut seen = 0;
    phone
        .chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                return c;
            }
            seen += 1;
            if seen <= head || seen > digits - tail {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// The text that carries a code: what it is for, how long it lasts, and what to do when one
/// did not ask for it. No link, nothing to tap.
pub fn code_text(lang: crate::domain::Lang, code: &str, account_number: &str) -> String {
    match lang {
        crate::domain::Lang::En => format!(
            "[GridCare] {code} is your code to link account {account_number} to a GridCare login. It works for 10 minutes. If you did not ask for it, give it to nobody."
        ),
        crate::domain::Lang::Zh => format!(
            "【GridCare】验证码{code}，用于将户号{account_number}绑定到网上账户，10分钟内有效。如非本人操作，请勿告知任何人。"
        ),
    }
}

/// An email address as other people may see it: the first letter of the name and the domain
/// (`r•••@example.com`).
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((name, domain)) => {
            let first: String = name.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_as_people_type_them() {
        assert_eq!(parse_code(" 123 456 ").unwrap(), "123456");
        assert_eq!(parse_code("123-456").unwrap(), "123456");
        assert_eq!(
            parse_code(""),
            Err(FieldError::new(Field::Code, Problem::Required))
        );
        for bad in ["12345", "1234567", "12a456"] {
            assert_eq!(
                parse_code(bad),
                Err(FieldError::new(Field::Code, Problem::Malformed)),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_code_is_good_for_ten_minutes_and_five_tries_and_once() {
        assert_eq!(
            CodeState::at(0, 0, false, 599),
            CodeState::Open { tries: 0 }
        );
        assert_eq!(CodeState::at(0, 0, false, 600), CodeState::Expired);
        assert_eq!(CodeState::at(0, 4, false, 10), CodeState::Open { tries: 4 });
        assert_eq!(CodeState::at(0, 5, false, 10), CodeState::Spent);
        assert_eq!(CodeState::at(0, 1, true, 10), CodeState::Used);
    }

    #[test]
    fn codes_are_limited_per_account_person_and_address() {
        let l = CodeLimits::DEFAULT;
        assert_eq!(l.allow(RecentCodes::default()), Ok(()));
        let r = |a, d, p, x| RecentCodes {
            account_hour: a,
            account_day: d,
            person_hour: p,
            address_hour: x,
        };
        assert_eq!(l.allow(r(3, 3, 0, 0)), Err(TooMany::Account));
        assert_eq!(l.allow(r(0, 10, 0, 0)), Err(TooMany::Account));
        assert_eq!(l.allow(r(0, 0, 5, 0)), Err(TooMany::Person));
        assert_eq!(l.allow(r(0, 0, 0, 10)), Err(TooMany::Address));
        // However many logins someone makes, an account takes at most 50 guesses a day.
        assert!(l.per_account_day * TRIES_PER_CODE <= 50);
    }

    #[test]
    fn emails_are_masked_to_a_letter_and_the_domain() {
        assert_eq!(mask_email("resident@example.com"), "r•••@example.com");
        assert_eq!(mask_email("x"), "•••");
    }

    #[test]
    fn a_code_text_says_what_it_is_for_and_has_no_link() {
        let t = code_text(crate::domain::Lang::Zh, "123456", "3100765432");
        assert!(t.contains("123456") && t.contains("3100765432") && !t.contains("http"));
    }

    #[test]
    fn phones_are_masked_but_keep_their_shape() {
        assert_eq!(mask_phone("13800005678"), "138****5678");
        assert_eq!(mask_phone("138 0000 5678"), "138 **** 5678");
        assert_eq!(mask_phone("021-5550-1234"), "021-****-1234");
        assert_eq!(mask_phone("5550123"), "*****23");
        assert_eq!(mask_phone("12"), "12");
        assert_eq!(mask_phone(""), "");
    }
}
