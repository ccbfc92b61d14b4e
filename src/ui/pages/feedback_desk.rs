//! Staff console: feedback cases by nearest reply deadline, and one case with its deadlines,
//! history and the staff moves (log the contact, reply, close).

use crate::api::feedback::{ActOnFeedback, FeedbackQueue, GetFeedback};
use crate::api::pages::Page;
use crate::ui::components::feedback_view::{FeedbackCaseView, FeedbackTable};
use crate::ui::components::guard::{DynamicHeading, PageHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Load, Write, loaded};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::router::use_params_map;
use leptos::prelude::*;

/// `/staff/feedback`.
#[component]
pub fn FeedbackQueuePage() -> impl IntoView {
    view! { <RequireSignIn><Queue/></RequireSignIn> }
}

#[component]
fn Queue() -> impl IntoView {
    let cases = Load::ask(|| FeedbackQueue {});
    view! {
        <PageHeading text=|l| Text::of(l).feedback_queue_title/>
        {loaded(cases, move |answer| match answer {
            list if list.is_empty() => view! { <p><Tr s=|l| Text::of(l).no_open_feedback/></p> }.into_any(),
            list => view! { <FeedbackTable cases=list link=Page::StaffFeedbackCase/> }.into_any(),
        })}
    }
}

/// `/staff/feedback/:id`.
#[component]
pub fn FeedbackCasePage() -> impl IntoView {
    view! { <RequireSignIn><Case/></RequireSignIn> }
}

#[component]
fn Case() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let case = Load::ask(move || GetFeedback { feedback_id: id() });
    let action = Write::new();
    let note = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(_)) = action.value().get() {
            note.set(String::new());
            case.refetch();
        }
    });
    let heading = move || match case.get() {
        Some(Ok(c)) => format!(
            "{} {}",
            Text::of(i18n.lang()).feedback_kind(c.summary.kind),
            c.summary.number
        ),
        _ => Text::of(i18n.lang()).feedback_queue_title.to_string(),
    };
    let act = move |what: &'static str| {
        action.dispatch(ActOnFeedback {
            feedback_id: id(),
            action: what.to_string(),
            note: note.get_untracked(),
        });
    };
    view! {
        <DynamicHeading text=Signal::derive(heading)/>
        <p><a href=Page::StaffFeedback.href()><Tr s=|l| Text::of(l).feedback_queue_title/></a></p>
        <section class="card" aria-labelledby="feedback-actions-heading">
            <h2 id="feedback-actions-heading"><Tr s=|l| Text::of(l).field_action/></h2>
            {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
            <div class="field">
                <label for="feedback-note"><Tr s=|l| Text::of(l).reply_label/></label>
                <textarea id="feedback-note" rows="3" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </div>
            <div class="wizard-buttons">
                <button type="button" class="button" disabled=move || action.pending().get() on:click=move |_| act("log_contact")><Tr s=|l| Text::of(l).act_log_contact/></button>
                <button type="button" class="button button-primary" disabled=move || action.pending().get() on:click=move |_| act("reply")><Tr s=|l| Text::of(l).act_reply/></button>
                <button type="button" class="button" disabled=move || action.pending().get() on:click=move |_| act("close")><Tr s=|l| Text::of(l).act_close_case/></button>
            </div>
        </section>
        {loaded(case, move |case| view! { <FeedbackCaseView case/> }.into_any())}
    }
}

crate::ui::i18n::strings! {
    feedback_queue_title: &'static str = "Feedback cases", "诉求工单";
    no_open_feedback: &'static str = "No cases to act on.", "没有待处理的诉求。";
    act_log_contact: &'static str = "Log the contact", "登记已联系";
    act_reply: &'static str = "Send reply", "答复客户";
    act_close_case: &'static str = "Close case", "办结";
    reply_label: &'static str = "Reply", "答复内容";
}
