//! Staff console: the repair ticket queue (nearest promise first, missed ones marked), one
//! ticket with the moves that are legal from where it stands, and the outage notices.

use crate::api::pages::Page;
use crate::api::repairs::{ActOnTicket, GetTicket, ListOutages, SaveOutage, TicketQueue};
use crate::domain::local_time::UTILITY_OFFSET_SECS;
use crate::domain::repair::{OutageKind, OutagePhase, TicketAction};
use crate::ui::components::choice::{InputField, SelectField};
use crate::ui::components::guard::{DynamicHeading, PageHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Load, Write, loaded, loaded_in_place};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::pages::outages::OutageList;
use crate::ui::pages::repairs::{TicketBody, TicketTable};
use crate::ui::router::use_params_map;
use leptos::prelude::*;

/// `/staff/tickets`.
#[component]
pub fn TicketQueuePage() -> impl IntoView {
    view! { <RequireSignIn><TicketQueue/></RequireSignIn> }
}

#[component]
fn TicketQueue() -> impl IntoView {
    let tickets = Load::ask(|| TicketQueue {});
    view! {
        <PageHeading text=|l| Text::of(l).ticket_queue_title/>
        <p><a href=Page::StaffOutages.href()><Tr s=|l| Text::of(l).outages_title/></a></p>
        {loaded(tickets, move |answer| match answer {
            list if list.is_empty() => view! { <p><Tr s=|l| Text::of(l).no_open_tickets/></p> }.into_any(),
            list => view! { <TicketTable tickets=list link=Page::StaffTicket/> }.into_any(),
        })}
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
    let ticket = Load::ask(move || GetTicket { ticket_id: id() });
    let outages = Load::ask(|| ListOutages {});
    let action = Write::new();
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
            Text::of(i18n.lang()).fault_kind(d.summary.kind),
            d.summary.number
        ),
        _ => Text::of(i18n.lang()).ticket_queue_title.to_string(),
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
                    format!("{} · {}", Text::of(i18n.lang()).outage_kind(o.kind), o.area),
                )
            })
            .collect(),
        _ => Vec::new(),
    });
    let buttons = move || {
        let t = Text::of(i18n.lang());
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
        <p><a href=Page::StaffTickets.href()><Tr s=|l| Text::of(l).ticket_queue_title/></a></p>
        <section class="card" aria-labelledby="ticket-actions-heading">
            <h2 id="ticket-actions-heading"><Tr s=|l| Text::of(l).field_action/></h2>
            {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
            <InputField id="ticket-crew" label=|l| Text::of(l).field_crew value=crew error=field_error(crate::domain::Field::Crew)/>
            <InputField id="ticket-eta" label=|l| Text::of(l).field_eta value=eta inputmode="numeric" error=field_error(crate::domain::Field::Eta)/>
            <SelectField id="ticket-outage" label=|l| Text::of(l).field_outage value=outage options=outage_options error=field_error(crate::domain::Field::OutageId)/>
            <div class="field">
                <label for="ticket-note"><Tr s=|l| Text::of(l).note_label/></label>
                <textarea id="ticket-note" rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </div>
            <div class="wizard-buttons">{buttons}</div>
        </section>
        {loaded_in_place(ticket, move |d| view! { <TicketBody ticket=d on_change=move || ticket.refetch()/> }.into_any())}
    }
}

/// `/staff/outages`.
#[component]
pub fn StaffOutagesPage() -> impl IntoView {
    view! { <RequireSignIn><StaffOutages/></RequireSignIn> }
}

/// A unix instant as the local `YYYY-MM-DDTHH:MM` a datetime-local input holds.
fn local_input(unix: i64) -> String {
    use chrono::{Datelike, Timelike};
    // Written out rather than `format("%Y-…")`, which brings chrono's formatter into the client.
    chrono::DateTime::from_timestamp(unix + UTILITY_OFFSET_SECS, 0)
        .map(|t| {
            format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}",
                t.year(),
                t.month(),
                t.day(),
                t.hour(),
                t.minute()
            )
        })
        .unwrap_or_default()
}

#[component]
fn StaffOutages() -> impl IntoView {
    let i18n = use_i18n();
    let outages = Load::ask(|| ListOutages {});
    let save = Write::new();
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
        let t = Text::of(i18n.lang());
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
        let t = Text::of(i18n.lang());
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
        <PageHeading text=|l| Text::of(l).outages_title/>
        <p><a href=Page::StaffTickets.href()><Tr s=|l| Text::of(l).ticket_queue_title/></a></p>
        <form class="card" on:submit=publish novalidate aria-labelledby="new-notice-heading">
            <h2 id="new-notice-heading">{move || if editing.with(Option::is_some) { Text::of(i18n.lang()).edit_notice } else { Text::of(i18n.lang()).new_notice }}</h2>
            {move || save.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
            <SelectField id="notice-kind" label=|l| Text::of(l).field_kind value=kind options=kinds error=field_error(crate::domain::Field::Kind)/>
            <InputField id="notice-area" label=|l| Text::of(l).field_area value=area error=field_error(crate::domain::Field::Area)/>
            <InputField id="notice-starts" label=|l| Text::of(l).field_starts_at value=starts input_type="datetime-local" error=field_error(crate::domain::Field::StartsAt)/>
            <InputField id="notice-ends" label=|l| Text::of(l).field_expected_end value=ends input_type="datetime-local" error=field_error(crate::domain::Field::EndsAt)/>
            <InputField id="notice-reason" label=|l| Text::of(l).field_reason value=reason error=field_error(crate::domain::Field::Reason)/>
            <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                {move || if editing.with(Option::is_some) { Text::of(i18n.lang()).save_notice } else { Text::of(i18n.lang()).publish_notice }}
            </button>
        </form>
        <div class="wizard-buttons">{end_buttons}</div>
        {loaded(outages, move |answer| match answer {
            list if list.is_empty() => view! { <p><Tr s=|l| Text::of(l).no_outages/></p> }.into_any(),
            list => view! { <OutageList outages=list/> }.into_any(),
        })}
    }
}

crate::ui::i18n::strings! {
    field_outage: &'static str = "Outage", "停电事件";
    ticket_queue_title: &'static str = "Repair tickets", "抢修工单";
    no_open_tickets: &'static str = "No open tickets.", "没有待处理的工单。";
    act_dispatch: &'static str = "Dispatch", "派工";
    act_depart: &'static str = "Crew set out", "出发";
    act_arrive: &'static str = "Crew on site", "到达现场";
    act_restore: &'static str = "Power restored", "恢复送电";
    act_close: &'static str = "Close ticket", "结单";
    act_merge: &'static str = "Merge into outage", "并入停电事件";
    publish_notice: &'static str = "Publish notice", "发布停电信息";
    new_notice: &'static str = "New outage notice", "新建停电信息";
    mark_power_back: &'static str = "Mark power back", "标记已恢复";
    edit_notice: &'static str = "Edit notice", "修改公告";
    save_notice: &'static str = "Save changes", "保存修改";
}
