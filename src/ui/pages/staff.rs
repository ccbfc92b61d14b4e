//! Staff pages: the connection queue, nearest deadline first, and one case with the actions
//! that move it on.

use crate::api::connections::GetCase;
use crate::api::pages::Page;
use crate::api::staff::{ActOnCase, CaseQueue};
use crate::domain::connection::{Stage, SupplyCategory};
use crate::ui::components::case_view::CaseBody;
use crate::ui::components::guard::{DynamicHeading, PageHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Load, Write, loaded};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::pages::connections::CaseTable;
use crate::ui::router::use_params_map;
use leptos::prelude::*;

/// `/staff/queue`.
#[component]
pub fn QueuePage() -> impl IntoView {
    view! { <RequireSignIn><Queue/></RequireSignIn> }
}

#[component]
fn Queue() -> impl IntoView {
    let i18n = use_i18n();
    let stage = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let overdue = RwSignal::new(false);
    let cases = Load::ask(move || CaseQueue {
        stage: stage.get(),
        category: category.get(),
        overdue: overdue.get().to_string(),
    });
    let stage_options = move || {
        let t = Text::of(i18n.lang());
        // Archived cases are closed and never in the queue.
        Stage::ALL
            .iter()
            .filter(|s| **s != Stage::Archived)
            .map(|s| view! { <option value=s.as_str()>{t.stage(*s)}</option> })
            .collect_view()
    };
    let category_options = move || {
        let t = Text::of(i18n.lang());
        SupplyCategory::ALL
            .iter()
            .map(|c| view! { <option value=c.as_str()>{t.supply_category(*c)}</option> })
            .collect_view()
    };
    view! {
        <PageHeading text=|l| Text::of(l).queue_title/>
        <div class="filters">
            <div class="field">
                <label for="filter-stage"><Tr s=|l| Text::of(l).filter_stage/></label>
                <select id="filter-stage" on:change=move |ev| stage.set(event_target_value(&ev))>
                    <option value=""><Tr s=|l| Text::of(l).all/></option>
                    {stage_options}
                </select>
            </div>
            <div class="field">
                <label for="filter-category"><Tr s=|l| Text::of(l).filter_category/></label>
                <select id="filter-category" on:change=move |ev| category.set(event_target_value(&ev))>
                    <option value=""><Tr s=|l| Text::of(l).all/></option>
                    {category_options}
                </select>
            </div>
            <div class="field checkbox">
                <input id="filter-overdue" type="checkbox" on:change=move |ev| overdue.set(event_target_checked(&ev))/>
                <label for="filter-overdue"><Tr s=|l| Text::of(l).filter_overdue/></label>
            </div>
        </div>
        {loaded(cases, move |answer| match answer {
            list if list.is_empty() => view! { <p><Tr s=|l| Text::of(l).queue_empty/></p> }.into_any(),
            list => view! { <CaseTable cases=list link=Page::StaffCase/> }.into_any(),
        })}
    }
}

/// `/staff/cases/:id`.
#[component]
pub fn StaffCasePage() -> impl IntoView {
    view! { <RequireSignIn><StaffCase/></RequireSignIn> }
}

#[component]
fn StaffCase() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let case = Load::ask(move || GetCase { case_id: id() });
    let heading = move || match case.get() {
        Some(Ok(c)) => format!(
            "{} {}",
            Text::of(i18n.lang()).request_kind(c.summary.kind),
            c.summary.number
        ),
        _ => Text::of(i18n.lang()).queue_title.to_string(),
    };
    let action = Write::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = action.value().get() {
            case.refetch();
        }
    });
    let note = RwSignal::new(String::new());
    let for_customer = RwSignal::new(true);
    let act = move |what: &'static str| {
        action.dispatch(ActOnCase {
            case_id: id(),
            action: what.to_string(),
            note: note.get_untracked(),
            for_customer: for_customer.get_untracked().to_string(),
        });
    };
    view! {
        <DynamicHeading text=Signal::derive(heading)/>
        <p><a href=Page::StaffQueue.href()><Tr s=|l| Text::of(l).queue_title/></a></p>
        <section class="card" aria-labelledby="actions-heading">
            <h2 id="actions-heading" class="visually-hidden"><Tr s=|l| Text::of(l).note_label/></h2>
            {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
            <div class="field">
                <label for="staff-note"><Tr s=|l| Text::of(l).note_label/></label>
                <textarea id="staff-note" rows="3" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field checkbox">
                <input id="staff-for-customer" type="checkbox" prop:checked=move || for_customer.get() on:change=move |ev| for_customer.set(event_target_checked(&ev))/>
                <label for="staff-for-customer"><Tr s=|l| Text::of(l).show_to_customer/></label>
            </div>
            <div class="wizard-buttons">
                <button type="button" class="button button-primary" disabled=move || action.pending().get() on:click=move |_| act("advance")><Tr s=|l| Text::of(l).advance/></button>
                <button type="button" class="button" disabled=move || action.pending().get() on:click=move |_| act("ask_customer")><Tr s=|l| Text::of(l).ask_customer/></button>
                <button type="button" class="button" disabled=move || action.pending().get() on:click=move |_| act("reject")><Tr s=|l| Text::of(l).reject/></button>
            </div>
        </section>
        {loaded(case, move |c| view! { <CaseBody case=c staff=true/> }.into_any())}
    }
}

crate::ui::i18n::strings! {
    queue_title: &'static str = "Connection work queue", "业扩报装工单";
    filter_stage: &'static str = "Stage", "环节";
    filter_category: &'static str = "Category", "用户类别";
    filter_overdue: &'static str = "Only overdue", "仅显示超期";
    all: &'static str = "All", "全部";
    queue_empty: &'static str = "No open cases match.", "没有符合条件的在办工单。";
    advance: &'static str = "Finish this stage", "完成本环节";
    ask_customer: &'static str = "Ask the customer", "要求客户补充";
    reject: &'static str = "Reject", "驳回";
    show_to_customer: &'static str = "Show this note to the customer", "客户可见";
}
