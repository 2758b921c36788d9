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
use crate::report::{FlagCode, GateRow, ReservationRow, TestOutcome};
use crate::reserved::{self, Applies};
use crate::tender::ReservationBasis;

/// The protocol's gates: a failed gate excludes the bid, one not yet assessed leaves it
/// incomplete.
pub(super) fn gates(run: &Run, w: &mut Work) {
    let ctx = &run.ctx;
    let bid = w.bid;
    for g in &ctx.protocol.doc().award.gates {
        let outcome = bid.gate(&g.id);
        let status = match outcome {
            Some(GateOutcome::Pass) => GateStatus::Pass,
            Some(GateOutcome::Fail) => GateStatus::Fail,
            None => GateStatus::NotAssessed,
        };
        if run.summary {
            w.gate_outcomes.push(status);
        }
        if w.explain {
            w.gates.push(GateRow {
                gate: g.id.clone(),
                title: g.title.clone(),
                outcome: status,
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

/// On a reserved contract, each bid is tested on the ground the tender names (see
/// [`crate::reserved`]): a bidder that fails the test is excluded with the clause, one the bid
/// says too little about is incomplete, and a reservation the law does not allow excludes no
/// one but is flagged on every bid. A protocol written before regimes reads the 1.0.0
/// `reserved_for_user_led` flag as it always did ([`legacy_user_led`]).
pub(super) fn reserved(run: &Run, w: &mut Work) {
    let tender = run.ctx.tender;
    let legacy = !run.ctx.protocol.regime_aware();
    if legacy && tender.doc().reservation.is_none() {
        if tender.doc().reserved_for_user_led {
            legacy_user_led(w);
        }
        return;
    }
    let (basis, outcome) = match reserved::applies(tender, legacy) {
        Applies::No => return,
        Applies::NotApplied(b) => {
            let o = reserved::not_applied(b, tender);
            w.flags.raise(FlagCode::ReservationNotApplied, None, false, || Words {
                message: format!("The tender reserves the contract ({}), but {}.", b.word(), o.reason),
                action: "The bid stays in competition. Remove the reservation from the tender, or use a route the law allows (a grant, PA 2023 s.32 or s.33, or PPN 005 below threshold).",
                cites: o.cites.clone(),
                trace: None,
            });
            (b, o)
        }
        Applies::Tested(b) => {
            let o = reserved::test(b, tender, &w.bid.organisation, w.verdict);
            let user_led = matches!(
                b,
                ReservationBasis::GrantUserLed | ReservationBasis::UserLed
            );
            match o.outcome {
                TestOutcome::NotMet | TestOutcome::Unknown if user_led => legacy_user_led(w),
                TestOutcome::NotMet => {
                    w.flags.raise(FlagCode::ReservationNotMet, None, true, || Words {
                        message: format!("The contract is reserved, and the bidder is {}.", o.reason),
                        action: "The bid is excluded from the ranking. Tell the bidder which condition of the reservation it does not meet.",
                        cites: o.cites.clone(),
                        trace: None,
                    });
                    w.excluded.push(format!(
                        "does not meet the reservation ({}): {}",
                        b.word(),
                        o.reason
                    ));
                }
                TestOutcome::Unknown => {
                    w.flags.raise(FlagCode::ReservationUnknown, None, false, || Words {
                        message: format!("The contract is reserved, and the bid does not say enough: {}.", o.reason),
                        action: "Ask the bidder for the missing information before ranking the bid.",
                        cites: o.cites.clone(),
                        trace: None,
                    });
                    w.missing.push(format!(
                        "the reservation's test cannot be applied: {}",
                        o.reason
                    ));
                }
                TestOutcome::Met | TestOutcome::NotApplicable => {}
            }
            (b, o)
        }
    };
    if run.summary {
        w.reservation_outcome = Some(outcome.outcome);
    }
    if w.explain {
        w.reservation = Some(ReservationRow {
            basis,
            outcome: outcome.outcome,
            reason: outcome.reason,
            to_add: outcome.to_add,
            cites: outcome.cites,
        });
    }
}

/// A contract open only to user-led organisations (the 1.0.0 flag, or a grant): a bidder that
/// is not one is excluded, and one the bid says too little about is incomplete, never guessed
/// either way.
fn legacy_user_led(w: &mut Work) {
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

/// A rate over the ceiling the tender sets for it is flagged, and excluded only where the
/// protocol excludes a price over the lot's ceiling: the same affordability policy, per rate.
pub(super) fn rate_ceilings(run: &Run, w: &mut Work) {
    let bid = w.bid;
    let Some(lot) = run.ctx.tender.lot(&bid.lot) else {
        return;
    };
    let over_ceiling = run.ctx.protocol.doc().award.affordability.over_ceiling;
    let excludes = over_ceiling == OverCeiling::Exclude;
    for rate in &lot.rates {
        let (Some(ceiling), Some(v)) = (rate.ceiling, crate::bids::lookup(&bid.rates, &rate.id))
        else {
            continue;
        };
        if *v <= ceiling {
            continue;
        }
        w.flags.raise(FlagCode::RateOverCeiling, None, excludes, || Words {
            message: format!(
                "The rate {} for {} is above the ceiling of {} the tender sets for it.",
                money(*v),
                rate.title,
                money(ceiling)
            ),
            action: if excludes {
                "The bid is excluded from the ranking, as the protocol says of a price over the ceiling."
            } else {
                "The bid stays in the ranking, flagged, as the protocol says; the authority must decide whether it can afford the rate."
            },
            cites: run.affordability_cites.clone(),
            trace: None,
        });
        if excludes {
            w.excluded.push(format!(
                "the rate for {} is above its ceiling of {}",
                rate.title,
                money(ceiling)
            ));
        }
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
