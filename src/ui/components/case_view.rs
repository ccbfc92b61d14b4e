//! A connection case as customers and staff read it: facts, the stage timeline with each limit,
//! due date and result, documents, and the history.

use crate::api::connections::{CaseDetail, CaseSummary};
use crate::domain::application::{Capacity, SupplyVoltage};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// The state of a case as a badge (late cases say so in words).
#[component]
pub fn CaseBadge(summary: CaseSummary) -> impl IntoView {
    let i18n = use_i18n();
    let class = match (summary.late, summary.state.as_str()) {
        (true, _) => "badge badge-overdue",
        (_, "completed") => "badge badge-paid",
        (_, "waiting_on_customer") => "badge badge-due",
        _ => "badge",
    };
    view! {
        <span class=class>
            {move || {
                let t = i18n.t();
                let state = t.case_state(&summary.state).to_string();
                if summary.late { format!("{state} · {}", t.late) } else { state }
            }}
        </span>
    }
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
                let current = st.started_on.is_some() && st.done_on.is_none();
                view! {
                    <tr aria-current=current.then_some("step")>
                        <th scope="row">{t.stage(st.stage)}</th>
                        <td>{st.limit_days.map(|d| (t.working_days)(d)).unwrap_or_default()}</td>
                        <td>{st.started_on.map(|d| t.date(d)).unwrap_or_default()}</td>
                        <td>{st.due_on.map(|d| t.date(d)).unwrap_or_default()}</td>
                        <td>{st.done_on.map(|d| t.date(d)).unwrap_or_default()}</td>
                        <td>{result}</td>
                    </tr>
                }
            })
            .collect_view();
        let documents = c.documents.iter().map(|d| view! {
            <li>
                <a href=format!("/api/documents/{}", d.id) download>{d.file_name.clone()}</a>
                {format!(" · {} · {:.0} KB", t.document_kind(&d.kind), d.size_bytes as f64 / 1000.0)}
            </li>
        }).collect_view();
        let outstanding = (!c.documents_outstanding.is_empty()).then(|| {
            let names = c
                .documents_outstanding
                .iter()
                .map(|k| t.document_kind(k).to_string())
                .collect::<Vec<_>>()
                .join(", ");
            view! { <p><strong>{t.still_needed}{t.colon}</strong>{names}</p> }
        });
        let events = c.events.iter().map(|e| {
            let who = match (e.by_staff, staff) {
                (true, _) => t.by_utility,
                (false, true) => t.by_customer,
                (false, false) => t.by_you,
            };
            let private = (!e.for_customer).then(|| view! { " " <span class="badge">{t.staff_note}</span> });
            view! {
                <li>
                    <strong>{t.date(e.on_day)}</strong>" · "{t.case_action(&e.action).to_string()}" · "{who}
                    {private}
                    {(!e.note.is_empty()).then(|| view! { <p class="note">{e.note.clone()}</p> })}
                </li>
            }
        }).collect_view();
        view! {
            <section class="card" aria-labelledby="case-facts">
                <h2 id="case-facts" class="visually-hidden">{t.col_number}</h2>
                <dl class="facts">
                    <div><dt>{t.col_number}</dt><dd class="mono">{s.number.clone()}</dd></div>
                    <div><dt>{t.status}</dt><dd><CaseBadge summary=s.clone()/></dd></div>
                    <div><dt>{t.col_stage}</dt><dd>{t.stage(s.stage)}</dd></div>
                    <div><dt>{t.col_kind}</dt><dd>{t.request_kind(s.kind)}</dd></div>
                    <div><dt>{t.field_category}</dt><dd>{t.supply_category(s.category)}</dd></div>
                    <div><dt>{t.premise}</dt><dd>{s.premise_address.clone()}</dd></div>
                    <div><dt>{t.capacity_label}</dt><dd>{Capacity::from_centi(c.capacity_centi_kw).to_string()}</dd></div>
                    <div><dt>{t.voltage_label}</dt><dd>{voltage}</dd></div>
                    <div><dt>{t.accepted_on}</dt><dd>{t.date(c.accepted_on)}</dd></div>
                    <div><dt>{t.col_next_due}</dt><dd>{s.next_due.map(|d| t.date(d)).unwrap_or_else(|| "—".into())}</dd></div>
                    <div><dt>{t.all_stages}</dt><dd>{format!("{} · {} {}", (t.used_of)(c.utility_days_used, c.total_limit_days), t.col_due, t.date(c.overall_due))}</dd></div>
                </dl>
            </section>
            <section aria-labelledby="progress-heading">
                <h2 id="progress-heading">{t.progress}</h2>
                <div class="table-wrap">
                    <table class="timeline">
                        <thead><tr>
                            <th scope="col">{t.col_stage}</th>
                            <th scope="col">{t.col_limit}</th>
                            <th scope="col">{t.col_started}</th>
                            <th scope="col">{t.col_due}</th>
                            <th scope="col">{t.col_done}</th>
                            <th scope="col">{t.col_result}</th>
                        </tr></thead>
                        <tbody>{stages}</tbody>
                    </table>
                </div>
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
