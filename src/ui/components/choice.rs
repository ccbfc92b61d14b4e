//! Controlled inputs for forms: a text field, a text area and a select, each with its label and
//! the refusal of its value tied to it for screen readers. The refusal reads with the label the
//! person sees ("Type of feedback: this field is required").

use crate::domain::FieldError;
use crate::ui::components::text::Tr;
use crate::ui::i18n::{I18n, Lang, use_i18n};
use leptos::prelude::*;

/// The premises a person may file requests for, as `(id, "number · address")` choices: an
/// organisation's viewers only read its sites, so those are left out.
pub fn premises_to_file_for(
    accounts: &[crate::api::accounts::ServiceAccountSummary],
) -> Vec<(String, String)> {
    accounts
        .iter()
        .filter(|x| x.may_act)
        .map(|x| {
            (
                x.id.to_string(),
                format!("{} · {}", x.account_number, x.premise_address),
            )
        })
        .collect()
}

/// The refusal under a field, named by the field's own label.
fn refusal(
    i18n: I18n,
    label: fn(Lang) -> &'static str,
    error: Signal<Option<FieldError>>,
) -> impl Fn() -> Option<String> {
    move || {
        error.get().map(|e| {
            let t = Text::of(i18n.lang());
            format!("{}{}{}", label(i18n.lang()), t.colon, t.problem(e.problem))
        })
    }
}

/// A text input bound to `value`; `error` is the refusal of its current value, if shown.
#[component]
pub fn InputField(
    id: &'static str,
    label: fn(Lang) -> &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<FieldError>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id><Tr s=label/></label>
            <input
                id=id
                type=input_type
                inputmode=inputmode
                autocomplete=autocomplete
                aria-required="true"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
            />
            <p class="field-error" id=error_id>{refusal(i18n, label, error)}</p>
        </div>
    }
}

/// A multi-line text input bound to `value`.
#[component]
pub fn TextAreaField(
    id: &'static str,
    label: fn(Lang) -> &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<FieldError>>,
    #[prop(default = 4)] rows: u32,
    /// False for optional fields.
    #[prop(default = true)]
    required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id><Tr s=label/></label>
            <textarea
                id=id
                rows=rows
                aria-required=required.then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
            ></textarea>
            <p class="field-error" id=error_id>{refusal(i18n, label, error)}</p>
        </div>
    }
}

/// A select bound to `value`. `options` gives `(value, label)` pairs in the current language.
#[component]
pub fn SelectField(
    id: &'static str,
    label: fn(Lang) -> &'static str,
    value: RwSignal<String>,
    options: Signal<Vec<(String, String)>>,
    #[prop(into)] error: Signal<Option<FieldError>>,
    /// False for optional choices: the empty choice then reads "None".
    #[prop(default = true)]
    required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let empty = move || {
        let t = Text::of(i18n.lang());
        if required { t.choose } else { t.choose_none }
    };
    view! {
        <div class="field">
            <label for=id><Tr s=label/></label>
            <select
                id=id
                aria-required=required.then_some("true")
                on:change=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
            >
                <option value="" selected=move || value.with(String::is_empty)>{empty}</option>
                {move || options.get().into_iter().map(|(v, text)| {
                    let selected = value.with(|cur| *cur == v);
                    view! { <option value=v selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id>{refusal(i18n, label, error)}</p>
        </div>
    }
}

/// A range of days: from, and until (not included), each refusal under its own field.
#[component]
pub fn DateRange(
    /// Prefix of the inputs' ids (`{id}-from`, `{id}-to`).
    id: &'static str,
    from: RwSignal<String>,
    to: RwSignal<String>,
    /// The refusal of the range as it stands, if any (of `from` or of `to`).
    #[prop(into)]
    refused: Signal<Option<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let one = move |part: &'static str,
                    label: fn(Lang) -> &'static str,
                    value: RwSignal<String>,
                    field: crate::domain::Field| {
        let input_id = format!("{id}-{part}");
        let error_id = format!("{input_id}-error");
        let error = Signal::derive(move || refused.get().filter(|e| e.field == field));
        view! {
            <div class="field">
                <label for=input_id.clone()><Tr s=label/></label>
                <input
                    id=input_id
                    type="date"
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=error_id.clone()
                />
                <p class="field-error" id=error_id>{refusal(i18n, label, error)}</p>
            </div>
        }
    };
    view! {
        <div class="form-row">
            {one("from", |l| Text::of(l).field_from, from, crate::domain::Field::From)}
            {one("to", |l| Text::of(l).field_to, to, crate::domain::Field::To)}
        </div>
    }
}

crate::ui::i18n::strings! {
    choose_none: &'static str = "None", "无";
}
