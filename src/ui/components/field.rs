//! A labelled form field whose error is tied to it for screen readers.

use crate::api::ApiError;
use crate::domain::Field;
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Common, Lang, use_i18n};
use leptos::prelude::*;

/// The refusal of `field`, if `result` refused it.
pub fn field_message<T>(result: &Option<Result<T, ApiError>>, field: Field) -> Option<ApiError> {
    match result {
        Some(Err(e @ ApiError::Invalid(f))) if f.field == field => Some(e.clone()),
        _ => None,
    }
}

/// The error that belongs to no single field (shown above the form), if any.
pub fn form_error<T>(result: &Option<Result<T, ApiError>>) -> Option<ApiError> {
    match result {
        Some(Err(ApiError::Invalid(_))) | Some(Ok(_)) | None => None,
        Some(Err(e)) => Some(e.clone()),
    }
}

/// A text input with its visible label, optional hint, and the error the server gave for it.
#[component]
pub fn TextField(
    /// The form field name (the server function's argument).
    name: &'static str,
    /// Which string labels it.
    label: fn(Lang) -> &'static str,
    /// `text`, `email`, `password`, …
    #[prop(default = "text")]
    input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] hint: Option<fn(Lang) -> &'static str>,
    /// The refusal of this field, if any.
    #[prop(into)]
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()><Tr s=label/></label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()><Tr s=h/></p> })}
            <input
                id=id
                name=name
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                aria-required="true"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
            />
            <p class="field-error" id=error_id>
                {move || error.get().map(|e| Common::of(i18n.lang()).error(&e))}
            </p>
        </div>
    }
}
