//! Any address without a page.

use crate::api::pages::Page;
use crate::ui::components::guard::PageHeading;
use crate::ui::components::text::Tr;
use leptos::prelude::*;

/// The page for unknown addresses.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section>
            <PageHeading text=|l| Text::of(l).not_found_title/>
            <p><Tr s=|l| Text::of(l).not_found_body/></p>
            <p><a href=Page::Overview.href()><Tr s=|l| Text::of(l).go_home/></a></p>
        </section>
    }
}

crate::ui::i18n::strings! {
    not_found_title: &'static str = "Page not found", "页面不存在";
    not_found_body: &'static str = "There is no page at this address.", "此地址没有页面。";
    go_home: &'static str = "Go to the overview", "返回首页";
}
