//! A connection case as customers and staff read it: facts, the stage timeline with each limit,
//! due date and result, documents, and the history.

use crate::api::connections::{CaseDetail, CaseSummary};
use crate::domain::application::{Capacity, SupplyVoltage};
use crate::ui::components::data::{Cell, DataTable, Facts};
use crate::ui::i18n::{Common, use_i18n};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The state of a case as a badge (late cases say so in words).
pub fn case_badge(t: &Common, summary: &CaseSummary) -> Cell {
    let t = Text::of(t.lang);
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
        let t = Text::of(i18n.lang());
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
                        <a href=crate::api::pages::FileAddress::Document(d.id).href() download>{d.file_name.clone()}</a>
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

crate::ui::i18n::strings! {
    on_time: &'static str = "On time", "按时";
    in_progress: &'static str = "In progress", "办理中";
    not_reached: &'static str = "Not reached", "未开始";
    state_in_progress: &'static str = "In progress", "办理中";
    state_waiting: &'static str = "Waiting for you", "待您补充";
    state_completed: &'static str = "Completed", "已完成";
    state_rejected: &'static str = "Rejected", "已驳回";
    state_cancelled: &'static str = "Cancelled", "已撤销";
    col_limit: &'static str = "Time limit", "时限";
    col_started: &'static str = "Started", "开始";
    col_result: &'static str = "Result", "结果";
    still_needed: &'static str = "Still needed", "尚需提供";
    by_utility: &'static str = "Utility", "供电公司";
    by_you: &'static str = "You", "您";
    by_customer: &'static str = "Customer", "客户";
    accepted_on: &'static str = "Accepted", "受理日期";
    all_stages: &'static str = "All utility stages", "供电企业各环节合计";
    staff_note: &'static str = "staff only", "仅内部可见";
    action_open: &'static str = "Application filed", "提交申请";
    action_advance: &'static str = "Stage finished", "环节完成";
    action_ask: &'static str = "Asked the customer", "要求补充";
    action_respond: &'static str = "Customer answered", "客户已补充";
    action_reject: &'static str = "Rejected", "驳回";
    action_cancel: &'static str = "Cancelled", "撤销";
    working_days: fn(u32) -> String =
        |n| {
            if n == 1 {
                "1 working day".into()
            } else {
                format!("{n} working days")
            }
        },
        |n| format!("{n} 个工作日");
    used_of: fn(u32, u32) -> String =
        |used, limit| format!("{used} of {limit} working days used"),
        |used, limit| format!("已用 {used} / {limit} 个工作日");
}

impl Text {
    /// A case state's name (stored names as the server sends them).
    pub fn case_state<'a>(&self, s: &'a str) -> &'a str {
        match s {
            "in_progress" => self.state_in_progress,
            "waiting_on_customer" => self.state_waiting,
            "completed" => self.state_completed,
            "rejected" => self.state_rejected,
            "cancelled" => self.state_cancelled,
            other => other,
        }
    }

    /// What happened in a case event (stored action names).
    pub fn case_action<'a>(&self, a: &'a str) -> &'a str {
        match a {
            "open" => self.action_open,
            "advance" => self.action_advance,
            "ask_customer" => self.action_ask,
            "customer_responded" => self.action_respond,
            "reject" => self.action_reject,
            "cancel" => self.action_cancel,
            other => other,
        }
    }
}
