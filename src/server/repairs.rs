//! Repair tickets and outage notices on the server: who may do what, then the ticket's state
//! machine, then the store. The server functions in `api::repairs` call these.

use crate::api::ApiError;
use crate::api::pages::Page;
use crate::api::repairs::{OutageNotice, TicketDetail, TicketEvent, TicketSummary};
use crate::domain::account::AreaClass;
use crate::domain::application::{parse_contact_phone, parse_note};
use crate::domain::input::parse_flag;
use crate::domain::local_time::parse_local_time;
use crate::domain::notify::{Facts, Kind};
use crate::domain::repair::{
    FaultKind, OutageDraft, OutageKind, OutagePhase, RepairLimits, TicketAction, TicketMoveError,
    parse_crew, parse_eta_minutes, parse_fault_description,
};
use crate::domain::{Field, FieldError, Problem, RowId, parse_row_id};
use crate::server::request::Request;
use crate::server::store::User;
use crate::server::store::accounts::AccountAccess;
use crate::server::store::notify::Audience;
use crate::server::store::repairs::{NewTicket, OutageRow, TicketChange, TicketRow};

impl From<TicketMoveError> for ApiError {
    fn from(e: TicketMoveError) -> Self {
        ApiError::NotNow {
            reason: e.to_string(),
        }
    }
}

/// What a notice of an outage says.
fn outage_facts(draft: &OutageDraft, ended_at: Option<i64>) -> Facts {
    Facts {
        area: draft.area.trim().to_string(),
        note: draft.reason.trim().to_string(),
        at: Some(ended_at.unwrap_or(draft.starts_at)),
        until: Some(draft.expected_end),
        ..Facts::default()
    }
}

/// A report as it arrives: every field a string, parsed here.
pub struct ReportForm {
    pub account_id: String,
    pub kind: String,
    pub description: String,
    pub contact_phone: String,
    pub danger: String,
    pub photo_id: String,
    pub idempotency_key: String,
}

/// A staff action as it arrives.
pub struct StaffAction {
    pub action: String,
    pub crew: String,
    pub eta_minutes: String,
    pub outage_id: String,
    pub note: String,
}

/// An outage notice as it arrives.
pub struct OutageForm {
    pub outage_id: String,
    pub kind: String,
    pub area: String,
    pub starts_at: String,
    pub expected_end: String,
    pub reason: String,
    pub ended: String,
}

fn summary(row: &TicketRow, limits: &RepairLimits, now: i64) -> TicketSummary {
    let times = row.times();
    TicketSummary {
        id: row.id,
        number: row.number.clone(),
        kind: row.kind,
        state: row.state,
        account_number: row.account_number.clone(),
        premise_address: row.premise_address.clone(),
        reported_at: row.reported_at,
        arrival: times.arrival(limits, now),
        restoration: times.restoration(limits, now),
        crew: row.crew.clone(),
        eta_at: row.eta_at,
    }
}

fn notice(row: &OutageRow, now: i64, mine: bool) -> OutageNotice {
    OutageNotice {
        id: row.id,
        kind: row.kind,
        area: row.area.clone(),
        starts_at: row.starts_at,
        expected_end: row.expected_end,
        ended_at: row.ended_at,
        reason: row.reason.clone(),
        published_at: row.published_at,
        phase: OutagePhase::of(row.starts_at, row.ended_at, now),
        mine,
    }
}

/// How a person stands to an account: `Some(true)` may file and cancel, `Some(false)` may only
/// read (an organisation's viewer), `None` may not see it (and staff read everything).
async fn rights(request: &Request, user: &User, account: RowId) -> Result<Option<bool>, ApiError> {
    match request.state.store.account_access(account, user.id).await? {
        None => Err(ApiError::NotFound),
        Some(Some(AccountAccess::Holder)) => Ok(Some(true)),
        Some(Some(AccountAccess::Member(role))) => Ok(Some(role.may_act())),
        Some(None) if user.role.is_staff() => {
            request
                .staff_read(user, &format!("account {account}"))
                .await?;
            Ok(Some(false))
        }
        Some(None) => Ok(None),
    }
}

/// Files a report.
pub async fn report(
    request: &Request,
    user: &User,
    form: ReportForm,
) -> Result<TicketSummary, ApiError> {
    let account = parse_row_id(Field::AccountId, &form.account_id)?;
    let kind = FaultKind::parse(&form.kind)?;
    let description = parse_fault_description(&form.description)?;
    let phone = parse_contact_phone(&form.contact_phone)?;
    let danger = parse_flag(Field::Danger, &form.danger)?;
    let photo = if form.photo_id.trim().is_empty() {
        None
    } else {
        Some(parse_row_id(Field::Photo, &form.photo_id)?)
    };
    let key = crate::domain::input::parse_idempotency_key(&form.idempotency_key)?;
    match rights(request, user, account).await? {
        Some(true) => {}
        Some(false) => return Err(ApiError::Forbidden),
        None => return Err(ApiError::NotFound),
    }
    let store = &request.state.store;
    if let Some(photo) = photo {
        let doc = store.document(photo).await?;
        let usable = doc.is_some_and(|d| {
            d.owner_id == user.id && d.case_id.is_none() && d.content_type.starts_with("image/")
        });
        if !usable {
            return Err(FieldError::new(Field::Photo, Problem::NotAllowed).into());
        }
    }
    let area = store
        .account_summary(account)
        .await?
        .map(|a| a.area_class)
        .unwrap_or(AreaClass::Urban);
    let limits = store.repair_limits().await?;
    let now = request.state.clock.unix();
    let year = chrono::Datelike::year(&request.today());
    let new = NewTicket {
        reporter_id: user.id,
        service_account_id: account,
        kind,
        description: &description,
        contact_phone: &phone,
        danger,
        photo_id: photo,
        area_class: area,
        idempotency_key: key,
    };
    let (id, _) = store.create_ticket(&new, &limits, year, now).await?;
    let row = store.ticket(id).await?.ok_or(ApiError::Internal)?;
    if row.reporter_id != user.id {
        return Err(ApiError::Internal);
    }
    Ok(summary(&row, &limits, now))
}

/// The tickets a person may see.
pub async fn mine(request: &Request, user: &User) -> Result<Vec<TicketSummary>, ApiError> {
    let store = &request.state.store;
    let limits = store.repair_limits().await?;
    let now = request.state.clock.unix();
    Ok(store
        .tickets_visible_to(user.id)
        .await?
        .iter()
        .map(|r| summary(r, &limits, now))
        .collect())
}

/// A ticket the person may read (staff read every one), and whether they may act on it as its
/// customer: its reporter, a holder of the account, or an organisation member who is no viewer.
async fn readable(
    request: &Request,
    user: &User,
    id: RowId,
) -> Result<(TicketRow, bool), ApiError> {
    let row = request
        .state
        .store
        .ticket(id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if row.reporter_id == user.id {
        return Ok((row, true));
    }
    match rights(request, user, row.service_account_id).await? {
        Some(may_act) => Ok((row, may_act)),
        // Whether someone else's ticket exists is not theirs to learn.
        None => Err(ApiError::NotFound),
    }
}

/// One ticket in full.
pub async fn detail(request: &Request, user: &User, id: RowId) -> Result<TicketDetail, ApiError> {
    let (row, may_act) = readable(request, user, id).await?;
    let store = &request.state.store;
    // The reporter, the account's holders and staff read the number; an organisation's other
    // members read a mask.
    let sees_phone = user.role.is_staff()
        || row.reporter_id == user.id
        || store
            .account_access(row.service_account_id, user.id)
            .await?
            == Some(Some(AccountAccess::Holder));
    let limits = store.repair_limits().await?;
    let now = request.state.clock.unix();
    let outage = match row.outage_id {
        Some(o) => store.outage(o).await?.map(|o| notice(&o, now, true)),
        None => None,
    };
    let events = store
        .ticket_events(id)
        .await?
        .into_iter()
        .map(|e| TicketEvent {
            action: e.action,
            at: e.at,
            by_staff: e.by_staff,
            note: e.note,
        })
        .collect();
    Ok(TicketDetail {
        summary: summary(&row, &limits, now),
        description: row.description.clone(),
        contact_phone: if sees_phone {
            row.contact_phone.clone()
        } else {
            crate::domain::binding::mask_phone(&row.contact_phone)
        },
        danger: row.danger,
        photo_id: row.photo_id,
        outage,
        events,
        can_cancel: may_act && row.state.after(TicketAction::Cancel).is_ok(),
        rating: crate::server::feedback::job_rating(
            request,
            crate::domain::feedback::JobKind::Repair,
            id,
        )
        .await?,
        now,
    })
}

/// The customer withdraws a report before dispatch.
pub async fn cancel(request: &Request, user: &User, id: RowId) -> Result<TicketSummary, ApiError> {
    let (row, may_act) = readable(request, user, id).await?;
    if !may_act {
        return Err(ApiError::Forbidden);
    }
    let to = row.state.after(TicketAction::Cancel)?;
    let store = &request.state.store;
    let now = request.state.clock.unix();
    store
        .move_ticket(
            id,
            row.state,
            to,
            TicketAction::Cancel,
            &TicketChange::default(),
            user.id,
            false,
            now,
            &[],
        )
        .await?;
    let row = store.ticket(id).await?.ok_or(ApiError::NotFound)?;
    Ok(summary(&row, &store.repair_limits().await?, now))
}

/// The outage now covering an account's premise, if any.
pub async fn outage_at(
    request: &Request,
    user: &User,
    account: RowId,
) -> Result<Option<OutageNotice>, ApiError> {
    if rights(request, user, account).await?.is_none() {
        return Err(ApiError::NotFound);
    }
    let store = &request.state.store;
    let area = store.supply_area(account).await?;
    let now = request.state.clock.unix();
    Ok(store
        .outages_not_over(now)
        .await?
        .iter()
        .find(|o| {
            !area.is_empty()
                && o.area == area
                && OutagePhase::of(o.starts_at, o.ended_at, now) == OutagePhase::Current
        })
        .map(|o| notice(o, now, true)))
}

/// Notices not yet over; the person's own areas first.
pub async fn outages(
    request: &Request,
    user: Option<&User>,
) -> Result<Vec<OutageNotice>, ApiError> {
    let store = &request.state.store;
    let now = request.state.clock.unix();
    let mine: Vec<String> = match user {
        Some(u) => store.supply_areas_of(u.id).await?,
        None => Vec::new(),
    };
    // Read at most a few seconds ago: one that ended since is left out here.
    let mut list: Vec<OutageNotice> = request
        .state
        .outages
        .not_over(store, now)
        .await?
        .iter()
        .filter(|o| o.ended_at.is_none_or(|end| end > now))
        .map(|o| notice(o, now, mine.contains(&o.area)))
        .collect();
    // Mine first, then current before upcoming, then by start.
    list.sort_by_key(|n| (!n.mine, n.phase != OutagePhase::Current, n.starts_at));
    Ok(list)
}

/// Open tickets for staff, the nearest promise first.
pub async fn queue(request: &Request) -> Result<Vec<TicketSummary>, ApiError> {
    let store = &request.state.store;
    let limits = store.repair_limits().await?;
    let now = request.state.clock.unix();
    let mut rows = store.open_tickets().await?;
    rows.sort_by_key(|r| {
        let t = r.times();
        if r.arrived_at.is_none() {
            t.arrival_due(&limits)
        } else {
            t.restoration_due(&limits)
        }
    });
    Ok(rows.iter().map(|r| summary(r, &limits, now)).collect())
}

/// A staff member moves a ticket.
pub async fn staff_move(
    request: &Request,
    staff: &User,
    id: RowId,
    form: StaffAction,
) -> Result<TicketSummary, ApiError> {
    let action = TicketAction::from_stored(form.action.trim())
        .filter(|a| *a != TicketAction::Cancel)
        .ok_or(FieldError::new(Field::Action, Problem::NotAllowed))?;
    let note = parse_note(&form.note)?;
    let store = &request.state.store;
    let row = store.ticket(id).await?.ok_or(ApiError::NotFound)?;
    let to = row.state.after(action)?;
    let now = request.state.clock.unix();
    let mut change = TicketChange {
        note: &note,
        ..TicketChange::default()
    };
    let crew;
    match action {
        TicketAction::Dispatch => {
            crew = parse_crew(&form.crew)?;
            change.crew = Some(&crew);
            let minutes = parse_eta_minutes(&form.eta_minutes)?;
            change.eta_at = Some(now + 60 * minutes);
        }
        TicketAction::Merge => {
            let outage = parse_row_id(Field::OutageId, &form.outage_id)?;
            let o = store
                .outage(outage)
                .await?
                .ok_or(FieldError::new(Field::OutageId, Problem::NotAllowed))?;
            if o.ended_at.is_some_and(|end| end <= now) {
                return Err(FieldError::new(Field::OutageId, Problem::NotAllowed).into());
            }
            change.outage_id = Some(outage);
        }
        _ => {}
    }
    let told = match action {
        TicketAction::Dispatch => Some(Kind::TicketDispatched),
        TicketAction::Arrive => Some(Kind::CrewArrived),
        TicketAction::Restore => Some(Kind::PowerRestored),
        TicketAction::Close => Some(Kind::RateJob),
        _ => None,
    };
    let facts = Facts {
        number: row.number.clone(),
        address: row.premise_address.clone(),
        name: change.crew.unwrap_or(&row.crew).to_string(),
        at: if action == TicketAction::Dispatch {
            change.eta_at
        } else {
            Some(now)
        },
        ..Facts::default()
    };
    let link = Page::Ticket(id).href();
    let notices: Vec<_> = told
        .map(|kind| {
            request.state.notifier.notice(
                kind,
                Audience::Ticket(id),
                &facts,
                &link,
                format!("ticket:{}:{}", id.0, action.as_str()),
                now,
            )
        })
        .into_iter()
        .collect();
    store
        .move_ticket(
            id, row.state, to, action, &change, staff.id, true, now, &notices,
        )
        .await?;
    let row = store.ticket(id).await?.ok_or(ApiError::NotFound)?;
    Ok(summary(&row, &store.repair_limits().await?, now))
}

/// Publishes or changes a notice.
pub async fn save_outage(
    request: &Request,
    staff: &User,
    form: OutageForm,
) -> Result<OutageNotice, ApiError> {
    let existing = if form.outage_id.trim().is_empty() {
        None
    } else {
        Some(parse_row_id(Field::OutageId, &form.outage_id)?)
    };
    let draft = OutageDraft {
        kind: OutageKind::parse(&form.kind)?,
        area: form.area.clone(),
        starts_at: parse_local_time(Field::StartsAt, &form.starts_at)?,
        expected_end: parse_local_time(Field::EndsAt, &form.expected_end)?,
        reason: form.reason.clone(),
    };
    let ended = parse_flag(Field::Ended, &form.ended)?;
    let store = &request.state.store;
    let now = request.state.clock.unix();
    let days = store.planned_notice_days().await?;
    let id = match existing {
        None => {
            draft.check(now, days)?;
            let facts = outage_facts(&draft, None);
            let kind = match draft.kind {
                OutageKind::Planned => Kind::OutagePlanned,
                _ => Kind::OutageStarted,
            };
            let notifier = &request.state.notifier;
            let mut link = String::new();
            store
                .create_outage(&draft, staff.id, now, |id| {
                    link = Page::Outages { outage: Some(id) }.href();
                    vec![notifier.notice(
                        kind,
                        Audience::Area(draft.area.trim().to_string()),
                        &facts,
                        &link,
                        format!("outage:{}:{}", id.0, kind.as_str()),
                        now,
                    )]
                })
                .await?
        }
        Some(id) => {
            let old = store.outage(id).await?.ok_or(ApiError::NotFound)?;
            // An edit is judged by when the notice was first published.
            draft.check(old.published_at, days)?;
            let ended_at = if ended {
                Some(old.ended_at.unwrap_or(now))
            } else {
                None
            };
            // Telling that power is back, once, when a notice is first declared over.
            let facts = outage_facts(&draft, ended_at);
            let link = Page::Outages { outage: Some(id) }.href();
            let notices: Vec<_> = ended_at
                .filter(|_| old.ended_at.is_none())
                .map(|_| {
                    request.state.notifier.notice(
                        Kind::OutageOver,
                        Audience::Area(draft.area.trim().to_string()),
                        &facts,
                        &link,
                        format!("outage:{}:over", id.0),
                        now,
                    )
                })
                .into_iter()
                .collect();
            store
                .update_outage(id, &draft, ended_at, staff.id, now, &notices)
                .await?;
            id
        }
    };
    // Everyone sees the change at once, not when the kept list expires.
    request.state.outages.forget();
    let row = store.outage(id).await?.ok_or(ApiError::Internal)?;
    Ok(notice(&row, now, false))
}
