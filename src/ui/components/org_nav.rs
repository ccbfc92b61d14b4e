//! An organisation's own menu (dashboard, sites, members, export), and its id from the address.

use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

/// The `:org` of the address, the organisation a business page is about.
pub fn use_org() -> Memo<String> {
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.with(|p| p.get("org").unwrap_or_default()))
}

/// The menu under a business page's heading.
#[component]
pub fn OrgNav(org: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let link = move |tail: &'static str,
                     text: fn(&'static crate::ui::i18n::Text) -> &'static str| {
        view! { <li><A href=move || format!("/business/{}{tail}", org.get()) exact=true><Tr s=text/></A></li> }
    };
    view! {
        <nav aria-label=move || i18n.t().biz_menu>
            <ul class="sub-nav">
                {link("", |t| t.biz_dashboard)}
                {link("/sites", |t| t.biz_sites)}
                {link("/members", |t| t.biz_members)}
                {link("/export", |t| t.biz_export)}
            </ul>
        </nav>
    }
}
