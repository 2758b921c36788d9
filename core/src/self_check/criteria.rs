//! Each scored criterion projected at the low and the high end of what the bidder expects, by
//! its method (`panel`, `banded`, `price`), as the row the result shows.

use super::estimate::Estimate;
use super::{banded, panel, price};
use crate::award::Ctx;
use crate::bids::DraftBid;
use crate::exact::{Exact, Overflow};
use crate::protocol::{Criterion, CriterionBody, Method};
use crate::report::{Flag, LeafMethod, SelfCheckRow};
use crate::tender::Lot;

/// One criterion projected: its row, and the figures the total and the order rest on.
pub(super) struct Projected {
    /// The row as the result shows it.
    pub row: SelfCheckRow,
    /// The marks at the low end.
    pub low: Exact,
    /// The marks at the high end.
    pub high: Exact,
    /// The marks that could still be won: available minus the low end.
    pub gain: Exact,
}

/// Every criterion the draft can be projected on, with what the projection found.
pub(super) struct Criteria {
    /// The leaf criteria, in the protocol's order.
    pub rows: Vec<Projected>,
    /// The criteria the bidder gave nothing for.
    pub not_estimated: Vec<String>,
    /// The flags raised on minimum scores, in the protocol's order.
    pub flags: Vec<Flag>,
}

/// Projects every leaf criterion. A panel criterion whose scale is missing, or a price
/// criterion with no lot, has no row (the draft and tender checks rule both out).
pub(super) fn project(
    ctx: &Ctx,
    draft: &DraftBid,
    lot: Option<&Lot>,
) -> Result<Criteria, Overflow> {
    let mut out = Criteria {
        rows: Vec::new(),
        not_estimated: Vec::new(),
        flags: Vec::new(),
    };
    for node in ctx.protocol.tree() {
        let Some(crit) = ctx.protocol.criterion(&node.id) else {
            continue;
        };
        let CriterionBody::Leaf(method) = &crit.body else {
            continue;
        };
        if let Some(estimate) = estimate(ctx, draft, lot, &node.id, crit, method)? {
            out.add(ctx, &node.id, crit, method, estimate)?;
        }
    }
    Ok(out)
}

/// A criterion's projection by its method, or none when it cannot be projected.
fn estimate(
    ctx: &Ctx,
    draft: &DraftBid,
    lot: Option<&Lot>,
    id: &str,
    crit: &Criterion,
    method: &Method,
) -> Result<Option<Estimate>, Overflow> {
    Ok(Some(match method {
        Method::Panel { scale, minimum } => {
            let Some(scale) = ctx.protocol.scale(scale) else {
                return Ok(None);
            };
            panel::estimate(ctx, draft, id, &crit.title, scale, minimum.as_ref())?
        }
        Method::Banded {
            fact,
            bands,
            out_of,
        } => banded::estimate(ctx, draft, id, fact, bands, *out_of)?,
        Method::Price(formula) => {
            let Some(lot) = lot else {
                return Ok(None);
            };
            price::estimate(ctx, draft, id, *formula, lot)?
        }
    }))
}

impl Criteria {
    /// Adds a criterion's projection as its row; lists it if it was not estimated, and raises its
    /// minimum score's flag.
    fn add(
        &mut self,
        ctx: &Ctx,
        id: &str,
        crit: &Criterion,
        method: &Method,
        estimate: Estimate,
    ) -> Result<(), Overflow> {
        let available = ctx.tender.max_marks(id);
        let mut row = SelfCheckRow {
            criterion: id.to_string(),
            title: crit.title.clone(),
            method: LeafMethod::from(method),
            available: ctx.show(available),
            expected_low: None,
            expected_high: None,
            to_gain: None,
            threshold: None,
            assumption: None,
            missing: None,
            trace_low: None,
            trace_high: None,
        };
        let (low, high) = match estimate {
            Estimate::Marks {
                low,
                high,
                assumption,
                threshold,
            } => {
                row.expected_low = Some(ctx.show(low.0));
                row.expected_high = Some(ctx.show(high.0));
                row.trace_low = Some(low.1);
                row.trace_high = Some(high.1);
                row.assumption = assumption;
                if let Some(t) = threshold {
                    row.threshold = Some(t.check);
                    self.flags.extend(t.flag);
                }
                (low.0, high.0)
            }
            Estimate::Missing(what) => {
                self.not_estimated.push(id.to_string());
                row.missing = Some(what);
                (Exact::ZERO, available)
            }
        };
        let gain = available.sub(low)?;
        row.to_gain = Some(ctx.show(gain));
        self.rows.push(Projected {
            row,
            low,
            high,
            gain,
        });
        Ok(())
    }
}
