//! Enterprise organisations on the server: the caller's membership and what their role allows
//! (asked afresh on every call, so a removed member is refused at once), then the store.

use crate::api::ApiError;
use crate::api::organisations::{
    Dashboard, Invitation, InvitationPreview, Member, MembersPage, Membership, MonthFigures,
    OpenRequest, SiteDetail, SiteMonths, SitesPage,
};
use crate::api::pages::Page;
use crate::domain::notify::{Facts, Kind};
use crate::domain::organisation::{
    BILLS_CSV_HEADER, ExportRange, InvitationState, PAYMENTS_CSV_HEADER, SITES_PER_PAGE, SiteQuery,
    invitation_expires_at, parse_invitee, parse_label,
};
use crate::domain::repair::Promise;
use crate::domain::{Field, FieldError, OrgRole, Problem, RowId, csv, parse_row_id};
use crate::server::auth::{new_token, token_hash};
use crate::server::request::Request;
use crate::server::store::User;
use crate::server::store::notify::Audience;
use crate::server::store::organisations::{InvitationRow, NewInvitation};
use chrono::Months;
use futures_util::StreamExt;
use std::collections::HashMap;

/// The caller's membership of the organisation `id`; someone else's organisation does not exist
/// as far as they can tell.
pub async fn member_of(request: &Request, user: &User, id: &str) -> Result<Membership, ApiError> {
    let id = parse_row_id(Field::OrganisationId, id)?;
    request
        .state
        .store
        .membership(id, user.id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// As [`member_of`], for what only owners may do.
async fn owner_of(request: &Request, user: &User, id: &str) -> Result<Membership, ApiError> {
    let m = member_of(request, user, id).await?;
    if m.role.may_manage() {
        Ok(m)
    } else {
        Err(ApiError::Forbidden)
    }
}

/// The open connection cases and repair tickets of the organisation's sites, nearest deadline
/// first, named by `names` (site id → name).
async fn open_requests(
    request: &Request,
    organisation: RowId,
    names: &HashMap<RowId, String>,
) -> Result<Vec<OpenRequest>, ApiError> {
    let store = &request.state.store;
    let today = request.today();
    let now = request.state.clock.unix();
    let name = |id: RowId| names.get(&id).cloned().unwrap_or_default();
    let mut out: Vec<OpenRequest> = store
        .open_cases_of(organisation)
        .await?
        .into_iter()
        .filter_map(|c| {
            let site = c.service_account_id?;
            Some(OpenRequest {
                kind: "connection".into(),
                id: c.id,
                number: c.number,
                site_id: site,
                site_name: name(site),
                state: c.stage,
                due_day: c.next_due,
                due_at: None,
                late: c.next_due.is_some_and(|d| d < today),
            })
        })
        .collect();
    let limits = store.repair_limits().await?;
    for t in store.open_tickets_of(organisation).await? {
        let times = t.times();
        // The crew's arrival until they are there, then the power back.
        let promise = match times.arrival(&limits, now) {
            p @ (Promise::Running { .. } | Promise::Missed { done_at: None, .. }) => p,
            _ => times.restoration(&limits, now),
        };
        let (due_at, late) = match promise {
            Promise::Running {
                due_at,
                seconds_left,
            } => (Some(due_at), seconds_left < 0),
            Promise::Missed { due_at, .. } => (Some(due_at), true),
            Promise::Met { .. } | Promise::Void => (None, false),
        };
        out.push(OpenRequest {
            kind: "repair".into(),
            id: t.id,
            number: t.number,
            site_id: t.service_account_id,
            site_name: name(t.service_account_id),
            state: t.state.as_str().into(),
            due_day: None,
            due_at,
            late,
        });
    }
    // Late first, then by deadline (a day counts from its start in the utility's time zone).
    let key = |r: &OpenRequest| {
        let at = r.due_at.or_else(|| {
            r.due_day.and_then(|d| {
                d.and_hms_opt(0, 0, 0).map(|t| {
                    t.and_utc().timestamp() - crate::domain::local_time::UTILITY_OFFSET_SECS
                })
            })
        });
        (!r.late, at.unwrap_or(i64::MAX))
    };
    out.sort_by_key(key);
    Ok(out)
}

/// The consolidated dashboard.
pub async fn dashboard(request: &Request, user: &User, id: &str) -> Result<Dashboard, ApiError> {
    let m = member_of(request, user, id).await?;
    let org = m.organisation_id;
    let store = &request.state.store;
    let today = request.today();
    let sites = store.all_sites(org, today).await?;
    let names: HashMap<RowId, String> = sites.iter().map(|s| (s.id, s.name.clone())).collect();
    let this_month = store.latest_billing_month(org).await?;
    let last_month = this_month.and_then(|m| m.checked_sub_months(Months::new(1)));
    let mut months: HashMap<RowId, SiteMonths> = sites
        .iter()
        .map(|s| {
            let row = SiteMonths {
                id: s.id,
                name: s.name.clone(),
                this_month: MonthFigures::default(),
                last_month: MonthFigures::default(),
            };
            (s.id, row)
        })
        .collect();
    if let Some(from) = last_month {
        for b in store.site_months_since(org, from).await? {
            if let Some(row) = months.get_mut(&b.site_id) {
                let slot = if Some(b.period_start) == this_month {
                    &mut row.this_month
                } else if b.period_start == from {
                    &mut row.last_month
                } else {
                    continue;
                };
                slot.energy = slot.energy + b.energy;
                slot.cost += b.cost;
            }
        }
    }
    let mut months: Vec<SiteMonths> = months.into_values().collect();
    months.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.0.cmp(&b.id.0)));
    let mut overdue_sites: Vec<_> = sites
        .iter()
        .filter(|s| s.overdue.is_positive())
        .cloned()
        .collect();
    overdue_sites.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.name.cmp(&b.name)));
    Ok(Dashboard {
        site_count: u32::try_from(sites.len()).unwrap_or(u32::MAX),
        total_due: sites.iter().map(|s| s.balance_due).sum(),
        unpaid_bills: sites.iter().map(|s| s.unpaid_bills).sum(),
        next_due: sites.iter().filter_map(|s| s.next_due).min(),
        overdue_sites,
        this_month,
        last_month,
        months,
        open_requests: open_requests(request, org, &names).await?,
        organisation: m,
    })
}

/// A page of sites.
pub async fn sites(
    request: &Request,
    user: &User,
    id: &str,
    query: SiteQuery,
) -> Result<SitesPage, ApiError> {
    let m = member_of(request, user, id).await?;
    let store = &request.state.store;
    let org = m.organisation_id;
    let (sites, matching) = store
        .sites_page(org, &query, SITES_PER_PAGE, request.today())
        .await?;
    let (tariffs, areas, labels) = store.site_filter_choices(org).await?;
    Ok(SitesPage {
        sites,
        matching,
        page: query.page,
        page_count: matching.div_ceil(SITES_PER_PAGE).max(1),
        tariffs,
        areas,
        labels,
        my_role: m.role,
    })
}

/// One site in full.
pub async fn site(
    request: &Request,
    user: &User,
    id: &str,
    site: &str,
) -> Result<SiteDetail, ApiError> {
    let m = member_of(request, user, id).await?;
    let site = parse_row_id(Field::SiteId, site)?;
    let store = &request.state.store;
    let today = request.today();
    let summary = store
        .site_of(m.organisation_id, site, today)
        .await?
        .ok_or(ApiError::NotFound)?;
    let bills = store.bill_page(site, 1, 24, today).await?.bills;
    let names = HashMap::from([(site, summary.name.clone())]);
    let requests = open_requests(request, m.organisation_id, &names)
        .await?
        .into_iter()
        .filter(|r| r.site_id == site)
        .collect();
    Ok(SiteDetail {
        site: summary,
        organisation: m,
        bills,
        requests,
    })
}

/// Owners label a site.
pub async fn label(
    request: &Request,
    user: &User,
    id: &str,
    site: &str,
    label: &str,
    add: &str,
) -> Result<Vec<String>, ApiError> {
    let m = owner_of(request, user, id).await?;
    let site = parse_row_id(Field::SiteId, site)?;
    let label = parse_label(label)?;
    let add = crate::domain::input::parse_true_false(Field::Add, add)?;
    request
        .state
        .store
        .set_site_label(m.organisation_id, site, &label, add)
        .await?
        .ok_or(ApiError::NotFound)
}

fn invitation_view(row: &InvitationRow, now: i64, link: Option<String>) -> Invitation {
    Invitation {
        id: row.id,
        email: row.email.clone(),
        role: row.role,
        created_at: row.created_at,
        expires_at: row.expires_at,
        state: InvitationState::at(row.expires_at, row.accepted, row.revoked, now),
        link,
    }
}

/// The members; owners also see the invitations.
pub async fn members(request: &Request, user: &User, id: &str) -> Result<MembersPage, ApiError> {
    let m = member_of(request, user, id).await?;
    let store = &request.state.store;
    let now = request.state.clock.unix();
    let members = store
        .members_of(m.organisation_id)
        .await?
        .into_iter()
        .map(|r| Member {
            is_me: r.user_id == user.id,
            user_id: RowId(r.user_id),
            email: r.email,
            display_name: r.display_name,
            role: r.role,
        })
        .collect();
    let invitations = if m.role.may_manage() {
        store
            .invitations_of(m.organisation_id)
            .await?
            .iter()
            .map(|r| invitation_view(r, now, None))
            .collect()
    } else {
        Vec::new()
    };
    Ok(MembersPage {
        organisation: m,
        members,
        invitations,
    })
}

/// Owners invite someone by email. The token is shown once, in the link, and kept hashed.
pub async fn invite(
    request: &Request,
    user: &User,
    id: &str,
    email: &str,
    role: &str,
) -> Result<Invitation, ApiError> {
    let m = owner_of(request, user, id).await?;
    request.require_recent_auth().await?;
    let email = parse_invitee(email)?;
    let role = OrgRole::parse(role)?;
    let store = &request.state.store;
    let already = store
        .members_of(m.organisation_id)
        .await?
        .iter()
        .any(|r| r.email == email.as_str());
    if already {
        return Err(FieldError::new(Field::Email, Problem::AlreadyMember).into());
    }
    let token = new_token();
    let link = format!("{}{}", request.origin(), Page::Join(token.clone()).href());
    let now = request.state.clock.unix();
    let expires_at = invitation_expires_at(now);
    let subject = format!("Join {} on GridCare · 邀请您加入 {}", m.name, m.name);
    let body = format!(
        "{inviter} invites you to {org} on GridCare as {role}.\nOpen this link within 7 days: {link}\n\n\
         {inviter} 邀请您以“{role}”身份加入 GridCare 上的 {org}。请在 7 天内打开此链接：{link}\n",
        inviter = user.email,
        org = m.name,
        role = role.as_str(),
    );
    let hash = token_hash(&token);
    let new = NewInvitation {
        organisation_id: m.organisation_id,
        email: email.as_str(),
        role,
        token_hash: &hash,
        invited_by: user.id,
        created_at: now,
        expires_at,
        subject: &subject,
        body: &body,
    };
    let facts = Facts {
        name: m.name.clone(),
        state: role.as_str().to_string(),
        ..Facts::default()
    };
    let page = Page::Organisations.href();
    let notice = request.state.notifier.notice(
        Kind::Invitation,
        Audience::Email(email.as_str().to_string()),
        &facts,
        &page,
        format!("invitation:{}:{now}", m.organisation_id.0),
        now,
    );
    let invitation_id = store.create_invitation(&new, &[notice]).await?;
    Ok(Invitation {
        id: invitation_id,
        email: email.as_str().to_string(),
        role,
        created_at: now,
        expires_at,
        state: InvitationState::Pending,
        link: Some(link),
    })
}

/// Owners withdraw a pending invitation.
pub async fn revoke(
    request: &Request,
    user: &User,
    id: &str,
    invitation: &str,
) -> Result<(), ApiError> {
    let m = owner_of(request, user, id).await?;
    let invitation = parse_row_id(Field::InvitationId, invitation)?;
    let now = request.state.clock.unix();
    if request
        .state
        .store
        .revoke_invitation(m.organisation_id, invitation, user.id, now)
        .await?
    {
        Ok(())
    } else {
        Err(ApiError::NotNow {
            reason: "the invitation is no longer pending".into(),
        })
    }
}

/// Owners change a member's role, or remove them (`none`).
pub async fn set_role(
    request: &Request,
    user: &User,
    id: &str,
    member: &str,
    role: &str,
) -> Result<(), ApiError> {
    let m = owner_of(request, user, id).await?;
    request.require_recent_auth().await?;
    let member = parse_row_id(Field::UserId, member)?;
    let to = match role.trim() {
        "none" => None,
        other => Some(OrgRole::parse(other)?),
    };
    let now = request.state.clock.unix();
    let facts = Facts {
        name: m.name.clone(),
        state: to.map(|r| r.as_str().to_string()).unwrap_or_default(),
        ..Facts::default()
    };
    let page = Page::OrgDashboard(m.organisation_id).href();
    let notice = request.state.notifier.notice(
        Kind::RoleChanged,
        Audience::Person(member.0),
        &facts,
        &page,
        format!("role:{}:{}:{now}", m.organisation_id.0, member.0),
        now,
    );
    request
        .state
        .store
        .change_member(m.organisation_id, member.0, to, user.id, now, &[notice])
        .await?;
    let (event, detail) = match to {
        Some(role) => (
            crate::domain::login::SecurityEvent::RoleChanged,
            format!("organisation {} role {}", m.organisation_id, role.as_str()),
        ),
        None => (
            crate::domain::login::SecurityEvent::MemberRemoved,
            format!("organisation {}", m.organisation_id),
        ),
    };
    crate::server::login::audit(request, event, (Some(member.0), ""), Some(user.id), &detail).await
}

async fn invitation_by_token(request: &Request, token: &str) -> Result<InvitationRow, ApiError> {
    let token = token.trim();
    if token.is_empty() {
        return Err(FieldError::new(Field::Token, Problem::Required).into());
    }
    if token.len() > 100 {
        return Err(FieldError::new(Field::Token, Problem::Malformed).into());
    }
    request
        .state
        .store
        .invitation_by_token(&token_hash(token))
        .await?
        .ok_or(ApiError::NotFound)
}

/// What a link offers, to the signed-in person.
pub async fn preview(
    request: &Request,
    user: &User,
    token: &str,
) -> Result<InvitationPreview, ApiError> {
    let row = invitation_by_token(request, token).await?;
    let now = request.state.clock.unix();
    Ok(InvitationPreview {
        organisation_name: row.organisation_name.clone(),
        email: row.email.clone(),
        role: row.role,
        state: InvitationState::at(row.expires_at, row.accepted, row.revoked, now),
        expires_at: row.expires_at,
        for_me: row.email == user.email,
    })
}

/// The invited person takes the invitation up.
pub async fn accept(request: &Request, user: &User, token: &str) -> Result<Membership, ApiError> {
    let row = invitation_by_token(request, token).await?;
    if row.email != user.email {
        // Only the invited address may use the link, so a forwarded link gives nobody else in.
        return Err(ApiError::Forbidden);
    }
    let now = request.state.clock.unix();
    if !request
        .state
        .store
        .accept_invitation(row.id, user.id, now)
        .await?
    {
        return Err(ApiError::NotNow {
            reason: "the invitation was used, withdrawn or has expired".into(),
        });
    }
    request
        .state
        .store
        .membership(row.organisation_id, user.id)
        .await?
        .ok_or(ApiError::Internal)
}

/// Sites asked for at once while the bills export is written.
const EXPORT_CHUNK: usize = 50;

/// What the bills export is asked for.
pub struct ExportRequest {
    pub from: String,
    pub to: String,
    /// Comma-separated site ids; empty for every site.
    pub sites: String,
    /// Only the sites under this label; empty for any.
    pub label: String,
}

/// Checks an export request: the caller's membership, the dates, the sites (all the
/// organisation's). Returns the organisation's name and the sites to write, by name.
pub async fn export_plan(
    request: &Request,
    user: &User,
    id: &str,
    ask: &ExportRequest,
) -> Result<
    (
        Membership,
        ExportRange,
        Vec<crate::server::store::organisations::ExportSite>,
    ),
    ApiError,
> {
    let m = member_of(request, user, id).await?;
    let range = ExportRange::parse(&ask.from, &ask.to)?;
    let only: Option<Vec<RowId>> = if ask.sites.trim().is_empty() {
        None
    } else {
        Some(
            ask.sites
                .split(',')
                .map(|s| parse_row_id(Field::Sites, s))
                .collect::<Result<_, _>>()?,
        )
    };
    let mut sites = request
        .state
        .store
        .export_sites(m.organisation_id, only.as_deref())
        .await?;
    if let Some(only) = &only
        && only.len() != sites.len()
    {
        // A site that is not the organisation's is refused, not quietly left out.
        return Err(FieldError::new(Field::Sites, Problem::NotAllowed).into());
    }
    let label = ask.label.trim();
    if !label.is_empty() {
        sites.retain(|s| s.labels.iter().any(|l| l == label));
    }
    Ok((m, range, sites))
}

/// Which export a download is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFile {
    /// A line per bill.
    Bills,
    /// A line per payment received.
    Payments,
}

/// An export as a stream of CSV text: the header, then a line per bill or payment, fetched
/// `EXPORT_CHUNK` sites at a time so that memory stays flat however many sites there are.
pub fn export_lines(
    store: crate::server::store::Store,
    range: ExportRange,
    sites: Vec<crate::server::store::organisations::ExportSite>,
    today: chrono::NaiveDate,
    file: ExportFile,
) -> impl futures_util::Stream<Item = Result<String, std::io::Error>> + Send + 'static {
    let header = match file {
        ExportFile::Bills => csv::line(&BILLS_CSV_HEADER),
        ExportFile::Payments => csv::line(&PAYMENTS_CSV_HEADER),
    };
    let chunks: Vec<Vec<_>> = sites.chunks(EXPORT_CHUNK).map(<[_]>::to_vec).collect();
    let head = futures_util::stream::once(async move { Ok(header) });
    let body = futures_util::stream::unfold(chunks.into_iter(), move |mut chunks| {
        let store = store.clone();
        async move {
            let chunk = chunks.next()?;
            let text = match file {
                ExportFile::Bills => bill_lines(&store, &chunk, range, today).await,
                ExportFile::Payments => payment_lines(&store, &chunk, range).await,
            }
            .map_err(|e| crate::server::http::stream_failed("export", &e));
            Some((text, chunks))
        }
    });
    // Fused: the body may be asked again after its end, which `unfold` does not allow.
    head.chain(body).fuse()
}

type Sites<'a> = &'a [crate::server::store::organisations::ExportSite];

fn by_id(chunk: Sites<'_>) -> HashMap<RowId, &crate::server::store::organisations::ExportSite> {
    chunk.iter().map(|s| (s.id, s)).collect()
}

async fn bill_lines(
    store: &crate::server::store::Store,
    chunk: Sites<'_>,
    range: ExportRange,
    today: chrono::NaiveDate,
) -> Result<String, crate::server::store::StoreError> {
    let ids: Vec<RowId> = chunk.iter().map(|s| s.id).collect();
    let sites = by_id(chunk);
    let mut out = String::new();
    for b in store.export_bills(&ids, range, today).await? {
        let Some(site) = sites.get(&b.account_id) else {
            continue;
        };
        out.push_str(&csv::line(&[
            csv::text(&site.name),
            site.account_number.clone(),
            b.period_start.to_string(),
            b.period_end.to_string(),
            b.energy.to_string(),
            b.total.plain(),
            b.paid.plain(),
            b.due_on.to_string(),
            b.status.as_str().to_string(),
            csv::text(&site.labels.join(";")),
        ]));
    }
    Ok(out)
}

async fn payment_lines(
    store: &crate::server::store::Store,
    chunk: Sites<'_>,
    range: ExportRange,
) -> Result<String, crate::server::store::StoreError> {
    let ids: Vec<RowId> = chunk.iter().map(|s| s.id).collect();
    let sites = by_id(chunk);
    let mut out = String::new();
    for p in store.export_payments(&ids, range).await? {
        let Some(site) = sites.get(&p.account_id) else {
            continue;
        };
        out.push_str(&csv::line(&[
            csv::text(&site.name),
            site.account_number.clone(),
            crate::domain::local_time::local(p.paid_at)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            p.amount.plain(),
            p.refunded.plain(),
            p.channel.clone(),
            csv::text(&p.reference),
            csv::text(&site.labels.join(";")),
        ]));
    }
    Ok(out)
}

/// The export's address: `?from=2025-01-01&to=2026-12-01&sites=12,13&label=East` (`sites`
/// and `label` optional).
#[derive(Debug, Default, serde::Deserialize)]
struct ExportQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    sites: String,
    #[serde(default)]
    label: String,
}

/// `GET /api/org/{id}/bills.csv`: the organisation's bills for a date range and a set of sites,
/// one line per bill, streamed as it is read.
pub async fn bills_csv(
    state: axum::extract::State<crate::server::app::AppState>,
    id: axum::extract::Path<String>,
    req: axum::extract::Request,
) -> axum::response::Response {
    export_csv(state, id, req, ExportFile::Bills).await
}

/// `GET /api/org/{id}/payments.csv`: the payments received on the same sites in the same range,
/// one line per payment.
pub async fn payments_csv(
    state: axum::extract::State<crate::server::app::AppState>,
    id: axum::extract::Path<String>,
    req: axum::extract::Request,
) -> axum::response::Response {
    export_csv(state, id, req, ExportFile::Payments).await
}

async fn export_csv(
    axum::extract::State(state): axum::extract::State<crate::server::app::AppState>,
    axum::extract::Path(id): axum::extract::Path<String>,
    req: axum::extract::Request,
    file: ExportFile,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    let (parts, _) = req.into_parts();
    let query = axum::extract::Query::<ExportQuery>::try_from_uri(&parts.uri)
        .map(|q| q.0)
        .map_err(|_| ApiError::from(FieldError::new(Field::From, Problem::Malformed)));
    let request = Request::new(state.clone(), parts);
    let planned = async {
        let q = query?;
        let user = request.require_user().await?;
        let ask = ExportRequest {
            from: q.from,
            to: q.to,
            sites: q.sites,
            label: q.label,
        };
        export_plan(&request, &user, &id, &ask).await
    };
    match planned.await {
        Ok((m, range, sites)) => {
            let what = match file {
                ExportFile::Bills => "bills",
                ExportFile::Payments => "payments",
            };
            let name = format!(
                "{what}-{}-{}-to-{}.csv",
                m.organisation_id, range.from, range.to
            );
            let lines = export_lines(state.store.clone(), range, sites, request.today(), file);
            (
                [
                    (CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (
                        CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{name}\""),
                    ),
                ],
                axum::body::Body::from_stream(lines),
            )
                .into_response()
        }
        Err(e) => crate::server::http::error_response(&e),
    }
}
