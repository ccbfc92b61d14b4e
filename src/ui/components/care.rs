//! Care mode (关怀模式, 适老化): larger type and touch targets, higher contrast (the `care` class
//! on `<html>`, `style/layout.css`), plainer words for the main tasks, and the hotline one tap
//! away. The server writes the class into the first paint (the person's own choice, else this
//! browser's cookie), so nothing jumps when the program starts; a switch changes it for this
//! browser at once and, for a signed-in person, on every device they use.

use crate::api::auth::SetCareMode;
use crate::api::pages::Page;
use crate::ui::components::status::Write;
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The utility's hotline (95598), dialled by the care bar's link.
pub const HOTLINE_LINK: &str = "tel:95598";

/// The switch: a toggle button whose pressed state says whether care mode is on. For a
/// signed-in person the choice is kept with their login (and is what the switch shows); for
/// anyone else, on this browser. A refusal is shown beside it.
#[component]
pub fn CareSwitch() -> impl IntoView {
    let session = use_session();
    let write = Write::<()>::new();
    // Before anyone signs in: as the page was written (the server read this browser's cookie).
    let here = RwSignal::new(crate::ui::browser::care_on_page());
    let on = move || {
        session
            .me
            .with(|m| m.as_ref().map(|m| m.care))
            .unwrap_or_else(|| here.get())
    };
    let on_click = move |_| {
        let now = !untrack(on);
        here.set(now);
        crate::ui::browser::apply_care(now);
        if session.me.with_untracked(Option::is_some) {
            session.me.update(|m| {
                if let Some(m) = m {
                    m.care = now;
                }
            });
            write.dispatch(SetCareMode {
                on: now.to_string(),
            });
        }
    };
    view! {
        <button
            type="button"
            class="button-quiet care-switch"
            aria-pressed=move || if on() { "true" } else { "false" }
            on:click=on_click
        >
            <Tr s=|l| Text::of(l).care_mode/>
        </button>
        {write.refusal()}
    }
}

/// The main tasks in plain words under the header: pay, report a fault, call the hotline.
/// Always in the page, shown only in care mode (`style/layout.css`), so switching needs no
/// rendering.
#[component]
pub fn CareBar() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="care-bar" aria-label=move || Text::of(i18n.lang()).main_tasks>
            <a href=Page::Pay { account: None, bill: None }.href()><Tr s=|l| Text::of(l).pay_plain/></a>
            <a href=Page::Report { account: None }.href()><Tr s=|l| Text::of(l).report_plain/></a>
            <a href=HOTLINE_LINK><Tr s=|l| Text::of(l).call_plain/></a>
        </nav>
    }
}

crate::ui::i18n::strings! {
    care_mode: &'static str = "Care mode", "关怀模式";
    main_tasks: &'static str = "Main tasks", "常用服务";
    pay_plain: &'static str = "Pay my electricity bill", "交电费";
    report_plain: &'static str = "Tell us the power is off", "停电了，报修";
    call_plain: &'static str = "Call us: 95598", "打电话：95598";
}
