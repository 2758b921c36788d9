//! The conditions a bid meets before its marks count: the pass/fail gates, eligibility on a
//! contract reserved for user-led organisations, and the lot's affordability ceiling.
//!
//! Each either excludes the bid (with the reason listed), leaves it incomplete until someone
//! supplies what is missing, or flags it and leaves it in competition, as the protocol says.
//! None of them ever rejects a bid silently.

use super::flags::Words;
use super::run::{Run, Work};
use crate::bids::GateOutcome;
use crate::eligibility::Verdict;
use crate::explain::money;
use crate::protocol::OverCeiling;
use crate::report::GateStatus;
use crate::report::{FlagCode, GateRow};

/// The protocol's gates: a failed gate excludes the bid, one not yet assessed leaves it
/// incomplete.
pub(super) fn gates(run: &Run, w: &mut Work) {
    let ctx = &run.ctx;
    let bid = w.bid;
    for g in &ctx.protocol.doc().award.gates {
        let outcome = bid.gate(&g.id);
        if run.explain {
            w.gates.push(GateRow {
                gate: g.id.clone(),
                title: g.title.clone(),
                outcome: match outcome {
                    Some(GateOutcome::Pass) => GateStatus::Pass,
                    Some(GateOutcome::Fail) => GateStatus::Fail,
                    None => GateStatus::NotAssessed,
                },
                cites: ctx.cites(&g.cites),
            });
        }
        match outcome {
            Some(GateOutcome::Fail) => {
                w.flags.raise(FlagCode::GateFailed, None, true, || Words {
                    message: format!("The bid fails the pass/fail condition \"{}\".", g.title),
                    action: "The bid is excluded. Record the evidence for the failure and tell the bidder.",
                    cites: ctx.cites(&g.cites),
                    trace: None,
                });
                w.excluded.push(format!("fails \"{}\"", g.title));
            }
            None => w.missing.push(format!(
                "the pass/fail condition \"{}\" has not been assessed",
                g.title
            )),
            Some(GateOutcome::Pass) => {}
        }
    }
}

/// On a contract reserved for user-led organisations, a bidder that is not one is excluded,
/// and one the bid says too little about is incomplete, never guessed either way.
pub(super) fn reserved(run: &Run, w: &mut Work) {
    if !run.ctx.tender.doc().reserved_for_user_led {
        return;
    }
    match w.verdict {
        Verdict::No => {
            w.flags.raise(FlagCode::Ineligible, None, true, || Words {
                    message: "The contract is reserved for user-led organisations, and this bidder is not one under the protocol.".into(),
                    action: "The bid is excluded from the ranking. Tell the bidder which test it did not meet.",
                    cites: Vec::new(),
                    trace: None,
                });
            w.excluded
                .push("not a user-led organisation, and the contract is reserved".into());
        }
        Verdict::NotEnoughInformation => {
            w.flags.raise(FlagCode::EligibilityUnknown, None, false, || Words {
                    message: "The contract is reserved for user-led organisations, and the bid does not give enough information to tell whether this bidder is one.".into(),
                    action: "Ask the bidder for the missing information before ranking the bid.",
                    cites: Vec::new(),
                    trace: None,
                });
            w.missing
                .push("eligibility cannot be decided on the information given".into());
        }
        Verdict::Yes => {}
    }
}

/// A price over the lot's ceiling is flagged, and excluded only where the protocol says so.
pub(super) fn ceiling(run: &Run, w: &mut Work) {
    let bid = w.bid;
    let Some(ceiling) = run.ctx.tender.lot(&bid.lot).and_then(|l| l.price_ceiling) else {
        return;
    };
    if bid.price <= ceiling {
        return;
    }
    let over_ceiling = run.ctx.protocol.doc().award.affordability.over_ceiling;
    let excludes = over_ceiling == OverCeiling::Exclude;
    w.flags.raise(FlagCode::OverCeiling, None, excludes, || Words {
                    message: format!(
                        "The price {} is above the lot's affordability ceiling of {}.",
                        money(bid.price),
                        money(ceiling)
                    ),
                    action: if excludes {
                        "The bid is excluded from the ranking, as the protocol says."
                    } else {
                        "The bid stays in the ranking, flagged, as the protocol says; the authority must decide whether it can afford it."
                    },
                    cites: run.affordability_cites.clone(),
                    trace: None,
                });
    if excludes {
        w.excluded.push(format!(
            "price above the affordability ceiling of {}",
            money(ceiling)
        ));
    }
}
