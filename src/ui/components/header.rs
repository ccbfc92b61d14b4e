//! The site header: brand, main menu, language switch, sign out.

use crate::api::auth::SignOut;
use crate::api::clients::Client;
use crate::api::pages::{Page, Route};
use crate::ui::components::care::{CareBar, CareSwitch};
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::router::A;
use crate::ui::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;

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
            <a class="brand" href=Page::Overview.href()>
                <span class="brand-mark" aria-hidden="true">"⚡"</span>
                <Tr s=|l| Text::of(l).app_name/>
            </a>
            <div class="header-quick">
                <Show when=signed_in>
                    <NotificationBell/>
                </Show>
                <MenuButton/>
            </div>
            <div id="site-menu" class="site-menu">
                <nav class="main-nav" aria-label=move || Text::of(i18n.lang()).main_menu>
                    <Show when=is_customer>
                        <NavLink page=Page::Overview text=|l| Text::of(l).nav_overview/>
                        <NavLink page=Page::Bills text=|l| Text::of(l).nav_bills/>
                        <NavLink page=Page::Usage { account: None } text=|l| Text::of(l).nav_usage/>
                        <NavLink page=Page::Applications text=|l| Text::of(l).nav_applications/>
                        <NavLink page=Page::Repairs text=|l| Text::of(l).nav_repairs/>
                        <NavLink page=Page::Feedback text=|l| Text::of(l).nav_feedback/>
                    </Show>
                    <NavLink page=Page::Outages { outage: None } text=|l| Text::of(l).nav_outages/>
                    <Show when=is_staff>
                        <NavLink page=Page::StaffQueue text=|l| Text::of(l).nav_queue/>
                        <NavLink page=Page::StaffTickets text=|l| Text::of(l).nav_tickets/>
                        <NavLink page=Page::StaffFeedback text=|l| Text::of(l).nav_feedback_queue/>
                        <NavLink page=Page::StaffOutbox text=|l| Text::of(l).nav_outbox/>
                        <NavLink page=Page::StaffPayments text=|l| Text::of(l).nav_payments/>
                    </Show>
                    <Show when=is_supervisor>
                        <NavLink page=Page::StaffDashboard text=|l| Text::of(l).nav_dashboard/>
                        <NavLink page=Page::StaffSecurityLog text=|l| Text::of(l).nav_security_log/>
                    </Show>
                    <Show when=signed_in>
                        <NavLink page=Page::Security text=|l| Text::of(l).nav_security/>
                    </Show>
                </nav>
                <div class="header-actions">
                    <Show when=move || session.me.with(|m| m.as_ref().is_some_and(|m| !m.organisations.is_empty()))>
                        <ContextSwitch/>
                    </Show>
                    <CareSwitch/>
                    <LanguageSwitch/>
                    <Show when=signed_in>
                        <SignOutButton/>
                    </Show>
                </div>
            </div>
        </header>
        <CareBar/>
    }
}

/// The menu's button, shown on a phone. The server's first view (read before the program runs,
/// or with scripts off) opens the menu with a link to it (`:target`); the app, with a button
/// that `public/boot.js` works: it opens and closes the menu (`aria-expanded`, the header's
/// `menu-open`), and closes it on a move from it and with Escape, the focus back here. Plain
/// script keeps that out of every client's program.
#[cfg(feature = "ssr")]
#[component]
fn MenuButton() -> impl IntoView {
    view! {
        <a class="menu-button" href="#site-menu">
            <span class="menu-icon" aria-hidden="true"></span>
            <Tr s=|l| Text::of(l).menu/>
        </a>
    }
}

#[cfg(not(feature = "ssr"))]
#[component]
fn MenuButton() -> impl IntoView {
    view! {
        <button type="button" id="menu-button" class="menu-button" aria-controls="site-menu" aria-expanded="false">
            <span class="menu-icon" aria-hidden="true"></span>
            <Tr s=|l| Text::of(l).menu/>
        </button>
    }
}

thread_local! {
    /// Bumped when something read notices (the list's "mark all read"), so the bell asks again.
    static BELL: RwSignal<u32> = RwSignal::new(0);
}

/// Makes the bell ask for its count again now.
pub fn refresh_bell() {
    BELL.with(|b| b.update(|n| *n += 1));
}

/// How often the bell asks for the count: a dispatch shows within this time, without a reload.
const BELL_EVERY_MS: u64 = 10_000;

/// The bell: a link to the notifications with the unread count, asked every 10 seconds. The
/// count is part of the link's name, and a rise is announced to screen readers.
#[component]
fn NotificationBell() -> impl IntoView {
    use crate::api::notifications::UnreadCount;
    let i18n = use_i18n();
    let count = RwSignal::new(None::<i64>);
    let announce = RwSignal::new(String::new());
    let fetch = move || {
        spawn_local(async move {
            if let Ok(n) = crate::api::codec::call(&UnreadCount {}).await {
                let before = count.get_untracked();
                if before.is_some_and(|b| n > b) {
                    announce.set((Text::of(i18n.lang_untracked()).unread_count)(n));
                }
                count.set(Some(n));
            }
        })
    };
    let tick = BELL.with(|b| *b);
    Effect::new(move |_| {
        tick.track();
        fetch();
    });
    // In an effect, so only in the browser (the server renders this too).
    Effect::new(move |_| {
        if let Ok(handle) =
            set_interval_with_handle(fetch, std::time::Duration::from_millis(BELL_EVERY_MS))
        {
            on_cleanup(move || handle.clear());
        }
    });
    let n = move || count.get().unwrap_or(0);
    let name = move || {
        let t = Text::of(i18n.lang());
        match n() {
            0 => t.notifications.to_string(),
            k => format!("{}, {}", t.notifications, (t.unread_count)(k)),
        }
    };
    view! {
        <a class="bell" href=Page::Notifications.href() aria-label=name>
            <Tr s=|l| Text::of(l).notifications/>
            <Show when=move || { n() > 0 }>
                <span class="bell-count" aria-hidden="true">{n}</span>
            </Show>
        </a>
        <span class="visually-hidden" role="status">{move || announce.get()}</span>
    }
}

/// Picks whom the person is acting for: themselves (their home accounts, on the overview) or
/// one of their organisations (its dashboard).
#[component]
fn ContextSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let go = crate::ui::use_go();
    let location = crate::ui::router::use_location();
    let current = move || {
        location.pathname.with(|p| {
            // The organisation of a business page: its `:org`, the first number after the word.
            let mut segments = p.split('/').filter(|s| !s.is_empty());
            let org = match (Route::for_path(p), segments.next()) {
                (Some(r), Some(_)) if r.client() == Client::Business => segments.next(),
                _ => None,
            };
            org.filter(|id| id.parse::<i64>().is_ok())
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
        match value.parse() {
            Ok(org) => go(&Page::OrgDashboard(crate::domain::RowId(org)).href()),
            // `?home`: the person's own overview, even when they hold no accounts themselves.
            Err(_) => go("/?home"),
        }
    };
    view! {
        <div class="context-switch">
            <label for="acting-for"><Tr s=|l| Text::of(l).context_label/></label>
            <select id="acting-for" on:change=on_change>
                <option value="home" selected=move || current() == "home">{move || Text::of(i18n.lang()).context_home}</option>
                {options}
            </select>
        </div>
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
            aria-label=move || Text::of(i18n.lang()).switch_language
            on:click=move |_| i18n.set(other())
        >
            <Tr s=|l| Text::of(l).other_language/>
        </button>
    }
}

#[component]
fn SignOutButton() -> impl IntoView {
    let session = use_session();
    let go = crate::ui::use_go();
    let write = crate::ui::components::status::Write::new();
    let i18n = use_i18n();
    let on_click = move |_| {
        let email = session
            .me
            .with_untracked(|m| m.as_ref().map(|m| m.email.clone()))
            .unwrap_or_default();
        // A fault report they wrote offline and that is not sent yet would be wiped too.
        let waiting = crate::ui::offline::waiting(&email);
        if waiting > 0
            && !web_sys::window().is_some_and(|w| {
                w.confirm_with_message(&(Text::of(i18n.lang_untracked()).unsent)(waiting))
                    .unwrap_or(false)
            })
        {
            return;
        }
        crate::ui::offline::forget(&email);
        let go = go.clone();
        // Even if the server cannot be reached, forget the session here.
        write.dispatch_then(SignOut {}, move |_| {
            // Again: a read answered while the session was still open may have been kept.
            crate::ui::offline::forget(&email);
            session.signed_out();
            go(&Page::SignIn { next: None }.href());
        });
    };
    view! {
        <button type="button" class="button-quiet" on:click=on_click disabled=write.pending()>
            <Tr s=|l| Text::of(l).sign_out/>
        </button>
    }
}

/// A menu link: inside this app the router follows it (and marks the current page); a page of
/// another client (see `api::clients`) is loaded by the browser.
#[component]
fn NavLink(page: Page, text: fn(crate::ui::i18n::Lang) -> &'static str) -> impl IntoView {
    let href = page.href();
    if page.client() == crate::ui::THIS_CLIENT {
        let exact = page == Page::Overview;
        view! { <A href=href exact><Tr s=text/></A> }.into_any()
    } else {
        view! { <a href=href rel="external"><Tr s=text/></a> }.into_any()
    }
}

crate::ui::i18n::strings! {
    main_menu: &'static str = "Main menu", "主菜单";
    menu: &'static str = "Menu", "菜单";
    switch_language: &'static str = "切换到中文", "Switch to English";
    other_language: &'static str = "中文", "English";
    nav_overview: &'static str = "Overview", "首页";
    sign_out: &'static str = "Sign out", "退出登录";
    nav_queue: &'static str = "Work queue", "工单队列";
    nav_repairs: &'static str = "Repairs", "故障报修";
    nav_outages: &'static str = "Outages", "停电信息";
    nav_tickets: &'static str = "Repair tickets", "抢修工单";
    nav_feedback_queue: &'static str = "Feedback", "客户诉求";
    nav_dashboard: &'static str = "Dashboard", "服务监督";
    nav_feedback: &'static str = "Feedback", "投诉建议";
    context_label: &'static str = "Acting for", "当前身份";
    context_home: &'static str = "Myself (home)", "个人（家庭）";
    nav_usage: &'static str = "Usage", "用电分析";
    nav_outbox: &'static str = "Outbox", "发件箱";
    nav_payments: &'static str = "Payments", "缴费管理";
    nav_security_log: &'static str = "Security log", "安全日志";
    nav_security: &'static str = "Security", "账号安全";
    notifications: &'static str = "Notifications", "消息";
    unsent: fn(usize) -> String = |n| format!("{n} fault report(s) written offline have not been sent yet. Signing out deletes them from this phone. Sign out anyway?"),
        |n| format!("有 {n} 条离线填写的报修尚未发送，退出登录会把它们从本机删除。仍要退出吗？");
    unread_count: fn(i64) -> String = |n| format!("{n} unread"), |n| format!("{n} 条未读");
}
