//! Where the power goes: interval readings of smart meters summed by the utility's local day
//! and split into peak and valley, the utility's DST-free local time, and why a bill is higher
//! (or lower) than the one before, each reason with its number.

use crate::domain::energy::KilowattHours;
use crate::domain::input::{Field, FieldError, Problem};
use crate::domain::local_time::local;
use crate::domain::money::Fen;
use crate::domain::tariff::LineKind;
use chrono::{Datelike, NaiveDate, Timelike};
use serde::{Deserialize, Serialize};

/// Energy as interval meters report it, in whole watt-hours.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct WattHours(pub i64);

impl WattHours {
    /// The same energy in kWh, rounded half up to the meter's 0.01 kWh.
    pub fn kwh(self) -> KilowattHours {
        KilowattHours::from_centi((self.0 + 5).div_euclid(10))
    }

    /// From the billing unit (exact: 0.01 kWh is 10 Wh).
    pub fn from_kwh(k: KilowattHours) -> Self {
        WattHours(k.centi() * 10)
    }
}

impl std::ops::Add for WattHours {
    type Output = WattHours;
    fn add(self, rhs: WattHours) -> WattHours {
        WattHours(self.0 + rhs.0)
    }
}

impl std::iter::Sum for WattHours {
    fn sum<I: Iterator<Item = WattHours>>(iter: I) -> WattHours {
        WattHours(iter.map(|w| w.0).sum())
    }
}

/// One interval reading: from `start` (unix seconds) for `seconds`, `energy` used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    pub start: i64,
    pub seconds: i64,
    pub energy: WattHours,
}

/// The peak hours of a time-of-use tariff: from `peak_from` up to `valley_from` (local hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeakHours {
    pub peak_from: u32,
    pub valley_from: u32,
}

impl PeakHours {
    /// True when the local hour `hour` is in the peak.
    pub fn is_peak(self, hour: u32) -> bool {
        if self.peak_from <= self.valley_from {
            (self.peak_from..self.valley_from).contains(&hour)
        } else {
            hour >= self.peak_from || hour < self.valley_from
        }
    }
}

/// A local day's use, and its peak part where the tariff has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayUse {
    #[serde(with = "crate::domain::local_time::day")]
    pub day: NaiveDate,
    pub energy: WattHours,
    pub peak: Option<WattHours>,
}

/// Sums intervals into local days, oldest first; an interval counts on the day it starts.
pub fn by_day(intervals: &[Interval], peak: Option<PeakHours>) -> Vec<DayUse> {
    let mut out: Vec<DayUse> = Vec::new();
    for i in intervals {
        let t = local(i.start);
        let day = t.date();
        let in_peak = peak.map(|p| p.is_peak(t.hour()));
        match out.iter_mut().find(|d| d.day == day) {
            Some(d) => {
                d.energy = d.energy + i.energy;
                if in_peak == Some(true) {
                    d.peak = d.peak.map(|p| p + i.energy);
                }
            }
            None => out.push(DayUse {
                day,
                energy: i.energy,
                peak: in_peak.map(|on| if on { i.energy } else { WattHours(0) }),
            }),
        }
    }
    out.sort_by_key(|d| d.day);
    out
}

/// A local day's 24 hours (an hour with no reading is `None`).
pub fn hours_of(day: NaiveDate, intervals: &[Interval]) -> [Option<WattHours>; 24] {
    let mut out = [None; 24];
    for i in intervals {
        let t = local(i.start);
        if t.date() == day {
            let h = t.hour() as usize;
            out[h] = Some(out[h].unwrap_or_default() + i.energy);
        }
    }
    out
}

/// How far back the usage page's daily view reaches, in days.
pub const DAILY_DAYS: [u32; 3] = [7, 30, 90];

/// Reads a daily range the person picked: 7, 30 or 90 days.
pub fn parse_days(s: &str) -> Result<u32, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(30);
    }
    s.parse::<u32>()
        .ok()
        .filter(|n| DAILY_DAYS.contains(n))
        .ok_or(FieldError::new(Field::Days, Problem::NotAllowed))
}

/// Days back from today that hourly readings are shown for.
pub const HOURLY_DAYS: i64 = 30;

/// What a bill says, for comparing it with others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillFacts {
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub energy: KilowattHours,
    pub total: Fen,
    pub tariff_code: String,
    /// Energy per charge line (tiers, peak and valley, flat).
    pub lines: Vec<(LineKind, KilowattHours)>,
}

impl BillFacts {
    /// Days the bill covers (its readings are on the first and the last).
    pub fn days(&self) -> i64 {
        (self.period_end - self.period_start).num_days()
    }

    fn energy_in(&self, kinds: &[LineKind]) -> KilowattHours {
        self.lines
            .iter()
            .filter(|(k, _)| kinds.contains(k))
            .map(|(_, e)| *e)
            .sum()
    }
}

/// A change in parts per thousand of the earlier figure, rounded half away from zero (`None`
/// when that was zero).
pub fn change_permille(now: i64, before: i64) -> Option<i64> {
    if before == 0 {
        return None;
    }
    let num = (now - before) * 1000;
    let (q, r) = (num / before, num % before);
    let away = if 2 * r.abs() >= before.abs() {
        num.signum() * before.signum()
    } else {
        0
    };
    Some(q + away)
}

/// One reason a bill is what it is, with its numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case", try_from = "ReasonJson")]
pub enum Reason {
    /// Energy and amount against the bill before.
    ComparedWithPrevious {
        energy: KilowattHours,
        energy_before: KilowattHours,
        change_permille: Option<i64>,
        amount: Fen,
        amount_before: Fen,
    },
    /// Energy against the same period a year earlier.
    ComparedWithLastYear {
        energy: KilowattHours,
        energy_then: KilowattHours,
        change_permille: Option<i64>,
        period_start_then: NaiveDate,
    },
    /// The period is longer than the one before.
    MoreDays { days: i64, days_before: i64 },
    /// More energy was charged above tier 1 than on the bill before.
    HigherTier {
        above_tier1: KilowattHours,
        above_tier1_before: KilowattHours,
        tier3: KilowattHours,
    },
    /// More of the energy fell in the peak than on the bill before.
    MorePeak {
        peak_permille: i64,
        peak_permille_before: i64,
    },
    /// The tariff is not the one of the bill before.
    TariffChanged { from: String, to: String },
    /// When the tiers start again at tier 1 (tiered tariffs).
    TierReset { on: NaiveDate },
}

/// A reason's JSON read flat (see `input::needed`).
#[derive(Deserialize)]
struct ReasonJson {
    reason: String,
    energy: Option<KilowattHours>,
    energy_before: Option<KilowattHours>,
    energy_then: Option<KilowattHours>,
    change_permille: Option<i64>,
    amount: Option<Fen>,
    amount_before: Option<Fen>,
    #[serde(default, with = "crate::domain::local_time::day::option")]
    period_start_then: Option<NaiveDate>,
    days: Option<i64>,
    days_before: Option<i64>,
    above_tier1: Option<KilowattHours>,
    above_tier1_before: Option<KilowattHours>,
    tier3: Option<KilowattHours>,
    peak_permille: Option<i64>,
    peak_permille_before: Option<i64>,
    from: Option<String>,
    to: Option<String>,
    #[serde(default, with = "crate::domain::local_time::day::option")]
    on: Option<NaiveDate>,
}

impl TryFrom<ReasonJson> for Reason {
    type Error = String;

    fn try_from(j: ReasonJson) -> Result<Self, String> {
        use crate::domain::input::needed;
        Ok(match j.reason.as_str() {
            "compared_with_previous" => Reason::ComparedWithPrevious {
                energy: needed(j.energy, "energy")?,
                energy_before: needed(j.energy_before, "energy_before")?,
                change_permille: j.change_permille,
                amount: needed(j.amount, "amount")?,
                amount_before: needed(j.amount_before, "amount_before")?,
            },
            "compared_with_last_year" => Reason::ComparedWithLastYear {
                energy: needed(j.energy, "energy")?,
                energy_then: needed(j.energy_then, "energy_then")?,
                change_permille: j.change_permille,
                period_start_then: needed(j.period_start_then, "period_start_then")?,
            },
            "more_days" => Reason::MoreDays {
                days: needed(j.days, "days")?,
                days_before: needed(j.days_before, "days_before")?,
            },
            "higher_tier" => Reason::HigherTier {
                above_tier1: needed(j.above_tier1, "above_tier1")?,
                above_tier1_before: needed(j.above_tier1_before, "above_tier1_before")?,
                tier3: needed(j.tier3, "tier3")?,
            },
            "more_peak" => Reason::MorePeak {
                peak_permille: needed(j.peak_permille, "peak_permille")?,
                peak_permille_before: needed(j.peak_permille_before, "peak_permille_before")?,
            },
            "tariff_changed" => Reason::TariffChanged {
                from: needed(j.from, "from")?,
                to: needed(j.to, "to")?,
            },
            "tier_reset" => Reason::TierReset {
                on: needed(j.on, "on")?,
            },
            other => return Err(format!("unknown reason `{other}`")),
        })
    }
}

/// Why `bill` is what it is, against the bill `before` it and the bill of the same period a
/// year earlier: the comparisons first, then what changed (days, tiers, peak share, tariff),
/// then when the tiers reset. Only reasons that hold are given.
pub fn explain(
    bill: &BillFacts,
    before: Option<&BillFacts>,
    year_ago: Option<&BillFacts>,
    next_tier_reset: Option<NaiveDate>,
) -> Vec<Reason> {
    let mut out = Vec::new();
    if let Some(b) = before {
        out.push(Reason::ComparedWithPrevious {
            energy: bill.energy,
            energy_before: b.energy,
            change_permille: change_permille(bill.energy.centi(), b.energy.centi()),
            amount: bill.total,
            amount_before: b.total,
        });
    }
    if let Some(y) = year_ago {
        out.push(Reason::ComparedWithLastYear {
            energy: bill.energy,
            energy_then: y.energy,
            change_permille: change_permille(bill.energy.centi(), y.energy.centi()),
            period_start_then: y.period_start,
        });
    }
    if let Some(b) = before {
        if bill.days() > b.days() {
            out.push(Reason::MoreDays {
                days: bill.days(),
                days_before: b.days(),
            });
        }
        let above = |f: &BillFacts| f.energy_in(&[LineKind::Tier2, LineKind::Tier3]);
        if above(bill) > above(b) {
            out.push(Reason::HigherTier {
                above_tier1: above(bill),
                above_tier1_before: above(b),
                tier3: bill.energy_in(&[LineKind::Tier3]),
            });
        }
        let peak_share = |f: &BillFacts| {
            let peak = f.energy_in(&[LineKind::Peak]).centi();
            let all = f.energy_in(&[LineKind::Peak, LineKind::Valley]).centi();
            (all > 0).then(|| peak * 1000 / all)
        };
        if let (Some(now), Some(then)) = (peak_share(bill), peak_share(b))
            && now > then
        {
            out.push(Reason::MorePeak {
                peak_permille: now,
                peak_permille_before: then,
            });
        }
        if bill.tariff_code != b.tariff_code {
            out.push(Reason::TariffChanged {
                from: b.tariff_code.clone(),
                to: bill.tariff_code.clone(),
            });
        }
    }
    if let Some(on) = next_tier_reset {
        out.push(Reason::TierReset { on });
    }
    out
}

/// The first day of the month a year before `day`'s month.
pub fn same_month_last_year(day: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(day.year() - 1, day.month(), 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::local_time::day_start;

    #[test]
    fn every_reason_reads_back_as_it_was_written() {
        let kwh = KilowattHours::whole;
        let all = [
            Reason::ComparedWithPrevious {
                energy: kwh(300),
                energy_before: kwh(200),
                change_permille: Some(500),
                amount: Fen(16_000),
                amount_before: Fen(10_000),
            },
            Reason::ComparedWithPrevious {
                energy: kwh(300),
                energy_before: kwh(0),
                change_permille: None,
                amount: Fen(16_000),
                amount_before: Fen(0),
            },
            Reason::ComparedWithLastYear {
                energy: kwh(300),
                energy_then: kwh(280),
                change_permille: Some(71),
                period_start_then: d(2025, 10, 1),
            },
            Reason::MoreDays {
                days: 33,
                days_before: 29,
            },
            Reason::HigherTier {
                above_tier1: kwh(120),
                above_tier1_before: kwh(0),
                tier3: kwh(10),
            },
            Reason::MorePeak {
                peak_permille: 640,
                peak_permille_before: 520,
            },
            Reason::TariffChanged {
                from: "RES-TIER-M".into(),
                to: "RES-TOU".into(),
            },
            Reason::TierReset { on: d(2027, 1, 1) },
        ];
        for r in all {
            // No wildcard: a new reason must be added here and to `ReasonJson`'s reading.
            match &r {
                Reason::ComparedWithPrevious { .. }
                | Reason::ComparedWithLastYear { .. }
                | Reason::MoreDays { .. }
                | Reason::HigherTier { .. }
                | Reason::MorePeak { .. }
                | Reason::TariffChanged { .. }
                | Reason::TierReset { .. } => {}
            }
            let json = serde_json::to_string(&r).expect("serialises");
            assert_eq!(
                serde_json::from_str::<Reason>(&json).expect("parses"),
                r,
                "{json}"
            );
        }
        let missing = serde_json::from_str::<Reason>(r#"{"reason":"more_days","days":3}"#);
        assert!(missing.is_err_and(|e| e.to_string().contains("days_before")));
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn bill(
        start: NaiveDate,
        end: NaiveDate,
        kwh: i64,
        fen: i64,
        lines: &[(LineKind, i64)],
    ) -> BillFacts {
        BillFacts {
            period_start: start,
            period_end: end,
            energy: KilowattHours::whole(kwh),
            total: Fen(fen),
            tariff_code: "RES-TIER-Y".into(),
            lines: lines
                .iter()
                .map(|(k, e)| (*k, KilowattHours::whole(*e)))
                .collect(),
        }
    }

    #[test]
    fn hours_sum_into_local_days_with_their_peak() {
        let start = day_start(d(2026, 11, 1));
        // 48 hours of 100 Wh from local midnight on 1 November.
        let intervals: Vec<Interval> = (0..48)
            .map(|h| Interval {
                start: start + h * 3600,
                seconds: 3600,
                energy: WattHours(100),
            })
            .collect();
        let peak = PeakHours {
            peak_from: 8,
            valley_from: 22,
        };
        let days = by_day(&intervals, Some(peak));
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].day, d(2026, 11, 1));
        assert_eq!(days[0].energy, WattHours(2400));
        // 08:00–22:00 is 14 hours of peak.
        assert_eq!(days[0].peak, Some(WattHours(1400)));
        assert_eq!(by_day(&intervals, None)[1].peak, None);
        let hours = hours_of(d(2026, 11, 2), &intervals);
        assert_eq!(hours[0], Some(WattHours(100)));
        assert_eq!(hours.iter().flatten().count(), 24);
        assert_eq!(hours_of(d(2026, 11, 3), &intervals), [None; 24]);
    }

    #[test]
    fn peak_hours_may_wrap_past_midnight() {
        let p = PeakHours {
            peak_from: 20,
            valley_from: 6,
        };
        assert!(p.is_peak(23) && p.is_peak(0) && p.is_peak(5));
        assert!(!p.is_peak(6) && !p.is_peak(19));
    }

    #[test]
    fn watt_hours_round_to_the_meters_hundredths() {
        assert_eq!(WattHours(824).kwh(), KilowattHours::from_centi(82));
        assert_eq!(WattHours(825).kwh(), KilowattHours::from_centi(83));
        assert_eq!(
            WattHours::from_kwh(KilowattHours::from_centi(82)),
            WattHours(820)
        );
    }

    #[test]
    fn the_daily_range_is_one_of_three() {
        assert_eq!(parse_days("90"), Ok(90));
        assert_eq!(parse_days(""), Ok(30));
        assert_eq!(parse_days("31").unwrap_err().problem, Problem::NotAllowed);
        assert_eq!(parse_days("x").unwrap_err().field, Field::Days);
    }

    #[test]
    fn changes_are_in_permille_of_the_earlier_figure() {
        assert_eq!(change_permille(150, 100), Some(500));
        assert_eq!(change_permille(50, 100), Some(-500));
        assert_eq!(change_permille(2, 3), Some(-333));
        assert_eq!(change_permille(1, 0), None);
    }

    #[test]
    fn a_summer_bill_is_explained_by_more_kwh_more_days_and_tier_two() {
        // July: 460 kWh over 31 days, 220 of them above tier 1 (the year's allowance used up).
        let july = bill(
            d(2026, 7, 1),
            d(2026, 8, 1),
            460,
            25_588,
            &[(LineKind::Tier1, 240), (LineKind::Tier2, 220)],
        );
        // June: 290 kWh over 30 days, all in tier 1.
        let june = bill(
            d(2026, 6, 1),
            d(2026, 7, 1),
            290,
            15_370,
            &[(LineKind::Tier1, 290)],
        );
        let july_last_year = bill(
            d(2025, 7, 1),
            d(2025, 8, 1),
            440,
            23_320,
            &[(LineKind::Tier1, 440)],
        );
        let reasons = explain(
            &july,
            Some(&june),
            Some(&july_last_year),
            Some(d(2027, 1, 1)),
        );
        assert_eq!(
            reasons,
            vec![
                Reason::ComparedWithPrevious {
                    energy: KilowattHours::whole(460),
                    energy_before: KilowattHours::whole(290),
                    // (460 − 290) / 290 = 58.6 %
                    change_permille: Some(586),
                    amount: Fen(25_588),
                    amount_before: Fen(15_370),
                },
                Reason::ComparedWithLastYear {
                    energy: KilowattHours::whole(460),
                    energy_then: KilowattHours::whole(440),
                    // 20 / 440 = 4.5 %
                    change_permille: Some(45),
                    period_start_then: d(2025, 7, 1),
                },
                Reason::MoreDays {
                    days: 31,
                    days_before: 30
                },
                Reason::HigherTier {
                    above_tier1: KilowattHours::whole(220),
                    above_tier1_before: KilowattHours::ZERO,
                    tier3: KilowattHours::ZERO,
                },
                Reason::TierReset { on: d(2027, 1, 1) },
            ]
        );
    }

    #[test]
    fn a_smaller_bill_lists_only_its_comparisons() {
        let now = bill(
            d(2026, 4, 1),
            d(2026, 5, 1),
            200,
            10_600,
            &[(LineKind::Tier1, 200)],
        );
        let before = bill(
            d(2026, 3, 1),
            d(2026, 4, 1),
            240,
            12_720,
            &[(LineKind::Tier1, 240)],
        );
        let reasons = explain(&now, Some(&before), None, None);
        assert_eq!(reasons.len(), 1);
        assert!(matches!(
            reasons[0],
            Reason::ComparedWithPrevious {
                change_permille: Some(-167),
                ..
            }
        ));
        // The first bill of an account has nothing to compare with.
        assert!(explain(&now, None, None, None).is_empty());
    }

    #[test]
    fn more_peak_and_a_new_tariff_are_reasons_too() {
        let mut now = bill(
            d(2026, 9, 1),
            d(2026, 10, 1),
            1000,
            70_000,
            &[(LineKind::Peak, 700), (LineKind::Valley, 300)],
        );
        now.tariff_code = "BIZ-TOU".into();
        let mut before = bill(
            d(2026, 8, 1),
            d(2026, 9, 1),
            1000,
            68_000,
            &[(LineKind::Peak, 600), (LineKind::Valley, 400)],
        );
        before.tariff_code = "BIZ-FLAT".into();
        let reasons = explain(&now, Some(&before), None, None);
        assert!(reasons.contains(&Reason::MorePeak {
            peak_permille: 700,
            peak_permille_before: 600
        }));
        assert!(reasons.contains(&Reason::TariffChanged {
            from: "BIZ-FLAT".into(),
            to: "BIZ-TOU".into()
        }));
        assert!(
            !reasons.iter().any(|r| matches!(r, Reason::MoreDays { .. })),
            "30 days both"
        );
    }
}
