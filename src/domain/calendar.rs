//! Working days: the unit of the utility's published time limits. Weekends and configured public
//! holidays do not count; configured make-up working days (调休) do.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Which days are working days.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingCalendar {
    /// Weekdays on which nobody works (public holidays).
    pub holidays: BTreeSet<NaiveDate>,
    /// Weekend days on which people do work (make-up days).
    pub workdays: BTreeSet<NaiveDate>,
}

impl WorkingCalendar {
    /// A calendar where Monday to Friday are working days.
    pub fn weekdays_only() -> Self {
        WorkingCalendar::default()
    }

    /// True when `day` is a working day.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.workdays.contains(&day) {
            return true;
        }
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        !weekend && !self.holidays.contains(&day)
    }

    /// The `n`-th working day after `start` (`start` itself never counts; `n = 0` is `start`).
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut day = start;
        let mut left = n;
        while left > 0 {
            day = day + Days::new(1);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// The working day `n` working days before `end` (`n = 0` is `end` itself).
    pub fn sub_working_days(&self, end: NaiveDate, n: u32) -> NaiveDate {
        let mut day = end;
        let mut left = n;
        while left > 0 {
            day = day - Days::new(1);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// How many working days lie after `from` up to and including `to` (0 when `to <= from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut count = 0;
        let mut day = from;
        while day < to {
            day = day + Days::new(1);
            if self.is_working_day(day) {
                count += 1;
            }
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("valid date")
    }

    #[test]
    fn five_working_days_from_a_friday_end_on_the_next_friday() {
        let cal = WorkingCalendar::weekdays_only();
        assert_eq!(d(11, 27).weekday(), Weekday::Fri);
        assert_eq!(cal.add_working_days(d(11, 27), 5), d(12, 4));
        assert_eq!(cal.add_working_days(d(11, 27), 0), d(11, 27));
    }

    #[test]
    fn holidays_are_skipped_and_make_up_days_count() {
        let mut cal = WorkingCalendar::weekdays_only();
        // National Day week 2026: 1–7 October off; Saturday 10 October is a make-up working day.
        for day in 1..=7 {
            cal.holidays.insert(d(10, day));
        }
        cal.workdays.insert(d(10, 10));
        assert_eq!(cal.add_working_days(d(9, 30), 1), d(10, 8));
        assert_eq!(cal.add_working_days(d(9, 30), 3), d(10, 10));
        assert_eq!(cal.working_days_between(d(9, 30), d(10, 12)), 4);
    }

    #[test]
    fn counting_and_adding_agree() {
        let cal = WorkingCalendar::weekdays_only();
        for n in 0..30 {
            let due = cal.add_working_days(d(11, 27), n);
            assert_eq!(cal.working_days_between(d(11, 27), due), n);
        }
        assert_eq!(cal.working_days_between(d(11, 27), d(11, 20)), 0);
        assert_eq!(cal.sub_working_days(d(12, 4), 5), d(11, 27));
        assert_eq!(cal.sub_working_days(d(11, 27), 0), d(11, 27));
    }
}
