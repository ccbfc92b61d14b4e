//! Bill history: pick a service account, then page through its bills, newest first.

use crate::api::accounts::ListAccounts;
use crate::api::bills::{BillPage, ListBills};
use crate::api::pages::Page;
use crate::ui::components::account_card::AccountCard;
use crate::ui::components::data::{Cell, DataTable};
use crate::ui::components::guard::{DynamicHeading, PageHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Load, Write, loaded, status_badge};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::router::Redirect;
use crate::ui::router::{use_params_map, use_query_map};
use leptos::prelude::*;

/// `/bills`: straight to the bills of a single account, else a choice of accounts.
#[component]
pub fn BillsIndexPage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <BillsIndex/>
        </RequireSignIn>
    }
}

#[component]
fn BillsIndex() -> impl IntoView {
    let accounts = Load::ask(|| ListAccounts {});
    view! {
        <PageHeading text=|l| Text::of(l).bills_title/>
        {loaded(accounts, move |answer| match answer {
            list if list.len() == 1 => {
                let path = Page::AccountBills(list[0].id).href();
                view! { <Redirect path/> }.into_any()
            }
            list if list.is_empty() => view! {
                <p><Tr s=|l| Text::of(l).no_accounts/></p>
                <p><a href=Page::Overview.href()><Tr s=|l| Text::of(l).bind_title/></a></p>
            }.into_any(),
            list => view! {
                <p><Tr s=|l| Text::of(l).choose_account/></p>
                <ul class="card-list">
                    {list.into_iter().map(|account| view! { <AccountCard account/> }).collect_view()}
                </ul>
            }.into_any(),
        })}
    }
}

/// `/accounts/:id/bills?page=N`: one page of an account's bills.
#[component]
pub fn AccountBillsPage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <AccountBills/>
        </RequireSignIn>
    }
}

#[component]
fn AccountBills() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let account = move || params.with(|p| p.get("id").unwrap_or_default());
    let page = move || query.with(|q| q.get("page").unwrap_or_default());
    let bills = Load::ask(move || ListBills {
        account_id: account(),
        page: page(),
    });
    let heading = move || match bills.get() {
        Some(Ok(p)) => (Text::of(i18n.lang()).bills_of)(&p.account.account_number),
        _ => Text::of(i18n.lang()).bills_title.to_string(),
    };
    view! {
        <DynamicHeading text=Signal::derive(heading)/>
        {loaded(bills, move |p| view! { <BillTable page=p/> }.into_any())}
        <Holders account=account()/>
    }
}

/// Who holds the account, for its holders: each can remove anyone they do not know (they are
/// told when someone new is linked). Others see nothing here.
#[component]
fn Holders(account: String) -> impl IntoView {
    use crate::api::accounts::{AccountHolders, RemoveHolder};
    let i18n = use_i18n();
    let go = crate::ui::use_go();
    let id = account.clone();
    let holders = Load::ask(move || AccountHolders {
        account_id: id.clone(),
    });
    let removal = Write::<()>::new();
    let remove = move |holder: String, me: bool| {
        let go = go.clone();
        removal.dispatch_then(
            RemoveHolder {
                account_id: account.clone(),
                holder_id: holder,
            },
            move |r| {
                if r.is_ok() {
                    if me {
                        go(&Page::Overview.href());
                    } else {
                        holders.refetch();
                    }
                }
            },
        );
    };
    move || {
        let Some(Ok(list)) = holders.get() else {
            return ().into_any();
        };
        let t = Text::of(i18n.lang());
        let remove = remove.clone();
        view! {
            <section class="card" aria-labelledby="holders-heading">
                <h2 id="holders-heading"><Tr s=|l| Text::of(l).holders_title/></h2>
                {move || removal.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
                <ul class="plain-list">
                    {list.into_iter().map(|h| {
                        let remove = remove.clone();
                        let label = if h.me { t.unlink_me.to_string() } else { (t.remove_holder)(&h.name) };
                        let holder = h.user_id.to_string();
                        let me = h.me;
                        view! {
                            <li>
                                {format!("{} ({}) · {} {}", h.name, h.email, t.since, t.date(crate::domain::local_time::local(h.bound_at).date()))}
                                " "
                                <button type="button" class="button" on:click=move |_| remove(holder.clone(), me)>{label}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
        .into_any()
    }
}

/// The bills as a table (a list of labelled cards on narrow screens), with paging.
#[component]
fn BillTable(page: BillPage) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = Text::of(i18n.lang());
        let BillPage {
            account,
            bills,
            page,
            page_count,
            ..
        } = page.clone();
        let base = Page::AccountBills(account.id).href();
        let rows = bills
            .into_iter()
            .map(|b| {
                let month = t.month_year(b.period_start);
                vec![
                    Cell::Text(format!(
                        "{month} ({} – {})",
                        t.date(b.period_start),
                        t.date(b.period_end)
                    )),
                    Cell::Num(b.energy.to_string()),
                    Cell::Num(b.total.to_string()),
                    Cell::Text(t.date(b.due_on)),
                    status_badge(t, b.status),
                    Cell::Link {
                        href: Page::Bill(b.id).href(),
                        text: t.details.into(),
                        hidden: (t.details_of)(&month),
                    },
                ]
            })
            .collect();
        let prev = (page > 1).then(|| format!("{base}?page={}", page - 1));
        let next = (page < page_count).then(|| format!("{base}?page={}", page + 1));
        view! {
            <DataTable
                headings=vec![(t.col_period, false), (t.col_energy, true), (t.col_amount, true), (t.col_due, false), (t.col_status, false), (t.col_details, false)]
                rows
                cards=true
            />
            <nav class="pager" aria-label=t.pages>
                {prev.map(|href| view! { <a href=href rel="prev">{t.previous_page}</a> })}
                <span>{(t.page_of)(page, page_count)}</span>
                {next.map(|href| view! { <a href=href rel="next">{t.next_page}</a> })}
            </nav>
        }
        .into_any()
    }
}

crate::ui::i18n::strings! {
    holders_title: &'static str = "Who holds this account", "绑定人";
    since: &'static str = "since", "绑定于";
    unlink_me: &'static str = "Unlink me from this account", "解除我的绑定";
    remove_holder: fn(&str) -> String = |n| format!("Remove {n}"), |n| format!("移除 {n}");
    choose_account: &'static str = "Choose a service account to see its bills.", "请选择户号查看账单。";
    bills_of: fn(&str) -> String = |n| format!("Bills for account {n}"), |n| format!("户号 {n} 的账单");
    col_details: &'static str = "Details", "详情";
    details: &'static str = "Details", "详情";
    details_of: fn(&str) -> String = |m| format!(" of the {m} bill"), |m| format!("（{m}账单）");
}
