//! The customer's applications: the list, and one case with its timeline, what it waits for,
//! and the way to answer or cancel.

use crate::api::connections::{
    CancelCase, CaseDetail, CaseDocument, CaseSummary, GetCase, MyCases, RespondToRequest,
};
use crate::api::pages::Page;
use crate::domain::RowId;
use crate::domain::feedback::JobKind;
use crate::ui::components::case_view::{CaseBody, case_badge};
use crate::ui::components::data::{Cell, DataTable};
use crate::ui::components::field::UploadField;
use crate::ui::components::guard::{DynamicHeading, PageHeading, RequireSignIn};
use crate::ui::components::rating::{FeedbackAboutJob, RatingCard};
use crate::ui::components::status::{ErrorMessage, Load, Write, WriteButton, loaded};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::router::use_params_map;
use leptos::prelude::*;

/// `/connections`.
#[component]
pub fn ApplicationsPage() -> impl IntoView {
    view! { <RequireSignIn><Applications/></RequireSignIn> }
}

#[component]
fn Applications() -> impl IntoView {
    let cases = Load::ask(|| MyCases {});
    view! {
        <PageHeading text=|l| Text::of(l).apps_title/>
        <p><a class="button button-primary" href=Page::Apply.href()><Tr s=|l| Text::of(l).apply_new/></a></p>
        {loaded(cases, move |answer| match answer {
            list if list.is_empty() => view! { <p><Tr s=|l| Text::of(l).no_apps/></p> }.into_any(),
            list => view! { <CaseTable cases=list link=Page::Application/> }.into_any(),
        })}
    }
}

/// Cases as a table linking each number to `link(ID)`'s page.
#[component]
pub fn CaseTable(cases: Vec<CaseSummary>, link: fn(RowId) -> Page) -> impl IntoView {
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
                    Cell::Text(t.request_kind(c.kind).into()),
                    Cell::Text(t.stage(c.stage).into()),
                    Cell::Text(c.next_due.map(|d| t.date(d)).unwrap_or_else(|| "—".into())),
                    case_badge(t, c),
                ]
            })
            .collect();
        view! {
            <DataTable
                headings=vec![(t.col_number, false), (t.col_kind, false), (t.col_stage, false), (t.col_next_due, false), (t.status, false)]
                rows
                cards=true
            />
        }
        .into_any()
    }
}

/// `/connections/:id`.
#[component]
pub fn ApplicationPage() -> impl IntoView {
    view! { <RequireSignIn><Application/></RequireSignIn> }
}

#[component]
fn Application() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let case = Load::ask(move || GetCase {
        case_id: params.with(|p| p.get("id").unwrap_or_default()),
    });
    let heading = move || match case.get() {
        Some(Ok(c)) => format!(
            "{} {}",
            Text::of(i18n.lang()).request_kind(c.summary.kind),
            c.summary.number
        ),
        _ => Text::of(i18n.lang()).apps_title.to_string(),
    };
    view! {
        <DynamicHeading text=Signal::derive(heading)/>
        <p><a href=Page::Applications.href()><Tr s=|l| Text::of(l).apps_title/></a></p>
        {loaded(case, move |c| view! { <CustomerCase case=c on_change=move || case.refetch()/> }.into_any())}
    }
}

#[component]
fn CustomerCase(
    case: CaseDetail,
    on_change: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let waiting = case.waiting_for.clone();
    let can_cancel = case.can_cancel;
    let id = case.summary.id.to_string();
    let outstanding = case.documents_outstanding.clone();
    let respond = waiting.map(|asked| {
        let (id, on_change) = (id.clone(), on_change.clone());
        view! { <RespondForm case_id=id asked outstanding on_done=on_change/> }
    });
    let cancel = can_cancel.then(|| {
        let id = id.clone();
        view! {
            <WriteButton
                label=|l| Text::of(l).cancel_application
                call=move || CancelCase { case_id: id.clone() }
                on_done=on_change.clone()
            />
        }
    });
    let rate = (case.summary.state == "completed").then(|| {
        view! { <RatingCard job_kind=JobKind::Connection job_id=case.summary.id existing=case.rating.clone()/> }
    });
    let (job_id, number) = (case.summary.id, case.summary.number.clone());
    view! {
        {respond}
        <CaseBody case staff=false/>
        {rate}
        <FeedbackAboutJob kind=JobKind::Connection id=job_id number/>
        {cancel}
    }
}

/// Answers the utility's request: a document per outstanding kind, and a message.
#[component]
fn RespondForm(
    case_id: String,
    asked: String,
    outstanding: Vec<String>,
    on_done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    // (kind, id, file name) of each document sent with the answer.
    let uploaded: RwSignal<Vec<(String, String, String)>> = RwSignal::new(Vec::new());
    let message = RwSignal::new(String::new());
    let action = Write::new();
    let error = move || action.value().get().and_then(Result::err);
    Effect::new({
        let on_done = on_done.clone();
        move |_| {
            if action.done() {
                on_done();
            }
        }
    });
    let kinds = if outstanding.is_empty() {
        vec!["other".to_string()]
    } else {
        outstanding
    };
    let inputs = kinds
        .into_iter()
        .map(|kind| {
            let label = Signal::derive({
                let kind = kind.clone();
                move || Text::of(i18n.lang()).document_kind(&kind).to_string()
            });
            let kept = Signal::derive({
                let kind = kind.clone();
                move || {
                    uploaded.with(|u| {
                        u.iter()
                            .filter(|(k, _, _)| *k == kind)
                            .map(|(_, _, name)| name.clone())
                            .collect()
                    })
                }
            });
            let keep = move |doc: CaseDocument| {
                uploaded.update(|u| u.push((doc.kind, doc.id.to_string(), doc.file_name)));
                Ok(())
            };
            view! { <UploadField id=format!("respond-{kind}") label kind kept keep/> }
        })
        .collect_view();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ids = uploaded.with(|u| {
            u.iter()
                .map(|(_, id, _)| id.clone())
                .collect::<Vec<_>>()
                .join(",")
        });
        let note = message.get();
        // The server needs something to act on: a document or a message.
        let note = if ids.is_empty() && note.trim().is_empty() {
            "-".to_string()
        } else {
            note
        };
        action.dispatch(RespondToRequest {
            case_id: case_id.clone(),
            document_ids: ids,
            note,
        });
    };
    view! {
        <section class="card attention" aria-labelledby="waiting-heading">
            <h2 id="waiting-heading"><Tr s=|l| Text::of(l).waiting_title/></h2>
            <p class="note">{asked}</p>
            {move || error().map(|error| view! { <ErrorMessage error/> })}
            <form on:submit=submit>
                {inputs}
                <div class="field">
                    <label for="respond-message"><Tr s=|l| Text::of(l).message_optional/></label>
                    <input id="respond-message" type="text" prop:value=move || message.get() on:input=move |ev| message.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button button-primary" disabled=move || action.pending().get()><Tr s=|l| Text::of(l).respond/></button>
            </form>
        </section>
    }
}

crate::ui::i18n::strings! {
    apps_title: &'static str = "My applications", "我的用电申请";
    no_apps: &'static str = "You have no applications yet.", "暂无申请。";
    waiting_title: &'static str = "We need something from you", "需要您补充";
    respond: &'static str = "Send to the utility", "提交给供电公司";
    message_optional: &'static str = "Message (optional)", "留言（可选）";
    cancel_application: &'static str = "Cancel application", "撤销申请";
}
