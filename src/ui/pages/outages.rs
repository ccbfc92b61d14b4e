//! Outage notices: current and planned outages by area, readable without signing in; a
//! signed-in customer's own areas first.

use crate::api::repairs::{ListOutages, OutageNotice};
use crate::ui::components::data::{Cell, Facts};
use crate::ui::components::guard::PageHeading;
use crate::ui::components::status::{Load, loaded};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// `/outages`.
#[component]
pub fn OutagesPage() -> impl IntoView {
    let show = |list: Vec<OutageNotice>| match list {
        list if list.is_empty() => view! { <p><Tr s=|l| Text::of(l).no_outages/></p> }.into_any(),
        list => view! { <OutageList outages=list/> }.into_any(),
    };
    // The notices the server wrote into the page (its first view), if it did; else they are
    // asked for.
    let first = crate::ui::first_paint::take_outages().map(Ok);
    view! {
        <PageHeading text=|l| Text::of(l).outages_title/>
        {loaded(Load::ask_starting_with(first, || ListOutages {}), show)}
    }
}

/// Notices as cards, each headed by its kind and area.
#[component]
pub fn OutageList(outages: Vec<OutageNotice>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = Text::of(i18n.lang());
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
                        <h2 id=heading_id>{title.clone()}</h2>
                        <Facts facts/>
                        {crate::ui::components::share::share_button(
                            t.share_notice,
                            Some(title.clone()),
                            title,
                            o.reason.clone(),
                            crate::api::pages::Page::Outages { outage: Some(o.id) }.href(),
                        )}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    }
}

crate::ui::i18n::strings! {
    share_notice: &'static str = "Share this notice", "分享此通知";
    your_area: &'static str = "Your area", "您所在地区";
    phase_current: &'static str = "Now", "正在停电";
    phase_upcoming: &'static str = "Coming", "即将停电";
    phase_ended: &'static str = "Over", "已结束";
}

impl Text {
    /// Whether an outage is on now, coming, or over.
    pub fn outage_phase(&self, p: crate::domain::repair::OutagePhase) -> &'static str {
        match p {
            crate::domain::repair::OutagePhase::Current => self.phase_current,
            crate::domain::repair::OutagePhase::Upcoming => self.phase_upcoming,
            crate::domain::repair::OutagePhase::Ended => self.phase_ended,
        }
    }
}
