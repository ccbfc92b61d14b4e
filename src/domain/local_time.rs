//! The utility's time: China Standard Time, UTC+8 all year (China keeps no summer time). Due
//! dates, local days, hours of use and every time shown to people are in it, on the server and
//! in the browser alike; this is the only place the offset is written.

use crate::domain::input::{Field, FieldError, Problem};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

/// The utility's offset from UTC, in seconds east.
pub const UTILITY_OFFSET_SECS: i64 = 8 * 3600;

/// The utility's time zone, for `chrono` conversions.
pub fn zone() -> FixedOffset {
    FixedOffset::east_opt(UTILITY_OFFSET_SECS as i32).expect("UTC+8 is a valid offset")
}

/// The utility's local time of a unix instant.
pub fn local(unix: i64) -> NaiveDateTime {
    DateTime::from_timestamp(unix + UTILITY_OFFSET_SECS, 0)
        .unwrap_or_default()
        .naive_utc()
}

/// The unix instant a local day starts at.
pub fn day_start(day: NaiveDate) -> i64 {
    day.and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp() - UTILITY_OFFSET_SECS)
}

/// The local date of an instant.
pub fn today(now: DateTime<chrono::Utc>) -> NaiveDate {
    now.with_timezone(&zone()).date_naive()
}

/// Reads a local date and time such as `2026-12-01T09:00` (what a `datetime-local` input
/// sends) as unix seconds.
pub fn parse_local_time(field: Field, s: &str) -> Result<i64, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, Problem::Required));
    }
    let malformed = || FieldError::new(field, Problem::Malformed);
    let (day, time) = s.split_once('T').ok_or_else(malformed)?;
    let day = read_day(day).ok_or_else(malformed)?;
    let time = read_time(time).ok_or_else(malformed)?;
    let naive = NaiveDateTime::new(day, time);
    Ok(naive.and_utc().timestamp() - UTILITY_OFFSET_SECS)
}

/// Reads a day such as `2026-12-01`.
pub fn parse_day(field: Field, s: &str) -> Result<NaiveDate, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, Problem::Required));
    }
    read_day(s).ok_or(FieldError::new(field, Problem::Malformed))
}

/// Reads `YYYY-MM-DD` (what a date input sends, and how days travel), by hand: chrono's
/// `FromStr` is its general format parser, kilobytes of every browser client.
pub fn read_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        digits(&b[0..4])? as i32,
        digits(&b[5..7])?,
        digits(&b[8..10])?,
    )
}

/// Reads `HH:MM` or `HH:MM:SS` (what a `datetime-local` input sends after the `T`).
fn read_time(s: &str) -> Option<chrono::NaiveTime> {
    let b = s.as_bytes();
    let seconds = match b.len() {
        5 => 0,
        8 if b[5] == b':' => digits(&b[6..8])?,
        _ => return None,
    };
    if b[2] != b':' {
        return None;
    }
    chrono::NaiveTime::from_hms_opt(digits(&b[0..2])?, digits(&b[3..5])?, seconds)
}

/// The number `b` writes in decimal digits, if it is only digits.
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// A day on the wire as `YYYY-MM-DD`, read with [`read_day`]: `#[serde(with = "day")]` on a
/// `NaiveDate` field (and `day::option` on an `Option<NaiveDate>`).
pub mod day {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(day: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        day.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        super::read_day(&text).ok_or_else(|| serde::de::Error::custom("not a day (YYYY-MM-DD)"))
    }

    /// The same for `Option<NaiveDate>` (`null` is `None`).
    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(day: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            day.serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            match Option::<std::borrow::Cow<str>>::deserialize(d)? {
                None => Ok(None),
                Some(text) => super::super::read_day(&text)
                    .map(Some)
                    .ok_or_else(|| serde::de::Error::custom("not a day (YYYY-MM-DD)")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_times_are_read_by_hand_as_chrono_reads_them() {
        for text in ["2026-12-01", "2024-02-29", "0001-01-01", "9999-12-31"] {
            assert_eq!(read_day(text), text.parse().ok(), "{text}");
        }
        for text in [
            "2026-13-01",
            "2026-02-30",
            "2025-02-29",
            "2026-1-05",
            "2026/12/01",
            "",
            "2026-12-01x",
            "２０２６-12-01",
        ] {
            assert_eq!(read_day(text), None, "{text}");
        }
        assert_eq!(
            read_time("09:30"),
            chrono::NaiveTime::from_hms_opt(9, 30, 0)
        );
        assert_eq!(
            read_time("23:59:58"),
            chrono::NaiveTime::from_hms_opt(23, 59, 58)
        );
        for text in ["24:00", "9:30", "09-30", "09:30:", "09:60"] {
            assert_eq!(read_time(text), None, "{text}");
        }
    }

    #[test]
    fn days_travel_as_text_both_ways() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Row {
            #[serde(with = "day")]
            on: NaiveDate,
            #[serde(with = "day::option")]
            until: Option<NaiveDate>,
        }
        let row = Row {
            on: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
            until: None,
        };
        let json = serde_json::to_string(&row).unwrap();
        assert_eq!(json, r#"{"on":"2026-12-03","until":null}"#);
        assert_eq!(serde_json::from_str::<Row>(&json).unwrap(), row);
        let later: Row =
            serde_json::from_str(r#"{"on":"2026-12-03","until":"2027-01-31"}"#).unwrap();
        assert_eq!(later.until, NaiveDate::from_ymd_opt(2027, 1, 31));
        assert!(serde_json::from_str::<Row>(r#"{"on":"3 Dec 2026","until":null}"#).is_err());
    }

    #[test]
    fn local_times_are_read_in_the_utility_zone() {
        // 09:00 in UTC+8 is 01:00 UTC.
        assert_eq!(
            parse_local_time(Field::StartsAt, "2026-12-01T09:00"),
            Ok(1_796_086_800)
        );
        assert_eq!(
            parse_local_time(Field::StartsAt, "tomorrow"),
            Err(FieldError::new(Field::StartsAt, Problem::Malformed))
        );
        assert_eq!(
            parse_local_time(Field::EndsAt, " "),
            Err(FieldError::new(Field::EndsAt, Problem::Required))
        );
    }

    #[test]
    fn days_are_iso_dates() {
        assert_eq!(
            parse_day(Field::StartsAt, " 2026-12-01 "),
            Ok(d(2026, 12, 1))
        );
        assert_eq!(
            parse_day(Field::EndsAt, "1 Dec"),
            Err(FieldError::new(Field::EndsAt, Problem::Malformed))
        );
        assert_eq!(
            parse_day(Field::EndsAt, ""),
            Err(FieldError::new(Field::EndsAt, Problem::Required))
        );
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn local_time_is_utc_plus_eight_all_year() {
        // 16:00 UTC on 31 March is midnight in Shanghai on 1 April; no summer time shift in
        // either March or October.
        let t = d(2026, 3, 31)
            .and_hms_opt(16, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp();
        assert_eq!(local(t), d(2026, 4, 1).and_hms_opt(0, 0, 0).unwrap());
        assert_eq!(day_start(d(2026, 4, 1)), t);
        assert_eq!(
            today(DateTime::from_timestamp(t, 0).unwrap()),
            d(2026, 4, 1)
        );
        assert_eq!(
            day_start(d(2026, 10, 26)) - day_start(d(2026, 10, 25)),
            86_400
        );
    }
}
