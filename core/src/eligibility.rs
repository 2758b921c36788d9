//! Is this bidder a user-led organisation under the protocol's definition?
//!
//! Every test of the definition is applied to the organisation profile and gives `met`, `not
//! met`, `unknown` or `not applicable`, with the figures. A share of paid staff (or of
//! volunteers) is not applicable to an organisation that says it has none: many user-led
//! organisations are run by volunteers (Office for Disability Issues' DPULO programme counts
//! staff and volunteers apart), and a test that can never be answered must not leave them at
//! "not enough information" for ever.
//!
//! The verdict looks only at the *required* tests that apply: `yes` when every one is met, `no`
//! when any is not met, and otherwise `not enough information`, naming what to add. A test the
//! protocol marks `optional` is shown with its outcome but decides nothing (a protocol may
//! report a staff share without making it a condition). The engine never guesses a missing
//! board composition.

use crate::bids::Organisation;
use crate::exact::Exact;
use crate::explain::{self, percent};
use crate::protocol::{Declaration, EligibilityRule, Protocol, ShareOp};
use crate::report::{EligibilityResult, EligibilityRow, TestOutcome};

/// The verdict, which results hold as it is: defined with them in [`crate::report`].
pub use crate::report::Verdict;

/// A test's outcome with its reason (and, when unknown, what to add). The words are written
/// only when explaining; [`verdict`] needs the outcome alone.
enum Outcome {
    Met(String),
    NotMet(String),
    Unknown(String, String),
    NotApplicable(String),
}

/// Writes a reason when explaining, and nothing otherwise.
struct Words {
    explain: bool,
}

impl Words {
    fn say(&self, text: impl FnOnce() -> String) -> String {
        if self.explain {
            text()
        } else {
            String::new()
        }
    }
}

fn share(op: ShareOp, part: i64, whole: i64, limit: Exact, what: &str, w: &Words) -> Outcome {
    let Ok(actual) = Exact::int(i128::from(part))
        .mul(Exact::HUNDRED)
        .and_then(|v| v.div(Exact::int(i128::from(whole))))
    else {
        return Outcome::Unknown(
            w.say(|| format!("the share of {what} cannot be worked out from {part} of {whole}")),
            w.say(|| format!("check the number of {what}")),
        );
    };
    let ok = match op {
        ShareOp::AtLeast => actual >= limit,
        ShareOp::MoreThan => actual > limit,
    };
    let need = match op {
        ShareOp::AtLeast => "at least",
        ShareOp::MoreThan => "more than",
    };
    let text = w.say(|| {
        format!(
            "{part} of {whole} {what} is {}; the protocol needs {need} {}",
            percent(actual),
            percent(limit)
        )
    });
    if ok {
        Outcome::Met(text)
    } else {
        Outcome::NotMet(text)
    }
}

fn apply(rule: &EligibilityRule, org: &Organisation, w: &Words) -> Outcome {
    match rule {
        EligibilityRule::BoardShare { op, percent } => match org.board {
            Some(b) => share(
                *op,
                b.disabled_or_service_users,
                b.voting_members,
                *percent,
                "voting board members who are disabled people or use support services",
                w,
            ),
            None => Outcome::Unknown(
                w.say(|| "the board's make-up is not given".into()),
                w.say(|| "add the number of voting board members, and how many of them are disabled people or people who use support services".into()),
            ),
        },
        EligibilityRule::StaffShare { .. } if org.staff.is_some_and(|s| s.total == 0) => {
            Outcome::NotApplicable(w.say(|| {
                "the organisation has no paid staff, so a share of staff does not apply".into()
            }))
        }
        EligibilityRule::StaffShare { op, percent } => match org.staff {
            Some(s) => share(*op, s.disabled, s.total, *percent, "staff who are disabled people", w),
            None => Outcome::Unknown(
                w.say(|| "the staff's make-up is not given".into()),
                w.say(|| "add the number of paid staff, and how many of them are disabled people".into()),
            ),
        },
        EligibilityRule::VolunteerShare { .. } if org.volunteers.is_some_and(|v| v.total == 0) => {
            Outcome::NotApplicable(w.say(|| {
                "the organisation has no volunteers, so a share of volunteers does not apply".into()
            }))
        }
        EligibilityRule::VolunteerShare { op, percent } => match org.volunteers {
            Some(v) => share(*op, v.disabled, v.total, *percent, "volunteers who are disabled people", w),
            None => Outcome::Unknown(
                w.say(|| "the volunteers' make-up is not given".into()),
                w.say(|| "add the number of volunteers (0 if there are none), and how many of them are disabled people".into()),
            ),
        },
        EligibilityRule::Declaration(d) => {
            let (value, says, add) = match d {
                Declaration::AccountableToMembers => (
                    org.accountable_to_members,
                    "is accountable to its members or the people who use its services",
                    "say whether the organisation is accountable to its members or to the people who use its services",
                ),
                Declaration::SocialModelCommitment => (
                    org.social_model_commitment,
                    "is committed to the social model of disability",
                    "say whether the organisation is committed to the social model of disability",
                ),
            };
            match value {
                Some(true) => Outcome::Met(w.say(|| format!("the organisation says it {says}"))),
                Some(false) => Outcome::NotMet(w.say(|| format!("the organisation has not declared that it {says}"))),
                None => Outcome::Unknown(w.say(|| format!("it is not stated whether the organisation {says}")), w.say(|| add.into())),
            }
        }
        EligibilityRule::LegalForm(allowed) => {
            let accepted = || allowed.iter().map(|a| a.describe()).collect::<Vec<_>>().join(", ");
            match org.legal_form {
                Some(f) if allowed.contains(&f) => Outcome::Met(
                    w.say(|| format!("the organisation is {}, a qualifying form", f.describe())),
                ),
                Some(f) => Outcome::NotMet(w.say(|| {
                    format!(
                        "the organisation is {}; the protocol accepts {}",
                        f.describe(),
                        accepted()
                    )
                })),
                None => Outcome::Unknown(
                    w.say(|| "the organisation's legal form is not given".into()),
                    w.say(|| format!("add the legal form (the protocol accepts {})", accepted())),
                ),
            }
        }
    }
}

/// The verdict alone, for ranking without explanations: the same tests as [`assess`], which
/// also writes each test's reasons.
pub fn verdict(protocol: &Protocol, org: &Organisation) -> Verdict {
    let (mut any_no, mut any_unknown) = (false, false);
    let w = Words { explain: false };
    for t in protocol
        .doc()
        .eligibility
        .tests
        .iter()
        .filter(|t| !t.optional)
    {
        match apply(&t.rule, org, &w) {
            Outcome::Met(_) | Outcome::NotApplicable(_) => {}
            Outcome::NotMet(_) => any_no = true,
            Outcome::Unknown(..) => any_unknown = true,
        }
    }
    decide(any_no, any_unknown)
}

fn decide(any_no: bool, any_unknown: bool) -> Verdict {
    if any_no {
        Verdict::No
    } else if any_unknown {
        Verdict::NotEnoughInformation
    } else {
        Verdict::Yes
    }
}

/// Applies the protocol's definition to an organisation.
pub fn assess(protocol: &Protocol, org: &Organisation) -> (Verdict, EligibilityResult) {
    let def = &protocol.doc().eligibility;
    let mut rows = Vec::new();
    let (mut any_no, mut any_unknown) = (false, false);
    for t in &def.tests {
        let (outcome, reason, to_add) = match apply(&t.rule, org, &Words { explain: true }) {
            Outcome::Met(r) => (TestOutcome::Met, r, None),
            Outcome::NotMet(r) => {
                any_no |= !t.optional;
                (TestOutcome::NotMet, r, None)
            }
            Outcome::Unknown(r, add) => {
                any_unknown |= !t.optional;
                (TestOutcome::Unknown, r, Some(add))
            }
            Outcome::NotApplicable(r) => (TestOutcome::NotApplicable, r, None),
        };
        rows.push(EligibilityRow {
            test: t.id.clone(),
            title: t.title.clone(),
            outcome,
            optional: t.optional,
            reason,
            to_add,
            cites: explain::cites(protocol.sources(), &t.cites),
        });
    }
    let verdict = decide(any_no, any_unknown);
    let name = &org.name;
    // Test titles are headings ("At least 75% of ..."); inside a sentence they start lower case.
    let lower_first = |t: &str| {
        let mut c = t.chars();
        c.next()
            .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    // What a verdict set aside: tests that do not apply, and optional tests not met or not
    // known. Said only when there is any, so a definition with neither reads as it always did.
    let titles = |keep: &dyn Fn(&EligibilityRow) -> bool| -> Vec<String> {
        rows.iter()
            .filter(|r| keep(r))
            .map(|r| lower_first(&r.title))
            .collect()
    };
    let not_applicable = titles(&|r| r.outcome == TestOutcome::NotApplicable);
    let optional_open =
        titles(&|r| r.optional && matches!(r.outcome, TestOutcome::NotMet | TestOutcome::Unknown));
    let mut aside = String::new();
    if !not_applicable.is_empty() {
        aside.push_str(&format!(
            " Not applicable to this organisation: {}.",
            not_applicable.join("; ")
        ));
    }
    if !optional_open.is_empty() {
        aside.push_str(&format!(
            " Optional, so not deciding the verdict: {}.",
            optional_open.join("; ")
        ));
    }
    let reason = match verdict {
        Verdict::Yes if aside.is_empty() => {
            format!("{name} is a user-led organisation under this protocol: it meets every test.")
        }
        Verdict::Yes => format!(
            "{name} is a user-led organisation under this protocol: it meets every required test that applies.{aside}"
        ),
        Verdict::No => {
            let failed: Vec<String> = rows
                .iter()
                .filter(|r| r.outcome == TestOutcome::NotMet && !r.optional)
                .map(|r| lower_first(&r.title))
                .collect();
            format!(
                "{name} is not a user-led organisation under this protocol: it does not meet {}.{aside}",
                failed.join("; ")
            )
        }
        Verdict::NotEnoughInformation => {
            let missing: Vec<String> = rows
                .iter()
                .filter(|r| r.outcome == TestOutcome::Unknown && !r.optional)
                .map(|r| lower_first(&r.title))
                .collect();
            format!(
                "Not enough information to say whether {name} is a user-led organisation: {} cannot be checked.{aside}",
                missing.join("; ")
            )
        }
    };
    (
        verdict,
        EligibilityResult {
            verdict,
            reason,
            tests: rows,
        },
    )
}
