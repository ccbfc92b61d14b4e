//! Tariffs turn metered energy into bill lines: residential tiers (阶梯电价), time-of-use (峰谷)
//! and flat business rates. The figures live in the `tariffs` table; only the rules live here.

use crate::domain::energy::KilowattHours;
use crate::domain::money::Fen;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A price per kWh in 1/10,000 yuan (0.53 yuan/kWh is `PricePerKwh(5300)`), so four-decimal
/// published rates stay exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PricePerKwh(pub i64);

impl PricePerKwh {
    /// The charge for `energy` at this price, rounded half away from zero to whole fen.
    pub fn charge(self, energy: KilowattHours) -> Fen {
        // 0.01 kWh × 0.0001 yuan = 0.0001 fen, so the product is in ten-thousandths of a fen.
        let raw = i128::from(energy.centi()) * i128::from(self.0);
        let half = if raw < 0 { -5_000 } else { 5_000 };
        Fen(((raw + half) / 10_000) as i64)
    }

    /// The price in yuan with four decimals, e.g. `0.5300`.
    pub fn yuan(self) -> String {
        format!("{}.{:04}", self.0 / 10_000, self.0 % 10_000)
    }
}

impl fmt::Display for PricePerKwh {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "¥{}/kWh", self.yuan())
    }
}

/// Over what span the residential tiers are counted before they start again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "every", rename_all = "snake_case", try_from = "TierPeriodJson")]
pub enum TierPeriod {
    /// Each month's usage starts again at tier 1.
    Monthly,
    /// Usage adds up over a year that starts on the first of `reset_month`; the limits are
    /// twelve times the monthly ones.
    Yearly { reset_month: u32 },
}

/// A tariff's rules and figures, as configured in the `tariffs` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "TariffJson")]
pub enum Tariff {
    /// Residential tiered pricing: tier 1 up to `tier1_monthly_kwh`, tier 2 up to
    /// `tier2_monthly_kwh`, tier 3 above.
    ResidentialTiered {
        period: TierPeriod,
        tier1_monthly_kwh: i64,
        tier2_monthly_kwh: i64,
        tier1_price: PricePerKwh,
        tier2_price: PricePerKwh,
        tier3_price: PricePerKwh,
    },
    /// Peak and valley prices; the meter keeps a register for each period.
    TimeOfUse {
        peak_price: PricePerKwh,
        valley_price: PricePerKwh,
        /// Hour of day the peak period starts (valley ends).
        peak_from_hour: u32,
        /// Hour of day the valley period starts (peak ends).
        valley_from_hour: u32,
    },
    /// One price for every kWh.
    Flat { price: PricePerKwh },
}

/// A tier period's JSON read flat (see `input::needed`).
#[derive(Deserialize)]
struct TierPeriodJson {
    every: String,
    reset_month: Option<u32>,
}

impl TryFrom<TierPeriodJson> for TierPeriod {
    type Error = String;

    fn try_from(j: TierPeriodJson) -> Result<Self, String> {
        match j.every.as_str() {
            "monthly" => Ok(TierPeriod::Monthly),
            "yearly" => Ok(TierPeriod::Yearly {
                reset_month: crate::domain::input::needed(j.reset_month, "reset_month")?,
            }),
            other => Err(format!("unknown tier period `{other}`")),
        }
    }
}

/// A tariff's JSON read flat (see `input::needed`).
#[derive(Deserialize)]
struct TariffJson {
    kind: String,
    period: Option<TierPeriod>,
    tier1_monthly_kwh: Option<i64>,
    tier2_monthly_kwh: Option<i64>,
    tier1_price: Option<PricePerKwh>,
    tier2_price: Option<PricePerKwh>,
    tier3_price: Option<PricePerKwh>,
    peak_price: Option<PricePerKwh>,
    valley_price: Option<PricePerKwh>,
    peak_from_hour: Option<u32>,
    valley_from_hour: Option<u32>,
    price: Option<PricePerKwh>,
}

impl TryFrom<TariffJson> for Tariff {
    type Error = String;

    fn try_from(j: TariffJson) -> Result<Self, String> {
        use crate::domain::input::needed;
        Ok(match j.kind.as_str() {
            "residential_tiered" => Tariff::ResidentialTiered {
                period: needed(j.period, "period")?,
                tier1_monthly_kwh: needed(j.tier1_monthly_kwh, "tier1_monthly_kwh")?,
                tier2_monthly_kwh: needed(j.tier2_monthly_kwh, "tier2_monthly_kwh")?,
                tier1_price: needed(j.tier1_price, "tier1_price")?,
                tier2_price: needed(j.tier2_price, "tier2_price")?,
                tier3_price: needed(j.tier3_price, "tier3_price")?,
            },
            "time_of_use" => Tariff::TimeOfUse {
                peak_price: needed(j.peak_price, "peak_price")?,
                valley_price: needed(j.valley_price, "valley_price")?,
                peak_from_hour: needed(j.peak_from_hour, "peak_from_hour")?,
                valley_from_hour: needed(j.valley_from_hour, "valley_from_hour")?,
            },
            "flat" => Tariff::Flat {
                price: needed(j.price, "price")?,
            },
            other => return Err(format!("unknown tariff kind `{other}`")),
        })
    }
}

/// What the meter recorded over a bill's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    /// A single-register meter: the energy used in the period.
    Total(KilowattHours),
    /// A time-of-use meter: energy in the peak and in the valley periods.
    PeakValley {
        peak: KilowattHours,
        valley: KilowattHours,
    },
}

impl Usage {
    /// All energy used in the period.
    pub fn total(self) -> KilowattHours {
        match self {
            Usage::Total(kwh) => kwh,
            Usage::PeakValley { peak, valley } => peak + valley,
        }
    }
}

/// What a bill line charges for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Tier1,
    Tier2,
    Tier3,
    Peak,
    Valley,
    Flat,
}

impl LineKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::Tier1 => "tier1",
            LineKind::Tier2 => "tier2",
            LineKind::Tier3 => "tier3",
            LineKind::Peak => "peak",
            LineKind::Valley => "valley",
            LineKind::Flat => "flat",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(s: &str) -> Option<Self> {
        [
            LineKind::Tier1,
            LineKind::Tier2,
            LineKind::Tier3,
            LineKind::Peak,
            LineKind::Valley,
            LineKind::Flat,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// One priced line of a bill: energy at a price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricedLine {
    pub kind: LineKind,
    pub energy: KilowattHours,
    pub price: PricePerKwh,
    pub amount: Fen,
}

impl PricedLine {
    fn new(kind: LineKind, energy: KilowattHours, price: PricePerKwh) -> Self {
        PricedLine {
            kind,
            energy,
            price,
            amount: price.charge(energy),
        }
    }
}

/// Why usage could not be priced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TariffError {
    /// A time-of-use tariff needs a meter with peak and valley registers.
    #[error("a time-of-use tariff needs peak and valley readings")]
    NeedsPeakAndValley,
    /// Energy cannot be negative (a meter reading went backwards).
    #[error("usage is negative: the end reading is below the start reading")]
    NegativeUsage,
}

impl Tariff {
    /// Prices `usage`. For yearly tiers, `earlier_in_tier_year` is the energy already billed since
    /// the last reset; it decides where this period starts on the tier ladder.
    pub fn price(
        &self,
        usage: Usage,
        earlier_in_tier_year: KilowattHours,
    ) -> Result<Vec<PricedLine>, TariffError> {
        let negative = |k: KilowattHours| k < KilowattHours::ZERO;
        match usage {
            Usage::Total(k) if negative(k) => return Err(TariffError::NegativeUsage),
            Usage::PeakValley { peak, valley } if negative(peak) || negative(valley) => {
                return Err(TariffError::NegativeUsage);
            }
            _ => {}
        }
        match *self {
            Tariff::ResidentialTiered {
                period,
                tier1_monthly_kwh,
                tier2_monthly_kwh,
                tier1_price,
                tier2_price,
                tier3_price,
            } => {
                let (scale, before) = match period {
                    TierPeriod::Monthly => (1, KilowattHours::ZERO),
                    TierPeriod::Yearly { .. } => (12, earlier_in_tier_year),
                };
                let limit1 = KilowattHours::whole(tier1_monthly_kwh * scale);
                let limit2 = KilowattHours::whole(tier2_monthly_kwh * scale);
                let bands = [
                    (
                        KilowattHours::ZERO,
                        Some(limit1),
                        LineKind::Tier1,
                        tier1_price,
                    ),
                    (limit1, Some(limit2), LineKind::Tier2, tier2_price),
                    (limit2, None, LineKind::Tier3, tier3_price),
                ];
                Ok(split_into_bands(before, usage.total(), &bands))
            }
            Tariff::TimeOfUse {
                peak_price,
                valley_price,
                ..
            } => match usage {
                Usage::PeakValley { peak, valley } => Ok(vec![
                    PricedLine::new(LineKind::Peak, peak, peak_price),
                    PricedLine::new(LineKind::Valley, valley, valley_price),
                ]),
                Usage::Total(_) => Err(TariffError::NeedsPeakAndValley),
            },
            Tariff::Flat { price } => {
                Ok(vec![PricedLine::new(LineKind::Flat, usage.total(), price)])
            }
        }
    }

    /// The first day of the tier year that contains `day`, for yearly tiers; `None` otherwise.
    pub fn tier_year_start(&self, day: NaiveDate) -> Option<NaiveDate> {
        let Tariff::ResidentialTiered {
            period: TierPeriod::Yearly { reset_month },
            ..
        } = *self
        else {
            return None;
        };
        let year = if day.month() >= reset_month {
            day.year()
        } else {
            day.year() - 1
        };
        NaiveDate::from_ymd_opt(year, reset_month, 1)
    }

    /// The day the tiers next start again after `day`: the next month's first for monthly tiers,
    /// the next reset for yearly ones; `None` for tariffs without tiers.
    pub fn next_tier_reset(&self, day: NaiveDate) -> Option<NaiveDate> {
        match *self {
            Tariff::ResidentialTiered {
                period: TierPeriod::Monthly,
                ..
            } => day
                .with_day(1)
                .and_then(|first| first.checked_add_months(chrono::Months::new(1))),
            Tariff::ResidentialTiered { .. } => self
                .tier_year_start(day)
                .and_then(|start| start.checked_add_months(chrono::Months::new(12))),
            _ => None,
        }
    }
}

/// Splits `usage`, which follows `before` on the ladder, across `(from, to, kind, price)` bands.
fn split_into_bands(
    before: KilowattHours,
    usage: KilowattHours,
    bands: &[(KilowattHours, Option<KilowattHours>, LineKind, PricePerKwh)],
) -> Vec<PricedLine> {
    let start = before;
    let end = before + usage;
    let mut lines: Vec<PricedLine> = bands
        .iter()
        .filter_map(|&(from, to, kind, price)| {
            let lo = if start > from { start } else { from };
            let hi = to.map_or(end, |to| end.min(to));
            (hi > lo).then(|| PricedLine::new(kind, hi - lo, price))
        })
        .collect();
    if lines.is_empty() {
        // A period with no usage still shows the tier it would have been charged in.
        let (_, _, kind, price) = bands
            .iter()
            .rev()
            .find(|(from, _, _, _)| start >= *from)
            .copied()
            .unwrap_or(bands[0]);
        lines.push(PricedLine::new(kind, KilowattHours::ZERO, price));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tariff_reads_back_as_it_was_written() {
        let all = [
            Tariff::ResidentialTiered {
                period: TierPeriod::Yearly { reset_month: 1 },
                tier1_monthly_kwh: 230,
                tier2_monthly_kwh: 400,
                tier1_price: PricePerKwh(5300),
                tier2_price: PricePerKwh(5800),
                tier3_price: PricePerKwh(8300),
            },
            Tariff::ResidentialTiered {
                period: TierPeriod::Monthly,
                tier1_monthly_kwh: 230,
                tier2_monthly_kwh: 400,
                tier1_price: PricePerKwh(5300),
                tier2_price: PricePerKwh(5800),
                tier3_price: PricePerKwh(8300),
            },
            Tariff::TimeOfUse {
                peak_price: PricePerKwh(6170),
                valley_price: PricePerKwh(3070),
                peak_from_hour: 6,
                valley_from_hour: 22,
            },
            Tariff::Flat {
                price: PricePerKwh(7000),
            },
        ];
        for t in all {
            // No wildcard: a new kind or period must be added here and to the readers.
            match &t {
                Tariff::ResidentialTiered {
                    period: TierPeriod::Monthly | TierPeriod::Yearly { .. },
                    ..
                }
                | Tariff::TimeOfUse { .. }
                | Tariff::Flat { .. } => {}
            }
            let json = serde_json::to_string(&t).expect("serialises");
            assert_eq!(
                serde_json::from_str::<Tariff>(&json).expect("parses"),
                t,
                "{json}"
            );
        }
        assert!(serde_json::from_str::<Tariff>(r#"{"kind":"flat"}"#).is_err());
        assert!(serde_json::from_str::<TierPeriod>(r#"{"every":"weekly"}"#).is_err());
    }

    const T1: PricePerKwh = PricePerKwh(5300);
    const T2: PricePerKwh = PricePerKwh(5800);
    const T3: PricePerKwh = PricePerKwh(8300);

    fn tiered(period: TierPeriod) -> Tariff {
        Tariff::ResidentialTiered {
            period,
            tier1_monthly_kwh: 240,
            tier2_monthly_kwh: 400,
            tier1_price: T1,
            tier2_price: T2,
            tier3_price: T3,
        }
    }

    fn kwh(centi: i64) -> KilowattHours {
        KilowattHours::from_centi(centi)
    }

    fn monthly(used_centi: i64) -> Vec<(LineKind, i64)> {
        tiered(TierPeriod::Monthly)
            .price(Usage::Total(kwh(used_centi)), KilowattHours::ZERO)
            .expect("priced")
            .into_iter()
            .map(|l| (l.kind, l.energy.centi()))
            .collect()
    }

    #[test]
    fn exactly_240_kwh_stays_in_tier_1() {
        assert_eq!(monthly(24_000), vec![(LineKind::Tier1, 24_000)]);
    }

    #[test]
    fn the_first_hundredth_above_240_is_tier_2() {
        assert_eq!(
            monthly(24_001),
            vec![(LineKind::Tier1, 24_000), (LineKind::Tier2, 1)]
        );
    }

    #[test]
    fn exactly_400_kwh_ends_in_tier_2() {
        assert_eq!(
            monthly(40_000),
            vec![(LineKind::Tier1, 24_000), (LineKind::Tier2, 16_000)]
        );
    }

    #[test]
    fn the_first_hundredth_above_400_is_tier_3() {
        assert_eq!(
            monthly(40_001),
            vec![
                (LineKind::Tier1, 24_000),
                (LineKind::Tier2, 16_000),
                (LineKind::Tier3, 1)
            ]
        );
    }

    #[test]
    fn tier_amounts_add_up_to_the_published_prices() {
        // 500 kWh: 240 × 0.53 + 160 × 0.58 + 100 × 0.83 = 127.20 + 92.80 + 83.00 = 303.00 yuan
        let lines = tiered(TierPeriod::Monthly)
            .price(Usage::Total(KilowattHours::whole(500)), KilowattHours::ZERO)
            .expect("priced");
        let amounts: Vec<Fen> = lines.iter().map(|l| l.amount).collect();
        assert_eq!(amounts, vec![Fen(12_720), Fen(9_280), Fen(8_300)]);
        assert_eq!(lines.iter().map(|l| l.amount).sum::<Fen>(), Fen(30_300));
    }

    #[test]
    fn yearly_tiers_continue_from_usage_earlier_in_the_year() {
        // The yearly tier 1 limit is 12 × 240 = 2,880 kWh; 2,870 were billed before.
        let lines = tiered(TierPeriod::Yearly { reset_month: 1 })
            .price(
                Usage::Total(KilowattHours::whole(30)),
                KilowattHours::whole(2_870),
            )
            .expect("priced");
        let split: Vec<_> = lines.iter().map(|l| (l.kind, l.energy)).collect();
        assert_eq!(
            split,
            vec![
                (LineKind::Tier1, KilowattHours::whole(10)),
                (LineKind::Tier2, KilowattHours::whole(20))
            ]
        );
    }

    #[test]
    fn yearly_tiers_can_cross_both_limits_in_one_bill() {
        let lines = tiered(TierPeriod::Yearly { reset_month: 1 })
            .price(
                Usage::Total(KilowattHours::whole(2_000)),
                KilowattHours::whole(2_800),
            )
            .expect("priced");
        let split: Vec<_> = lines.iter().map(|l| (l.kind, l.energy)).collect();
        assert_eq!(
            split,
            vec![
                (LineKind::Tier1, KilowattHours::whole(80)),
                (LineKind::Tier2, KilowattHours::whole(1_920)),
            ]
        );
        let over = tiered(TierPeriod::Yearly { reset_month: 1 })
            .price(
                Usage::Total(KilowattHours::whole(100)),
                KilowattHours::whole(4_750),
            )
            .expect("priced");
        let split: Vec<_> = over.iter().map(|l| (l.kind, l.energy)).collect();
        assert_eq!(
            split,
            vec![
                (LineKind::Tier2, KilowattHours::whole(50)),
                (LineKind::Tier3, KilowattHours::whole(50)),
            ]
        );
    }

    #[test]
    fn monthly_tiers_ignore_earlier_usage() {
        let lines = tiered(TierPeriod::Monthly)
            .price(
                Usage::Total(KilowattHours::whole(100)),
                KilowattHours::whole(9_999),
            )
            .expect("priced");
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].kind, LineKind::Tier1);
    }

    #[test]
    fn a_month_without_usage_shows_one_empty_line_in_its_tier() {
        let lines = tiered(TierPeriod::Yearly { reset_month: 1 })
            .price(
                Usage::Total(KilowattHours::ZERO),
                KilowattHours::whole(3_000),
            )
            .expect("priced");
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].kind, LineKind::Tier2);
        assert_eq!(lines[0].amount, Fen::ZERO);
    }

    #[test]
    fn tier_year_resets_on_the_configured_month() {
        let t = tiered(TierPeriod::Yearly { reset_month: 7 });
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert_eq!(t.tier_year_start(d(2026, 6, 30)), Some(d(2025, 7, 1)));
        assert_eq!(t.tier_year_start(d(2026, 7, 1)), Some(d(2026, 7, 1)));
        assert_eq!(t.next_tier_reset(d(2026, 11, 27)), Some(d(2027, 7, 1)));
        let m = tiered(TierPeriod::Monthly);
        assert_eq!(m.next_tier_reset(d(2026, 12, 31)), Some(d(2027, 1, 1)));
        assert_eq!(m.tier_year_start(d(2026, 12, 31)), None);
    }

    #[test]
    fn time_of_use_prices_peak_and_valley_separately() {
        let tou = Tariff::TimeOfUse {
            peak_price: PricePerKwh(9_500),
            valley_price: PricePerKwh(3_000),
            peak_from_hour: 8,
            valley_from_hour: 22,
        };
        let lines = tou
            .price(
                Usage::PeakValley {
                    peak: KilowattHours::whole(1_000),
                    valley: KilowattHours::from_centi(50_050),
                },
                KilowattHours::ZERO,
            )
            .expect("priced");
        assert_eq!(lines[0].amount, Fen(95_000));
        assert_eq!(lines[1].amount, Fen(15_015)); // 500.50 × 0.30 = 150.15
        assert_eq!(
            tou.price(Usage::Total(KilowattHours::whole(1)), KilowattHours::ZERO),
            Err(TariffError::NeedsPeakAndValley)
        );
    }

    #[test]
    fn flat_rate_charges_all_energy_at_one_price() {
        let flat = Tariff::Flat {
            price: PricePerKwh(6_800),
        };
        let lines = flat
            .price(
                Usage::PeakValley {
                    peak: KilowattHours::whole(10),
                    valley: KilowattHours::whole(5),
                },
                KilowattHours::ZERO,
            )
            .expect("priced");
        assert_eq!(
            lines,
            vec![PricedLine::new(
                LineKind::Flat,
                KilowattHours::whole(15),
                PricePerKwh(6_800)
            )]
        );
        assert_eq!(lines[0].amount, Fen(1_020));
    }

    #[test]
    fn charges_round_half_away_from_zero_to_whole_fen() {
        // 0.01 kWh × 0.5300 = 0.53 fen → 1 fen; 0.01 kWh × 0.4900 = 0.49 fen → 0 fen
        assert_eq!(
            PricePerKwh(5300).charge(KilowattHours::from_centi(1)),
            Fen(1)
        );
        assert_eq!(
            PricePerKwh(4900).charge(KilowattHours::from_centi(1)),
            Fen(0)
        );
        assert_eq!(
            PricePerKwh(5000).charge(KilowattHours::from_centi(1)),
            Fen(1)
        );
    }

    #[test]
    fn negative_usage_is_refused() {
        assert_eq!(
            tiered(TierPeriod::Monthly).price(
                Usage::Total(KilowattHours::from_centi(-1)),
                KilowattHours::ZERO
            ),
            Err(TariffError::NegativeUsage)
        );
    }

    #[test]
    fn tariffs_read_from_their_configuration_json() {
        let json = r#"{"kind":"residential_tiered","period":{"every":"yearly","reset_month":1},
            "tier1_monthly_kwh":240,"tier2_monthly_kwh":400,
            "tier1_price":5300,"tier2_price":5800,"tier3_price":8300}"#;
        let t: Tariff = serde_json::from_str(json).expect("parses");
        assert_eq!(t, tiered(TierPeriod::Yearly { reset_month: 1 }));
        assert_eq!(PricePerKwh(5300).yuan(), "0.5300");
    }
}
