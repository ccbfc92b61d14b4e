//! Rating the service and feedback cases (投诉 complaints, 举报 reports, 建议 suggestions,
//! 表扬 praise), and the supervisor's figures: satisfaction, on-time rates, cases near or past
//! their deadline.

use crate::domain::calendar::WorkingCalendar;
use crate::domain::input::{Field, FieldError, Problem, parse_choice};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A finished job a customer can rate. Adding a kind is a variant here and one query in the
/// store that lists such jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    /// A closed repair ticket.
    Repair,
    /// A completed connection case.
    Connection,
    /// An answered complaint.
    Complaint,
}

impl JobKind {
    /// Every kind.
    pub const ALL: [JobKind; 3] = [JobKind::Repair, JobKind::Connection, JobKind::Complaint];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::Repair => "repair",
            JobKind::Connection => "connection",
            JobKind::Complaint => "complaint",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Parses the kind a request names.
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        Self::from_stored(s.trim()).ok_or(FieldError::new(Field::JobKind, Problem::NotAllowed))
    }
}

/// One to five stars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Stars(u8);

impl Stars {
    /// Parses `1`..`5`.
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(FieldError::new(Field::Stars, Problem::Required));
        }
        let n: i64 = s
            .parse()
            .map_err(|_| FieldError::new(Field::Stars, Problem::NotANumber))?;
        if !(1..=5).contains(&n) {
            return Err(FieldError::new(
                Field::Stars,
                Problem::OutOfRange { min: 1, max: 5 },
            ));
        }
        Ok(Stars(n as u8))
    }

    /// Stars from a stored number, if in range.
    pub fn from_stored(n: i64) -> Option<Self> {
        (1..=5).contains(&n).then_some(Stars(n as u8))
    }

    /// How many.
    pub fn get(self) -> u8 {
        self.0
    }

    /// Four or five stars count as satisfied.
    pub fn is_satisfied(self) -> bool {
        self.0 >= 4
    }
}

/// What a rating may single out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RatingTag {
    Speed,
    Attitude,
    Explanation,
    Result,
}

impl RatingTag {
    /// Every tag.
    pub const ALL: [RatingTag; 4] = [
        RatingTag::Speed,
        RatingTag::Attitude,
        RatingTag::Explanation,
        RatingTag::Result,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            RatingTag::Speed => "speed",
            RatingTag::Attitude => "attitude",
            RatingTag::Explanation => "explanation",
            RatingTag::Result => "result",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Parses a comma-separated list (empty is none), each tag once, in a fixed order.
    pub fn parse_list(s: &str) -> Result<Vec<RatingTag>, FieldError> {
        let mut tags = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let tag =
                Self::from_stored(part).ok_or(FieldError::new(Field::Tags, Problem::NotAllowed))?;
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        tags.sort();
        Ok(tags)
    }

    /// The stored form of a list.
    pub fn join(tags: &[RatingTag]) -> String {
        tags.iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Longest comment or feedback text, in characters.
pub const MAX_TEXT: u32 = 1000;

/// Checks a rating's comment: optional, at most 1000 characters.
pub fn parse_comment(s: &str) -> Result<String, FieldError> {
    let s = s.trim();
    if s.chars().count() as u32 > MAX_TEXT {
        return Err(FieldError::new(
            Field::Comment,
            Problem::TooLong { max: MAX_TEXT },
        ));
    }
    crate::domain::input::refuse_hidden_characters(Field::Comment, s, true)?;
    Ok(s.to_string())
}

/// Checks what a customer writes in a feedback case: 10 to 1000 characters.
pub fn parse_feedback_text(s: &str) -> Result<String, FieldError> {
    let s = s.trim();
    let n = s.chars().count() as u32;
    if n == 0 {
        Err(FieldError::new(Field::Description, Problem::Required))
    } else if n < 10 {
        Err(FieldError::new(
            Field::Description,
            Problem::TooShort { min: 10 },
        ))
    } else if n > MAX_TEXT {
        Err(FieldError::new(
            Field::Description,
            Problem::TooLong { max: MAX_TEXT },
        ))
    } else {
        crate::domain::input::refuse_hidden_characters(Field::Description, s, true)?;
        Ok(s.to_string())
    }
}

/// Days a rating stays editable after it was first given.
pub const RATING_EDIT_DAYS: i64 = 7;

/// Days after a job ends during which the overview invites the customer to rate it.
pub const RATING_INVITE_DAYS: i64 = 30;

/// True while a rating first given at `rated_at` may still be changed at `now` (unix seconds).
pub fn rating_editable(rated_at: i64, now: i64) -> bool {
    now - rated_at <= RATING_EDIT_DAYS * 86_400
}

/// The kinds of feedback case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackKind {
    Complaint,
    Report,
    Suggestion,
    Praise,
}

impl FeedbackKind {
    /// Every kind.
    pub const ALL: [FeedbackKind; 4] = [
        FeedbackKind::Complaint,
        FeedbackKind::Report,
        FeedbackKind::Suggestion,
        FeedbackKind::Praise,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            FeedbackKind::Complaint => "complaint",
            FeedbackKind::Report => "report",
            FeedbackKind::Suggestion => "suggestion",
            FeedbackKind::Praise => "praise",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Parses the kind a person chose.
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        parse_choice(Field::Kind, s, Self::from_stored)
    }

    /// Complaints carry the contact and reply deadlines.
    pub fn has_deadlines(self) -> bool {
        self == FeedbackKind::Complaint
    }
}

/// What a feedback case is about (its category).
pub const TOPICS: [&str; 6] = [
    "billing",
    "meter_reading",
    "power_supply",
    "staff_conduct",
    "connection",
    "other",
];

/// Parses a topic from [`TOPICS`].
pub fn parse_topic(s: &str) -> Result<&'static str, FieldError> {
    parse_choice(Field::Topic, s, |s| {
        TOPICS.iter().find(|t| **t == s).copied()
    })
}

/// Where a feedback case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackState {
    /// Received; nobody has called the customer yet.
    Open,
    /// Staff have contacted the customer.
    Contacted,
    /// Staff have replied with a resolution; the customer is asked to confirm.
    Answered,
    /// Done: confirmed satisfied, or closed by staff.
    Closed,
}

impl FeedbackState {
    /// Every state.
    pub const ALL: [FeedbackState; 4] = [
        FeedbackState::Open,
        FeedbackState::Contacted,
        FeedbackState::Answered,
        FeedbackState::Closed,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            FeedbackState::Open => "open",
            FeedbackState::Contacted => "contacted",
            FeedbackState::Answered => "answered",
            FeedbackState::Closed => "closed",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The state `action` leads to from here, if it is allowed.
    pub fn after(self, action: FeedbackAction) -> Option<FeedbackState> {
        use FeedbackAction as A;
        use FeedbackState as S;
        match (self, action) {
            (S::Open, A::LogContact) => Some(S::Contacted),
            (S::Open | S::Contacted, A::Reply) => Some(S::Answered),
            (S::Answered, A::Satisfied) => Some(S::Closed),
            // Not satisfied: the case opens again, with fresh deadlines.
            (S::Answered, A::NotSatisfied) => Some(S::Open),
            (S::Answered, A::Close) => Some(S::Closed),
            _ => None,
        }
    }
}

/// What happens to a feedback case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackAction {
    /// Staff: the customer was contacted.
    LogContact,
    /// Staff: the resolution, written to the customer.
    Reply,
    /// Staff: closes an answered case the customer did not confirm.
    Close,
    /// Customer: happy with the answer.
    Satisfied,
    /// Customer: not happy; the case reopens.
    NotSatisfied,
}

impl FeedbackAction {
    /// Every action.
    pub const ALL: [FeedbackAction; 5] = [
        FeedbackAction::LogContact,
        FeedbackAction::Reply,
        FeedbackAction::Close,
        FeedbackAction::Satisfied,
        FeedbackAction::NotSatisfied,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            FeedbackAction::LogContact => "log_contact",
            FeedbackAction::Reply => "reply",
            FeedbackAction::Close => "close",
            FeedbackAction::Satisfied => "satisfied",
            FeedbackAction::NotSatisfied => "not_satisfied",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// True for what staff do (the others are the customer's).
    pub fn by_staff(self) -> bool {
        matches!(
            self,
            FeedbackAction::LogContact | FeedbackAction::Reply | FeedbackAction::Close
        )
    }
}

/// A complaint's committed working days (configurable; defaults from the published rules:
/// contact within 1 working day, reply within 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintLimits {
    pub contact_working_days: u32,
    pub reply_working_days: u32,
}

impl Default for ComplaintLimits {
    fn default() -> Self {
        ComplaintLimits {
            contact_working_days: 1,
            reply_working_days: 4,
        }
    }
}

/// A complaint's two deadlines, counted from the day it was received (or reopened).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintDeadlines {
    #[serde(with = "crate::domain::local_time::day")]
    pub contact_by: NaiveDate,
    #[serde(with = "crate::domain::local_time::day")]
    pub reply_by: NaiveDate,
}

impl ComplaintDeadlines {
    /// The deadlines of a complaint received (or reopened) on `from`.
    pub fn from(from: NaiveDate, limits: &ComplaintLimits, cal: &WorkingCalendar) -> Self {
        ComplaintDeadlines {
            contact_by: cal.add_working_days(from, limits.contact_working_days),
            reply_by: cal.add_working_days(from, limits.reply_working_days),
        }
    }
}

/// A share as parts per thousand, so rates add and compare without floating point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Permille(pub u32);

impl Permille {
    /// `part` of `whole`, rounded half up; `None` when there is nothing to divide.
    pub fn of(part: u64, whole: u64) -> Option<Permille> {
        (whole > 0).then(|| Permille(((part * 1000 + whole / 2) / whole) as u32))
    }
}

impl std::fmt::Display for Permille {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{} %", self.0 / 10, self.0 % 10)
    }
}

/// Satisfaction: the share of 4–5 star ratings, and the average in hundredths of a star.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Satisfaction {
    pub ratings: u64,
    pub satisfied: u64,
    pub rate: Option<Permille>,
    /// Average stars × 100 (for example 425 for 4.25 stars).
    pub average_centi: Option<u32>,
}

impl Satisfaction {
    /// The figures for a set of ratings.
    pub fn of(stars: impl IntoIterator<Item = Stars>) -> Satisfaction {
        let (mut n, mut satisfied, mut sum) = (0u64, 0u64, 0u64);
        for s in stars {
            n += 1;
            sum += u64::from(s.get());
            if s.is_satisfied() {
                satisfied += 1;
            }
        }
        Satisfaction {
            ratings: n,
            satisfied,
            rate: Permille::of(satisfied, n),
            average_centi: (n > 0).then(|| ((sum * 100 + n / 2) / n) as u32),
        }
    }
}

/// True when an open deadline is near: at most 20 % of its limit remains (or it has passed).
/// All three are instants in the same unit.
pub fn near_deadline(started: i64, due: i64, now: i64) -> bool {
    let limit = due - started;
    let left = due - now;
    left * 5 <= limit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cal() -> WorkingCalendar {
        WorkingCalendar::weekdays_only()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn stars_are_one_to_five() {
        assert_eq!(Stars::parse("4").map(Stars::get), Ok(4));
        assert_eq!(
            Stars::parse("0"),
            Err(FieldError::new(
                Field::Stars,
                Problem::OutOfRange { min: 1, max: 5 }
            ))
        );
        assert_eq!(
            Stars::parse("six"),
            Err(FieldError::new(Field::Stars, Problem::NotANumber))
        );
        assert_eq!(
            Stars::parse(""),
            Err(FieldError::new(Field::Stars, Problem::Required))
        );
        assert!(Stars::parse("4").unwrap().is_satisfied());
        assert!(!Stars::parse("3").unwrap().is_satisfied());
    }

    #[test]
    fn tags_are_known_once_each_in_order() {
        assert_eq!(
            RatingTag::parse_list("result, speed,speed"),
            Ok(vec![RatingTag::Speed, RatingTag::Result])
        );
        assert_eq!(RatingTag::parse_list(""), Ok(vec![]));
        assert_eq!(
            RatingTag::parse_list("price"),
            Err(FieldError::new(Field::Tags, Problem::NotAllowed))
        );
        assert_eq!(
            RatingTag::join(&[RatingTag::Speed, RatingTag::Attitude]),
            "speed,attitude"
        );
    }

    #[test]
    fn comments_and_texts_have_limits() {
        assert_eq!(parse_comment("  "), Ok(String::new()));
        assert!(parse_comment(&"字".repeat(1000)).is_ok());
        assert!(parse_comment(&"字".repeat(1001)).is_err());
        assert_eq!(
            parse_feedback_text("bad"),
            Err(FieldError::new(
                Field::Description,
                Problem::TooShort { min: 10 }
            ))
        );
        assert!(parse_feedback_text("The meter reader never came.").is_ok());
    }

    #[test]
    fn a_rating_is_editable_for_seven_days() {
        let t = 1_800_000_000;
        assert!(rating_editable(t, t + 7 * 86_400));
        assert!(!rating_editable(t, t + 7 * 86_400 + 1));
    }

    #[test]
    fn complaint_deadlines_skip_weekends() {
        // Received Friday 27 November 2026: contact by Monday, reply by Thursday.
        let dl = ComplaintDeadlines::from(d(2026, 11, 27), &ComplaintLimits::default(), &cal());
        assert_eq!(dl.contact_by, d(2026, 11, 30));
        assert_eq!(dl.reply_by, d(2026, 12, 3));
    }

    #[test]
    fn a_reopened_complaint_gets_fresh_deadlines() {
        let limits = ComplaintLimits::default();
        let first = ComplaintDeadlines::from(d(2026, 11, 23), &limits, &cal());
        let reopened = ComplaintDeadlines::from(d(2026, 11, 27), &limits, &cal());
        assert!(reopened.reply_by > first.reply_by);
        assert_eq!(reopened.contact_by, d(2026, 11, 30));
    }

    #[test]
    fn the_case_flow() {
        use FeedbackAction as A;
        use FeedbackState as S;
        assert_eq!(S::Open.after(A::LogContact), Some(S::Contacted));
        assert_eq!(S::Contacted.after(A::Reply), Some(S::Answered));
        assert_eq!(S::Open.after(A::Reply), Some(S::Answered));
        assert_eq!(S::Answered.after(A::NotSatisfied), Some(S::Open));
        assert_eq!(S::Answered.after(A::Satisfied), Some(S::Closed));
        assert_eq!(S::Open.after(A::Satisfied), None);
        assert_eq!(S::Closed.after(A::Reply), None);
        assert_eq!(S::Contacted.after(A::LogContact), None);
        for a in FeedbackAction::ALL {
            assert_eq!(S::Closed.after(a), None, "{a:?}");
        }
    }

    #[test]
    fn satisfaction_counts_four_and_five_stars() {
        let stars = [5, 4, 3, 5, 1, 4, 4, 2]
            .map(|n| Stars::from_stored(n).unwrap())
            .to_vec();
        let s = Satisfaction::of(stars);
        assert_eq!(s.ratings, 8);
        assert_eq!(s.satisfied, 5);
        assert_eq!(s.rate, Some(Permille(625)));
        // 28 stars over 8 ratings: 3.50.
        assert_eq!(s.average_centi, Some(350));
        assert_eq!(Satisfaction::of([]).rate, None);
        assert_eq!(Permille(625).to_string(), "62.5 %");
        assert_eq!(Permille::of(2, 3), Some(Permille(667)));
    }

    #[test]
    fn near_means_a_fifth_of_the_limit_left() {
        // A 100-unit limit: near from 80 on, and past the deadline too.
        assert!(!near_deadline(0, 100, 79));
        assert!(near_deadline(0, 100, 80));
        assert!(near_deadline(0, 100, 150));
    }

    #[test]
    fn topics_come_from_the_list() {
        assert_eq!(parse_topic("billing"), Ok("billing"));
        assert_eq!(
            parse_topic("weather"),
            Err(FieldError::new(Field::Topic, Problem::NotAllowed))
        );
        assert_eq!(
            parse_topic(""),
            Err(FieldError::new(Field::Topic, Problem::Required))
        );
    }

    #[test]
    fn stored_names_round_trip() {
        for k in JobKind::ALL {
            assert_eq!(JobKind::from_stored(k.as_str()), Some(k));
        }
        for k in FeedbackKind::ALL {
            assert_eq!(FeedbackKind::from_stored(k.as_str()), Some(k));
        }
        for s in FeedbackState::ALL {
            assert_eq!(FeedbackState::from_stored(s.as_str()), Some(s));
        }
        for a in FeedbackAction::ALL {
            assert_eq!(FeedbackAction::from_stored(a.as_str()), Some(a));
        }
        assert!(FeedbackAction::Reply.by_staff());
        assert!(!FeedbackAction::NotSatisfied.by_staff());
        assert!(FeedbackKind::Complaint.has_deadlines());
        assert!(!FeedbackKind::Praise.has_deadlines());
    }
}

/// A promise the supervisor's figures measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Commitment {
    RepairArrival,
    RepairRestoration,
    /// A timed connection stage.
    ConnectionStage(crate::domain::connection::Stage),
    /// A connection's utility-side stages together (acceptance to power on).
    ConnectionTotal,
    ComplaintContact,
    ComplaintReply,
}

/// One measured promise: kept or not, on which day, and how to cut it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub commitment: Commitment,
    pub on: NaiveDate,
    pub area: String,
    pub category: String,
    pub met: bool,
}

/// One rating, for the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatedJob {
    pub stars: Stars,
    pub on: NaiveDate,
    pub area: String,
    pub category: String,
}

/// How often a promise was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnTime {
    pub commitment: Commitment,
    pub met: u64,
    pub measured: u64,
    pub rate: Option<Permille>,
}

/// The figures of one slice (a month, an area class, a category, or everything).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SliceFigures {
    /// The month's first day (`2026-11-01`), the area class or the category; empty for all.
    pub key: String,
    pub satisfaction: Satisfaction,
    pub on_time: Vec<OnTime>,
}

/// Satisfaction and on-time rates overall, by month, by area class and by category, for the
/// ratings and outcomes dated `from..=to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    pub overall: SliceFigures,
    pub by_month: Vec<SliceFigures>,
    pub by_area: Vec<SliceFigures>,
    pub by_category: Vec<SliceFigures>,
}

fn slice<'a>(
    key: String,
    ratings: impl Iterator<Item = &'a RatedJob>,
    outcomes: impl Iterator<Item = &'a Outcome>,
) -> SliceFigures {
    let satisfaction = Satisfaction::of(ratings.map(|r| r.stars));
    let mut counts: std::collections::BTreeMap<Commitment, (u64, u64)> = Default::default();
    for o in outcomes {
        let c = counts.entry(o.commitment).or_default();
        c.1 += 1;
        if o.met {
            c.0 += 1;
        }
    }
    SliceFigures {
        key,
        satisfaction,
        on_time: counts
            .into_iter()
            .map(|(commitment, (met, measured))| OnTime {
                commitment,
                met,
                measured,
                rate: Permille::of(met, measured),
            })
            .collect(),
    }
}

impl Figures {
    /// Computes the figures for `from..=to`.
    pub fn compute(
        ratings: &[RatedJob],
        outcomes: &[Outcome],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Figures {
        use chrono::Datelike;
        let ratings: Vec<&RatedJob> = ratings
            .iter()
            .filter(|r| r.on >= from && r.on <= to)
            .collect();
        let outcomes: Vec<&Outcome> = outcomes
            .iter()
            .filter(|o| o.on >= from && o.on <= to)
            .collect();
        let month = |d: NaiveDate| d.with_day(1).unwrap_or(d).to_string();
        let keys = |f: &dyn Fn(&str, &str, NaiveDate) -> String| {
            let mut k: Vec<String> = ratings
                .iter()
                .map(|r| f(&r.area, &r.category, r.on))
                .chain(outcomes.iter().map(|o| f(&o.area, &o.category, o.on)))
                .collect();
            k.sort();
            k.dedup();
            k
        };
        let by = |f: &dyn Fn(&str, &str, NaiveDate) -> String| {
            keys(f)
                .into_iter()
                .map(|key| {
                    slice(
                        key.clone(),
                        ratings
                            .iter()
                            .copied()
                            .filter(|r| f(&r.area, &r.category, r.on) == key),
                        outcomes
                            .iter()
                            .copied()
                            .filter(|o| f(&o.area, &o.category, o.on) == key),
                    )
                })
                .collect()
        };
        Figures {
            overall: slice(
                String::new(),
                ratings.iter().copied(),
                outcomes.iter().copied(),
            ),
            by_month: by(&|_, _, on| month(on)),
            by_area: by(&|area, _, _| area.to_string()),
            by_category: by(&|_, category, _| category.to_string()),
        }
    }

    /// The table as CSV: one line per slice and measure, with a header.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("slice,key,measure,count,share\n");
        let mut rows = |kind: &str, s: &SliceFigures| {
            let sat = &s.satisfaction;
            out.push_str(&format!(
                "{kind},{},satisfaction,{}/{},{}\n",
                crate::domain::csv::field(&s.key),
                sat.satisfied,
                sat.ratings,
                sat.rate.map(|r| r.to_string()).unwrap_or_default()
            ));
            if let Some(avg) = sat.average_centi {
                out.push_str(&format!(
                    "{kind},{},average_stars,{},{}.{:02}\n",
                    crate::domain::csv::field(&s.key),
                    sat.ratings,
                    avg / 100,
                    avg % 100
                ));
            }
            for o in &s.on_time {
                out.push_str(&format!(
                    "{kind},{},on_time_{},{}/{},{}\n",
                    crate::domain::csv::field(&s.key),
                    commitment_name(o.commitment),
                    o.met,
                    o.measured,
                    o.rate.map(|r| r.to_string()).unwrap_or_default()
                ));
            }
        };
        rows("all", &self.overall);
        for s in &self.by_month {
            rows("month", s);
        }
        for s in &self.by_area {
            rows("area", s);
        }
        for s in &self.by_category {
            rows("category", s);
        }
        out
    }
}

/// A commitment's name in files and requests.
pub fn commitment_name(c: Commitment) -> String {
    match c {
        Commitment::RepairArrival => "repair_arrival".into(),
        Commitment::RepairRestoration => "repair_restoration".into(),
        Commitment::ConnectionStage(s) => format!("connection_{}", s.as_str()),
        Commitment::ConnectionTotal => "connection_total".into(),
        Commitment::ComplaintContact => "complaint_contact".into(),
        Commitment::ComplaintReply => "complaint_reply".into(),
    }
}

#[cfg(test)]
mod figures_tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn rated(stars: i64, on: NaiveDate, area: &str) -> RatedJob {
        RatedJob {
            stars: Stars::from_stored(stars).unwrap(),
            on,
            area: area.into(),
            category: "residential".into(),
        }
    }

    fn outcome(c: Commitment, on: NaiveDate, area: &str, met: bool) -> Outcome {
        Outcome {
            commitment: c,
            on,
            area: area.into(),
            category: "residential".into(),
            met,
        }
    }

    #[test]
    fn figures_by_hand() {
        let ratings = [
            rated(5, d(10, 3), "urban"),
            rated(2, d(10, 20), "rural"),
            rated(4, d(11, 2), "urban"),
            // Outside the range: not counted.
            rated(1, d(12, 1), "urban"),
        ];
        let outcomes = [
            outcome(Commitment::RepairArrival, d(10, 3), "urban", true),
            outcome(Commitment::RepairArrival, d(10, 20), "rural", false),
            outcome(Commitment::RepairArrival, d(11, 2), "urban", true),
            outcome(Commitment::ComplaintReply, d(11, 5), "urban", false),
        ];
        let f = Figures::compute(&ratings, &outcomes, d(10, 1), d(11, 30));
        // 2 of 3 ratings are 4–5 stars; (5 + 2 + 4) / 3 = 3.67.
        assert_eq!(f.overall.satisfaction.rate, Some(Permille(667)));
        assert_eq!(f.overall.satisfaction.average_centi, Some(367));
        let arrival = f.overall.on_time[0];
        assert_eq!(arrival.commitment, Commitment::RepairArrival);
        assert_eq!((arrival.met, arrival.measured), (2, 3));
        assert_eq!(f.overall.on_time[1].rate, Some(Permille(0)));
        // October: one of two satisfied; November: one of one.
        assert_eq!(f.by_month.len(), 2);
        assert_eq!(f.by_month[0].key, "2026-10-01");
        assert_eq!(f.by_month[0].satisfaction.rate, Some(Permille(500)));
        assert_eq!(f.by_month[1].satisfaction.rate, Some(Permille(1000)));
        // Rural: the one late arrival and the one unhappy customer.
        let rural = f.by_area.iter().find(|s| s.key == "rural").unwrap();
        assert_eq!(rural.satisfaction.rate, Some(Permille(0)));
        assert_eq!(rural.on_time[0].rate, Some(Permille(0)));
        let csv = f.to_csv();
        assert!(csv.starts_with("slice,key,measure,count,share\n"));
        assert!(csv.contains("all,,satisfaction,2/3,66.7 %\n"), "{csv}");
        assert!(
            csv.contains("all,,on_time_repair_arrival,2/3,66.7 %\n"),
            "{csv}"
        );
        assert!(csv.contains("area,rural,satisfaction,0/1,0.0 %\n"), "{csv}");
    }
}
