//! One bill in full: readings, charges by tier or period, why the amount is what it is,
//! payments; it prints on one A4 page (see the print rules in `style/components.css`).

use crate::api::bills::{BillDetail, GetBill};
use crate::api::pages::Page;
use crate::domain::usage::Reason;
use crate::ui::components::data::{Cell, DataTable, Facts};
use crate::ui::components::guard::{DynamicHeading, RequireSignIn};
use crate::ui::components::status::{Load, loaded, status_badge};
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::router::use_params_map;
use chrono::{DateTime, Timelike};
use leptos::prelude::*;

/// `/bills/:id`.
#[component]
pub fn BillPage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <Bill/>
        </RequireSignIn>
    }
}

#[component]
fn Bill() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let bill = Load::ask(move || GetBill {
        bill_id: params.with(|p| p.get("id").unwrap_or_default()),
    });
    let heading = move || match bill.get() {
        Some(Ok(b)) => (Text::of(i18n.lang()).bill_title)(
            &Text::of(i18n.lang()).month_year(b.summary.period_start),
        ),
        _ => Text::of(i18n.lang()).bills_title.to_string(),
    };
    view! {
        <DynamicHeading text=Signal::derive(heading)/>
        {loaded(bill, move |b| view! { <BillBody bill=b/> }.into_any())}
    }
}

/// A payment's time in the utility's zone, e.g. `3 November 2026 10:30`.
fn paid_at(t: &Text, unix: i64) -> String {
    let zone = crate::domain::local_time::zone();
    DateTime::from_timestamp(unix, 0)
        .map(|at| at.with_timezone(&zone))
        .map(|at| {
            format!(
                "{} {:02}:{:02}",
                t.date(at.date_naive()),
                at.hour(),
                at.minute()
            )
        })
        .unwrap_or_default()
}

/// A change in per mille as people read it: `+58.6 %`, `−16.7 %`, or `—` when there was
/// nothing before.
pub fn change_text(permille: Option<i64>) -> String {
    match permille {
        None => "—".into(),
        Some(p) => {
            let sign = if p > 0 {
                "+"
            } else if p < 0 {
                "−"
            } else {
                ""
            };
            format!("{sign}{}.{} %", p.abs() / 10, p.abs() % 10)
        }
    }
}

/// One reason of a bill's explanation, in words with its numbers.
fn reason_text(t: &Text, r: &Reason) -> String {
    let share = |p: i64| format!("{}.{} %", p / 10, p % 10);
    match r {
        Reason::ComparedWithPrevious {
            energy,
            energy_before,
            change_permille,
            amount,
            amount_before,
        } => (t.why_previous)(
            &energy.to_string(),
            &energy_before.to_string(),
            &change_text(*change_permille),
            &amount.to_string(),
            &amount_before.to_string(),
        ),
        Reason::ComparedWithLastYear {
            energy_then,
            change_permille,
            period_start_then,
            ..
        } => (t.why_last_year)(
            &t.month_year(*period_start_then),
            &energy_then.to_string(),
            &change_text(*change_permille),
        ),
        Reason::MoreDays { days, days_before } => (t.why_more_days)(*days, *days_before),
        Reason::HigherTier {
            above_tier1,
            above_tier1_before,
            tier3,
        } => (t.why_higher_tier)(
            &above_tier1.to_string(),
            &above_tier1_before.to_string(),
            &tier3.to_string(),
        ),
        Reason::MorePeak {
            peak_permille,
            peak_permille_before,
        } => (t.why_more_peak)(&share(*peak_permille), &share(*peak_permille_before)),
        Reason::TariffChanged { from, to } => (t.why_tariff_changed)(from, to),
        Reason::TierReset { on } => (t.why_tier_reset)(&t.date(*on)),
    }
}

#[component]
fn BillBody(bill: BillDetail) -> impl IntoView {
    let i18n = use_i18n();
    // A read-only page: it is rebuilt whole when the language changes.
    move || {
        let t = Text::of(i18n.lang());
        let BillDetail {
            summary: s,
            account,
            issued_on,
            meter_serial,
            tariff,
            readings,
            lines,
            payments,
            next_tier_reset,
            explanation,
            reference,
        } = bill.clone();
        let tariff = if i18n.lang() == Lang::Zh {
            tariff.zh
        } else {
            tariff.en
        };
        let readings = readings
            .into_iter()
            .map(|r| {
                let name = t.register_name(&r.register).to_string();
                let name = if r.estimated {
                    format!("{name} ({})", t.estimated)
                } else {
                    name
                };
                vec![
                    Cell::Text(name),
                    Cell::Num(r.start.to_string()),
                    Cell::Num(r.end.to_string()),
                    Cell::Num((r.end - r.start).to_string()),
                ]
            })
            .collect();
        let lines = lines
            .into_iter()
            .map(|l| {
                vec![
                    Cell::Text(t.line_kind(l.kind).into()),
                    Cell::Num(l.energy.to_string()),
                    Cell::Num(l.price.yuan()),
                    Cell::Num(l.amount.to_string()),
                ]
            })
            .collect();
        let payments = if payments.is_empty() {
            view! { <p>{t.no_payments}</p> }.into_any()
        } else {
            let rows = payments
                .into_iter()
                .map(|p| {
                    vec![
                        Cell::Text(paid_at(t, p.paid_at)),
                        Cell::Text(t.channel(&p.channel).into()),
                        Cell::Link {
                            href: Page::Receipt(p.id).href(),
                            hidden: format!(" ({})", t.receipt_of),
                            text: p.reference,
                        },
                        Cell::Num(p.amount.to_string()),
                    ]
                })
                .collect();
            view! { <DataTable headings=vec![(t.col_paid_at, false), (t.col_channel, false), (t.col_reference, false), (t.col_amount, true)] rows/> }.into_any()
        };
        let facts = vec![
            (t.total, Cell::Text(s.total.to_string())),
            (t.status, status_badge(t, s.status)),
            (t.due_on, Cell::Text(t.date(s.due_on))),
            (t.paid, Cell::Text(s.paid.to_string())),
            (t.balance, Cell::Text(s.balance().to_string())),
            (t.account, Cell::Mono(s.account_number.clone())),
            (t.premise, Cell::Text(account.premise_address)),
            (t.tariff, Cell::Text(tariff)),
            (
                t.period,
                Cell::Text(format!(
                    "{} – {}",
                    t.date(s.period_start),
                    t.date(s.period_end)
                )),
            ),
            (t.issued_on, Cell::Text(t.date(issued_on))),
            (t.meter, Cell::Mono(meter_serial)),
            (t.reference_label, Cell::Mono(reference)),
        ];
        let reasons = if explanation.is_empty() {
            view! { <p>{t.why_none}</p> }.into_any()
        } else {
            let items = explanation
                .iter()
                .map(|r| view! { <li>{reason_text(t, r)}</li> })
                .collect_view();
            view! { <ul class="reasons">{items}</ul> }.into_any()
        };
        view! {
            <p class="no-print wizard-buttons">
                <a href=Page::AccountBills(account.id).href()>{t.back_to_bills}</a>
                <button type="button" class="button" on:click=|_| crate::ui::browser::print()>{t.print_bill}</button>
                {s.balance().is_positive().then(|| view! {
                    <a class="button button-primary" href=Page::Pay { account: Some(account.id), bill: Some(s.id) }.href()>{t.pay_bill}</a>
                })}
            </p>
            <section class="card bill-summary" aria-label=t.total>
                <Facts facts/>
                {next_tier_reset.map(|d| view! { <p class="muted no-print">{(t.tier_reset)(&t.date(d))}</p> })}
            </section>
            <section aria-labelledby="readings-heading">
                <h2 id="readings-heading">{t.readings}</h2>
                <DataTable headings=vec![(t.register_col, false), (t.reading_start, true), (t.reading_end, true), (t.col_energy, true)] rows=readings/>
            </section>
            <section aria-labelledby="charges-heading">
                <h2 id="charges-heading">{t.charges}</h2>
                <DataTable
                    headings=vec![(t.col_item, false), (t.col_energy, true), (t.col_price, true), (t.col_amount, true)]
                    rows=lines
                    footer=vec![Cell::Text(t.total.into()), Cell::Num(s.energy.to_string()), Cell::Text(String::new()), Cell::Num(s.total.to_string())]
                />
            </section>
            <section aria-labelledby="why-heading" class="why">
                <h2 id="why-heading">{t.why_title}</h2>
                {reasons}
            </section>
            <section aria-labelledby="payments-heading">
                <h2 id="payments-heading">{t.payments}</h2>
                {payments}
            </section>
        }
        .into_any()
    }
}

crate::ui::i18n::strings! {
    bill_title: fn(&str) -> String = |m| format!("Bill for {m}"), |m| format!("{m}账单");
    back_to_bills: &'static str = "Back to bills", "返回账单列表";
    meter: &'static str = "Meter", "电能表";
    period: &'static str = "Period", "抄表周期";
    issued_on: &'static str = "Issued", "出账日期";
    due_on: &'static str = "Due date", "缴费截止日";
    total: &'static str = "Total", "合计";
    paid: &'static str = "Paid", "已缴";
    balance: &'static str = "Still to pay", "待缴";
    readings: &'static str = "Meter readings", "抄表示数";
    register_col: &'static str = "Register", "示数类型";
    reading_start: &'static str = "Start reading", "上期示数";
    reading_end: &'static str = "End reading", "本期示数";
    estimated: &'static str = "estimated", "估抄";
    charges: &'static str = "Charges", "电费明细";
    col_item: &'static str = "Item", "项目";
    col_price: &'static str = "Price (¥/kWh)", "电价（元/千瓦时）";
    payments: &'static str = "Payments", "缴费记录";
    pay_bill: &'static str = "Pay this bill", "缴纳本期电费";
    receipt_of: &'static str = "Receipt", "缴费凭证";
    no_payments: &'static str = "No payment received yet.", "尚未收到缴费。";
    col_paid_at: &'static str = "Received", "到账时间";
    col_channel: &'static str = "Channel", "渠道";
    col_reference: &'static str = "Reference", "流水号";
    tier_reset: fn(&str) -> String =
        |d| format!("Your tiers start again on {d}."),
        |d| format!("阶梯电量将于{d}重新计算。");
    line_tier1: &'static str = "Tier 1", "第一档";
    line_tier2: &'static str = "Tier 2", "第二档";
    line_tier3: &'static str = "Tier 3", "第三档";
    line_peak: &'static str = "Peak (08:00–22:00)", "峰时段（08:00–22:00）";
    line_valley: &'static str = "Valley (22:00–08:00)", "谷时段（22:00–08:00）";
    line_flat: &'static str = "Flat rate", "单一电价";
    register_total: &'static str = "Total", "总";
    register_peak: &'static str = "Peak", "峰";
    register_valley: &'static str = "Valley", "谷";
    channel_wechat: &'static str = "WeChat Pay", "微信支付";
    channel_alipay: &'static str = "Alipay", "支付宝";
    channel_online_banking: &'static str = "Online banking", "网上银行";
    channel_counter: &'static str = "Service counter", "营业厅";
    why_title: &'static str = "Why this amount", "账单解读";
    why_previous: fn(&str, &str, &str, &str, &str) -> String =
        |kwh, before, change, amount, amount_before| {
            format!(
                "This bill: {kwh} kWh, {amount}. The bill before: {before} kWh, {amount_before}. Change in use: {change}."
            )
        },
        |kwh, before, change, amount, amount_before| {
            format!(
                "本期：{kwh} 千瓦时，{amount}；上期：{before} 千瓦时，{amount_before}；用电量变化 {change}。"
            )
        };
    why_last_year: fn(&str, &str, &str) -> String =
        |month, kwh, change| {
            format!("The same month a year earlier ({month}): {kwh} kWh. Change: {change}.")
        },
        |month, kwh, change| {
            format!("去年同期（{month}）：{kwh} 千瓦时；变化 {change}。")
        };
    why_more_days: fn(i64, i64) -> String =
        |days, before| {
            format!("This bill covers {days} days; the one before covered {before}.")
        },
        |days, before| format!("本期计费 {days} 天，上期 {before} 天。");
    why_higher_tier: fn(&str, &str, &str) -> String =
        |above, before, tier3| {
            format!(
                "{above} kWh were charged above tier 1 (the bill before: {before} kWh), {tier3} kWh of them at tier 3."
            )
        },
        |above, before, tier3| {
            format!(
                "本期有 {above} 千瓦时按第二、三档计价（上期 {before} 千瓦时），其中第三档 {tier3} 千瓦时。"
            )
        };
    why_more_peak: fn(&str, &str) -> String =
        |now, before| {
            format!("{now} of the energy fell in the peak hours (the bill before: {before}).")
        },
        |now, before| format!("峰时段用电占 {now}（上期 {before}）。");
    why_tariff_changed: fn(&str, &str) -> String =
        |from, to| format!("The tariff changed from {from} to {to}."),
        |from, to| format!("电价由 {from} 调整为 {to}。");
    why_tier_reset: fn(&str) -> String =
        |day| format!("Your tiers start again at tier 1 on {day}."),
        |day| format!("阶梯用量将于 {day} 重新计算。");
    why_none: &'static str =
        "This is the account's first bill: there is nothing to compare it with yet.",
        "这是该户号的第一张账单，暂无可比较的数据。";
    print_bill: &'static str = "Print or save as PDF", "打印或另存为 PDF";
    reference_label: &'static str = "Reference", "账单编号";
}

impl Text {
    /// A bill line's name.
    pub fn line_kind(&self, k: crate::domain::LineKind) -> &'static str {
        match k {
            crate::domain::LineKind::Tier1 => self.line_tier1,
            crate::domain::LineKind::Tier2 => self.line_tier2,
            crate::domain::LineKind::Tier3 => self.line_tier3,
            crate::domain::LineKind::Peak => self.line_peak,
            crate::domain::LineKind::Valley => self.line_valley,
            crate::domain::LineKind::Flat => self.line_flat,
        }
    }

    /// A meter register's name.
    pub fn register_name<'a>(&self, r: &'a str) -> &'a str {
        match r {
            "total" => self.register_total,
            "peak" => self.register_peak,
            "valley" => self.register_valley,
            other => other,
        }
    }

    /// A payment channel's name.
    pub fn channel<'a>(&self, c: &'a str) -> &'a str {
        match c {
            "wechat" => self.channel_wechat,
            "alipay" => self.channel_alipay,
            "online_banking" => self.channel_online_banking,
            "counter" => self.channel_counter,
            other => other,
        }
    }
}
