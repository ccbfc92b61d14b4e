//! The browser client (feature `csr`): routes, pages, shared components, and the strings in
//! both languages. Pages talk to the server only through `crate::api`.

pub mod browser;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod session;

use crate::api::clients::Client;
use components::header::SiteHeader;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::not_found::NotFoundPage;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    i18n::provide_i18n();
    session::provide_session();
    view! {
        <Router>
            <a class="skip-link" href="#main"><components::text::Tr s=|t| t.skip_to_content/></a>
            <SiteHeader/>
            <FocusOnNavigate/>
            <main id="main" class="page" tabindex="-1">{routes()}</main>
        </Router>
    }
}

/// After each move to another page (not the first load), puts keyboard focus on the new page's
/// heading, so screen-reader users hear where they are and keyboard users start from the top.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
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

/// True in the staff console's build (feature `staff`, served under `/staff`).
pub const STAFF_CONSOLE: bool = matches!(THIS_CLIENT, Client::Staff);

/// True when `path` is a page of this build; other paths belong to another client, which the
/// browser loads.
pub fn is_local(path: &str) -> bool {
    Client::for_path(path) == THIS_CLIENT
}

/// Goes to `path`: inside this app without a reload, or by loading the other app.
pub fn use_go() -> impl Fn(&str) + Clone + 'static {
    let navigate = leptos_router::hooks::use_navigate();
    move |path: &str| {
        if is_local(path) {
            navigate(path, Default::default());
        } else {
            browser::load_page(path);
        }
    }
}

/// The customer portal's pages: signing in, the overview, bills, usage.
#[cfg(not(any(feature = "staff", feature = "services", feature = "business")))]
fn routes() -> impl IntoView {
    use pages::{
        bill::BillPage,
        bills::{AccountBillsPage, BillsIndexPage},
        overview::OverviewPage,
        register::RegisterPage,
        sign_in::SignInPage,
        usage::UsagePage,
    };
    view! {
        <Routes fallback=NotFoundPage>
            <Route path=path!("/") view=OverviewPage/>
            <Route path=path!("/signin") view=SignInPage/>
            <Route path=path!("/register") view=RegisterPage/>
            <Route path=path!("/bills") view=BillsIndexPage/>
            <Route path=path!("/bills/:id") view=BillPage/>
            <Route path=path!("/accounts/:id/bills") view=AccountBillsPage/>
            <Route path=path!("/usage") view=UsagePage/>
        </Routes>
    }
}

/// The customer services' pages: connection applications, repairs, outages, feedback.
#[cfg(feature = "services")]
fn routes() -> impl IntoView {
    use pages::apply::ApplyPage;
    use pages::connections::{ApplicationPage, ApplicationsPage};
    use pages::feedback::{FeedbackListPage, FeedbackPage, NewFeedbackPage};
    use pages::outages::OutagesPage;
    use pages::repairs::{TicketPage, TicketsPage};
    use pages::report::ReportPage;
    view! {
        <Routes fallback=NotFoundPage>
            <Route path=path!("/connections") view=ApplicationsPage/>
            <Route path=path!("/connections/new") view=ApplyPage/>
            <Route path=path!("/connections/:id") view=ApplicationPage/>
            <Route path=path!("/repairs") view=TicketsPage/>
            <Route path=path!("/repairs/new") view=ReportPage/>
            <Route path=path!("/repairs/:id") view=TicketPage/>
            <Route path=path!("/outages") view=OutagesPage/>
            <Route path=path!("/feedback") view=FeedbackListPage/>
            <Route path=path!("/feedback/new") view=NewFeedbackPage/>
            <Route path=path!("/feedback/:id") view=FeedbackPage/>
        </Routes>
    }
}

/// The enterprise pages: an organisation's dashboard, sites, members, export; invitations.
#[cfg(feature = "business")]
fn routes() -> impl IntoView {
    use pages::business::{OrgDashboardPage, OrganisationsPage};
    use pages::export::ExportPage;
    use pages::members::{JoinPage, MembersListPage};
    use pages::site::SitePage;
    use pages::sites::SitesListPage;
    view! {
        <Routes fallback=NotFoundPage>
            <Route path=path!("/business") view=OrganisationsPage/>
            <Route path=path!("/business/join/:token") view=JoinPage/>
            <Route path=path!("/business/:org") view=OrgDashboardPage/>
            <Route path=path!("/business/:org/sites") view=SitesListPage/>
            <Route path=path!("/business/:org/sites/:site") view=SitePage/>
            <Route path=path!("/business/:org/members") view=MembersListPage/>
            <Route path=path!("/business/:org/export") view=ExportPage/>
        </Routes>
    }
}

/// The staff console's pages.
#[cfg(feature = "staff")]
fn routes() -> impl IntoView {
    use pages::dispatch::{StaffOutagesPage, StaffTicketPage, TicketQueuePage};
    use pages::feedback_desk::{FeedbackCasePage, FeedbackQueuePage};
    use pages::staff::{QueuePage, StaffCasePage};
    use pages::supervision::DashboardPage;
    view! {
        <Routes fallback=NotFoundPage>
            <Route path=path!("/staff") view=QueuePage/>
            <Route path=path!("/staff/queue") view=QueuePage/>
            <Route path=path!("/staff/cases/:id") view=StaffCasePage/>
            <Route path=path!("/staff/tickets") view=TicketQueuePage/>
            <Route path=path!("/staff/tickets/:id") view=StaffTicketPage/>
            <Route path=path!("/staff/outages") view=StaffOutagesPage/>
            <Route path=path!("/staff/feedback") view=FeedbackQueuePage/>
            <Route path=path!("/staff/feedback/:id") view=FeedbackCasePage/>
            <Route path=path!("/staff/dashboard") view=DashboardPage/>
        </Routes>
    }
}

/// Replaces the static loading shell in `#app` with the app.
pub fn mount() {
    browser::load_other_clients_on_click(is_local);
    let shell = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match shell {
        Some(root) => {
            root.set_inner_html("");
            use wasm_bindgen::JsCast;
            match root.dyn_into::<web_sys::HtmlElement>() {
                Ok(root) => leptos::mount::mount_to(root, App).forget(),
                Err(_) => leptos::mount::mount_to_body(App),
            }
        }
        None => leptos::mount::mount_to_body(App),
    }
}
