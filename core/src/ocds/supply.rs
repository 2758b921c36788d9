//! What the commissioner must still supply, read off the draft's missing fields: first the
//! fields a tender cannot be read without, then those the protocol's barrier rules use, which
//! would otherwise be "not stated" (and the fields OCDS has no place for at all, which are
//! always missing).

use super::draft::DraftTender;
use super::map::{Gap, Mention, Topic};
use crate::facts::TenderFact;
use crate::protocol::Protocol;
use serde::Serialize;

/// Something the commissioner must still add to the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ToSupply {
    /// JSON pointer of the ulo field in the draft tender.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::JsonPointer"))]
    pub field: String,
    /// Whether the tender cannot be read without it (a required field), as opposed to a fact
    /// the barrier rules need, which would otherwise show as not stated.
    pub required: bool,
    /// Why it is needed.
    pub reason: String,
    /// The protocol's tender facts that depend on it.
    pub facts: Vec<TenderFact>,
}

/// The most lots a ulo tender holds: the tender schema's `lots` `maxItems` (a test holds the
/// two together). A notice with more cannot become one tender whatever else is supplied.
pub const MAX_LOTS: usize = 50;

/// The facts a lot's value feeds.
const VALUE_FACTS: &[TenderFact] = &[
    TenderFact::LotValue,
    TenderFact::LotAnnualValue,
    TenderFact::TotalValue,
    TenderFact::LargestLotValue,
    TenderFact::TurnoverMultiple,
];

/// The facts a lot's contract length feeds.
const MONTH_FACTS: &[TenderFact] = &[TenderFact::LotMonths, TenderFact::LotAnnualValue];

/// The facts the conditions of participation feed.
const CONDITION_FACTS: &[TenderFact] = &[
    TenderFact::MinimumTurnover,
    TenderFact::TurnoverMultiple,
    TenderFact::PublicLiabilityCover,
    TenderFact::EmployersLiabilityCover,
    TenderFact::ProfessionalIndemnityCover,
    TenderFact::PerformanceBond,
];

/// What the draft still lacks, under `protocol`; `mentions` are where the notice's free text
/// mentions figures to look for.
pub(super) fn to_supply(
    protocol: &Protocol,
    draft: &DraftTender,
    mentions: &[Mention],
    gaps: &[Gap],
) -> Vec<ToSupply> {
    let used = |facts: &[TenderFact]| -> Vec<TenderFact> {
        facts
            .iter()
            .copied()
            .filter(|f| protocol.uses_fact(*f))
            .collect()
    };
    let mut out = required(draft, &used);
    out.extend(for_facts(draft, &used));
    out.extend(conditions(draft, mentions, &used));
    if let Some(f) = needed(&used, &[TenderFact::ReservedForUserLed]) {
        out.push(optional(
            "/reserved_for_user_led",
            "OCDS cannot say whether a contract is reserved for user-led organisations; the engine reads it as not reserved unless you say so",
            f,
        ));
    }
    // The regime's facts matter only to a protocol whose rules know regimes; a 1.0.0 protocol
    // applies every rule everywhere, so its import lists nothing new.
    if protocol.regime_aware() {
        out.extend(gaps.iter().map(|g| ToSupply {
            field: g.field.to_string(),
            required: false,
            reason: format!(
                "{}; the regime decides which rules are law, policy or not applicable",
                g.why
            ),
            facts: Vec::new(),
        }));
    }
    out
}

/// The protocol's facts among `facts`.
type Used<'p> = dyn Fn(&[TenderFact]) -> Vec<TenderFact> + 'p;

/// The protocol's facts among `facts`, when there are any.
fn needed(used: &Used, facts: &[TenderFact]) -> Option<Vec<TenderFact>> {
    Some(used(facts)).filter(|f| !f.is_empty())
}

fn optional(field: &str, reason: &str, facts: Vec<TenderFact>) -> ToSupply {
    ToSupply {
        field: field.to_string(),
        required: false,
        reason: reason.to_string(),
        facts,
    }
}

/// The required fields the draft lacks: the tender's id, title and authority, and each lot's
/// title, value and months.
fn required(draft: &DraftTender, used: &Used) -> Vec<ToSupply> {
    let mut out = Vec::new();
    let mut need = |field: String, reason: String, facts: Vec<TenderFact>| {
        out.push(ToSupply {
            field,
            required: true,
            reason,
            facts,
        });
    };
    for (missing, key, what) in [
        (draft.id.is_none(), "id", "an id for the tender"),
        (draft.title.is_none(), "title", "the tender's title"),
        (
            draft.authority.is_none(),
            "authority",
            "the contracting authority's name",
        ),
    ] {
        if missing {
            need(
                format!("/{key}"),
                format!("the notice does not give {what}"),
                Vec::new(),
            );
        }
    }
    if draft.lots.len() > MAX_LOTS {
        // The blocker first, and no list of values for lots that cannot be read as one tender.
        need(
            "/lots".into(),
            format!(
                "the notice has {} lots and a ulo tender holds at most {MAX_LOTS}: split the lots into tenders of {MAX_LOTS} or fewer (by service or area, say) and import or enter each; what each lot still needs is listed once they fit",
                draft.lots.len()
            ),
            Vec::new(),
        );
        return out;
    }
    for (i, lot) in draft.lots.iter().enumerate() {
        for (missing, key, what, facts) in [
            (lot.title.is_none(), "title", "a title", &[][..]),
            (
                lot.value.is_none(),
                "value",
                "an estimated value in pounds",
                VALUE_FACTS,
            ),
            (
                lot.months.is_none(),
                "months",
                "a contract length in months",
                MONTH_FACTS,
            ),
        ] {
            if missing {
                let reason = match (&lot.months_query, &lot.value_query, key) {
                    (Some(why), _, "months") | (_, Some(why), "value") => why.clone(),
                    _ => format!("the notice does not give this lot {what}"),
                };
                need(format!("/lots/{i}/{key}"), reason, used(facts));
            }
        }
    }
    out
}

/// The fields the barrier rules use that the draft lacks, when the protocol uses their facts.
fn for_facts(draft: &DraftTender, used: &Used) -> Vec<ToSupply> {
    let window = &[TenderFact::ResponseWindowDays][..];
    // (whether the draft has it or does not need it, field, facts, reason); OCDS has no place
    // at all for the fields that are never there.
    let rows: [(bool, &str, &[TenderFact], &str); 9] = [
        (draft.no_lots_reason.is_some() || draft.lots.len() >= 2, "/no_lots_reason", &[TenderFact::NoLotsReasonGiven], "the contract is not divided into lots and the notice gives no reasons in a field ulo can read (look in its free text); without them the lots rule finds a barrier"),
        (draft.published.is_some(), "/published", window, "the notice gives no publication date for the tender, so the response window cannot be counted"),
        (draft.response_deadline.is_some(), "/response_deadline", window, "the notice gives no deadline for responses, so the response window cannot be counted"),
        (false, "/payment", &[TenderFact::PaymentTermsDays, TenderFact::PaymentInArrears, TenderFact::PaymentByResultsPercent, TenderFact::CoreCostsContribution], "OCDS has no fields for payment terms (days to pay, in arrears, payment by results, core costs)"),
        (false, "/panel", &[TenderFact::PanelSize, TenderFact::LivedExperienceEvaluators, TenderFact::LivedExperiencePercent], "OCDS does not describe the evaluation panel"),
        (draft.electronic_auction.is_some(), "/electronic_auction", &[TenderFact::ElectronicAuction], "whether a reverse electronic auction is used (the notice does not say)"),
        (false, "/abnormally_low_procedure_published", &[TenderFact::AbnormallyLowProcedurePublished], "whether the tender says how abnormally low prices are handled (OCDS has no field for it)"),
        (false, "/tupe_information_given", &[TenderFact::TupeInformationGiven], "whether staff transfer (TUPE) information is given (OCDS has no field for it)"),
        (false, "/users_involved_in_design", &[TenderFact::UsersInvolvedInDesign], "whether people who use the service helped design the tender (OCDS has no field for it)"),
    ];
    rows.into_iter()
        .filter(|(has, ..)| !has)
        .filter_map(|(_, field, facts, reason)| {
            needed(used, facts).map(|f| optional(field, reason, f))
        })
        .collect()
}

/// The conditions of participation. When the import made the section (from a minimum
/// turnover), its presence tells the engine the tender states its conditions, so absent cover
/// and bonds would read as none asked: the commissioner is asked for them.
fn conditions(draft: &DraftTender, mentions: &[Mention], used: &Used) -> Option<ToSupply> {
    let facts = needed(used, CONDITION_FACTS)?;
    let hint = |topic: Topic| -> String {
        let at: Vec<&str> = mentions
            .iter()
            .filter(|m| m.topic == topic)
            .map(|m| m.at.as_str())
            .collect();
        if at.is_empty() {
            String::new()
        } else {
            format!(
                " (the notice's text mentions {} at {})",
                topic.word(),
                at.join(", ")
            )
        }
    };
    Some(if draft.conditions.is_some() {
        let reason = format!(
            "the draft's conditions hold only the minimum turnover, and the engine reads absent insurance cover and bonds as none asked; add the cover and any bond the tender asks for{}",
            hint(Topic::Insurance)
        );
        let facts = facts
            .into_iter()
            .filter(|f| {
                !matches!(
                    f,
                    TenderFact::MinimumTurnover | TenderFact::TurnoverMultiple
                )
            })
            .collect();
        optional("/conditions/insurance", &reason, facts)
    } else {
        let reason = format!(
            "the notice gives no conditions of participation as figures: add the minimum turnover, insurance cover and any bond asked for, or an empty section if none are{}{}",
            hint(Topic::Turnover),
            hint(Topic::Insurance)
        );
        optional("/conditions", &reason, facts)
    })
}
