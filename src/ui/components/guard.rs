//! Page frames: the heading and document title, and the sign-in requirement.

use crate::api::pages::Page;
use crate::ui::components::status::Loading;
use crate::ui::i18n::{Common, Lang, use_i18n};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// Shows `children` to signed-in people; sends others to the sign-in page, which brings them
/// back here afterwards.
#[component]
pub fn RequireSignIn(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let go = crate::ui::use_go();
    // Staff without a second factor set one up before anything else.
    let path = crate::ui::router::use_location().pathname.get_untracked();
    let on_security =
        crate::api::pages::Route::for_path(&path) == Some(crate::api::pages::Route::Security);
    // Only signing in or out re-renders the page, not a change to what is known of the person
    // (such as an organisation joined).
    let signed_in = Memo::new(move |_| session.me.with(Option::is_some));
    // Read without tracking: turning two-step sign-in on must not re-create the page it was
    // turned on from (the next page opened checks again).
    let must_set_up = move || {
        session
            .me
            .with_untracked(|m| m.as_ref().is_some_and(|m| m.must_set_up_mfa))
    };
    let shown = move || session.known.get() && signed_in.get() && (on_security || !must_set_up());
    // Going elsewhere happens in the browser only (an effect), after the page has rendered.
    Effect::new(move |_| {
        if !session.known.get() {
            return;
        }
        if !signed_in.get() {
            let here = crate::ui::browser::current_page();
            let next = (here != "/").then_some(here);
            go(&Page::SignIn { next }.href());
        } else if must_set_up() && !on_security {
            go(&Page::Security.href());
        }
    });
    move || {
        if shown() {
            children().into_any()
        } else {
            view! { <Loading/> }.into_any()
        }
    }
}

/// The page's `<h1>` from a fixed string, which also names the browser tab.
#[component]
pub fn PageHeading(text: fn(Lang) -> &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! { <DynamicHeading text=Signal::derive(move || text(i18n.lang()).to_string())/> }
}

/// The page's `<h1>` from text that depends on loaded data.
#[component]
pub fn DynamicHeading(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let title = move || format!("{} · {}", text.get(), Common::of(i18n.lang()).app_name);
    // The server writes the first view's title into the page; the browser sets it here.
    if let Some(page_title) = use_context::<crate::ui::first_paint::PageTitle>() {
        page_title.set(untrack(title));
    }
    Effect::new(move |_| crate::ui::browser::set_title(&title()));
    // Focusable by script only, so navigation can move focus here (see `FocusOnNavigate`).
    view! { <h1 tabindex="-1">{move || text.get()}</h1> }
}
