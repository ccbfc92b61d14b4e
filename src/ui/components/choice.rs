//! Controlled inputs for multi-step forms: a text field and a select, each with its label and
//! the refusal of its value tied to it for screen readers.

use crate::domain::FieldError;
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Text, use_i18n};
use leptos::prelude::*;

/// A text input bound to `value`; `error` is the refusal of its current value, if shown.
#[component]
pub fn InputField(
    id: &'static str,
    label: fn(&'static Text) -> &'static str,
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
            <p class="field-error" id=error_id>
                {move || error.get().map(|e| i18n.t().field_error(e))}
            </p>
        </div>
    }
}

/// A select bound to `value`. `options` gives `(value, label)` pairs in the current language.
#[component]
pub fn SelectField(
    id: &'static str,
    label: fn(&'static Text) -> &'static str,
    value: RwSignal<String>,
    options: Signal<Vec<(String, String)>>,
    #[prop(into)] error: Signal<Option<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id><Tr s=label/></label>
            <select
                id=id
                aria-required="true"
                on:change=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
            >
                <option value="" selected=move || value.with(String::is_empty)>{move || i18n.t().choose}</option>
                {move || options.get().into_iter().map(|(v, text)| {
                    let selected = value.with(|cur| *cur == v);
                    view! { <option value=v selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id>
                {move || error.get().map(|e| i18n.t().field_error(e))}
            </p>
        </div>
    }
}
