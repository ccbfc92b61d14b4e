//! An organisation's sites: search and filters kept in the address (so a list can be shared and
//! the back button works), pages of sites, and a choice of sites to export.

use crate::api::organisations::{Sites, SitesPage};
use crate::api::pages::Page;
use crate::ui::components::data::{Cell, DataTable};
use crate::ui::components::guard::{DynamicHeading, RequireSignIn};
use crate::ui::components::org_nav::{OrgNav, org_id, use_org};
use crate::ui::components::status::{Load, loaded};
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::pages::business::site_link;
use crate::ui::router::{use_navigate, use_query_map};
use leptos::prelude::*;

/// The filters, in the order the address and the server function take them.
const FILTERS: [&str; 6] = [
    "search",
    "tariff",
    "area",
    "label",
    "open_requests",
    "unpaid",
];

/// `/business/:org/sites?search=…&tariff=…&area=…&label=…&open_requests=true&unpaid=true&page=N`.
#[component]
pub fn SitesListPage() -> impl IntoView {
    view! { <RequireSignIn><SitesList/></RequireSignIn> }
}

#[component]
fn SitesList() -> impl IntoView {
    let i18n = use_i18n();
    let org = use_org();
    let query = use_query_map();
    let value = move |name: &str| query.with(|q| q.get(name).unwrap_or_default());
    let page = Load::ask(move || {
        let [search, tariff, area, label, open, unpaid] = FILTERS.map(value);
        Sites {
            organisation_id: org.get(),
            search,
            tariff,
            area,
            label,
            open_requests: open,
            unpaid,
            page: value("page"),
        }
    });
    let chosen = RwSignal::new(Vec::<String>::new());
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let values = crate::ui::browser::form_values(&ev, FILTERS);
        let pairs: Vec<(&str, String)> = FILTERS.iter().copied().zip(values).collect();
        let query = crate::api::pages::query(&pairs);
        let org = org_id(&org.get_untracked());
        navigate(&Page::Sites { org, query }.href(), Default::default());
    };
    view! {
        <DynamicHeading text=Signal::derive(move || Text::of(i18n.lang()).biz_sites.to_string())/>
        <OrgNav org/>
        {loaded(page, move |p| view! {
                <Filters page=p.clone() on_submit=submit.clone() value/>
                <SitesTable page=p chosen/>
            }.into_any())}
    }
}

/// The search form, filled from the address.
#[component]
fn Filters(
    page: SitesPage,
    on_submit: impl Fn(leptos::ev::SubmitEvent) + 'static,
    value: impl Fn(&str) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let org = use_org();
    let form = move || {
        let t = Text::of(i18n.lang());
        let zh = i18n.lang() == Lang::Zh;
        let select = |name: &'static str, label: &'static str, options: Vec<(String, String)>| {
            let current = value(name);
            let id = format!("sites-{name}");
            let options = options
                .into_iter()
                .map(|(v, text)| {
                    let selected = v == current;
                    view! { <option value=v selected=selected>{text}</option> }
                })
                .collect_view();
            view! {
                <div class="field">
                    <label for=id.clone()>{label}</label>
                    <select id=id name=name>
                        <option value="">{t.choice_all}</option>
                        {options}
                    </select>
                </div>
            }
        };
        let tariffs = page
            .tariffs
            .iter()
            .map(|(code, name)| {
                (
                    code.clone(),
                    if zh { name.zh.clone() } else { name.en.clone() },
                )
            })
            .collect();
        let areas = page.areas.iter().map(|a| (a.clone(), a.clone())).collect();
        let labels = page.labels.iter().map(|l| (l.clone(), l.clone())).collect();
        let check = |name: &'static str, label: &'static str| {
            let on = value(name) == "true";
            view! {
                <label class="radio">
                    <input type="checkbox" name=name value="true" checked=on/>
                    {label}
                </label>
            }
        };
        view! {
            <div class="field">
                <label for="sites-search">{t.field_search}</label>
                <input id="sites-search" name="search" type="search" value=value("search")/>
            </div>
            <div class="form-row">
                {select("tariff", t.tariff, tariffs)}
                {select("area", t.supply_area_label, areas)}
                {select("label", t.field_label, labels)}
            </div>
            <div class="field">
                {check("open_requests", t.field_open_requests)}
                {check("unpaid", t.field_unpaid)}
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="find-sites-heading">
            <h2 id="find-sites-heading"><Tr s=|l| Text::of(l).find_sites/></h2>
            <form on:submit=on_submit role="search">
                {form}
                <div class="wizard-buttons">
                    <button type="submit" class="button button-primary"><Tr s=|l| Text::of(l).show_sites/></button>
                    <a class="button" href=move || Page::Sites { org: org_id(&org.get()), query: String::new() }.href()><Tr s=|l| Text::of(l).clear_filters/></a>
                </div>
            </form>
        </section>
    }
}

/// A page of sites, each with a box to choose it for the export, and the pager.
#[component]
fn SitesTable(page: SitesPage, chosen: RwSignal<Vec<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let org = use_org();
    let query = use_query_map();
    let pager = move |n: u32| {
        let mut q = query.get_untracked();
        q.replace("page", n.to_string());
        let query = q.to_query();
        Page::Sites {
            org: org_id(&org.get_untracked()),
            query,
        }
        .href()
    };
    let (current, count, matching) = (page.page, page.page_count, page.matching);
    let view = move || {
        let t = Text::of(i18n.lang());
        let zh = i18n.lang() == Lang::Zh;
        let org = org_id(&org.get_untracked());
        let rows = page
            .sites
            .iter()
            .map(|s| {
                let status = if s.overdue.is_positive() {
                    Cell::Badge(
                        "badge badge-overdue",
                        format!("{} · {}", s.balance_due, t.late),
                    )
                } else if s.balance_due.is_positive() {
                    Cell::Badge("badge badge-due", s.balance_due.to_string())
                } else {
                    Cell::Num(s.balance_due.to_string())
                };
                vec![
                    site_link(org, s.id, &s.name),
                    Cell::Mono(s.account_number.clone()),
                    Cell::Text(if zh {
                        s.tariff.zh.clone()
                    } else {
                        s.tariff.en.clone()
                    }),
                    Cell::Text(s.supply_area.clone()),
                    Cell::Text(s.labels.join(", ")),
                    status,
                    Cell::Num(s.open_requests.to_string()),
                ]
            })
            .collect();
        let boxes = page
            .sites
            .iter()
            .map(|s| {
                let (id2, id3) = (s.id.to_string(), s.id.to_string());
                view! {
                    <li>
                        <label class="radio">
                            <input type="checkbox" prop:checked=move || chosen.with(|c| c.contains(&id2))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| {
                                        c.retain(|x| *x != id3);
                                        if on { c.push(id3.clone()); }
                                    });
                                }/>
                            {(t.choose_site)(&s.name)}
                        </label>
                    </li>
                }
                .into_any()
            })
            .collect_view();
        view! {
            <p role="status">{(t.matching_sites)(matching)}</p>
            <DataTable
                headings=vec![(t.col_site, false), (t.account_number, false), (t.tariff, false), (t.supply_area_label, false), (t.col_labels, false), (t.col_owed, true), (t.col_open_requests, true)]
                rows
                cards=true
            />
            <fieldset class="field">
                <legend>{t.export_choose}</legend>
                <ul class="plain-list">{boxes}</ul>
            </fieldset>
        }
        .into_any()
    };
    let export = move || {
        let ids = chosen.get();
        (!ids.is_empty()).then(|| {
            let sites: Vec<crate::domain::RowId> = ids.iter().filter_map(|id| id.parse().ok().map(crate::domain::RowId)).collect();
            let org = org_id(&org.get());
            let export = Page::Export { org, sites: Vec::clone(&sites) }.href();
            let pay = Page::OrgPay { org, sites }.href();
            view! {
                <p class="wizard-buttons">
                    <a class="button button-primary" href=export>{move || Text::of(i18n.lang()).export_choose}" ("{ids.len()}")"</a>
                    <a class="button" href=pay>{move || Text::of(i18n.lang()).pay_chosen}" ("{ids.len()}")"</a>
                </p>
            }
        })
    };
    view! {
        {view}
        {export}
        <nav class="pager" aria-label=move || Text::of(i18n.lang()).pages>
            {(current > 1).then(|| view! { <a href=pager(current - 1) rel="prev"><Tr s=|l| Text::of(l).previous_page/></a> })}
            <span>{move || (Text::of(i18n.lang()).page_of)(current, count)}</span>
            {(current < count).then(|| view! { <a href=pager(current + 1) rel="next"><Tr s=|l| Text::of(l).next_page/></a> })}
        </nav>
    }
}

crate::ui::i18n::strings! {
    find_sites: &'static str = "Find sites", "查找用电户";
    pay_chosen: &'static str = "Pay for chosen sites", "为所选用电户缴费";
    show_sites: &'static str = "Show sites", "查询";
    clear_filters: &'static str = "Clear", "清除";
    matching_sites: fn(u32) -> String =
        |n| {
            if n == 1 {
                "1 site matches".to_string()
            } else {
                format!("{n} sites match")
            }
        },
        |n| format!("共 {n} 个用电户");
    col_open_requests: &'static str = "Open requests", "在办业务";
    choice_all: &'static str = "All", "全部";
    export_choose: &'static str = "Export the chosen sites", "导出所选用电户";
    choose_site: fn(&str) -> String = |name| format!("Choose {name}"), |name| format!("选择 {name}");
}
