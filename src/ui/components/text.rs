//! Text in the current language.

use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// A string from the table of the current language, e.g. `<Tr s=|l| Text::of(l).sign_in/>`.
/// Taking a plain function keeps one reactive closure for every string in the app, which keeps
/// the wasm small (a closure per string costs kilobytes).
#[component]
pub fn Tr(s: fn(Lang) -> &'static str) -> impl IntoView {
    let i18n = use_i18n();
    move || s(i18n.lang())
}
