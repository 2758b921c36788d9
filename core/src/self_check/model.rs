//! A self-check under the lot's evaluation model: the criteria the model counts, and what the
//! model makes of the bidder's projected quality (see `award::model` for the scoring itself).
//!
//! Under price only the bidder need give no quality scores at all, so quality rows, their
//! "not estimated" entries and their flags are dropped; under price per quality point, quality
//! only and sequential-then-lowest-price, price rows are. The projection then says, in figures,
//! the quality marks re-weighted to 100 at each end, the range of the cost per quality point,
//! whether a threshold or pass mark is safe, at risk or missed, and whether the price is the
//! fixed price of a quality-only lot.

use super::criteria::Criteria;
use crate::award::Ctx;
use crate::exact::{Exact, Overflow};
use crate::explain::{money, percent};
use crate::report::{LeafMethod, ModelProjection, ThresholdOutcome};
use crate::tender::evaluation::Model;

/// Keeps only the criteria the model counts; gives the marks they carry.
pub(super) fn restrict(ctx: &Ctx, model: &Model, criteria: &mut Criteria) -> Exact {
    if *model == Model::Weighted {
        return Exact::HUNDRED;
    }
    let counts = |method: LeafMethod| {
        if method == LeafMethod::Price {
            model.scores_price()
        } else {
            model.scores_quality()
        }
    };
    let dropped: Vec<String> = criteria
        .rows
        .iter()
        .filter(|r| !counts(r.row.method))
        .map(|r| r.row.criterion.clone())
        .collect();
    criteria.rows.retain(|r| counts(r.row.method));
    criteria.not_estimated.retain(|id| !dropped.contains(id));
    criteria
        .flags
        .retain(|f| f.criterion.as_ref().is_none_or(|c| !dropped.contains(c)));
    let mut available = Exact::ZERO;
    for r in &criteria.rows {
        available = available
            .add(ctx.tender.max_marks(&r.row.criterion))
            .unwrap_or(available);
    }
    available
}

/// The projection under a model other than the weighted total, from the rows as projected
/// (before [`restrict`]) and the draft's price.
pub(super) fn project(
    ctx: &Ctx,
    model: &Model,
    criteria: &Criteria,
    price: Exact,
) -> Result<Option<ModelProjection>, Overflow> {
    if *model == Model::Weighted {
        return Ok(None);
    }
    let quality: Vec<_> = criteria
        .rows
        .iter()
        .filter(|r| r.row.method != LeafMethod::Price)
        .collect();
    let estimated = quality
        .iter()
        .all(|r| !criteria.not_estimated.contains(&r.row.criterion));
    let mut out_of = Exact::ZERO;
    let (mut low, mut high) = (Exact::ZERO, Exact::ZERO);
    for r in &quality {
        out_of = out_of.add(ctx.tender.max_marks(&r.row.criterion))?;
        low = low.add(r.low)?;
        high = high.add(r.high)?;
    }
    let range = if estimated && !out_of.is_zero() && model.scores_quality() {
        Some((
            low.mul(Exact::HUNDRED)?.div(out_of)?,
            high.mul(Exact::HUNDRED)?.div(out_of)?,
        ))
    } else {
        None
    };
    let shown = |v: Exact| ctx.show(ctx.round(v).unwrap_or(v));
    let two = |v: Exact| v.round(2, ctx.rounding.mode).unwrap_or(v).to_fixed(2);
    let mut p = ModelProjection {
        model: model.kind(),
        quality_low: range.map(|r| shown(r.0)),
        quality_high: range.map(|r| shown(r.1)),
        cost_per_quality_point_low: None,
        cost_per_quality_point_high: None,
        threshold: None,
        threshold_outcome: None,
        fixed_price: None,
        at_fixed_price: None,
        note: String::new(),
    };
    let bar = match model {
        Model::PricePerQualityPoint { threshold } => *threshold,
        Model::Sequential { pass_mark, .. } => Some(*pass_mark),
        _ => None,
    };
    if let (Some(bar), Some((lo, hi))) = (bar, range) {
        p.threshold = Some(bar.to_exact_string());
        p.threshold_outcome = Some(if lo >= bar {
            ThresholdOutcome::Passes
        } else if hi >= bar {
            ThresholdOutcome::AtRisk
        } else {
            ThresholdOutcome::Fails
        });
    }
    p.note = match model {
        Model::PricePerQualityPoint { .. } => {
            if let Some((lo, hi)) = range {
                if !hi.is_zero() {
                    p.cost_per_quality_point_low = Some(two(price.div(hi)?));
                }
                if !lo.is_zero() {
                    p.cost_per_quality_point_high = Some(two(price.div(lo)?));
                }
            }
            format!(
                "This lot is decided on price per quality point: your price {} divided by your quality marks (out of 100); the lowest cost per point wins. Each extra quality point lowers your cost per point.",
                money(price)
            )
        }
        Model::Sequential { .. } => format!(
            "This lot is evaluated in two stages: your quality marks (out of 100) must reach the pass mark of {} first; only then is price compared.",
            bar.map_or_else(String::new, percent)
        ),
        Model::QualityOnly { fixed_price } => {
            p.fixed_price = Some(fixed_price.to_fixed(2));
            p.at_fixed_price = Some(price == *fixed_price);
            if price == *fixed_price {
                format!(
                    "This lot competes on quality alone at a fixed price of {}; your price is the fixed price.",
                    money(*fixed_price)
                )
            } else {
                format!(
                    "This lot competes on quality alone at a fixed price of {}; your price {} is not it, and a bid at any other price is excluded.",
                    money(*fixed_price),
                    money(price)
                )
            }
        }
        Model::PriceOnly { .. } => {
            "This lot is awarded on price alone: no quality scores are needed, and only the price criteria are projected.".to_string()
        }
        Model::Weighted => String::new(),
    };
    Ok(Some(p))
}
