//! The first view of a page, written by the server with these same components (see
//! `api::first_paint` and `server::pages`), and what the client takes over from it.

use crate::api::bills::Overview;
use crate::api::first_paint::Later;
use crate::api::repairs::OutageNotice;
use leptos::prelude::*;

/// The page data the server put into the page, each taken once by its page's first view (a
/// later visit to the page asks the server).
#[derive(Clone, Copy)]
pub struct Preloaded {
    pub outages: StoredValue<Option<Later<Vec<OutageNotice>>>>,
    pub overview: StoredValue<Option<Later<Overview>>>,
}

/// The outage notices the server sent with the page, once.
pub fn take_outages() -> Option<Vec<OutageNotice>> {
    use_context::<Preloaded>()
        .and_then(|p| p.outages.try_update_value(Option::take).flatten())
        .and_then(|o| o.read())
}

/// The customer's overview the server sent with the page, once.
pub fn take_overview() -> Option<Overview> {
    use_context::<Preloaded>()
        .and_then(|p| p.overview.try_update_value(Option::take).flatten())
        .and_then(|o| o.read())
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
        provide_context(crate::ui::router::RequestPath(path.to_string()));
        let title = PageTitle::default();
        provide_context(title.clone());
        let html = view! { <App first=Some(first)/> }.to_html();
        let title = title.0.lock().map(|t| t.clone()).unwrap_or_default();
        (html, title)
    })
}
