//! Staff console: feedback cases by nearest reply deadline, and one case with its deadlines,
//! history and the staff moves (log the contact, reply, close).

use crate::api::feedback::{ActOnFeedback, feedback_queue, get_feedback};
use crate::ui::components::feedback_view::{FeedbackCaseView, FeedbackTable};
use crate::ui::components::guard::{DynamicHeading, PageHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Loading};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/staff/feedback`.
#[component]
pub fn FeedbackQueuePage() -> impl IntoView {
    view! { <RequireSignIn><Queue/></RequireSignIn> }
}

#[component]
fn Queue() -> impl IntoView {
    let cases = LocalResource::new(feedback_queue);
    view! {
        <PageHeading text=|t| t.feedback_queue_title/>
        <Suspense fallback=Loading>
            {move || cases.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p><Tr s=|t| t.no_open_feedback/></p> }.into_any(),
                Ok(list) => view! { <FeedbackTable cases=list link_base="/staff/feedback"/> }.into_any(),
                Err(error) => view! { <ErrorMessage error retry=move |_| cases.refetch()/> }.into_any(),
            })}
        </Suspense>
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
    let case = LocalResource::new(move || get_feedback(id()));
    let action = ServerAction::<ActOnFeedback>::new();
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
            i18n.t().feedback_kind(c.summary.kind),
            c.summary.number
        ),
        _ => i18n.t().feedback_queue_title.to_string(),
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
        <p><a href="/staff/feedback"><Tr s=|t| t.feedback_queue_title/></a></p>
        <section class="card" aria-labelledby="feedback-actions-heading">
            <h2 id="feedback-actions-heading"><Tr s=|t| t.field_action/></h2>
            {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
            <div class="field">
                <label for="feedback-note"><Tr s=|t| t.reply_label/></label>
                <textarea id="feedback-note" rows="3" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </div>
            <div class="wizard-buttons">
                <button type="button" class="button" disabled=move || action.pending().get() on:click=move |_| act("log_contact")><Tr s=|t| t.act_log_contact/></button>
                <button type="button" class="button button-primary" disabled=move || action.pending().get() on:click=move |_| act("reply")><Tr s=|t| t.act_reply/></button>
                <button type="button" class="button" disabled=move || action.pending().get() on:click=move |_| act("close")><Tr s=|t| t.act_close_case/></button>
            </div>
        </section>
        <Suspense fallback=Loading>
            {move || case.get().map(|result| match result {
                Ok(case) => view! { <FeedbackCaseView case/> }.into_any(),
                Err(error) => view! { <ErrorMessage error retry=move |_| case.refetch()/> }.into_any(),
            })}
        </Suspense>
    }
}
