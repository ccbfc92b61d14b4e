//! Where the power goes: months against the year before, a smart meter's days (with the peak
//! share on time-of-use tariffs) and hours, every chart also as a table, and the Green Button
//! download of one's own data.

use crate::api::accounts::ListAccounts;
use crate::api::pages::Page;
use crate::api::usage::{DailyUsage, GetUsage, HourlyUsage, UsageOverview};
use crate::domain::RowId;
use crate::domain::greenbutton::{Granularity, parse_range};
use crate::domain::usage::{DAILY_DAYS, DayUse, PeakHours, WattHours};
use crate::ui::components::chart::{BarChart, BarGroup, LineChart};
use crate::ui::components::choice::DateRange;
use crate::ui::components::data::{Cell, DataTable};
use crate::ui::components::guard::{PageHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Load, Loading, loaded, loaded_in_place};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::router::{use_navigate, use_query_map};
use chrono::{Datelike, Days, NaiveDate};
use leptos::prelude::*;

/// `/usage?account=ID` (the first account when none is named).
#[component]
pub fn UsagePage() -> impl IntoView {
    view! { <RequireSignIn><Usage/></RequireSignIn> }
}

fn kwh(w: WattHours) -> String {
    w.kwh().to_string()
}

#[component]
fn Usage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let accounts = Load::ask(|| ListAccounts {});
    // The account named in the address, else the first one the person may see.
    let account = Memo::new(move |_| {
        query
            .with(|q| q.get("account"))
            .filter(|a| !a.is_empty())
            .or_else(|| {
                accounts
                    .get()
                    .and_then(Result::ok)
                    .and_then(|list| list.first().map(|a| a.id.to_string()))
            })
    });
    let overview = Load::ask_if(move || account.get().map(|account_id| GetUsage { account_id }));
    let tables = RwSignal::new(false);
    let navigate = use_navigate();
    let choices = move || {
        let current = account.get().unwrap_or_default();
        accounts
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|a| {
                let id = a.id.to_string();
                let selected = id == current;
                let label = match &a.site_name {
                    Some(site) => format!("{} · {site}", a.account_number),
                    None => format!("{} · {}", a.account_number, a.premise_address),
                };
                view! { <option value=id selected=selected>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <PageHeading text=|l| Text::of(l).usage_title/>
        <div class="form-row no-print">
            <div class="field">
                <label for="usage-account"><Tr s=|l| Text::of(l).service_account/></label>
                <select id="usage-account" on:change=move |ev| {
                    navigate(&Page::Usage { account: event_target_value(&ev).parse().ok().map(crate::domain::RowId) }.href(), Default::default());
                }>{choices}</select>
            </div>
            <div class="field">
                <button type="button" class="button" aria-pressed=move || tables.get().to_string()
                    on:click=move |_| tables.update(|v| *v = !*v)>
                    {move || if tables.get() { Text::of(i18n.lang()).show_charts } else { Text::of(i18n.lang()).show_tables }}
                </button>
            </div>
        </div>
        {loaded(overview, move |answer| match answer {
            Some(o) => view! { <UsageBody overview=o tables/> }.into_any(),
            None => view! { <p><Tr s=|l| Text::of(l).no_accounts/></p> }.into_any(),
        })}
    }
}

#[component]
fn UsageBody(overview: UsageOverview, tables: RwSignal<bool>) -> impl IntoView {
    let account = overview.account.id;
    let (smart, peak, today) = (overview.smart, overview.peak_hours, overview.today);
    view! {
        <Monthly overview tables/>
        {if smart {
            view! {
                <Daily account peak tables/>
                <Hourly account today tables/>
            }.into_any()
        } else {
            view! { <p class="muted"><Tr s=|l| Text::of(l).not_smart/></p> }.into_any()
        }}
        <Download account smart today/>
    }
}

/// Billed months, each with the same month a year earlier.
#[component]
fn Monthly(overview: UsageOverview, tables: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let months = overview.months;
    move || {
        let t = Text::of(i18n.lang());
        let body = if tables.get() {
            let rows = months
                .iter()
                .rev()
                .map(|m| {
                    vec![
                        Cell::Text(t.month_year(m.month)),
                        Cell::Num(m.energy.to_string()),
                        Cell::Num(
                            m.energy_last_year
                                .map(|e| e.to_string())
                                .unwrap_or_else(|| "—".into()),
                        ),
                        Cell::Num(m.cost.to_string()),
                    ]
                })
                .collect();
            view! {
                <DataTable headings=vec![(t.col_month, false), (t.col_energy, true), (t.col_year_before, true), (t.col_amount, true)] rows/>
            }
            .into_any()
        } else {
            // The last 12 months, so the bars stay readable on a phone.
            let shown = months.len().saturating_sub(12);
            let groups = months[shown..]
                .iter()
                .map(|m| BarGroup {
                    label: format!("{:02}", m.month.month()),
                    bars: vec![
                        (
                            Some(m.energy.centi().max(0) as u64),
                            format!("{}{}{} kWh", t.month_year(m.month), t.colon, m.energy),
                        ),
                        (
                            m.energy_last_year.map(|e| e.centi().max(0) as u64),
                            format!(
                                "{} · {}{}{}",
                                t.month_year(m.month),
                                t.year_before_series,
                                t.colon,
                                m.energy_last_year
                                    .map(|e| format!("{e} kWh"))
                                    .unwrap_or_else(|| "—".into())
                            ),
                        ),
                    ],
                })
                .collect();
            view! {
                <BarChart id="usage-months" title=t.usage_by_month.to_string() description=t.usage_monthly_desc.to_string()
                    groups legend=vec![t.month_series.to_string(), t.year_before_series.to_string()]/>
            }
            .into_any()
        };
        view! {
            <section aria-labelledby="months-heading">
                <h2 id="months-heading">{t.usage_by_month}</h2>
                {body}
            </section>
        }
        .into_any()
    }
}

/// A smart meter's days, over 7, 30 or 90 days, with the peak share on time-of-use tariffs.
#[component]
fn Daily(account: RowId, peak: Option<PeakHours>, tables: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let days = RwSignal::new(30u32);
    let data = Load::ask(move || DailyUsage {
        account_id: account.to_string(),
        days: days.get().to_string(),
    });
    let options = move || {
        let t = Text::of(i18n.lang());
        DAILY_DAYS
            .iter()
            .map(|n| view! { <option value=n.to_string() selected=move || days.get() == *n>{(t.days_option)(*n)}</option> })
            .collect_view()
    };
    let body = move |list: Vec<DayUse>| {
        let t = Text::of(i18n.lang());
        let split = peak.map(|_| {
            let peak_wh: WattHours = list.iter().filter_map(|d| d.peak).sum();
            let all: WattHours = list.iter().map(|d| d.energy).sum();
            let valley = WattHours(all.0 - peak_wh.0);
            let share = if all.0 > 0 { peak_wh.0 * 1000 / all.0 } else { 0 };
            view! {
                <section aria-labelledby="tou-heading">
                    <h3 id="tou-heading">{t.usage_tou_title}</h3>
                    <p>{(t.peak_share_of)(&kwh(peak_wh), &kwh(valley), &format!("{}.{} %", share / 10, share % 10))}</p>
                </section>
            }
        });
        let view = if tables.get() {
            let rows = list
                .iter()
                .rev()
                .map(|d| {
                    let mut row = vec![Cell::Text(t.date(d.day)), Cell::Num(kwh(d.energy))];
                    if let Some(p) = d.peak {
                        row.push(Cell::Num(kwh(p)));
                        row.push(Cell::Num(kwh(WattHours(d.energy.0 - p.0))));
                    }
                    row
                })
                .collect();
            let mut headings = vec![(t.field_day, false), (t.col_energy, true)];
            if peak.is_some() {
                headings.push((t.col_peak, true));
                headings.push((t.col_valley, true));
            }
            view! { <DataTable headings rows/> }.into_any()
        } else {
            let every = (list.len() / 6).max(1);
            let points = list
                .iter()
                .map(|d| {
                    (
                        format!("{}/{}", d.day.month(), d.day.day()),
                        d.energy.0.max(0) as u64,
                        format!("{}{}{} kWh", t.date(d.day), t.colon, kwh(d.energy)),
                    )
                })
                .collect();
            view! {
                <LineChart id="usage-days" title=t.usage_daily_title.to_string() description=t.usage_daily_desc.to_string()
                    points label_every=every/>
            }
            .into_any()
        };
        view! { {split} {view} }.into_any()
    };
    view! {
        <section aria-labelledby="days-heading">
            <h2 id="days-heading"><Tr s=|l| Text::of(l).usage_daily_title/></h2>
            <div class="field no-print">
                <label for="usage-days-range"><Tr s=|l| Text::of(l).field_days/></label>
                <select id="usage-days-range" on:change=move |ev| {
                    days.set(event_target_value(&ev).parse().unwrap_or(30));
                }>{options}</select>
            </div>
            {loaded_in_place(data, body)}
        </section>
    }
}

/// A smart meter's hours of one day within the last 30.
#[component]
fn Hourly(account: RowId, today: NaiveDate, tables: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let yesterday = today - Days::new(1);
    let day = RwSignal::new(yesterday.to_string());
    let data = Load::ask(move || HourlyUsage {
        account_id: account.to_string(),
        day: day.get(),
    });
    let body = move |hours: Vec<Option<WattHours>>| {
        let t = Text::of(i18n.lang());
        if tables.get() {
            let rows = hours
                .iter()
                .enumerate()
                .map(|(h, w)| {
                    vec![
                        Cell::Text(format!("{h:02}:00–{h:02}:59")),
                        Cell::Num(w.map(kwh).unwrap_or_else(|| "—".into())),
                    ]
                })
                .collect();
            view! { <DataTable headings=vec![(t.col_hour, false), (t.col_energy, true)] rows/> }
                .into_any()
        } else {
            let groups = hours
                .iter()
                .enumerate()
                .map(|(h, w)| BarGroup {
                    label: if h % 3 == 0 {
                        format!("{h:02}")
                    } else {
                        String::new()
                    },
                    bars: vec![(
                        w.map(|w| w.0.max(0) as u64),
                        format!(
                            "{h:02}:00{}{}",
                            t.colon,
                            w.map(|w| format!("{} kWh", kwh(w)))
                                .unwrap_or_else(|| "—".into())
                        ),
                    )],
                })
                .collect();
            view! {
                <BarChart id="usage-hours" title=t.usage_hourly_title.to_string() description=t.usage_hourly_desc.to_string() groups/>
            }
            .into_any()
        }
    };
    let earliest = (today - Days::new(crate::domain::usage::HOURLY_DAYS as u64)).to_string();
    view! {
        <section aria-labelledby="hours-heading">
            <h2 id="hours-heading"><Tr s=|l| Text::of(l).usage_hourly_title/></h2>
            <div class="field no-print">
                <label for="usage-day"><Tr s=|l| Text::of(l).field_day/></label>
                <input id="usage-day" type="date" min=earliest max=today.to_string()
                    prop:value=move || day.get() on:change=move |ev| day.set(event_target_value(&ev))/>
            </div>
            {move || match data.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(hours)) => body(hours),
                Some(Err(error)) => view! { <ErrorMessage error/> }.into_any(),
            }}
        </section>
    }
}

/// Green Button "Download My Data": hourly (smart meters) or monthly, for a range of days.
#[component]
fn Download(account: RowId, smart: bool, today: NaiveDate) -> impl IntoView {
    let hourly = RwSignal::new(smart);
    let start = if smart {
        today - Days::new(30)
    } else {
        NaiveDate::from_ymd_opt(today.year() - 3, today.month(), 1).unwrap_or(today)
    };
    let from = RwSignal::new(start.to_string());
    let to = RwSignal::new(today.to_string());
    let granularity = move || {
        if hourly.get() {
            Granularity::Hour
        } else {
            Granularity::Month
        }
    };
    let range = move || parse_range(&from.get(), &to.get(), granularity());
    let href = move |file: &'static str| {
        crate::api::pages::FileAddress::Usage {
            account,
            file,
            from: from.get(),
            to: to.get(),
            interval: granularity().as_str(),
        }
        .href()
    };
    let guard = move |ev: leptos::ev::MouseEvent| {
        if range().is_err() {
            ev.prevent_default();
        }
    };
    view! {
        <section class="card no-print" aria-labelledby="download-heading">
            <h2 id="download-heading"><Tr s=|l| Text::of(l).download_title/></h2>
            <p class="muted"><Tr s=|l| Text::of(l).download_help/></p>
            <fieldset class="field">
                <legend><Tr s=|l| Text::of(l).field_interval/></legend>
                {smart.then(|| view! {
                    <label class="radio"><input type="radio" name="gb-interval" prop:checked=move || hourly.get()
                        on:change=move |_| hourly.set(true)/><Tr s=|l| Text::of(l).interval_hourly/></label>
                })}
                <label class="radio"><input type="radio" name="gb-interval" prop:checked=move || !hourly.get()
                    on:change=move |_| hourly.set(false)/><Tr s=|l| Text::of(l).interval_monthly/></label>
            </fieldset>
            <DateRange id="gb" from to refused=Signal::derive(move || range().err())/>
            <p class="wizard-buttons">
                <a class="button button-primary" href=move || href("greenbutton.xml") download on:click=guard><Tr s=|l| Text::of(l).download_xml/></a>
                <a class="button" href=move || href("greenbutton.csv") download on:click=guard><Tr s=|l| Text::of(l).download_csv/></a>
            </p>
        </section>
    }
}

crate::ui::i18n::strings! {
    usage_title: &'static str = "Usage", "用电分析";
    usage_monthly_desc: &'static str =
        "Bars show each billed month's kWh, with the same month a year earlier beside it; the table has the same numbers.",
        "柱形为每个账期的电量，旁边为去年同期；表格中为相同数据。";
    month_series: &'static str = "Billed month", "本期";
    year_before_series: &'static str = "A year earlier", "上年同期";
    usage_daily_title: &'static str = "Use by day", "每日用电";
    usage_daily_desc: &'static str =
        "The line shows each day's kWh over the days chosen; the table has the same numbers.",
        "折线为所选天数内每日电量；表格中为相同数据。";
    usage_tou_title: &'static str = "Peak and valley", "峰谷用电";
    peak_share_of: fn(&str, &str, &str) -> String =
        |peak, valley, share| {
            format!("Peak {peak} kWh, valley {valley} kWh: {share} in the peak hours.")
        },
        |peak, valley, share| {
            format!("峰时段 {peak} 千瓦时，谷时段 {valley} 千瓦时，峰时段占 {share}。")
        };
    usage_hourly_title: &'static str = "Use by hour", "分时用电";
    usage_hourly_desc: &'static str =
        "Bars show each hour of the day chosen; the table has the same numbers.",
        "柱形为所选日期每小时电量；表格中为相同数据。";
    days_option: fn(u32) -> String = |n| format!("Last {n} days"), |n| format!("最近 {n} 天");
    show_tables: &'static str = "Show as tables", "以表格显示";
    show_charts: &'static str = "Show as charts", "以图表显示";
    not_smart: &'static str =
        "This meter is read once a month, so there are no daily or hourly figures.",
        "该电表每月抄表一次，暂无每日或分时数据。";
    download_title: &'static str = "Download my data (Green Button)", "下载我的数据（绿色按钮）";
    download_help: &'static str =
        "A standard file of your use, to keep or to give to an energy adviser. Hourly files cover up to 92 days; monthly ones come from your bills.",
        "标准格式的用电数据文件，可自行保存或提供给节能顾问。逐小时数据最多 92 天；逐月数据来自账单。";
    interval_hourly: &'static str = "Hourly (smart meter)", "逐小时（智能电表）";
    interval_monthly: &'static str = "Monthly (from bills)", "逐月（账单）";
    download_xml: &'static str = "Download Green Button XML", "下载绿色按钮 XML";
    col_month: &'static str = "Month", "月份";
    col_year_before: &'static str = "A year earlier (kWh)", "上年同期（千瓦时）";
    col_hour: &'static str = "Hour", "时段";
    col_peak: &'static str = "Peak (kWh)", "峰（千瓦时）";
    col_valley: &'static str = "Valley (kWh)", "谷（千瓦时）";
}
