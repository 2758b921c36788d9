//! The self-check in easy read: short sentences, one idea each, in the order a board would want
//! them (are we eligible, can we bid, what might we score, where to improve, what to ask).

use crate::eligibility::Verdict;
use crate::exact::{Exact, RoundingMode};
use crate::report::{
    EligibilityResult, Flag, FlagCode, GateRow, GateStatus, ModelProjection, SelfCheckResult,
    SelfCheckRow, TestOutcome, ThresholdOutcome,
};
use crate::tender::evaluation::ModelKind;

/// The simple picture beside an easy-read line, so that a reader sees at a glance what kind of
/// news it is before reading it (the app draws each as a symbol with a text alternative).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    /// Something that would stop the bid.
    Stop,
    /// Good news: a test met, a check expected to pass.
    Yes,
    /// A test not met.
    No,
    /// Something not yet known, or to check.
    Unsure,
    /// The marks the bid could score.
    Marks,
    /// Where more marks could be won.
    Gain,
    /// Something that could count against the bid, or that the council will ask about.
    Warning,
    /// The tender's design, and the questions written for the bidder.
    Question,
}

impl Picture {
    /// The picture in a word or two: its text alternative.
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Picture::Stop => "Stop",
            Picture::Yes => "Yes",
            Picture::No => "No",
            Picture::Unsure => "Not sure yet",
            Picture::Marks => "Marks",
            Picture::Gain => "More marks",
            Picture::Warning => "Take care",
            Picture::Question => "Questions",
        }
    }
}

/// The self-check in easy read: short sentences, one idea each, in the order a board would want
/// them: first anything that would stop the bid (said plainly, before any score, because a
/// score range means nothing for a bid that would be excluded), then are we eligible, can we
/// bid, what might we score (in whole marks), where to improve, what to ask.
#[must_use]
pub fn easy_read(r: &SelfCheckResult) -> Vec<String> {
    easy_read_pictured(r)
        .into_iter()
        .map(|(_, line)| line)
        .collect()
}

/// The easy read with the picture for each line.
#[must_use]
pub fn easy_read_pictured(r: &SelfCheckResult) -> Vec<(Picture, String)> {
    let stops = stops(r);
    let mut out: Vec<(Picture, String)> = stops
        .iter()
        .enumerate()
        .map(|(i, why)| {
            let lead = if i == 0 {
                "Your bid would be excluded"
            } else {
                "It would also be excluded"
            };
            (Picture::Stop, format!("{lead}: {why}"))
        })
        .collect();
    out.extend(eligibility(&r.eligibility));
    // A gate expected to fail is said first, among what stops the bid.
    out.extend(
        r.gates
            .iter()
            .filter(|g| g.outcome != GateStatus::Fail)
            .map(gate),
    );
    out.push((Picture::Marks, projection(r, !stops.is_empty())));
    out.extend(r.model.as_ref().map(lot_model));
    out.extend(most_to_gain(&r.criteria));
    out.extend(r.flags.iter().filter_map(|f| flag(f, &r.criteria)));
    out.extend(findings(r.findings.len()));
    out
}

/// How the lot's evaluation model decides, in short sentences (only when it is not the
/// weighted total).
fn lot_model(m: &ModelProjection) -> (Picture, String) {
    let threshold = || m.threshold.clone().unwrap_or_default();
    match m.model {
        ModelKind::PricePerQualityPoint => (
            Picture::Marks,
            match (&m.cost_per_quality_point_low, &m.cost_per_quality_point_high) {
                (Some(lo), Some(hi)) => format!(
                    "This lot is decided by the price for each quality point. Your price divided by your quality score is {lo} to {hi}. The lowest wins."
                ),
                _ => "This lot is decided by the price for each quality point. Your price is divided by your quality score. The lowest wins.".to_string(),
            },
        ),
        ModelKind::Sequential => match m.threshold_outcome {
            Some(ThresholdOutcome::Fails) => (
                Picture::Stop,
                format!("Quality is checked first. Your quality score would not reach {} out of 100, so your price would not be looked at.", threshold()),
            ),
            Some(ThresholdOutcome::AtRisk) => (
                Picture::Warning,
                format!("Quality is checked first. Your quality score could fall below {} out of 100. Then your price would not be looked at.", threshold()),
            ),
            _ => (
                Picture::Marks,
                "Quality is checked first. Then price decides among the bids that pass.".to_string(),
            ),
        },
        ModelKind::QualityOnly => {
            let price = m
                .fixed_price
                .as_deref()
                .and_then(Exact::parse_decimal)
                .map(crate::vocab::money)
                .unwrap_or_default();
            if m.at_fixed_price == Some(false) {
                (
                    Picture::Stop,
                    format!("Every bid must be at the same price, {price}. Your price is different, so your bid would be excluded."),
                )
            } else {
                (
                    Picture::Marks,
                    format!("Every bid is at the same price, {price}. Only quality decides."),
                )
            }
        }
        ModelKind::PriceOnly => (
            Picture::Marks,
            "Only price decides this lot. You do not need to give quality scores.".to_string(),
        ),
        ModelKind::Weighted => (Picture::Marks, String::new()),
    }
}

/// A figure in whole marks, and whether rounding changed it (then it is "about" so many).
fn whole(text: &str) -> (String, bool) {
    match Exact::parse_decimal(text).map(|x| (x, x.round(0, RoundingMode::HalfUp))) {
        Some((x, Ok(w))) => (w.to_fixed(0), w != x),
        _ => (text.to_string(), false),
    }
}

/// The marks still to win in whole marks, as the difference of the whole marks shown beside it
/// (so that "about 8 out of 30" goes with "about 22 more", never 23).
fn whole_gain(low: &str, available: &str) -> Option<String> {
    let round = |t: &str| Exact::parse_decimal(t)?.round(0, RoundingMode::HalfUp).ok();
    Some(round(available)?.sub(round(low)?).ok()?.to_fixed(0))
}

/// "about 67 to 86 marks out of 100", "85 marks out of 100".
fn marks_out_of(low: &str, high: &str, available: &str) -> String {
    let ((low, a), (high, b), (available, _)) = (whole(low), whole(high), whole(available));
    let about = if a || b { "about " } else { "" };
    if low == high {
        format!("{about}{low} marks out of {available}")
    } else {
        format!("{about}{low} to {high} marks out of {available}")
    }
}

/// The projected total in whole marks; for a bid that would be excluded, what it would score
/// if it were not.
fn projection(r: &SelfCheckResult, excluded: bool) -> String {
    let p = &r.projected;
    let marks = marks_out_of(&p.low, &p.high, &p.available);
    if excluded {
        format!("If it were not excluded, your score would be {marks}.")
    } else {
        format!("Your score would be {marks}.")
    }
}

/// Why the bid would be excluded, one reason a line, in the order of the result: gates expected
/// to fail, then each flag that excludes (a disqualifying minimum score not reached, a price
/// over a ceiling that excludes, a reservation not met, not user-led on a contract reserved
/// for user-led organisations).
fn stops(r: &SelfCheckResult) -> Vec<String> {
    let mut out: Vec<String> = r
        .gates
        .iter()
        .filter(|g| g.outcome == GateStatus::Fail)
        .map(|g| format!("you expect to fail this check: {}.", lower_first(&g.title)))
        .collect();
    out.extend(r.flags.iter().filter(|f| f.excludes).filter_map(|f| match f.code {
        FlagCode::ThresholdFailed => Some(
            criterion(f, &r.criteria)
                .and_then(|row| Some((row, row.threshold.as_ref()?.minimum)))
                .map_or_else(
                    || lower_first(&f.message),
                    |(row, minimum)| {
                        format!(
                            "you expect a score below {minimum} on {}. {minimum} is the lowest score allowed.",
                            lower_first(&row.title)
                        )
                    },
                ),
        ),
        FlagCode::OverCeiling => {
            Some("your price is more than the council says it can pay.".to_string())
        }
        FlagCode::RateOverCeiling => Some(
            "one of your rates is more than the council says it will pay for it.".to_string(),
        ),
        FlagCode::ReservationNotMet => Some(
            "the contract is kept for one kind of organisation. Your answers say you are not one."
                .to_string(),
        ),
        FlagCode::Ineligible => Some(
            "the contract is kept for user-led organisations. Your answers say you are not one."
                .to_string(),
        ),
        // Said above from the gates themselves; the others never exclude.
        _ => None,
    }));
    out
}

fn criterion<'a>(f: &Flag, criteria: &'a [SelfCheckRow]) -> Option<&'a SelfCheckRow> {
    f.criterion
        .as_deref()
        .and_then(|c| criteria.iter().find(|x| x.criterion == c))
}

fn lower_first(t: &str) -> String {
    let mut c = t.chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Whether the bidder is user-led; if not, the rules it does not meet; if it cannot be told,
/// what to add.
fn eligibility(e: &EligibilityResult) -> Vec<(Picture, String)> {
    let tests = |outcome: TestOutcome| e.tests.iter().filter(move |t| t.outcome == outcome);
    match e.verdict {
        Verdict::Yes => vec![(
            Picture::Yes,
            "You are a user-led organisation under the rules for this tender.".to_string(),
        )],
        Verdict::No => {
            let mut out = vec![(
                Picture::No,
                "You are not a user-led organisation under the rules for this tender.".to_string(),
            )];
            out.extend(tests(TestOutcome::NotMet).map(|t| {
                (
                    Picture::No,
                    format!("You do not meet this rule: {}.", lower_first(&t.title)),
                )
            }));
            out
        }
        Verdict::NotEnoughInformation => {
            let mut out = vec![(
                Picture::Unsure,
                "We cannot tell yet if you are a user-led organisation.".to_string(),
            )];
            out.extend(
                tests(TestOutcome::Unknown)
                    .filter_map(|t| t.to_add.as_ref())
                    .map(|a| (Picture::Unsure, format!("Please {a}."))),
            );
            out
        }
    }
}

/// A gate as the bidder expects it (one expected to fail is said first, among what stops the
/// bid).
fn gate(g: &GateRow) -> (Picture, String) {
    match g.outcome {
        GateStatus::Pass => (
            Picture::Yes,
            format!("You expect to pass this check: {}.", lower_first(&g.title)),
        ),
        GateStatus::Fail => (
            Picture::Stop,
            format!(
                "You expect to fail this check: {}. This would stop your bid.",
                lower_first(&g.title)
            ),
        ),
        GateStatus::Unsure | GateStatus::NotAssessed => (
            Picture::Unsure,
            format!("Check this before you bid: {}.", lower_first(&g.title)),
        ),
    }
}

/// The two criteria with the most marks still to win (the rows come most first), in whole
/// marks: what the bidder expects out of what is available, and how many more it could win.
fn most_to_gain(criteria: &[SelfCheckRow]) -> impl Iterator<Item = (Picture, String)> + '_ {
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
            let title = lower_first(&row.title);
            let line = if let (Some(low), Some(high)) = (&row.expected_low, &row.expected_high) {
                format!(
                    "On {title} you expect {}. You could win about {} more.",
                    marks_out_of(low, high, &row.available),
                    whole_gain(low, &row.available)
                        .unwrap_or_else(|| row.to_gain.clone().unwrap_or_default())
                )
            } else {
                let (gain, about) = whole(row.to_gain.as_deref().unwrap_or_default());
                let about = if about { "about " } else { "" };
                format!(
                    "On {title} you could win up to {about}{gain} marks. Say what score you expect."
                )
            };
            (Picture::Gain, line)
        })
}

/// A flag in easy words, unless it is said already (what stops the bid, eligibility and the
/// gates come first) or is never raised in a self-check. "Could" only for what could happen:
/// a minimum score the bidder expects to reach at best, but not at worst.
fn flag(f: &Flag, criteria: &[SelfCheckRow]) -> Option<(Picture, String)> {
    if f.excludes {
        return None;
    }
    let line = match f.code {
        FlagCode::ThresholdFailed | FlagCode::ThresholdAtRisk => {
            let row = criterion(f, criteria);
            let title = row.map_or_else(String::new, |x| lower_first(&x.title));
            let threshold = row.and_then(|x| x.threshold.as_ref());
            let minimum = threshold.map_or_else(String::new, |t| format!(" ({})", t.minimum));
            let disqualifies = threshold.is_some_and(|t| t.disqualifies);
            match (f.code, disqualifies) {
                (FlagCode::ThresholdAtRisk, true) => format!(
                    "Your answer on {title} could score below the lowest score allowed{minimum}. This could stop your bid."
                ),
                (FlagCode::ThresholdAtRisk, false) => format!(
                    "Your answer on {title} could score below the lowest score wanted{minimum}. This could count against your bid."
                ),
                _ => format!(
                    "Your answer on {title} would score below the lowest score wanted{minimum}. This would count against your bid."
                ),
            }
        }
        FlagCode::OverCeiling => "Your price is more than the council says it can pay.".to_string(),
        FlagCode::AbnormallyLow => {
            "Your price is very low. The council will ask you to explain it.".to_string()
        }
        FlagCode::RateAbnormallyLow => {
            "One of your rates is very low. The council will ask you to explain it.".to_string()
        }
        FlagCode::RateOverCeiling => {
            "One of your rates is more than the council says it will pay for it.".to_string()
        }
        FlagCode::ReservationUnknown => {
            "The contract is kept for one kind of organisation. Your answers do not yet show if you are one. Add what is missing."
                .to_string()
        }
        FlagCode::ReservationNotApplied => {
            "The tender says the contract is kept for some organisations. This check does not stop your bid because of that."
                .to_string()
        }
        FlagCode::ReservationNotMet
        | FlagCode::GateFailed
        | FlagCode::GateUnsure
        | FlagCode::Ineligible
        | FlagCode::EligibilityUnknown
        | FlagCode::HighVariance
        | FlagCode::Incomplete
        | FlagCode::PartialPanel
        // Always excludes, so it never reaches here.
        | FlagCode::ModelExcluded => return None,
    };
    Some((Picture::Warning, line))
}

/// The tender's barrier findings: none, or how many, and that the questions are written.
fn findings(count: usize) -> Vec<(Picture, String)> {
    match count {
        0 => vec![(
            Picture::Yes,
            "We found no problems for user-led organisations in how this tender is set up."
                .to_string(),
        )],
        n => vec![
            (
                Picture::Question,
                format!(
                    "We found {n} thing{} in how this tender is set up that can make it harder for user-led organisations.",
                    if n == 1 { "" } else { "s" }
                ),
            ),
            (
                Picture::Question,
                "You can ask the council about them. We have written the questions for you."
                    .to_string(),
            ),
        ],
    }
}
