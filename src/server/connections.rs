//! Connection cases on the server: who may do what, then the stage machine, then the store.
//! The server functions in `api::connections` and `api::staff` call these.

use crate::api::ApiError;
use crate::api::connections::{CaseDetail, CaseDocument, CaseEvent, CaseSummary, TimelineStage};
use crate::api::pages::Page;
use crate::domain::application::{
    Capacity, DocumentKind, SupplyVoltage, parse_category, parse_contact_name, parse_contact_phone,
    parse_kind, parse_note, parse_premise_address,
};
use crate::domain::calendar::WorkingCalendar;
use crate::domain::connection::{
    CaseState, ConnectionCase, ConnectionLimits, Move, Stage, SupplyCategory,
};
use crate::domain::notify::{Facts, Kind};
use crate::domain::{Field, FieldError, Problem, RowId, parse_row_id};
use crate::server::request::Request;
use crate::server::store::User;
use crate::server::store::accounts::AccountAccess;
use crate::server::store::connections::{
    CaseRow, DocumentRow, EventRow, NewCase, QueueFilter, next_due, replay,
};
use crate::server::store::notify::Audience;

/// The application form as it arrives: every field a string, parsed here.
pub struct ApplicationForm {
    pub kind: String,
    pub category: String,
    pub account_id: String,
    pub premise_address: String,
    pub capacity_kw: String,
    pub supply_voltage: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub document_ids: String,
    pub idempotency_key: String,
}

/// Parses `1,2,3` into row ids (at most 20).
fn parse_ids(input: &str) -> Result<Vec<RowId>, FieldError> {
    let ids: Vec<RowId> = input
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| parse_row_id(Field::Documents, s))
        .collect::<Result<_, _>>()?;
    if ids.len() > 20 {
        return Err(FieldError::new(
            Field::Documents,
            Problem::TooLong { max: 20 },
        ));
    }
    Ok(ids)
}

fn summary(
    row: &CaseRow,
    case: &ConnectionCase,
    today: chrono::NaiveDate,
    cal: &WorkingCalendar,
) -> CaseSummary {
    CaseSummary {
        id: row.id,
        number: row.number.clone(),
        kind: row.kind,
        category: row.category,
        premise_address: row.premise_address.clone(),
        state: case.state.as_str().to_string(),
        stage: case.current().stage,
        next_due: next_due(case, today, cal),
        late: case.is_late(today, cal),
    }
}

/// Loads what every case operation needs.
async fn load(
    request: &Request,
    id: RowId,
) -> Result<(CaseRow, Vec<EventRow>, ConnectionLimits, WorkingCalendar), ApiError> {
    let store = &request.state.store;
    let row = store.case(id).await?.ok_or(ApiError::NotFound)?;
    let events = store.case_events(id).await?;
    Ok((
        row,
        events,
        store.connection_limits().await?,
        store.working_calendar().await?,
    ))
}

/// How a person stands to a case: `Some(true)` may act as its customer, `Some(false)` may only
/// read it, `None` may not see it.
async fn customer_rights(
    request: &Request,
    user: &User,
    row: &CaseRow,
) -> Result<Option<bool>, ApiError> {
    if row.applicant_id == user.id {
        return Ok(Some(true));
    }
    if let Some(account) = row.service_account_id
        && let Some(Some(AccountAccess::Member(role))) =
            request.state.store.account_access(account, user.id).await?
    {
        return Ok(Some(role.may_act()));
    }
    Ok(None)
}

/// Files an application.
pub async fn apply(
    request: &Request,
    user: &User,
    form: ApplicationForm,
) -> Result<CaseSummary, ApiError> {
    let kind = parse_kind(&form.kind)?;
    let category = parse_category(&form.category)?;
    let account = if form.account_id.trim().is_empty() {
        None
    } else {
        Some(parse_row_id(Field::AccountId, &form.account_id)?)
    };
    let premise_address = parse_premise_address(&form.premise_address)?;
    let capacity = Capacity::parse(&form.capacity_kw)?;
    let voltage = SupplyVoltage::parse(&form.supply_voltage, category)?;
    let contact_name = parse_contact_name(&form.contact_name)?;
    let contact_phone = parse_contact_phone(&form.contact_phone)?;
    let documents = parse_ids(&form.document_ids)?;
    let key = crate::domain::input::parse_idempotency_key(&form.idempotency_key)?;
    let parsed = ParsedApplication {
        kind,
        category,
        account,
        premise_address,
        capacity,
        voltage,
        contact_name,
        contact_phone,
        documents,
        key: key.to_string(),
    };
    // A repeated submit (double click, retry) gets the case the first one created, also when
    // the twin won a race while this one was being checked.
    if let Some(done) = submitted(request, user, key).await? {
        return Ok(done);
    }
    match file(request, user, &parsed).await {
        Err(e) => submitted(request, user, key).await?.ok_or(e),
        ok => ok,
    }
}

/// The case `user` already filed under `key`, if any.
async fn submitted(
    request: &Request,
    user: &User,
    key: &str,
) -> Result<Option<CaseSummary>, ApiError> {
    let Some(id) = request.state.store.case_by_key(user.id, key).await? else {
        return Ok(None);
    };
    Ok(Some(case_summary(request, id).await?))
}

/// One stored case, replayed and summed up as of today.
async fn case_summary(request: &Request, id: RowId) -> Result<CaseSummary, ApiError> {
    let (row, events, limits, cal) = load(request, id).await?;
    let case = replay(&row, &events, &limits, &cal)?;
    Ok(summary(&row, &case, request.today(), &cal))
}

/// An application whose fields have all been parsed.
struct ParsedApplication {
    kind: crate::domain::connection::RequestKind,
    category: SupplyCategory,
    account: Option<RowId>,
    premise_address: String,
    capacity: Capacity,
    voltage: SupplyVoltage,
    contact_name: String,
    contact_phone: String,
    documents: Vec<RowId>,
    key: String,
}

/// Checks access and documents, then stores the case.
async fn file(
    request: &Request,
    user: &User,
    p: &ParsedApplication,
) -> Result<CaseSummary, ApiError> {
    let store = &request.state.store;
    let (kind, category, account, documents) = (p.kind, p.category, p.account, &p.documents);
    if let Some(account) = account {
        // A viewer is refused; a stranger finds no such account, as if it did not exist.
        request.may_act_for_account(user, account).await?;
    }
    // Every required document kind must be among those sent.
    let mut sent = Vec::new();
    for id in documents {
        let doc = store
            .document(*id)
            .await?
            .filter(|d| d.owner_id == user.id && d.case_id.is_none());
        let doc = doc.ok_or(FieldError::new(Field::Documents, Problem::NotAllowed))?;
        sent.push(doc.kind);
    }
    let missing = DocumentKind::NEEDED_TO_APPLY
        .into_iter()
        .any(|k| !sent.iter().any(|s| s == k.as_str()));
    if missing {
        return Err(FieldError::new(Field::Documents, Problem::Missing).into());
    }
    let today = request.today();
    let limits = store.connection_limits().await?;
    let cal = store.working_calendar().await?;
    let case = ConnectionCase::open(category, today, &limits);
    let new = NewCase {
        applicant_id: user.id,
        service_account_id: account,
        kind,
        category,
        premise_address: &p.premise_address,
        capacity_centi_kw: p.capacity.centi(),
        supply_voltage: p.voltage.as_str(),
        contact_name: &p.contact_name,
        contact_phone: &p.contact_phone,
        idempotency_key: &p.key,
        document_ids: documents,
    };
    let (id, _created) = store
        .create_case(
            &new,
            &case,
            next_due(&case, today, &cal),
            request.state.clock.unix(),
        )
        .await?;
    case_summary(request, id).await
}

/// The cases a person may see.
pub async fn mine(request: &Request, user: &User) -> Result<Vec<CaseSummary>, ApiError> {
    let rows = request.state.store.cases_visible_to(user.id).await?;
    summaries(request, rows).await
}

/// Each stored case replayed and summed up as of today.
async fn summaries(request: &Request, rows: Vec<CaseRow>) -> Result<Vec<CaseSummary>, ApiError> {
    let store = &request.state.store;
    let limits = store.connection_limits().await?;
    let cal = store.working_calendar().await?;
    let today = request.today();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let events = store.case_events(row.id).await?;
        let case = replay(&row, &events, &limits, &cal)?;
        out.push(summary(&row, &case, today, &cal));
    }
    Ok(out)
}

/// One case in full; customers see only notes meant for them.
pub async fn detail(request: &Request, user: &User, id: RowId) -> Result<CaseDetail, ApiError> {
    let (row, events, limits, cal) = load(request, id).await?;
    let staff = user.role.is_staff();
    // Someone else's case is as unknown as one that does not exist.
    if !staff && customer_rights(request, user, &row).await?.is_none() {
        return Err(ApiError::NotFound);
    }
    if staff {
        request
            .staff_read(user, &format!("connection case {id}"))
            .await?;
    }
    let case = replay(&row, &events, &limits, &cal)?;
    let today = request.today();
    let mut timeline: Vec<TimelineStage> = case
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| TimelineStage {
            stage: s.stage,
            limit_days: s.limit,
            started_on: Some(s.started_on),
            due_on: case.stage_due(i, today, &cal),
            done_on: s.finished_on,
            on_time: case.stage_on_time(i, &cal),
        })
        .collect();
    if !case.state.is_closed() {
        timeline.extend(case.upcoming().map(|(stage, limit)| TimelineStage {
            stage: *stage,
            limit_days: *limit,
            started_on: None,
            due_on: None,
            done_on: None,
            on_time: None,
        }));
    }
    let waiting_for = (case.state == CaseState::WaitingOnCustomer).then(|| {
        events
            .iter()
            .rev()
            .find(|e| e.mv == Some(Move::AskCustomer))
            .map(|e| e.note.clone())
            .unwrap_or_default()
    });
    let events = events
        .iter()
        .filter(|e| staff || e.for_customer)
        .map(|e| CaseEvent {
            action: crate::server::store::connections::move_name(e.mv).to_string(),
            on_day: e.on_day,
            at: e.at,
            by_staff: e.actor_is_staff,
            note: e.note.clone(),
            for_customer: e.for_customer,
        })
        .collect();
    let stored = request.state.store.case_documents(id).await?;
    let documents_outstanding = DocumentKind::required_for(row.kind, row.category)
        .into_iter()
        .filter(|k| !stored.iter().any(|d| d.kind == k.as_str()))
        .map(|k| k.as_str().to_string())
        .collect();
    let documents = stored.into_iter().map(CaseDocument::from).collect();
    Ok(CaseDetail {
        summary: summary(&row, &case, today, &cal),
        capacity_centi_kw: row.capacity_centi_kw,
        supply_voltage: row.supply_voltage.clone(),
        contact_name: row.contact_name.clone(),
        // The applicant and staff read the number; an organisation's other members a mask.
        contact_phone: if staff || row.applicant_id == user.id {
            row.contact_phone.clone()
        } else {
            crate::domain::binding::mask_phone(&row.contact_phone)
        },
        accepted_on: row.accepted_on,
        total_limit_days: case.total_limit,
        overall_due: case.overall_due(today, &cal),
        utility_days_used: case.utility_days_used(today, &cal),
        waiting_for,
        can_cancel: !case.state.is_closed() && case.stages.len() == 1,
        timeline,
        events,
        documents,
        documents_outstanding,
        rating: crate::server::feedback::job_rating(
            request,
            crate::domain::feedback::JobKind::Connection,
            id,
        )
        .await?,
    })
}

/// Applies a move and stores it as the next event.
#[allow(clippy::too_many_arguments)]
async fn record(
    request: &Request,
    user: &User,
    row: &CaseRow,
    events: &[EventRow],
    limits: &ConnectionLimits,
    cal: &WorkingCalendar,
    mv: Move,
    note: &str,
    for_customer: bool,
    documents: &[RowId],
) -> Result<CaseSummary, ApiError> {
    let mut case = replay(row, events, limits, cal)?;
    let today = request.today();
    case.apply(mv, today, cal).map_err(|e| ApiError::NotNow {
        reason: e.to_string(),
    })?;
    let seq = events.last().map_or(1, |e| e.seq) + 1;
    let now = request.state.clock.unix();
    let told = match mv {
        Move::Advance if case.state.is_closed() => Some(Kind::RateJob),
        Move::Advance => Some(Kind::CaseMoved),
        Move::AskCustomer => Some(Kind::CaseWaiting),
        _ => None,
    };
    let facts = Facts {
        number: row.number.clone(),
        address: row.premise_address.clone(),
        state: case.current().stage.as_str().to_string(),
        note: if for_customer {
            note.to_string()
        } else {
            String::new()
        },
        ..Facts::default()
    };
    let link = Page::Application(row.id).href();
    let notices: Vec<_> = told
        .map(|kind| {
            request.state.notifier.notice(
                kind,
                Audience::Case(row.id),
                &facts,
                &link,
                format!("case:{}:{seq}", row.id.0),
                now,
            )
        })
        .into_iter()
        .collect();
    request
        .state
        .store
        .append_case_event(
            row.id,
            seq,
            mv,
            &case,
            next_due(&case, today, cal),
            today,
            now,
            user.id,
            note,
            for_customer,
            documents,
            &notices,
        )
        .await?;
    Ok(summary(row, &case, today, cal))
}

/// A customer cancels (no `document_ids`) or answers a request for documents.
pub async fn customer_move(
    request: &Request,
    user: &User,
    id: RowId,
    document_ids: &str,
    note: &str,
) -> Result<CaseSummary, ApiError> {
    let documents = parse_ids(document_ids)?;
    let note = parse_note(note)?;
    let (row, events, limits, cal) = load(request, id).await?;
    match customer_rights(request, user, &row).await? {
        Some(true) => {}
        // A viewer sees the case but may not act on it.
        Some(false) => return Err(ApiError::Forbidden),
        None => return Err(ApiError::NotFound),
    }
    let cancelling = document_ids.is_empty() && note.is_empty();
    let mv = if cancelling {
        Move::Cancel
    } else {
        Move::CustomerResponded
    };
    record(
        request, user, &row, &events, &limits, &cal, mv, &note, true, &documents,
    )
    .await
}

/// Staff move a case on.
pub async fn staff_move(
    request: &Request,
    user: &User,
    id: RowId,
    action: &str,
    note: &str,
    for_customer: &str,
) -> Result<CaseSummary, ApiError> {
    let mv = match action.trim() {
        "advance" => Move::Advance,
        "ask_customer" => Move::AskCustomer,
        "reject" => Move::Reject,
        "" => return Err(FieldError::new(Field::Kind, Problem::Required).into()),
        _ => return Err(FieldError::new(Field::Kind, Problem::NotAllowed).into()),
    };
    let note = parse_note(note)?;
    if matches!(mv, Move::Reject | Move::AskCustomer) && note.is_empty() {
        // A refusal needs its reason; a request must say what is needed.
        return Err(FieldError::new(Field::Note, Problem::Required).into());
    }
    let for_customer = !matches!(for_customer.trim(), "false" | "0" | "no");
    let (row, events, limits, cal) = load(request, id).await?;
    record(
        request,
        user,
        &row,
        &events,
        &limits,
        &cal,
        mv,
        &note,
        for_customer || mv != Move::Advance,
        &[],
    )
    .await
}

/// The staff queue.
pub async fn queue(
    request: &Request,
    _user: &User,
    stage: &str,
    category: &str,
    overdue: &str,
) -> Result<Vec<CaseSummary>, ApiError> {
    let stage = match stage.trim() {
        "" => None,
        s => Some(Stage::from_stored(s).ok_or(FieldError::new(Field::Kind, Problem::NotAllowed))?),
    };
    let category = match category.trim() {
        "" => None,
        c => Some(
            SupplyCategory::from_stored(c)
                .ok_or(FieldError::new(Field::Category, Problem::NotAllowed))?,
        ),
    };
    let today = request.today();
    let filter = QueueFilter {
        stage,
        category,
        due_before: matches!(overdue.trim(), "true" | "1" | "yes").then_some(today),
    };
    let rows = request.state.store.case_queue(&filter).await?;
    summaries(request, rows).await
}

impl From<DocumentRow> for CaseDocument {
    fn from(d: DocumentRow) -> Self {
        CaseDocument {
            id: d.id,
            kind: d.kind,
            file_name: d.file_name,
            content_type: d.content_type,
            size_bytes: d.size_bytes,
            sha256: d.sha256,
        }
    }
}

/// May `user` read a document: they uploaded it, or they may see the case it belongs to.
pub async fn may_read_document(
    request: &Request,
    user: &User,
    owner_id: i64,
    case: Option<RowId>,
) -> Result<bool, ApiError> {
    if owner_id == user.id || (case.is_some() && user.role.is_staff()) {
        return Ok(true);
    }
    let Some(case) = case else { return Ok(false) };
    let Some(row) = request.state.store.case(case).await? else {
        return Ok(false);
    };
    Ok(customer_rights(request, user, &row).await?.is_some())
}
