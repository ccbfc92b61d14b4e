//! The numbers people quote for their cases: a series letter pair, the year, and the row id,
//! such as `YK-2026-000123`.

/// Which kind of case a number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    /// A connection application (业扩, `YK`).
    Connection,
    /// A repair ticket (报修, `BX`).
    Repair,
    /// A complaint, report, suggestion or praise (投诉/诉求, `TS`).
    Feedback,
}

impl Series {
    /// The two letters the utility prints.
    pub fn letters(self) -> &'static str {
        match self {
            Series::Connection => "YK",
            Series::Repair => "BX",
            Series::Feedback => "TS",
        }
    }
}

/// A case's public number, such as `BX-2026-000042`.
pub fn case_number(series: Series, year: i32, id: i64) -> String {
    format!("{}-{year}-{id:06}", series.letters())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_numbers_read_like_the_utility_prints_them() {
        assert_eq!(case_number(Series::Connection, 2026, 123), "YK-2026-000123");
        assert_eq!(case_number(Series::Repair, 2026, 42), "BX-2026-000042");
        assert_eq!(case_number(Series::Feedback, 2026, 7), "TS-2026-000007");
    }
}
