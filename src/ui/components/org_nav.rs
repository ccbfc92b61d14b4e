//! An organisation's own menu (dashboard, sites, members, export), and its id from the address.

use crate::api::pages::Page;
use crate::domain::RowId;
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::router::A;
use leptos::prelude::*;

/// The `:org` of the address, the organisation a business page is about.
pub fn use_org() -> Memo<String> {
    let params = crate::ui::router::use_params_map();
    Memo::new(move |_| params.with(|p| p.get("org").unwrap_or_default()))
}

/// The organisation id of an `:org` (0, which no organisation has, when it is not a number).
pub fn org_id(org: &str) -> RowId {
    RowId(org.parse().unwrap_or(0))
}

/// The menu under a business page's heading.
#[component]
pub fn OrgNav(org: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let link = move |page: fn(RowId) -> Page, text: fn(crate::ui::i18n::Lang) -> &'static str| {
        view! { <li><A href=move || page(org_id(&org.get())).href() exact=true><Tr s=text/></A></li> }
    };
    view! {
        <nav aria-label=move || Text::of(i18n.lang()).biz_menu>
            <ul class="sub-nav">
                {link(Page::OrgDashboard, |l| Text::of(l).biz_dashboard)}
                {link(|org| Page::Sites { org, query: String::new() }, |l| Text::of(l).biz_sites)}
                {link(Page::Members, |l| Text::of(l).biz_members)}
                {link(|org| Page::Export { org, sites: Vec::new() }, |l| Text::of(l).biz_export)}
            </ul>
        </nav>
    }
}

crate::ui::i18n::strings! {
    biz_menu: &'static str = "Organisation menu", "企业菜单";
    biz_export: &'static str = "Export", "导出";
}
