//! Usage on the server: who may read the account, then its meter, bills and interval readings,
//! summed and explained by `domain::usage`; and the Green Button downloads, streamed.

use crate::api::ApiError;
use crate::api::usage::{MonthUse, UsageOverview};
use crate::domain::greenbutton::{
    BillingPeriod, Feed, Granularity, Reading, Subject, csv_preamble, csv_reading, file_name,
    parse_range,
};
use crate::domain::local_time::{day_start, local};
use crate::domain::usage::{
    DayUse, HOURLY_DAYS, Interval, PeakHours, WattHours, by_day, hours_of, parse_days,
};
use crate::domain::{Fen, Field, FieldError, Problem, RowId, Tariff, parse_row_id};
use crate::server::request::Request;
use crate::server::store::usage::{MeterRow, MonthRow};
use crate::server::store::{Store, User};
use chrono::{Datelike, Days, Months, NaiveDate};
use futures_util::StreamExt;

/// Months the usage page shows.
const MONTHS: u32 = 36;

/// The peak hours of `tariff`, if it is time-of-use.
fn peak_hours(tariff: Option<&Tariff>) -> Option<PeakHours> {
    match tariff {
        Some(Tariff::TimeOfUse {
            peak_from_hour,
            valley_from_hour,
            ..
        }) => Some(PeakHours {
            peak_from: *peak_from_hour,
            valley_from: *valley_from_hour,
        }),
        _ => None,
    }
}

/// The account asked for, once the caller may read it.
async fn readable(request: &Request, user: &User, account: &str) -> Result<RowId, ApiError> {
    let account = parse_row_id(Field::AccountId, account)?;
    request.may_read_account(user, account).await?;
    Ok(account)
}

/// The account's smart meter; reading days and hours needs one.
async fn smart_meter(store: &Store, account: RowId) -> Result<MeterRow, ApiError> {
    match store.meter_of(account).await? {
        Some(m) if m.smart => Ok(m),
        _ => Err(ApiError::NotNow {
            reason: "the meter is read once a month; it keeps no days or hours".into(),
        }),
    }
}

/// Months of use against the year before.
pub async fn overview(
    request: &Request,
    user: &User,
    account: &str,
) -> Result<UsageOverview, ApiError> {
    let account = readable(request, user, account).await?;
    let store = &request.state.store;
    let summary = store
        .account_summary(account)
        .await?
        .ok_or(ApiError::NotFound)?;
    let today = request.today();
    let this_month = today.with_day(1).unwrap_or(today);
    // A year more than is shown, for "the same month last year".
    let from = this_month - Months::new(MONTHS + 12);
    let rows = store
        .months_of(account, from, this_month + Months::new(1))
        .await?;
    let energy_in = |month: NaiveDate| {
        rows.iter()
            .find(|r| r.period_start == month)
            .map(|r| r.energy)
    };
    let shown = rows.len().saturating_sub(MONTHS as usize);
    let months = rows[shown..]
        .iter()
        .map(|r| MonthUse {
            month: r.period_start,
            energy: r.energy,
            cost: r.total,
            energy_last_year: crate::domain::usage::same_month_last_year(r.period_start)
                .and_then(energy_in),
        })
        .collect();
    let meter = store.meter_of(account).await?;
    let tariff = store.account_tariff(account).await?;
    Ok(UsageOverview {
        account: summary,
        months,
        smart: meter.is_some_and(|m| m.smart),
        peak_hours: peak_hours(tariff.as_ref()),
        today,
    })
}

/// The last `days` local days of a smart meter.
pub async fn daily(
    request: &Request,
    user: &User,
    account: &str,
    days: &str,
) -> Result<Vec<DayUse>, ApiError> {
    let days = parse_days(days)?;
    let account = readable(request, user, account).await?;
    let store = &request.state.store;
    let meter = smart_meter(store, account).await?;
    let today = request.today();
    let from = day_start(today - Days::new(u64::from(days)));
    let intervals = store
        .intervals(meter.id, from, day_start(today + Days::new(1)))
        .await?;
    let tariff = store.account_tariff(account).await?;
    Ok(by_day(&intervals, peak_hours(tariff.as_ref())))
}

/// One local day's hours of a smart meter.
pub async fn hours(
    request: &Request,
    user: &User,
    account: &str,
    day: &str,
) -> Result<Vec<Option<WattHours>>, ApiError> {
    let day = NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .map_err(|_| FieldError::new(Field::Day, Problem::Malformed))?;
    let today = request.today();
    if day > today || (today - day).num_days() > HOURLY_DAYS {
        return Err(FieldError::new(
            Field::Day,
            Problem::OutOfRange {
                min: 0,
                max: HOURLY_DAYS,
            },
        )
        .into());
    }
    let account = readable(request, user, account).await?;
    let store = &request.state.store;
    let meter = smart_meter(store, account).await?;
    let intervals = store
        .intervals(meter.id, day_start(day), day_start(day + Days::new(1)))
        .await?;
    Ok(hours_of(day, &intervals).to_vec())
}

/// What a Green Button download asks for.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    interval: String,
}

/// A checked Green Button request: whose data, which days, how fine.
struct Export {
    subject: Subject,
    account: RowId,
    meter: MeterRow,
    from: NaiveDate,
    to: NaiveDate,
    granularity: Granularity,
    tariff: Option<Tariff>,
}

async fn plan(request: &Request, account: &str, q: &ExportQuery) -> Result<Export, ApiError> {
    let user = request.require_user().await?;
    let granularity = Granularity::parse(&q.interval)?;
    let (from, to) = parse_range(&q.from, &q.to, granularity)?;
    let account = readable(request, &user, account).await?;
    let store = &request.state.store;
    let summary = store
        .account_summary(account)
        .await?
        .ok_or(ApiError::NotFound)?;
    let meter = store.meter_of(account).await?.ok_or(ApiError::NotFound)?;
    if granularity == Granularity::Hour && !meter.smart {
        return Err(FieldError::new(Field::Interval, Problem::NotAllowed).into());
    }
    Ok(Export {
        subject: Subject {
            account_number: summary.account_number,
            holder_name: summary.holder_name,
            premise_address: summary.premise_address,
        },
        account,
        meter,
        from,
        to,
        granularity,
        tariff: store.account_tariff(account).await?,
    })
}

/// What an hour cost: at the tariff's price for that hour (flat, peak or valley), or for
/// tiered tariffs at the month's average price once the month is billed.
fn hour_cost(
    tariff: Option<&Tariff>,
    start: i64,
    energy: WattHours,
    months: &[MonthRow],
) -> Option<Fen> {
    let price = match tariff? {
        Tariff::Flat { price } => *price,
        t @ Tariff::TimeOfUse {
            peak_price,
            valley_price,
            ..
        } => {
            let peak = peak_hours(Some(t))?;
            if peak.is_peak(chrono::Timelike::hour(&local(start))) {
                *peak_price
            } else {
                *valley_price
            }
        }
        Tariff::ResidentialTiered { .. } => {
            let day = local(start).date();
            let month = months
                .iter()
                .find(|m| m.period_start <= day && day < m.period_end)?;
            if month.energy.centi() == 0 {
                return None;
            }
            // Yuan per kWh in ten-thousandths: total fen × 100 ÷ kWh.
            crate::domain::PricePerKwh(month.total.0 * 100 * 100 / month.energy.centi())
        }
    };
    Some(price.charge(energy.kwh()))
}

fn month_reading(m: &MonthRow) -> Reading {
    let start = day_start(m.period_start);
    Reading {
        start,
        seconds: day_start(m.period_end) - start,
        energy: WattHours::from_kwh(m.energy),
        cost: Some(m.total),
    }
}

/// One piece of the export after another: each local day's hours, or all billing months.
async fn pieces(store: &Store, e: &Export) -> Result<(Vec<MonthRow>, Vec<NaiveDate>), ApiError> {
    // Months that overlap the range: hourly costs need them, and monthly readings are them.
    let months = store
        .months_of(
            e.account,
            e.from.with_day(1).unwrap_or(e.from) - Months::new(1),
            e.to,
        )
        .await?
        .into_iter()
        .filter(|m| m.period_end > e.from)
        .collect();
    let days = e.from.iter_days().take_while(|d| *d < e.to).collect();
    Ok((months, days))
}

async fn day_readings(
    store: &Store,
    e: &Export,
    day: NaiveDate,
    months: &[MonthRow],
) -> Result<Vec<Reading>, std::io::Error> {
    let intervals: Vec<Interval> = store
        .intervals(e.meter.id, day_start(day), day_start(day + Days::new(1)))
        .await
        .map_err(|e| crate::server::http::stream_failed("Green Button export", &e))?;
    Ok(intervals
        .into_iter()
        .map(|i| Reading {
            start: i.start,
            seconds: i.seconds,
            energy: i.energy,
            cost: hour_cost(e.tariff.as_ref(), i.start, i.energy, months),
        })
        .collect())
}

type Chunks =
    std::pin::Pin<Box<dyn futures_util::Stream<Item = Result<String, std::io::Error>> + Send>>;

/// The ESPI feed, a day's hours (or all the months) at a time.
fn xml_stream(
    store: Store,
    e: Export,
    months: Vec<MonthRow>,
    days: Vec<NaiveDate>,
    now: i64,
    base: String,
) -> Chunks {
    let feed = Feed {
        subject: e.subject.clone(),
        base,
        now,
        granularity: e.granularity,
    };
    let head = feed.head();
    let periods: Vec<BillingPeriod> = months
        .iter()
        .filter(|m| m.period_start >= e.from && m.period_start < e.to)
        .map(|m| {
            let r = month_reading(m);
            BillingPeriod {
                start: r.start,
                seconds: r.seconds,
                energy: r.energy,
                cost: m.total,
            }
        })
        .collect();
    let summaries: String = periods
        .iter()
        .enumerate()
        .map(|(i, p)| feed.summary(i + 1, p))
        .collect::<Vec<_>>()
        .concat();
    let tail = format!("{summaries}{}", feed.tail());
    let body: Chunks = match e.granularity {
        Granularity::Month => {
            let readings: Vec<Reading> = months
                .iter()
                .filter(|m| m.period_start >= e.from && m.period_start < e.to)
                .map(month_reading)
                .collect();
            let block = feed.block(1, &readings);
            Box::pin(futures_util::stream::once(async move { Ok(block) }))
        }
        Granularity::Hour => {
            let feed = feed.clone();
            let e = std::sync::Arc::new(e);
            let months = std::sync::Arc::new(months);
            Box::pin(
                futures_util::stream::iter(days.into_iter().enumerate()).then(move |(n, day)| {
                    let (store, e, months, feed) =
                        (store.clone(), e.clone(), months.clone(), feed.clone());
                    async move {
                        let readings = day_readings(&store, &e, day, &months).await?;
                        Ok(feed.block(n + 1, &readings))
                    }
                }),
            )
        }
    };
    Box::pin(
        futures_util::stream::once(async move { Ok(head) })
            .chain(body)
            .chain(futures_util::stream::once(async move { Ok(tail) }))
            .fuse(),
    )
}

/// The CSV layout, a day's hours (or all the months) at a time.
fn csv_stream(store: Store, e: Export, months: Vec<MonthRow>, days: Vec<NaiveDate>) -> Chunks {
    let head = csv_preamble(&e.subject);
    let body: Chunks = match e.granularity {
        Granularity::Month => {
            let text: String = months
                .iter()
                .filter(|m| m.period_start >= e.from && m.period_start < e.to)
                .map(|m| {
                    let last = m.period_end - Days::new(1);
                    csv_reading(&month_reading(m), &format!("billing period to {last}"))
                })
                .collect::<Vec<_>>()
                .concat();
            Box::pin(futures_util::stream::once(async move { Ok(text) }))
        }
        Granularity::Hour => {
            let e = std::sync::Arc::new(e);
            let months = std::sync::Arc::new(months);
            Box::pin(futures_util::stream::iter(days).then(move |day| {
                let (store, e, months) = (store.clone(), e.clone(), months.clone());
                async move {
                    let readings = day_readings(&store, &e, day, &months).await?;
                    Ok(readings
                        .iter()
                        .map(|r| csv_reading(r, ""))
                        .collect::<Vec<_>>()
                        .concat())
                }
            }))
        }
    };
    Box::pin(
        futures_util::stream::once(async move { Ok(head) })
            .chain(body)
            .fuse(),
    )
}

/// `GET /api/usage/{account}/greenbutton.{xml|csv}`: the Green Button download.
pub async fn green_button(
    axum::extract::State(state): axum::extract::State<crate::server::app::AppState>,
    axum::extract::Path((account, file)): axum::extract::Path<(String, String)>,
    req: axum::extract::Request,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    let xml = match file.as_str() {
        "greenbutton.xml" => true,
        "greenbutton.csv" => false,
        _ => return crate::server::http::error_response(&ApiError::NotFound),
    };
    let (parts, _) = req.into_parts();
    let query = axum::extract::Query::<ExportQuery>::try_from_uri(&parts.uri).map(|q| q.0);
    let request = Request::new(state.clone(), parts);
    let planned = async {
        let q =
            query.map_err(|_| ApiError::from(FieldError::new(Field::From, Problem::Malformed)))?;
        let e = plan(&request, &account, &q).await?;
        let (months, days) = pieces(&state.store, &e).await?;
        Ok::<_, ApiError>((e, months, days))
    };
    match planned.await {
        Ok((e, months, days)) => {
            let ext = if xml { "xml" } else { "csv" };
            let name = file_name(&e.subject.account_number, e.from, e.to, e.granularity, ext);
            let kind = if xml {
                "application/atom+xml; charset=utf-8"
            } else {
                "text/csv; charset=utf-8"
            };
            let stream = if xml {
                let base = format!("{}/espi/1_1/resource", request.origin());
                xml_stream(
                    state.store.clone(),
                    e,
                    months,
                    days,
                    state.clock.unix(),
                    base,
                )
            } else {
                csv_stream(state.store.clone(), e, months, days)
            };
            (
                [
                    (CONTENT_TYPE, kind.to_string()),
                    (
                        CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{name}\""),
                    ),
                ],
                axum::body::Body::from_stream(stream),
            )
                .into_response()
        }
        Err(e) => crate::server::http::error_response(&e),
    }
}
