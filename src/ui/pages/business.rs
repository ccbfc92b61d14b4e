//! Enterprise organisations: the list of the person's organisations, and one organisation's
//! consolidated dashboard (what is owed and when, overdue sites, the latest two billing months
//! per site as a chart and a sortable table, open requests with their deadlines).

use crate::api::organisations::{Dashboard, GetDashboard, OpenRequest, SiteMonths};
use crate::api::pages::Page;
use crate::domain::{Fen, RowId};
use crate::ui::components::chart::{BarChart, BarGroup};
use crate::ui::components::data::{Cell, DataTable};
use crate::ui::components::guard::{DynamicHeading, PageHeading, RequireSignIn};
use crate::ui::components::org_nav::{OrgNav, use_org};
use crate::ui::components::status::{Load, loaded};
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Common, use_i18n};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// Bars in the dashboard's chart: the sites that cost most in the latest month.
const CHART_SITES: usize = 10;

/// `/business`: the person's organisations.
#[component]
pub fn OrganisationsPage() -> impl IntoView {
    view! { <RequireSignIn><Organisations/></RequireSignIn> }
}

#[component]
fn Organisations() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let list = move || {
        let t = Text::of(i18n.lang());
        let orgs = session.me.with(|m| {
            m.as_ref()
                .map(|m| m.organisations.clone())
                .unwrap_or_default()
        });
        if orgs.is_empty() {
            return view! { <p>{t.no_organisations}</p> }.into_any();
        }
        let rows = orgs
            .into_iter()
            .map(|o| {
                vec![
                    Cell::Link {
                        href: Page::OrgDashboard(o.organisation_id).href(),
                        text: o.name,
                        hidden: String::new(),
                    },
                    Cell::Text(t.org_role(o.role).into()),
                ]
            })
            .collect();
        view! { <DataTable headings=vec![(t.field_organisation, false), (t.field_role, false)] rows/> }
            .into_any()
    };
    view! {
        <PageHeading text=|l| Text::of(l).business_title/>
        {list}
    }
}

/// `/business/:org`: the consolidated dashboard.
#[component]
pub fn OrgDashboardPage() -> impl IntoView {
    view! { <RequireSignIn><DashboardView/></RequireSignIn> }
}

#[component]
fn DashboardView() -> impl IntoView {
    let i18n = use_i18n();
    let org = use_org();
    let dashboard = Load::ask(move || GetDashboard {
        organisation_id: org.get(),
    });
    let heading = move || match dashboard.get() {
        Some(Ok(d)) => d.organisation.name,
        _ => Text::of(i18n.lang()).biz_dashboard.to_string(),
    };
    view! {
        <DynamicHeading text=Signal::derive(heading)/>
        <OrgNav org/>
        {loaded(dashboard, move |d| view! { <DashboardBody dashboard=d/> }.into_any())}
    }
}

/// A site's name linking to its page.
pub fn site_link(org: RowId, id: RowId, name: &str) -> Cell {
    Cell::Link {
        href: Page::Site { org, site: id }.href(),
        text: name.to_string(),
        hidden: String::new(),
    }
}

/// An amount that went up with a `+`.
fn change(now: Fen, before: Fen) -> String {
    let d = Fen(now.0 - before.0);
    if d.is_positive() {
        format!("+{}", d.yuan())
    } else {
        d.yuan()
    }
}

/// Open requests as a table: number (to its page), kind, site, state, next deadline.
pub fn request_rows(t: &Common, requests: &[OpenRequest]) -> Vec<Vec<Cell>> {
    let t = Text::of(t.lang);
    use crate::domain::connection::Stage;
    use crate::domain::repair::TicketState;
    requests
        .iter()
        .map(|r| {
            let (base, kind, state) = if r.kind == "repair" {
                let state = TicketState::from_stored(&r.state).map_or("", |s| t.ticket_state(s));
                (Page::Ticket as fn(RowId) -> Page, t.job_repair, state)
            } else {
                let state = Stage::from_stored(&r.state).map_or("", |s| t.stage(s));
                (
                    Page::Application as fn(RowId) -> Page,
                    t.job_connection,
                    state,
                )
            };
            let due = match (r.due_at, r.due_day) {
                (Some(at), _) => (t.time)(at),
                (None, Some(day)) => t.date(day),
                (None, None) => "—".into(),
            };
            let due = if r.late {
                Cell::Badge("badge badge-overdue", format!("{due} · {}", t.late))
            } else {
                Cell::Text(due)
            };
            vec![
                Cell::Link {
                    href: base(r.id).href(),
                    text: r.number.clone(),
                    hidden: String::new(),
                },
                Cell::Text(kind.into()),
                Cell::Text(r.site_name.clone()),
                Cell::Text(state.into()),
                due,
            ]
        })
        .collect()
}

/// The headings of [`request_rows`].
pub fn request_headings(t: &Common) -> Vec<(&'static str, bool)> {
    let t = Text::of(t.lang);
    vec![
        (t.col_number, false),
        (t.col_kind, false),
        (t.col_site, false),
        (t.status, false),
        (t.deadline_label, false),
    ]
}

#[component]
fn DashboardBody(dashboard: Dashboard) -> impl IntoView {
    let i18n = use_i18n();
    let org = dashboard.organisation.organisation_id;
    let months = dashboard.months.clone();
    let (this_month, last_month) = (dashboard.this_month, dashboard.last_month);
    let figures = move || {
        let t = Text::of(i18n.lang());
        let d = &dashboard;
        let due = match d.next_due {
            Some(day) => format!("{}{}{}", t.next_due, t.colon, t.date(day)),
            None => t.nothing_due.to_string(),
        };
        let overdue = d
            .overdue_sites
            .iter()
            .map(|s| {
                vec![
                    site_link(org, s.id, &s.name),
                    Cell::Num(s.overdue.to_string()),
                    Cell::Text(s.overdue_since.map(|d| t.date(d)).unwrap_or_default()),
                    Cell::Num(s.balance_due.to_string()),
                ]
            })
            .collect::<Vec<_>>();
        let no_overdue = overdue.is_empty();
        let requests = request_rows(t, &d.open_requests);
        let no_requests = requests.is_empty();
        view! {
            <div class="summary-grid three">
                <section class="card stat" aria-labelledby="due-heading">
                    <h2 id="due-heading">{t.total_due_label}</h2>
                    <p class="stat-value">{d.total_due.to_string()}</p>
                    <p>{due}</p>
                </section>
                <section class="card stat" aria-labelledby="unpaid-heading">
                    <h2 id="unpaid-heading">{t.unpaid_bills_label}</h2>
                    <p class="stat-value">{d.unpaid_bills}</p>
                </section>
                <section class="card stat" aria-labelledby="sites-heading">
                    <h2 id="sites-heading">{t.site_count_label}</h2>
                    <p class="stat-value">{d.site_count}</p>
                </section>
            </div>
            <section aria-labelledby="overdue-heading">
                <h2 id="overdue-heading">{t.overdue_sites_title}</h2>
                {if no_overdue {
                    view! { <p>{t.no_overdue}</p> }.into_any()
                } else {
                    view! {
                        <DataTable
                            headings=vec![(t.col_site, false), (t.overdue_amount, true), (t.overdue_since, false), (t.col_owed, true)]
                            rows=overdue
                            cards=true
                        />
                    }.into_any()
                }}
            </section>
            <section aria-labelledby="requests-heading">
                <h2 id="requests-heading">{t.open_requests_title}</h2>
                {if no_requests {
                    view! { <p>{t.no_open_requests}</p> }.into_any()
                } else {
                    view! { <DataTable headings=request_headings(t) rows=requests cards=true/> }.into_any()
                }}
            </section>
        }
        .into_any()
    };
    view! {
        {figures}
        <MonthsSection org months this_month last_month/>
    }
}

/// How the months table is sorted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Site,
    CostLatest,
    CostBefore,
    Change,
    KwhLatest,
}

impl SortBy {
    const ALL: [SortBy; 5] = [
        SortBy::Site,
        SortBy::CostLatest,
        SortBy::CostBefore,
        SortBy::Change,
        SortBy::KwhLatest,
    ];

    fn name(self, t: &Text) -> &'static str {
        match self {
            SortBy::Site => t.col_site,
            SortBy::CostLatest => t.cost_latest,
            SortBy::CostBefore => t.cost_before,
            SortBy::Change => t.col_change,
            SortBy::KwhLatest => t.kwh_latest,
        }
    }

    /// Sites in this order: by name, or the largest figure first.
    fn sort(self, rows: &mut [SiteMonths]) {
        match self {
            SortBy::Site => rows.sort_by(|a, b| a.name.cmp(&b.name)),
            SortBy::CostLatest => rows.sort_by_key(|r| std::cmp::Reverse(r.this_month.cost)),
            SortBy::CostBefore => rows.sort_by_key(|r| std::cmp::Reverse(r.last_month.cost)),
            SortBy::Change => {
                rows.sort_by_key(|r| std::cmp::Reverse(r.this_month.cost.0 - r.last_month.cost.0))
            }
            SortBy::KwhLatest => rows.sort_by_key(|r| std::cmp::Reverse(r.this_month.energy)),
        }
    }
}

/// The latest billing month and the one before, per site: a chart of the costliest sites and a
/// table of all of them, sorted as the person chooses.
#[component]
fn MonthsSection(
    org: RowId,
    months: Vec<SiteMonths>,
    this_month: Option<chrono::NaiveDate>,
    last_month: Option<chrono::NaiveDate>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sort = RwSignal::new(SortBy::Site);
    let all = StoredValue::new(months);
    let chart = move || {
        let t = Text::of(i18n.lang());
        let mut top = all.get_value();
        SortBy::CostLatest.sort(&mut top);
        top.truncate(CHART_SITES);
        let groups = top
            .iter()
            .map(|r| BarGroup {
                label: r.name.chars().take(10).collect(),
                bars: vec![
                    (
                        Some(r.this_month.cost.0.max(0) as u64),
                        format!(
                            "{} · {}{}{}",
                            r.name, t.latest_series, t.colon, r.this_month.cost
                        ),
                    ),
                    (
                        Some(r.last_month.cost.0.max(0) as u64),
                        format!(
                            "{} · {}{}{}",
                            r.name, t.before_series, t.colon, r.last_month.cost
                        ),
                    ),
                ],
            })
            .collect();
        let when = match (this_month, last_month) {
            (Some(a), Some(b)) => (t.months_of)(&t.month_year(a), &t.month_year(b)),
            _ => String::new(),
        };
        view! {
            <p>{when}</p>
            <BarChart
                id="months-chart"
                title=t.months_title.to_string()
                description=t.months_chart_desc.to_string()
                groups
                legend=vec![t.latest_series.to_string(), t.before_series.to_string()]
            />
        }
        .into_any()
    };
    let table = move || {
        let t = Text::of(i18n.lang());
        let mut rows = all.get_value();
        sort.get().sort(&mut rows);
        let rows = rows
            .iter()
            .map(|r| {
                vec![
                    site_link(org, r.id, &r.name),
                    Cell::Num(r.this_month.energy.to_string()),
                    Cell::Num(r.last_month.energy.to_string()),
                    Cell::Num(r.this_month.cost.to_string()),
                    Cell::Num(r.last_month.cost.to_string()),
                    Cell::Num(change(r.this_month.cost, r.last_month.cost)),
                ]
            })
            .collect();
        view! {
            <DataTable
                headings=vec![(t.col_site, false), (t.kwh_latest, true), (t.kwh_before, true), (t.cost_latest, true), (t.cost_before, true), (t.col_change, true)]
                rows
                cards=true
            />
        }
        .into_any()
    };
    let options = move || {
        let t = Text::of(i18n.lang());
        SortBy::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| {
                view! { <option value=i.to_string() selected=move || sort.get() == *s>{s.name(t)}</option> }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="months-heading">
            <h2 id="months-heading"><Tr s=|l| Text::of(l).months_title/></h2>
            {chart}
            <div class="field">
                <label for="months-sort"><Tr s=|l| Text::of(l).sort_by/></label>
                <select id="months-sort" on:change=move |ev| {
                    let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                    sort.set(SortBy::ALL.get(i).copied().unwrap_or(SortBy::Site));
                }>
                    {options}
                </select>
            </div>
            {table}
        </section>
    }
}

crate::ui::i18n::strings! {
    no_organisations: &'static str = "You do not belong to any organisation.", "您尚未加入任何企业。";
    total_due_label: &'static str = "Due across all sites", "全部用电户应缴";
    unpaid_bills_label: &'static str = "Unpaid bills", "未缴账单";
    site_count_label: &'static str = "Sites", "用电户数";
    overdue_sites_title: &'static str = "Sites with overdue bills", "欠费逾期的用电户";
    no_overdue: &'static str = "No site has an overdue bill.", "没有逾期欠费的用电户。";
    overdue_since: &'static str = "Overdue since", "逾期起始";
    overdue_amount: &'static str = "Overdue", "逾期金额";
    months_title: &'static str = "Latest billing month and the month before", "最近账期与上一账期";
    months_of: fn(&str, &str) -> String =
        |a, b| format!("Latest billing month: {a}. The month before: {b}."),
        |a, b| format!("最近账期：{a}；上一账期：{b}。");
    months_chart_desc: &'static str =
        "Bars show the cost of the sites that cost most in the latest billing month, with the month before beside each; the table below has every site.",
        "柱形为最近账期电费最高的用电户，旁边为上一账期；下表列出全部用电户。";
    kwh_latest: &'static str = "kWh, latest", "最近账期电量";
    kwh_before: &'static str = "kWh, before", "上一账期电量";
    cost_latest: &'static str = "Cost, latest", "最近账期电费";
    cost_before: &'static str = "Cost, before", "上一账期电费";
    col_change: &'static str = "Change", "变化";
    sort_by: &'static str = "Sort the table by", "表格排序";
    latest_series: &'static str = "Latest month", "最近账期";
    before_series: &'static str = "Month before", "上一账期";
    deadline_label: &'static str = "Next deadline", "下一期限";
}
