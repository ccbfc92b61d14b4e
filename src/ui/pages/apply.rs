//! Applying for a connection, step by step: what, contact, documents, review. Each field is
//! checked as it is typed with the same rules the server applies again.

use crate::api::accounts::ListAccounts;
use crate::api::connections::{ApplyForConnection, CaseDocument};
use crate::api::pages::Page;
use crate::domain::application::{
    Capacity, DocumentKind, SupplyVoltage, parse_category, parse_contact_name, parse_contact_phone,
    parse_kind, parse_premise_address,
};
use crate::domain::connection::{RequestKind, SupplyCategory};
use crate::domain::{Field, FieldError, Problem};
use crate::ui::components::choice::premises_to_file_for;
use crate::ui::components::choice::{InputField, SelectField};
use crate::ui::components::field::UploadField;
use crate::ui::components::guard::{PageHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Load, Write};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::router::use_navigate;
use leptos::prelude::*;

/// `/connections/new`.
#[component]
pub fn ApplyPage() -> impl IntoView {
    view! { <RequireSignIn><ApplyWizard/></RequireSignIn> }
}

/// Every answer of the form.
#[derive(Clone, Copy)]
struct Answers {
    kind: RwSignal<String>,
    category: RwSignal<String>,
    account: RwSignal<String>,
    address: RwSignal<String>,
    capacity: RwSignal<String>,
    voltage: RwSignal<String>,
    contact_name: RwSignal<String>,
    contact_phone: RwSignal<String>,
    documents: RwSignal<Vec<(String, CaseDocument)>>,
}

impl Answers {
    fn new() -> Self {
        Answers {
            kind: RwSignal::new(String::new()),
            category: RwSignal::new(String::new()),
            account: RwSignal::new(String::new()),
            address: RwSignal::new(String::new()),
            capacity: RwSignal::new(String::new()),
            voltage: RwSignal::new(String::new()),
            contact_name: RwSignal::new(String::new()),
            contact_phone: RwSignal::new(String::new()),
            documents: RwSignal::new(Vec::new()),
        }
    }

    /// The refusals on step `step` (0-based), checked with the domain's own parsers.
    fn problems(&self, step: usize) -> Vec<FieldError> {
        let mut out = Vec::new();
        let mut check = |r: Result<(), FieldError>| {
            if let Err(e) = r {
                out.push(e);
            }
        };
        match step {
            0 => {
                check(parse_kind(&self.kind.get_untracked()).map(drop));
                let category = parse_category(&self.category.get_untracked());
                check(category.map(drop));
                check(parse_premise_address(&self.address.get_untracked()).map(drop));
                check(Capacity::parse(&self.capacity.get_untracked()).map(drop));
                if let Ok(c) = category {
                    check(SupplyVoltage::parse(&self.voltage.get_untracked(), c).map(drop));
                }
            }
            1 => {
                check(parse_contact_name(&self.contact_name.get_untracked()).map(drop));
                check(parse_contact_phone(&self.contact_phone.get_untracked()).map(drop));
            }
            2 => {
                let has_id = self
                    .documents
                    .with_untracked(|d| d.iter().any(|(k, _)| k == DocumentKind::IdCard.as_str()));
                if !has_id {
                    out.push(FieldError::new(Field::Documents, Problem::Missing));
                }
            }
            _ => {}
        }
        out
    }
}

#[component]
fn ApplyWizard() -> impl IntoView {
    let i18n = use_i18n();
    let a = Answers::new();
    let step = RwSignal::new(0usize);
    // Errors show for a step once the person tried to leave it; then they follow each keystroke.
    let tried = RwSignal::new([false; 4]);
    let key = crate::ui::browser::submission_key();
    let accounts = Load::ask(|| ListAccounts {});
    let shown = move |field: Field| {
        Signal::derive(move || {
            let s = step.get();
            if !tried.with(|t| t[s]) {
                return None;
            }
            // Track every answer so the message follows typing.
            let _ = (
                a.kind.get(),
                a.category.get(),
                a.address.get(),
                a.capacity.get(),
                a.voltage.get(),
                a.contact_name.get(),
                a.contact_phone.get(),
                a.documents.with(Vec::len),
            );
            a.problems(s).into_iter().find(|e| e.field == field)
        })
    };
    let go_next = move |_: leptos::ev::MouseEvent| {
        let s = step.get_untracked();
        tried.update(|t| t[s] = true);
        if a.problems(s).is_empty() {
            step.set(s + 1);
        }
    };
    let write = Write::new();
    let submit_error = move || write.value().get().and_then(Result::err);
    let submitting = write.pending();
    let navigate = use_navigate();
    let submit = move |_: leptos::ev::MouseEvent| {
        let navigate = navigate.clone();
        let ids = a.documents.with_untracked(|d| {
            d.iter()
                .map(|(_, doc)| doc.id.to_string())
                .collect::<Vec<_>>()
                .join(",")
        });
        let call = ApplyForConnection {
            kind: a.kind.get_untracked(),
            category: a.category.get_untracked(),
            account_id: a.account.get_untracked(),
            premise_address: a.address.get_untracked(),
            capacity_kw: a.capacity.get_untracked(),
            supply_voltage: a.voltage.get_untracked(),
            contact_name: a.contact_name.get_untracked(),
            contact_phone: a.contact_phone.get_untracked(),
            document_ids: ids,
            idempotency_key: key.clone(),
        };
        write.dispatch_then(call, move |r| {
            if let Ok(case) = r {
                navigate(&Page::Application(case.id).href(), Default::default());
            }
        });
    };
    let step_names: [fn(crate::ui::i18n::Lang) -> &'static str; 4] = [
        |l| Text::of(l).step_what,
        |l| Text::of(l).step_contact,
        |l| Text::of(l).step_documents,
        |l| Text::of(l).step_review,
    ];
    view! {
        <PageHeading text=|l| Text::of(l).apply_new/>
        <ol class="steps">
            {step_names.into_iter().enumerate().map(|(i, name)| view! {
                <li aria-current=move || (step.get() == i).then_some("step")><Tr s=name/></li>
            }).collect_view()}
        </ol>
        <div hidden=move || step.get() != 0><WhatStep a accounts shown/></div>
        <div hidden=move || step.get() != 1><ContactStep a shown/></div>
        <div hidden=move || step.get() != 2>
            <DocumentsStep a=a error=shown(Field::Documents)/>
        </div>
        <div hidden=move || step.get() != 3>
            <Review a=a/>
            {move || submit_error().map(|error| view! { <ErrorMessage error/> })}
        </div>
        <div class="wizard-buttons">
            <button type="button" class="button" hidden=move || step.get() == 0 on:click=move |_| step.update(|s| *s = s.saturating_sub(1))><Tr s=|l| Text::of(l).back/></button>
            <button type="button" class="button button-primary" hidden={move || step.get() >= 3} on:click=go_next><Tr s=|l| Text::of(l).next/></button>
            <button type="button" class="button button-primary" hidden={move || step.get() < 3} disabled=move || submitting.get() on:click=submit>
                {move || if submitting.get() { Text::of(i18n.lang()).submitting } else { Text::of(i18n.lang()).submit_application }}
            </button>
        </div>
    }
}

/// The first step: what is asked for, where, and how much power.
#[component]
fn WhatStep(
    a: Answers,
    accounts: Load<Result<Vec<crate::api::accounts::ServiceAccountSummary>, crate::api::ApiError>>,
    shown: impl Fn(Field) -> Signal<Option<FieldError>> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    // Choosing an account fills in its address.
    Effect::new(move |_| {
        let chosen = a.account.get();
        if let Some(Ok(list)) = accounts.get()
            && let Some(acc) = list.iter().find(|x| x.id.to_string() == chosen)
        {
            a.address.set(acc.premise_address.clone());
        }
    });
    let kinds = Signal::derive(move || {
        let t = Text::of(i18n.lang());
        RequestKind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), t.request_kind(*k).to_string()))
            .collect()
    });
    let categories = Signal::derive(move || {
        let t = Text::of(i18n.lang());
        SupplyCategory::ALL
            .iter()
            .map(|c| (c.as_str().to_string(), t.supply_category(*c).to_string()))
            .collect()
    });
    let voltages = Signal::derive(move || {
        let category = parse_category(&a.category.get()).ok();
        SupplyVoltage::ALL
            .iter()
            .filter(|v| category.is_none_or(|c| v.fits(c)))
            .map(|v| (v.as_str().to_string(), v.label().to_string()))
            .collect()
    });
    let account_options = Signal::derive(move || {
        let mut opts = vec![(
            String::new(),
            Text::of(i18n.lang()).new_premises.to_string(),
        )];
        if let Some(Ok(list)) = accounts.get() {
            opts.extend(premises_to_file_for(&list));
        }
        opts
    });
    view! {
        <section aria-labelledby="step-what"><h2 id="step-what"><Tr s=|l| Text::of(l).step_what/></h2>
                <SelectField id="apply-kind" label=|l| Text::of(l).field_kind value=a.kind options=kinds error=shown(Field::Kind)/>
                <SelectField id="apply-category" label=|l| Text::of(l).field_category value=a.category options=categories error=shown(Field::Category)/>
                <div class="field">
                    <label for="apply-account"><Tr s=|l| Text::of(l).service_account/></label>
                    <select id="apply-account" on:change=move |ev| a.account.set(event_target_value(&ev))>
                        {move || account_options.get().into_iter().map(|(v, text)| {
                            let selected = a.account.with(|cur| *cur == v);
                            view! { <option value=v selected=selected>{text}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <InputField id="apply-address" label=|l| Text::of(l).field_premise_address value=a.address error=shown(Field::PremiseAddress)/>
                <InputField id="apply-capacity" label=|l| Text::of(l).field_capacity value=a.capacity inputmode="decimal" error=shown(Field::Capacity)/>
                <SelectField id="apply-voltage" label=|l| Text::of(l).field_supply_voltage value=a.voltage options=voltages error=shown(Field::SupplyVoltage)/>
        </section>
    }
}

/// The second step: who to call about it.
#[component]
fn ContactStep(
    a: Answers,
    shown: impl Fn(Field) -> Signal<Option<FieldError>> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <section aria-labelledby="step-contact"><h2 id="step-contact"><Tr s=|l| Text::of(l).step_contact/></h2>
                <InputField id="apply-contact-name" label=|l| Text::of(l).field_contact_name value=a.contact_name autocomplete="name" error=shown(Field::ContactName)/>
                <InputField id="apply-contact-phone" label=|l| Text::of(l).field_contact_phone value=a.contact_phone input_type="tel" autocomplete="tel" error=shown(Field::ContactPhone)/>
        </section>
    }
}

/// One file input per document the request needs; each upload is stored at once.
#[component]
fn DocumentsStep(a: Answers, #[prop(into)] error: Signal<Option<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let kinds = move || {
        let kind = parse_kind(&a.kind.get()).unwrap_or(RequestKind::NewConnection);
        let category = parse_category(&a.category.get()).unwrap_or(SupplyCategory::Residential);
        DocumentKind::required_for(kind, category)
    };
    view! {
        <section aria-labelledby="step-documents"><h2 id="step-documents"><Tr s=|l| Text::of(l).step_documents/></h2>
            <p class="muted"><Tr s=|l| Text::of(l).documents_help/></p>
            <p class="field-error" id="apply-documents-error">{move || error.get().map(|e| Text::of(i18n.lang()).field_error(e))}</p>
            {move || kinds().into_iter().map(|kind| {
                let label = Signal::derive(move || Text::of(i18n.lang()).document_kind(kind.as_str()).to_string());
                let kept = Signal::derive(move || a.documents.with(|d| {
                    d.iter().filter(|(k, _)| k == kind.as_str()).map(|(_, doc)| doc.file_name.clone()).collect()
                }));
                // A second file of a kind replaces the first.
                let keep = move |doc: CaseDocument| {
                    a.documents.update(|d| {
                        d.retain(|(k, _)| k != kind.as_str());
                        d.push((kind.as_str().to_string(), doc));
                    });
                    Ok(())
                };
                view! {
                    <UploadField id=format!("apply-doc-{}", kind.as_str()) label kind=kind.as_str().to_string() kept keep
                        described_by=(kind == DocumentKind::IdCard).then_some("apply-documents-error")/>
                }
            }).collect_view()}
        </section>
    }
}

/// Everything as it will be sent.
#[component]
fn Review(a: Answers) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = Text::of(i18n.lang());
        let kind = parse_kind(&a.kind.get())
            .map(|k| t.request_kind(k))
            .unwrap_or_default();
        let category = parse_category(&a.category.get()).ok();
        let voltage = SupplyVoltage::from_stored(&a.voltage.get())
            .map(|v| v.label())
            .unwrap_or_default();
        let capacity = Capacity::parse(&a.capacity.get())
            .map(|c| c.to_string())
            .unwrap_or_default();
        let docs = a
            .documents
            .get()
            .into_iter()
            .map(|(k, d)| format!("{} ({})", t.document_kind(&k), d.file_name))
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <section class="card" aria-labelledby="step-review"><h2 id="step-review">{t.step_review}</h2>
                <dl class="facts">
                    <div><dt>{t.field_kind}</dt><dd>{kind}</dd></div>
                    <div><dt>{t.field_category}</dt><dd>{category.map(|c| t.supply_category(c)).unwrap_or_default()}</dd></div>
                    <div><dt>{t.field_premise_address}</dt><dd>{a.address.get()}</dd></div>
                    <div><dt>{t.capacity_label}</dt><dd>{capacity}</dd></div>
                    <div><dt>{t.voltage_label}</dt><dd>{voltage}</dd></div>
                    <div><dt>{t.field_contact_name}</dt><dd>{a.contact_name.get()}</dd></div>
                    <div><dt>{t.field_contact_phone}</dt><dd>{a.contact_phone.get()}</dd></div>
                    <div><dt>{t.documents_title}</dt><dd>{docs}</dd></div>
                </dl>
            </section>
        }
        .into_any()
    }
}

crate::ui::i18n::strings! {
    step_what: &'static str = "What you need", "申请内容";
    step_contact: &'static str = "Contact", "联系方式";
    step_documents: &'static str = "Documents", "申请资料";
    step_review: &'static str = "Review and submit", "确认提交";
    next: &'static str = "Next", "下一步";
    back: &'static str = "Back", "上一步";
    submit_application: &'static str = "Submit application", "提交申请";
    new_premises: &'static str = "A new premises (no account yet)", "新装（暂无户号）";
    documents_help: &'static str =
        "Your identity card is enough to apply; send the others now or when we ask. PDF, JPEG or PNG, at most 5 MB each.",
        "凭身份证明即可受理，其他资料可现在上传，也可在我们通知后补充。支持 PDF、JPEG、PNG，每个不超过 5 MB。";
}
