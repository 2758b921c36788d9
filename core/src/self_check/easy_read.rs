//! The self-check in easy read: short sentences, one idea each, in the order a board would want
//! them (are we eligible, can we bid, what might we score, where to improve, what to ask).

use crate::eligibility::Verdict;
use crate::exact::Exact;
use crate::report::{
    EligibilityResult, Flag, FlagCode, GateRow, GateStatus, SelfCheckResult, SelfCheckRow,
    TestOutcome,
};

/// The self-check in easy read: short sentences, one idea each, in the order a board would want
/// them (are we eligible, can we bid, what might we score, where to improve, what to ask).
#[must_use]
pub fn easy_read(r: &SelfCheckResult) -> Vec<String> {
    let mut out = eligibility(&r.eligibility);
    out.extend(r.gates.iter().map(gate));
    // A range whose ends meet is one figure: "between 85.00 and 85.00" reads as an error.
    out.push(if r.projected.low == r.projected.high {
        format!(
            "Your score could be exactly {} out of {}.",
            r.projected.low, r.projected.available
        )
    } else {
        format!(
            "Your score could be between {} and {} out of {}.",
            r.projected.low, r.projected.high, r.projected.available
        )
    });
    out.extend(most_to_gain(&r.criteria));
    out.extend(r.flags.iter().filter_map(|f| flag(f, &r.criteria)));
    out.extend(findings(r.findings.len()));
    out
}

fn lower_first(t: &str) -> String {
    let mut c = t.chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Whether the bidder is user-led; if not, the rules it does not meet; if it cannot be told,
/// what to add.
fn eligibility(e: &EligibilityResult) -> Vec<String> {
    let tests = |outcome: TestOutcome| e.tests.iter().filter(move |t| t.outcome == outcome);
    match e.verdict {
        Verdict::Yes => {
            vec!["You are a user-led organisation under the rules for this tender.".to_string()]
        }
        Verdict::No => {
            let mut out = vec![
                "You are not a user-led organisation under the rules for this tender.".to_string(),
            ];
            out.extend(
                tests(TestOutcome::NotMet)
                    .map(|t| format!("You do not meet this rule: {}.", lower_first(&t.title))),
            );
            out
        }
        Verdict::NotEnoughInformation => {
            let mut out =
                vec!["We cannot tell yet if you are a user-led organisation.".to_string()];
            out.extend(
                tests(TestOutcome::Unknown)
                    .filter_map(|t| t.to_add.as_ref())
                    .map(|a| format!("Please {a}.")),
            );
            out
        }
    }
}

/// A gate as the bidder expects it.
fn gate(g: &GateRow) -> String {
    match g.outcome {
        GateStatus::Pass => format!("You expect to pass this check: {}.", lower_first(&g.title)),
        GateStatus::Fail => format!(
            "You expect to fail this check: {}. This would stop your bid.",
            lower_first(&g.title)
        ),
        GateStatus::Unsure | GateStatus::NotAssessed => {
            format!("Check this before you bid: {}.", lower_first(&g.title))
        }
    }
}

/// The two criteria with the most marks still to win (the rows come most first).
fn most_to_gain(criteria: &[SelfCheckRow]) -> impl Iterator<Item = String> + '_ {
    criteria
        .iter()
        .filter(|c| {
            c.to_gain
                .as_deref()
                .and_then(Exact::parse_decimal)
                .is_some_and(|g| g > Exact::ZERO)
        })
        .take(2)
        .map(|row| {
            format!(
                "You could win up to {} more marks on: {}.",
                row.to_gain.clone().unwrap_or_default(),
                lower_first(&row.title)
            )
        })
}

/// A flag in easy words, unless it is said already (eligibility and the gates come first) or
/// is never raised in a self-check.
fn flag(f: &Flag, criteria: &[SelfCheckRow]) -> Option<String> {
    match f.code {
        FlagCode::ThresholdFailed | FlagCode::ThresholdAtRisk => {
            let title = f
                .criterion
                .as_deref()
                .and_then(|c| criteria.iter().find(|x| x.criterion == c))
                .map_or_else(String::new, |x| lower_first(&x.title));
            Some(format!(
                "Your answer on {title} may score below the lowest score allowed. This could stop your bid."
            ))
        }
        FlagCode::OverCeiling => {
            Some("Your price is more than the council says it can pay.".to_string())
        }
        FlagCode::AbnormallyLow => {
            Some("Your price is very low. The council will ask you to explain it.".to_string())
        }
        FlagCode::ReservationNotMet => Some(
            "The contract is kept for one kind of organisation. Your answers say you are not one, so your bid would be stopped."
                .to_string(),
        ),
        FlagCode::ReservationUnknown => Some(
            "The contract is kept for one kind of organisation. Your answers do not yet show if you are one. Add what is missing."
                .to_string(),
        ),
        FlagCode::ReservationNotApplied => Some(
            "The tender says the contract is kept for some organisations. This check does not stop your bid because of that."
                .to_string(),
        ),
        FlagCode::GateFailed
        | FlagCode::GateUnsure
        | FlagCode::Ineligible
        | FlagCode::EligibilityUnknown
        | FlagCode::HighVariance
        | FlagCode::Incomplete
        | FlagCode::PartialPanel => None,
    }
}

/// The tender's barrier findings: none, or how many, and that the questions are written.
fn findings(count: usize) -> Vec<String> {
    match count {
        0 => vec![
            "We found no problems for user-led organisations in how this tender is set up."
                .to_string(),
        ],
        n => vec![
            format!(
                "We found {n} thing{} in how this tender is set up that can make it harder for user-led organisations.",
                if n == 1 { "" } else { "s" }
            ),
            "You can ask the council about them. We have written the questions for you."
                .to_string(),
        ],
    }
}
