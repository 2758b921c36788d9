//! The price criterion. A formula against the lot's ceiling and floor, or against its published
//! benchmark, needs only the bidder's price. The lowest-price ratio depends on the other bids, so the projection names what it
//! assumes: the lowest other price the bidder expects, or, if it gives none, the lowest price
//! the protocol's abnormally-low rule would not question.

use super::estimate::{End, Estimate};
use crate::award::price::{basket_trace, low_test, share, PriceShare};
use crate::award::Ctx;
use crate::bids::DraftBid;
use crate::exact::{Exact, Overflow};
use crate::explain::percent;
use crate::explain::Trace;
use crate::protocol::{AbnormallyLow, CriterionBody, LowBenchmark, Method, PriceFormula};
use crate::report::PriceUnder;
use crate::tender::Lot;
use crate::vocab::money;

/// The draft's price marks under every formula the lot could publish and has the figures for
/// (its own and those the protocol allows; the linear formula needs the lot's floor and
/// ceiling, the benchmark formula its benchmark), low and high: a bidder sees how much the
/// formula matters. Empty unless the lot has a basket of rates or the protocol lets a lot
/// choose its formula, so that other self-checks keep their bytes.
pub(super) fn under_each(
    ctx: &Ctx,
    draft: &DraftBid,
    lot: &Lot,
) -> Result<Vec<PriceUnder>, Overflow> {
    let award = &ctx.protocol.doc().award;
    if lot.rates.is_empty() && award.price_formulas_allowed.is_empty() {
        return Ok(Vec::new());
    }
    let Some((criterion, own)) = ctx.protocol.tree().iter().find_map(|n| {
        match ctx.protocol.criterion(&n.id).map(|c| &c.body) {
            Some(CriterionBody::Leaf(Method::Price(f))) => Some((n.id.as_str(), *f)),
            _ => None,
        }
    }) else {
        return Ok(Vec::new());
    };
    let mut formulas = vec![own];
    formulas.extend(award.price_formulas_allowed.iter().copied());
    let mut out: Vec<PriceUnder> = Vec::new();
    for f in [
        PriceFormula::LowestPriceRatio,
        PriceFormula::LinearCeilingFloor,
        PriceFormula::Benchmark,
    ] {
        let has_figures = match f {
            PriceFormula::LowestPriceRatio => true,
            PriceFormula::LinearCeilingFloor => {
                lot.price_ceiling.is_some() && lot.price_floor.is_some()
            }
            PriceFormula::Benchmark => lot.price_benchmark.is_some_and(|b| !b.price.is_zero()),
        };
        if !formulas.contains(&f) || !has_figures {
            continue;
        }
        let Estimate::Marks {
            low,
            high,
            assumption,
            ..
        } = estimate_under(ctx, draft, criterion, f, lot)?
        else {
            continue;
        };
        out.push(PriceUnder {
            formula: f,
            published: lot.formula(own) == f,
            low: ctx.show(low.0),
            high: ctx.show(high.0),
            assumption,
        });
    }
    Ok(out)
}

/// How the draft's price is worked out from its lot's basket: each rate times its published
/// volume, added up (the draft check has made sure every rate is given). None for a lot priced
/// as a whole.
pub(super) fn basket(draft: &DraftBid, lot: &Lot) -> Result<Option<Trace>, Overflow> {
    if lot.rates.is_empty() {
        return Ok(None);
    }
    basket_trace(lot, &draft.rates, "self_check.price.basket", Vec::new()).map(Some)
}

/// The rule the lowest-price ratio's marks are traced to in a self-check.
const LOWEST_PRICE_RATIO: &str = "self_check.price.lowest_price_ratio";

/// The price criterion projected from the draft's price under `formula`.
pub(super) fn estimate(
    ctx: &Ctx,
    draft: &DraftBid,
    criterion: &str,
    formula: PriceFormula,
    lot: &Lot,
) -> Result<Estimate, Overflow> {
    // The lot's own published formula, if it chose one.
    estimate_under(ctx, draft, criterion, lot.formula(formula), lot)
}

/// The price criterion projected under one formula, whichever the lot publishes.
fn estimate_under(
    ctx: &Ctx,
    draft: &DraftBid,
    criterion: &str,
    formula: PriceFormula,
    lot: &Lot,
) -> Result<Estimate, Overflow> {
    match (formula, draft.competitor_lowest_price) {
        (PriceFormula::LinearCeilingFloor | PriceFormula::Benchmark, _) => {
            let s = share(formula, draft.price, draft.price, "", lot)?;
            let rule = format!("self_check.price.{}", formula.word());
            Ok(Estimate::exactly(marks(ctx, criterion, &rule, s)?))
        }
        (PriceFormula::LowestPriceRatio, Some(expected)) => {
            against_expected(ctx, draft, criterion, expected, lot)
        }
        (PriceFormula::LowestPriceRatio, None) => against_assumed(ctx, draft, criterion, lot),
    }
}

/// The marks a price share earns, explained.
fn marks(ctx: &Ctx, criterion: &str, rule: &str, s: PriceShare) -> Result<End, Overflow> {
    ctx.leaf_marks(criterion, rule, s.share, &s.formula, s.inputs)
}

/// The lowest-price ratio against the lowest other price the bidder expects (or its own, if
/// lower): the same at both ends.
fn against_expected(
    ctx: &Ctx,
    draft: &DraftBid,
    criterion: &str,
    expected: Exact,
    lot: &Lot,
) -> Result<Estimate, Overflow> {
    let s = share(
        PriceFormula::LowestPriceRatio,
        draft.price,
        expected.min(draft.price),
        "the lowest price (yours, or the lowest you expect from others)",
        lot,
    )?;
    let m = marks(ctx, criterion, LOWEST_PRICE_RATIO, s)?;
    Ok(Estimate::Marks {
        low: m.clone(),
        high: m,
        assumption: Some(format!(
            "You expect the lowest other price to be {}.",
            money(expected)
        )),
        threshold: None,
    })
}

/// The lowest-price ratio with no view of the other bids: the high end assumes the bidder's
/// price is the lowest, the low end that another bidder offers the lowest price the protocol
/// would not question (or the bidder's own, if that is already lower).
fn against_assumed(
    ctx: &Ctx,
    draft: &DraftBid,
    criterion: &str,
    lot: &Lot,
) -> Result<Estimate, Overflow> {
    let price = draft.price;
    let (assumed, why) = lowest_unquestioned(&ctx.protocol.doc().award.abnormally_low, price, lot)?;
    // A price already below the protocol's limit is itself the lowest the projection assumes
    // anyone offers.
    let already_lowest = assumed >= price;
    let assumed = assumed.min(price);
    let formula = PriceFormula::LowestPriceRatio;
    let high = share(formula, price, price, "the lowest price (yours)", lot)?;
    let low = share(
        formula,
        price,
        assumed,
        "the lowest price another bidder might offer",
        lot,
    )?;
    let assumption = if already_lowest {
        format!(
            "Price marks depend on the other bids. Your price is already below {why}, so the projection assumes no other bidder offers less than you."
        )
    } else {
        format!(
            "Price marks depend on the other bids. The high end assumes yours is the lowest price; the low end assumes another bidder offers {} ({why}).",
            money(assumed)
        )
    };
    Ok(Estimate::Marks {
        low: marks(ctx, criterion, LOWEST_PRICE_RATIO, low)?,
        high: marks(ctx, criterion, LOWEST_PRICE_RATIO, high)?,
        assumption: Some(assumption),
        threshold: None,
    })
}

/// The lowest price the abnormally-low rule would not question, and where it comes from in
/// words: a share of the lot's estimate, or of the bidder's own price where the rule compares
/// with the other bids (which a self-check does not have).
fn lowest_unquestioned(
    rule: &AbnormallyLow,
    price: Exact,
    lot: &Lot,
) -> Result<(Exact, String), Overflow> {
    Ok(match rule.compare_to {
        LowBenchmark::LotEstimate => (
            low_test(price, lot.value, rule.below_percent)?.limit,
            format!(
                "the lowest price the protocol would not question, {} of the lot's estimated value",
                percent(rule.below_percent)
            ),
        ),
        LowBenchmark::MeanOfOtherBids => (
            low_test(price, price, rule.below_percent)?.limit,
            format!(
                "{} of your price, about the lowest price the protocol would not question",
                percent(rule.below_percent)
            ),
        ),
    })
}
