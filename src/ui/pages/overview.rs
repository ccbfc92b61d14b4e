//! The overview: what is owed and by when, the latest bill, the service accounts.

use crate::api::accounts::{BindAccount, BindChallenge, ServiceAccountSummary, StartBinding};
use crate::api::bills::{GetOverview, Overview};
use crate::api::pages::Page;
use crate::domain::Field;
use crate::ui::components::account_card::AccountCard;
use crate::ui::components::field::TextField;
use crate::ui::components::guard::{DynamicHeading, RequireSignIn};
use crate::ui::components::status::{Load, StatusBadge, Write, loaded};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The first page after sign-in.
#[component]
pub fn OverviewPage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <OverviewContent/>
        </RequireSignIn>
    }
}

#[component]
fn OverviewContent() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // The overview the server wrote into the page, if it did; else it is asked for.
    let first = crate::ui::first_paint::take_overview().map(Ok);
    let overview = Load::ask_starting_with(first, || GetOverview {});
    let greeting = move || {
        let name = session.me.with(|m| {
            m.as_ref()
                .map(|m| m.display_name.clone())
                .unwrap_or_default()
        });
        (Text::of(i18n.lang()).greeting)(&name)
    };
    // What follows the overview waits for it, so it does not appear first and then move down
    // when the overview arrives (Lighthouse measured a layout shift of 0.37 from the form).
    let ready = Memo::new(move |_| overview.get().is_some());
    view! {
        <DynamicHeading text=Signal::derive(greeting)/>
        {loaded(overview, move |o| view! { <OverviewBody overview=o/> }.into_any())}
        <Show when=move || ready.get()>
            <Organisations/>
            <BindAccountForm on_bound=move || overview.refetch()/>
        </Show>
    }
}

/// The organisations the person belongs to, each with a way to its dashboard.
#[component]
fn Organisations() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        let t = Text::of(i18n.lang());
        let orgs = session.me.with(|m| {
            m.as_ref()
                .map(|m| m.organisations.clone())
                .unwrap_or_default()
        });
        (!orgs.is_empty()).then(|| {
            let cards = orgs
                .into_iter()
                .map(|o| {
                    view! {
                        <li class="card account-card">
                            <h3>{o.name.clone()}</h3>
                            <p class="muted">{t.org_role(o.role)}</p>
                            <a class="button" href=Page::OrgDashboard(o.organisation_id).href()>
                                {t.open_dashboard}<span class="visually-hidden">" " {o.name}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section aria-labelledby="organisations-heading">
                    <h2 id="organisations-heading">{t.business_title}</h2>
                    <ul class="card-list">{cards}</ul>
                </section>
            }
        })
    }
}

/// Jobs finished in the last 30 days without a rating, each linked to its page to rate it.
#[component]
fn RateInvitation(jobs: Vec<crate::api::feedback::RateableJob>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = Text::of(i18n.lang());
        let links = jobs
            .iter()
            .map(|j| {
                let page = match j.kind {
                    crate::domain::feedback::JobKind::Repair => Page::Ticket(j.id),
                    crate::domain::feedback::JobKind::Connection => Page::Application(j.id),
                    crate::domain::feedback::JobKind::Complaint => Page::FeedbackCase(j.id),
                };
                view! {
                    <li><a href=page.href()>{format!("{} {} · {}", t.job_kind(j.kind), j.number, (t.time)(j.finished_at))}</a></li>
                }
            })
            .collect::<Vec<_>>();
        (!links.is_empty()).then(|| {
            view! {
                <section class="card" aria-labelledby="rate-invite-heading">
                    <h2 id="rate-invite-heading">{t.rate_invite_title}</h2>
                    <p class="muted">{t.rate_invite_help}</p>
                    <ul class="plain-list">{links}</ul>
                </section>
            }
        })
    }
}

#[component]
fn OverviewBody(overview: Overview) -> impl IntoView {
    let i18n = use_i18n();
    let Overview {
        accounts,
        balance_due,
        next_due,
        latest_bill,
        to_rate,
    } = overview;
    // Dates and months read differently per language: this part is rebuilt when it changes.
    let figures = move || {
        let t = Text::of(i18n.lang());
        let due = match next_due {
            Some(d) => format!("{}{}{}", t.next_due, t.colon, t.date(d)),
            None => t.nothing_due.to_string(),
        };
        let latest = match latest_bill.clone() {
            Some(b) => view! {
                <p class="stat-value">{b.total.to_string()}</p>
                <p>{t.month_year(b.period_start)}" "<StatusBadge status=b.status/></p>
                <a class="button" href=Page::Bill(b.id).href()>{t.view_bill}</a>
            }
            .into_any(),
            None => view! { <p>{t.no_bills_yet}</p> }.into_any(),
        };
        view! {
            <div class="summary-grid">
                <section class="card stat" aria-labelledby="balance-heading">
                    <h2 id="balance-heading">{t.balance_due}</h2>
                    <p class="stat-value">{balance_due.to_string()}</p>
                    <p>{due}</p>
                    {balance_due.is_positive().then(|| view! {
                        <a class="button button-primary" href=Page::Pay { account: None, bill: None }.href()>{t.pay_now}</a>
                    })}
                </section>
                <section class="card stat" aria-labelledby="latest-heading">
                    <h2 id="latest-heading">{t.latest_bill}</h2>
                    {latest}
                </section>
            </div>
        }
        .into_any()
    };
    let has_accounts = !accounts.is_empty();
    view! {
        {figures}
        <RateInvitation jobs=to_rate/>
        <section aria-labelledby="accounts-heading">
            <h2 id="accounts-heading"><Tr s=|l| Text::of(l).my_accounts/></h2>
            {if has_accounts {
                view! {
                    <ul class="card-list">
                        {accounts.into_iter().map(|account| view! { <AccountCard account/> }).collect_view()}
                    </ul>
                }.into_any()
            } else {
                view! { <p><Tr s=|l| Text::of(l).no_accounts/></p> }.into_any()
            }}
        </section>
    }
}

/// Links a service account: the account number sends a code to the phone on file; the code
/// sent back links it.
#[component]
fn BindAccountForm(on_bound: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let start = Write::<BindChallenge>::new();
    let started = start.value();
    let check_code = Write::<ServiceAccountSummary>::new();
    let result = check_code.value();
    let sending = start.pending();
    let checking = check_code.pending();
    let bound = move || {
        result.with(|r| match r {
            Some(Ok(a)) => Some((Text::of(i18n.lang()).bound)(&a.account_number)),
            _ => None,
        })
    };
    let challenge = move || started.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).cloned());
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [account_number] = crate::ui::browser::form_values(&ev, ["account_number"]);
        result.set(None);
        start.dispatch(StartBinding { account_number });
    };
    let on_bound = Callback::new(move |()| on_bound());
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [code] = crate::ui::browser::form_values(&ev, ["code"]);
        let Some(c) = challenge() else { return };
        check_code.dispatch_then(
            BindAccount {
                challenge_id: c.challenge_id.to_string(),
                code,
            },
            move |answer| {
                if answer.is_ok() {
                    on_bound.run(());
                }
            },
        );
    };
    view! {
        <section class="card" aria-labelledby="bind-heading">
            <h2 id="bind-heading"><Tr s=|l| Text::of(l).bind_title/></h2>
            <p class="muted"><Tr s=|l| Text::of(l).bind_help/></p>
            {start.refusal()}
            <p class="success" role="status">{bound}</p>
            <form on:submit=send novalidate>
                <TextField
                    name="account_number"
                    label=|l| Text::of(l).account_number
                    inputmode="numeric"
                    autocomplete="off"
                    error=start.field_error(Field::AccountNumber)
                />
                <button type="submit" class="button" disabled=move || sending.get()>
                    <Tr s=|l| Text::of(l).send_code/>
                </button>
            </form>
            {move || challenge().map(|c| view! {
                <form on:submit=check novalidate>
                    <p role="status">{move || (Text::of(i18n.lang()).code_sent)(&c.sent_to)}</p>
                    {check_code.refusal()}
                    <TextField
                        name="code"
                        label=|l| Text::of(l).code_label
                        inputmode="numeric"
                        autocomplete="one-time-code"
                        error=check_code.field_error(Field::Code)
                    />
                    <button type="submit" class="button button-primary" disabled=move || checking.get()>
                        <Show when=move || checking.get() fallback=|| view! { <Tr s=|l| Text::of(l).bind/> }>
                            <Tr s=|l| Text::of(l).binding/>
                        </Show>
                    </button>
                </form>
            })}
        </section>
    }
}

crate::ui::i18n::strings! {
    greeting: fn(&str) -> String =
        |name| {
            if name.is_empty() {
                "Welcome".to_string()
            } else {
                format!("Welcome, {name}")
            }
        },
        |name| {
            if name.is_empty() {
                "欢迎".to_string()
            } else {
                format!("{name}，您好")
            }
        };
    balance_due: &'static str = "Balance due", "应缴金额";
    pay_now: &'static str = "Pay", "缴费";
    latest_bill: &'static str = "Latest bill", "最新账单";
    no_bills_yet: &'static str = "No bills yet.", "暂无账单。";
    view_bill: &'static str = "View bill", "查看账单";
    my_accounts: &'static str = "My service accounts", "我的用电户号";
    bind_help: &'static str =
        "Enter the 10-digit account number from a bill. We text a code to the phone number we have on file for it.",
        "请输入账单上的 10 位户号，我们将向该户号预留的手机号码发送验证码。";
    send_code: &'static str = "Send code", "发送验证码";
    code_label: &'static str = "Code from the text message", "短信验证码";
    code_sent: fn(&str) -> String =
        |to| format!("We sent a code to {to}. It works for 10 minutes."),
        |to| format!("验证码已发送至 {to}，10 分钟内有效。");
    bind: &'static str = "Link account", "绑定户号";
    binding: &'static str = "Linking…", "正在绑定…";
    bound: fn(&str) -> String =
        |n| format!("Account {n} is now linked."),
        |n| format!("户号 {n} 已绑定。");
    rate_invite_title: &'static str = "How did we do?", "请评价我们的服务";
    rate_invite_help: &'static str =
        "These jobs finished in the last 30 days. Your stars tell us what to improve.",
        "以下业务在近 30 天内办结，您的评价帮助我们改进。";
}
