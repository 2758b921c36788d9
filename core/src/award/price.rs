//! Price: the named formulas, the abnormally-low-price rule and the affordability ceiling.
//!
//! Formulas give the share of the price criterion's marks a bid earns (between 0 and 1):
//! - `lowest_price_ratio`: lowest price / bid price (Cabinet Office relative price scoring);
//! - `linear_ceiling_floor`: 1 at or below the lot's floor, 0 at or above its ceiling, and a
//!   straight line between, so a bid's price marks do not depend on other bids.
//!
//! An abnormally low price is flagged for clarification and is never rejected by the engine:
//! the law requires the authority to ask the bidder to explain first (PCR 2015 reg 69; PA23).

use crate::exact::{Exact, Overflow};
use crate::explain::{money, Input};
use crate::protocol::PriceFormula;
use crate::tender::Lot;

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
    }
}

/// The share of marks a price earns under a formula, with the formula and inputs that explain
/// it. `lowest` is the benchmark for relative formulas; `lowest_note` says where it came from.
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
    }
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
pub fn low_test(price: Exact, benchmark: Exact, below_percent: Exact) -> Result<LowTest, Overflow> {
    let limit = benchmark.mul(below_percent)?.div(Exact::HUNDRED)?;
    Ok(LowTest {
        benchmark,
        limit,
        is_low: price < limit,
    })
}

/// The mean of some prices.
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
