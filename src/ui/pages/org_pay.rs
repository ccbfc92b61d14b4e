//! Paying several of an organisation's sites in one payment (owners and managers): the sites
//! that owe money, the chosen ones ticked, the total, and the provider's page.

use crate::api::organisations::{Sites, SitesPage};
use crate::api::pay::StartSitePayment;
use crate::domain::{Fen, Field};
use crate::ui::components::guard::{DynamicHeading, RequireSignIn};
use crate::ui::components::org_nav::{OrgNav, use_org};
use crate::ui::components::status::{Load, Write, loaded};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::router::use_query_map;
use leptos::prelude::*;

/// `/business/:org/pay?sites=1,2,3`.
#[component]
pub fn OrgPayPage() -> impl IntoView {
    view! { <RequireSignIn><OrgPay/></RequireSignIn> }
}

#[component]
fn OrgPay() -> impl IntoView {
    let i18n = use_i18n();
    let org = use_org();
    let query = use_query_map();
    let owing = Load::ask(move || Sites {
        organisation_id: org.get(),
        search: String::new(),
        tariff: String::new(),
        area: String::new(),
        label: String::new(),
        open_requests: String::new(),
        unpaid: "true".into(),
        page: query.with(|q| q.get("page").unwrap_or_default()),
    });
    let asked: Vec<String> = query.with_untracked(|q| {
        q.get("sites")
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    });
    view! {
        <DynamicHeading text=Signal::derive(move || Text::of(i18n.lang()).org_pay_title.to_string())/>
        <OrgNav org/>
        {loaded(owing, move |page| view! { <Choose page asked=asked.clone()/> })}
    }
}

#[component]
fn Choose(page: SitesPage, asked: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let org = use_org();
    let sites: Vec<_> = page
        .sites
        .into_iter()
        .filter(|s| s.balance_due.is_positive())
        .collect();
    let start: Vec<String> = if asked.is_empty() {
        sites.iter().map(|s| s.id.to_string()).collect()
    } else {
        sites
            .iter()
            .map(|s| s.id.to_string())
            .filter(|id| asked.contains(id))
            .collect()
    };
    let chosen = RwSignal::new(start);
    let owed: Vec<(String, Fen)> = sites
        .iter()
        .map(|s| (s.id.to_string(), s.balance_due))
        .collect();
    let total = move || -> Fen {
        chosen.with(|c| {
            owed.iter()
                .filter(|(id, _)| c.contains(id))
                .map(|(_, f)| *f)
                .sum()
        })
    };
    let write = Write::new();
    let busy = write.pending();
    let key = crate::ui::browser::submission_key();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        write.dispatch_then(
            StartSitePayment {
                organisation_id: org.get_untracked(),
                sites: chosen.get_untracked().join(","),
                idempotency_key: key.clone(),
            },
            |r| {
                if let Ok(c) = r {
                    crate::ui::browser::load_page(&c.checkout_url);
                }
            },
        );
    };
    if sites.is_empty() {
        return view! { <p role="status"><Tr s=|l| Text::of(l).nothing_owed/></p> }.into_any();
    }
    let boxes = sites
        .into_iter()
        .map(|s| {
            let (id, id2) = (s.id.to_string(), s.id.to_string());
            let label = move || {
                let t = Text::of(i18n.lang());
                (t.site_owes)(&s.name, &s.account_number, &s.balance_due.to_string())
            };
            view! {
                <li>
                    <label class="radio">
                        <input type="checkbox" name="sites" value=id.clone()
                            prop:checked=move || chosen.with(|c| c.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|c| {
                                    c.retain(|x| *x != id2);
                                    if on { c.push(id2.clone()); }
                                });
                            }/>
                        {label}
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        {write.refusal()}
        <form on:submit=submit novalidate>
            <fieldset class="field">
                <legend><Tr s=|l| Text::of(l).choose_sites_to_pay/></legend>
                <ul class="plain-list">{boxes}</ul>
                <p class="field-error">{move || write.field_error(Field::Sites).get().map(|e| crate::ui::i18n::Common::of(i18n.lang()).error(&e))}</p>
            </fieldset>
            <p role="status">{move || (Text::of(i18n.lang()).pay_total)(&total().to_string(), chosen.with(Vec::len))}</p>
            <p class="muted"><Tr s=|l| Text::of(l).hosted_note_org/></p>
            <button type="submit" class="button button-primary" disabled=move || busy.get() || chosen.with(Vec::is_empty)>
                <Tr s=|l| Text::of(l).pay_sites/>
            </button>
        </form>
    }
    .into_any()
}

crate::ui::i18n::strings! {
    org_pay_title: &'static str = "Pay for sites", "批量缴费";
    nothing_owed: &'static str = "No site owes anything. Thank you!", "所有用电户均已缴清，谢谢！";
    choose_sites_to_pay: &'static str = "Sites to pay for", "选择要缴费的用电户";
    site_owes: fn(&str, &str, &str) -> String =
        |n, a, o| format!("{n} ({a}): {o}"),
        |n, a, o| format!("{n}（{a}）：{o}");
    pay_total: fn(&str, usize) -> String =
        |t, n| format!("Total {t} for {n} sites"),
        |t, n| format!("合计 {t}，共 {n} 个用电户");
    pay_sites: &'static str = "Pay", "缴费";
    hosted_note_org: &'static str =
        "Each site is paid what it owes now, in one payment on the payment provider's secure page.",
        "每个用电户按当前欠费金额缴纳，在支付机构的安全页面一次付清。";
}
