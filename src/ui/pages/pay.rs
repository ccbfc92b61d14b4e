//! Paying: the form that sends a person to the payment provider's page (`/pay`), the page the
//! provider sends them back to (`/pay/done`), which waits for the provider's own word, and a
//! payment's receipt (`/receipts/:id`), which prints on one A4 page.

use crate::api::accounts::ListAccounts;
use crate::api::pages::Page;
use crate::api::pay::{
    AccountToPay, ConfirmAutopay, OrderView, PayOptions, PaymentOrder, PaymentReceipt, Receipt,
    StartPayment,
};
use crate::domain::ledger::OrderState;
use crate::domain::{Fen, Field, RowId};
use crate::ui::components::data::{Cell, Facts};
use crate::ui::components::field::TextField;
use crate::ui::components::guard::{PageHeading, RequireSignIn};
use crate::ui::components::status::{Load, Write, loaded, loaded_in_place};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::pages::pay_standing::{AutopayCard, PrepaidCard};
use crate::ui::router::use_query_map;
use leptos::prelude::*;

/// How often the return page asks where the order stands, and for how long.
const POLL_MS: u64 = 2_000;
const POLL_TIMES: u32 = 60;

/// `/pay?account=…&bill=…`.
#[component]
pub fn PayPage() -> impl IntoView {
    view! { <RequireSignIn><Pay/></RequireSignIn> }
}

#[component]
fn Pay() -> impl IntoView {
    let query = use_query_map();
    let named = move || query.with(|q| q.get("account").unwrap_or_default());
    let accounts = Load::ask(|| ListAccounts {});
    view! {
        <PageHeading text=|l| Text::of(l).pay_title/>
        {loaded(accounts, move |list| {
            let chosen = named();
            let account = if chosen.is_empty() {
                list.iter().find(|a| a.may_act && a.organisation.is_none()).map(|a| a.id.to_string())
            } else {
                Some(chosen)
            };
            match account {
                Some(account) => view! { <PayForm account/> }.into_any(),
                None => view! { <p><Tr s=|l| Text::of(l).nothing_to_pay/></p> }.into_any(),
            }
        })}
    }
}

#[component]
fn PayForm(account: String) -> impl IntoView {
    let query = use_query_map();
    let bill = move || query.with(|q| q.get("bill").unwrap_or_default());
    let options = Load::ask({
        let account = account.clone();
        move || PayOptions {
            account_id: account.clone(),
        }
    });
    let refresh = Callback::new(move |()| options.refetch());
    // Back from agreeing to autopay at the provider: the server asks the provider itself.
    let agreement = query.with_untracked(|q| q.get("agreement"));
    let confirm = Write::<AccountToPay>::new();
    if let Some(agreement) = agreement {
        confirm.dispatch_then(ConfirmAutopay { agreement }, move |r| {
            if r.is_ok() {
                options.refetch();
            }
        });
    }
    view! {
        {confirm.refusal()}
        {loaded(options, move |o| view! {
            <PayAmount options=o.clone() bill=bill()/>
            {o.prepaid.then(|| view! { <PrepaidCard options=o.clone() refresh/> })}
            <AutopayCard options=o refresh/>
        })}
    }
}

#[component]
fn PayAmount(options: AccountToPay, bill: String) -> impl IntoView {
    let i18n = use_i18n();
    let write = Write::new();
    let busy = write.pending();
    let key = crate::ui::browser::submission_key();
    let account_id = options.account_id.to_string();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [amount] = crate::ui::browser::form_values(&ev, ["amount"]);
        write.dispatch_then(
            StartPayment {
                account_id: account_id.clone(),
                bill_id: bill.clone(),
                amount,
                idempotency_key: key.clone(),
            },
            |r| {
                if let Ok(c) = r {
                    crate::ui::browser::load_page(&c.checkout_url);
                }
            },
        );
    };
    let number_for_slip = options.account_number.clone();
    let prepaid = options.prepaid;
    let owed = options.balance;
    let start = if owed.is_positive() {
        owed.plain()
    } else {
        String::new()
    };
    let facts = move || {
        let t = Text::of(i18n.lang());
        let balance = if owed.0 < 0 {
            (t.credit_label, Cell::Text(Fen(-owed.0).to_string()))
        } else {
            (t.owed_label, Cell::Text(owed.to_string()))
        };
        view! {
            <Facts facts=vec![
                (t.account_label, Cell::Mono(options.account_number.clone())),
                (t.premise_label, Cell::Text(options.premise_address.clone())),
                balance,
            ]/>
        }
    };
    let number = number_for_slip;
    let slip = {
        move || {
            let t = Text::of(i18n.lang());
            let reference = crate::domain::ledger::offline_reference(&number);
            view! {
                <section class="card" aria-labelledby="slip-heading">
                    <h2 id="slip-heading">{t.slip_title}</h2>
                    <p>{t.slip_intro}</p>
                    <Facts facts=vec![(t.slip_reference, Cell::Mono(reference)), (t.account_label, Cell::Mono(number.clone()))]/>
                    <p class="no-print"><button type="button" class="button" on:click=|_| crate::ui::browser::print()>{t.print_slip}</button></p>
                </section>
            }
        }
    };
    view! {
        <section class="card">{facts}</section>
        <Show
            when=move || options.may_act
            fallback=|| view! { <p role="status"><Tr s=|l| Text::of(l).viewer_cannot_pay/></p> }
        >
            {write.refusal()}
            <form on:submit=submit.clone() novalidate>
                <TextField
                    name="amount"
                    label=|l| Text::of(l).amount_yuan
                    inputmode="decimal"
                    autocomplete="transaction-amount"
                    hint=|l| Text::of(l).amount_hint
                    value=start.clone()
                    error=write.field_error(Field::Amount)
                />
                <p class="muted"><Tr s=|l| Text::of(l).hosted_note/></p>
                <button type="submit" class="button button-primary" disabled=move || busy.get()>
                    {move || {
                        let t = Text::of(i18n.lang());
                        if prepaid { t.top_up } else { t.pay }
                    }}
                </button>
            </form>
        </Show>
        {slip}
    }
}

/// `/pay/done?order=…`: where the provider sends the person back. The browser's return proves
/// nothing; the page asks the server, which hears from the provider itself.
#[component]
pub fn PayDonePage() -> impl IntoView {
    view! { <RequireSignIn><PayDone/></RequireSignIn> }
}

#[component]
fn PayDone() -> impl IntoView {
    let query = use_query_map();
    let order = Load::ask(move || PaymentOrder {
        reference: query.with(|q| q.get("order").unwrap_or_default()),
    });
    let asked = StoredValue::new(0u32);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let open =
                order.with_untracked(|o| matches!(o, Some(Ok(v)) if v.state == OrderState::Open));
            let n = asked.get_value();
            if open && n < POLL_TIMES {
                asked.set_value(n + 1);
                order.refetch();
            }
        },
        std::time::Duration::from_millis(POLL_MS),
    ) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <PageHeading text=|l| Text::of(l).payment_title/>
        {loaded_in_place(order, |o| view! { <OrderOutcome order=o/> })}
    }
}

#[component]
fn OrderOutcome(order: OrderView) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = Text::of(i18n.lang());
        let (message, class) = match order.state {
            OrderState::Paid => (t.state_paid, "notice notice-ok"),
            OrderState::Open => (t.state_open, "notice"),
            OrderState::Failed => (t.state_failed, "notice notice-error"),
            OrderState::Cancelled => (t.state_cancelled, "notice notice-error"),
            OrderState::Expired => (t.state_expired, "notice notice-error"),
        };
        let receipts = order
            .parts
            .iter()
            .filter_map(|p| {
                let id = p.payment_id?;
                let label = (t.receipt_for)(&p.account_number);
                Some(view! { <li><a href=Page::Receipt(id).href()>{label}</a>" "{p.amount.to_string()}</li> })
            })
            .collect_view();
        let again = match (order.state, order.organisation_id, order.parts.first()) {
            (OrderState::Paid | OrderState::Open, _, _) => None,
            (_, Some(org), _) => Some(
                Page::OrgPay {
                    org,
                    sites: order.parts.iter().map(|p| p.account_id).collect(),
                }
                .href(),
            ),
            (_, None, Some(p)) => Some(
                Page::Pay {
                    account: Some(p.account_id),
                    bill: None,
                }
                .href(),
            ),
            _ => None,
        };
        view! {
            <div class=class role="status">
                <p><strong>{message}</strong></p>
                <p>{(t.order_line)(&order.reference, &order.amount.to_string())}</p>
            </div>
            <ul class="plain-list">{receipts}</ul>
            {again.map(|href| view! { <p><a class="button" href=href>{t.try_again}</a></p> })}
            <p><a href=Page::Bills.href()>{t.to_bills}</a></p>
        }
    }
}

/// `/receipts/:id`.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    view! { <RequireSignIn><ReceiptView/></RequireSignIn> }
}

#[component]
fn ReceiptView() -> impl IntoView {
    let params = crate::ui::router::use_params_map();
    let receipt = Load::ask(move || PaymentReceipt {
        payment_id: params.with(|p| p.get("id").unwrap_or_default()),
    });
    view! {
        <PageHeading text=|l| Text::of(l).receipt_title/>
        {loaded(receipt, |r| view! { <ReceiptBody receipt=r/> })}
    }
}

#[component]
fn ReceiptBody(receipt: Receipt) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = Text::of(i18n.lang());
        let r = receipt.clone();
        let mut facts = vec![
            (t.receipt_number, Cell::Mono(r.reference.clone())),
            (t.received_label, Cell::Text((t.time)(r.paid_at))),
            (t.amount_label, Cell::Text(r.amount.to_string())),
            (
                t.channel_label,
                Cell::Text(t.channel_name(&r.channel).to_string()),
            ),
            (t.account_label, Cell::Mono(r.account_number.clone())),
            (t.holder_label, Cell::Text(r.holder_name.clone())),
            (t.premise_label, Cell::Text(r.premise_address.clone())),
        ];
        if let Some(order) = r.order_reference.clone() {
            facts.push((t.order_label, Cell::Mono(order)));
        }
        if r.refunded.is_positive() {
            facts.push((t.refunded_label, Cell::Text(r.refunded.to_string())));
        }
        let balance = if r.balance_now.0 < 0 {
            (
                t.credit_label,
                Cell::Text(Fen(-r.balance_now.0).to_string()),
            )
        } else {
            (t.owed_now_label, Cell::Text(r.balance_now.to_string()))
        };
        facts.push(balance);
        let bill = r
            .bill_id
            .map(|b: RowId| view! { <a href=Page::Bill(b).href()>{t.to_bill}</a> });
        view! {
            <p class="no-print wizard-buttons">
                <a href=Page::AccountBills(r.account_id).href()>{t.to_bills}</a>
                {bill}
                <button type="button" class="button" on:click=|_| crate::ui::browser::print()>{t.print_receipt}</button>
                {crate::ui::components::share::share_button(
                    t.share_receipt,
                    None,
                    format!("{} {}", t.receipt_title, r.reference),
                    format!("{} {} · {} · {}", t.receipt_number, r.reference, r.amount, (t.time)(r.paid_at)),
                    Page::Receipt(r.payment_id).href(),
                )}
            </p>
            <section class="card bill-summary" aria-label=t.receipt_title>
                <Facts facts/>
            </section>
        }
    }
}

crate::ui::i18n::strings! {
    share_receipt: &'static str = "Share the receipt", "分享收据";
    pay_title: &'static str = "Pay", "缴费";
    pay: &'static str = "Pay", "缴费";
    top_up: &'static str = "Top up", "充值";
    nothing_to_pay: &'static str = "You have no service account to pay for yet.", "您还没有可缴费的户号。";
    account_label: &'static str = "Account", "户号";
    premise_label: &'static str = "Premise", "用电地址";
    owed_label: &'static str = "Balance due", "应缴金额";
    owed_now_label: &'static str = "Balance due now", "当前应缴";
    credit_label: &'static str = "Credit", "预存余额";
    amount_yuan: &'static str = "Amount (¥)", "缴费金额（元）";
    amount_hint: &'static str =
        "Pay all of it, part of it, or more: money goes to the oldest bill first and the rest is kept as credit.",
        "可全额、部分或多缴：先抵扣最早的账单，多缴部分作为预存余额。";
    hosted_note: &'static str =
        "You will pay on the payment provider's secure page. GridCare never sees your card or bank details.",
        "您将在支付机构的安全页面完成付款，GridCare 不会接触您的银行卡信息。";
    viewer_cannot_pay: &'static str =
        "You can see this account, but only its holders and the organisation's owners and managers can pay.",
        "您可以查看该户号，但只有户主及单位的所有者和管理员可以缴费。";
    payment_title: &'static str = "Payment", "缴费结果";
    state_paid: &'static str = "Paid. Thank you!", "缴费成功，谢谢！";
    state_open: &'static str =
        "Waiting for the payment provider to confirm… This page updates by itself.",
        "正在等待支付机构确认……本页会自动更新。";
    state_failed: &'static str =
        "The payment failed. Nothing was taken, and your bill is still unpaid.",
        "付款失败，未扣款，账单仍未缴清。";
    state_cancelled: &'static str =
        "You cancelled the payment. Nothing was taken, and your bill is still unpaid.",
        "您已取消付款，未扣款，账单仍未缴清。";
    state_expired: &'static str =
        "This payment ran out of time. Nothing was taken; if money did leave your account, it will be credited.",
        "本次付款已超时，未扣款；如已扣款，将自动入账。";
    order_line: fn(&str, &str) -> String =
        |r, a| format!("Order {r}, {a}"),
        |r, a| format!("订单 {r}，{a}");
    receipt_for: fn(&str) -> String =
        |n| format!("Receipt for account {n}"),
        |n| format!("户号 {n} 的缴费凭证");
    try_again: &'static str = "Try again", "重新缴费";
    to_bills: &'static str = "Bills of this account", "该户号的账单";
    to_bill: &'static str = "The bill paid", "所缴账单";
    receipt_title: &'static str = "Receipt", "缴费凭证";
    receipt_number: &'static str = "Receipt number", "凭证号";
    received_label: &'static str = "Received", "到账时间";
    amount_label: &'static str = "Amount", "金额";
    channel_label: &'static str = "Paid by", "缴费方式";
    holder_label: &'static str = "Account holder", "户名";
    order_label: &'static str = "Order", "订单号";
    refunded_label: &'static str = "Refunded", "已退款";
    print_receipt: &'static str = "Print receipt", "打印凭证";
    slip_title: &'static str = "Pay by bank transfer or at a service counter", "银行转账或营业厅缴费";
    slip_intro: &'static str =
        "Write this reference on the transfer, or show it at the counter: the money reaches this account when the bank's statement arrives, usually the next working day.",
        "转账时请在附言中填写以下缴费编号，或在营业厅出示：款项将在银行对账后（通常为下一个工作日）计入该户号。";
    slip_reference: &'static str = "Payment reference", "缴费编号";
    print_slip: &'static str = "Print slip", "打印缴费单";
    channel_online: &'static str = "Online (payment provider)", "在线支付";
    channel_bank_transfer: &'static str = "Bank transfer", "银行转账";
    channel_wechat: &'static str = "WeChat Pay", "微信支付";
    channel_alipay: &'static str = "Alipay", "支付宝";
    channel_online_banking: &'static str = "Online banking", "网上银行";
    channel_autopay: &'static str = "Autopay", "自动缴费";
    channel_counter: &'static str = "Service counter", "营业厅";
}

impl Text {
    fn channel_name(&self, channel: &str) -> &'static str {
        match channel {
            "online" => self.channel_online,
            "bank_transfer" => self.channel_bank_transfer,
            "wechat" => self.channel_wechat,
            "alipay" => self.channel_alipay,
            "online_banking" => self.channel_online_banking,
            "autopay" => self.channel_autopay,
            _ => self.channel_counter,
        }
    }
}
