//! Staff console: the repair ticket queue (nearest promise first, missed ones marked), one
//! ticket with the moves that are legal from where it stands, and the outage notices.

use crate::api::repairs::{ActOnTicket, SaveOutage, get_ticket, list_outages, ticket_queue};
use crate::domain::repair::{OutageKind, OutagePhase, TicketAction, UTILITY_OFFSET_SECS};
use crate::ui::components::choice::{InputField, SelectField};
use crate::ui::components::guard::{DynamicHeading, PageHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Loading};
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::pages::outages::OutageList;
use crate::ui::pages::repairs::{TicketBody, TicketTable};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/staff/tickets`.
#[component]
pub fn TicketQueuePage() -> impl IntoView {
    view! { <RequireSignIn><TicketQueue/></RequireSignIn> }
}

#[component]
fn TicketQueue() -> impl IntoView {
    let tickets = LocalResource::new(ticket_queue);
    view! {
        <PageHeading text=|t| t.ticket_queue_title/>
        <p><a href="/staff/outages"><Tr s=|t| t.outages_title/></a></p>
        <Suspense fallback=Loading>
            {move || tickets.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p><Tr s=|t| t.no_open_tickets/></p> }.into_any(),
                Ok(list) => view! { <TicketTable tickets=list link_base="/staff/tickets"/> }.into_any(),
                Err(error) => view! { <ErrorMessage error retry=move |_| tickets.refetch()/> }.into_any(),
            })}
        </Suspense>
    }
}

/// `/staff/tickets/:id`.
#[component]
pub fn StaffTicketPage() -> impl IntoView {
    view! { <RequireSignIn><StaffTicket/></RequireSignIn> }
}

/// The label of the button for each staff move.
fn action_label(t: &Text, a: TicketAction) -> &'static str {
    match a {
        TicketAction::Dispatch => t.act_dispatch,
        TicketAction::Depart => t.act_depart,
        TicketAction::Arrive => t.act_arrive,
        TicketAction::Restore => t.act_restore,
        TicketAction::Close => t.act_close,
        TicketAction::Merge => t.act_merge,
        TicketAction::Cancel => t.cancel_ticket,
    }
}

#[component]
fn StaffTicket() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let ticket = LocalResource::new(move || get_ticket(id()));
    let outages = LocalResource::new(list_outages);
    let action = ServerAction::<ActOnTicket>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = action.value().get() {
            ticket.refetch();
        }
    });
    let crew = RwSignal::new(String::new());
    let eta = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let outage = RwSignal::new(String::new());
    let heading = move || match ticket.get() {
        Some(Ok(d)) => format!(
            "{} {}",
            i18n.t().fault_kind(d.summary.kind),
            d.summary.number
        ),
        _ => i18n.t().ticket_queue_title.to_string(),
    };
    let state = move || ticket.get().and_then(Result::ok).map(|d| d.summary.state);
    let error = move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .and_then(|e| e.field_error())
    };
    let outage_options = Signal::derive(move || match outages.get() {
        Some(Ok(list)) => list
            .into_iter()
            .filter(|o| o.phase != OutagePhase::Ended)
            .map(|o| {
                (
                    o.id.to_string(),
                    format!("{} · {}", i18n.t().outage_kind(o.kind), o.area),
                )
            })
            .collect(),
        _ => Vec::new(),
    });
    let buttons = move || {
        let t = i18n.t();
        let Some(s) = state() else {
            return Vec::new();
        };
        TicketAction::ALL
            .into_iter()
            .filter(|a| *a != TicketAction::Cancel && s.after(*a).is_ok())
            .map(|a| {
                view! {
                    <button
                        type="button"
                        class="button"
                        disabled=move || action.pending().get()
                        on:click=move |_| {
                            action.dispatch(ActOnTicket {
                                ticket_id: id(),
                                action: a.as_str().to_string(),
                                crew: crew.get_untracked(),
                                eta_minutes: eta.get_untracked(),
                                outage_id: outage.get_untracked(),
                                note: note.get_untracked(),
                            });
                        }
                    >
                        {action_label(t, a)}
                    </button>
                }
            })
            .collect::<Vec<_>>()
    };
    let field_error = move |field: crate::domain::Field| {
        Signal::derive(move || error().filter(|e| e.field == field))
    };
    view! {
        <DynamicHeading text=Signal::derive(heading)/>
        <p><a href="/staff/tickets"><Tr s=|t| t.ticket_queue_title/></a></p>
        <section class="card" aria-labelledby="ticket-actions-heading">
            <h2 id="ticket-actions-heading"><Tr s=|t| t.field_action/></h2>
            {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
            <InputField id="ticket-crew" label=|t| t.field_crew value=crew error=field_error(crate::domain::Field::Crew)/>
            <InputField id="ticket-eta" label=|t| t.field_eta value=eta inputmode="numeric" error=field_error(crate::domain::Field::Eta)/>
            <SelectField id="ticket-outage" label=|t| t.field_outage value=outage options=outage_options error=field_error(crate::domain::Field::OutageId)/>
            <div class="field">
                <label for="ticket-note"><Tr s=|t| t.note_label/></label>
                <textarea id="ticket-note" rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </div>
            <div class="wizard-buttons">{buttons}</div>
        </section>
        <Transition fallback=Loading>
            {move || ticket.get().map(|result| match result {
                Ok(d) => view! { <TicketBody ticket=d on_change=move || ticket.refetch()/> }.into_any(),
                Err(error) => view! { <ErrorMessage error retry=move |_| ticket.refetch()/> }.into_any(),
            })}
        </Transition>
    }
}

/// `/staff/outages`.
#[component]
pub fn StaffOutagesPage() -> impl IntoView {
    view! { <RequireSignIn><StaffOutages/></RequireSignIn> }
}

/// A unix instant as the local `YYYY-MM-DDTHH:MM` a datetime-local input holds.
fn local_input(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix + UTILITY_OFFSET_SECS, 0)
        .map(|t| t.naive_utc().format("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

#[component]
fn StaffOutages() -> impl IntoView {
    let i18n = use_i18n();
    let outages = LocalResource::new(list_outages);
    let save = ServerAction::<SaveOutage>::new();
    let kind = RwSignal::new(String::new());
    let area = RwSignal::new(String::new());
    let starts = RwSignal::new(String::new());
    let ends = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    // The notice being changed, if the form edits one rather than publishing a new one.
    let editing: RwSignal<Option<String>> = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            editing.set(None);
            for field in [kind, area, starts, ends, reason] {
                field.set(String::new());
            }
            outages.refetch();
        }
    });
    let kinds = Signal::derive(move || {
        let t = i18n.t();
        OutageKind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), t.outage_kind(*k).to_string()))
            .collect()
    });
    let field_error = move |field: crate::domain::Field| {
        Signal::derive(move || {
            save.value()
                .get()
                .and_then(Result::err)
                .and_then(|e| e.field_error())
                .filter(|e| e.field == field)
        })
    };
    let publish = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(SaveOutage {
            outage_id: editing.get_untracked().unwrap_or_default(),
            kind: kind.get_untracked(),
            area: area.get_untracked(),
            starts_at: starts.get_untracked(),
            expected_end: ends.get_untracked(),
            reason: reason.get_untracked(),
            ended: "false".into(),
        });
    };
    let end_buttons = move || {
        let t = i18n.t();
        outages
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|o| o.phase != OutagePhase::Ended)
            .map(|o| {
                let end_label = format!("{} · {}", t.mark_power_back, o.area);
                let edit_label = format!("{} · {}", t.edit_notice, o.area);
                let current = o.phase == OutagePhase::Current;
                let edit = o.clone();
                view! {
                    <button type="button" class="button" on:click=move |_| {
                        kind.set(edit.kind.as_str().to_string());
                        area.set(edit.area.clone());
                        starts.set(local_input(edit.starts_at));
                        ends.set(local_input(edit.expected_end));
                        reason.set(edit.reason.clone());
                        editing.set(Some(edit.id.to_string()));
                    }>{edit_label}</button>
                    {current.then(|| view! {
                        <button type="button" class="button" disabled=move || save.pending().get() on:click=move |_| {
                            save.dispatch(SaveOutage {
                                outage_id: o.id.to_string(),
                                kind: o.kind.as_str().to_string(),
                                area: o.area.clone(),
                                starts_at: local_input(o.starts_at),
                                expected_end: local_input(o.expected_end),
                                reason: o.reason.clone(),
                                ended: "true".into(),
                            });
                        }>{end_label.clone()}</button>
                    })}
                }
            })
            .collect_view()
    };
    view! {
        <PageHeading text=|t| t.outages_title/>
        <p><a href="/staff/tickets"><Tr s=|t| t.ticket_queue_title/></a></p>
        <form class="card" on:submit=publish novalidate aria-labelledby="new-notice-heading">
            <h2 id="new-notice-heading">{move || if editing.with(Option::is_some) { i18n.t().edit_notice } else { i18n.t().new_notice }}</h2>
            {move || save.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
            <SelectField id="notice-kind" label=|t| t.field_kind value=kind options=kinds error=field_error(crate::domain::Field::Kind)/>
            <InputField id="notice-area" label=|t| t.field_area value=area error=field_error(crate::domain::Field::Area)/>
            <InputField id="notice-starts" label=|t| t.field_starts_at value=starts input_type="datetime-local" error=field_error(crate::domain::Field::StartsAt)/>
            <InputField id="notice-ends" label=|t| t.field_expected_end value=ends input_type="datetime-local" error=field_error(crate::domain::Field::EndsAt)/>
            <InputField id="notice-reason" label=|t| t.field_reason value=reason error=field_error(crate::domain::Field::Reason)/>
            <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                {move || if editing.with(Option::is_some) { i18n.t().save_notice } else { i18n.t().publish_notice }}
            </button>
        </form>
        <div class="wizard-buttons">{end_buttons}</div>
        <Suspense fallback=Loading>
            {move || outages.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p><Tr s=|t| t.no_outages/></p> }.into_any(),
                Ok(list) => view! { <OutageList outages=list/> }.into_any(),
                Err(error) => view! { <ErrorMessage error retry=move |_| outages.refetch()/> }.into_any(),
            })}
        </Suspense>
    }
}
