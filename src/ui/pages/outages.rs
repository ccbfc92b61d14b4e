//! Outage notices: current and planned outages by area, readable without signing in; a
//! signed-in customer's own areas first.

use crate::api::repairs::{OutageNotice, list_outages};
use crate::ui::components::data::{Cell, Facts};
use crate::ui::components::guard::PageHeading;
use crate::ui::components::status::{ErrorMessage, Loading};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// `/outages`.
#[component]
pub fn OutagesPage() -> impl IntoView {
    let outages = LocalResource::new(list_outages);
    view! {
        <PageHeading text=|t| t.outages_title/>
        <Suspense fallback=Loading>
            {move || outages.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p><Tr s=|t| t.no_outages/></p> }.into_any(),
                Ok(list) => view! { <OutageList outages=list/> }.into_any(),
                Err(error) => view! { <ErrorMessage error retry=move |_| outages.refetch()/> }.into_any(),
            })}
        </Suspense>
    }
}

/// Notices as cards, each headed by its kind and area.
#[component]
pub fn OutageList(outages: Vec<OutageNotice>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = i18n.t();
        outages
            .iter()
            .map(|o| {
                let heading_id = format!("outage-{}-heading", o.id);
                let labelled_by = heading_id.clone();
                let mut title = format!("{} · {}", t.outage_kind(o.kind), o.area);
                if o.mine {
                    title = format!("{title} ({})", t.your_area);
                }
                let facts = vec![
                    (
                        t.status,
                        Cell::Badge(
                            if o.phase == crate::domain::repair::OutagePhase::Current {
                                "badge badge-overdue"
                            } else {
                                "badge badge-due"
                            },
                            t.outage_phase(o.phase).into(),
                        ),
                    ),
                    (t.field_starts_at, Cell::Text((t.time)(o.starts_at))),
                    (t.field_expected_end, Cell::Text((t.time)(o.expected_end))),
                    (t.field_reason, Cell::Text(o.reason.clone())),
                ];
                view! {
                    <section class="card" id=format!("outage-{}", o.id) aria-labelledby=labelled_by>
                        <h2 id=heading_id>{title}</h2>
                        <Facts facts/>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    }
}
