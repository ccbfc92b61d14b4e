//! Feedback cases as both sides read them: each deadline with its countdown, the list of cases,
//! and one case's facts, attachments and history.

use crate::api::feedback::{DeadlineView, FeedbackDetail, FeedbackSummary};
use crate::ui::components::data::{Cell, DataTable, Facts};
use crate::ui::i18n::{Text, use_i18n};
use leptos::prelude::*;

/// A deadline as a cell: the day and the days left, then when it was met, marked late once
/// missed.
pub fn deadline_cell(t: &Text, d: Option<DeadlineView>) -> Cell {
    let Some(d) = d else {
        return Cell::Text("—".into());
    };
    let due = t.date(d.due);
    let text = match d.done_on {
        Some(done) => (t.deadline_done)(&due, &t.date(done)),
        None if d.late => due,
        None => (t.deadline_running)(&due, d.days_left),
    };
    if d.late {
        Cell::Badge("badge badge-overdue", format!("{text} · {}", t.late))
    } else if d.done_on.is_some() {
        Cell::Badge("badge badge-paid", text)
    } else {
        Cell::Text(text)
    }
}

/// Cases as a table linking each number to `link_base/ID`.
#[component]
pub fn FeedbackTable(cases: Vec<FeedbackSummary>, link_base: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = i18n.t();
        let rows = cases
            .iter()
            .map(|c| {
                vec![
                    Cell::Link {
                        href: format!("{link_base}/{}", c.id),
                        text: c.number.clone(),
                        hidden: String::new(),
                    },
                    Cell::Text(format!(
                        "{} · {}",
                        t.feedback_kind(c.kind),
                        t.topic(&c.topic)
                    )),
                    Cell::Text(t.feedback_state(c.state).into()),
                    deadline_cell(t, c.contact),
                    deadline_cell(t, c.reply),
                ]
            })
            .collect();
        view! {
            <DataTable
                headings=vec![(t.col_number, false), (t.col_kind, false), (t.status, false), (t.contact_due, false), (t.reply_due, false)]
                rows
                cards=true
            />
        }
        .into_any()
    }
}

/// One case: its facts with both countdowns, what the customer wrote and attached, the reply,
/// and the history of every round.
#[component]
pub fn FeedbackCaseView(case: FeedbackDetail) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = i18n.t();
        let c = &case;
        let s = &c.summary;
        let mut facts = vec![
            (t.col_number, Cell::Mono(s.number.clone())),
            (t.status, Cell::Text(t.feedback_state(s.state).into())),
            (
                t.col_kind,
                Cell::Text(format!(
                    "{} · {}",
                    t.feedback_kind(s.kind),
                    t.topic(&s.topic)
                )),
            ),
            (t.received_label, Cell::Text((t.time)(s.received_at))),
        ];
        if s.round > 1 {
            facts.push((t.round_label, Cell::Text((t.reopened_round)(s.round))));
        }
        if s.contact.is_some() {
            facts.push((t.contact_due, deadline_cell(t, s.contact)));
            facts.push((t.reply_due, deadline_cell(t, s.reply)));
        }
        facts.push((t.field_feedback_text, Cell::Text(c.body.clone())));
        for d in &c.attachments {
            facts.push((
                t.attachments_label,
                Cell::Download(format!("/api/documents/{}", d.id), d.file_name.clone()),
            ));
        }
        let reply = if c.reply_text.is_empty() {
            t.no_reply_yet.to_string()
        } else {
            c.reply_text.clone()
        };
        let history = c
            .events
            .iter()
            .map(|e| {
                view! {
                    <li>
                        <strong>{format!("{} · {}", (t.time)(e.at), t.feedback_action(&e.action))}</strong>
                        {(!e.note.is_empty()).then(|| view! { <p class="note">{e.note.clone()}</p> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-label=t.col_number><Facts facts/></section>
            <section class="card" aria-labelledby="reply-heading">
                <h2 id="reply-heading">{t.our_reply}</h2>
                <p class="note">{reply}</p>
            </section>
            <section aria-labelledby="history-heading">
                <h2 id="history-heading">{t.history}</h2>
                <ul class="plain-list history">{history}</ul>
            </section>
        }
        .into_any()
    }
}
