//! New connections (业扩报装): what people apply for, the stages a case passes through, and the
//! time limits the utility promises, counted in working days with the clock stopped while the case
//! waits on the customer.

use crate::domain::calendar::WorkingCalendar;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a person applies for; the same flow serves them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    NewConnection,
    CapacityIncrease,
    CapacityDecrease,
    TariffChange,
    MoveIn,
    MoveOut,
    TemporarySupply,
    EvCharger,
}

impl RequestKind {
    /// Every kind, in the order forms list them.
    pub const ALL: [RequestKind; 8] = [
        RequestKind::NewConnection,
        RequestKind::CapacityIncrease,
        RequestKind::CapacityDecrease,
        RequestKind::TariffChange,
        RequestKind::MoveIn,
        RequestKind::MoveOut,
        RequestKind::TemporarySupply,
        RequestKind::EvCharger,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::NewConnection => "new_connection",
            RequestKind::CapacityIncrease => "capacity_increase",
            RequestKind::CapacityDecrease => "capacity_decrease",
            RequestKind::TariffChange => "tariff_change",
            RequestKind::MoveIn => "move_in",
            RequestKind::MoveOut => "move_out",
            RequestKind::TemporarySupply => "temporary_supply",
            RequestKind::EvCharger => "ev_charger",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How the premise is supplied; it decides the stages and the time limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupplyCategory {
    /// A household on low voltage.
    Residential,
    /// A shop, office or small works on low voltage.
    LowVoltageBusiness,
    /// A high-voltage customer with one supply.
    HighVoltageSingle,
    /// A high-voltage customer with two independent supplies.
    HighVoltageDouble,
}

impl SupplyCategory {
    /// Every category.
    pub const ALL: [SupplyCategory; 4] = [
        SupplyCategory::Residential,
        SupplyCategory::LowVoltageBusiness,
        SupplyCategory::HighVoltageSingle,
        SupplyCategory::HighVoltageDouble,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SupplyCategory::Residential => "residential",
            SupplyCategory::LowVoltageBusiness => "low_voltage_business",
            SupplyCategory::HighVoltageSingle => "high_voltage_single",
            SupplyCategory::HighVoltageDouble => "high_voltage_double",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// True for high-voltage supply, which has the longer stage ladder.
    pub fn is_high_voltage(self) -> bool {
        matches!(
            self,
            SupplyCategory::HighVoltageSingle | SupplyCategory::HighVoltageDouble
        )
    }
}

/// A stage of a connection case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 受理: the application is accepted.
    Application,
    /// 现场勘查: site survey.
    SiteSurvey,
    /// 供电方案答复: the supply plan is sent to the customer.
    SupplyPlan,
    /// 设计审核: the customer's design is reviewed.
    DesignReview,
    /// 中间检查: mid-construction check.
    MidConstructionCheck,
    /// 竣工检验: completion inspection.
    CompletionInspection,
    /// 装表接电: meter installed and power on.
    MeterAndEnergise,
    /// 归档: done and filed.
    Archived,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 8] = [
        Stage::Application,
        Stage::SiteSurvey,
        Stage::SupplyPlan,
        Stage::DesignReview,
        Stage::MidConstructionCheck,
        Stage::CompletionInspection,
        Stage::MeterAndEnergise,
        Stage::Archived,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Application => "application",
            Stage::SiteSurvey => "site_survey",
            Stage::SupplyPlan => "supply_plan",
            Stage::DesignReview => "design_review",
            Stage::MidConstructionCheck => "mid_construction_check",
            Stage::CompletionInspection => "completion_inspection",
            Stage::MeterAndEnergise => "meter_and_energise",
            Stage::Archived => "archived",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// The published time limits in working days (configurable; defaults per State Grid, 2023).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionLimits {
    pub residential_total: u32,
    pub low_voltage_business_total: u32,
    pub high_voltage_single_total: u32,
    pub high_voltage_double_total: u32,
    pub supply_plan_single: u32,
    pub supply_plan_double: u32,
    pub design_review: u32,
    pub mid_construction_check: u32,
    pub completion_inspection: u32,
    pub meter_and_energise: u32,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            residential_total: 5,
            low_voltage_business_total: 6,
            high_voltage_single_total: 22,
            high_voltage_double_total: 32,
            supply_plan_single: 15,
            supply_plan_double: 30,
            design_review: 10,
            mid_construction_check: 5,
            completion_inspection: 5,
            meter_and_energise: 5,
        }
    }
}

impl ConnectionLimits {
    /// The stages of a case of `category` in order (ending with `Archived`), each with its own limit.
    pub fn stages(&self, category: SupplyCategory) -> Vec<(Stage, Option<u32>)> {
        match category {
            SupplyCategory::Residential | SupplyCategory::LowVoltageBusiness => vec![
                (Stage::Application, None),
                (Stage::SiteSurvey, None),
                (Stage::MeterAndEnergise, None),
                (Stage::Archived, None),
            ],
            SupplyCategory::HighVoltageSingle | SupplyCategory::HighVoltageDouble => {
                let plan = if category == SupplyCategory::HighVoltageDouble {
                    self.supply_plan_double
                } else {
                    self.supply_plan_single
                };
                vec![
                    (Stage::Application, None),
                    (Stage::SiteSurvey, None),
                    (Stage::SupplyPlan, Some(plan)),
                    (Stage::DesignReview, Some(self.design_review)),
                    (
                        Stage::MidConstructionCheck,
                        Some(self.mid_construction_check),
                    ),
                    (
                        Stage::CompletionInspection,
                        Some(self.completion_inspection),
                    ),
                    (Stage::MeterAndEnergise, Some(self.meter_and_energise)),
                    (Stage::Archived, None),
                ]
            }
        }
    }

    /// The limit for all utility-side stages together, from acceptance to energisation.
    pub fn total(&self, category: SupplyCategory) -> u32 {
        match category {
            SupplyCategory::Residential => self.residential_total,
            SupplyCategory::LowVoltageBusiness => self.low_voltage_business_total,
            SupplyCategory::HighVoltageSingle => self.high_voltage_single_total,
            SupplyCategory::HighVoltageDouble => self.high_voltage_double_total,
        }
    }
}

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseState {
    /// The utility is working on the current stage.
    InProgress,
    /// The utility waits for the customer (documents, construction); the clock is stopped.
    WaitingOnCustomer,
    /// Energised and filed.
    Completed,
    /// Refused by the utility, with a reason.
    Rejected,
    /// Withdrawn by the customer before work started.
    Cancelled,
}

impl CaseState {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseState::InProgress => "in_progress",
            CaseState::WaitingOnCustomer => "waiting_on_customer",
            CaseState::Completed => "completed",
            CaseState::Rejected => "rejected",
            CaseState::Cancelled => "cancelled",
        }
    }

    /// True once nothing more can happen.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            CaseState::Completed | CaseState::Rejected | CaseState::Cancelled
        )
    }
}

/// Something that happens to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Move {
    /// Staff finish the current stage and start the next.
    Advance,
    /// Staff ask the customer for something; the clock stops.
    AskCustomer,
    /// The customer answers; the clock runs again.
    CustomerResponded,
    /// Staff refuse the case.
    Reject,
    /// The customer withdraws the case.
    Cancel,
}

/// Why a move is not allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveError {
    #[error("the case is closed")]
    Closed,
    #[error("the case is waiting on the customer")]
    WaitingOnCustomer,
    #[error("the case is not waiting on the customer")]
    NotWaiting,
    #[error("work has started, so the case can no longer be cancelled")]
    WorkStarted,
    #[error("the date is before the case's last event")]
    BackInTime,
}

/// One stage as it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageProgress {
    pub stage: Stage,
    /// The stage's own limit in working days, if it has one.
    pub limit: Option<u32>,
    #[serde(with = "crate::domain::local_time::day")]
    pub started_on: NaiveDate,
    /// Working days this stage spent waiting on the customer (closed pauses only).
    pub paused_days: u32,
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub finished_on: Option<NaiveDate>,
}

/// A connection case: its stages so far and its clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionCase {
    pub category: SupplyCategory,
    #[serde(with = "crate::domain::local_time::day")]
    pub accepted_on: NaiveDate,
    pub state: CaseState,
    /// Every stage started so far; the last one is the current stage.
    pub stages: Vec<StageProgress>,
    /// The stages still to come, with their limits.
    pending: Vec<(Stage, Option<u32>)>,
    /// The total limit for the utility-side stages.
    pub total_limit: u32,
    /// Working days spent waiting on the customer, over closed pauses.
    pub paused_days: u32,
    /// Since when the case waits on the customer, if it does.
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub waiting_since: Option<NaiveDate>,
    /// The date of the last event; moves may not go back before it.
    #[serde(with = "crate::domain::local_time::day")]
    pub last_event_on: NaiveDate,
}

impl ConnectionCase {
    /// A case accepted on `accepted_on`, at its first stage.
    pub fn open(
        category: SupplyCategory,
        accepted_on: NaiveDate,
        limits: &ConnectionLimits,
    ) -> Self {
        let mut pending = limits.stages(category);
        pending.reverse();
        let (stage, limit) = pending.pop().expect("every ladder has a first stage");
        ConnectionCase {
            category,
            accepted_on,
            state: CaseState::InProgress,
            stages: vec![StageProgress {
                stage,
                limit,
                started_on: accepted_on,
                paused_days: 0,
                finished_on: None,
            }],
            pending,
            total_limit: limits.total(category),
            paused_days: 0,
            waiting_since: None,
            last_event_on: accepted_on,
        }
    }

    /// The current stage.
    pub fn current(&self) -> &StageProgress {
        self.stages.last().expect("a case always has a stage")
    }

    /// The stages still to come.
    pub fn upcoming(&self) -> impl Iterator<Item = &(Stage, Option<u32>)> {
        self.pending.iter().rev()
    }

    /// Applies `mv` on `on`; an illegal move is an error and changes nothing.
    pub fn apply(
        &mut self,
        mv: Move,
        on: NaiveDate,
        cal: &WorkingCalendar,
    ) -> Result<(), MoveError> {
        if self.state.is_closed() {
            return Err(MoveError::Closed);
        }
        if on < self.last_event_on {
            return Err(MoveError::BackInTime);
        }
        match mv {
            Move::Advance => {
                if self.state == CaseState::WaitingOnCustomer {
                    return Err(MoveError::WaitingOnCustomer);
                }
                let current = self.stages.last_mut().expect("a case always has a stage");
                current.finished_on = Some(on);
                let (stage, limit) = self.pending.pop().expect("an open case has a next stage");
                self.stages.push(StageProgress {
                    stage,
                    limit,
                    started_on: on,
                    paused_days: 0,
                    finished_on: None,
                });
                if stage == Stage::Archived {
                    self.stages.last_mut().expect("just pushed").finished_on = Some(on);
                    self.state = CaseState::Completed;
                }
            }
            Move::AskCustomer => {
                if self.state == CaseState::WaitingOnCustomer {
                    return Err(MoveError::WaitingOnCustomer);
                }
                self.state = CaseState::WaitingOnCustomer;
                self.waiting_since = Some(on);
            }
            Move::CustomerResponded => {
                let Some(since) = self.waiting_since else {
                    return Err(MoveError::NotWaiting);
                };
                let paused = cal.working_days_between(since, on);
                self.paused_days += paused;
                self.stages
                    .last_mut()
                    .expect("a case always has a stage")
                    .paused_days += paused;
                self.waiting_since = None;
                self.state = CaseState::InProgress;
            }
            Move::Reject => self.close(CaseState::Rejected, on, cal),
            Move::Cancel => {
                if self.stages.len() > 1 {
                    return Err(MoveError::WorkStarted);
                }
                self.close(CaseState::Cancelled, on, cal);
            }
        }
        self.last_event_on = on;
        Ok(())
    }

    fn close(&mut self, state: CaseState, on: NaiveDate, cal: &WorkingCalendar) {
        if let Some(since) = self.waiting_since.take() {
            let paused = cal.working_days_between(since, on);
            self.paused_days += paused;
            self.stages
                .last_mut()
                .expect("a case always has a stage")
                .paused_days += paused;
        }
        self.stages
            .last_mut()
            .expect("a case always has a stage")
            .finished_on = Some(on);
        self.state = state;
    }

    /// Working days of an open pause, counted up to `today`.
    fn open_pause(&self, today: NaiveDate, cal: &WorkingCalendar) -> u32 {
        self.waiting_since
            .map_or(0, |since| cal.working_days_between(since, today.max(since)))
    }

    /// When stage `index` is due: its start plus its limit plus its time waiting on the customer
    /// (an open pause counted up to `today`). `None` for stages without their own limit.
    pub fn stage_due(
        &self,
        index: usize,
        today: NaiveDate,
        cal: &WorkingCalendar,
    ) -> Option<NaiveDate> {
        let s = self.stages.get(index)?;
        let limit = s.limit?;
        let open = if index + 1 == self.stages.len() {
            self.open_pause(today, cal)
        } else {
            0
        };
        Some(cal.add_working_days(s.started_on, limit + s.paused_days + open))
    }

    /// When all utility-side stages together are due, waiting time added.
    pub fn overall_due(&self, today: NaiveDate, cal: &WorkingCalendar) -> NaiveDate {
        cal.add_working_days(
            self.accepted_on,
            self.total_limit + self.paused_days + self.open_pause(today, cal),
        )
    }

    /// The day power came on, if it has.
    pub fn energised_on(&self) -> Option<NaiveDate> {
        self.stages
            .iter()
            .find(|s| s.stage == Stage::MeterAndEnergise)
            .and_then(|s| s.finished_on)
    }

    /// Working days the utility has used so far, waiting time excluded, up to energisation or `today`.
    pub fn utility_days_used(&self, today: NaiveDate, cal: &WorkingCalendar) -> u32 {
        let end = self
            .energised_on()
            .or_else(|| self.state.is_closed().then_some(self.last_event_on))
            .unwrap_or(today);
        let pause_now = if self.state.is_closed() {
            0
        } else {
            self.open_pause(end, cal)
        };
        cal.working_days_between(self.accepted_on, end)
            .saturating_sub(self.paused_days + pause_now)
    }

    /// Whether stage `index` met its limit: `None` while it runs or if it has none.
    pub fn stage_on_time(&self, index: usize, cal: &WorkingCalendar) -> Option<bool> {
        let s = self.stages.get(index)?;
        let done = s.finished_on?;
        let due = self.stage_due(index, done, cal)?;
        Some(done <= due)
    }

    /// Whether a completed case kept every promise: each timed stage and the total. `None` until
    /// the case is completed.
    pub fn on_time(&self, cal: &WorkingCalendar) -> Option<bool> {
        if self.state != CaseState::Completed {
            return None;
        }
        let stages_ok = (0..self.stages.len()).all(|i| self.stage_on_time(i, cal) != Some(false));
        let energised = self.energised_on()?;
        Some(stages_ok && energised <= self.overall_due(energised, cal))
    }

    /// True when the case is open and a deadline has passed by `today`.
    pub fn is_late(&self, today: NaiveDate, cal: &WorkingCalendar) -> bool {
        if self.state.is_closed() {
            return self.on_time(cal) == Some(false);
        }
        let stage_late = self
            .stage_due(self.stages.len() - 1, today, cal)
            .is_some_and(|due| today > due);
        stage_late || (self.energised_on().is_none() && today > self.overall_due(today, cal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("valid date")
    }

    fn cal() -> WorkingCalendar {
        WorkingCalendar::weekdays_only()
    }

    fn case(category: SupplyCategory) -> ConnectionCase {
        ConnectionCase::open(category, d(11, 2), &ConnectionLimits::default())
    }

    #[test]
    fn a_household_goes_from_application_to_archive_in_four_stages() {
        let mut c = case(SupplyCategory::Residential);
        let stages: Vec<Stage> = std::iter::once(c.current().stage)
            .chain(c.upcoming().map(|(s, _)| *s))
            .collect();
        assert_eq!(
            stages,
            [
                Stage::Application,
                Stage::SiteSurvey,
                Stage::MeterAndEnergise,
                Stage::Archived
            ]
        );
        for day in [3, 4, 5] {
            c.apply(Move::Advance, d(11, day), &cal()).unwrap();
        }
        assert_eq!(c.state, CaseState::Completed);
        assert_eq!(c.energised_on(), Some(d(11, 5)));
        assert_eq!(c.on_time(&cal()), Some(true));
        assert_eq!(
            c.apply(Move::Advance, d(11, 6), &cal()),
            Err(MoveError::Closed)
        );
    }

    #[test]
    fn a_household_energised_after_five_working_days_is_late() {
        // Accepted Monday 2 November: 5 working days end on Monday 9 November.
        let mut kept = case(SupplyCategory::Residential);
        assert_eq!(kept.overall_due(d(11, 2), &cal()), d(11, 9));
        for day in [3, 5, 9] {
            kept.apply(Move::Advance, d(11, day), &cal()).unwrap();
        }
        assert_eq!(kept.on_time(&cal()), Some(true), "energised on the due day");

        let mut late = case(SupplyCategory::Residential);
        late.apply(Move::Advance, d(11, 3), &cal()).unwrap();
        late.apply(Move::Advance, d(11, 4), &cal()).unwrap();
        assert!(!late.is_late(d(11, 9), &cal()));
        assert!(
            late.is_late(d(11, 10), &cal()),
            "not energised and past the due day"
        );
        late.apply(Move::Advance, d(11, 10), &cal()).unwrap();
        assert_eq!(late.state, CaseState::Completed);
        assert_eq!(late.on_time(&cal()), Some(false));
        assert_eq!(late.utility_days_used(d(11, 30), &cal()), 6);
    }

    #[test]
    fn waiting_on_the_customer_stops_the_clock() {
        let mut c = case(SupplyCategory::Residential);
        c.apply(Move::AskCustomer, d(11, 3), &cal()).unwrap();
        assert_eq!(
            c.apply(Move::Advance, d(11, 4), &cal()),
            Err(MoveError::WaitingOnCustomer)
        );
        // While waiting, the due date moves with the calendar.
        assert_eq!(
            c.overall_due(d(11, 6), &cal()),
            cal().add_working_days(d(11, 2), 5 + 3)
        );
        c.apply(Move::CustomerResponded, d(11, 10), &cal()).unwrap();
        assert_eq!(c.paused_days, 5);
        assert_eq!(c.overall_due(d(11, 10), &cal()), d(11, 16));
        assert_eq!(c.utility_days_used(d(11, 11), &cal()), 2);
    }

    #[test]
    fn high_voltage_stages_have_their_own_limits() {
        let mut c = case(SupplyCategory::HighVoltageDouble);
        c.apply(Move::Advance, d(11, 3), &cal()).unwrap();
        c.apply(Move::Advance, d(11, 4), &cal()).unwrap();
        assert_eq!(c.current().stage, Stage::SupplyPlan);
        assert_eq!(c.current().limit, Some(30));
        let due = c.stage_due(2, d(11, 4), &cal()).unwrap();
        assert_eq!(due, cal().add_working_days(d(11, 4), 30));
        assert!(!c.is_late(due, &cal()));
        assert!(c.is_late(due + Days::new(1), &cal()));
    }

    #[test]
    fn a_late_stage_makes_the_whole_case_late() {
        let mut c = case(SupplyCategory::HighVoltageSingle);
        let mut day = d(11, 2);
        let mut step = |c: &mut ConnectionCase, wd: u32| {
            day = cal().add_working_days(day, wd);
            c.apply(Move::Advance, day, &cal()).unwrap();
        };
        step(&mut c, 0); // survey starts
        step(&mut c, 1); // supply plan starts
        step(&mut c, 16); // supply plan done one day late (limit 15)
        assert_eq!(c.stage_on_time(2, &cal()), Some(false));
        for _ in 0..4 {
            step(&mut c, 1); // mid-construction check, completion, meter, archive
        }
        assert_eq!(c.state, CaseState::Completed);
        assert_eq!(c.on_time(&cal()), Some(false));
    }

    #[test]
    fn cancelling_is_only_possible_before_work_starts() {
        let mut c = case(SupplyCategory::Residential);
        let mut started = c.clone();
        c.apply(Move::Cancel, d(11, 2), &cal()).unwrap();
        assert_eq!(c.state, CaseState::Cancelled);
        started.apply(Move::Advance, d(11, 3), &cal()).unwrap();
        let before = started.clone();
        assert_eq!(
            started.apply(Move::Cancel, d(11, 4), &cal()),
            Err(MoveError::WorkStarted)
        );
        assert_eq!(started, before, "a refused move changes nothing");
    }

    #[test]
    fn rejection_closes_the_case_and_ends_any_pause() {
        let mut c = case(SupplyCategory::LowVoltageBusiness);
        c.apply(Move::AskCustomer, d(11, 3), &cal()).unwrap();
        c.apply(Move::Reject, d(11, 6), &cal()).unwrap();
        assert_eq!(c.state, CaseState::Rejected);
        assert_eq!(c.waiting_since, None);
        assert_eq!(c.paused_days, 3);
        assert_eq!(
            c.apply(Move::CustomerResponded, d(11, 7), &cal()),
            Err(MoveError::Closed)
        );
    }

    #[test]
    fn moves_cannot_go_back_in_time_or_answer_an_unasked_question() {
        let mut c = case(SupplyCategory::Residential);
        c.apply(Move::Advance, d(11, 5), &cal()).unwrap();
        assert_eq!(
            c.apply(Move::Advance, d(11, 4), &cal()),
            Err(MoveError::BackInTime)
        );
        assert_eq!(
            c.apply(Move::CustomerResponded, d(11, 6), &cal()),
            Err(MoveError::NotWaiting)
        );
    }

    #[test]
    fn names_round_trip_through_storage() {
        for k in RequestKind::ALL {
            assert_eq!(RequestKind::from_stored(k.as_str()), Some(k));
        }
        for c in SupplyCategory::ALL {
            assert_eq!(SupplyCategory::from_stored(c.as_str()), Some(c));
        }
        for s in Stage::ALL {
            assert_eq!(Stage::from_stored(s.as_str()), Some(s));
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use chrono::Days;
    use proptest::prelude::*;

    fn a_move() -> impl Strategy<Value = Move> {
        prop_oneof![
            4 => Just(Move::Advance),
            2 => Just(Move::AskCustomer),
            2 => Just(Move::CustomerResponded),
            1 => Just(Move::Reject),
            1 => Just(Move::Cancel),
        ]
    }

    fn a_category() -> impl Strategy<Value = SupplyCategory> {
        prop::sample::select(SupplyCategory::ALL.to_vec())
    }

    fn holidays() -> impl Strategy<Value = WorkingCalendar> {
        prop::collection::btree_set(0u64..120, 0..10).prop_map(|offsets| WorkingCalendar {
            holidays: offsets
                .into_iter()
                .map(|o| start() + Days::new(o))
                .collect(),
            workdays: Default::default(),
        })
    }

    fn start() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 9, 1).expect("valid date")
    }

    /// Checks what must hold in every reachable state.
    fn assert_invariants(c: &ConnectionCase) {
        assert!(!c.stages.is_empty());
        assert_eq!(
            c.state == CaseState::WaitingOnCustomer,
            c.waiting_since.is_some()
        );
        assert_eq!(
            c.state == CaseState::Completed,
            c.current().stage == Stage::Archived
        );
        for s in &c.stages[..c.stages.len() - 1] {
            assert!(
                s.finished_on.is_some(),
                "an earlier stage is unfinished: {c:?}"
            );
        }
        if c.state.is_closed() {
            assert!(c.current().finished_on.is_some());
        } else {
            assert!(c.current().finished_on.is_none());
        }
        let total: u32 = c.stages.iter().map(|s| s.paused_days).sum();
        assert_eq!(total, c.paused_days);
    }

    proptest! {
        #[test]
        fn random_moves_never_reach_an_illegal_state(
            category in a_category(),
            cal in holidays(),
            moves in prop::collection::vec((a_move(), 0u64..6), 0..40),
        ) {
            let mut c = ConnectionCase::open(category, start(), &ConnectionLimits::default());
            let mut day = start();
            for (mv, gap) in moves {
                day = day + Days::new(gap);
                let before = c.clone();
                if c.apply(mv, day, &cal).is_err() {
                    prop_assert_eq!(&c, &before, "a refused move changed the case");
                }
                assert_invariants(&c);
            }
        }

        #[test]
        fn a_deadline_never_moves_earlier(
            category in a_category(),
            cal in holidays(),
            moves in prop::collection::vec((a_move(), 0u64..6), 0..40),
        ) {
            let mut c = ConnectionCase::open(category, start(), &ConnectionLimits::default());
            let mut day = start();
            let mut overall = c.overall_due(day, &cal);
            let mut stage_dues: Vec<Option<NaiveDate>> = vec![c.stage_due(0, day, &cal)];
            for (mv, gap) in moves {
                day = day + Days::new(gap);
                let _ = c.apply(mv, day, &cal);
                let now_overall = c.overall_due(day, &cal);
                prop_assert!(now_overall >= overall, "overall due moved from {} to {}", overall, now_overall);
                overall = now_overall;
                for (i, seen) in stage_dues.iter_mut().enumerate() {
                    let due = c.stage_due(i, day, &cal);
                    if let (Some(before), Some(after)) = (*seen, due) {
                        prop_assert!(after >= before, "stage {} due moved from {} to {}", i, before, after);
                    }
                    *seen = due;
                }
                while stage_dues.len() < c.stages.len() {
                    stage_dues.push(c.stage_due(stage_dues.len(), day, &cal));
                }
            }
        }

        #[test]
        fn time_waiting_on_the_customer_never_counts(
            category in a_category(),
            cal in holidays(),
            moves in prop::collection::vec((a_move(), 0u64..6), 0..40),
            later in 0u64..10,
        ) {
            let mut c = ConnectionCase::open(category, start(), &ConnectionLimits::default());
            let mut day = start();
            // The test's own record of the days the case waited, one flag per calendar day.
            let mut waiting_days: Vec<NaiveDate> = Vec::new();
            for (mv, gap) in moves {
                let next = day + Days::new(gap);
                if c.state == CaseState::WaitingOnCustomer {
                    let mut d = day;
                    while d < next { d = d + Days::new(1); waiting_days.push(d); }
                }
                day = next;
                let _ = c.apply(mv, day, &cal);
            }
            let today = day + Days::new(later);
            if c.state == CaseState::WaitingOnCustomer {
                let mut d = day;
                while d < today { d = d + Days::new(1); waiting_days.push(d); }
            }
            let end = c.energised_on().or_else(|| c.state.is_closed().then_some(c.last_event_on)).unwrap_or(today);
            let waited = waiting_days.iter().filter(|d| **d <= end && cal.is_working_day(**d)).count() as u32;
            let expected = cal.working_days_between(start(), end).saturating_sub(waited);
            prop_assert_eq!(c.utility_days_used(today, &cal), expected);
        }
    }
}
