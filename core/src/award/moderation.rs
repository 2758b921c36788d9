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
    /// The formula with values put in.
    pub formula: String,
    /// The inputs.
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

fn mean(scores: &[i64]) -> Result<Exact, Overflow> {
    let sum: i128 = scores.iter().map(|s| i128::from(*s)).sum();
    Exact::ratio(sum, scores.len() as i128)
}

fn list(scores: &[i64]) -> String {
    scores
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The median: the middle score, or the mean of the two middle scores.
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

fn role_of(tender: &Tender, evaluator: &str) -> Role {
    tender
        .evaluator(evaluator)
        .map_or(Role::Officer, |e| e.role)
}

/// Moderates one criterion's scores.
pub fn moderate(
    method: &ModerationMethod,
    tender: &Tender,
    scores: &[PanelScore],
    consensus: Option<i64>,
) -> Result<Moderated, NotModerated> {
    let inputs: Vec<Input> = scores
        .iter()
        .map(|s| {
            let (name, role) = tender.evaluator(&s.evaluator).map_or_else(
                || (s.evaluator.clone(), Role::Officer),
                |e| (e.name.clone(), e.role),
            );
            Input {
                name: s.evaluator.clone(),
                label: format!("{name} ({})", role.describe()),
                value: s.score.to_string(),
            }
        })
        .collect();
    let all: Vec<i64> = scores.iter().map(|s| s.score).collect();
    match method {
        ModerationMethod::Consensus => match consensus {
            Some(c) => Ok(Moderated {
                value: Exact::int(i128::from(c)),
                formula: format!("{c}"),
                inputs: vec![Input {
                    name: "consensus".into(),
                    label: "consensus score agreed at moderation".into(),
                    value: c.to_string(),
                }],
            }),
            None => Err(NotModerated::Missing(
                "no consensus score has been recorded".into(),
            )),
        },
        ModerationMethod::Median => {
            if all.is_empty() {
                return Err(NotModerated::Missing("no evaluator has scored it".into()));
            }
            Ok(Moderated {
                value: median(&all)?,
                formula: format!("median({})", list(&all)),
                inputs,
            })
        }
        ModerationMethod::Mean {
            lived_experience_share: None,
        } => {
            if all.is_empty() {
                return Err(NotModerated::Missing("no evaluator has scored it".into()));
            }
            Ok(Moderated {
                value: mean(&all)?,
                formula: format!("mean({})", list(&all)),
                inputs,
            })
        }
        ModerationMethod::Mean {
            lived_experience_share: Some(share),
        } => {
            let (le, officers): (Vec<&PanelScore>, Vec<&PanelScore>) = scores
                .iter()
                .partition(|s| role_of(tender, &s.evaluator) == Role::LivedExperience);
            let le: Vec<i64> = le.iter().map(|s| s.score).collect();
            let off: Vec<i64> = officers.iter().map(|s| s.score).collect();
            if le.is_empty() || off.is_empty() {
                let who = if le.is_empty() {
                    "no lived-experience evaluator"
                } else {
                    "no officer"
                };
                return Err(NotModerated::Missing(format!(
                    "the protocol gives lived-experience evaluators {}% of the moderated score, but {who} has scored it",
                    share.to_exact_string()
                )));
            }
            let rest = Exact::HUNDRED.sub(*share)?;
            let value = share
                .mul(mean(&le)?)?
                .add(rest.mul(mean(&off)?)?)?
                .div(Exact::HUNDRED)?;
            Ok(Moderated {
                value,
                formula: format!(
                    "{}% × mean({}) + {}% × mean({})",
                    share.to_exact_string(),
                    list(&le),
                    rest.to_exact_string(),
                    list(&off)
                ),
                inputs,
            })
        }
    }
}

/// Highest minus lowest score, when two or more evaluators scored.
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
        assert_eq!(mean(&[3, 4, 4]).unwrap(), Exact::ratio(11, 3).unwrap());
    }
}
