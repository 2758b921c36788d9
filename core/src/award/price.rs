//! Price: the named formulas, the abnormally-low-price rule and the affordability ceiling.
//!
//! Formulas give the share of the price criterion's marks a bid earns (between 0 and 1):
//! - `lowest_price_ratio`: lowest price / bid price (Cabinet Office relative price scoring);
//! - `linear_ceiling_floor`: 1 at or below the lot's floor, 0 at or above its ceiling, and a
//!   straight line between, so a bid's price marks do not depend on other bids.
//! - `benchmark`: against the benchmark price the tender publishes for the lot (Bid Evaluation
//!   Guidance Note 7.3): the published share at the benchmark, plus the published gain for each
//!   1% below it or less the published loss for each 1% above, kept between 0% and 100%. Like
//!   the linear formula, a bid's marks depend on its own price only.
//!
//! An abnormally low price is flagged for clarification and is never rejected by the engine:
//! the law requires the authority to ask the bidder to explain first (PCR 2015 reg 69; PA23).

use crate::bids::lookup;
use crate::exact::{Exact, Overflow};
use crate::explain::{money, CiteRef, Input, Trace};
use crate::protocol::PriceFormula;
use crate::tender::{Lot, PriceBenchmark};

/// A share of marks and how it was reached.
pub struct PriceShare {
    /// Between 0 and 1.
    pub share: Exact,
    /// The formula, with `{marks}` where the criterion's marks go.
    pub formula: String,
    /// The inputs.
    pub inputs: Vec<Input>,
}

fn input(name: &str, label: &str, v: Exact) -> Input {
    Input {
        name: name.into(),
        label: label.into(),
        value: money(v),
    }
}

/// The share of marks a price earns under a formula, between 0 and 1: the figure alone, which
/// [`share`] explains. `lowest` is the benchmark for relative formulas.
///
/// # Errors
///
/// A figure too large for exact arithmetic, or a formula whose figures the lot does not give
/// (which checking the tender has ruled out).
pub fn share_value(
    formula: PriceFormula,
    price: Exact,
    lowest: Exact,
    lot: &Lot,
) -> Result<Exact, Overflow> {
    match formula {
        // A bid excluded from the benchmark may be cheaper than it: capped at full marks.
        PriceFormula::LowestPriceRatio => Ok(lowest.div(price)?.min(Exact::ONE)),
        PriceFormula::LinearCeilingFloor => {
            // Tender checks guarantee both are present with floor < ceiling.
            let (Some(ceiling), Some(floor)) = (lot.price_ceiling, lot.price_floor) else {
                return Err(Overflow);
            };
            let raw = ceiling.sub(price)?.div(ceiling.sub(floor)?)?;
            Ok(raw.max(Exact::ZERO).min(Exact::ONE))
        }
        PriceFormula::Benchmark => {
            // Tender checks guarantee the benchmark is present, with a price above 0.
            let Some(b) = lot.price_benchmark else {
                return Err(Overflow);
            };
            Ok(benchmark_percent(price, &b)?.div(Exact::HUNDRED)?)
        }
    }
}

/// How far a price is from the benchmark, in percent of the benchmark: positive below it,
/// negative above.
fn percent_below(price: Exact, b: &PriceBenchmark) -> Result<Exact, Overflow> {
    b.price.sub(price)?.mul(Exact::HUNDRED)?.div(b.price)
}

/// The percentage of the price marks a price earns under the benchmark formula, before the
/// clamp is applied and after: `at + gain × d` below the benchmark, `at − loss × (−d)` above,
/// where d is [`percent_below`]; kept between 0 and 100.
fn benchmark_percent(price: Exact, b: &PriceBenchmark) -> Result<Exact, Overflow> {
    let d = percent_below(price, b)?;
    let raw = if d >= Exact::ZERO {
        b.marks_at_benchmark_percent
            .add(b.gain_per_percent_below.mul(d)?)?
    } else {
        b.marks_at_benchmark_percent
            .sub(b.loss_per_percent_above.mul(Exact::ZERO.sub(d)?)?)?
    };
    Ok(raw.max(Exact::ZERO).min(Exact::HUNDRED))
}

/// The share of marks a price earns under a formula, with the formula and inputs that explain
/// it. `lowest` is the benchmark for relative formulas; `lowest_note` says where it came from.
///
/// # Errors
///
/// As [`share_value`].
pub fn share(
    formula: PriceFormula,
    price: Exact,
    lowest: Exact,
    lowest_note: &str,
    lot: &Lot,
) -> Result<PriceShare, Overflow> {
    let share = share_value(formula, price, lowest, lot)?;
    match formula {
        PriceFormula::LowestPriceRatio => Ok(PriceShare {
            share,
            formula: if price < lowest {
                format!(
                    "min(1, {} ÷ {}) × {{marks}}",
                    lowest.to_exact_string(),
                    price.to_exact_string()
                )
            } else {
                format!(
                    "{} ÷ {} × {{marks}}",
                    lowest.to_exact_string(),
                    price.to_exact_string()
                )
            },
            inputs: vec![
                input("lowest_price", lowest_note, lowest),
                input("bid_price", "this bid's price", price),
            ],
        }),
        PriceFormula::LinearCeilingFloor => {
            // share_value has checked that both are present.
            let (Some(ceiling), Some(floor)) = (lot.price_ceiling, lot.price_floor) else {
                return Err(Overflow);
            };
            Ok(PriceShare {
                share,
                formula: format!(
                    "min(1, max(0, ({c} − {p}) ÷ ({c} − {f}))) × {{marks}}",
                    c = ceiling.to_exact_string(),
                    p = price.to_exact_string(),
                    f = floor.to_exact_string()
                ),
                inputs: vec![
                    input("price_ceiling", "the lot's affordability ceiling", ceiling),
                    input("price_floor", "the lot's price floor", floor),
                    input("bid_price", "this bid's price", price),
                ],
            })
        }
        PriceFormula::Benchmark => benchmark_share(share, price, lot),
    }
}

/// The benchmark formula's share explained (see [`share`]): the figures the lot publishes and
/// how far the price is from its benchmark.
fn benchmark_share(share: Exact, price: Exact, lot: &Lot) -> Result<PriceShare, Overflow> {
    let Some(b) = lot.price_benchmark else {
        return Err(Overflow);
    };
    let d = percent_below(price, &b)?;
    let x = |v: Exact| v.to_exact_string();
    // Written so that it evaluates as it reads: d is worked out in place.
    let inner = if d >= Exact::ZERO {
        format!(
            "{} + {} × ({} − {}) ÷ {} × 100",
            x(b.marks_at_benchmark_percent),
            x(b.gain_per_percent_below),
            x(b.price),
            x(price),
            x(b.price)
        )
    } else {
        format!(
            "{} − {} × ({} − {}) ÷ {} × 100",
            x(b.marks_at_benchmark_percent),
            x(b.loss_per_percent_above),
            x(price),
            x(b.price),
            x(b.price)
        )
    };
    let figure = |name: &str, label: &str, v: Exact| Input {
        name: name.into(),
        label: label.into(),
        value: v.to_exact_string(),
    };
    let (side, away) = if d >= Exact::ZERO {
        ("below", d)
    } else {
        ("above", Exact::ZERO.sub(d)?)
    };
    Ok(PriceShare {
        share,
        formula: format!("min(100, max(0, {inner}))% × {{marks}}"),
        inputs: vec![
            input(
                "benchmark_price",
                "the lot's published benchmark price",
                b.price,
            ),
            input("bid_price", "this bid's price", price),
            figure(
                "marks_at_benchmark_percent",
                "the share of the price marks, in percent, a bid at the benchmark earns",
                b.marks_at_benchmark_percent,
            ),
            figure(
                "gain_per_percent_below",
                "percentage points gained for each 1% below the benchmark",
                b.gain_per_percent_below,
            ),
            figure(
                "loss_per_percent_above",
                "percentage points lost for each 1% above the benchmark",
                b.loss_per_percent_above,
            ),
            figure(
                "percent_from_benchmark",
                &format!("how far this price is {side} the benchmark, in percent"),
                away,
            ),
        ],
    })
}

/// The abnormally-low test: `price < below_percent% × benchmark`.
pub struct LowTest {
    /// The benchmark.
    pub benchmark: Exact,
    /// The price below which a bid is flagged.
    pub limit: Exact,
    /// Whether this price is below it.
    pub is_low: bool,
}

/// Applies the abnormally-low rule to a price.
///
/// # Errors
///
/// A figure too large for exact arithmetic.
pub fn low_test(price: Exact, benchmark: Exact, below_percent: Exact) -> Result<LowTest, Overflow> {
    let limit = benchmark.mul(below_percent)?.div(Exact::HUNDRED)?;
    Ok(LowTest {
        benchmark,
        limit,
        is_low: price < limit,
    })
}

/// The mean of some prices.
///
/// # Errors
///
/// A figure too large for exact arithmetic.
pub fn mean(prices: &[Exact]) -> Result<Option<Exact>, Overflow> {
    if prices.is_empty() {
        return Ok(None);
    }
    let mut sum = Exact::ZERO;
    for p in prices {
        sum = sum.add(*p)?;
    }
    Ok(Some(sum.div(Exact::int(prices.len() as i128))?))
}

/// How a price is worked out from its lot's basket of rates: each rate given in `rates` times
/// the rate's published volume, added up, traced to `rule` and `cites`. Scoring and the
/// self-check both publish it (the checks before them make sure every rate is given).
pub(crate) fn basket_trace(
    lot: &Lot,
    rates: &[(String, Exact)],
    rule: &str,
    cites: Vec<CiteRef>,
) -> Result<Trace, Overflow> {
    let mut inputs = Vec::new();
    let mut terms = Vec::new();
    let mut total = Exact::ZERO;
    for rate in &lot.rates {
        let Some(v) = lookup(rates, &rate.id).copied() else {
            continue;
        };
        total = total.add(v.mul(rate.volume)?)?;
        inputs.push(Input {
            name: format!("rate:{}", rate.id),
            label: format!(
                "{} ({} {}s over the contract)",
                rate.title,
                rate.volume.to_exact_string(),
                rate.unit
            ),
            value: money(v),
        });
        terms.push(format!(
            "{} × {}",
            v.to_exact_string(),
            rate.volume.to_exact_string()
        ));
    }
    Ok(Trace {
        rule: rule.into(),
        criterion: None,
        inputs,
        formula: terms.join(" + "),
        exact: total.to_exact_string(),
        result: total.to_fixed(2),
        rounding: None,
        cites,
    })
}
