//! The app's only door to the rules. `ulo_core` is named nowhere else in the app (the test
//! `web/tests/engine_door.rs` holds this), so that everything the core is asked is in one
//! place, and a change to the core's API is met here rather than across the screens.
//!
//! - **The core's operations are functions here**: reading and checking documents, scoring,
//!   assessing a self-check, explaining a figure, exporting, sweeping a weight. Nothing else in
//!   the app computes, rounds or ranks.
//! - **The core's types that the app shows are re-exported here**: results, problems, the
//!   protocol as data. Screens read them (fields, variants, and the words and look-ups the
//!   types give: `word`, `describe`, `message`, `help`, `to_exact_string`, `Protocol::doc`,
//!   `tree`, `criterion`, `scale`); they never make a figure from them.

mod assessment;
mod award;
mod bids_csv;
mod chart;
mod figures;
mod import;
mod model;

pub use assessment::Assessment;
pub use award::{lot_choices, LotChoices};
pub use bids_csv::{bids_csv, pasted_to_csv, TEMPLATE as BIDS_TEMPLATE};
pub use chart::stacked_bar;
pub use figures::{bid_figures, lot_model, self_check_figures};
pub use import::{import, ocds_tender, tender_file};
pub use model::{ExcludedBid, Model};

pub use ulo_core::choice::Choice;
pub use ulo_core::explain::{CiteRef, Trace};
pub use ulo_core::ocds::Import;
pub use ulo_core::protocol::{
    Applies, CriterionBody, EligibilityRule, Holding, LegalForm, Method, ModerationMethod,
    PriceFormula, Scale, ShareOp,
};
pub use ulo_core::regime::{AuthorityType, Decided, Decision, Nation, Regime, Step as RegimeStep};
pub use ulo_core::report::{
    AppliesUnder, BidResult, BidStatus, CheckStatus, EligibilityResult, Finding, FindingStatus,
    FlagCode, GateStatus, LotResult, ScoreResult, SelfCheckResult, TestOutcome, ThresholdOutcome,
    ThresholdStatus, Verdict,
};
pub use ulo_core::self_check::{easy_read_pictured, Picture};
pub use ulo_core::tender::{AuditedAccounts, ReservationBasis};
pub use ulo_core::vocab::{Cite, Scope, Severity, Standing};
pub use ulo_core::what_if::Sweep;
pub use ulo_core::{Document, Problem, ProblemKind, Problems, Protocol, TenderCheck};

use serde_json::Value;
use std::collections::BTreeMap;
use ulo_core::vocab::Source;
use ulo_core::{shipped, Exact};

/// The worked example's tender.
pub fn example_tender() -> Value {
    serde_json::from_str(shipped::EXAMPLE_TENDER).unwrap_or(Value::Null)
}

/// The worked example's bids.
pub fn example_bids() -> Value {
    serde_json::from_str(shipped::EXAMPLE_BIDS).unwrap_or(Value::Null)
}

/// The eligibility verdict for an organisation profile, as it stands in a form.
pub fn eligibility(
    protocol: &Protocol,
    organisation: &Value,
) -> Result<EligibilityResult, Problems> {
    let org = ulo_core::bids::read_organisation_value(organisation, Document::Bids)?;
    Ok(ulo_core::eligibility::assess(protocol, &org).1)
}

/// The what-if sweep of one weight against a partner, over the documents the results were
/// scored from (`Model::scored`: any lot or bid set aside is left out here too).
pub fn sweep(
    protocol: &Protocol,
    docs: &(Value, Value),
    criterion: &str,
    partner: &str,
) -> Result<Sweep, Problems> {
    let half = Exact::ratio(1, 2).map_err(|_| Problems(Vec::new()))?;
    protocol.sweep(&docs.0, &docs.1, criterion, partner, half)
}

/// The result as CSV.
pub fn csv(result: &ScoreResult) -> String {
    ulo_core::export::csv(result)
}

/// The result as CSV with one row per bid (price, total, rank, marks per criterion and evaluator,
/// flags in words): the form a commissioner pastes into an evaluation report.
pub fn csv_wide(result: &ScoreResult) -> String {
    ulo_core::export::csv_wide(result)
}

/// The plain-English sentence for a trace.
pub fn explain(trace: &Trace) -> String {
    ulo_core::explain::render(trace)
}

/// Citations resolved against a protocol's sources (`Protocol::sources`): each cited clause
/// with its source's title and address.
pub fn cites(sources: &BTreeMap<String, Source>, cites: &[Cite]) -> Vec<CiteRef> {
    ulo_core::explain::cites(sources, cites)
}

/// The criteria the panel scores, in tree order: (id, title, question, scale). What the scoring
/// forms ask about; read from the protocol, never worked out.
pub fn panel_criteria(p: &Protocol) -> Vec<(String, String, Option<String>, Scale)> {
    p.tree()
        .iter()
        .filter_map(|n| {
            let c = p.criterion(&n.id)?;
            match &c.body {
                CriterionBody::Leaf(Method::Panel { scale, .. }) => Some((
                    c.id.clone(),
                    c.title.clone(),
                    c.description.clone(),
                    p.scale(scale)?.clone(),
                )),
                _ => None,
            }
        })
        .collect()
}

/// A tender's lots as (id, label) for a drop-down list.
pub fn lot_options(tender: &Value) -> Vec<(String, String)> {
    tender
        .get("lots")
        .and_then(Value::as_array)
        .map(|ls| {
            ls.iter()
                .filter_map(|l| {
                    let id = l.get("id")?.as_str()?;
                    let title = l.get("title").and_then(Value::as_str).unwrap_or("");
                    Some((id.to_string(), format!("{title} ({id})")))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// An amount as typed by a person ("185,000", "£185,000.50") as the file format writes it
/// ("185000.50"), read by the core's amount reader; `None` when it is not one (then the text is
/// kept as typed, for the core to say what is wrong when it reads the document).
pub fn amount(text: &str) -> Option<String> {
    ulo_core::vocab::read_amount(text).ok()
}

/// An amount in pounds for people, from the text the documents and results hold: "352000"
/// becomes "£352,000.00". Text that is not an amount is shown as it is.
pub fn pounds(text: &str) -> String {
    let Some(v) = Exact::parse_decimal(text.trim()) else {
        return text.to_string();
    };
    let fixed = v
        .round(2, ulo_core::exact::RoundingMode::HalfUp)
        .unwrap_or(v)
        .to_fixed(2);
    let (sign, digits) = match fixed.strip_prefix('-') {
        Some(t) => ("-", t),
        None => ("", fixed.as_str()),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, "00"));
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}£{grouped}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::{amount, pounds};

    #[test]
    fn amounts_are_read_as_people_type_them_and_shown_in_pounds() {
        assert_eq!(amount("£185,000").as_deref(), Some("185000"));
        assert_eq!(amount("185,000.50").as_deref(), Some("185000.50"));
        assert_eq!(amount("18,50"), None);
        assert_eq!(amount("-5"), None);
        assert_eq!(pounds("185000"), "£185,000.00");
        assert_eq!(pounds("398000.00"), "£398,000.00");
        assert_eq!(pounds("999.5"), "£999.50");
        assert_eq!(pounds("abc"), "abc");
    }
}
