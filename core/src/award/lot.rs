//! A lot's prices: the lowest price the relative formulas use, every bid's price marks, and the
//! abnormally-low test; then each lot settled and ranked in turn.
//!
//! Price marks and the abnormally-low benchmark depend on the other bids for the lot, so they
//! come after every bid's own work ([`Run::start`]) and before its total.

use super::flags::Words;
use super::marks::sum;
use super::run::{Run, Work};
use super::{price, status};
use crate::bids::{lookup, Bids};
use crate::error::{Document, Problem, ProblemKind, Problems};
use crate::exact::{Exact, Overflow};
use crate::explain::{self, money, Input, Trace};
use crate::protocol::{AbnormallyLow, CriterionBody, LowBenchmark, Method};
use crate::report::{BidResult, BidSummary, FlagCode, LotResult};
use crate::tender::Lot;

/// What a run produces: each lot's ranking, and each bid's full result when explaining.
pub(super) struct Scored {
    /// Each lot's ranking, in tender order.
    pub lots: Vec<LotResult>,
    /// Each explained bid's result, in id order.
    pub bids: Vec<BidResult>,
    /// Each bid's summary, in id order (summary runs only).
    pub summaries: Vec<BidSummary>,
    /// What each lot's bids share (its lowest price and the prices in competition), in tender
    /// order: all a bid's price criteria and abnormally-low test need from the other bids.
    pub plans: Vec<LotPlan>,
    /// For each bid, in id order: the position in `plans` of the lot it was settled in (none
    /// for a bid whose lot the tender does not have, which no result lists), and its rank.
    pub placed: Vec<Option<(usize, Option<u32>)>>,
}

/// What a lot's bids share when their prices are marked: worked out once from every bid's own
/// work, so that one bid can then be explained alone (see `stream`) by the very code that
/// marks it in a whole run.
#[derive(Clone)]
pub(super) struct LotPlan {
    /// The lowest price the relative formulas use (none for a lot with no bids).
    lowest: Option<Exact>,
    /// Where the lowest price comes from.
    note: &'static str,
    /// The sum of the prices in competition.
    compliant_total: Result<Exact, Overflow>,
    /// How many bids are in competition.
    compliant: usize,
    /// Whether any is (otherwise the lot publishes no benchmark).
    competes: bool,
    /// For a lot priced by a basket: each rate's sum over the bids in competition, in the
    /// lot's rate order (the per-rate abnormally-low test's mean of the other bids).
    rate_totals: Vec<Result<Exact, Overflow>>,
}

/// The one problem a run can meet: a figure too large for exact arithmetic.
pub(super) fn overflow(bid: &str) -> Problems {
    Problems(vec![Problem::new(
        Document::Bids,
        "",
        ProblemKind::FigureTooLarge {
            detail: format!("while scoring the bid \"{bid}\""),
        },
    )])
}

impl Run<'_> {
    /// Scores every bid and ranks each lot.
    pub fn score(&self, bids: &Bids) -> Result<Scored, Problems> {
        let mut works: Vec<Work> = Vec::new();
        for bid in bids.iter() {
            works.push(self.start(bid).map_err(|_| overflow(&bid.id))?);
        }
        // Results by work index; works are in bid id order, as results are published.
        let mut out = status::Out {
            results: vec![None; works.len()],
            summaries: vec![None; works.len()],
            ranks: vec![None; works.len()],
        };
        let mut lots = Vec::new();
        let mut plans = Vec::new();
        let mut placed = vec![None; works.len()];
        for lot in &self.ctx.tender.doc().lots {
            let (result, plan, idx) = self.lot(lot, &mut works, &mut out)?;
            for i in idx {
                placed[i] = Some((plans.len(), None));
            }
            lots.push(result);
            plans.push(plan);
        }
        for (p, rank) in placed.iter_mut().zip(&out.ranks) {
            if let Some((_, r)) = p {
                *r = *rank;
            }
        }
        Ok(Scored {
            lots,
            bids: out.results.into_iter().flatten().collect(),
            summaries: out.summaries.into_iter().flatten().collect(),
            plans,
            placed,
        })
    }

    /// One lot: its bids' prices, totals and statuses, then the ranking of those that compete.
    /// Gives, with the lot's ranking, what its bids share and which bids (by work index) it
    /// holds.
    fn lot(
        &self,
        lot: &Lot,
        works: &mut [Work],
        out: &mut status::Out,
    ) -> Result<(LotResult, LotPlan, Vec<usize>), Problems> {
        let idx: Vec<usize> = (0..works.len())
            .filter(|i| works[*i].bid.lot == lot.id)
            .collect();
        let plan = self.prices(lot, works, &idx)?;
        let lowest = plan.lowest.filter(|_| plan.competes);
        let mut standings = Vec::new();
        for &i in &idx {
            let w = &mut works[i];
            let (standing, result, summary) =
                status::settle(self, w).map_err(|_| overflow(&w.bid.id))?;
            out.results[i] = result;
            out.summaries[i] = summary;
            standings.push((i, standing));
        }
        let (ranking, not_ranked) = status::rank(self, works, &standings, out);
        let result = LotResult {
            lot: lot.id.clone(),
            title: lot.title.clone(),
            model: super::model::word(lot),
            lowest_price: lowest.map(|l| l.to_fixed(2)),
            ranking,
            not_ranked,
        };
        Ok((result, plan, idx))
    }

    /// The lot's price marks and abnormally-low flags for the bids at `idx`; gives what the
    /// lot's bids share, whose lowest price, when a bid competes, the lot publishes as its
    /// benchmark.
    ///
    /// When no bid remains in competition, the bids' own price marks are still worked out (for
    /// the record) against the lowest price of all the lot's bids, and their traces say so; but
    /// the lot publishes no benchmark, since no bid competes against it: printing one would
    /// present an excluded bid's price as "the lowest price in competition".
    fn prices(&self, lot: &Lot, works: &mut [Work], idx: &[usize]) -> Result<LotPlan, Problems> {
        let compliant: Vec<usize> = idx
            .iter()
            .copied()
            .filter(|i| works[*i].excluded.is_empty())
            .collect();
        let pool = if compliant.is_empty() {
            idx
        } else {
            &compliant
        };
        let lowest = pool.iter().map(|i| works[*i].bid.price).min();
        let note = if compliant.is_empty() {
            "the lowest price bid for this lot (no bid remains in competition)"
        } else {
            "the lowest price among the bids in competition for this lot"
        };
        // The mean price of the other bids in competition, which the abnormally-low rule
        // may use, comes from one sum for the lot less the bid's own price: the same exact
        // figure as adding up the others for every bid, without the quadratic work.
        let compliant_prices: Vec<Exact> = compliant.iter().map(|i| works[*i].bid.price).collect();
        let rate_totals = lot
            .rates
            .iter()
            .map(|rate| {
                let given: Vec<Exact> = compliant
                    .iter()
                    .filter_map(|i| lookup(&works[*i].bid.rates, &rate.id).copied())
                    .collect();
                sum(&given)
            })
            .collect();
        let plan = LotPlan {
            lowest,
            note,
            compliant_total: sum(&compliant_prices),
            compliant: compliant.len(),
            competes: !compliant.is_empty(),
            rate_totals,
        };
        for &i in idx {
            let bid = works[i].bid;
            self.price_bid(&mut works[i], lot, &plan)
                .map_err(|_| overflow(&bid.id))?;
        }
        Ok(plan)
    }

    /// One bid's price criteria and abnormally-low test, given what its lot's bids share.
    pub(super) fn price_bid(
        &self,
        w: &mut Work,
        lot: &Lot,
        plan: &LotPlan,
    ) -> Result<(), Overflow> {
        // Whether the bid is one of those in competition, as the plan counted them.
        let competes = w.excluded.is_empty();
        let price = w.bid.price;
        if let Some(lowest) = plan.lowest {
            price_leaves(self, w, lot, lowest, plan.note)?;
        }
        let others = plan.compliant_total.and_then(|total| {
            if competes {
                Ok((total.sub(price)?, plan.compliant - 1))
            } else {
                Ok((total, plan.compliant))
            }
        });
        abnormally_low(self, w, lot, others)?;
        if !lot.rates.is_empty() {
            if w.explain {
                w.basket = Some(price::basket_trace(
                    lot,
                    &w.bid.rates,
                    "award.price.basket",
                    self.award_cites.clone(),
                )?);
            }
            rates_low(self, w, lot, plan, competes)?;
        }
        Ok(())
    }
}

/// Each rate of a basket against the same rate in the other bids in competition (or, where the
/// protocol compares with the lot's estimate, against the rate's own ceiling, the only figure
/// the tender publishes for one rate): a rate below the protocol's share of it is flagged for
/// clarification, never rejected unheard (PA 2023 s.19(3)(c) and (4); Bid Evaluation Guidance
/// Note 7.5).
fn rates_low(
    run: &Run,
    w: &mut Work,
    lot: &Lot,
    plan: &LotPlan,
    competes: bool,
) -> Result<(), Overflow> {
    let rule = &run.ctx.protocol.doc().award.abnormally_low;
    for (j, rate) in lot.rates.iter().enumerate() {
        let Some(v) = lookup(&w.bid.rates, &rate.id).copied() else {
            continue;
        };
        let (benchmark, what) = match rule.compare_to {
            LowBenchmark::MeanOfOtherBids => {
                let total = plan
                    .rate_totals
                    .get(j)
                    .copied()
                    .unwrap_or(Ok(Exact::ZERO))?;
                let (total, count) = if competes {
                    (total.sub(v)?, plan.compliant - 1)
                } else {
                    (total, plan.compliant)
                };
                if count == 0 {
                    continue;
                }
                (
                    total.div(Exact::int(count as i128))?,
                    format!(
                        "the mean {} rate of the other {count} bid{} for this lot",
                        rate.title,
                        if count == 1 { "" } else { "s" }
                    ),
                )
            }
            LowBenchmark::LotEstimate => match rate.ceiling {
                Some(c) => (c, format!("the ceiling the tender sets for {}", rate.title)),
                None => continue,
            },
        };
        let t = price::low_test(v, benchmark, rule.below_percent)?;
        if !t.is_low {
            continue;
        }
        let pct = v.mul(Exact::HUNDRED)?.div(benchmark)?;
        let id = rate.id.clone();
        w.flags.raise(FlagCode::RateAbnormallyLow, None, false, || Words {
            message: format!(
                "The rate {} for {} is {} of {what} ({}); the protocol asks for an explanation of any rate below {}.",
                money(v),
                rate.title,
                explain::percent(pct),
                money(t.benchmark),
                explain::percent(rule.below_percent)
            ),
            action: "Clarification required: ask the bidder to explain the rate before any decision. The bid is not rejected and stays in the ranking.",
            cites: run.low_cites.clone(),
            trace: Some(Trace {
                rule: "award.abnormally_low.rate".into(),
                criterion: None,
                inputs: vec![
                    Input {
                        name: format!("rate:{id}"),
                        label: format!("this bid's rate for {}", rate.title),
                        value: money(v),
                    },
                    Input {
                        name: "benchmark".into(),
                        label: what.clone(),
                        value: money(t.benchmark),
                    },
                ],
                formula: format!(
                    "{} × {}%",
                    t.benchmark.to_exact_string(),
                    rule.below_percent.to_exact_string()
                ),
                exact: t.limit.to_exact_string(),
                result: t.limit.to_exact_string(),
                rounding: None,
                cites: run.low_cites.clone(),
            }),
        });
    }
    Ok(())
}

/// A bid's price criteria, given the lot's lowest price (and `lowest_note`, which says where it
/// comes from).
fn price_leaves(
    run: &Run,
    w: &mut Work,
    lot: &Lot,
    lowest: Exact,
    lowest_note: &str,
) -> Result<(), Overflow> {
    let ctx = &run.ctx;
    let price = w.bid.price;
    for (i, node) in run.nodes.iter().enumerate() {
        let Some(CriterionBody::Leaf(Method::Price(formula))) = node.crit.map(|c| &c.body) else {
            continue;
        };
        // The lot's own published formula, if it chose one (PA 2023 s.23).
        let formula = &lot.formula(*formula);
        let (share, words) = if w.explain {
            let s = price::share(*formula, price, lowest, lowest_note, lot)?;
            (s.share, Some((s.formula, s.inputs)))
        } else {
            (price::share_value(*formula, price, lowest, lot)?, None)
        };
        let figures = ctx.marks(node.available, share)?;
        w.marks[i] = Some(figures.1);
        if let (Some((text, inputs)), Some(mut row)) = (words, run.blank(w, i)) {
            let rule = format!("award.price.{}", formula.word());
            row.marks = Some(ctx.show(figures.1));
            row.trace = Some(ctx.leaf_trace(
                node.id,
                &rule,
                node.available,
                figures,
                &text,
                inputs,
                node.cites.clone(),
            ));
            w.rows[i] = Some(row);
        }
    }
    Ok(())
}

/// The figure an abnormally-low price is measured against, and, for the mean of the other
/// bids, how many there are; `None` when there are no other bids to take a mean of.
fn benchmark(
    rule: &AbnormallyLow,
    lot: &Lot,
    others: Result<(Exact, usize), Overflow>,
) -> Result<Option<(Exact, Option<usize>)>, Overflow> {
    Ok(match rule.compare_to {
        LowBenchmark::LotEstimate => Some((lot.value, None)),
        LowBenchmark::MeanOfOtherBids => {
            let (total, count) = others?;
            if count == 0 {
                None
            } else {
                Some((total.div(Exact::int(count as i128))?, Some(count)))
            }
        }
    })
}

/// Flags an abnormally low price. `others` is the sum and count of the prices of the other bids
/// in competition for the lot, which the mean-of-other-bids benchmark divides.
fn abnormally_low(
    run: &Run,
    w: &mut Work,
    lot: &Lot,
    others: Result<(Exact, usize), Overflow>,
) -> Result<(), Overflow> {
    let rule = &run.ctx.protocol.doc().award.abnormally_low;
    let Some((benchmark, count)) = benchmark(rule, lot, others)? else {
        return Ok(());
    };
    let price = w.bid.price;
    let t = price::low_test(price, benchmark, rule.below_percent)?;
    if t.is_low {
        let pct = price.mul(Exact::HUNDRED)?.div(benchmark)?;
        w.flags.raise(FlagCode::AbnormallyLow, None, false, || {
            low_words(run, price, &t, pct, count)
        });
    }
    Ok(())
}

/// What the abnormally-low flag says: the price against its benchmark, with the trace of the
/// limit. `count` is how many other bids a mean was taken over (none for the lot's estimate).
fn low_words(
    run: &Run,
    price: Exact,
    t: &price::LowTest,
    pct: Exact,
    count: Option<usize>,
) -> Words {
    let rule = &run.ctx.protocol.doc().award.abnormally_low;
    let what = match count {
        None => "the lot's estimated value".to_string(),
        Some(n) => format!(
            "the mean price of the other {n} bid{} for this lot",
            if n == 1 { "" } else { "s" }
        ),
    };
    Words {
        message: format!(
            "The price {} is {} of {what} ({}); the protocol asks for an explanation of any price below {}.",
            money(price),
            explain::percent(pct),
            money(t.benchmark),
            explain::percent(rule.below_percent)
        ),
        action: "Clarification required: ask the bidder to explain the price before any decision. The bid is not rejected and stays in the ranking.",
        cites: run.low_cites.clone(),
        trace: Some(Trace {
            rule: "award.abnormally_low".into(),
            criterion: None,
            inputs: vec![
                Input {
                    name: "bid_price".into(),
                    label: "this bid's price".into(),
                    value: money(price),
                },
                Input {
                    name: "benchmark".into(),
                    label: what,
                    value: money(t.benchmark),
                },
            ],
            formula: format!(
                "{} × {}%",
                t.benchmark.to_exact_string(),
                rule.below_percent.to_exact_string()
            ),
            exact: t.limit.to_exact_string(),
            result: t.limit.to_exact_string(),
            rounding: None,
            cites: run.low_cites.clone(),
        }),
    }
}
