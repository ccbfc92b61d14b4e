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
    /// What the field starts with, if anything.
    #[prop(optional)]
    value: Option<String>,
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
                value=value
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

/// What the document uploads accept unless a field says otherwise.
pub const DOCUMENT_TYPES: &str = "application/pdf,image/jpeg,image/png";

/// A file input whose file is uploaded as soon as it is chosen (`POST /api/documents`, as a
/// document of `kind`), used by every form that takes documents. `keep` takes the stored
/// document, or refuses it (a photo field refuses a PDF). The names kept so far show under the
/// input as "Uploaded: …"; a refusal shows there too, announced.
#[component]
pub fn UploadField(
    id: String,
    /// The visible label (the input's name).
    #[prop(into)]
    label: Signal<String>,
    /// The kind the server stores the document as.
    kind: String,
    #[prop(default = DOCUMENT_TYPES)] accept: &'static str,
    /// On a phone, the camera to offer first (`environment`: the one facing away).
    #[prop(optional)]
    capture: Option<&'static str>,
    /// The names of the files kept, shown as "Uploaded: …".
    #[prop(into)]
    kept: Signal<Vec<String>>,
    /// At most this many files (more is refused before anything is sent).
    #[prop(optional)]
    max: Option<usize>,
    /// The id of a message elsewhere that also describes this input.
    #[prop(optional_no_strip)]
    described_by: Option<&'static str>,
    keep: impl Fn(crate::api::connections::CaseDocument) -> Result<(), ApiError> + Copy + 'static,
) -> impl IntoView {
    use crate::domain::{FieldError, Problem};
    let i18n = use_i18n();
    let upload = crate::ui::components::status::Write::<()>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = crate::ui::browser::chosen_file(&ev) else {
            return;
        };
        if let Some(max) = max
            && kept.with_untracked(Vec::len) >= max
        {
            let refusal = FieldError::new(Field::Documents, Problem::TooLong { max: max as u32 });
            upload.value().set(Some(Err(refusal.into())));
            return;
        }
        upload.value().set(None);
        let kind = kind.clone();
        upload.send(async move { keep(crate::ui::browser::upload_document(&kind, file).await?) });
    };
    let refusal = move || upload.value().get().and_then(Result::err);
    let uploaded = move || {
        let t = Common::of(i18n.lang());
        kept.get()
            .into_iter()
            .map(|name| view! { <li>{format!("{}{}{}", t.uploaded, t.colon, name)}</li> })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="file" accept=accept capture=capture on:change=on_change aria-describedby=described_by/>
            <div role="status"><ul class="plain-list success">{uploaded}</ul></div>
            {move || refusal().map(|error| view! { <crate::ui::components::status::ErrorMessage error/> })}
        </div>
    }
}
