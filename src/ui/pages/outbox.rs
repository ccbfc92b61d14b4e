//! Staff console: the outbox, what was sent, what waits for another try and what failed, with
//! "Send again" for a message that did not go.

use crate::api::notifications::{Outbox, OutboxMessage, SendAgain};
use crate::domain::notify::Channel;
use crate::ui::components::guard::{PageHeading, RequireSignIn};
use crate::ui::components::status::{Load, Write, loaded_in_place};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// `/staff/outbox`.
#[component]
pub fn OutboxPage() -> impl IntoView {
    view! { <RequireSignIn><Outbox/></RequireSignIn> }
}

#[component]
fn Outbox() -> impl IntoView {
    let i18n = use_i18n();
    let filter = RwSignal::new(String::new());
    let list = Load::ask(move || Outbox {
        filter: filter.get(),
    });
    let options = move || {
        let t = Text::of(i18n.lang());
        [
            ("", t.all),
            ("waiting", t.waiting),
            ("sent", t.sent),
            ("failed", t.failed),
        ]
    };
    view! {
        <PageHeading text=|l| Text::of(l).title/>
        <div class="filters">
            <div class="field">
                <label for="outbox-filter"><Tr s=|l| Text::of(l).show/></label>
                <select id="outbox-filter" on:change=move |ev| filter.set(event_target_value(&ev))>
                    {move || options().into_iter().map(|(v, text)| view! { <option value=v>{text}</option> }).collect_view()}
                </select>
            </div>
        </div>
        {loaded_in_place(list, move |messages| {
            if messages.is_empty() {
                return view! { <p><Tr s=|l| Text::of(l).empty/></p> }.into_any();
            }
            view! {
                <table class="data-table">
                    <thead><tr>
                        <th scope="col"><Tr s=|l| Text::of(l).col_message/></th>
                        <th scope="col"><Tr s=|l| Text::of(l).col_to/></th>
                        <th scope="col"><Tr s=|l| Text::of(l).col_state/></th>
                        <th scope="col"><Tr s=|l| Text::of(l).col_tries/></th>
                    </tr></thead>
                    <tbody>
                        {messages.into_iter().map(|m| view! { <Row m on_sent=move || list.refetch()/> }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        })}
    }
}

#[component]
fn Row(m: OutboxMessage, on_sent: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let id = m.id;
    let may_resend = m.sent_at.is_none();
    let write = Write::new();
    let busy = write.pending();
    // The list is read again either way: it shows whether the message went.
    let again = move |_| {
        write.dispatch_then(
            SendAgain {
                message_id: id.to_string(),
            },
            move |_| on_sent(),
        )
    };
    let state = move || {
        let t = Text::of(i18n.lang());
        match (m.sent_at, m.failed_at) {
            (Some(at), _) => format!("{} {}", t.sent, (t.time)(at)),
            (None, Some(at)) => format!("{} {}", t.failed, (t.time)(at)),
            (None, None) if m.attempts > 0 => {
                format!("{} {}", t.retry_at, (t.time)(m.next_attempt_at))
            }
            (None, None) => t.waiting.to_string(),
        }
    };
    let channel = move || match m.channel {
        Channel::Sms => Text::of(i18n.lang()).sms,
        _ => Text::of(i18n.lang()).email,
    };
    let label = move || format!("{} {}", Text::of(i18n.lang()).send_again, id);
    view! {
        <tr>
            <td>{channel}" · "{m.subject.clone()}</td>
            <td>{m.recipient.clone()}</td>
            <td>{state}{(!m.last_error.is_empty()).then(|| view! { <br/><span class="muted">{m.last_error.clone()}</span> })}</td>
            <td>
                {m.attempts}
                {may_resend.then(|| view! {
                    " "<button type="button" class="button" aria-label=label disabled=move || busy.get() on:click=again>
                        <Tr s=|l| Text::of(l).send_again/>
                    </button>
                })}
            </td>
        </tr>
    }
}

crate::ui::i18n::strings! {
    title: &'static str = "Outbox", "发件箱";
    show: &'static str = "Show", "显示";
    all: &'static str = "All", "全部";
    waiting: &'static str = "Waiting", "待发送";
    sent: &'static str = "Sent", "已发送";
    failed: &'static str = "Failed", "发送失败";
    retry_at: &'static str = "Next try", "下次重试";
    empty: &'static str = "No messages.", "没有消息。";
    col_message: &'static str = "Message", "消息";
    col_to: &'static str = "To", "收件人";
    col_state: &'static str = "State", "状态";
    col_tries: &'static str = "Tries", "尝试次数";
    email: &'static str = "Email", "邮件";
    sms: &'static str = "Text", "短信";
    send_again: &'static str = "Send again", "重新发送";
}
