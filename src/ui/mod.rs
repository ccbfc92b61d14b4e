//! The browser client (feature `csr`): routes, pages, shared components, and the strings in
//! both languages. Pages talk to the server only through `crate::api`.

pub mod browser;
// Private: the server builds only the pages it renders (`route`), not every page.
mod components;
pub mod first_paint;
pub mod i18n;
pub mod offline;
mod pages;
pub mod router;
pub mod session;

use crate::api::clients::Client;
use crate::api::first_paint::FirstPaint;
use crate::api::pages::{Page, Route};
use components::header::SiteHeader;
use leptos::prelude::*;
use pages::not_found::NotFoundPage;

/// The whole app. `first` is what the server wrote into the page (`api::first_paint`): with
/// it, the first view needs no request (the language, who is signed in, the page's data).
#[component]
pub fn App(first: Option<FirstPaint>) -> impl IntoView {
    let (lang, me, outages, overview) = match first {
        Some(f) => (Some(f.lang()), Some(f.me), f.outages, f.overview),
        None => (None, None, None, None),
    };
    i18n::provide_i18n(lang);
    session::provide_session(me);
    provide_context(first_paint::Preloaded {
        outages: StoredValue::new(outages),
        overview: StoredValue::new(overview),
    });
    router::provide_router();
    view! {
        <a class="skip-link" href="#main"><components::text::Tr s=|l| Text::of(l).skip_to_content/></a>
        <SiteHeader/>
        <FocusOnNavigate/>
        <main id="main" class="page" tabindex="-1">{routes()}</main>
    }
}

/// After each move to another page (not the first load), puts keyboard focus on the new page's
/// heading, so screen-reader users hear where they are and keyboard users start from the top.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = router::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            request_animation_frame(browser::focus_main_heading);
        }
        path
    });
}

/// The client this build is (see `api::clients`): the pages it holds are followed by the
/// router, every other page is loaded by the browser.
pub const THIS_CLIENT: Client = Client::this();

/// True when `path` is a page of this build; other paths belong to another client, which the
/// browser loads.
pub fn is_local(path: &str) -> bool {
    Client::for_path(path) == THIS_CLIENT
}

/// Goes to `path`: inside this app without a reload, or by loading the other app.
pub fn use_go() -> impl Fn(&str) + Clone + 'static {
    let navigate = router::use_navigate();
    move |path: &str| {
        if is_local(path) {
            navigate(path, Default::default());
        } else {
            browser::load_page(path);
        }
    }
}

/// The page of the address shown, from the page table (`api::pages::Route`); another page of
/// the table, or an address that is no page, shows "not found". Only opening another page
/// builds a new one: the same page with another id or query reads it from the address.
fn routes() -> impl IntoView {
    let route = router::use_route();
    move || {
        route
            .get()
            .and_then(page)
            .unwrap_or_else(|| NotFoundPage().into_any())
    }
}

/// The page a route shows, when this client serves it. Each arm asks the table in a constant
/// expression, so a client's build never links another client's pages or their strings. A
/// route without an arm here does not compile.
fn page(route: Route) -> Option<AnyView> {
    use pages::*;
    macro_rules! page {
        ($route:ident => $view:path) => {
            // The server renders the first view of the public pages (`server::pages`),
            // whichever client serves them, and builds no other page.
            if const {
                if cfg!(feature = "ssr") {
                    Route::$route.first_paint()
                } else {
                    Route::$route.served_by(THIS_CLIENT)
                }
            } {
                Some(untrack(|| $view().into_any()))
            } else {
                None
            }
        };
    }
    match route {
        Route::Overview => page!(Overview => overview::OverviewPage),
        Route::SignIn => page!(SignIn => sign_in::SignInPage),
        Route::Register => page!(Register => register::RegisterPage),
        Route::Bills => page!(Bills => bills::BillsIndexPage),
        Route::Bill => page!(Bill => bill::BillPage),
        Route::AccountBills => page!(AccountBills => bills::AccountBillsPage),
        Route::Usage => page!(Usage => usage::UsagePage),
        Route::Applications => page!(Applications => connections::ApplicationsPage),
        Route::Apply => page!(Apply => apply::ApplyPage),
        Route::Application => page!(Application => connections::ApplicationPage),
        Route::Repairs => page!(Repairs => repairs::TicketsPage),
        Route::Report => page!(Report => report::ReportPage),
        Route::Ticket => page!(Ticket => repairs::TicketPage),
        Route::Outages => page!(Outages => outages::OutagesPage),
        Route::Feedback => page!(Feedback => feedback::FeedbackListPage),
        Route::GiveFeedback => page!(GiveFeedback => feedback::NewFeedbackPage),
        Route::FeedbackCase => page!(FeedbackCase => feedback::FeedbackPage),
        Route::Organisations => page!(Organisations => business::OrganisationsPage),
        Route::Join => page!(Join => members::JoinPage),
        Route::OrgDashboard => page!(OrgDashboard => business::OrgDashboardPage),
        Route::Sites => page!(Sites => sites::SitesListPage),
        Route::Site => page!(Site => site::SitePage),
        Route::Members => page!(Members => members::MembersListPage),
        Route::Export => page!(Export => export::ExportPage),
        Route::StaffHome => page!(StaffHome => staff::QueuePage),
        Route::StaffQueue => page!(StaffQueue => staff::QueuePage),
        Route::StaffCase => page!(StaffCase => staff::StaffCasePage),
        Route::StaffTickets => page!(StaffTickets => dispatch::TicketQueuePage),
        Route::StaffTicket => page!(StaffTicket => dispatch::StaffTicketPage),
        Route::StaffOutages => page!(StaffOutages => dispatch::StaffOutagesPage),
        Route::StaffFeedback => page!(StaffFeedback => feedback_desk::FeedbackQueuePage),
        Route::StaffFeedbackCase => page!(StaffFeedbackCase => feedback_desk::FeedbackCasePage),
        Route::StaffDashboard => page!(StaffDashboard => supervision::DashboardPage),
        Route::Notifications => page!(Notifications => notifications::NotificationsPage),
        Route::NotificationSettings => {
            page!(NotificationSettings => notifications::NotificationSettingsPage)
        }
        Route::StaffOutbox => page!(StaffOutbox => outbox::OutboxPage),
        Route::VerifyEmail => page!(VerifyEmail => account::VerifyEmailPage),
        Route::ForgotPassword => page!(ForgotPassword => account::ForgotPasswordPage),
        Route::ResetPassword => page!(ResetPassword => account::ResetPasswordPage),
        Route::Security => page!(Security => account::SecurityPage),
        Route::StaffSecurityLog => page!(StaffSecurityLog => security_log::SecurityLogPage),
        Route::PayDone => page!(PayDone => pay::PayDonePage),
        Route::Pay => page!(Pay => pay::PayPage),
        Route::Receipt => page!(Receipt => pay::ReceiptPage),
        Route::OrgPay => page!(OrgPay => org_pay::OrgPayPage),
        Route::StaffPayments => page!(StaffPayments => staff_payments::StaffPaymentsPage),
    }
}

/// Goes to `page`: inside this app without a reload, or by loading the other app.
pub fn use_go_to() -> impl Fn(Page) + Clone + 'static {
    let go = use_go();
    move |page: Page| go(&page.href())
}

/// Replaces what the server sent in `#app` (its first view, or the static loading shell) with
/// the app, started from what the server knew, so the first view does not change; what the
/// person typed meanwhile, and the focus, are kept. (`public/boot.js` starts the program only
/// after the browser has painted a first view the server rendered.)
#[cfg(feature = "csr")]
pub fn mount() {
    // The first render runs in a task of its own, after the one that compiled and started the
    // program: two shorter tasks, so a slow phone answers a tap in between (Lighthouse counts
    // the part of each task past 50 ms as blocking). `public/boot.js` waits for it.
    set_timeout(
        || {
            replace_app(
                browser::first_paint_text().and_then(|t| crate::api::codec::from_json_str(&t).ok()),
            )
        },
        std::time::Duration::ZERO,
    );
}

#[cfg(feature = "csr")]
fn replace_app(first: Option<FirstPaint>) {
    use wasm_bindgen::JsCast;
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            let typed = browser::typed_into(&root);
            root.set_inner_html("");
            leptos::mount::mount_to(root.clone(), move || view! { <App first/> }).forget();
            browser::type_back(&root, typed);
            // The app is in charge now (`public/boot.js` and the tests look for this).
            let _ = root.remove_attribute("data-rendered");
            let _ = root.set_attribute("data-started", "");
        }
        None => leptos::mount::mount_to_body(move || view! { <App first/> }),
    }
}

crate::ui::i18n::strings! {
    skip_to_content: &'static str = "Skip to content", "跳到正文";
}
