//! The site header: brand, main menu, language switch, sign out.

use crate::api::auth::sign_out;
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// The header on every page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let signed_in = move || session.me.with(Option::is_some);
    let is_staff = move || {
        session
            .me
            .with(|m| m.as_ref().is_some_and(|m| m.role.is_staff()))
    };
    // Staff hold no accounts of their own: they get the console's menu instead.
    let is_customer = move || signed_in() && !is_staff();
    let is_supervisor = move || {
        session.me.with(|m| {
            m.as_ref()
                .is_some_and(|m| m.role == crate::domain::Role::StaffSupervisor)
        })
    };
    view! {
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"⚡"</span>
                <Tr s=|t| t.app_name/>
            </a>
            <nav class="main-nav" aria-label=move || i18n.t().main_menu>
                <Show when=is_customer>
                    <NavLink href="/" text=|t| t.nav_overview/>
                    <NavLink href="/bills" text=|t| t.nav_bills/>
                    <NavLink href="/usage" text=|t| t.nav_usage/>
                    <NavLink href="/connections" text=|t| t.nav_applications/>
                    <NavLink href="/repairs" text=|t| t.nav_repairs/>
                    <NavLink href="/feedback" text=|t| t.nav_feedback/>
                </Show>
                <NavLink href="/outages" text=|t| t.nav_outages/>
                <Show when=is_staff>
                    <NavLink href="/staff/queue" text=|t| t.nav_queue/>
                    <NavLink href="/staff/tickets" text=|t| t.nav_tickets/>
                    <NavLink href="/staff/feedback" text=|t| t.nav_feedback_queue/>
                </Show>
                <Show when=is_supervisor>
                    <NavLink href="/staff/dashboard" text=|t| t.nav_dashboard/>
                </Show>
            </nav>
            <div class="header-actions">
                <Show when=move || session.me.with(|m| m.as_ref().is_some_and(|m| !m.organisations.is_empty()))>
                    <ContextSwitch/>
                </Show>
                <LanguageSwitch/>
                <Show when=signed_in>
                    <SignOutButton/>
                </Show>
            </div>
        </header>
    }
}

/// Picks whom the person is acting for: themselves (their home accounts, on the overview) or
/// one of their organisations (its dashboard).
#[component]
fn ContextSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let go = crate::ui::use_go();
    let location = leptos_router::hooks::use_location();
    let current = move || {
        location.pathname.with(|p| {
            p.strip_prefix("/business/")
                .and_then(|rest| rest.split('/').next())
                .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()))
                .unwrap_or("home")
                .to_string()
        })
    };
    let options = move || {
        let orgs = session.me.with(|m| {
            m.as_ref()
                .map(|m| m.organisations.clone())
                .unwrap_or_default()
        });
        orgs.into_iter()
            .map(|o| {
                let id = o.organisation_id.to_string();
                let selected = id == current();
                view! { <option value=id selected=selected>{o.name}</option> }
            })
            .collect_view()
    };
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if value == "home" {
            go("/");
        } else {
            go(&format!("/business/{value}"));
        }
    };
    view! {
        <label class="context-switch">
            <span><Tr s=|t| t.context_label/></span>
            <select on:change=on_change>
                <option value="home" selected=move || current() == "home">{move || i18n.t().context_home}</option>
                {options}
            </select>
        </label>
    }
}

/// Switches between English and Chinese. The button reads the other language's name in that
/// language, and its accessible name says what it does.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let other = move || match i18n.lang() {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    };
    view! {
        <button
            type="button"
            class="button-quiet"
            lang=move || other().tag()
            aria-label=move || i18n.t().switch_language
            on:click=move |_| i18n.set(other())
        >
            <Tr s=|t| t.other_language/>
        </button>
    }
}

#[component]
fn SignOutButton() -> impl IntoView {
    let session = use_session();
    let go = crate::ui::use_go();
    let busy = RwSignal::new(false);
    let on_click = move |_| {
        busy.set(true);
        let go = go.clone();
        spawn_local(async move {
            // Even if the server cannot be reached, forget the session here.
            let _ = sign_out().await;
            session.signed_out();
            busy.set(false);
            go("/signin");
        });
    };
    view! {
        <button type="button" class="button-quiet" on:click=on_click disabled=move || busy.get()>
            <Tr s=|t| t.sign_out/>
        </button>
    }
}

/// A menu link: inside this app the router follows it (and marks the current page); a page of
/// another client (see `api::clients`) is loaded by the browser.
#[component]
fn NavLink(
    href: &'static str,
    text: fn(&'static crate::ui::i18n::Text) -> &'static str,
) -> impl IntoView {
    if crate::ui::is_local(href) {
        view! { <A href=href exact={href == "/"}><Tr s=text/></A> }.into_any()
    } else {
        view! { <a href=href rel="external"><Tr s=text/></a> }.into_any()
    }
}
