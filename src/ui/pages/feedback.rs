//! Feedback for customers: my cases, giving feedback (a complaint, report, suggestion or praise,
//! with attachments), and one case with its deadlines, our reply and the customer's answer to it.

use crate::api::accounts::ListAccounts;
use crate::api::connections::CaseDocument;
use crate::api::feedback::{
    ConfirmFeedback, FeedbackDetail, FileFeedback, GetFeedback, MyFeedback,
};
use crate::api::pages::Page;
use crate::domain::feedback::{
    FeedbackKind, FeedbackState, JobKind, TOPICS, parse_feedback_text, parse_topic,
};
use crate::domain::{Field, FieldError};
use crate::ui::components::choice::{SelectField, TextAreaField, premises_to_file_for};
use crate::ui::components::feedback_view::{FeedbackCaseView, FeedbackTable};
use crate::ui::components::field::UploadField;
use crate::ui::components::guard::{DynamicHeading, PageHeading, RequireSignIn};
use crate::ui::components::rating::RatingCard;
use crate::ui::components::status::{ErrorMessage, Load, Write, loaded, loaded_in_place};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::router::{use_navigate, use_params_map, use_query_map};
use leptos::prelude::*;

/// At most this many files go with one case (the server refuses more).
const MAX_ATTACHMENTS: usize = 5;

/// `/feedback`.
#[component]
pub fn FeedbackListPage() -> impl IntoView {
    view! { <RequireSignIn><FeedbackList/></RequireSignIn> }
}

#[component]
fn FeedbackList() -> impl IntoView {
    let cases = Load::ask(|| MyFeedback {});
    view! {
        <PageHeading text=|l| Text::of(l).feedback_title/>
        <p class="muted"><Tr s=|l| Text::of(l).feedback_intro/></p>
        <p><a class="button button-primary" href=Page::GiveFeedback { about: None }.href()><Tr s=|l| Text::of(l).give_feedback/></a></p>
        {loaded(cases, move |answer| match answer {
            list if list.is_empty() => view! { <p><Tr s=|l| Text::of(l).no_feedback/></p> }.into_any(),
            list => view! { <FeedbackTable cases=list link=Page::FeedbackCase/> }.into_any(),
        })}
    }
}

/// `/feedback/new`, optionally `?job_kind=repair&job_id=12&number=BX-…` when it is about a job.
#[component]
pub fn NewFeedbackPage() -> impl IntoView {
    view! { <RequireSignIn><FeedbackForm/></RequireSignIn> }
}

#[derive(Clone, Copy)]
struct Answers {
    kind: RwSignal<String>,
    topic: RwSignal<String>,
    account: RwSignal<String>,
    body: RwSignal<String>,
    /// Uploaded files: id and name.
    files: RwSignal<Vec<(String, String)>>,
}

impl Answers {
    /// The refusals of the answers, by the domain's own parsers (the server checks again).
    fn problems(&self) -> Vec<FieldError> {
        [
            FeedbackKind::parse(&self.kind.get()).err(),
            parse_topic(&self.topic.get()).err(),
            parse_feedback_text(&self.body.get()).err(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

#[component]
fn FeedbackForm() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let job_kind = query.get("job_kind").and_then(|k| JobKind::from_stored(&k));
    let job_id = query.get("job_id").unwrap_or_default();
    let job_number = query.get("number").unwrap_or_default();
    let a = Answers {
        kind: RwSignal::new(String::new()),
        topic: RwSignal::new(String::new()),
        account: RwSignal::new(String::new()),
        body: RwSignal::new(String::new()),
        files: RwSignal::new(Vec::new()),
    };
    let tried = RwSignal::new(false);
    let shown = move |field: Field| {
        Signal::derive(move || {
            tried
                .get()
                .then(|| a.problems().into_iter().find(|e| e.field == field))?
        })
    };
    let accounts = Load::ask(|| ListAccounts {});
    let account_options = Signal::derive(move || match accounts.get() {
        Some(Ok(list)) => premises_to_file_for(&list),
        _ => Vec::new(),
    });
    let kinds = Signal::derive(move || {
        let t = Text::of(i18n.lang());
        FeedbackKind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), t.feedback_kind(*k).to_string()))
            .collect()
    });
    let topics = Signal::derive(move || {
        let t = Text::of(i18n.lang());
        TOPICS
            .iter()
            .map(|k| (k.to_string(), t.topic(k).to_string()))
            .collect()
    });
    let is_complaint = move || a.kind.with(|k| k == FeedbackKind::Complaint.as_str());
    let attachment_label =
        Signal::derive(move || Text::of(i18n.lang()).attachments_optional.to_string());
    let attached = Signal::derive(move || {
        a.files
            .with(|f| f.iter().map(|(_, name)| name.clone()).collect())
    });
    let attach = move |doc: CaseDocument| {
        a.files
            .update(|f| f.push((doc.id.to_string(), doc.file_name)));
        Ok(())
    };
    let key = crate::ui::browser::submission_key();
    let write = Write::new();
    let submit_error = move || write.value().get().and_then(Result::err);
    let submitting = write.pending();
    let navigate = use_navigate();
    let (about_kind, about_id) = (
        job_kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
        job_id.clone(),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if !a.problems().is_empty() {
            return;
        }
        let (key, navigate) = (key.clone(), navigate.clone());
        let (job_kind, job_id) = (about_kind.clone(), about_id.clone());
        let ids = a
            .files
            .with_untracked(|f| f.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>());
        let call = FileFeedback {
            kind: a.kind.get_untracked(),
            topic: a.topic.get_untracked(),
            account_id: a.account.get_untracked(),
            job_kind,
            job_id,
            body: a.body.get_untracked(),
            attachment_ids: ids.join(","),
            idempotency_key: key,
        };
        write.dispatch_then(call, move |r| {
            if let Ok(case) = r {
                navigate(&Page::FeedbackCase(case.id).href(), Default::default());
            }
        });
    };
    let about = job_kind.map(|kind| {
        move || {
            let t = Text::of(i18n.lang());
            format!(
                "{}{}{} {}",
                t.about_job,
                t.colon,
                t.job_kind(kind),
                job_number
            )
        }
    });
    view! {
        <PageHeading text=|l| Text::of(l).give_feedback/>
        <p class="muted"><Tr s=|l| Text::of(l).feedback_intro/></p>
        {about.map(|text| view! { <p class="card">{text}</p> })}
        <form on:submit=submit novalidate>
            <SelectField id="feedback-kind" label=|l| Text::of(l).field_feedback_kind value=a.kind options=kinds error=shown(Field::Kind)/>
            <Show when=is_complaint>
                <p class="hint"><Tr s=|l| Text::of(l).complaint_deadlines_help/></p>
            </Show>
            <SelectField id="feedback-topic" label=|l| Text::of(l).field_feedback_topic value=a.topic options=topics error=shown(Field::Topic)/>
            <SelectField id="feedback-account" label=|l| Text::of(l).field_feedback_account value=a.account options=account_options
                error=Signal::derive(|| None) required=false/>
            <TextAreaField id="feedback-text" label=|l| Text::of(l).field_feedback_text value=a.body error=shown(Field::Description) rows=5/>
            <p class="hint">
                <Tr s=|l| Text::of(l).feedback_text_hint/>" "
                {move || format!("({})", a.body.with(|b| b.trim().chars().count()))}
            </p>
            <UploadField id="feedback-files".to_string() label=attachment_label kind="other".to_string() kept=attached max=MAX_ATTACHMENTS keep=attach/>
            {move || submit_error().map(|error| view! { <ErrorMessage error/> })}
            <button type="submit" class="button button-primary" disabled=move || submitting.get()>
                {move || if submitting.get() { Text::of(i18n.lang()).submitting } else { Text::of(i18n.lang()).send_feedback }}
            </button>
        </form>
    }
}

/// `/feedback/:id`.
#[component]
pub fn FeedbackPage() -> impl IntoView {
    view! { <RequireSignIn><FeedbackCase/></RequireSignIn> }
}

#[component]
fn FeedbackCase() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let case = Load::ask(move || GetFeedback { feedback_id: id() });
    let heading = move || match case.get() {
        Some(Ok(c)) => format!(
            "{} {}",
            Text::of(i18n.lang()).feedback_kind(c.summary.kind),
            c.summary.number
        ),
        _ => Text::of(i18n.lang()).feedback_title.to_string(),
    };
    // What the customer's last answer did, said once the case has been read again.
    let answered = RwSignal::new(None::<FeedbackState>);
    let notice = move || {
        let t = Text::of(i18n.lang());
        answered.get().map(|s| match s {
            FeedbackState::Closed => t.confirm_closed,
            _ => t.confirm_reopened,
        })
    };
    let on_change = move |state| {
        answered.set(Some(state));
        case.refetch();
    };
    view! {
        <DynamicHeading text=Signal::derive(heading)/>
        <p><a href=Page::Feedback.href()><Tr s=|l| Text::of(l).feedback_title/></a></p>
        <p class="success" role="status">{notice}</p>
        {loaded_in_place(case, move |c| view! { <CaseBody case=c on_change/> }.into_any())}
    }
}

#[component]
fn CaseBody(
    case: FeedbackDetail,
    on_change: impl Fn(FeedbackState) + Send + Sync + 'static,
) -> impl IntoView {
    let s = &case.summary;
    let confirm = case
        .can_confirm
        .then(|| view! { <ConfirmForm feedback_id=s.id.to_string() on_done=on_change/> });
    let rateable = s.kind == FeedbackKind::Complaint
        && matches!(s.state, FeedbackState::Answered | FeedbackState::Closed);
    let rate = rateable.then(|| {
        view! { <RatingCard job_kind=JobKind::Complaint job_id=s.id existing=case.rating.clone()/> }
    });
    view! {
        {confirm}
        <FeedbackCaseView case=case.clone()/>
        {rate}
    }
}

/// The customer's answer to our reply: satisfied closes the case; not satisfied (with what is
/// still wrong) opens it again with fresh deadlines.
#[component]
fn ConfirmForm(
    feedback_id: String,
    on_done: impl Fn(FeedbackState) + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = Write::<crate::api::feedback::FeedbackSummary>::new();
    let satisfied = RwSignal::new(None::<bool>);
    let reason = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(case)) = action.value().get() {
            on_done(case.state);
        }
    });
    let refused = move |field: Field| {
        Signal::derive(move || match action.value().get() {
            Some(Err(crate::api::ApiError::Invalid(e))) if e.field == field => Some(e),
            _ => None,
        })
    };
    let other_error = move || match action.value().get() {
        Some(Err(crate::api::ApiError::Invalid(_))) | Some(Ok(_)) | None => None,
        Some(Err(e)) => Some(e),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(ConfirmFeedback {
            feedback_id: feedback_id.clone(),
            satisfied: satisfied
                .get_untracked()
                .map(|b| b.to_string())
                .unwrap_or_default(),
            reason: reason.get_untracked(),
        });
    };
    let choice = move |value: bool, text: fn(crate::ui::i18n::Lang) -> &'static str| {
        view! {
            <label class="radio">
                <input type="radio" name="satisfied" prop:checked=move || satisfied.get() == Some(value)
                    on:change=move |_| satisfied.set(Some(value))/>
                <Tr s=text/>
            </label>
        }
    };
    view! {
        <section class="card attention" aria-labelledby="confirm-heading">
            <h2 id="confirm-heading"><Tr s=|l| Text::of(l).confirm_title/></h2>
            <form on:submit=submit novalidate>
                <fieldset class="field" aria-describedby="confirm-satisfied-error">
                    <legend><Tr s=|l| Text::of(l).field_satisfied/></legend>
                    {choice(true, |l| Text::of(l).confirm_yes)}
                    {choice(false, |l| Text::of(l).confirm_no)}
                    <p class="field-error" id="confirm-satisfied-error">
                        {move || refused(Field::Satisfied).get().map(|e| Text::of(i18n.lang()).field_error(e))}
                    </p>
                </fieldset>
                <Show when=move || satisfied.get() == Some(false)>
                    <TextAreaField id="confirm-reason" label=|l| Text::of(l).confirm_reason value=reason error=refused(Field::Note) rows=3/>
                </Show>
                {move || other_error().map(|error| view! { <ErrorMessage error/> })}
                <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                    <Tr s=|l| Text::of(l).send_confirmation/>
                </button>
            </form>
        </section>
    }
}

crate::ui::i18n::strings! {
    feedback_title: &'static str = "My feedback", "我的投诉建议";
    give_feedback: &'static str = "Give feedback", "提交投诉建议";
    no_feedback: &'static str = "You have not sent us any feedback yet.", "您还没有提交过投诉或建议。";
    feedback_intro: &'static str =
        "Tell us about a problem, report misconduct, suggest an improvement or praise good service. Complaints are answered within published time limits.",
        "投诉、举报、建议或表扬都可以在这里提交。投诉按公开承诺的时限办理。";
    field_feedback_kind: &'static str = "Type of feedback", "类型";
    field_feedback_topic: &'static str = "What it is about", "涉及业务";
    field_feedback_account: &'static str = "Service account (optional)", "用电户号（可选）";
    feedback_text_hint: &'static str = "10 to 1000 characters.", "10 至 1000 个字。";
    attachments_optional: &'static str =
        "Attachments (optional): up to 5 files; PDF, JPEG or PNG, at most 5 MB each",
        "附件（可选）：最多 5 个，PDF、JPEG 或 PNG，每个不超过 5 MB";
    about_job: &'static str = "About", "相关业务";
    complaint_deadlines_help: &'static str =
        "A complaint gets a call back and a written reply; the case page shows the date for each once it is sent.",
        "投诉提交后，我们会回访并书面答复；案件页面显示各自的截止日期。";
    send_feedback: &'static str = "Send feedback", "提交";
    confirm_title: &'static str = "Are you satisfied with our answer?", "您对答复满意吗？";
    confirm_yes: &'static str = "Yes, satisfied", "满意";
    confirm_no: &'static str = "No, not satisfied", "不满意";
    confirm_reason: &'static str = "What is still wrong?", "仍未解决的问题";
    send_confirmation: &'static str = "Send answer", "提交确认";
    confirm_closed: &'static str = "Thank you: the case is closed.", "感谢您的确认，案件已办结。";
    confirm_reopened: &'static str =
        "The case is open again: we will contact you and reply by the new dates.",
        "案件已重新受理，我们将在新的期限内联系并答复您。";
}
