//! Parts of the pay page (`ui::pages::pay`) for what stands between payments: autopay (代扣),
//! and a prepaid account's credit, days left and warning level (预付费).

use crate::api::pages::Page;
use crate::api::pay::{
    AccountToPay, AutopayRun, AutopaySign, CancelAutopay, SetLowBalance, StartAutopay,
};
use crate::domain::{Fen, Field};
use crate::ui::components::data::{Cell, DataTable, Facts};
use crate::ui::components::field::TextField;
use crate::ui::components::status::{Write, WriteButton};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// A prepaid account's credit and days left, the warning when it is under the level set, and
/// the form for that level.
#[component]
pub fn PrepaidCard(options: AccountToPay, refresh: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let credit = Fen(-options.balance.0);
    let low = options.low_balance.filter(|level| credit < *level);
    let write = Write::<AccountToPay>::new();
    let busy = write.pending();
    let account_id = options.account_id.to_string();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [amount] = crate::ui::browser::form_values(&ev, ["low_balance"]);
        write.dispatch_then(
            SetLowBalance {
                account_id: account_id.clone(),
                amount,
            },
            move |r| {
                if r.is_ok() {
                    refresh.run(());
                }
            },
        );
    };
    let level = options.low_balance.map(Fen::plain);
    let facts = move || {
        let t = Text::of(i18n.lang());
        let days = match options.days_left {
            Some(d) => (t.days_left)(d),
            None => t.days_unknown.to_string(),
        };
        view! {
            <Facts facts=vec![
                (t.prepaid_balance, Cell::Text(credit.max(Fen(0)).to_string())),
                (t.days_left_label, Cell::Text(days)),
            ]/>
        }
    };
    view! {
        <section class="card" aria-labelledby="prepaid-heading">
            <h2 id="prepaid-heading"><Tr s=|l| Text::of(l).prepaid_title/></h2>
            {low.map(|level| view! {
                <p class="notice notice-error" role="status">
                    {move || (Text::of(i18n.lang()).under_level)(&level.to_string())}
                </p>
            })}
            {facts}
            <Show when=move || options.may_act>
                {write.refusal()}
                <form on:submit=submit.clone() novalidate>
                    <TextField
                        name="low_balance"
                        label=|l| Text::of(l).level_label
                        inputmode="decimal"
                        hint=|l| Text::of(l).level_hint
                        value=level.clone().unwrap_or_default()
                        error=write.field_error(Field::LowBalance)
                    />
                    <button type="submit" class="button" disabled=move || busy.get()>
                        <Tr s=|l| Text::of(l).save_level/>
                    </button>
                </form>
            </Show>
        </section>
    }
}

/// Autopay on one account: the form that asks for it, the wait for the payer's agreement at
/// the provider, or what stands, with the bills it tried.
#[component]
pub fn AutopayCard(options: AccountToPay, refresh: Callback<()>) -> impl IntoView {
    let account = options.account_id.to_string();
    let state = match options.autopay.clone() {
        None if options.may_act => view! { <AutopayOff account/> }.into_any(),
        None => view! { <p><Tr s=|l| Text::of(l).autopay_none/></p> }.into_any(),
        Some(a) => {
            let waiting = !a.active;
            let sign_url = a.sign_url.clone();
            let max = a.max;
            let may_act = options.may_act;
            let i18n = use_i18n();
            let words = move || {
                let t = Text::of(i18n.lang());
                match (waiting, max) {
                    (true, _) => t.autopay_waiting.to_string(),
                    (false, Some(m)) => (t.autopay_on_max)(&m.to_string()),
                    (false, None) => t.autopay_on.to_string(),
                }
            };
            view! {
                <p role="status">{words}</p>
                {waiting.then(|| view! {
                    <p><a class="button button-primary" href=sign_url.clone()><Tr s=|l| Text::of(l).agree_at_provider/></a></p>
                })}
                {may_act.then(|| {
                    let account = account.clone();
                    view! {
                        <WriteButton
                            label=|l| Text::of(l).turn_off
                            call=move || CancelAutopay { account_id: account.clone() }
                            on_done=move || refresh.run(())
                        />
                    }
                })}
            }
            .into_any()
        }
    };
    let runs = options.autopay_runs.clone();
    view! {
        <section class="card" aria-labelledby="autopay-heading">
            <h2 id="autopay-heading"><Tr s=|l| Text::of(l).autopay_title/></h2>
            {state}
            {(!runs.is_empty()).then(|| view! { <AutopayRuns runs/> })}
        </section>
    }
}

#[component]
fn AutopayOff(account: String) -> impl IntoView {
    let write = Write::<AutopaySign>::new();
    let busy = write.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [max_amount, consent] = crate::ui::browser::form_values(&ev, ["max_amount", "consent"]);
        write.dispatch_then(
            StartAutopay {
                account_id: account.clone(),
                max_amount,
                consent,
            },
            |r| {
                if let Ok(s) = r {
                    crate::ui::browser::load_page(&s.sign_url);
                }
            },
        );
    };
    let i18n = use_i18n();
    let consent_error = write.field_error(Field::Consent);
    view! {
        <p><Tr s=|l| Text::of(l).autopay_intro/></p>
        {write.refusal()}
        <form on:submit=submit novalidate>
            <TextField
                name="max_amount"
                label=|l| Text::of(l).max_label
                inputmode="decimal"
                hint=|l| Text::of(l).max_hint
                error=write.field_error(Field::MaxAmount)
            />
            <div class="field">
                <label class="check">
                    <input
                        type="checkbox"
                        name="consent"
                        value="true"
                        aria-invalid=move || consent_error.with(Option::is_some).then_some("true")
                        aria-describedby="field-consent-error"
                    />
                    " "<Tr s=|l| Text::of(l).consent_words/>
                </label>
                <p class="field-error" id="field-consent-error">
                    {move || consent_error.get().map(|e| crate::ui::i18n::Common::of(i18n.lang()).error(&e))}
                </p>
            </div>
            <button type="submit" class="button button-primary" disabled=move || busy.get()>
                <Tr s=|l| Text::of(l).turn_on/>
            </button>
        </form>
    }
}

#[component]
fn AutopayRuns(runs: Vec<AutopayRun>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = Text::of(i18n.lang());
        let rows = runs
            .iter()
            .map(|r| {
                let period = r
                    .period_start
                    .get(..7)
                    .unwrap_or(&r.period_start)
                    .to_string();
                let outcome = match r.outcome.as_str() {
                    "paid" => t.run_paid,
                    "over_limit" => t.run_over_limit,
                    "failed" => t.run_failed,
                    _ => t.run_under_way,
                };
                let receipt = match r.payment_id {
                    Some(p) => Cell::Link {
                        href: Page::Receipt(p).href(),
                        text: t.receipt.to_string(),
                        hidden: format!(" {period}"),
                    },
                    None => Cell::Link {
                        href: Page::Bill(r.bill_id).href(),
                        text: t.the_bill.to_string(),
                        hidden: format!(" {period}"),
                    },
                };
                vec![
                    Cell::Text(period),
                    Cell::Text(outcome.to_string()),
                    Cell::Num(r.amount.map(|a| a.to_string()).unwrap_or_default()),
                    Cell::Text((t.time)(r.at)),
                    receipt,
                ]
            })
            .collect();
        view! {
            <h3><Tr s=|l| Text::of(l).runs_title/></h3>
            <DataTable
                headings=vec![
                    (t.run_bill, false),
                    (t.run_outcome, false),
                    (t.run_amount, true),
                    (t.run_at, false),
                    (t.run_link, false),
                ]
                rows
                cards=true
            />
        }
    }
}

crate::ui::i18n::strings! {
    prepaid_title: &'static str = "Prepaid balance", "预付费余额";
    prepaid_balance: &'static str = "Balance", "余额";
    days_left_label: &'static str = "Lasts about", "预计可用";
    days_left: fn(u32) -> String =
        |d| if d == 1 { "1 day at your recent use".to_string() } else { format!("{d} days at your recent use") },
        |d| format!("约 {d} 天（按近期用电）");
    days_unknown: &'static str = "Not enough recent use to tell", "近期用电不足，无法估算";
    under_level: fn(&str) -> String =
        |l| format!("Your balance is under the {l} you set. Top up to keep the power on."),
        |l| format!("余额已低于您设置的{l}，请及时充值，以免停电。");
    level_label: &'static str = "Warn me when the balance is under (¥)", "余额低于此金额时提醒我（元）";
    level_hint: &'static str =
        "Leave empty for no warning. The warning comes here, and as a notification by the channels you chose.",
        "留空则不提醒。提醒会显示在此处，并按您选择的方式通知您。";
    save_level: &'static str = "Save warning level", "保存提醒金额";
    autopay_title: &'static str = "Autopay", "自动缴费";
    autopay_intro: &'static str =
        "Pay each bill of this account automatically on its due day, through the payment service. You agree here, then on the payment service's page. You can turn it off at any time.",
        "每期账单到期日自动通过支付机构缴纳。您需在此处同意，再到支付机构页面确认授权，可随时关闭。";
    autopay_none: &'static str = "Autopay is off for this account.", "该户号未开通自动缴费。";
    max_label: &'static str = "Most per bill (¥, optional)", "每期最多扣款（元，可不填）";
    max_hint: &'static str =
        "A bill over this amount is not paid automatically: you are told and pay it yourself.",
        "账单超过此金额时不自动扣款，会通知您自行缴纳。";
    consent_words: &'static str =
        "I agree that each bill of this account is taken from my payment account on its due day, until I turn autopay off.",
        "我同意该户号每期电费在到期日从我的支付账户扣款，直至我关闭自动缴费。";
    turn_on: &'static str = "Turn on autopay", "开通自动缴费";
    turn_off: &'static str = "Turn off autopay", "关闭自动缴费";
    autopay_waiting: &'static str =
        "Autopay is waiting for you to agree on the payment service's page.",
        "自动缴费正在等待您在支付机构页面确认授权。";
    agree_at_provider: &'static str = "Agree on the payment service's page", "前往支付机构确认授权";
    autopay_on: &'static str =
        "Autopay is on: each bill is paid on its due day.",
        "已开通自动缴费：每期账单在到期日自动缴纳。";
    autopay_on_max: fn(&str) -> String =
        |m| format!("Autopay is on: each bill up to {m} is paid on its due day."),
        |m| format!("已开通自动缴费：每期不超过{m}的账单在到期日自动缴纳。");
    runs_title: &'static str = "Bills autopay tried", "自动缴费记录";
    run_bill: &'static str = "Bill", "账单";
    run_outcome: &'static str = "Outcome", "结果";
    run_amount: &'static str = "Amount", "金额";
    run_at: &'static str = "When", "时间";
    run_link: &'static str = "Details", "详情";
    run_paid: &'static str = "Paid", "已缴";
    run_over_limit: &'static str = "Over your limit: not paid", "超过上限，未扣款";
    run_failed: &'static str = "Declined: not paid", "扣款失败";
    run_under_way: &'static str = "Under way", "处理中";
    receipt: &'static str = "Receipt", "缴费凭证";
    the_bill: &'static str = "The bill", "账单";
}
