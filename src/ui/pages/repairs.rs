//! Repairs for customers: my tickets, and one ticket with its status, the crew and the two
//! countdowns (arrival, power back). The ticket page reloads its data every 5 seconds.

use crate::api::repairs::{CancelTicket, TicketDetail, TicketSummary, get_ticket, my_tickets};
use crate::domain::feedback::JobKind;
use crate::domain::repair::{Promise, TicketAction, TicketState};
use crate::ui::components::data::{Cell, DataTable, Facts};
use crate::ui::components::guard::{DynamicHeading, PageHeading, RequireSignIn};
use crate::ui::components::rating::{FeedbackAboutJob, RatingCard};
use crate::ui::components::status::{ErrorMessage, Loading};
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Text, use_i18n};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// How often an open ticket's page asks for news.
const REFRESH_MS: u64 = 5_000;

/// `/repairs`.
#[component]
pub fn TicketsPage() -> impl IntoView {
    view! { <RequireSignIn><Tickets/></RequireSignIn> }
}

#[component]
fn Tickets() -> impl IntoView {
    let tickets = LocalResource::new(my_tickets);
    view! {
        <PageHeading text=|t| t.tickets_title/>
        <p><a class="button button-primary" href="/repairs/new"><Tr s=|t| t.report_fault/></a></p>
        <Suspense fallback=Loading>
            {move || tickets.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p><Tr s=|t| t.no_tickets/></p> }.into_any(),
                Ok(list) => view! { <TicketTable tickets=list link_base="/repairs"/> }.into_any(),
                Err(error) => view! { <ErrorMessage error retry=move |_| tickets.refetch()/> }.into_any(),
            })}
        </Suspense>
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

/// Tickets as a table linking each number to `link_base/ID`.
#[component]
pub fn TicketTable(tickets: Vec<TicketSummary>, link_base: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = i18n.t();
        let rows = tickets
            .iter()
            .map(|x| {
                vec![
                    Cell::Link {
                        href: format!("{link_base}/{}", x.id),
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
    let ticket =
        LocalResource::new(move || get_ticket(params.with(|p| p.get("id").unwrap_or_default())));
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
            i18n.t().fault_kind(d.summary.kind),
            d.summary.number
        ),
        _ => i18n.t().tickets_title.to_string(),
    };
    view! {
        <DynamicHeading text=Signal::derive(heading)/>
        <p><a href="/repairs"><Tr s=|t| t.tickets_title/></a></p>
        <p class="muted"><Tr s=|t| t.updates_itself/></p>
        // Keeps what it last showed while it asks again, so the page does not flicker.
        <Transition fallback=Loading>
            {move || ticket.get().map(|result| match result {
                Ok(d) => view! { <TicketBody ticket=d on_change=move || ticket.refetch()/> }.into_any(),
                Err(error) => view! { <ErrorMessage error retry=move |_| ticket.refetch()/> }.into_any(),
            })}
        </Transition>
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
        let t = i18n.t();
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
                    href: format!("/outages#outage-{}", o.id),
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
    let rate = (!crate::ui::STAFF_CONSOLE && state == TicketState::Closed).then(|| {
        view! { <RatingCard job_kind=JobKind::Repair job_id=job_id existing=existing.clone()/> }
    });
    let complain = (!crate::ui::STAFF_CONSOLE)
        .then(|| view! { <FeedbackAboutJob kind=JobKind::Repair id=job_id number=number/> });
    let cancel = can_cancel.then(|| view! { <CancelTicketButton ticket_id=id on_done=on_change/> });
    view! {
        {body}
        {rate}
        {complain}
        {cancel}
    }
}

#[component]
fn CancelTicketButton(
    ticket_id: String,
    on_done: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let action = ServerAction::<CancelTicket>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = action.value().get() {
            on_done();
        }
    });
    view! {
        {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
        <button
            type="button"
            class="button"
            disabled=move || action.pending().get()
            on:click=move |_| { action.dispatch(CancelTicket { ticket_id: ticket_id.clone() }); }
        >
            <Tr s=|t| t.cancel_ticket/>
        </button>
    }
}
