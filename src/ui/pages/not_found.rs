//! Any address without a page.

use crate::ui::components::guard::PageHeading;
use crate::ui::components::text::Tr;
use leptos::prelude::*;

/// The page for unknown addresses.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section>
            <PageHeading text=|t| t.not_found_title/>
            <p><Tr s=|t| t.not_found_body/></p>
            <p><a href="/"><Tr s=|t| t.go_home/></a></p>
        </section>
    }
}
