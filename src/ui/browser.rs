//! The few browser APIs the app touches directly: storage, the document's language and title.

use crate::ui::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};

const LANGUAGE_KEY: &str = "gridcare.lang";

/// The language chosen before on this browser, else the browser's own preference.
pub fn initial_language() -> Lang {
    if let Ok(tag) = LocalStorage::get::<String>(LANGUAGE_KEY) {
        return Lang::from_tag(&tag);
    }
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map_or(Lang::En, |tag| Lang::from_tag(&tag))
}

/// Remembers the chosen language on this browser.
pub fn store_language(lang: Lang) {
    // Private browsing may refuse storage; the choice then lasts for this visit only.
    let _ = LocalStorage::set(LANGUAGE_KEY, lang.tag());
}

/// Tells the document (and so screen readers) which language it is in.
pub fn apply_language(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Moves keyboard focus to the page's main heading after navigation, so screen readers announce it.
pub fn focus_main_heading() {
    use wasm_bindgen::JsCast;
    if let Some(h1) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = h1.focus();
    }
}
