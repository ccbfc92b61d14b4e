//! One bill in full: readings, charges by tier or period, why the amount is what it is,
//! payments; it prints on one A4 page (see the print rules in `style/components.css`).

use crate::api::bills::{BillDetail, get_bill};
use crate::domain::usage::Reason;
use crate::ui::components::data::{Cell, DataTable, Facts};
use crate::ui::components::guard::{DynamicHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Loading, status_badge};
use crate::ui::i18n::{Lang, Text, use_i18n};
use chrono::{DateTime, FixedOffset, Timelike};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

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
    let bill =
        LocalResource::new(move || get_bill(params.with(|p| p.get("id").unwrap_or_default())));
    let heading = move || match bill.get() {
        Some(Ok(b)) => (i18n.t().bill_title)(&i18n.t().month_year(b.summary.period_start)),
        _ => i18n.t().bills_title.to_string(),
    };
    view! {
        <DynamicHeading text=Signal::derive(heading)/>
        <Suspense fallback=Loading>
            {move || bill.get().map(|result| match result {
                Ok(b) => view! { <BillBody bill=b/> }.into_any(),
                Err(error) => view! { <ErrorMessage error retry=move |_| bill.refetch()/> }.into_any(),
            })}
        </Suspense>
    }
}

/// A payment's time in the utility's zone, e.g. `3 November 2026 10:30`.
fn paid_at(t: &Text, unix: i64) -> String {
    let zone = FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset");
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
        let t = i18n.t();
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
                        Cell::Mono(p.reference),
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
                <a href=format!("/accounts/{}/bills", account.id)>{t.back_to_bills}</a>
                <button type="button" class="button" on:click=|_| crate::ui::browser::print()>{t.print_bill}</button>
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
