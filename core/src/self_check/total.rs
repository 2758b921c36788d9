//! The projected total, the criteria's marks added at each end; and the criteria in the order a
//! bidder should work on them, where the most can still be gained first.

use super::criteria::Projected;
use crate::award::Ctx;
use crate::exact::{Exact, Overflow};
use crate::report::{Projection, SelfCheckRow};
use std::cmp::Reverse;

/// The total at the low and the high end, out of 100. Marks were rounded criterion by
/// criterion, so the totals add them exactly.
pub(super) fn projection(
    ctx: &Ctx,
    rows: &[Projected],
    not_estimated: Vec<String>,
    available: Exact,
) -> Result<Projection, Overflow> {
    let mut low = Exact::ZERO;
    let mut high = Exact::ZERO;
    for r in rows {
        low = low.add(r.low)?;
        high = high.add(r.high)?;
    }
    Ok(Projection {
        low: ctx.show(low),
        high: ctx.show(high),
        available: ctx.show(available),
        not_estimated,
    })
}

/// The rows, the most marks still to gain first; rows that could gain as much keep the
/// protocol's order (the sort is stable).
pub(super) fn by_gain(mut rows: Vec<Projected>) -> Vec<SelfCheckRow> {
    rows.sort_by_key(|p| Reverse(p.gain));
    rows.into_iter().map(|p| p.row).collect()
}
