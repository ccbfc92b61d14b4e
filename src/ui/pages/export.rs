//! Exporting an organisation's bills as CSV: a date range, and all sites, the sites chosen on
//! the sites list, or the sites under a label. The file itself streams from the server.

use crate::api::organisations::Sites;
use crate::api::pages::FileAddress;
use crate::domain::organisation::ExportRange;
use crate::ui::components::choice::DateRange;
use crate::ui::components::guard::{DynamicHeading, RequireSignIn};
use crate::ui::components::org_nav::{OrgNav, org_id, use_org};
use crate::ui::components::status::Load;
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::router::use_query_map;
use leptos::prelude::*;

/// `/business/:org/export?sites=1,2,3` (sites optional).
#[component]
pub fn ExportPage() -> impl IntoView {
    view! { <RequireSignIn><Export/></RequireSignIn> }
}

/// The first day of this month, `back` months ago, in the browser's calendar (ISO).
fn month_start(back: u32) -> String {
    let now = js_sys::Date::new_0();
    let months = now.get_full_year() as i32 * 12 + now.get_month() as i32 - back as i32;
    format!(
        "{:04}-{:02}-01",
        months.div_euclid(12),
        months.rem_euclid(12) + 1
    )
}

#[component]
fn Export() -> impl IntoView {
    let i18n = use_i18n();
    let org = use_org();
    let chosen = use_query_map().with_untracked(|q| q.get("sites").unwrap_or_default());
    let count = chosen.split(',').filter(|s| !s.is_empty()).count();
    let from = RwSignal::new(month_start(12));
    let to = RwSignal::new(month_start(0));
    // "all", "chosen" or "label".
    let which = RwSignal::new(if count > 0 { "chosen" } else { "all" });
    let label = RwSignal::new(String::new());
    // The labels in use come with the first page of sites.
    let choices = Load::ask(move || Sites {
        organisation_id: org.get(),
        search: String::new(),
        tariff: String::new(),
        area: String::new(),
        label: String::new(),
        open_requests: String::new(),
        unpaid: String::new(),
        page: String::new(),
    });
    let labels = move || match choices.get() {
        Some(Ok(p)) => p.labels,
        _ => Vec::new(),
    };
    let range = move || ExportRange::parse(&from.get(), &to.get());
    let chosen = StoredValue::new(chosen);
    let query = move || {
        let mut query = vec![("from", from.get()), ("to", to.get())];
        match which.get() {
            "chosen" => query.push(("sites", chosen.get_value())),
            "label" => query.push(("label", label.get())),
            _ => {}
        }
        query
    };
    let href = move || {
        FileAddress::OrgBills {
            org: org_id(&org.get()),
            query: query(),
        }
        .href()
    };
    let payments_href = move || {
        FileAddress::OrgPayments {
            org: org_id(&org.get()),
            query: query(),
        }
        .href()
    };
    let ready =
        move || range().is_ok() && (which.get() != "label" || !label.with(String::is_empty));
    let radio = move |value: &'static str, text: String| {
        view! {
            <label class="radio">
                <input type="radio" name="export-which" prop:checked=move || which.get() == value on:change=move |_| which.set(value)/>
                {text}
            </label>
        }
    };
    view! {
        <DynamicHeading text=Signal::derive(move || Text::of(i18n.lang()).export_title.to_string())/>
        <OrgNav org/>
        <p class="muted"><Tr s=|l| Text::of(l).export_help/></p>
        <DateRange id="export" from to refused=Signal::derive(move || range().err())/>
        <fieldset class="field">
            <legend><Tr s=|l| Text::of(l).export_which/></legend>
            {move || {
                let t = Text::of(i18n.lang());
                view! {
                    {radio("all", t.export_all.to_string())}
                    {(count > 0).then(|| radio("chosen", (t.export_chosen)(count)))}
                    {radio("label", t.export_by_label.to_string())}
                }
            }}
        </fieldset>
        <Show when=move || which.get() == "label">
            <div class="field">
                <label for="export-label"><Tr s=|l| Text::of(l).field_label/></label>
                <select id="export-label" on:change=move |ev| label.set(event_target_value(&ev))>
                    <option value="">{move || Text::of(i18n.lang()).choose}</option>
                    {move || labels().into_iter().map(|l| { let v = l.clone(); view! { <option value=v>{l}</option> } }).collect_view()}
                </select>
            </div>
        </Show>
        <p>
            <a class="button button-primary" href=href download aria-disabled=move || (!ready()).then_some("true")
                on:click=move |ev| if !ready() { ev.prevent_default(); }>
                <Tr s=|l| Text::of(l).download_csv/>
            </a>
            " "
            <a class="button" href=payments_href download aria-disabled=move || (!ready()).then_some("true")
                on:click=move |ev| if !ready() { ev.prevent_default(); }>
                <Tr s=|l| Text::of(l).download_payments/>
            </a>
        </p>
    }
}

crate::ui::i18n::strings! {
    export_title: &'static str = "Export bills", "导出账单";
    export_help: &'static str =
        "Bills: one line per bill (site, account number, period, kWh, amount, paid, due date, status, labels). Payments: one line per payment received in the range (site, account number, time, amount, refunded, how it was paid, receipt number, labels).",
        "账单：每张账单一行（用电户、户号、账期、电量、金额、已缴、截止日、状态、标签）。缴费记录：期间内每笔缴费一行（用电户、户号、时间、金额、已退款、缴费方式、凭证号、标签）。";
    export_which: &'static str = "Which sites", "导出范围";
    download_payments: &'static str = "Download payments (CSV)", "下载缴费记录（CSV）";
    export_all: &'static str = "All sites", "全部用电户";
    export_chosen: fn(usize) -> String =
        |n| format!("The {n} sites chosen on the sites list"),
        |n| format!("在用电户列表中选中的 {n} 个用电户");
    export_by_label: &'static str = "Sites with the label", "指定标签的用电户";
}
