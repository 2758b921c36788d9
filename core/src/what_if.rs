//! What-if: move one tunable weight (and its partner the other way, so the group still makes
//! 100) across the range the protocol allows, re-score at each step, and find the weights at
//! which a lot's ranking would change.
//!
//! A commissioner can then see how robust a ranking is: "the order holds from 20% to 36% price;
//! at 36.5% Westbridge would overtake Riverside". Every ranking comes from [`Protocol::score`].
//!
//! Weights move in the protocol's own terms. Where they are shares of the whole award
//! (`"weights_as": "share_of_whole"`), moving a criterion up by a point moves its share of all
//! the marks up by exactly one point and its partner's down by one: their parent's weight and
//! every other criterion's share of the whole stay as they are. A group moved this way keeps
//! its criteria in their published proportions (each scaled by the group's new weight over its
//! published one), as the tender check resolves any group re-weighted without naming its
//! criteria; a tender that already names the criteria of a group being swept cannot keep them
//! adding up to the group's moving weight, and the sweep reports the tender's problem.

use crate::error::{Document, Problem, ProblemKind, Problems};
use crate::exact::Exact;
use crate::protocol::{Protocol, Tunable};
use crate::report::ScoreResult;
use serde::Serialize;
use serde_json::Value;

/// The ranking of one lot at one weight: bid ids in rank order, with their ranks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LotOrder {
    /// Lot id.
    pub lot: String,
    /// (rank, bid id) in order.
    pub order: Vec<(u32, String)>,
}

/// One step of the sweep.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SweepPoint {
    /// The weight of the criterion moved.
    pub weight: String,
    /// The partner's weight.
    pub partner_weight: String,
    /// Every lot's ranking.
    pub lots: Vec<LotOrder>,
    /// Whether any lot's ranking differs from the ranking at the current weights.
    pub changed: bool,
}

/// The nearest weight, in one direction, at which a ranking changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The weight of the criterion moved.
    pub weight: String,
    /// The partner's weight.
    pub partner_weight: String,
    /// What changes, in words.
    pub text: String,
}

/// The sweep.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sweep {
    /// The criterion moved.
    pub criterion: String,
    /// The criterion moved the other way.
    pub partner: String,
    /// The criterion's weight now.
    pub current: String,
    /// Each step, lowest weight first.
    pub points: Vec<SweepPoint>,
    /// The nearest higher weight at which a ranking changes.
    pub change_above: Option<Change>,
    /// The nearest lower weight at which a ranking changes.
    pub change_below: Option<Change>,
}

/// A problem with the sweep asked for, located at the tender's weights.
fn problem(kind: ProblemKind) -> Problems {
    Problems(vec![Problem::new(Document::Tender, "/weights", kind)])
}

fn orders(r: &ScoreResult) -> Vec<LotOrder> {
    r.lots
        .iter()
        .map(|l| LotOrder {
            lot: l.lot.clone(),
            order: l
                .ranking
                .iter()
                .map(|row| (row.rank, row.bid.clone()))
                .collect(),
        })
        .collect()
}

fn describe_change(before: &[LotOrder], after: &[LotOrder], r: &ScoreResult) -> String {
    let name = |id: &str| {
        r.bids
            .iter()
            .find(|b| b.bid == id)
            .map_or(id.to_string(), |b| b.bidder.clone())
    };
    let mut parts = Vec::new();
    for (b, a) in before.iter().zip(after) {
        if b.order != a.order {
            let first_diff = b.order.iter().zip(&a.order).find(|(x, y)| x != y);
            match first_diff {
                Some((_, (rank, bid))) => parts.push(format!(
                    "in lot {}, {} would be ranked {rank}",
                    a.lot,
                    name(bid)
                )),
                None => parts.push(format!("the ranking of lot {} changes", a.lot)),
            }
        }
    }
    parts.join("; ")
}

/// The tunable ranges of two sibling criteria, once the sweep asked for is known to make sense:
/// both weights tunable, two different criteria in one group, and a step of more than 0 with at
/// most 2 decimal places.
fn ranges<'p>(
    protocol: &'p Protocol,
    criterion: &str,
    partner: &str,
    step: Exact,
) -> Result<(&'p Tunable, &'p Tunable), Problems> {
    let (Some(range), Some(partner_range)) =
        (protocol.tunable(criterion), protocol.tunable(partner))
    else {
        return Err(problem(ProblemKind::SweepNotTunable {
            criterion: criterion.to_string(),
            partner: partner.to_string(),
        }));
    };
    let parent = |id: &str| {
        protocol
            .tree()
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.parent.clone())
    };
    if criterion == partner || parent(criterion) != parent(partner) {
        return Err(problem(ProblemKind::SweepNotSiblings {
            criterion: criterion.to_string(),
            partner: partner.to_string(),
        }));
    }
    if step <= Exact::ZERO || !step.has_at_most_places(2) {
        return Err(problem(ProblemKind::SweepStep {
            step: step.to_exact_string(),
        }));
    }
    Ok((range, partner_range))
}

/// Sweeps `criterion`'s weight across its allowed range in steps of `step` percentage
/// points, moving `partner` (a sibling) the other way, and reports where rankings change.
pub fn sweep(
    protocol: &Protocol,
    tender: &Value,
    bids: &Value,
    criterion: &str,
    partner: &str,
    step: Exact,
) -> Result<Sweep, Problems> {
    let t0 = crate::tender::check::read_for(protocol, tender)?;
    let b0 = crate::bids::read_for(protocol, &t0, bids)?;
    let (range, partner_range) = ranges(protocol, criterion, partner, step)?;
    let overflow = |_| {
        problem(ProblemKind::FigureTooLarge {
            detail: "the weights to sweep".into(),
        })
    };
    let w0 = t0.weight(criterion);
    let sum = w0.add(t0.weight(partner)).map_err(overflow)?;
    let low = range.min.max(sum.sub(partner_range.max).map_err(overflow)?);
    let high = range.max.min(sum.sub(partner_range.min).map_err(overflow)?);
    let base = orders(&protocol.score(&t0, &b0)?);

    let mut weights = Vec::new();
    let mut w = low;
    while w <= high && weights.len() < 2001 {
        weights.push(w);
        w = w.add(step).map_err(overflow)?;
    }
    if !weights.contains(&w0) {
        weights.push(w0);
        weights.sort();
    }

    let mut points = Vec::new();
    let mut results = Vec::new();
    for w in weights {
        let pw = sum.sub(w).map_err(overflow)?;
        let mut v = tender.clone();
        let map = v.as_object_mut().map(|o| {
            o.entry("weights")
                .or_insert_with(|| Value::Object(Default::default()))
        });
        if let Some(Value::Object(m)) = map {
            m.insert(criterion.into(), Value::String(w.to_exact_string()));
            m.insert(partner.into(), Value::String(pw.to_exact_string()));
        }
        let t = crate::tender::check::read_for(protocol, &v)?;
        let r = protocol.score(&t, &b0)?;
        let lots = orders(&r);
        points.push(SweepPoint {
            weight: w.to_exact_string(),
            partner_weight: pw.to_exact_string(),
            changed: lots != base,
            lots,
        });
        results.push((w, r));
    }
    let change = |mut indices: Box<dyn Iterator<Item = usize>>| -> Option<Change> {
        indices.find(|i| points[*i].changed).map(|i| Change {
            weight: points[i].weight.clone(),
            partner_weight: points[i].partner_weight.clone(),
            text: describe_change(&base, &points[i].lots, &results[i].1),
        })
    };
    let at = results.iter().position(|(w, _)| *w == w0).unwrap_or(0);
    let change_above = change(Box::new(at + 1..points.len()));
    let change_below = change(Box::new((0..at).rev()));
    Ok(Sweep {
        criterion: criterion.to_string(),
        partner: partner.to_string(),
        current: w0.to_exact_string(),
        points,
        change_above,
        change_below,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shipped;

    #[test]
    fn the_worked_example_changes_ranking_somewhere_in_range() {
        let p = Protocol::shipped();
        let t: Value = serde_json::from_str(shipped::EXAMPLE_TENDER).unwrap();
        let b: Value = serde_json::from_str(shipped::EXAMPLE_BIDS).unwrap();
        let s = p
            .sweep(&t, &b, "price", "quality", Exact::ONE)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.current, "30");
        // price may move 20..40, quality 45..65 with price + quality = 75: 20..30 for price.
        assert_eq!(s.points.first().unwrap().weight, "20");
        assert_eq!(s.points.last().unwrap().weight, "30");
        assert!(s.change_above.is_none());
        let not_moved = s.points.iter().find(|p| p.weight == "30").unwrap();
        assert!(!not_moved.changed);
    }

    #[test]
    fn refuses_criteria_that_are_not_siblings() {
        let p = Protocol::shipped();
        let t: Value = serde_json::from_str(shipped::EXAMPLE_TENDER).unwrap();
        let b: Value = serde_json::from_str(shipped::EXAMPLE_BIDS).unwrap();
        let code = |criterion: &str, partner: &str, step: Exact| {
            let e = sweep(&p, &t, &b, criterion, partner, step).unwrap_err();
            e.0[0].code()
        };
        assert_eq!(
            code("price", "price", Exact::ONE),
            "ulo::sweep-not-siblings"
        );
        assert_eq!(
            code("price", "q-outcomes", Exact::ONE),
            "ulo::sweep-not-tunable"
        );
        assert_eq!(code("price", "quality", Exact::ZERO), "ulo::sweep-step");
    }
}
