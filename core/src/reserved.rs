//! Who may bid on a reserved contract: each reservation basis's own test of the bidder.
//!
//! A tender names the ground on which it reserves the contract (`reservation.basis`); each
//! ground the law allows has its own test of the supplier, and a bid that fails it is excluded
//! with the clause, while one that says too little is left incomplete (never guessed):
//!
//! - PA 2023 s.32 (supported employment providers): the organisation operates wholly or partly
//!   to provide employment, or employment-related support, to disabled or disadvantaged
//!   individuals, and they are at least 30 per cent of the workforce (s.32(4)).
//! - PA 2023 s.33 (public service mutuals): the body operates to deliver public services, mainly
//!   reservable light-touch services; is run not for profit or distributes profits only to
//!   members; is under the management and control of its employees (s.33(6)); and has not had a
//!   comparable contract in the three years before this award (s.33(5)). The contract-side
//!   conditions (light-touch, five years or less, s.33(1)) are the tender's, checked by
//!   `tender::reservation::lawful`.
//! - PPN 005 (below threshold): the supplier is based or established, with substantive business
//!   operations, in the area named (the UK, or one county or London borough); then, where the
//!   tender adds it, it is an SME or a VCSE.
//! - A grant limited to user-led organisations: the protocol's eligibility verdict is `yes`.
//!
//! A reservation the governing law does not allow (a procurement "reserved for user-led
//! organisations", or any basis the regime rules out) excludes no one: the tender check reports
//! the unlawful reservation, and each bid carries a flag saying it was not applied.

use crate::bids::Organisation;
use crate::eligibility::Verdict;
use crate::exact::Exact;
use crate::explain::{percent, CiteRef};
use crate::regime::law;
use crate::report::TestOutcome;
use crate::tender::reservation::{basis, lawful};
use crate::tender::{ReservationBasis, Tender};

/// The share of the workforce a supported employment provider needs (PA 2023 s.32(4)(a)).
const SUPPORTED_EMPLOYMENT_PERCENT: i64 = 30;

/// How a reservation bears on the bids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Applies {
    /// No reservation, or the 1.0.0 `reserved_for_user_led` flag read by a protocol written
    /// before regimes, which keeps its own test (see `award::conditions`).
    No,
    /// The basis's test is applied to each bid.
    Tested(ReservationBasis),
    /// The reservation has no basis in the governing law: reported, and no one is excluded.
    NotApplied(ReservationBasis),
}

/// Whether and how the tender's reservation is applied to bids. `legacy` is true for a
/// protocol written before regimes, under which the 1.0.0 flag keeps its old meaning.
#[must_use]
pub fn applies(tender: &Tender, legacy: bool) -> Applies {
    let b = basis(tender);
    if b == ReservationBasis::None || (legacy && tender.doc().reservation.is_none()) {
        return Applies::No;
    }
    match (b, lawful(tender)) {
        // A user-led reservation holds only for a grant, and only once the route is known.
        (ReservationBasis::UserLed, Some(true)) => Applies::Tested(b),
        (ReservationBasis::UserLed, _) | (_, Some(false)) => Applies::NotApplied(b),
        // Supported businesses (Scotland) and PCR 2015 reg 77 have tests this engine does not
        // hold: nothing is excluded on them.
        (ReservationBasis::SupportedBusinessScotland | ReservationBasis::PcrRegulation77, _) => {
            Applies::NotApplied(b)
        }
        _ => Applies::Tested(b),
    }
}

/// A bidder's result on the reservation test, with its reason, what to add when it cannot be
/// told, and the clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Met, not met, unknown; not applicable when the reservation is not applied.
    pub outcome: TestOutcome,
    /// Why, with the figures.
    pub reason: String,
    /// What to add, when unknown.
    pub to_add: Option<String>,
    /// The clauses relied on.
    pub cites: Vec<CiteRef>,
}

/// The clauses each basis's test relies on.
#[must_use]
pub fn cites(b: ReservationBasis) -> Vec<CiteRef> {
    match b {
        ReservationBasis::SupportedEmployment => vec![law::cite("PA23", "s.32(4)")],
        ReservationBasis::PublicServiceMutual => {
            vec![law::cite("PA23", "s.33(5)"), law::cite("PA23", "s.33(6)")]
        }
        ReservationBasis::BelowThresholdLocation => vec![CiteRef {
            source: "PPN005".into(),
            title: "Procurement Policy Note 005: Reserving below threshold procurements (Feb 2025)"
                .into(),
            clause: "supplier location; SMEs and VCSEs".into(),
            url: Some("https://www.gov.uk/government/publications/ppn-005-reserving-below-threshold-procurements".into()),
        }],
        ReservationBasis::PcrRegulation77 => vec![law::cite("PCR15", "reg 77")],
        // The reservations the Act does provide for, none of them for user-led organisations.
        ReservationBasis::UserLed => vec![law::cite("PA23", "s.32"), law::cite("PA23", "s.33")],
        ReservationBasis::SupportedBusinessScotland
        | ReservationBasis::GrantUserLed
        | ReservationBasis::None => Vec::new(),
    }
}

/// Parts of a test: what fails, and what is not known (with what to add).
#[derive(Default)]
struct Parts {
    met: Vec<String>,
    failed: Vec<String>,
    unknown: Vec<String>,
    add: Vec<String>,
}

impl Parts {
    /// A yes/no statement the organisation must make: `says` is the statement, `add` what to
    /// ask for when it is not made either way.
    fn statement(&mut self, given: Option<bool>, says: &str, add: &str) {
        match given {
            Some(true) => self.met.push(format!("it says {says}")),
            Some(false) => self
                .failed
                .push(format!("it says it does not meet this: {says}")),
            None => {
                self.unknown
                    .push(format!("it is not stated whether {says}"));
                self.add.push(add.to_string());
            }
        }
    }

    fn outcome(self, b: ReservationBasis, what: &str) -> Outcome {
        let cites = cites(b);
        if !self.failed.is_empty() {
            Outcome {
                outcome: TestOutcome::NotMet,
                reason: format!("not {what}: {}", self.failed.join("; ")),
                to_add: None,
                cites,
            }
        } else if !self.unknown.is_empty() {
            Outcome {
                outcome: TestOutcome::Unknown,
                reason: format!(
                    "cannot tell whether the bidder is {what}: {}",
                    self.unknown.join("; ")
                ),
                to_add: Some(self.add.join("; ")),
                cites,
            }
        } else {
            Outcome {
                outcome: TestOutcome::Met,
                reason: format!("{what}: {}", self.met.join("; ")),
                to_add: None,
                cites,
            }
        }
    }
}

/// PA 2023 s.32(4): employment purpose and at least 30% of the workforce.
fn supported_employment(org: &Organisation) -> Outcome {
    let mut p = Parts::default();
    p.statement(
        org.employment_purpose,
        "it operates wholly or partly to provide employment, or employment-related support, to disabled or disadvantaged individuals",
        "say whether the organisation operates to provide employment, or employment-related support, to disabled or disadvantaged individuals",
    );
    match org.workforce {
        Some(w) => {
            // Exact: part x 100 against 30 x whole, in whole numbers.
            let meets = i128::from(w.disabled_or_disadvantaged) * 100
                >= i128::from(SUPPORTED_EMPLOYMENT_PERCENT) * i128::from(w.total);
            let share = Exact::ratio(
                i128::from(w.disabled_or_disadvantaged) * 100,
                i128::from(w.total),
            )
            .map_or_else(|_| "?".to_string(), percent);
            let text = format!(
                "{} of {} workers are disabled or disadvantaged individuals, {share}; s.32(4)(a) needs at least {SUPPORTED_EMPLOYMENT_PERCENT}%",
                w.disabled_or_disadvantaged, w.total
            );
            if meets {
                p.met.push(text);
            } else {
                p.failed.push(text);
            }
        }
        None => {
            p.unknown.push("the workforce is not given".into());
            p.add.push("add the workforce that will perform the contract, and how many of them are disabled or disadvantaged individuals".into());
        }
    }
    p.outcome(
        ReservationBasis::SupportedEmployment,
        "a supported employment provider (PA 2023 s.32)",
    )
}

/// PA 2023 s.33(5) and (6): a qualifying public service mutual.
fn public_service_mutual(org: &Organisation) -> Outcome {
    let mut p = Parts::default();
    p.statement(
        org.public_service_purpose,
        "it operates to deliver public services, mainly reservable light-touch services",
        "say whether the organisation operates to deliver public services, mainly reservable light-touch services",
    );
    p.statement(
        org.not_for_profit_or_member_profits,
        "it is run not for profit or distributes profits only to members",
        "say whether the organisation is run not for profit, or distributes profits only to its members",
    );
    p.statement(
        org.employee_controlled,
        "it is under the management and control of its employees",
        "say whether the organisation is under the management and control of its employees",
    );
    // s.33(5): met by a "no", so worded apart.
    match org.comparable_mutual_contract_in_3_years {
        Some(false) => p.met.push("it has had no comparable contract from this authority reserved under s.33 in the three years before this award".into()),
        Some(true) => p.failed.push("it has had a comparable contract from this authority reserved under s.33 in the three years before this award".into()),
        None => {
            p.unknown.push("it is not stated whether it has had a comparable contract reserved under s.33 in the last three years".into());
            p.add.push("say whether the organisation has had a comparable contract from this authority, reserved under s.33, in the three years before this award".into());
        }
    }
    p.outcome(
        ReservationBasis::PublicServiceMutual,
        "a qualifying public service mutual (PA 2023 s.33)",
    )
}

/// Place names compared as a person would: case and surrounding spaces ignored, and "United
/// Kingdom" read as "UK".
fn place(name: &str) -> String {
    let n = name.trim().to_lowercase();
    if n == "united kingdom" {
        "uk".into()
    } else {
        n
    }
}

/// PPN 005: supplier location, then SME or VCSE where the tender adds it.
fn below_threshold(tender: &Tender, org: &Organisation) -> Outcome {
    let b = ReservationBasis::BelowThresholdLocation;
    let reservation = tender.doc().reservation.as_ref();
    let mut p = Parts::default();
    match reservation.and_then(|r| r.location.as_deref()) {
        None => {
            p.unknown
                .push("the tender does not name the area the contract is reserved to".into());
            p.add.push("the tender must name the area (\"UK\", a county or a London borough) in its reservation".into());
        }
        Some(area) => match &org.established_in {
            Some(places) if places.iter().any(|x| place(x) == place(area)) => p.met.push(format!(
                "it is based or established, with substantive business operations, in {area}"
            )),
            Some(places) => p.failed.push(format!(
                "it is based or established in {}, not in {area}",
                places.join(", ")
            )),
            None => {
                p.unknown
                    .push("where the organisation is based or established is not given".into());
                p.add.push(format!("list where the organisation is based or established and has substantive business operations (include \"{area}\" if it is)"));
            }
        },
    }
    if reservation.and_then(|r| r.sme_vcse) == Some(true) {
        match (org.sme, org.vcse) {
            (Some(true), _) | (_, Some(true)) => p.met.push("it is an SME or a VCSE".into()),
            (Some(false), Some(false)) => p.failed.push("it is neither an SME nor a VCSE".into()),
            _ => {
                p.unknown
                    .push("whether it is an SME or a VCSE is not stated".into());
                p.add.push("say whether the organisation is a small or medium-sized enterprise, and whether it is a voluntary, community or social enterprise".into());
            }
        }
    }
    p.outcome(b, "within the below-threshold reservation (PPN 005)")
}

/// The bidder's result on the basis's test. `verdict` is the protocol's user-led verdict, which
/// a grant for user-led organisations needs.
#[must_use]
pub fn test(b: ReservationBasis, tender: &Tender, org: &Organisation, verdict: Verdict) -> Outcome {
    match b {
        ReservationBasis::SupportedEmployment => supported_employment(org),
        ReservationBasis::PublicServiceMutual => public_service_mutual(org),
        ReservationBasis::BelowThresholdLocation => below_threshold(tender, org),
        _ => {
            let (outcome, reason, to_add) = match verdict {
                Verdict::Yes => (
                    TestOutcome::Met,
                    "a user-led organisation under the protocol, as the grant requires",
                    None,
                ),
                Verdict::No => (
                    TestOutcome::NotMet,
                    "not a user-led organisation under the protocol, which the grant requires",
                    None,
                ),
                Verdict::NotEnoughInformation => (
                    TestOutcome::Unknown,
                    "cannot tell whether the bidder is a user-led organisation, which the grant requires",
                    Some("add what the eligibility tests ask for".to_string()),
                ),
            };
            Outcome {
                outcome,
                reason: reason.into(),
                to_add,
                cites: Vec::new(),
            }
        }
    }
}

/// The outcome when a reservation is not applied, with why.
#[must_use]
pub fn not_applied(b: ReservationBasis, tender: &Tender) -> Outcome {
    let unlawful = lawful(tender) == Some(false);
    let reason = match b {
        ReservationBasis::UserLed => "no procurement law allows a contract to be reserved for user-led organisations (PA 2023 ss.32-33, PPN 005 and a grant are the routes), so the bid is not excluded on it".to_string(),
        ReservationBasis::PcrRegulation77 | ReservationBasis::SupportedBusinessScotland if !unlawful => format!(
            "the engine does not hold the supplier test of this reservation ({}), so the bid is not excluded on it; check it by hand",
            b.word()
        ),
        _ => format!(
            "the reservation ({}) has no basis in the law that governs this tender, so the bid is not excluded on it",
            b.word()
        ),
    };
    Outcome {
        outcome: TestOutcome::NotApplicable,
        reason,
        to_add: None,
        cites: cites(b),
    }
}
