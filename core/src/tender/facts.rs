//! The value of each fact for one tender (and lot): the figures the barrier rules compare.
//!
//! A fact the tender does not state is unknown, never zero.

use super::evaluation::Model;
use super::{reservation, AuditedAccounts, InsuranceKind, Lot, Role, Tender, TenderDoc};
use crate::exact::Exact;
use crate::facts::{FactValue, TenderFact};
use crate::vocab::Category;

fn known(v: Option<Exact>) -> FactValue {
    v.map_or(FactValue::Unknown, FactValue::Number)
}

fn yes_no(v: Option<bool>) -> FactValue {
    v.map_or(FactValue::Unknown, FactValue::YesNo)
}

fn percent(part: Exact, whole: Exact) -> Option<Exact> {
    if whole.is_zero() {
        return None;
    }
    part.mul(Exact::HUNDRED).ok()?.div(whole).ok()
}

/// The largest cover of one kind of insurance the tender asks for: none asked is 0; no
/// conditions stated is unknown.
fn cover(d: &TenderDoc, kind: InsuranceKind) -> FactValue {
    match &d.conditions {
        None => FactValue::Unknown,
        Some(c) => FactValue::Number(
            c.insurance
                .iter()
                .filter(|i| i.kind == kind)
                .map(|i| i.amount)
                .max()
                .unwrap_or(Exact::ZERO),
        ),
    }
}

/// How many evaluators sit on the panel (in one role, or all); unknown if no panel is stated.
fn panel_count(d: &TenderDoc, role: Option<Role>) -> Option<Exact> {
    d.panel.as_ref().map(|p| {
        Exact::int(
            p.iter()
                .filter(|e| role.is_none_or(|r| e.role == r))
                .count() as i128,
        )
    })
}

/// The value of a fact for a tender, and for one of its lots when the fact is about lots.
/// A lot fact asked without a lot is unknown.
#[must_use]
#[allow(
    clippy::too_many_lines,
    reason = "one arm per tender fact: each fact's value reads beside its name"
)]
pub fn value(tender: &Tender, lot: Option<&Lot>, fact: TenderFact) -> FactValue {
    let d = tender.doc();
    match fact {
        TenderFact::LotCount => FactValue::Number(Exact::int(d.lots.len() as i128)),
        TenderFact::TotalValue => known(tender.total_value()),
        TenderFact::LargestLotValue => known(d.lots.iter().map(|l| l.value).max()),
        TenderFact::NoLotsReasonGiven => FactValue::YesNo(d.no_lots_reason.is_some()),
        TenderFact::ReservedForUserLed => FactValue::YesNo(d.reserved_for_user_led),
        TenderFact::ResponseWindowDays => match (d.published, d.response_deadline) {
            (Some(p), Some(r)) => FactValue::Number(Exact::int(i128::from(p.days_until(r)))),
            _ => FactValue::Unknown,
        },
        TenderFact::PaymentTermsDays => known(
            d.payment
                .as_ref()
                .map(|p| Exact::int(i128::from(p.terms_days))),
        ),
        TenderFact::PaymentInArrears => yes_no(d.payment.as_ref().map(|p| p.in_arrears)),
        TenderFact::PaymentByResultsPercent => {
            known(d.payment.as_ref().map(|p| p.by_results_percent))
        }
        TenderFact::CoreCostsContribution => {
            yes_no(d.payment.as_ref().and_then(|p| p.core_costs_contribution))
        }
        TenderFact::PriceWeightPercent => known(tender.category_weight(Category::Price)),
        TenderFact::QualityWeightPercent => known(tender.category_weight(Category::Quality)),
        TenderFact::SocialValueWeightPercent => {
            known(tender.category_weight(Category::SocialValue))
        }
        TenderFact::UserLeadershipWeightPercent => {
            known(tender.category_weight(Category::UserLeadership))
        }
        TenderFact::PanelSize => known(panel_count(d, None)),
        TenderFact::LivedExperienceEvaluators => known(panel_count(d, Some(Role::LivedExperience))),
        TenderFact::LivedExperiencePercent => known(
            panel_count(d, Some(Role::LivedExperience))
                .zip(panel_count(d, None))
                .and_then(|(le, all)| percent(le, all)),
        ),
        TenderFact::ElectronicAuction => yes_no(d.electronic_auction),
        TenderFact::AbnormallyLowProcedurePublished => yes_no(d.abnormally_low_procedure_published),
        TenderFact::TupeInformationGiven => yes_no(d.tupe_information_given),
        TenderFact::UsersInvolvedInDesign => yes_no(d.users_involved_in_design),
        TenderFact::MinimumTurnover => known(
            d.conditions
                .as_ref()
                .map(|c| c.minimum_turnover.unwrap_or(Exact::ZERO)),
        ),
        TenderFact::PublicLiabilityCover => cover(d, InsuranceKind::PublicLiability),
        TenderFact::EmployersLiabilityCover => cover(d, InsuranceKind::EmployersLiability),
        TenderFact::ProfessionalIndemnityCover => cover(d, InsuranceKind::ProfessionalIndemnity),
        TenderFact::PerformanceBond => known(
            d.conditions
                .as_ref()
                .map(|c| c.performance_bond.unwrap_or(Exact::ZERO)),
        ),
        TenderFact::LotValue => known(lot.map(|l| l.value)),
        TenderFact::LotMonths => known(lot.map(|l| Exact::int(i128::from(l.months)))),
        TenderFact::LotAnnualValue => known(lot.and_then(Lot::annual_value)),
        TenderFact::TurnoverMultiple => match (lot, &d.conditions) {
            (Some(l), Some(c)) => {
                let t = c.minimum_turnover.unwrap_or(Exact::ZERO);
                known(t.div(l.value).ok())
            }
            _ => FactValue::Unknown,
        },
        TenderFact::TurnoverToAnnualValue => match (lot.and_then(Lot::annual_value), &d.conditions)
        {
            (Some(yearly), Some(c)) => {
                let t = c.minimum_turnover.unwrap_or(Exact::ZERO);
                known(t.div(yearly).ok())
            }
            _ => FactValue::Unknown,
        },
        TenderFact::AuditedAccountsFromEveryBidder => yes_no(
            d.conditions
                .as_ref()
                .and_then(|c| c.audited_accounts)
                .map(|a| a == AuditedAccounts::FromEveryBidder),
        ),
        TenderFact::InsuranceBeforeAward => {
            yes_no(d.conditions.as_ref().and_then(|c| c.insurance_before_award))
        }
        TenderFact::PlannedProcurementNotice => yes_no(
            d.procurement
                .as_ref()
                .and_then(|p| p.planned_procurement_notice),
        ),
        TenderFact::ReservationLawful => yes_no(reservation::lawful(tender)),
        TenderFact::LotRateCount => known(lot.map(|l| Exact::int(l.rates.len() as i128))),
        TenderFact::LotOvernightSharePercent => known(lot.and_then(overnight_share)),
        TenderFact::LotPricePerQualityPoint => {
            yes_no(lot.map(|l| matches!(l.evaluation.model, Model::PricePerQualityPoint { .. })))
        }
        TenderFact::LotQualityThresholdPercent => known(lot.map(|l| match l.evaluation.model {
            Model::PricePerQualityPoint { threshold } => threshold.unwrap_or(Exact::ZERO),
            Model::Sequential { pass_mark, .. } => pass_mark,
            _ => Exact::ZERO,
        })),
        TenderFact::LotPriceOnly => {
            yes_no(lot.map(|l| matches!(l.evaluation.model, Model::PriceOnly { .. })))
        }
    }
}

/// The share of a lot's basket, valued at the rates' ceilings (each ceiling times its volume),
/// that is paid at night, sleep-in or waking-night rates: few small user-led organisations
/// offer overnight support, so a basket weighted to it shuts them out. Volumes in different
/// units (hours, nights) cannot be added, so the value at the ceilings is the common measure;
/// unknown when the lot has no rates or any rate has no ceiling (never guessed).
fn overnight_share(lot: &Lot) -> Option<Exact> {
    if lot.rates.is_empty() {
        return None;
    }
    let mut all = Exact::ZERO;
    let mut overnight = Exact::ZERO;
    for r in &lot.rates {
        let v = r.ceiling?.mul(r.volume).ok()?;
        all = all.add(v).ok()?;
        if r.kind.overnight() {
            overnight = overnight.add(v).ok()?;
        }
    }
    percent(overnight, all)
}
