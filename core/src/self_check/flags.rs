//! The flags a self-check raises, in the words a bidder reads: a gate the bidder expects to fail
//! or has not confirmed, eligibility on a reserved contract, a price over the ceiling or
//! abnormally low, and a minimum score at risk. Only a flag that would exclude a submitted bid
//! says so (`excludes`); the others are things to check before submitting.

use crate::award::price::low_test;
use crate::bids::{DraftBid, Expected, Organisation};
use crate::eligibility::Verdict;
use crate::exact::Overflow;
use crate::explain::percent;
use crate::protocol::{AwardModel, LowBenchmark, Minimum, OverCeiling};
use crate::report::{Flag, FlagCode, GateRow, GateStatus, TestOutcome, ThresholdStatus};
use crate::reserved::{self, Applies};
use crate::tender::{Lot, ReservationBasis, Tender};
use crate::vocab::money;

fn flag(
    code: FlagCode,
    criterion: Option<&str>,
    excludes: bool,
    message: String,
    action: &str,
) -> Flag {
    Flag {
        code,
        criterion: criterion.map(str::to_string),
        excludes,
        message,
        action: action.to_string(),
        trace: None,
        cites: Vec::new(),
    }
}

/// A flag for each gate the bidder expects to fail or has not confirmed passing, in gate order.
pub(super) fn gates(rows: &[GateRow]) -> Vec<Flag> {
    rows.iter()
        .filter_map(|g| match g.outcome {
            GateStatus::Fail => Some(flag(
                FlagCode::GateFailed,
                None,
                true,
                format!("You expect to fail \"{}\": a bid that fails it is excluded.", g.title),
                "Meet the condition before you submit, or ask the authority whether it is proportionate.",
            )),
            GateStatus::Unsure | GateStatus::NotAssessed => Some(flag(
                FlagCode::GateUnsure,
                None,
                false,
                format!("You have not confirmed that you pass \"{}\".", g.title),
                "Check the condition against your evidence; failing it excludes the bid.",
            )),
            GateStatus::Pass => None,
        })
        .collect()
}

/// On a reserved contract, a flag when on these answers the bidder does not meet the basis's
/// test, or its answers do not yet show whether it does, as scoring would apply it (see
/// [`crate::reserved`]); a protocol written before regimes reads the 1.0.0 flag as it always
/// did.
pub(super) fn reservation(
    tender: &Tender,
    legacy: bool,
    org: &Organisation,
    verdict: Verdict,
) -> Option<Flag> {
    if legacy && tender.doc().reservation.is_none() {
        return eligibility(tender, verdict);
    }
    match reserved::applies(tender, legacy) {
        Applies::No => None,
        Applies::NotApplied(b) => {
            let o = reserved::not_applied(b, tender);
            Some(Flag {
                cites: o.cites,
                ..flag(
                    FlagCode::ReservationNotApplied,
                    None,
                    false,
                    format!("The tender reserves the contract ({}), but {}.", b.word(), o.reason),
                    "You may bid whether or not you meet the reservation; you could ask the authority which route it relies on.",
                )
            })
        }
        Applies::Tested(b) => {
            let o = reserved::test(b, tender, org, verdict);
            let (code, excludes, message, action) = match o.outcome {
                TestOutcome::Met | TestOutcome::NotApplicable => return None,
                _ if matches!(b, ReservationBasis::GrantUserLed | ReservationBasis::UserLed) => {
                    return user_led(verdict)
                }
                TestOutcome::NotMet => (
                    FlagCode::ReservationNotMet,
                    true,
                    format!("The contract is reserved, and on these answers you are {}.", o.reason),
                    "Check your answers against the reservation's conditions; a bid that does not meet them is excluded.",
                ),
                TestOutcome::Unknown => (
                    FlagCode::ReservationUnknown,
                    false,
                    format!("The contract is reserved, and your answers do not yet show whether you meet it: {}.", o.reason),
                    "Add the missing information.",
                ),
            };
            Some(Flag {
                cites: o.cites,
                ..flag(code, None, excludes, message, action)
            })
        }
    }
}

/// On a contract reserved for user-led organisations, a flag when the bidder is not one or its
/// answers do not yet show whether it is.
fn eligibility(tender: &Tender, verdict: Verdict) -> Option<Flag> {
    if !tender.doc().reserved_for_user_led {
        return None;
    }
    user_led(verdict)
}

/// Open only to user-led organisations: a flag when the bidder is not one or may not be.
fn user_led(verdict: Verdict) -> Option<Flag> {
    match verdict {
        Verdict::No => Some(flag(
            FlagCode::Ineligible,
            None,
            true,
            "The contract is reserved for user-led organisations, and on these answers you are not one under the protocol.".into(),
            "Check the tests you do not meet; if your answers are wrong, correct them.",
        )),
        Verdict::NotEnoughInformation => Some(flag(
            FlagCode::EligibilityUnknown,
            None,
            false,
            "The contract is reserved for user-led organisations, and your answers do not yet show whether you are one.".into(),
            "Add the missing information listed under eligibility.",
        )),
        Verdict::Yes => None,
    }
}

/// The flags on the bidder's price for its lot: over the affordability ceiling, then abnormally
/// low against the lot's estimate (the one benchmark a self-check knows without other bids).
///
/// # Errors
///
/// A figure too large to compute exactly.
pub(super) fn price(
    award: &AwardModel,
    draft: &DraftBid,
    lot: &Lot,
) -> Result<Vec<Flag>, Overflow> {
    let mut flags = Vec::new();
    if let Some(ceiling) = lot.price_ceiling.filter(|c| draft.price > *c) {
        let excludes = award.affordability.over_ceiling == OverCeiling::Exclude;
        flags.push(flag(
            FlagCode::OverCeiling,
            None,
            excludes,
            format!(
                "Your price {} is above the lot's affordability ceiling of {}.",
                money(draft.price),
                money(ceiling)
            ),
            if excludes {
                "A price above the ceiling excludes the bid under this protocol."
            } else {
                "A price above the ceiling is flagged under this protocol; the authority may not be able to afford it."
            },
        ));
    }
    let rule = &award.abnormally_low;
    if rule.compare_to == LowBenchmark::LotEstimate
        && low_test(draft.price, lot.value, rule.below_percent)?.is_low
    {
        flags.push(flag(
            FlagCode::AbnormallyLow,
            None,
            false,
            format!(
                "Your price {} is below {} of the lot's estimated value ({}).",
                money(draft.price),
                percent(rule.below_percent),
                money(lot.value)
            ),
            "Expect to be asked to explain the price. Make sure it covers the real cost of the service, including your core costs.",
        ));
    }
    rates(award, draft, lot, &mut flags)?;
    Ok(flags)
}

/// For a lot priced by a basket: each rate over the ceiling the tender sets for it, and each
/// rate abnormally low against that ceiling where the protocol compares with published figures
/// (a self-check has no other bids to take a mean of, so a rate is tested only where a ceiling
/// gives it a benchmark).
fn rates(
    award: &AwardModel,
    draft: &DraftBid,
    lot: &Lot,
    flags: &mut Vec<Flag>,
) -> Result<(), Overflow> {
    let rule = &award.abnormally_low;
    let excludes = award.affordability.over_ceiling == OverCeiling::Exclude;
    for rate in &lot.rates {
        let (Some(ceiling), Some(v)) = (rate.ceiling, crate::bids::lookup(&draft.rates, &rate.id))
        else {
            continue;
        };
        if *v > ceiling {
            flags.push(flag(
                FlagCode::RateOverCeiling,
                None,
                excludes,
                format!(
                    "Your rate {} for {} is above the ceiling of {} the tender sets for it.",
                    money(*v),
                    rate.title,
                    money(ceiling)
                ),
                if excludes {
                    "A rate above its ceiling excludes the bid under this protocol."
                } else {
                    "A rate above its ceiling is flagged under this protocol; the authority may not be able to afford it."
                },
            ));
        } else if rule.compare_to == LowBenchmark::LotEstimate
            && low_test(*v, ceiling, rule.below_percent)?.is_low
        {
            flags.push(flag(
                FlagCode::RateAbnormallyLow,
                None,
                false,
                format!(
                    "Your rate {} for {} is below {} of the ceiling the tender sets for it ({}).",
                    money(*v),
                    rate.title,
                    percent(rule.below_percent),
                    money(ceiling)
                ),
                "Expect to be asked to explain the rate. Make sure it covers the real cost of the hours, including your core costs.",
            ));
        }
    }
    Ok(())
}

/// A flag when the score the bidder expects on a criterion is at risk of, or sure of, falling
/// below its minimum (`status` says which); none when it is clear.
pub(super) fn threshold(
    criterion: &str,
    title: &str,
    minimum: &Minimum,
    expected: &Expected,
    status: ThresholdStatus,
) -> Option<Flag> {
    let code = match status {
        ThresholdStatus::Clear => return None,
        ThresholdStatus::AtRisk => FlagCode::ThresholdAtRisk,
        ThresholdStatus::Fails => FlagCode::ThresholdFailed,
    };
    let expect = if expected.low == expected.high {
        expected.low.to_string()
    } else {
        format!("{} to {}", expected.low, expected.high)
    };
    Some(flag(
        code,
        Some(criterion),
        status == ThresholdStatus::Fails && minimum.disqualifies,
        format!(
            "{title} has a minimum score of {}; you expect {expect}.",
            minimum.score
        ),
        if minimum.disqualifies {
            "Falling below this minimum excludes the bid: strengthen this answer first."
        } else {
            "Falling below this minimum is recorded against the bid: strengthen this answer."
        },
    ))
}
