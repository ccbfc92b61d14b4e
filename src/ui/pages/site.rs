//! One site of an organisation: its facts and labels, its months of use, its bills and its
//! open requests, and the ways to file one for it (for owners and managers).

use crate::api::organisations::{LabelSite, Site, SiteDetail};
use crate::api::pages::Page;
use crate::domain::organisation::parse_label;
use crate::ui::components::chart::{BarChart, BarGroup};
use crate::ui::components::data::{Cell, DataTable, Facts};
use crate::ui::components::guard::{DynamicHeading, RequireSignIn};
use crate::ui::components::org_nav::{OrgNav, use_org};
use crate::ui::components::status::{ErrorMessage, Load, Write, loaded_in_place, status_badge};
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::pages::business::{request_headings, request_rows};
use crate::ui::router::use_params_map;
use leptos::prelude::*;

/// `/business/:org/sites/:site`.
#[component]
pub fn SitePage() -> impl IntoView {
    view! { <RequireSignIn><SiteView/></RequireSignIn> }
}

#[component]
fn SiteView() -> impl IntoView {
    let i18n = use_i18n();
    let org = use_org();
    let params = use_params_map();
    let site_id = Memo::new(move |_| params.with(|p| p.get("site").unwrap_or_default()));
    let detail = Load::ask(move || Site {
        organisation_id: org.get(),
        site_id: site_id.get(),
    });
    let heading = move || match detail.get() {
        Some(Ok(d)) => d.site.name,
        _ => Text::of(i18n.lang()).biz_sites.to_string(),
    };
    view! {
        <DynamicHeading text=Signal::derive(heading)/>
        <OrgNav org/>
        {loaded_in_place(detail, move |d| view! { <SiteBody detail=d on_change=move || detail.refetch()/> }.into_any())}
    }
}

#[component]
fn SiteBody(
    detail: SiteDetail,
    on_change: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let role = detail.organisation.role;
    let site_id = detail.site.id;
    let labels = detail.site.labels.clone();
    let body = move || {
        let t = Text::of(i18n.lang());
        let d = &detail;
        let s = &d.site;
        let tariff = if i18n.lang() == Lang::Zh {
            &s.tariff.zh
        } else {
            &s.tariff.en
        };
        let mut facts = vec![
            (t.account_number, Cell::Mono(s.account_number.clone())),
            (t.premise, Cell::Text(s.premise_address.clone())),
            (t.tariff, Cell::Text(tariff.clone())),
            (t.supply_area_label, Cell::Text(s.supply_area.clone())),
            (t.col_owed, Cell::Num(s.balance_due.to_string())),
        ];
        if let Some(due) = s.next_due {
            facts.push((t.next_due, Cell::Text(t.date(due))));
        }
        // Oldest first, as time runs left to right.
        let groups = d
            .bills
            .iter()
            .rev()
            .map(|b| BarGroup {
                label: format!("{:02}", chrono::Datelike::month(&b.period_start)),
                bars: vec![(
                    Some(b.energy.centi().max(0) as u64),
                    format!(
                        "{}{}{} kWh",
                        t.month_year(b.period_start),
                        t.colon,
                        b.energy
                    ),
                )],
            })
            .collect();
        let bills = d
            .bills
            .iter()
            .map(|b| {
                vec![
                    Cell::Link {
                        href: Page::Bill(b.id).href(),
                        text: t.month_year(b.period_start),
                        hidden: String::new(),
                    },
                    Cell::Num(b.energy.to_string()),
                    Cell::Num(b.total.to_string()),
                    Cell::Text(t.date(b.due_on)),
                    status_badge(t, b.status),
                ]
            })
            .collect();
        let requests = request_rows(t, &d.requests);
        let no_requests = requests.is_empty();
        view! {
            <section class="card" aria-label=t.account_number><Facts facts/></section>
            <section aria-labelledby="requests-heading">
                <h2 id="requests-heading">{t.open_requests_title}</h2>
                {if no_requests {
                    view! { <p>{t.no_open_requests}</p> }.into_any()
                } else {
                    view! { <DataTable headings=request_headings(t) rows=requests cards=true/> }.into_any()
                }}
            </section>
            <section aria-labelledby="usage-heading">
                <h2 id="usage-heading">{t.usage_by_month}</h2>
                <BarChart id="site-usage" title=t.usage_by_month.to_string() description=t.usage_chart_desc.to_string() groups/>
            </section>
            <section aria-labelledby="bills-heading">
                <h2 id="bills-heading">{t.nav_bills}</h2>
                <DataTable
                    headings=vec![(t.col_period, false), (t.col_energy, true), (t.col_amount, true), (t.col_due, false), (t.col_status, false)]
                    rows=bills
                    cards=true
                />
            </section>
        }
        .into_any()
    };
    let actions = move || {
        let t = Text::of(i18n.lang());
        if role.may_act() {
            view! {
                <p class="wizard-buttons">
                    <a class="button" href=Page::Report { account: Some(site_id) }.href()>{t.report_for_site}</a>
                    <a class="button" href=Page::Apply.href()>{t.apply_for_site}</a>
                </p>
            }
            .into_any()
        } else {
            view! { <p class="muted">{t.read_only_role}</p> }.into_any()
        }
    };
    view! {
        {actions}
        <Labels site_id=site_id.to_string() labels may_edit=role.may_manage() on_change/>
        {body}
    }
}

/// A site's labels; owners add and remove them.
#[component]
fn Labels(
    site_id: String,
    labels: Vec<String>,
    may_edit: bool,
    on_change: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let org = use_org();
    let action = Write::new();
    let new_label = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(_)) = action.value().get() {
            new_label.set(String::new());
            tried.set(false);
            on_change();
        }
    });
    let site = StoredValue::new(site_id);
    let dispatch = move |label: String, add: bool| {
        action.dispatch(LabelSite {
            organisation_id: org.get_untracked(),
            site_id: site.get_value(),
            label,
            add: add.to_string(),
        });
    };
    let refused = Signal::derive(move || {
        if !tried.get() {
            return None;
        }
        parse_label(&new_label.get()).err()
    });
    let list = labels
        .into_iter()
        .map(|l| {
            let l2 = l.clone();
            let remove = may_edit.then(|| {
                let l3 = l.clone();
                view! {
                    <button type="button" class="chip-remove" aria-label=move || (Text::of(i18n.lang()).remove_label)(&l3)
                        on:click=move |_| dispatch(l2.clone(), false)>"×"</button>
                }
            });
            view! { <li class="badge">{l}{remove}</li> }
        })
        .collect_view();
    let form = may_edit.then(|| {
        let submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            tried.set(true);
            if parse_label(&new_label.get_untracked()).is_ok() {
                dispatch(new_label.get_untracked(), true);
            }
        };
        view! {
            <form on:submit=submit novalidate class="form-row">
                <crate::ui::components::choice::InputField id="new-label" label=|l| Text::of(l).new_label value=new_label error=refused/>
                <div class="field"><button type="submit" class="button"><Tr s=|l| Text::of(l).add_label/></button></div>
            </form>
        }
    });
    view! {
        <section aria-labelledby="labels-heading">
            <h2 id="labels-heading"><Tr s=|l| Text::of(l).col_labels/></h2>
            <ul class="plain-list labels">{list}</ul>
            {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
            {form}
        </section>
    }
}

crate::ui::i18n::strings! {
    add_label: &'static str = "Add label", "添加标签";
    remove_label: fn(&str) -> String = |l| format!("Remove label {l}"), |l| format!("移除标签 {l}");
    new_label: &'static str = "New label", "新标签";
    usage_chart_desc: &'static str =
        "Bars show the kWh billed each month; the bills table has the same numbers.",
        "柱形为每月计费电量；账单表中为相同数据。";
    report_for_site: &'static str = "Report a fault here", "为此用电户报修";
    apply_for_site: &'static str = "Apply for a change here", "为此用电户办理业扩";
}
