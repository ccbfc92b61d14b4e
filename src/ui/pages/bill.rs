//! One bill in full: readings, charges by tier or period, payments.

use crate::api::bills::{BillDetail, get_bill};
use crate::ui::components::guard::{DynamicHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Loading, StatusBadge};
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
        } = bill.clone();
        let tariff = if i18n.lang() == Lang::Zh {
            tariff.zh
        } else {
            tariff.en
        };
        let readings = readings
            .into_iter()
            .map(|r| view! {
                <tr>
                    <th scope="row">
                        {t.register_name(&r.register).to_string()}
                        {r.estimated.then(|| view! { " " <span class="badge">{t.estimated}</span> })}
                    </th>
                    <td class="num">{r.start.to_string()}</td>
                    <td class="num">{r.end.to_string()}</td>
                    <td class="num">{(r.end - r.start).to_string()}</td>
                </tr>
            })
            .collect_view();
        let lines = lines
            .into_iter()
            .map(|l| {
                view! {
                    <tr>
                        <th scope="row">{t.line_kind(l.kind)}</th>
                        <td class="num">{l.energy.to_string()}</td>
                        <td class="num">{l.price.yuan()}</td>
                        <td class="num">{l.amount.to_string()}</td>
                    </tr>
                }
            })
            .collect_view();
        let payments = if payments.is_empty() {
            view! { <p>{t.no_payments}</p> }.into_any()
        } else {
            let rows = payments
                .into_iter()
                .map(|p| {
                    view! {
                        <tr>
                            <td>{paid_at(t, p.paid_at)}</td>
                            <td>{t.channel(&p.channel).to_string()}</td>
                            <td class="mono">{p.reference}</td>
                            <td class="num">{p.amount.to_string()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap">
                    <table>
                        <thead><tr>
                            <th scope="col">{t.col_paid_at}</th>
                            <th scope="col">{t.col_channel}</th>
                            <th scope="col">{t.col_reference}</th>
                            <th scope="col" class="num">{t.col_amount}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        };
        view! {
            <p><a href=format!("/accounts/{}/bills", account.id)>{t.back_to_bills}</a></p>
            <section class="card bill-summary" aria-label=t.total>
                <dl class="facts">
                    <div><dt>{t.total}</dt><dd class="stat-value">{s.total.to_string()}</dd></div>
                    <div><dt>{t.status}</dt><dd><StatusBadge status=s.status/></dd></div>
                    <div><dt>{t.due_on}</dt><dd>{t.date(s.due_on)}</dd></div>
                    <div><dt>{t.paid}</dt><dd>{s.paid.to_string()}</dd></div>
                    <div><dt>{t.balance}</dt><dd>{s.balance().to_string()}</dd></div>
                    <div><dt>{t.account}</dt><dd class="mono">{s.account_number.clone()}</dd></div>
                    <div><dt>{t.premise}</dt><dd>{account.premise_address}</dd></div>
                    <div><dt>{t.tariff}</dt><dd>{tariff}</dd></div>
                    <div><dt>{t.period}</dt><dd>{format!("{} – {}", t.date(s.period_start), t.date(s.period_end))}</dd></div>
                    <div><dt>{t.issued_on}</dt><dd>{t.date(issued_on)}</dd></div>
                    <div><dt>{t.meter}</dt><dd class="mono">{meter_serial}</dd></div>
                </dl>
                {next_tier_reset.map(|d| view! { <p class="muted">{(t.tier_reset)(&t.date(d))}</p> })}
            </section>
            <section aria-labelledby="readings-heading">
                <h2 id="readings-heading">{t.readings}</h2>
                <div class="table-wrap">
                    <table>
                        <thead><tr>
                            <th scope="col">{t.register_col}</th>
                            <th scope="col" class="num">{t.reading_start}</th>
                            <th scope="col" class="num">{t.reading_end}</th>
                            <th scope="col" class="num">{t.col_energy}</th>
                        </tr></thead>
                        <tbody>{readings}</tbody>
                    </table>
                </div>
            </section>
            <section aria-labelledby="charges-heading">
                <h2 id="charges-heading">{t.charges}</h2>
                <div class="table-wrap">
                    <table>
                        <thead><tr>
                            <th scope="col">{t.col_item}</th>
                            <th scope="col" class="num">{t.col_energy}</th>
                            <th scope="col" class="num">{t.col_price}</th>
                            <th scope="col" class="num">{t.col_amount}</th>
                        </tr></thead>
                        <tbody>{lines}</tbody>
                        <tfoot><tr>
                            <th scope="row">{t.total}</th>
                            <td class="num">{s.energy.to_string()}</td>
                            <td></td>
                            <td class="num">{s.total.to_string()}</td>
                        </tr></tfoot>
                    </table>
                </div>
            </section>
            <section aria-labelledby="payments-heading">
                <h2 id="payments-heading">{t.payments}</h2>
                {payments}
            </section>
        }
        .into_any()
    }
}
