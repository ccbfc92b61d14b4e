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
    // chrono's `FromStr` readers, not `parse_from_str`: a format string brings chrono's
    // strftime parser into the browser client.
    let malformed = || FieldError::new(field, Problem::Malformed);
    let (day, time) = s.split_once('T').ok_or_else(malformed)?;
    let day: NaiveDate = day.parse().map_err(|_| malformed())?;
    let time: chrono::NaiveTime = time.parse().map_err(|_| malformed())?;
    let naive = NaiveDateTime::new(day, time);
    Ok(naive.and_utc().timestamp() - UTILITY_OFFSET_SECS)
}

/// Reads a day such as `2026-12-01`.
pub fn parse_day(field: Field, s: &str) -> Result<NaiveDate, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, Problem::Required));
    }
    s.parse()
        .map_err(|_| FieldError::new(field, Problem::Malformed))
}

#[cfg(test)]
mod tests {
    use super::*;

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
