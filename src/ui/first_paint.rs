//! The first view of a page, written by the server with these same components (see
//! `api::first_paint` and `server::pages`), and what the client takes over from it.

use crate::api::repairs::OutageNotice;
use leptos::prelude::*;

/// The outage notices the server put into the page, taken by the outage page's first view.
#[derive(Clone, Copy)]
pub struct Outages(pub StoredValue<Option<Vec<OutageNotice>>>);

/// The outage notices the server sent with the page, once (a later visit to the page asks).
pub fn take_outages() -> Option<Vec<OutageNotice>> {
    use_context::<Outages>().and_then(|o| o.0.try_update_value(Option::take).flatten())
}

/// Collects the document title while the server renders (the heading's text; in the browser
/// the heading sets it itself).
#[derive(Clone, Default)]
pub struct PageTitle(pub std::sync::Arc<std::sync::Mutex<String>>);

impl PageTitle {
    /// Records `title`.
    pub fn set(&self, title: String) {
        if let Ok(mut t) = self.0.lock() {
            *t = title;
        }
    }
}

/// The first view of the page at `path` (with its query), as HTML for inside `#app`, and its
/// document title.
#[cfg(feature = "ssr")]
pub fn render(path: &str, first: crate::api::first_paint::FirstPaint) -> (String, String) {
    use crate::ui::App;
    let owner = Owner::new();
    owner.with(|| {
        provide_context(leptos_router::location::RequestUrl::new(path));
        let title = PageTitle::default();
        provide_context(title.clone());
        let html = view! { <App first=Some(first)/> }.to_html();
        let title = title.0.lock().map(|t| t.clone()).unwrap_or_default();
        (html, title)
    })
}
