//! Reporting what the notice gives but the draft does not use, and why, so that nothing present
//! goes unmentioned: a commissioner reading the import should never wonder whether a field was
//! overlooked.

use super::map;
use super::release::Notice;
use super::skipped::{Skipped, NO_FIELD};
use serde_json::Value;

/// The tender's sections reported here rather than mapped.
const KEYS: &[&str] = &["suitability", "otherRequirements"];

/// Reports the sections of the notice that have no place in a ulo tender, after the mapping
/// has reported what it read but could not use.
pub(super) fn report(n: &Notice, skipped: &mut Skipped) {
    suitability(n, skipped);
    other_requirements(n, skipped);
    remaining_tender(n, skipped);
    remaining_release(n, skipped);
}

fn suitability(n: &Notice, skipped: &mut Skipped) {
    for (from, key, v) in n.entries("suitability") {
        let who = match key {
            "sme" => "small and medium-sized enterprises",
            "vcse" => "voluntary, community and social enterprises",
            _ => "",
        };
        let reason = match (who, v.as_bool()) {
            ("", _) | (_, None) => NO_FIELD.to_string(),
            (w, Some(true)) => format!("the notice marks the tender as suitable for {w}; ulo has no field for this (the barrier check tests the design itself)"),
            (w, Some(false)) => format!("the notice does not mark the tender as suitable for {w}; ulo has no field for this (the barrier check tests the design itself)"),
        };
        skipped.add(from, v, reason);
    }
}

/// Reserved participation is reported with what it reserves for: none of the OCDS codes is a
/// reservation for user-led organisations, so it never sets `reserved_for_user_led`.
fn other_requirements(n: &Notice, skipped: &mut Skipped) {
    for (from, key, v) in n.entries("otherRequirements") {
        if key != "reservedParticipation" {
            skipped.add(from, v, NO_FIELD);
            continue;
        }
        let codes: Vec<&str> = match v {
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            Value::String(s) => vec![s.as_str()],
            _ => Vec::new(),
        };
        let described: Vec<String> = codes.into_iter().map(describe_reservation).collect();
        let reason = if described.is_empty() {
            "the notice reserves participation, but not in a form ulo recognises".to_string()
        } else {
            format!(
                "the notice reserves the contract for {}; none of these is a reservation for user-led organisations, so \"reserved_for_user_led\" is left out (the engine reads that as not reserved)",
                described.join(" and for ")
            )
        };
        skipped.add(from, v, reason);
    }
}

fn describe_reservation(code: &str) -> String {
    match code {
        "shelteredWorkshop" => {
            "supported employment providers (sheltered workshops; Procurement Act 2023 s.32)".into()
        }
        "publicServiceMissionOrganization" => {
            "public service mutuals (Procurement Act 2023 s.33)".into()
        }
        "smeVcse" => {
            "small and medium-sized enterprises and voluntary, community and social enterprises"
                .into()
        }
        other => format!("\"{other}\""),
    }
}

/// The tender's other fields: those the mapping does not read and that are not reported above.
fn remaining_tender(n: &Notice, skipped: &mut Skipped) {
    let rest = n
        .tender
        .iter()
        .filter(|(k, v)| !v.is_null() && !map::reads(k) && !KEYS.contains(&k.as_str()));
    for (k, v) in rest {
        let reason = match k.as_str() {
            "status" | "procurementMethod" | "procurementMethodDetails" | "procurementMethodRationale"
            | "mainProcurementCategory" | "additionalProcurementCategories"
            | "documents" | "milestones" | "amendments"
            | "submissionMethod" | "submissionMethodDetails" | "submissionTerms" | "awardPeriod"
            | "enquiryPeriod" | "hasEnquiries" | "bidOpening" | "communication" | "coveredBy"
            | "reviewDetails" | "hasRecurrence" | "recurrence" | "tenderers"
            | "numberOfTenderers" | "eligibilityCriteria" | "contractTerms" | "participationFees" => {
                NO_FIELD
            }
            _ => "not part of the tender design ulo checks (or not standard OCDS); ulo's tender has no field for this",
        };
        skipped.add(n.tender_at(&[k]), v, reason);
    }
}

/// The release's fields outside the tender, apart from its identity (shown under `source`).
fn remaining_release(n: &Notice, skipped: &mut Skipped) {
    let Some(r) = n.release.as_object() else {
        return;
    };
    for (k, v) in r {
        if v.is_null() {
            continue;
        }
        let reason = match k.as_str() {
            "ocid" | "id" | "date" | "tag" | "initiationType" | "language" | "links" | "tender" | "buyer" => continue,
            "parties" => "used only for the buyer's name, and its address and classifications for the nation and kind of buyer (see /procurement in the draft); ulo's tender records the authority, not contact details",
            "awards" | "contracts" => "award and contract records describe outcomes, not the tender's design",
            "description" => "free-text notes; ulo does not read facts out of prose, so read them for anything still to supply (reasons for not using lots, payment terms...)",
            "planning" => "planning information is not part of the tender's design",
            "relatedProcesses" => "links to other procedures; ulo's tender has no field for this",
            _ => NO_FIELD,
        };
        skipped.add(n.at(&[k]), v, reason);
    }
}
