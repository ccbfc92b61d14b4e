//! Repair tickets (故障报修) and outage notices (停电信息): what can be reported, the states a
//! ticket moves through, the committed arrival and restoration times, and the rules a notice
//! must follow before it is published.

use crate::domain::account::AreaClass;
use crate::domain::input::{Field, FieldError, Problem, parse_choice};
use serde::{Deserialize, Serialize};

/// What the customer reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// No power at all.
    NoPower,
    /// Some circuits or one phase lost.
    PartialLoss,
    /// Voltage too low or too high, or flickering.
    Voltage,
    /// A damaged meter or line.
    DamagedEquipment,
    /// A wire down, sparks, or anything that can hurt someone.
    SafetyHazard,
}

impl FaultKind {
    /// Every kind, in the order the form offers them.
    pub const ALL: [FaultKind; 5] = [
        FaultKind::NoPower,
        FaultKind::PartialLoss,
        FaultKind::Voltage,
        FaultKind::DamagedEquipment,
        FaultKind::SafetyHazard,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            FaultKind::NoPower => "no_power",
            FaultKind::PartialLoss => "partial_loss",
            FaultKind::Voltage => "voltage",
            FaultKind::DamagedEquipment => "damaged_equipment",
            FaultKind::SafetyHazard => "safety_hazard",
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

    /// True when the report means danger: the customer is told to keep away and call the hotline.
    pub fn is_hazard(self) -> bool {
        self == FaultKind::SafetyHazard
    }
}

/// Where a ticket stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketState {
    Reported,
    Dispatched,
    OnTheWay,
    OnSite,
    Restored,
    Closed,
    /// Folded into a known area outage; the outage notice tells the rest.
    Merged,
    Cancelled,
}

impl TicketState {
    /// The states of the normal path, in order.
    pub const PATH: [TicketState; 6] = [
        TicketState::Reported,
        TicketState::Dispatched,
        TicketState::OnTheWay,
        TicketState::OnSite,
        TicketState::Restored,
        TicketState::Closed,
    ];

    /// Every state.
    pub const ALL: [TicketState; 8] = [
        TicketState::Reported,
        TicketState::Dispatched,
        TicketState::OnTheWay,
        TicketState::OnSite,
        TicketState::Restored,
        TicketState::Closed,
        TicketState::Merged,
        TicketState::Cancelled,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            TicketState::Reported => "reported",
            TicketState::Dispatched => "dispatched",
            TicketState::OnTheWay => "on_the_way",
            TicketState::OnSite => "on_site",
            TicketState::Restored => "restored",
            TicketState::Closed => "closed",
            TicketState::Merged => "merged",
            TicketState::Cancelled => "cancelled",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// True while someone still has to act on the ticket.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            TicketState::Closed | TicketState::Merged | TicketState::Cancelled
        )
    }

    /// The state `action` leads to from here, or why it may not be taken.
    pub fn after(self, action: TicketAction) -> Result<TicketState, TicketMoveError> {
        use TicketAction as A;
        use TicketState as S;
        match (self, action) {
            (S::Reported, A::Dispatch) => Ok(S::Dispatched),
            (S::Dispatched, A::Depart) => Ok(S::OnTheWay),
            (S::OnTheWay, A::Arrive) => Ok(S::OnSite),
            (S::OnSite, A::Restore) => Ok(S::Restored),
            (S::Restored, A::Close) => Ok(S::Closed),
            // A crew already on site fixes the fault; before that the ticket can join an outage.
            (S::Reported | S::Dispatched | S::OnTheWay, A::Merge) => Ok(S::Merged),
            (S::Reported, A::Cancel) => Ok(S::Cancelled),
            (_, A::Cancel) if self.is_open() => Err(TicketMoveError::AlreadyDispatched),
            _ if !self.is_open() => Err(TicketMoveError::Finished),
            _ => Err(TicketMoveError::NotNow),
        }
    }
}

/// What staff (or, for cancel, the customer) do to a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketAction {
    /// Send a crew (with its name and an ETA).
    Dispatch,
    /// The crew has set out.
    Depart,
    /// The crew is on site.
    Arrive,
    /// Power is back.
    Restore,
    /// The job is done.
    Close,
    /// The fault is part of a known area outage.
    Merge,
    /// Withdrawn by the customer (only before dispatch).
    Cancel,
}

impl TicketAction {
    /// Every action.
    pub const ALL: [TicketAction; 7] = [
        TicketAction::Dispatch,
        TicketAction::Depart,
        TicketAction::Arrive,
        TicketAction::Restore,
        TicketAction::Close,
        TicketAction::Merge,
        TicketAction::Cancel,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            TicketAction::Dispatch => "dispatch",
            TicketAction::Depart => "depart",
            TicketAction::Arrive => "arrive",
            TicketAction::Restore => "restore",
            TicketAction::Close => "close",
            TicketAction::Merge => "merge",
            TicketAction::Cancel => "cancel",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The state this action leaves a ticket in.
    pub fn leads_to(self) -> TicketState {
        match self {
            TicketAction::Dispatch => TicketState::Dispatched,
            TicketAction::Depart => TicketState::OnTheWay,
            TicketAction::Arrive => TicketState::OnSite,
            TicketAction::Restore => TicketState::Restored,
            TicketAction::Close => TicketState::Closed,
            TicketAction::Merge => TicketState::Merged,
            TicketAction::Cancel => TicketState::Cancelled,
        }
    }
}

/// Why a ticket cannot move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TicketMoveError {
    #[error("the ticket is finished")]
    Finished,
    #[error("a crew is already dispatched, so the ticket can no longer be cancelled")]
    AlreadyDispatched,
    #[error("that step does not follow from where the ticket stands")]
    NotNow,
}

/// The committed times in minutes, by area class (configurable; defaults from the published
/// commitments: arrival 45 / 90 / 120 min, restoration 3 h urban and 4 h rural after arrival).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepairLimits {
    pub arrival_urban: u32,
    pub arrival_rural: u32,
    pub arrival_remote: u32,
    pub restoration_urban: u32,
    pub restoration_rural: u32,
    /// Not published; remote areas default to the rural figure.
    pub restoration_remote: u32,
}

impl Default for RepairLimits {
    fn default() -> Self {
        RepairLimits {
            arrival_urban: 45,
            arrival_rural: 90,
            arrival_remote: 120,
            restoration_urban: 180,
            restoration_rural: 240,
            restoration_remote: 240,
        }
    }
}

impl RepairLimits {
    /// Minutes from the report to the crew on site.
    pub fn arrival_minutes(&self, area: AreaClass) -> u32 {
        match area {
            AreaClass::Urban => self.arrival_urban,
            AreaClass::Rural => self.arrival_rural,
            AreaClass::Remote => self.arrival_remote,
        }
    }

    /// Minutes from the crew's arrival to power back.
    pub fn restoration_minutes(&self, area: AreaClass) -> u32 {
        match area {
            AreaClass::Urban => self.restoration_urban,
            AreaClass::Rural => self.restoration_rural,
            AreaClass::Remote => self.restoration_remote,
        }
    }
}

/// A promise measured against the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "is", rename_all = "snake_case", try_from = "PromiseJson")]
pub enum Promise {
    /// Not yet kept, and `seconds_left` remain (negative once missed and still open).
    Running { due_at: i64, seconds_left: i64 },
    /// Kept: done by the deadline.
    Met { due_at: i64, done_at: i64 },
    /// Broken: done late, or not done and past the deadline.
    Missed { due_at: i64, done_at: Option<i64> },
    /// No longer measured (the ticket was cancelled or merged first).
    Void,
}

/// A promise's JSON read flat (see `input::needed`).
#[derive(Deserialize)]
struct PromiseJson {
    is: String,
    due_at: Option<i64>,
    seconds_left: Option<i64>,
    done_at: Option<i64>,
}

impl TryFrom<PromiseJson> for Promise {
    type Error = String;

    fn try_from(j: PromiseJson) -> Result<Self, String> {
        use crate::domain::input::needed;
        Ok(match j.is.as_str() {
            "running" => Promise::Running {
                due_at: needed(j.due_at, "due_at")?,
                seconds_left: needed(j.seconds_left, "seconds_left")?,
            },
            "met" => Promise::Met {
                due_at: needed(j.due_at, "due_at")?,
                done_at: needed(j.done_at, "done_at")?,
            },
            "missed" => Promise::Missed {
                due_at: needed(j.due_at, "due_at")?,
                done_at: j.done_at,
            },
            "void" => Promise::Void,
            other => return Err(format!("unknown promise state `{other}`")),
        })
    }
}

impl Promise {
    /// Judges a deadline `due_at` against `done_at` (if done) and `now` (all unix seconds).
    pub fn judge(due_at: i64, done_at: Option<i64>, now: i64) -> Promise {
        match done_at {
            Some(done) if done <= due_at => Promise::Met {
                due_at,
                done_at: done,
            },
            Some(done) => Promise::Missed {
                due_at,
                done_at: Some(done),
            },
            None if now > due_at => Promise::Missed {
                due_at,
                done_at: None,
            },
            None => Promise::Running {
                due_at,
                seconds_left: due_at - now,
            },
        }
    }

    /// True once broken.
    pub fn is_missed(&self) -> bool {
        matches!(self, Promise::Missed { .. })
    }
}

/// The times of one ticket that its promises are measured by (unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TicketTimes {
    pub area: AreaClass,
    pub state: TicketState,
    pub reported_at: i64,
    pub arrived_at: Option<i64>,
    pub restored_at: Option<i64>,
}

impl TicketTimes {
    /// When the crew must be on site.
    pub fn arrival_due(&self, limits: &RepairLimits) -> i64 {
        self.reported_at + 60 * i64::from(limits.arrival_minutes(self.area))
    }

    /// When power must be back: the restoration time counts from the actual arrival, or from
    /// the arrival deadline while the crew is not there yet (the latest the promise allows).
    pub fn restoration_due(&self, limits: &RepairLimits) -> i64 {
        self.arrived_at.unwrap_or_else(|| self.arrival_due(limits))
            + 60 * i64::from(limits.restoration_minutes(self.area))
    }

    /// The arrival promise at `now`.
    pub fn arrival(&self, limits: &RepairLimits, now: i64) -> Promise {
        if self.arrived_at.is_none() && !self.measures_open_promises() {
            return Promise::Void;
        }
        Promise::judge(self.arrival_due(limits), self.arrived_at, now)
    }

    /// The restoration promise at `now`.
    pub fn restoration(&self, limits: &RepairLimits, now: i64) -> Promise {
        if self.restored_at.is_none() && !self.measures_open_promises() {
            return Promise::Void;
        }
        Promise::judge(self.restoration_due(limits), self.restored_at, now)
    }

    /// Cancelled and merged tickets stop their clocks; closed ones were measured when done.
    fn measures_open_promises(&self) -> bool {
        self.state.is_open()
    }
}

/// Checks what the customer wrote about the fault: 5 to 1000 characters.
pub fn parse_fault_description(s: &str) -> Result<String, FieldError> {
    let text = s.trim();
    let n = text.chars().count() as u32;
    if n == 0 {
        Err(FieldError::new(Field::Description, Problem::Required))
    } else if n < 5 {
        Err(FieldError::new(
            Field::Description,
            Problem::TooShort { min: 5 },
        ))
    } else if n > 1000 {
        Err(FieldError::new(
            Field::Description,
            Problem::TooLong { max: 1000 },
        ))
    } else {
        crate::domain::input::refuse_hidden_characters(Field::Description, text, true)?;
        Ok(text.to_string())
    }
}

/// The kinds of outage notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutageKind {
    /// 计划停电: announced at least 7 days ahead.
    Planned,
    /// 临时停电: urgent maintenance.
    Temporary,
    /// 故障停电: a fault on the grid.
    GridFault,
    /// 超电网供电能力停限电: not enough supply.
    CapacityShortfall,
}

impl OutageKind {
    /// Every kind.
    pub const ALL: [OutageKind; 4] = [
        OutageKind::Planned,
        OutageKind::Temporary,
        OutageKind::GridFault,
        OutageKind::CapacityShortfall,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            OutageKind::Planned => "planned",
            OutageKind::Temporary => "temporary",
            OutageKind::GridFault => "grid_fault",
            OutageKind::CapacityShortfall => "capacity_shortfall",
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
}

/// How far ahead a planned outage must be announced (configurable in the commitments table).
pub const PLANNED_NOTICE_DAYS: i64 = 7;

/// An outage notice as staff write it (instants in unix seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutageDraft {
    pub kind: OutageKind,
    pub area: String,
    pub starts_at: i64,
    pub expected_end: i64,
    pub reason: String,
}

impl OutageDraft {
    /// Checks a notice published at `published_at` with `notice_days` of required notice for
    /// planned work: the area and reason are given, it ends after it starts, and a planned one
    /// starts at least `notice_days` after publishing (else it must be temporary or a fault).
    pub fn check(&self, published_at: i64, notice_days: i64) -> Result<(), FieldError> {
        let area = self.area.trim().chars().count();
        if area == 0 {
            return Err(FieldError::new(Field::Area, Problem::Required));
        }
        if area > 100 {
            return Err(FieldError::new(Field::Area, Problem::TooLong { max: 100 }));
        }
        crate::domain::input::refuse_hidden_characters(Field::Area, self.area.trim(), false)?;
        let reason = self.reason.trim().chars().count();
        if reason == 0 {
            return Err(FieldError::new(Field::Reason, Problem::Required));
        }
        if reason > 500 {
            return Err(FieldError::new(
                Field::Reason,
                Problem::TooLong { max: 500 },
            ));
        }
        crate::domain::input::refuse_hidden_characters(Field::Reason, self.reason.trim(), true)?;
        if self.expected_end <= self.starts_at {
            return Err(FieldError::new(Field::EndsAt, Problem::NotAllowed));
        }
        if self.kind == OutageKind::Planned
            && self.starts_at < published_at + notice_days * 24 * 3600
        {
            return Err(FieldError::new(Field::StartsAt, Problem::TooSoon));
        }
        Ok(())
    }
}

/// Whether a notice concerns `now`: current while running, upcoming before, past after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutagePhase {
    Upcoming,
    Current,
    Ended,
}

impl OutagePhase {
    /// The phase of an outage from `starts_at` to `ends_at` (or still open when `ended_at` is
    /// unknown and the expected end has passed: power is not back until staff say so).
    pub fn of(starts_at: i64, ended_at: Option<i64>, now: i64) -> OutagePhase {
        match ended_at {
            Some(end) if end <= now => OutagePhase::Ended,
            _ if now < starts_at => OutagePhase::Upcoming,
            _ => OutagePhase::Current,
        }
    }
}

/// Reads the crew sent to a fault: 1 to 100 characters.
pub fn parse_crew(s: &str) -> Result<String, FieldError> {
    let crew = s.trim();
    let n = crew.chars().count();
    if n == 0 {
        Err(FieldError::new(Field::Crew, Problem::Required))
    } else if n > 100 {
        Err(FieldError::new(Field::Crew, Problem::TooLong { max: 100 }))
    } else {
        crate::domain::input::refuse_hidden_characters(Field::Crew, crew, false)?;
        Ok(crew.to_string())
    }
}

/// Reads when the crew expects to arrive: 1 to 1,440 minutes from now.
pub fn parse_eta_minutes(s: &str) -> Result<i64, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(FieldError::new(Field::Eta, Problem::Required));
    }
    let n: i64 = s
        .parse()
        .map_err(|_| FieldError::new(Field::Eta, Problem::NotANumber))?;
    if !(1..=24 * 60).contains(&n) {
        return Err(FieldError::new(
            Field::Eta,
            Problem::OutOfRange { min: 1, max: 1440 },
        ));
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_promise_reads_back_as_it_was_written() {
        let all = [
            Promise::Running {
                due_at: 100,
                seconds_left: -5,
            },
            Promise::Met {
                due_at: 100,
                done_at: 90,
            },
            Promise::Missed {
                due_at: 100,
                done_at: Some(130),
            },
            Promise::Missed {
                due_at: 100,
                done_at: None,
            },
            Promise::Void,
        ];
        for p in all {
            // No wildcard: a new state must be added here and to `PromiseJson`'s reading.
            match p {
                Promise::Running { .. }
                | Promise::Met { .. }
                | Promise::Missed { .. }
                | Promise::Void => {}
            }
            let json = serde_json::to_string(&p).expect("serialises");
            assert_eq!(
                serde_json::from_str::<Promise>(&json).expect("parses"),
                p,
                "{json}"
            );
        }
        assert!(serde_json::from_str::<Promise>(r#"{"is":"met","due_at":1}"#).is_err());
    }

    const MIN: i64 = 60;
    const T0: i64 = 1_800_000_000;

    fn times(area: AreaClass) -> TicketTimes {
        TicketTimes {
            area,
            state: TicketState::Reported,
            reported_at: T0,
            arrived_at: None,
            restored_at: None,
        }
    }

    #[test]
    fn arrival_deadlines_follow_the_area_class() {
        let l = RepairLimits::default();
        assert_eq!(times(AreaClass::Urban).arrival_due(&l), T0 + 45 * MIN);
        assert_eq!(times(AreaClass::Rural).arrival_due(&l), T0 + 90 * MIN);
        assert_eq!(times(AreaClass::Remote).arrival_due(&l), T0 + 120 * MIN);
    }

    #[test]
    fn restoration_counts_from_the_actual_arrival() {
        let l = RepairLimits::default();
        let mut t = times(AreaClass::Urban);
        // Not there yet: the latest the promise allows is arrival deadline plus 3 h.
        assert_eq!(t.restoration_due(&l), T0 + 45 * MIN + 180 * MIN);
        t.arrived_at = Some(T0 + 20 * MIN);
        assert_eq!(t.restoration_due(&l), T0 + 20 * MIN + 180 * MIN);
        let mut rural = times(AreaClass::Rural);
        rural.arrived_at = Some(T0 + 100 * MIN);
        assert_eq!(rural.restoration_due(&l), T0 + 100 * MIN + 240 * MIN);
        let mut remote = times(AreaClass::Remote);
        remote.arrived_at = Some(T0);
        assert_eq!(remote.restoration_due(&l), T0 + 240 * MIN);
    }

    #[test]
    fn configured_limits_replace_the_defaults() {
        let l = RepairLimits {
            arrival_urban: 30,
            restoration_urban: 120,
            ..RepairLimits::default()
        };
        let mut t = times(AreaClass::Urban);
        assert_eq!(t.arrival_due(&l), T0 + 30 * MIN);
        t.arrived_at = Some(T0 + 10 * MIN);
        assert_eq!(t.restoration_due(&l), T0 + 130 * MIN);
    }

    #[test]
    fn an_arrival_promise_runs_then_is_met_or_missed() {
        let l = RepairLimits::default();
        let mut t = times(AreaClass::Urban);
        let due = T0 + 45 * MIN;
        assert_eq!(
            t.arrival(&l, T0 + 15 * MIN),
            Promise::Running {
                due_at: due,
                seconds_left: 30 * MIN
            }
        );
        assert_eq!(
            t.arrival(&l, due + 1),
            Promise::Missed {
                due_at: due,
                done_at: None
            }
        );
        t.state = TicketState::OnSite;
        t.arrived_at = Some(due);
        assert_eq!(
            t.arrival(&l, due + 3600),
            Promise::Met {
                due_at: due,
                done_at: due
            }
        );
        t.arrived_at = Some(due + 1);
        assert!(t.arrival(&l, due + 3600).is_missed());
    }

    #[test]
    fn a_cancelled_or_merged_ticket_stops_its_clocks() {
        let l = RepairLimits::default();
        for state in [TicketState::Cancelled, TicketState::Merged] {
            let t = TicketTimes {
                state,
                ..times(AreaClass::Urban)
            };
            assert_eq!(t.arrival(&l, T0 + 10 * 3600), Promise::Void);
            assert_eq!(t.restoration(&l, T0 + 10 * 3600), Promise::Void);
        }
    }

    #[test]
    fn the_normal_path_is_the_only_way_forward() {
        let path = TicketState::PATH;
        let actions = [
            TicketAction::Dispatch,
            TicketAction::Depart,
            TicketAction::Arrive,
            TicketAction::Restore,
            TicketAction::Close,
        ];
        for (i, action) in actions.iter().enumerate() {
            assert_eq!(path[i].after(*action), Ok(path[i + 1]));
            // Every other action from this state is refused.
            for other in TicketAction::ALL {
                if other == *action
                    || other == TicketAction::Merge && i < 3
                    || other == TicketAction::Cancel && i == 0
                {
                    continue;
                }
                assert!(
                    path[i].after(other).is_err(),
                    "{:?} then {:?}",
                    path[i],
                    other
                );
            }
        }
    }

    #[test]
    fn every_legal_move_lands_where_its_action_leads() {
        for from in TicketState::ALL {
            for action in TicketAction::ALL {
                if let Ok(to) = from.after(action) {
                    assert_eq!(to, action.leads_to(), "{from:?} {action:?}");
                }
            }
        }
    }

    #[test]
    fn cancel_only_before_dispatch() {
        assert_eq!(
            TicketState::Reported.after(TicketAction::Cancel),
            Ok(TicketState::Cancelled)
        );
        assert_eq!(
            TicketState::Dispatched.after(TicketAction::Cancel),
            Err(TicketMoveError::AlreadyDispatched)
        );
        assert_eq!(
            TicketState::Closed.after(TicketAction::Cancel),
            Err(TicketMoveError::Finished)
        );
    }

    #[test]
    fn merge_until_the_crew_is_on_site() {
        for s in [
            TicketState::Reported,
            TicketState::Dispatched,
            TicketState::OnTheWay,
        ] {
            assert_eq!(s.after(TicketAction::Merge), Ok(TicketState::Merged));
        }
        assert_eq!(
            TicketState::OnSite.after(TicketAction::Merge),
            Err(TicketMoveError::NotNow)
        );
    }

    #[test]
    fn finished_tickets_do_not_move() {
        for s in [
            TicketState::Closed,
            TicketState::Merged,
            TicketState::Cancelled,
        ] {
            assert!(!s.is_open());
            for a in TicketAction::ALL {
                assert_eq!(s.after(a), Err(TicketMoveError::Finished));
            }
        }
    }

    #[test]
    fn stored_names_round_trip() {
        for k in FaultKind::ALL {
            assert_eq!(FaultKind::from_stored(k.as_str()), Some(k));
        }
        for s in TicketState::ALL {
            assert_eq!(TicketState::from_stored(s.as_str()), Some(s));
        }
        for a in TicketAction::ALL {
            assert_eq!(TicketAction::from_stored(a.as_str()), Some(a));
        }
        for k in OutageKind::ALL {
            assert_eq!(OutageKind::from_stored(k.as_str()), Some(k));
        }
    }

    #[test]
    fn hazards_are_flagged() {
        assert!(FaultKind::SafetyHazard.is_hazard());
        assert!(!FaultKind::NoPower.is_hazard());
    }

    #[test]
    fn descriptions_are_checked() {
        assert_eq!(
            parse_fault_description("  "),
            Err(FieldError::new(Field::Description, Problem::Required))
        );
        assert_eq!(
            parse_fault_description("dark"),
            Err(FieldError::new(
                Field::Description,
                Problem::TooShort { min: 5 }
            ))
        );
        assert!(parse_fault_description(&"x".repeat(1001)).is_err());
        assert_eq!(
            parse_fault_description(" 整栋楼停电了 ").as_deref(),
            Ok("整栋楼停电了")
        );
    }

    fn draft(kind: OutageKind, starts_in_days: i64) -> OutageDraft {
        OutageDraft {
            kind,
            area: "Riverside".into(),
            starts_at: T0 + starts_in_days * 86_400,
            expected_end: T0 + starts_in_days * 86_400 + 4 * 3600,
            reason: "Transformer replacement".into(),
        }
    }

    #[test]
    fn a_planned_outage_needs_seven_days_notice() {
        assert_eq!(draft(OutageKind::Planned, 7).check(T0, 7), Ok(()));
        assert_eq!(
            draft(OutageKind::Planned, 6).check(T0, 7),
            Err(FieldError::new(Field::StartsAt, Problem::TooSoon))
        );
        // Short notice is allowed when the notice says it is temporary or a fault.
        assert_eq!(draft(OutageKind::Temporary, 1).check(T0, 7), Ok(()));
        assert_eq!(draft(OutageKind::GridFault, 0).check(T0, 7), Ok(()));
    }

    #[test]
    fn an_outage_notice_needs_area_reason_and_an_end_after_its_start() {
        let mut d = draft(OutageKind::GridFault, 0);
        d.reason = " ".into();
        assert_eq!(
            d.check(T0, 7),
            Err(FieldError::new(Field::Reason, Problem::Required))
        );
        let mut d = draft(OutageKind::GridFault, 0);
        d.area = String::new();
        assert_eq!(
            d.check(T0, 7),
            Err(FieldError::new(Field::Area, Problem::Required))
        );
        let mut d = draft(OutageKind::GridFault, 0);
        d.expected_end = d.starts_at;
        assert_eq!(
            d.check(T0, 7),
            Err(FieldError::new(Field::EndsAt, Problem::NotAllowed))
        );
    }

    #[test]
    fn outage_phases() {
        assert_eq!(OutagePhase::of(T0, None, T0 - 1), OutagePhase::Upcoming);
        assert_eq!(OutagePhase::of(T0, None, T0), OutagePhase::Current);
        // Past its expected end but not declared over: still current.
        assert_eq!(OutagePhase::of(T0, None, T0 + 86_400), OutagePhase::Current);
        assert_eq!(
            OutagePhase::of(T0, Some(T0 + 60), T0 + 61),
            OutagePhase::Ended
        );
    }

    #[test]
    fn an_eta_is_a_number_of_minutes_within_a_day() {
        assert_eq!(parse_eta_minutes("30"), Ok(30));
        assert!(parse_eta_minutes("0").is_err());
        assert!(parse_eta_minutes("soon").is_err());
        assert!(parse_eta_minutes("1441").is_err());
        assert_eq!(parse_crew(" Crew 3 "), Ok("Crew 3".to_string()));
        assert!(parse_crew("").is_err());
    }
}
