//! The few browser APIs the app touches directly: the language cookie, the document's language
//! and title, the first paint the server wrote. (The server compiles these too, to render first
//! views, and never calls them.)

use crate::ui::i18n::Lang;

/// The browser's own preference, for a page the server did not write (see `api::first_paint`).
pub fn initial_language() -> Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map_or(Lang::En, |tag| Lang::from_tag(&tag))
}

/// Remembers the chosen language on this browser for a year, in a cookie the server reads to
/// write the next page in it.
pub fn store_language(lang: Lang) {
    set_cookie(crate::api::first_paint::LANG_COOKIE, lang.as_str());
}

/// Sets a cookie of this site for a year (sent over TLS only when the site is).
fn set_cookie(name: &str, value: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
    else {
        return;
    };
    let secure = web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "https:");
    let cookie = format!(
        "{name}={value}; Path=/; Max-Age=31536000; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    );
    // A browser refusing cookies keeps the choice for this visit only.
    let _ = document.set_cookie(&cookie);
}

/// Whether the page was written in care mode (the class `care` on `<html>`).
pub fn care_on_page() -> bool {
    // Also asked while the server renders a first view, where there is no window.
    if cfg!(not(target_arch = "wasm32")) {
        return false;
    }
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.class_name().split_whitespace().any(|c| c == "care"))
}

/// Puts the page in care mode or out of it, and remembers that on this browser for a year (a
/// cookie the server reads to write the next page so).
pub fn apply_care(on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        // `<html>` carries no other class.
        root.set_class_name(if on { "care" } else { "" });
    }
    set_cookie(
        crate::api::first_paint::CARE_COOKIE,
        if on { "1" } else { "0" },
    );
}

/// The text of the element the server wrote what it knew into (`api::first_paint`), if any.
pub fn first_paint_text() -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(crate::api::first_paint::ELEMENT_ID))
        .and_then(|e| e.text_content())
}

/// What a person typed into the fields of `root` before the app started (the server's first
/// view), and which field had the focus, by field name.
pub fn typed_into(root: &web_sys::Element) -> (Vec<(String, String)>, Option<String>) {
    use wasm_bindgen::JsCast;
    let mut typed = Vec::new();
    if let Ok(inputs) = root.query_selector_all("input[name]") {
        for i in 0..inputs.length() {
            let Some(node) = inputs.item(i) else { continue };
            if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>()
                && !input.value().is_empty()
            {
                typed.push((input.name(), input.value()));
            }
        }
    }
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .filter(|e| root.contains(Some(e)))
        .and_then(|e| e.get_attribute("name"));
    (typed, focused)
}

/// Puts back into the fields of `root` what [`typed_into`] kept, and the focus.
pub fn type_back(root: &web_sys::Element, typed: (Vec<(String, String)>, Option<String>)) {
    use wasm_bindgen::JsCast;
    let field = |name: &str| {
        root.query_selector(&format!("[name=\"{name}\"]"))
            .ok()
            .flatten()
    };
    for (name, value) in typed.0 {
        if let Some(input) =
            field(&name).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value(&value);
        }
    }
    if let Some(el) = typed
        .1
        .and_then(|n| field(&n))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
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

/// The values of the named fields of the form a submit event came from, in order (empty when
/// a field is missing). Forms read this way need no form-decoding code in the client.
pub fn form_values<const N: usize>(ev: &leptos::ev::SubmitEvent, names: [&str; N]) -> [String; N] {
    use wasm_bindgen::JsCast;
    let data = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        .and_then(|f| web_sys::FormData::new_with_form(&f).ok());
    names.map(|name| {
        data.as_ref()
            .and_then(|d| d.get(name).as_string())
            .unwrap_or_default()
    })
}

/// Every value of the named field of the form a submit event came from (the checked boxes of
/// a group that share one name).
pub fn form_all(ev: &leptos::ev::SubmitEvent, name: &str) -> Vec<String> {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        .and_then(|f| web_sys::FormData::new_with_form(&f).ok())
        .map(|d| {
            d.get_all(name)
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Offers `text` to the person as a file named `name` (a download the browser saves).
pub fn download_text(name: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Loads `path` as a new page (the other app: customer portal or staff console).
pub fn load_page(path: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(path);
    }
}

/// The address of the page open now: path and query.
pub fn current_page() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// Opens the browser's print dialog (which also offers "save as PDF").
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
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

/// The file a person just chose in the file input that fired `ev`, if any.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|i| i.files())
        .and_then(|f| f.get(0))
}

/// Uploads a file as a document of `kind` (`POST /api/documents`), returning what was stored.
pub async fn upload_document(
    kind: &str,
    file: web_sys::File,
) -> Result<crate::api::connections::CaseDocument, crate::api::ApiError> {
    let url = crate::api::pages::FileAddress::Upload {
        kind: kind.to_string(),
        name: file.name(),
    }
    .href();
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&file);
    let text = crate::api::codec::fetch_text(&url, &init).await?;
    crate::api::codec::from_json_str(&text).map_err(|_| crate::api::ApiError::Internal)
}

/// A fresh random key for one submission of a form (repeats of it create nothing new).
pub fn submission_key() -> String {
    let a = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let b = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{:08x}{:08x}", a, b)
}
