//! The supervisor's figures: every measured promise and rating in a date range, cut by month,
//! area class and category (`domain::feedback::Figures`), and the open cases at risk.

use crate::api::ApiError;
use crate::api::supervisor::{AtRisk, Dashboard};
use crate::domain::feedback::{
    Commitment, FeedbackKind, FeedbackState, Figures, Outcome, RatedJob, Stars, near_deadline,
};
use crate::domain::local_time::{day_start, local, parse_day};
use crate::domain::repair::Promise;
use crate::domain::{Field, FieldError, Problem};
use crate::server::request::Request;
use crate::server::store::connections::replay;
use chrono::{Datelike, NaiveDate};

fn promise_outcome(p: Promise) -> Option<bool> {
    match p {
        Promise::Met { .. } => Some(true),
        Promise::Missed { .. } => Some(false),
        Promise::Running { .. } | Promise::Void => None,
    }
}

/// The dashboard for `from..=to`.
pub async fn dashboard(request: &Request, from: &str, to: &str) -> Result<Dashboard, ApiError> {
    let from = parse_day(Field::StartsAt, from)?;
    let to = parse_day(Field::EndsAt, to)?;
    if to < from || (to - from).num_days() > 3 * 366 {
        return Err(FieldError::new(Field::EndsAt, Problem::NotAllowed).into());
    }
    let store = &request.state.store;
    let now = request.state.clock.unix();
    let today = request.today();
    let (start, end) = (day_start(from), day_start(to) + 86_400);

    let ratings: Vec<RatedJob> = store
        .ratings_between(start, end)
        .await?
        .into_iter()
        .filter_map(|r| {
            Some(RatedJob {
                stars: Stars::from_stored(r.stars)?,
                on: local(r.rated_at).date(),
                area: r.area_class,
                category: r.category,
            })
        })
        .collect();

    let mut outcomes = Vec::new();
    let mut at_risk = Vec::new();
    let limits = store.repair_limits().await?;
    for t in store.tickets_between(start, end).await? {
        let times = t.times();
        let on = local(t.reported_at).date();
        let cut = |commitment, met| Outcome {
            commitment,
            on,
            area: t.area_class.as_str().to_string(),
            category: t.customer_category.clone(),
            met,
        };
        if let Some(met) = promise_outcome(times.arrival(&limits, now)) {
            outcomes.push(cut(Commitment::RepairArrival, met));
        }
        if let Some(met) = promise_outcome(times.restoration(&limits, now)) {
            outcomes.push(cut(Commitment::RepairRestoration, met));
        }
    }
    for t in store.open_tickets().await? {
        let times = t.times();
        let (started, due) = if t.arrived_at.is_none() {
            (t.reported_at, times.arrival_due(&limits))
        } else {
            (
                t.arrived_at.unwrap_or(t.reported_at),
                times.restoration_due(&limits),
            )
        };
        if near_deadline(started, due, now) {
            at_risk.push(AtRisk {
                kind: "repair".into(),
                id: t.id,
                number: t.number.clone(),
                due: local(due).format("%Y-%m-%d %H:%M").to_string(),
                past: now > due,
            });
        }
    }

    let cal = store.working_calendar().await?;
    let connection_limits = store.connection_limits().await?;
    for row in store.cases_accepted_between(from, to).await? {
        let events = store.case_events(row.id).await?;
        let case = replay(&row, &events, &connection_limits, &cal)?;
        let area = row.area_class.clone();
        for (i, stage) in case.stages.iter().enumerate() {
            if stage.limit.is_none() {
                continue;
            }
            if let Some(met) = case.stage_on_time(i, &cal) {
                outcomes.push(Outcome {
                    commitment: Commitment::ConnectionStage(stage.stage),
                    on: row.accepted_on,
                    area: area.clone(),
                    category: row.category.as_str().to_string(),
                    met,
                });
            }
        }
        if let Some(met) = case.on_time(&cal) {
            outcomes.push(Outcome {
                commitment: Commitment::ConnectionTotal,
                on: row.accepted_on,
                area: area.clone(),
                category: row.category.as_str().to_string(),
                met,
            });
        }
        if !case.state.is_closed()
            && let Some(due) = crate::server::store::connections::next_due(&case, today, &cal)
        {
            let started = case.current().started_on;
            let day = |d: NaiveDate| i64::from(d.num_days_from_ce());
            if near_deadline(day(started), day(due), day(today)) {
                at_risk.push(AtRisk {
                    kind: "connection".into(),
                    id: row.id,
                    number: row.number.clone(),
                    due: due.to_string(),
                    past: today > due,
                });
            }
        }
    }

    for f in store.feedback_between(start, end).await? {
        if f.kind != FeedbackKind::Complaint {
            continue;
        }
        let events = store.feedback_events(f.id).await?;
        let on = local(f.received_at).date();
        let done = |actions: &[&str]| {
            events
                .iter()
                .filter(|e| e.round == f.round && actions.contains(&e.action.as_str()))
                .map(|e| e.on_day)
                .min()
        };
        for (commitment, due, actions) in [
            (
                Commitment::ComplaintContact,
                f.contact_by,
                &["log_contact", "reply"][..],
            ),
            (Commitment::ComplaintReply, f.reply_by, &["reply"][..]),
        ] {
            let Some(due) = due else { continue };
            let met = match done(actions) {
                Some(d) => Some(d <= due),
                None if today > due => Some(false),
                None => None,
            };
            if let Some(met) = met {
                outcomes.push(Outcome {
                    commitment,
                    on,
                    area: f.area_class.clone(),
                    category: f.topic.clone(),
                    met,
                });
            }
        }
        if matches!(f.state, FeedbackState::Open | FeedbackState::Contacted)
            && let Some(due) = f.reply_by
        {
            let day = |d: NaiveDate| i64::from(d.num_days_from_ce());
            if near_deadline(day(f.round_started_on), day(due), day(today)) {
                at_risk.push(AtRisk {
                    kind: "complaint".into(),
                    id: f.id,
                    number: f.number.clone(),
                    due: due.to_string(),
                    past: today > due,
                });
            }
        }
    }
    at_risk.sort_by(|a, b| b.past.cmp(&a.past).then(a.due.cmp(&b.due)));
    Ok(Dashboard {
        from,
        to,
        figures: Figures::compute(&ratings, &outcomes, from, to),
        at_risk,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_days_and_their_starts() {
        // 2026-11-27 00:00 in UTC+8 is 2026-11-26 16:00 UTC.
        let d = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(day_start(d), 1_795_708_800);
        assert_eq!(local(day_start(d)).date(), d);
        assert_eq!(local(day_start(d) - 1).date(), d.pred_opt().unwrap());
    }
}
