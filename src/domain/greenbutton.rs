//! Green Button "Download My Data" (NAESB REQ.21 ESPI v3.3): the Atom feed and the common CSV
//! layout, written piece by piece so that a server can stream a long export.
//!
//! A feed holds, as Atom entries: the UsagePoint (electricity), the utility's
//! LocalTimeParameters (UTC+8, no summer time), one MeterReading with its ReadingType (Wh,
//! delta, forward), IntervalBlocks of readings (hourly: one block per local day; monthly: one
//! block of billing periods), and a UsageSummary per billing period. Interval starts are epoch
//! seconds (UTC), costs hundred-thousandths of a yuan, as ESPI counts them.

use crate::domain::input::{Field, FieldError, Problem, parse_choice};
use crate::domain::local_time::UTILITY_OFFSET_SECS;
use crate::domain::local_time::local;
use crate::domain::money::Fen;
use crate::domain::usage::WattHours;
use chrono::{DateTime, NaiveDate};

/// How fine the readings of an export are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// A smart meter's hourly intervals.
    Hour,
    /// Billing periods, from the bills.
    Month,
}

impl Granularity {
    /// The name in addresses.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Hour => "hour",
            Granularity::Month => "month",
        }
    }

    /// Parses `hour` or `month`.
    pub fn parse(s: &str) -> Result<Granularity, FieldError> {
        parse_choice(Field::Interval, s, |s| match s {
            "hour" => Some(Granularity::Hour),
            "month" => Some(Granularity::Month),
            _ => None,
        })
    }
}

/// The longest hourly export, in days, and the longest monthly one (ten years).
pub const MAX_HOURLY_DAYS: i64 = 92;
pub const MAX_MONTHLY_DAYS: i64 = 3_660;

/// Reads an export's days: `from` up to (not including) `to`, in order, not too long for
/// `granularity`.
pub fn parse_range(
    from: &str,
    to: &str,
    granularity: Granularity,
) -> Result<(NaiveDate, NaiveDate), FieldError> {
    let day = crate::domain::local_time::parse_day;
    let (from, to) = (day(Field::From, from)?, day(Field::To, to)?);
    if to <= from {
        return Err(FieldError::new(Field::To, Problem::NotAllowed));
    }
    let max = match granularity {
        Granularity::Hour => MAX_HOURLY_DAYS,
        Granularity::Month => MAX_MONTHLY_DAYS,
    };
    if (to - from).num_days() > max {
        return Err(FieldError::new(
            Field::To,
            Problem::OutOfRange { min: 1, max },
        ));
    }
    Ok((from, to))
}

/// Whose data it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub account_number: String,
    pub holder_name: String,
    pub premise_address: String,
}

/// One reading: from `start` (unix seconds) for `seconds`, the energy, and what it cost where
/// that is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub start: i64,
    pub seconds: i64,
    pub energy: WattHours,
    pub cost: Option<Fen>,
}

/// A billing period for the UsageSummary entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BillingPeriod {
    pub start: i64,
    pub seconds: i64,
    pub energy: WattHours,
    pub cost: Fen,
}

/// Text made safe inside XML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// An instant as Atom writes it: `2026-12-01T04:00:00Z`.
pub fn atom_time(unix: i64) -> String {
    DateTime::from_timestamp(unix, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// Money as ESPI counts it: hundred-thousandths of the currency.
fn espi_cost(fen: Fen) -> i64 {
    fen.0 * 1_000
}

/// The feed of one service account.
#[derive(Debug, Clone)]
pub struct Feed {
    pub subject: Subject,
    /// Where the resources are named from, such as `https://portal.example/espi/1_1/resource`.
    pub base: String,
    /// When the file is made (unix seconds).
    pub now: i64,
    pub granularity: Granularity,
}

const ESPI: &str = "http://naesb.org/espi";

impl Feed {
    fn up(&self) -> String {
        format!(
            "{}/RetailCustomer/{}/UsagePoint/1",
            self.base,
            escape(&self.subject.account_number)
        )
    }

    /// One Atom entry: its id, links (self, up, related…), title and ESPI content.
    fn entry(
        &self,
        id: &str,
        links: &[(&str, String, &str)],
        title: &str,
        content: &str,
    ) -> String {
        let when = atom_time(self.now);
        let mut out = format!(
            "<entry><id>urn:gridcare:{}:{id}</id>",
            escape(&self.subject.account_number)
        );
        for (rel, href, kind) in links {
            out.push_str(&format!(
                "<link rel=\"{rel}\" href=\"{href}\" type=\"{kind}\"/>"
            ));
        }
        out.push_str(&format!(
            "<title>{}</title><content>{content}</content><published>{when}</published><updated>{when}</updated></entry>",
            escape(title)
        ));
        out
    }

    /// The start of the file: the feed's own id and title, then the UsagePoint, the local time,
    /// the MeterReading and its ReadingType.
    pub fn head(&self) -> String {
        let s = &self.subject;
        let up = self.up();
        let when = atom_time(self.now);
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str(&format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:gridcare:{}:feed</id>\
             <title>{}</title><updated>{when}</updated>\
             <link rel=\"self\" href=\"{up}\" type=\"espi-feed/UsagePoint\"/>",
            escape(&s.account_number),
            escape(&format!(
                "GridCare electricity usage of {} ({}), {}",
                s.account_number, s.holder_name, s.premise_address
            )),
        ));
        out.push_str(&self.entry(
            "usagepoint",
            &[
                ("self", up.clone(), "espi-entry/UsagePoint"),
                ("up", format!("{}/RetailCustomer/{}/UsagePoint", self.base, escape(&s.account_number)), "espi-feed/UsagePoint"),
                ("related", format!("{up}/MeterReading"), "espi-feed/MeterReading"),
                ("related", format!("{up}/UsageSummary"), "espi-feed/UsageSummary"),
                ("related", format!("{}/LocalTimeParameters/1", self.base), "espi-entry/LocalTimeParameters"),
            ],
            &format!("{} · {}", s.account_number, s.premise_address),
            &format!("<UsagePoint xmlns=\"{ESPI}\"><ServiceCategory><kind>0</kind></ServiceCategory></UsagePoint>"),
        ));
        out.push_str(&self.entry(
            "localtime",
            &[
                ("self", format!("{}/LocalTimeParameters/1", self.base), "espi-entry/LocalTimeParameters"),
                ("up", format!("{}/LocalTimeParameters", self.base), "espi-feed/LocalTimeParameters"),
            ],
            "China Standard Time (UTC+8, no daylight saving)",
            &format!(
                "<LocalTimeParameters xmlns=\"{ESPI}\"><dstEndRule>00000000</dstEndRule><dstOffset>0</dstOffset>\
                 <dstStartRule>00000000</dstStartRule><tzOffset>{UTILITY_OFFSET_SECS}</tzOffset></LocalTimeParameters>"
            ),
        ));
        out.push_str(&self.entry(
            "meterreading",
            &[
                (
                    "self",
                    format!("{up}/MeterReading/1"),
                    "espi-entry/MeterReading",
                ),
                ("up", format!("{up}/MeterReading"), "espi-feed/MeterReading"),
                (
                    "related",
                    format!("{up}/MeterReading/1/IntervalBlock"),
                    "espi-feed/IntervalBlock",
                ),
                (
                    "related",
                    format!("{}/ReadingType/1", self.base),
                    "espi-entry/ReadingType",
                ),
            ],
            match self.granularity {
                Granularity::Hour => "Hourly energy delivered",
                Granularity::Month => "Energy delivered per billing period",
            },
            &format!("<MeterReading xmlns=\"{ESPI}\"/>"),
        ));
        let interval = match self.granularity {
            Granularity::Hour => "<intervalLength>3600</intervalLength>",
            Granularity::Month => "",
        };
        out.push_str(&self.entry(
            "readingtype",
            &[
                ("self", format!("{}/ReadingType/1", self.base), "espi-entry/ReadingType"),
                ("up", format!("{}/ReadingType", self.base), "espi-feed/ReadingType"),
            ],
            "Energy delivered, Wh",
            &format!(
                "<ReadingType xmlns=\"{ESPI}\"><accumulationBehaviour>4</accumulationBehaviour><commodity>1</commodity>\
                 <currency>156</currency><dataQualifier>12</dataQualifier><flowDirection>1</flowDirection>{interval}\
                 <kind>12</kind><powerOfTenMultiplier>0</powerOfTenMultiplier><timeAttribute>0</timeAttribute>\
                 <uom>72</uom></ReadingType>"
            ),
        ));
        out
    }

    /// IntervalBlock number `n` (from 1) holding `readings` (none: nothing).
    pub fn block(&self, n: usize, readings: &[Reading]) -> String {
        let (Some(first), Some(last)) = (readings.first(), readings.last()) else {
            return String::new();
        };
        let up = self.up();
        let mut content = format!(
            "<IntervalBlock xmlns=\"{ESPI}\"><interval><duration>{}</duration><start>{}</start></interval>",
            last.start + last.seconds - first.start,
            first.start
        );
        for r in readings {
            content.push_str("<IntervalReading>");
            if let Some(cost) = r.cost {
                content.push_str(&format!("<cost>{}</cost>", espi_cost(cost)));
            }
            content.push_str(&format!(
                "<timePeriod><duration>{}</duration><start>{}</start></timePeriod><value>{}</value></IntervalReading>",
                r.seconds, r.start, r.energy.0
            ));
        }
        content.push_str("</IntervalBlock>");
        let title = format!(
            "Readings from {}",
            local(first.start).format("%Y-%m-%d %H:%M")
        );
        self.entry(
            &format!("intervalblock:{n}"),
            &[
                (
                    "self",
                    format!("{up}/MeterReading/1/IntervalBlock/{n}"),
                    "espi-entry/IntervalBlock",
                ),
                (
                    "up",
                    format!("{up}/MeterReading/1/IntervalBlock"),
                    "espi-feed/IntervalBlock",
                ),
            ],
            &title,
            &content,
        )
    }

    /// UsageSummary number `n` (from 1): one billing period's energy and bill.
    pub fn summary(&self, n: usize, period: &BillingPeriod) -> String {
        let up = self.up();
        let content = format!(
            "<UsageSummary xmlns=\"{ESPI}\"><billingPeriod><duration>{}</duration><start>{}</start></billingPeriod>\
             <billLastPeriod>{}</billLastPeriod><currency>156</currency>\
             <overallConsumptionLastPeriod><powerOfTenMultiplier>0</powerOfTenMultiplier><uom>72</uom>\
             <value>{}</value></overallConsumptionLastPeriod><statusTimeStamp>{}</statusTimeStamp>\
             <commodity>1</commodity></UsageSummary>",
            period.seconds,
            period.start,
            espi_cost(period.cost),
            period.energy.0,
            self.now
        );
        self.entry(
            &format!("usagesummary:{n}"),
            &[
                (
                    "self",
                    format!("{up}/UsageSummary/{n}"),
                    "espi-entry/UsageSummary",
                ),
                ("up", format!("{up}/UsageSummary"), "espi-feed/UsageSummary"),
            ],
            &format!(
                "Billing period from {}",
                local(period.start).format("%Y-%m-%d")
            ),
            &content,
        )
    }

    /// The end of the file.
    pub fn tail(&self) -> &'static str {
        "</feed>\n"
    }
}

/// The common CSV layout's preamble: who and where, then a blank line and the header.
pub fn csv_preamble(s: &Subject) -> String {
    use crate::domain::csv::{line, text};
    let mut out = String::new();
    out.push_str(&line(&["Name".to_string(), text(&s.holder_name)]));
    out.push_str(&line(&["Address".to_string(), text(&s.premise_address)]));
    out.push_str(&line(&[
        "Account Number".to_string(),
        text(&s.account_number),
    ]));
    out.push_str(&line(&["Service", "Electricity"]));
    out.push_str("\r\n");
    out.push_str(&line(&[
        "TYPE",
        "DATE",
        "START TIME",
        "END TIME",
        "USAGE",
        "UNITS",
        "COST",
        "NOTES",
    ]));
    out
}

/// One CSV line: the local day and times the reading covers (the end is the last minute in
/// it), kWh and the cost in yuan where known.
pub fn csv_reading(r: &Reading, note: &str) -> String {
    let start = local(r.start);
    let end = local(r.start + r.seconds - 60);
    crate::domain::csv::line(&[
        "Electric usage".to_string(),
        start.format("%Y-%m-%d").to_string(),
        start.format("%H:%M").to_string(),
        end.format("%H:%M").to_string(),
        r.energy.kwh().to_string(),
        "kWh".to_string(),
        r.cost.map(Fen::plain).unwrap_or_default(),
        crate::domain::csv::text(note),
    ])
}

/// A file name for account `number`'s export of `from..to`.
pub fn file_name(
    number: &str,
    from: NaiveDate,
    to: NaiveDate,
    granularity: Granularity,
    ext: &str,
) -> String {
    let number: String = number.chars().filter(char::is_ascii_alphanumeric).collect();
    format!(
        "greenbutton-{number}-{}-{from}-to-{to}.{ext}",
        granularity.as_str()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(g: Granularity) -> Feed {
        Feed {
            subject: Subject {
                account_number: "3100123456".into(),
                holder_name: "Li <Wei> & Co".into(),
                premise_address: "88 Riverside Road".into(),
            },
            base: "https://portal.example/espi/1_1/resource".into(),
            now: 1_764_561_600,
            granularity: g,
        }
    }

    #[test]
    fn text_is_escaped_in_the_feed() {
        let head = feed(Granularity::Hour).head();
        assert!(head.contains("Li &lt;Wei&gt; &amp; Co"));
        assert!(!head.contains("<Wei>"));
        assert!(head.contains("<intervalLength>3600</intervalLength>"));
        assert!(!feed(Granularity::Month).head().contains("intervalLength"));
        assert!(head.contains("<tzOffset>28800</tzOffset>"));
    }

    #[test]
    fn every_link_names_its_type() {
        let f = feed(Granularity::Hour);
        let r = Reading {
            start: 1_764_518_400,
            seconds: 3600,
            energy: WattHours(820),
            cost: Some(Fen(43)),
        };
        let all = format!("{}{}{}", f.head(), f.block(1, &[r]), f.tail());
        for link in all.split("<link ").skip(1) {
            assert!(link.contains(" type=\""), "{link}");
        }
        assert!(
            all.contains("<cost>43000</cost>"),
            "hundred-thousandths of a yuan"
        );
        assert!(all.contains("<value>820</value>"));
        assert_eq!(f.block(2, &[]), "");
    }

    #[test]
    fn csv_lines_read_in_local_time() {
        // 16:00 UTC is midnight in Shanghai.
        let r = Reading {
            start: chrono::NaiveDate::from_ymd_opt(2025, 12, 31)
                .unwrap()
                .and_hms_opt(16, 0, 0)
                .unwrap()
                .and_utc()
                .timestamp(),
            seconds: 3600,
            energy: WattHours(820),
            cost: Some(Fen(43)),
        };
        assert_eq!(
            csv_reading(&r, ""),
            "Electric usage,2026-01-01,00:00,00:59,0.82,kWh,0.43,\r\n"
        );
        let p = csv_preamble(&feed(Granularity::Hour).subject);
        assert!(p.starts_with("Name,Li <Wei> & Co\r\nAddress,88 Riverside Road\r\n"));
        assert!(p.ends_with("\r\n\r\nTYPE,DATE,START TIME,END TIME,USAGE,UNITS,COST,NOTES\r\n"));
    }

    #[test]
    fn ranges_are_ordered_and_bounded_by_granularity() {
        assert!(parse_range("2026-11-01", "2026-12-01", Granularity::Hour).is_ok());
        let e = parse_range("2026-01-01", "2026-12-01", Granularity::Hour).unwrap_err();
        assert_eq!(
            (e.field, e.problem),
            (Field::To, Problem::OutOfRange { min: 1, max: 92 })
        );
        assert!(parse_range("2023-12-01", "2026-12-01", Granularity::Month).is_ok());
        let e = parse_range("2026-12-01", "2026-11-01", Granularity::Month).unwrap_err();
        assert_eq!(e.problem, Problem::NotAllowed);
        assert_eq!(
            Granularity::parse("minute").unwrap_err().field,
            Field::Interval
        );
        assert_eq!(
            file_name(
                "3100123456",
                chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                Granularity::Hour,
                "xml"
            ),
            "greenbutton-3100123456-hour-2026-11-01-to-2026-12-01.xml"
        );
    }
}
