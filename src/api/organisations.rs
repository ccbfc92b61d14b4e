//! Enterprise organisations: the consolidated dashboard, sites and their labels, members and
//! invitations. Every function takes the organisation's id and asks, on every call, whether the
//! signed-in person is a member and what their role allows, so a removed member is refused on
//! their next request. The bills export is a streamed download: `GET /api/org/{id}/bills.csv`.

// The sites list is a form of filters: its server function takes each as an argument.
#![allow(clippy::too_many_arguments)]

use crate::api::ApiError;
use crate::api::accounts::LocalName;
use crate::api::bills::BillSummary;
use crate::domain::organisation::InvitationState;
use crate::domain::{Fen, KilowattHours, OrgRole, RowId};
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An organisation the signed-in person belongs to, and their role there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub organisation_id: RowId,
    pub name: String,
    pub role: OrgRole,
}

/// One site (a service account of the organisation) as the sites list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSummary {
    pub id: RowId,
    /// The site's name, or its address when it has none.
    pub name: String,
    pub account_number: String,
    pub premise_address: String,
    pub tariff_code: String,
    pub tariff: LocalName,
    pub supply_area: String,
    pub labels: Vec<String>,
    /// Owed on bills not paid in full, how many bills, and the first of their due days.
    pub balance_due: Fen,
    pub unpaid_bills: u32,
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub next_due: Option<NaiveDate>,
    /// The part of the balance past its due day, and the earliest such day.
    pub overdue: Fen,
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub overdue_since: Option<NaiveDate>,
    /// Open connection cases and repair tickets.
    pub open_requests: i64,
}

/// One page of sites, and the choices the filters offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SitesPage {
    pub sites: Vec<SiteSummary>,
    /// Sites that match, on every page.
    pub matching: u32,
    pub page: u32,
    pub page_count: u32,
    pub tariffs: Vec<(String, LocalName)>,
    pub areas: Vec<String>,
    pub labels: Vec<String>,
    pub my_role: OrgRole,
}

/// An open request of a site: a connection case or a repair ticket, with its next deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenRequest {
    /// `connection` or `repair`.
    pub kind: String,
    pub id: RowId,
    pub number: String,
    pub site_id: RowId,
    pub site_name: String,
    /// The stored state (a connection stage or a ticket state).
    pub state: String,
    /// The next deadline: a working day for connection stages…
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub due_day: Option<NaiveDate>,
    /// …an instant (unix seconds) for a crew's arrival or the power back.
    pub due_at: Option<i64>,
    /// True once that deadline has passed.
    pub late: bool,
}

/// A site's use and cost in one billing month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MonthFigures {
    pub energy: KilowattHours,
    pub cost: Fen,
}

/// One line of the dashboard's table: a site this month and last month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteMonths {
    pub id: RowId,
    pub name: String,
    pub this_month: MonthFigures,
    pub last_month: MonthFigures,
}

/// The consolidated dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub organisation: Membership,
    pub site_count: u32,
    /// Owed across every site, and the first day any of it is due.
    pub total_due: Fen,
    pub unpaid_bills: u32,
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub next_due: Option<NaiveDate>,
    /// Sites with bills past their due day, most owed first.
    pub overdue_sites: Vec<SiteSummary>,
    /// The latest billing month (its first day) and the one before.
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub this_month: Option<NaiveDate>,
    #[serde(default, with = "crate::domain::local_time::day::option")]
    pub last_month: Option<NaiveDate>,
    pub months: Vec<SiteMonths>,
    pub open_requests: Vec<OpenRequest>,
}

/// A site in full: its facts, its bills, its months of use, its open requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteDetail {
    pub site: SiteSummary,
    pub organisation: Membership,
    /// Newest first, up to 24.
    pub bills: Vec<BillSummary>,
    pub requests: Vec<OpenRequest>,
}

/// A member, as the members page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub user_id: RowId,
    pub email: String,
    pub display_name: String,
    pub role: OrgRole,
    /// True for the person reading the list.
    pub is_me: bool,
}

/// An invitation as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub id: RowId,
    pub email: String,
    pub role: OrgRole,
    pub created_at: i64,
    pub expires_at: i64,
    pub state: InvitationState,
    /// The link to pass on: only in the answer to the invite itself (the token is kept
    /// hashed, so nobody can read it again later).
    pub link: Option<String>,
}

/// Who belongs to an organisation, and (to owners) the invitations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembersPage {
    pub organisation: Membership,
    pub members: Vec<Member>,
    /// Owners only; empty for others.
    pub invitations: Vec<Invitation>,
}

/// An invitation as the invited person sees it before accepting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationPreview {
    pub organisation_name: String,
    pub email: String,
    pub role: OrgRole,
    pub state: InvitationState,
    pub expires_at: i64,
    /// True when the signed-in person's email is the one invited.
    pub for_me: bool,
}

/// The organisations the signed-in person belongs to.
#[server(endpoint = "org/mine", protocol = crate::api::codec::Call)]
pub async fn my_organisations() -> Result<Vec<Membership>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    Ok(request.state.store.memberships(user.id).await?)
}

/// The consolidated dashboard of organisation `organisation_id`.
#[server(endpoint = "org/dashboard", protocol = crate::api::codec::Call)]
pub async fn get_dashboard(organisation_id: String) -> Result<Dashboard, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::organisations::dashboard(&request, &user, &organisation_id).await
}

/// A page of the organisation's sites, searched and filtered.
#[server(endpoint = "org/sites", protocol = crate::api::codec::Call)]
pub async fn sites(
    organisation_id: String,
    search: String,
    tariff: String,
    area: String,
    label: String,
    open_requests: String,
    unpaid: String,
    page: String,
) -> Result<SitesPage, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    let query = crate::domain::organisation::SiteQuery::parse(
        &search,
        &tariff,
        &area,
        &label,
        &open_requests,
        &unpaid,
        &page,
    )?;
    crate::server::organisations::sites(&request, &user, &organisation_id, query).await
}

/// One site of the organisation.
#[server(endpoint = "org/site", protocol = crate::api::codec::Call)]
pub async fn site(organisation_id: String, site_id: String) -> Result<SiteDetail, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::organisations::site(&request, &user, &organisation_id, &site_id).await
}

/// Owners: puts site `site_id` under `label` (`add` `true`) or takes it off (`false`).
#[server(endpoint = "org/label", protocol = crate::api::codec::Call)]
pub async fn label_site(
    organisation_id: String,
    site_id: String,
    label: String,
    add: String,
) -> Result<Vec<String>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::organisations::label(&request, &user, &organisation_id, &site_id, &label, &add)
        .await
}

/// The members, and (to owners) the invitations.
#[server(endpoint = "org/members", protocol = crate::api::codec::Call)]
pub async fn members(organisation_id: String) -> Result<MembersPage, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::organisations::members(&request, &user, &organisation_id).await
}

/// Owners: invites `email` as `role`; the answer carries the link to pass on, and the message
/// waits in the outbox for the mail sender.
#[server(endpoint = "org/invite", protocol = crate::api::codec::Call)]
pub async fn invite(
    organisation_id: String,
    email: String,
    role: String,
) -> Result<Invitation, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::organisations::invite(&request, &user, &organisation_id, &email, &role).await
}

/// Owners: withdraws a pending invitation.
#[server(endpoint = "org/revoke", protocol = crate::api::codec::Call)]
pub async fn revoke_invitation(
    organisation_id: String,
    invitation_id: String,
) -> Result<(), ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::organisations::revoke(&request, &user, &organisation_id, &invitation_id).await
}

/// Owners: gives member `user_id` the role `role`, or removes them (`role` `none`). The last
/// owner can be neither.
#[server(endpoint = "org/set_role", protocol = crate::api::codec::Call)]
pub async fn set_member_role(
    organisation_id: String,
    user_id: String,
    role: String,
) -> Result<(), ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::organisations::set_role(&request, &user, &organisation_id, &user_id, &role).await
}

/// What an invitation link offers, to the signed-in person.
#[server(endpoint = "org/invitation", protocol = crate::api::codec::Call)]
pub async fn get_invitation(token: String) -> Result<InvitationPreview, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::organisations::preview(&request, &user, &token).await
}

/// Accepts the invitation: the signed-in person (whose email was invited) becomes a member.
#[server(endpoint = "org/accept", protocol = crate::api::codec::Call)]
pub async fn accept_invitation(token: String) -> Result<Membership, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::organisations::accept(&request, &user, &token).await
}
