//! Moving between this client's pages without a reload: the address as a signal, the page of
//! the page table (`api::pages::Route`) that it names, and the hooks pages read it through.
//!
//! The page table already knows every pattern and which client serves it, so the client needs
//! no route matcher of its own: this module keeps the address, follows links and the back
//! button (`history.pushState` and `popstate`), and shows the page `Route::for_path` names.
//! leptos_router did the same with nested routes, matchers and views built per route: about
//! 110 KB of each client's wasm before compression (38 KB brotli), for features GridCare does
//! not use.

use crate::api::pages::Route;
use leptos::prelude::*;

/// The address shown: path, and query without the `?`.
#[derive(Clone, Copy)]
struct Address {
    path: RwSignal<String>,
    query: RwSignal<String>,
}

/// The address the server renders the first view of (path and query), in its context.
#[derive(Clone)]
pub struct RequestPath(pub String);

/// Starts following the address: from the browser's, or in the server from [`RequestPath`].
/// In the browser it also takes over clicks on links to this client's pages and the back
/// button, and sends links to another client's pages to the server.
pub fn provide_router() {
    let (path, query) = initial();
    let address = Address {
        path: RwSignal::new(path),
        query: RwSignal::new(query),
    };
    provide_context(address);
    #[cfg(feature = "csr")]
    listen(address);
}

#[cfg(not(feature = "csr"))]
fn initial() -> (String, String) {
    split(
        &use_context::<RequestPath>()
            .map(|p| p.0)
            .unwrap_or_default(),
    )
}

#[cfg(feature = "csr")]
fn initial() -> (String, String) {
    split(&crate::ui::browser::current_page())
}

/// `path?query#fragment` as path and query.
fn split(address: &str) -> (String, String) {
    let address = address.split('#').next().unwrap_or("");
    let (path, query) = address.split_once('?').unwrap_or((address, ""));
    (path.to_string(), query.to_string())
}

fn address() -> Address {
    expect_context::<Address>()
}

/// The page open now.
#[derive(Clone, Copy)]
pub struct Location {
    /// Its path.
    pub pathname: Memo<String>,
}

/// The page open now (tracked).
pub fn use_location() -> Location {
    let a = address();
    Location {
        pathname: Memo::new(move |_| a.path.get()),
    }
}

/// Named values of an address: the query's, or the page's `:name` segments.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParamsMap(Vec<(String, String)>);

impl ParamsMap {
    /// The value of `name`, if the address has one.
    pub fn get(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }

    /// Sets `name` to `value`, in its place if it is there, else at the end.
    pub fn replace(&mut self, name: &str, value: String) {
        match self.0.iter_mut().find(|(k, _)| k == name) {
            Some((_, v)) => *v = value,
            None => self.0.push((name.to_string(), value)),
        }
    }

    /// The values as a query (without the `?`), encoded, empty ones left out.
    pub fn to_query(&self) -> String {
        let pairs: Vec<(&str, String)> = self
            .0
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        crate::api::pages::query(&pairs)
    }
}

/// The query of the page open now, decoded (tracked).
pub fn use_query_map() -> Memo<ParamsMap> {
    let a = address();
    Memo::new(move |_| {
        a.query
            .with(|q| ParamsMap(crate::api::pages::parse_query(q)))
    })
}

/// The `:name` segments of the page open now, by name (tracked).
pub fn use_params_map() -> Memo<ParamsMap> {
    let a = address();
    Memo::new(move |_| {
        a.path.with(|p| {
            ParamsMap(
                Route::for_path(p)
                    .map(|r| crate::api::pages::path_params(r.pattern(), p))
                    .unwrap_or_default(),
            )
        })
    })
}

/// How to move: a new entry in the history, or in place of the current one.
#[derive(Debug, Clone, Copy, Default)]
pub struct NavigateOptions {
    pub replace: bool,
}

/// Moves to a page of this client (`path?query`), as following a link would.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let a = address();
    move |href: &str, options: NavigateOptions| go(a, href, options.replace)
}

/// Shows `href` and writes it in the history (the browser's address bar), at the top of the
/// page; the fragment, if any, is left to the browser.
fn go(a: Address, href: &str, replace: bool) {
    #[cfg(feature = "csr")]
    if let Some(w) = web_sys::window() {
        if let Ok(history) = w.history() {
            let null = wasm_bindgen::JsValue::NULL;
            let _ = if replace {
                history.replace_state_with_url(&null, "", Some(href))
            } else {
                history.push_state_with_url(&null, "", Some(href))
            };
        }
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    #[cfg(not(feature = "csr"))]
    let _ = replace;
    let (path, query) = split(href);
    show(a, path, query);
}

/// Shows the address, changing only what changed (a new query keeps the page).
fn show(a: Address, path: String, query: String) {
    if a.path.with_untracked(|p| *p != path) {
        a.path.set(path);
    }
    if a.query.with_untracked(|q| *q != query) {
        a.query.set(query);
    }
}

/// The route of the page open now (tracked); it changes only when another page is opened,
/// not when the same page gets another id or query.
pub fn use_route() -> Memo<Option<Route>> {
    let a = address();
    Memo::new(move |_| a.path.with(|p| Route::for_path(p)))
}

/// A link in a menu: `aria-current="page"` (and the style that goes with it) while its page is
/// open; with `exact` only on that very path, else also on the pages under it.
#[component]
pub fn A(
    #[prop(into)] href: Signal<String>,
    #[prop(optional)] exact: bool,
    children: Children,
) -> impl IntoView {
    let a = address();
    let current = move || {
        let here = href.with(|h| split(h).0);
        a.path.with(|p| {
            let p = p.trim_end_matches('/');
            let h = here.trim_end_matches('/');
            p == h || (!exact && p.starts_with(h) && p[h.len()..].starts_with('/'))
        })
    };
    view! {
        <a href=href aria-current=move || current().then_some("page")>{children()}</a>
    }
}

/// Moves to `path` in place of the page being shown (which then never was in the history).
#[component]
pub fn Redirect(path: String) -> impl IntoView {
    let a = address();
    Effect::new(move |_| go(a, &path, true));
}

/// Follows clicks on links to this client's pages here, sends links to another client's pages
/// to the server, and shows the page the back and forward buttons return to.
#[cfg(feature = "csr")]
fn listen(a: Address) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let anchor = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let Some(link) = anchor else { return };
        let Some(w) = web_sys::window() else { return };
        let here = w.location();
        let same_origin = here.origin().is_ok_and(|o| o == link.origin());
        if !same_origin || !link.target().is_empty() || link.has_attribute("download") {
            return;
        }
        let (path, search) = (link.pathname(), link.search());
        if !crate::ui::is_local(&path) {
            ev.prevent_default();
            crate::ui::browser::load_page(&link.href());
            return;
        }
        // A link to a place on this very page (the skip link) is the browser's to follow.
        let same_page =
            here.pathname().is_ok_and(|p| p == path) && here.search().is_ok_and(|s| s == search);
        if same_page && !link.hash().is_empty() {
            return;
        }
        ev.prevent_default();
        go(a, &format!("{path}{search}"), false);
    });
    let on_back = Closure::<dyn Fn()>::new(move || {
        let (path, query) = split(&crate::ui::browser::current_page());
        show(a, path, query);
    });
    if let Some(document) = window.document() {
        let _ =
            document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    }
    let _ = window.add_event_listener_with_callback("popstate", on_back.as_ref().unchecked_ref());
    // Both live as long as the page.
    on_click.forget();
    on_back.forget();
}
