//! Repairs for customers: my tickets, and one ticket with its status, the crew and the two
//! countdowns (arrival, power back). The ticket page reloads its data every 5 seconds.

use crate::api::pages::Page;
use crate::api::repairs::{CancelTicket, GetTicket, MyTickets, TicketDetail, TicketSummary};
use crate::domain::RowId;
use crate::domain::feedback::JobKind;
use crate::domain::repair::{Promise, TicketAction, TicketState};
use crate::ui::components::data::{Cell, DataTable, Facts};
use crate::ui::components::guard::{DynamicHeading, PageHeading, RequireSignIn};
use crate::ui::components::rating::{FeedbackAboutJob, RatingCard};
use crate::ui::components::status::{Load, WriteButton, loaded, loaded_in_place};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::router::use_params_map;
use leptos::prelude::*;

/// How often an open ticket's page asks for news.
const REFRESH_MS: u64 = 5_000;

/// `/repairs`.
#[component]
pub fn TicketsPage() -> impl IntoView {
    view! { <RequireSignIn><Tickets/></RequireSignIn> }
}

#[component]
fn Tickets() -> impl IntoView {
    let tickets = Load::ask(|| MyTickets {});
    view! {
        <PageHeading text=|l| Text::of(l).tickets_title/>
        <p><a class="button button-primary" href=Page::Report { account: None }.href()><Tr s=|l| Text::of(l).report_fault/></a></p>
        {loaded(tickets, move |answer| match answer {
            list if list.is_empty() => view! { <p><Tr s=|l| Text::of(l).no_tickets/></p> }.into_any(),
            list => view! { <TicketTable tickets=list link=Page::Ticket/> }.into_any(),
        })}
    }
}

/// A promise as a badge: running plain, met green, missed red.
pub fn promise_cell(t: &Text, p: Promise) -> Cell {
    let class = match p {
        Promise::Met { .. } => "badge badge-paid",
        Promise::Missed { .. } => "badge badge-overdue",
        _ => "badge",
    };
    Cell::Badge(class, t.promise(p))
}

/// Tickets as a table linking each number to `link(ID)`'s page.
#[component]
pub fn TicketTable(tickets: Vec<TicketSummary>, link: fn(RowId) -> Page) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = Text::of(i18n.lang());
        let rows = tickets
            .iter()
            .map(|x| {
                vec![
                    Cell::Link {
                        href: link(x.id).href(),
                        text: x.number.clone(),
                        hidden: String::new(),
                    },
                    Cell::Text(t.fault_kind(x.kind).into()),
                    Cell::Text(x.premise_address.clone()),
                    Cell::Text(t.ticket_state(x.state).into()),
                    promise_cell(t, x.arrival),
                    promise_cell(t, x.restoration),
                ]
            })
            .collect();
        view! {
            <DataTable
                headings=vec![(t.col_number, false), (t.col_kind, false), (t.premise, false), (t.status, false), (t.arrival_label, false), (t.restoration_label, false)]
                rows
                cards=true
            />
        }
        .into_any()
    }
}

/// `/repairs/:id`.
#[component]
pub fn TicketPage() -> impl IntoView {
    view! { <RequireSignIn><Ticket/></RequireSignIn> }
}

#[component]
fn Ticket() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let ticket = Load::ask(move || GetTicket {
        ticket_id: params.with(|p| p.get("id").unwrap_or_default()),
    });
    // News arrives by asking again every few seconds while the page is open, until the ticket
    // is finished (a finished ticket no longer changes, and its rating form must stay put).
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let finished =
                ticket.with_untracked(|t| matches!(t, Some(Ok(d)) if !d.summary.state.is_open()));
            if !finished {
                ticket.refetch();
            }
        },
        std::time::Duration::from_millis(REFRESH_MS),
    ) {
        on_cleanup(move || handle.clear());
    }
    let heading = move || match ticket.get() {
        Some(Ok(d)) => format!(
            "{} {}",
            Text::of(i18n.lang()).fault_kind(d.summary.kind),
            d.summary.number
        ),
        _ => Text::of(i18n.lang()).tickets_title.to_string(),
    };
    view! {
        <DynamicHeading text=Signal::derive(heading)/>
        <p><a href=Page::Repairs.href()><Tr s=|l| Text::of(l).tickets_title/></a></p>
        <p class="muted"><Tr s=|l| Text::of(l).updates_itself/></p>
        // Keeps what it last showed while it asks again, so the page does not flicker.
        {loaded_in_place(ticket, move |d| view! { <TicketBody ticket=d on_change=move || ticket.refetch()/> }.into_any())}
    }
}

/// Everything about a ticket, as its customer (or staff) reads it.
#[component]
pub fn TicketBody(
    ticket: TicketDetail,
    on_change: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let can_cancel = ticket.can_cancel;
    let id = ticket.summary.id.to_string();
    let (state, job_id, existing, number) = (
        ticket.summary.state,
        ticket.summary.id,
        ticket.rating.clone(),
        ticket.summary.number.clone(),
    );
    let body = move || {
        let t = Text::of(i18n.lang());
        let d = ticket.clone();
        let s = &d.summary;
        let mut facts = vec![
            (t.col_number, Cell::Mono(s.number.clone())),
            (t.status, Cell::Text(t.ticket_state(s.state).into())),
            (t.col_kind, Cell::Text(t.fault_kind(s.kind).into())),
            (t.premise, Cell::Text(s.premise_address.clone())),
            (t.reported_label, Cell::Text((t.time)(s.reported_at))),
            (t.arrival_label, promise_cell(t, s.arrival)),
            (t.restoration_label, promise_cell(t, s.restoration)),
        ];
        if !s.crew.is_empty() {
            facts.push((t.crew_label, Cell::Text(s.crew.clone())));
        }
        if let Some(eta) = s.eta_at {
            facts.push((t.eta_label, Cell::Text((t.time)(eta))));
        }
        facts.push((t.field_description, Cell::Text(d.description.clone())));
        if let Some(o) = &d.outage {
            facts.push((
                t.outage_here_title,
                Cell::Link {
                    href: Page::Outages { outage: Some(o.id) }.href(),
                    text: format!("{} · {}", t.outage_kind(o.kind), o.area),
                    hidden: String::new(),
                },
            ));
        }
        // The path so far: each state reached, when.
        let rows = TicketState::PATH
            .iter()
            .map(|state| {
                let at = d
                    .events
                    .iter()
                    .find(|e| {
                        let reached = match e.action.as_str() {
                            "report" => Some(TicketState::Reported),
                            a => TicketAction::from_stored(a).map(TicketAction::leads_to),
                        };
                        reached == Some(*state)
                    })
                    .map(|e| (t.time)(e.at))
                    .unwrap_or_default();
                vec![Cell::Text(t.ticket_state(*state).into()), Cell::Text(at)]
            })
            .collect::<Vec<_>>();
        let current = TicketState::PATH.iter().position(|p| *p == s.state);
        let notes = d
            .events
            .iter()
            .filter(|e| !e.note.is_empty())
            .map(|e| {
                view! {
                    <li>
                        <strong>{format!("{} · {}", (t.time)(e.at), t.ticket_action(&e.action))}</strong>
                        <p class="note">{e.note.clone()}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-label=t.col_number>
                <Facts facts/>
            </section>
            <section aria-labelledby="progress-heading">
                <h2 id="progress-heading">{t.progress}</h2>
                <DataTable
                    headings=vec![(t.status, false), (t.col_done, false)]
                    rows
                    current_row=current.unwrap_or(usize::MAX)
                />
                <ul class="plain-list history">{notes}</ul>
            </section>
        }
        .into_any()
    };
    let rate = (!(crate::ui::THIS_CLIENT == crate::api::clients::Client::Staff)
        && state == TicketState::Closed)
        .then(|| {
            view! { <RatingCard job_kind=JobKind::Repair job_id=job_id existing=existing.clone()/> }
        });
    let complain = (!(crate::ui::THIS_CLIENT == crate::api::clients::Client::Staff))
        .then(|| view! { <FeedbackAboutJob kind=JobKind::Repair id=job_id number=number/> });
    let cancel = can_cancel.then(|| {
        view! {
            <WriteButton
                label=|l| Text::of(l).cancel_ticket
                call=move || CancelTicket { ticket_id: id.clone() }
                on_done=on_change
            />
        }
    });
    view! {
        {body}
        {rate}
        {complain}
        {cancel}
    }
}

crate::ui::i18n::strings! {
    tickets_title: &'static str = "My repair tickets", "我的报修";
    no_tickets: &'static str = "You have no repair tickets.", "暂无报修记录。";
    arrival_label: &'static str = "Crew arrival", "到达现场";
    restoration_label: &'static str = "Power back", "恢复送电";
    promise_met: &'static str = "met", "按时";
    promise_missed: &'static str = "missed", "超时";
    promise_void: &'static str = "no longer measured", "不再计时";
    due_by: &'static str = "due by", "应于";
    crew_label: &'static str = "Crew", "抢修班组";
    eta_label: &'static str = "Expected arrival", "预计到达";
    reported_label: &'static str = "Reported", "报修时间";
    updates_itself: &'static str = "This page updates by itself every few seconds.", "本页每隔几秒自动更新。";
    history_report: &'static str = "Reported", "报修";
    minutes_left: fn(i64) -> String =
        |n| {
            if n == 1 {
                "1 minute left".into()
            } else {
                format!("{n} minutes left")
            }
        },
        |n| format!("剩余 {n} 分钟");
}

impl Text {
    /// A ticket history entry (stored action name).
    pub fn ticket_action<'a>(&self, a: &'a str) -> &'a str {
        match crate::domain::repair::TicketAction::from_stored(a) {
            Some(crate::domain::repair::TicketAction::Dispatch) => self.ticket_dispatched,
            Some(crate::domain::repair::TicketAction::Depart) => self.ticket_on_the_way,
            Some(crate::domain::repair::TicketAction::Arrive) => self.ticket_on_site,
            Some(crate::domain::repair::TicketAction::Restore) => self.ticket_restored,
            Some(crate::domain::repair::TicketAction::Close) => self.ticket_closed,
            Some(crate::domain::repair::TicketAction::Merge) => self.ticket_merged,
            Some(crate::domain::repair::TicketAction::Cancel) => self.ticket_cancelled,
            None if a == "report" => self.history_report,
            None => a,
        }
    }

    /// A promise in words: `due by 10:45 · 12 minutes left`, `met`, `missed`.
    pub fn promise(&self, p: crate::domain::repair::Promise) -> String {
        match p {
            crate::domain::repair::Promise::Running {
                due_at,
                seconds_left,
            } => format!(
                "{} {} · {}",
                self.due_by,
                (self.time)(due_at),
                (self.minutes_left)((seconds_left + 59) / 60)
            ),
            crate::domain::repair::Promise::Met { due_at, .. } => format!(
                "{} · {} {}",
                self.promise_met,
                self.due_by,
                (self.time)(due_at)
            ),
            crate::domain::repair::Promise::Missed { due_at, .. } => format!(
                "{} · {} {}",
                self.promise_missed,
                self.due_by,
                (self.time)(due_at)
            ),
            crate::domain::repair::Promise::Void => self.promise_void.into(),
        }
    }
}
