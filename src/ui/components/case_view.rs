//! A connection case as customers and staff read it: facts, the stage timeline with each limit,
//! due date and result, documents, and the history.

use crate::api::connections::{CaseDetail, CaseSummary};
use crate::domain::application::{Capacity, SupplyVoltage};
use crate::ui::components::data::{Cell, DataTable, Facts};
use crate::ui::i18n::{Text, use_i18n};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The state of a case as a badge (late cases say so in words).
pub fn case_badge(t: &Text, summary: &CaseSummary) -> Cell {
    let class = match (summary.late, summary.state.as_str()) {
        (true, _) => "badge badge-overdue",
        (_, "completed") => "badge badge-paid",
        (_, "waiting_on_customer") => "badge badge-due",
        _ => "badge",
    };
    let state = t.case_state(&summary.state).to_string();
    Cell::Badge(
        class,
        if summary.late {
            format!("{state} · {}", t.late)
        } else {
            state
        },
    )
}

/// Everything about a case; `staff` shows the notes only staff see, marked as such.
#[component]
pub fn CaseBody(case: CaseDetail, staff: bool) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = i18n.t();
        let c = case.clone();
        let s = c.summary.clone();
        let voltage = SupplyVoltage::from_stored(&c.supply_voltage)
            .map_or(c.supply_voltage.clone(), |v| v.label().to_string());
        let day = |d: Option<NaiveDate>| Cell::Text(d.map(|d| t.date(d)).unwrap_or_default());
        let current = c
            .timeline
            .iter()
            .position(|st| st.started_on.is_some() && st.done_on.is_none());
        let stages = c
            .timeline
            .iter()
            .map(|st| {
                let result = match (st.on_time, st.done_on, st.started_on) {
                    (Some(true), _, _) => t.on_time,
                    (Some(false), _, _) => t.late,
                    (None, None, Some(_)) => t.in_progress,
                    (None, Some(_), _) => "",
                    (None, None, None) => t.not_reached,
                };
                vec![
                    Cell::Text(t.stage(st.stage).into()),
                    Cell::Text(
                        st.limit_days
                            .map(|d| (t.working_days)(d))
                            .unwrap_or_default(),
                    ),
                    day(st.started_on),
                    day(st.due_on),
                    day(st.done_on),
                    Cell::Text(result.into()),
                ]
            })
            .collect();
        let documents = c
            .documents
            .iter()
            .map(|d| {
                view! {
                    <li>
                        <a href=format!("/api/documents/{}", d.id) download>{d.file_name.clone()}</a>
                        {format!(" · {} · {} KB", t.document_kind(&d.kind), (d.size_bytes + 999) / 1000)}
                    </li>
                }
            })
            .collect_view();
        let outstanding = (!c.documents_outstanding.is_empty()).then(|| {
            let names = c
                .documents_outstanding
                .iter()
                .map(|k| t.document_kind(k).to_string())
                .collect::<Vec<_>>()
                .join(", ");
            view! { <p><strong>{t.still_needed}{t.colon}</strong>{names}</p> }
        });
        let events = c
            .events
            .iter()
            .map(|e| {
                let who = match (e.by_staff, staff) {
                    (true, _) => t.by_utility,
                    (false, true) => t.by_customer,
                    (false, false) => t.by_you,
                };
                let private = if e.for_customer { String::new() } else { format!(" ({})", t.staff_note) };
                let line = format!("{} · {} · {who}{private}", t.date(e.on_day), t.case_action(&e.action));
                view! {
                    <li>
                        <strong>{line}</strong>
                        {(!e.note.is_empty()).then(|| view! { <p class="note">{e.note.clone()}</p> })}
                    </li>
                }
            })
            .collect_view();
        let facts = vec![
            (t.col_number, Cell::Mono(s.number.clone())),
            (t.status, case_badge(t, &s)),
            (t.col_stage, Cell::Text(t.stage(s.stage).into())),
            (t.col_kind, Cell::Text(t.request_kind(s.kind).into())),
            (
                t.field_category,
                Cell::Text(t.supply_category(s.category).into()),
            ),
            (t.premise, Cell::Text(s.premise_address.clone())),
            (
                t.capacity_label,
                Cell::Text(Capacity::from_centi(c.capacity_centi_kw).to_string()),
            ),
            (t.voltage_label, Cell::Text(voltage)),
            (t.accepted_on, Cell::Text(t.date(c.accepted_on))),
            (
                t.col_next_due,
                Cell::Text(s.next_due.map(|d| t.date(d)).unwrap_or_else(|| "—".into())),
            ),
            (
                t.all_stages,
                Cell::Text(format!(
                    "{} · {} {}",
                    (t.used_of)(c.utility_days_used, c.total_limit_days),
                    t.col_due,
                    t.date(c.overall_due)
                )),
            ),
        ];
        view! {
            <section class="card" aria-label=t.col_number>
                <Facts facts/>
            </section>
            <section aria-labelledby="progress-heading">
                <h2 id="progress-heading">{t.progress}</h2>
                <DataTable
                    headings=vec![(t.col_stage, false), (t.col_limit, false), (t.col_started, false), (t.col_due, false), (t.col_done, false), (t.col_result, false)]
                    rows=stages
                    current_row=current.unwrap_or(usize::MAX)
                />
            </section>
            <section aria-labelledby="documents-heading">
                <h2 id="documents-heading">{t.documents_title}</h2>
                <ul class="plain-list">{documents}</ul>
                {outstanding}
            </section>
            <section aria-labelledby="history-heading">
                <h2 id="history-heading">{t.history}</h2>
                <ul class="plain-list history">{events}</ul>
            </section>
        }
        .into_any()
    }
}
