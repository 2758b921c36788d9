//! Moderation: from each evaluator's score to one moderated score per criterion.
//!
//! The protocol chooses the method: a moderator's consensus score (with reasons), the mean
//! (optionally giving lived-experience evaluators a fixed share of the result however few they
//! are), or the median. Every method is exact: a mean of 3, 4 and 4 is 11/3, not 3.6666667.

use crate::bids::PanelScore;
use crate::exact::{Exact, Overflow};
use crate::explain::Input;
use crate::protocol::ModerationMethod;
use crate::tender::{Role, Tender};

/// A moderated score and how it was reached.
pub struct Moderated {
    /// The score, exactly.
    pub value: Exact,
    /// The formula with values put in (empty when not explaining).
    pub formula: String,
    /// The inputs (empty when not explaining).
    pub inputs: Vec<Input>,
}

/// Why a criterion could not be moderated.
pub enum NotModerated {
    /// Scores or a consensus are missing; the text says what.
    Missing(String),
    /// A figure overflowed.
    Overflow,
}

impl From<Overflow> for NotModerated {
    fn from(_: Overflow) -> Self {
        NotModerated::Overflow
    }
}

/// The sum and count of some scores, without collecting them.
fn sum<'s>(scores: impl Iterator<Item = &'s PanelScore>) -> (i128, usize) {
    scores.fold((0, 0), |(t, n), s| (t + i128::from(s.score), n + 1))
}

/// The mean of `count` scores adding up to `sum`.
fn mean(sum: i128, count: usize) -> Result<Exact, Overflow> {
    Exact::ratio(sum, count as i128)
}

fn list<'s>(scores: impl Iterator<Item = &'s PanelScore>) -> String {
    scores
        .map(|s| s.score.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The median: the middle score, or the mean of the two middle scores.
///
/// # Errors
///
/// The mean of the two middle scores is too large for exact arithmetic.
pub fn median(scores: &[i64]) -> Result<Exact, Overflow> {
    let mut s = scores.to_vec();
    s.sort_unstable();
    let n = s.len();
    if n % 2 == 1 {
        Ok(Exact::int(i128::from(s[n / 2])))
    } else {
        Exact::ratio(i128::from(s[n / 2 - 1]) + i128::from(s[n / 2]), 2)
    }
}

/// One member of a tender's panel as moderation sees them.
pub struct Member<'t> {
    /// Evaluator id.
    pub id: &'t str,
    /// Name.
    pub name: &'t str,
    /// Role.
    pub role: Role,
    /// How the member's score is labelled in an explanation: `Name (role)`.
    pub label: String,
}

/// The tender's panel, looked up once per scoring run rather than for every score of every bid.
pub struct Panel<'t> {
    members: Vec<Member<'t>>,
}

impl<'t> Panel<'t> {
    /// The panel of a tender; labels are written only when `explain` is set.
    #[must_use]
    pub fn new(tender: &'t Tender, explain: bool) -> Panel<'t> {
        let members = tender
            .doc()
            .panel
            .iter()
            .flatten()
            .map(|e| Member {
                id: &e.id,
                name: &e.name,
                role: e.role,
                label: if explain {
                    format!("{} ({})", e.name, e.role.describe())
                } else {
                    String::new()
                },
            })
            .collect();
        Panel { members }
    }

    /// A member by evaluator id.
    #[must_use]
    pub fn member(&self, id: &str) -> Option<&Member<'t>> {
        self.members.iter().find(|m| m.id == id)
    }

    /// Every member, in the tender's order.
    #[must_use]
    pub fn members(&self) -> &[Member<'t>] {
        &self.members
    }

    /// An evaluator's role; a score from outside the panel (which reading refuses) would count
    /// as an officer's.
    fn role(&self, id: &str) -> Role {
        self.member(id).map_or(Role::Officer, |m| m.role)
    }
}

/// Moderates one criterion's scores. The formula and inputs that explain the figure are written
/// only when `explain` is set; the figure is the same either way.
///
/// # Errors
///
/// Scores or a consensus the method needs are missing (the text says what), or a figure is too
/// large for exact arithmetic.
pub fn moderate(
    method: &ModerationMethod,
    panel: &Panel,
    scores: &[PanelScore],
    consensus: Option<i64>,
    explain: bool,
) -> Result<Moderated, NotModerated> {
    let inputs = || -> Vec<Input> {
        scores
            .iter()
            .map(|s| Input {
                name: s.evaluator.clone(),
                label: panel.member(&s.evaluator).map_or_else(
                    || format!("{} ({})", s.evaluator, Role::Officer.describe()),
                    |m| m.label.clone(),
                ),
                value: s.score.to_string(),
            })
            .collect()
    };
    let text = |f: &dyn Fn() -> String| if explain { f() } else { String::new() };
    match method {
        ModerationMethod::Consensus => match consensus {
            Some(c) => Ok(Moderated {
                value: Exact::int(i128::from(c)),
                formula: text(&|| format!("{c}")),
                inputs: if explain {
                    vec![Input {
                        name: "consensus".into(),
                        label: "consensus score agreed at moderation".into(),
                        value: c.to_string(),
                    }]
                } else {
                    Vec::new()
                },
            }),
            None => Err(NotModerated::Missing(
                "no consensus score has been recorded".into(),
            )),
        },
        ModerationMethod::Median => {
            if scores.is_empty() {
                return Err(NotModerated::Missing("no evaluator has scored it".into()));
            }
            let all: Vec<i64> = scores.iter().map(|s| s.score).collect();
            Ok(Moderated {
                value: median(&all)?,
                formula: text(&|| format!("median({})", list(scores.iter()))),
                inputs: if explain { inputs() } else { Vec::new() },
            })
        }
        ModerationMethod::Mean {
            lived_experience_share: None,
        } => {
            if scores.is_empty() {
                return Err(NotModerated::Missing("no evaluator has scored it".into()));
            }
            let (total, count) = sum(scores.iter());
            Ok(Moderated {
                value: mean(total, count)?,
                formula: text(&|| format!("mean({})", list(scores.iter()))),
                inputs: if explain { inputs() } else { Vec::new() },
            })
        }
        ModerationMethod::Mean {
            lived_experience_share: Some(share),
        } => {
            let (value, formula) = weighted_mean(panel, scores, *share, explain)?;
            Ok(Moderated {
                value,
                formula,
                inputs: if explain { inputs() } else { Vec::new() },
            })
        }
    }
}

/// The mean that gives lived-experience evaluators `share` percent of the result however few
/// they are, with its formula when explaining. Both kinds of evaluator must have scored, or the
/// share cannot be honoured.
fn weighted_mean(
    panel: &Panel,
    scores: &[PanelScore],
    share: Exact,
    explain: bool,
) -> Result<(Exact, String), NotModerated> {
    let lived = |s: &&PanelScore| panel.role(&s.evaluator) == Role::LivedExperience;
    // One pass, one role lookup per score.
    let (mut le_total, mut le_count, mut off_total, mut off_count) = (0, 0, 0, 0);
    for s in scores {
        if lived(&s) {
            (le_total, le_count) = (le_total + i128::from(s.score), le_count + 1);
        } else {
            (off_total, off_count) = (off_total + i128::from(s.score), off_count + 1);
        }
    }
    if le_count == 0 || off_count == 0 {
        let who = if le_count == 0 {
            "no lived-experience evaluator"
        } else {
            "no officer"
        };
        return Err(NotModerated::Missing(format!(
            "the protocol gives lived-experience evaluators {}% of the moderated score, but {who} has scored it",
            share.to_exact_string()
        )));
    }
    let rest = Exact::HUNDRED.sub(share)?;
    let value = share
        .mul(mean(le_total, le_count)?)?
        .add(rest.mul(mean(off_total, off_count)?)?)?
        .div(Exact::HUNDRED)?;
    let formula = if explain {
        format!(
            "{}% × mean({}) + {}% × mean({})",
            share.to_exact_string(),
            list(scores.iter().filter(lived)),
            rest.to_exact_string(),
            list(scores.iter().filter(|s| !lived(s)))
        )
    } else {
        String::new()
    };
    Ok((value, formula))
}

/// Highest minus lowest score, when two or more evaluators scored.
#[must_use]
pub fn spread(scores: &[PanelScore]) -> Option<i64> {
    if scores.len() < 2 {
        return None;
    }
    let max = scores.iter().map(|s| s.score).max()?;
    let min = scores.iter().map(|s| s.score).min()?;
    Some(max - min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_even_count_is_mean_of_middle_pair() {
        assert_eq!(median(&[1, 4, 3, 2]).unwrap(), Exact::ratio(5, 2).unwrap());
        assert_eq!(median(&[5, 1, 3]).unwrap(), Exact::int(3));
    }

    #[test]
    fn mean_is_exact() {
        assert_eq!(mean(11, 3).unwrap(), Exact::ratio(11, 3).unwrap());
    }
}
