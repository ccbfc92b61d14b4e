//! Enterprise organisations: what each member's role allows, invitations and their week, the
//! rule that an organisation always keeps an owner, site labels, and the sites filter.

use crate::domain::input::{Field, FieldError, Problem, parse_choice};
use crate::domain::{EmailAddress, OrgRole};
use chrono::NaiveDate;

impl OrgRole {
    /// Every role, highest first.
    pub const ALL: [OrgRole; 3] = [OrgRole::Owner, OrgRole::Manager, OrgRole::Viewer];

    /// Parses a role a person chose.
    pub fn parse(s: &str) -> Result<OrgRole, FieldError> {
        parse_choice(Field::Role, s, OrgRole::from_stored)
    }

    /// Owners invite people, change roles, remove members and label sites.
    pub fn may_manage(self) -> bool {
        self == OrgRole::Owner
    }

    /// Owners and managers file requests (connections, repairs, feedback) and pay for sites;
    /// viewers only read.
    pub fn may_act(self) -> bool {
        matches!(self, OrgRole::Owner | OrgRole::Manager)
    }
}

/// Days an invitation link stays good.
pub const INVITATION_DAYS: i64 = 7;

/// When an invitation made at `created_at` (unix seconds) stops working.
pub fn invitation_expires_at(created_at: i64) -> i64 {
    created_at + INVITATION_DAYS * 86_400
}

/// Where an invitation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationState {
    /// Waiting for the invited person.
    Pending,
    /// Taken up: the person is a member.
    Accepted,
    /// Withdrawn by an owner.
    Revoked,
    /// Not taken up within the week.
    Expired,
}

impl InvitationState {
    /// How an invitation stands at `now`, from what happened to it.
    pub fn at(expires_at: i64, accepted: bool, revoked: bool, now: i64) -> InvitationState {
        if accepted {
            InvitationState::Accepted
        } else if revoked {
            InvitationState::Revoked
        } else if now >= expires_at {
            InvitationState::Expired
        } else {
            InvitationState::Pending
        }
    }
}

/// A member's role now and the role a change would give them (`None`: removed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleChange {
    pub from: OrgRole,
    pub to: Option<OrgRole>,
}

/// Whether the organisation still has an owner after `change`, given how many owners it has
/// now. The last owner can be neither demoted nor removed.
pub fn keeps_an_owner(owners_now: usize, change: RoleChange) -> bool {
    let loses_one = change.from == OrgRole::Owner && change.to != Some(OrgRole::Owner);
    !loses_one || owners_now > 1
}

/// Checks the email an owner invites: an address, as for sign-in.
pub fn parse_invitee(s: &str) -> Result<EmailAddress, FieldError> {
    EmailAddress::parse(s)
}

/// Longest site label, in characters.
pub const MAX_LABEL: usize = 40;

/// Checks a label an owner groups sites under (a region, a brand): 1 to 40 characters, no
/// commas (lists of labels are written with them).
pub fn parse_label(s: &str) -> Result<String, FieldError> {
    let s = s.trim();
    let n = s.chars().count();
    if n == 0 {
        Err(FieldError::new(Field::Label, Problem::Required))
    } else if n > MAX_LABEL {
        Err(FieldError::new(
            Field::Label,
            Problem::TooLong {
                max: MAX_LABEL as u32,
            },
        ))
    } else if s.contains(',') || s.chars().any(char::is_control) {
        Err(FieldError::new(Field::Label, Problem::Malformed))
    } else {
        Ok(s.to_string())
    }
}

/// Sites shown on one page of the list.
pub const SITES_PER_PAGE: u32 = 20;

/// What the sites list is asked for: words to search, filters, the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteQuery {
    /// Words found in the site name, account number or address (lower case).
    pub search: String,
    /// A tariff code.
    pub tariff: Option<String>,
    /// A supply area.
    pub area: Option<String>,
    /// A label.
    pub label: Option<String>,
    /// Only sites with an open connection case or repair ticket.
    pub open_requests: bool,
    /// Only sites with a bill not paid in full.
    pub unpaid: bool,
    /// The page, from 1.
    pub page: u32,
}

impl SiteQuery {
    /// Reads the list's inputs; empty ones filter nothing.
    pub fn parse(
        search: &str,
        tariff: &str,
        area: &str,
        label: &str,
        open_requests: &str,
        unpaid: &str,
        page: &str,
    ) -> Result<SiteQuery, FieldError> {
        let search = search.trim().to_lowercase();
        if search.chars().count() > 100 {
            return Err(FieldError::new(
                Field::Search,
                Problem::TooLong { max: 100 },
            ));
        }
        let optional = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        // An empty filter filters nothing.
        let flag = |field: Field, s: &str| {
            if s.trim().is_empty() {
                Ok(false)
            } else {
                crate::domain::input::parse_true_false(field, s)
            }
        };
        let page = crate::domain::parse_page(page)?;
        Ok(SiteQuery {
            search,
            tariff: optional(tariff),
            area: optional(area),
            label: optional(label),
            open_requests: flag(Field::OpenRequests, open_requests)?,
            unpaid: flag(Field::Unpaid, unpaid)?,
            page,
        })
    }

    /// Rows to skip before this page.
    pub fn offset(&self) -> u32 {
        (self.page.max(1) - 1) * SITES_PER_PAGE
    }
}

/// The longest export, in days (five years).
pub const MAX_EXPORT_DAYS: i64 = 5 * 366;

/// The dates a bill export covers: bills whose period starts on or after `from` and before
/// `to`; at most five years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl ExportRange {
    /// Reads `from` and `to` (ISO dates; `to` is exclusive).
    pub fn parse(from: &str, to: &str) -> Result<ExportRange, FieldError> {
        let from = crate::domain::local_time::parse_day(Field::From, from)?;
        let to = crate::domain::local_time::parse_day(Field::To, to)?;
        if to <= from {
            return Err(FieldError::new(Field::To, Problem::NotAllowed));
        }
        let days = (to - from).num_days();
        if days > MAX_EXPORT_DAYS {
            return Err(FieldError::new(
                Field::To,
                Problem::OutOfRange {
                    min: 1,
                    max: MAX_EXPORT_DAYS,
                },
            ));
        }
        Ok(ExportRange { from, to })
    }
}

/// The first line of the bills export.
pub const BILLS_CSV_HEADER: [&str; 10] = [
    "site",
    "account_number",
    "period_start",
    "period_end",
    "kwh",
    "amount_yuan",
    "paid_yuan",
    "due_on",
    "status",
    "labels",
];

/// The first line of the payments export: one line per payment received in the range.
pub const PAYMENTS_CSV_HEADER: [&str; 8] = [
    "site",
    "account_number",
    "paid_at",
    "amount_yuan",
    "refunded_yuan",
    "channel",
    "reference",
    "labels",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_owners_manage_and_viewers_only_read() {
        assert!(OrgRole::Owner.may_manage() && OrgRole::Owner.may_act());
        assert!(!OrgRole::Manager.may_manage() && OrgRole::Manager.may_act());
        assert!(!OrgRole::Viewer.may_manage() && !OrgRole::Viewer.may_act());
        assert_eq!(OrgRole::parse("viewer"), Ok(OrgRole::Viewer));
        assert_eq!(
            OrgRole::parse("boss").unwrap_err().problem,
            Problem::NotAllowed
        );
        assert_eq!(OrgRole::parse(" ").unwrap_err().problem, Problem::Required);
    }

    #[test]
    fn an_invitation_is_good_for_seven_days_and_once() {
        let made = 1_000_000;
        let ends = invitation_expires_at(made);
        assert_eq!(ends - made, 7 * 86_400);
        assert_eq!(
            InvitationState::at(ends, false, false, ends - 1),
            InvitationState::Pending
        );
        assert_eq!(
            InvitationState::at(ends, false, false, ends),
            InvitationState::Expired
        );
        assert_eq!(
            InvitationState::at(ends, true, false, ends + 9),
            InvitationState::Accepted
        );
        assert_eq!(
            InvitationState::at(ends, false, true, made),
            InvitationState::Revoked
        );
    }

    #[test]
    fn the_last_owner_cannot_leave_or_step_down() {
        let demote = RoleChange {
            from: OrgRole::Owner,
            to: Some(OrgRole::Manager),
        };
        let remove = RoleChange {
            from: OrgRole::Owner,
            to: None,
        };
        assert!(!keeps_an_owner(1, demote));
        assert!(!keeps_an_owner(1, remove));
        assert!(keeps_an_owner(2, demote));
        assert!(keeps_an_owner(2, remove));
        // Other members come and go freely.
        let viewer_out = RoleChange {
            from: OrgRole::Viewer,
            to: None,
        };
        assert!(keeps_an_owner(1, viewer_out));
        let promote = RoleChange {
            from: OrgRole::Manager,
            to: Some(OrgRole::Owner),
        };
        assert!(keeps_an_owner(1, promote));
    }

    #[test]
    fn labels_are_short_single_names() {
        assert_eq!(parse_label("  East region "), Ok("East region".into()));
        assert_eq!(parse_label("").unwrap_err().problem, Problem::Required);
        assert_eq!(parse_label("a,b").unwrap_err().problem, Problem::Malformed);
        let long = "x".repeat(41);
        assert_eq!(
            parse_label(&long).unwrap_err().problem,
            Problem::TooLong { max: 40 }
        );
        assert!(
            parse_label(&"区".repeat(40)).is_ok(),
            "counted in characters"
        );
    }

    #[test]
    fn the_sites_query_reads_its_filters() {
        let q = SiteQuery::parse(" Kitchen ", "BIZ-TOU", "", "", "true", "", "2").unwrap();
        assert_eq!(q.search, "kitchen");
        assert_eq!(q.tariff.as_deref(), Some("BIZ-TOU"));
        assert_eq!(q.area, None);
        assert!(q.open_requests && !q.unpaid);
        assert_eq!(q.offset(), SITES_PER_PAGE);
        let e = SiteQuery::parse("", "", "", "", "yes", "", "").unwrap_err();
        assert_eq!(e.field, Field::OpenRequests);
        let e = SiteQuery::parse("", "", "", "", "", "", "0").unwrap_err();
        assert_eq!(e.field, Field::Page);
        assert_eq!(
            SiteQuery::parse("", "", "", "", "", "", "").unwrap().page,
            1
        );
    }

    #[test]
    fn an_export_range_is_ordered_and_bounded() {
        let r = ExportRange::parse("2025-01-01", "2027-01-01").unwrap();
        assert_eq!(r.from, NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
        let e = ExportRange::parse("2026-05-01", "2026-05-01").unwrap_err();
        assert_eq!((e.field, e.problem), (Field::To, Problem::NotAllowed));
        let e = ExportRange::parse("2026-13-01", "2027-01-01").unwrap_err();
        assert_eq!((e.field, e.problem), (Field::From, Problem::Malformed));
        let e = ExportRange::parse("", "2027-01-01").unwrap_err();
        assert_eq!((e.field, e.problem), (Field::From, Problem::Required));
        assert!(ExportRange::parse("2015-01-01", "2027-01-01").is_err());
    }
}
