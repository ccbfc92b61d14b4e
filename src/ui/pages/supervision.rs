//! Staff console, supervisors: satisfaction and on-time rates for a date range, by month (a
//! chart and its table), by area class and by category; open cases at risk; CSV download.

use crate::api::supervisor::{Dashboard, DashboardCsv, GetDashboard};
use crate::domain::feedback::{Permille, SliceFigures};
use crate::ui::components::chart::{BarChart, BarGroup};
use crate::ui::components::data::{Cell, DataTable, Facts};
use crate::ui::components::guard::{PageHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Load, Write, loaded_in_place};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// `/staff/dashboard`.
#[component]
pub fn DashboardPage() -> impl IntoView {
    view! { <RequireSignIn><Supervision/></RequireSignIn> }
}

fn share(p: Option<Permille>) -> String {
    p.map(|p| p.to_string()).unwrap_or_else(|| "—".into())
}

/// The default range: from the first of the month a year ago to today, both in the utility's
/// time zone (UTC+8), whatever zone the browser is in.
fn default_range() -> (String, String) {
    let offset_ms = (crate::domain::local_time::UTILITY_OFFSET_SECS * 1000) as f64;
    let today = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        js_sys::Date::now() + offset_ms,
    ));
    let to = format!(
        "{:04}-{:02}-{:02}",
        today.get_utc_full_year(),
        today.get_utc_month() + 1,
        today.get_utc_date()
    );
    let from = format!(
        "{:04}-{:02}-01",
        today.get_utc_full_year() - 1,
        today.get_utc_month() + 1
    );
    (from, to)
}

#[component]
fn Supervision() -> impl IntoView {
    let i18n = use_i18n();
    let (from0, to0) = default_range();
    let from = RwSignal::new(from0);
    let to = RwSignal::new(to0);
    let range = RwSignal::new((from.get_untracked(), to.get_untracked()));
    let figures = Load::ask(move || {
        let (f, t) = range.get();
        GetDashboard { from: f, to: t }
    });
    let csv = Write::<()>::new();
    let csv_error = move || csv.value().get().and_then(Result::err);
    let download = move |_| {
        let (f, t) = range.get_untracked();
        csv.send(async move {
            crate::api::codec::call(&DashboardCsv {
                from: f.clone(),
                to: t.clone(),
            })
            .await
            .map(|text| {
                crate::ui::browser::download_text(
                    &format!("gridcare-supervision-{f}-{t}.csv"),
                    "text/csv",
                    &text,
                )
            })
        });
    };
    view! {
        <PageHeading text=|l| Text::of(l).dashboard_title/>
        <form class="filters" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            range.set((from.get_untracked(), to.get_untracked()));
        }>
            <div class="field">
                <label for="range-from"><Tr s=|l| Text::of(l).range_from/></label>
                <input id="range-from" type="date" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="range-to"><Tr s=|l| Text::of(l).range_to/></label>
                <input id="range-to" type="date" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button"><Tr s=|l| Text::of(l).show_figures/></button>
            <button type="button" class="button" on:click=download><Tr s=|l| Text::of(l).download_csv/></button>
        </form>
        {move || csv_error().map(|error| view! { <ErrorMessage error/> })}
        {loaded_in_place(figures, move |d| view! { <Figures dashboard=d/> }.into_any())}
        <p class="muted">{move || Text::of(i18n.lang()).chart_satisfaction_desc}</p>
    }
}

/// One table of slices: key, ratings, satisfaction, average stars.
fn slice_rows(slices: &[SliceFigures], key: impl Fn(&str) -> String) -> Vec<Vec<Cell>> {
    slices
        .iter()
        .map(|s| {
            let sat = &s.satisfaction;
            vec![
                Cell::Text(key(&s.key)),
                Cell::Num(sat.ratings.to_string()),
                Cell::Num(share(sat.rate)),
                Cell::Num(
                    sat.average_centi
                        .map(|a| format!("{}.{:02}", a / 100, a % 100))
                        .unwrap_or_else(|| "—".into()),
                ),
            ]
        })
        .collect()
}

#[component]
fn Figures(dashboard: Dashboard) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = Text::of(i18n.lang());
        let f = &dashboard.figures;
        let all = &f.overall;
        let facts = vec![
            (
                t.satisfaction_label,
                Cell::Text(share(all.satisfaction.rate)),
            ),
            (
                t.average_stars,
                Cell::Text(
                    all.satisfaction
                        .average_centi
                        .map(|a| format!("{}.{:02}", a / 100, a % 100))
                        .unwrap_or_else(|| "—".into()),
                ),
            ),
            (
                t.ratings_count,
                Cell::Text(all.satisfaction.ratings.to_string()),
            ),
        ];
        let on_time = all
            .on_time
            .iter()
            .map(|o| {
                vec![
                    Cell::Text(t.commitment(o.commitment)),
                    Cell::Num(format!("{} / {}", o.met, o.measured)),
                    Cell::Num(share(o.rate)),
                ]
            })
            .collect();
        let month_label = |k: &str| k.get(..7).unwrap_or(k).to_string();
        let bars = f
            .by_month
            .iter()
            .map(|s| {
                let label = month_label(&s.key);
                let rate = s.satisfaction.rate;
                let tip = format!(
                    "{label}: {}",
                    rate.map_or_else(|| "—".to_string(), |r| r.to_string())
                );
                BarGroup {
                    label: label.get(5..).unwrap_or("").to_string(),
                    bars: vec![(rate.map(|p| u64::from(p.0)), tip)],
                }
            })
            .collect();
        let headings = || {
            vec![
                (t.field_kind, false),
                (t.ratings_count, true),
                (t.satisfaction_label, true),
                (t.average_stars, true),
            ]
        };
        let at_risk = dashboard
            .at_risk
            .iter()
            .map(|a| {
                vec![
                    Cell::Mono(a.number.clone()),
                    Cell::Text(
                        crate::domain::feedback::JobKind::from_stored(&a.kind)
                            .map_or(a.kind.clone(), |k| t.job_kind(k).to_string()),
                    ),
                    Cell::Text(a.due.clone()),
                    Cell::Badge(
                        if a.past {
                            "badge badge-overdue"
                        } else {
                            "badge badge-due"
                        },
                        (if a.past { t.past } else { t.near }).into(),
                    ),
                ]
            })
            .collect::<Vec<_>>();
        let no_risk = at_risk.is_empty();
        view! {
            <section class="card" aria-label=t.satisfaction_label><Facts facts/></section>
            <section aria-labelledby="on-time-heading">
                <h2 id="on-time-heading">{t.on_time_title}</h2>
                <DataTable headings=vec![(t.commitment_label, false), (t.met_of, true), (t.share_label, true)] rows=on_time/>
            </section>
            <section aria-labelledby="by-month-heading">
                <h2 id="by-month-heading">{t.by_month_title}</h2>
                <BarChart id="satisfaction-chart" title=format!("{} · {}", t.satisfaction_label, t.by_month_title) description=t.chart_satisfaction_desc.to_string() groups=bars full=1000/>
                <DataTable headings=headings() rows=slice_rows(&f.by_month, month_label)/>
            </section>
            <section aria-labelledby="by-area-heading">
                <h2 id="by-area-heading">{t.by_area_title}</h2>
                <DataTable headings=headings() rows=slice_rows(&f.by_area, |k| crate::domain::AreaClass::from_stored(k).map_or(k.to_string(), |a| t.area(a).to_string()))/>
            </section>
            <section aria-labelledby="by-category-heading">
                <h2 id="by-category-heading">{t.by_category_title}</h2>
                <DataTable headings=headings() rows=slice_rows(&f.by_category, |k| t.topic(k).to_string())/>
            </section>
            <section aria-labelledby="at-risk-heading">
                <h2 id="at-risk-heading">{t.at_risk_title}</h2>
                {if no_risk {
                    view! { <p>{t.no_at_risk}</p> }.into_any()
                } else {
                    view! { <DataTable headings=vec![(t.col_number, false), (t.col_kind, false), (t.col_due, false), (t.status, false)] rows=at_risk/> }.into_any()
                }}
            </section>
        }
        .into_any()
    }
}

crate::ui::i18n::strings! {
    dashboard_title: &'static str = "Service supervision", "服务监督";
    range_from: &'static str = "From", "开始日期";
    range_to: &'static str = "To", "结束日期";
    show_figures: &'static str = "Show", "查询";
    satisfaction_label: &'static str = "Satisfaction (4–5 stars)", "满意率（4–5 星）";
    average_stars: &'static str = "Average stars", "平均星级";
    ratings_count: &'static str = "Ratings", "评价数";
    on_time_title: &'static str = "On time, per commitment", "各项承诺按时率";
    commitment_label: &'static str = "Commitment", "服务承诺";
    met_of: &'static str = "Met", "按时";
    share_label: &'static str = "Share", "比例";
    by_month_title: &'static str = "By month", "按月";
    by_area_title: &'static str = "By area class", "按区域";
    by_category_title: &'static str = "By category", "按类别";
    at_risk_title: &'static str = "Open cases near or past their deadline", "临近或超过时限的在办工单";
    no_at_risk: &'static str = "None.", "无。";
    c_repair_arrival: &'static str = "Repair: crew on site", "抢修到达现场";
    c_repair_restoration: &'static str = "Repair: power back", "抢修恢复送电";
    c_connection_total: &'static str = "Connection: all utility stages", "业扩报装全流程";
    c_complaint_contact: &'static str = "Complaint: customer contacted", "投诉联系客户";
    c_complaint_reply: &'static str = "Complaint: reply", "投诉答复";
    past: &'static str = "Past", "已超时";
    near: &'static str = "Near", "临近";
    chart_satisfaction_desc: &'static str =
        "Bars show the share of 4–5 star ratings each month; the table below has the same numbers.",
        "柱形为每月 4–5 星评价占比；下表为相同数据。";
}

impl Text {
    /// A measured commitment's name.
    pub fn commitment(&self, c: crate::domain::feedback::Commitment) -> String {
        match c {
            crate::domain::feedback::Commitment::RepairArrival => self.c_repair_arrival.into(),
            crate::domain::feedback::Commitment::RepairRestoration => {
                self.c_repair_restoration.into()
            }
            crate::domain::feedback::Commitment::ConnectionStage(s) => {
                format!("{} · {}", self.nav_applications, self.stage(s))
            }
            crate::domain::feedback::Commitment::ConnectionTotal => self.c_connection_total.into(),
            crate::domain::feedback::Commitment::ComplaintContact => {
                self.c_complaint_contact.into()
            }
            crate::domain::feedback::Commitment::ComplaintReply => self.c_complaint_reply.into(),
        }
    }
}
