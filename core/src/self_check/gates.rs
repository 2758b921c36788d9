//! The gates as the bidder expects them: pass, fail, unsure, or not yet assessed.

use crate::award::Ctx;
use crate::bids::{DraftBid, ExpectedGate};
use crate::report::{GateRow, GateStatus};

/// Each of the protocol's gates with the outcome the bidder expects, in the protocol's order.
pub(super) fn rows(ctx: &Ctx, draft: &DraftBid) -> Vec<GateRow> {
    ctx.protocol
        .doc()
        .award
        .gates
        .iter()
        .map(|g| GateRow {
            gate: g.id.clone(),
            title: g.title.clone(),
            outcome: match crate::bids::lookup(&draft.gates, &g.id) {
                Some(ExpectedGate::Pass) => GateStatus::Pass,
                Some(ExpectedGate::Fail) => GateStatus::Fail,
                Some(ExpectedGate::Unsure) => GateStatus::Unsure,
                None => GateStatus::NotAssessed,
            },
            cites: ctx.cites(&g.cites),
        })
        .collect()
}
