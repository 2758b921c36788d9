//! A banded criterion: the figure the bidder gives for the table's fact, looked up in its bands
//! exactly as scoring does.

use super::estimate::Estimate;
use crate::award::{banded, bid_fact_value, Ctx};
use crate::bids::DraftBid;
use crate::exact::Overflow;
use crate::protocol::Band;

/// A banded criterion projected from the draft's figure for `fact`: the same at both ends.
pub(super) fn estimate(
    ctx: &Ctx,
    draft: &DraftBid,
    criterion: &str,
    fact: &str,
    bands: &[Band],
    out_of: i64,
) -> Result<Estimate, Overflow> {
    Ok(
        match bid_fact_value(&draft.organisation, &draft.facts, fact) {
            Some(v) => Estimate::exactly(banded(ctx, criterion, fact, v, bands, out_of)?),
            None => Estimate::Missing(format!(
                "{} is not given: counted as 0 at the low end and full marks at the high end",
                ctx.protocol.bid_fact_title(fact)
            )),
        },
    )
}
