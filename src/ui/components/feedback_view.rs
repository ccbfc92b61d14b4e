//! Feedback cases as both sides read them: each deadline with its countdown, the list of cases,
//! and one case's facts, attachments and history.

use crate::api::feedback::{DeadlineView, FeedbackDetail, FeedbackSummary};
use crate::api::pages::Page;
use crate::domain::RowId;
use crate::ui::components::data::{Cell, DataTable, Facts};
use crate::ui::i18n::use_i18n;
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

/// Cases as a table linking each number to `link(ID)`'s page.
#[component]
pub fn FeedbackTable(cases: Vec<FeedbackSummary>, link: fn(RowId) -> Page) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = Text::of(i18n.lang());
        let rows = cases
            .iter()
            .map(|c| {
                vec![
                    Cell::Link {
                        href: link(c.id).href(),
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
        let t = Text::of(i18n.lang());
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
                Cell::Download(
                    crate::api::pages::FileAddress::Document(d.id).href(),
                    d.file_name.clone(),
                ),
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

crate::ui::i18n::strings! {
    fb_open: &'static str = "Received", "已受理";
    fb_contacted: &'static str = "Customer contacted", "已联系客户";
    fb_answered: &'static str = "Answered", "已答复";
    fb_closed: &'static str = "Closed", "已办结";
    fb_filed: &'static str = "Filed", "已提交";
    fb_satisfied: &'static str = "Customer satisfied", "客户满意";
    fb_not_satisfied: &'static str = "Customer not satisfied: reopened", "客户不满意，重新办理";
    contact_due: &'static str = "Contact the customer by", "联系客户时限";
    reply_due: &'static str = "Reply by", "答复时限";
    received_label: &'static str = "Received", "受理时间";
    our_reply: &'static str = "Our reply", "答复内容";
    no_reply_yet: &'static str = "We have not replied yet.", "尚未答复。";
    attachments_label: &'static str = "Attachments", "附件";
    round_label: &'static str = "Round", "办理轮次";
    reopened_round: fn(i64) -> String =
        |n| {
            if n > 1 {
                format!("{n} (reopened)")
            } else {
                n.to_string()
            }
        },
        |n| {
            if n > 1 {
                format!("第 {n} 轮（重新办理）")
            } else {
                format!("第 {n} 轮")
            }
        };
    deadline_running: fn(&str, i64) -> String =
        |due, n| match n {
            0 => format!("{due} · due today"),
            1 => format!("{due} · 1 day left"),
            n => format!("{due} · {n} days left"),
        },
        |due, n| {
            if n == 0 {
                format!("{due} · 今天到期")
            } else {
                format!("{due} · 剩余 {n} 天")
            }
        };
    deadline_done: fn(&str, &str) -> String =
        |due, done| format!("{due} · done {done}"),
        |due, done| format!("{due} · {done}已完成");
}

impl Text {
    /// A feedback case's state.
    pub fn feedback_state(&self, s: crate::domain::feedback::FeedbackState) -> &'static str {
        match s {
            crate::domain::feedback::FeedbackState::Open => self.fb_open,
            crate::domain::feedback::FeedbackState::Contacted => self.fb_contacted,
            crate::domain::feedback::FeedbackState::Answered => self.fb_answered,
            crate::domain::feedback::FeedbackState::Closed => self.fb_closed,
        }
    }

    /// A feedback case's history entry (stored action name).
    pub fn feedback_action<'a>(&self, a: &'a str) -> &'a str {
        match a {
            "file" => self.fb_filed,
            "log_contact" => self.fb_contacted,
            "reply" => self.fb_answered,
            "close" => self.fb_closed,
            "satisfied" => self.fb_satisfied,
            "not_satisfied" => self.fb_not_satisfied,
            other => other,
        }
    }
}
