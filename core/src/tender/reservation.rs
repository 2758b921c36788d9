//! Whether a tender's reservation of the contract has a basis in the governing law. Reserving
//! a contract for user-led organisations has none: the law allows reservations for supported
//! employment providers (PA 2023 s.32), public service mutuals (s.33), below threshold by
//! location and then SMEs and VCSEs (PPN 005), certain services under PCR 2015 reg 77, and
//! supported businesses in Scotland (Procurement Reform (Scotland) Act 2014 s.11); a grant may
//! be limited to user-led organisations because it is not a procurement.

use super::{ReservationBasis, Tender};
use crate::regime::{cpv, Regime};

/// The longest contract a public service mutual may be reserved (PA 2023 s.33), in months.
const MUTUAL_MONTHS: i64 = 60;
/// The longest contract reserved under PCR 2015 reg 77, in months.
const REG_77_MONTHS: i64 = 36;

/// The tender's reservation ground: the `reservation` block, else the 1.0.0 flag.
#[must_use]
pub fn basis(tender: &Tender) -> ReservationBasis {
    let d = tender.doc();
    match &d.reservation {
        Some(r) => r.basis,
        None if d.reserved_for_user_led => ReservationBasis::UserLed,
        None => ReservationBasis::None,
    }
}

/// `Some(true)` when the reservation (or its absence) has a basis in the governing law,
/// `Some(false)` when it has none, `None` when the regime is not known, or the law this engine
/// holds cannot tell (a supported-employment reservation outside PA 2023, say).
#[must_use]
pub fn lawful(tender: &Tender) -> Option<bool> {
    let basis = basis(tender);
    if basis == ReservationBasis::None {
        return Some(true);
    }
    let regime = tender.regime().regime?;
    let months_at_most = |limit: i64| tender.doc().lots.iter().all(|l| l.months <= limit);
    let codes = tender
        .doc()
        .procurement
        .as_ref()
        .map(|p| p.cpv.as_slice())
        .unwrap_or_default();
    match basis {
        ReservationBasis::None => Some(true),
        ReservationBasis::UserLed | ReservationBasis::GrantUserLed => Some(regime == Regime::Grant),
        ReservationBasis::SupportedEmployment => match regime {
            Regime::Pa2023 | Regime::Pa2023LightTouch => Some(true),
            Regime::Grant => Some(false),
            // Other regimes have their own provisions (PCR 2015 reg 20, PC(S)R 2015 reg 21),
            // which this engine does not hold.
            _ => None,
        },
        ReservationBasis::PublicServiceMutual => Some(
            regime == Regime::Pa2023LightTouch
                && !codes.is_empty()
                && codes.iter().all(|c| cpv::reservable(*c))
                && months_at_most(MUTUAL_MONTHS),
        ),
        ReservationBasis::BelowThresholdLocation => Some(regime == Regime::Pa2023BelowThreshold),
        ReservationBasis::PcrRegulation77 => {
            Some(regime == Regime::Pcr2015LightTouch && months_at_most(REG_77_MONTHS))
        }
        ReservationBasis::SupportedBusinessScotland => match regime {
            Regime::ScotlandBelowThreshold => Some(true),
            Regime::Scotland | Regime::ScotlandLightTouch => None,
            _ => Some(false),
        },
    }
}
