//! Panel criteria: the evaluators' scores moderated into one, which earns its share of the
//! scale's top; and the flags a panel raises (scores far apart, a member who gave no score, a
//! minimum score missed).

use super::flags::Words;
use super::moderation::{self, Member, Moderated, NotModerated, Panel};
use super::run::{Node, Run, Work};
use crate::bids::{ConsensusScore, PanelScore};
use crate::exact::{Exact, Overflow};
use crate::explain::{Input, Trace};
use crate::protocol::{Minimum, ModerationMethod, Scale};
use crate::report::{EvaluatorScore, FlagCode, PanelDetail};
use crate::tender::Role;

/// What the panel gave for one criterion of one bid.
#[derive(Clone, Copy)]
pub(super) struct Given<'b> {
    /// Each evaluator's score (at most one each; reading makes sure).
    pub scores: &'b [PanelScore],
    /// The moderator's consensus score, if recorded.
    pub consensus: Option<&'b ConsensusScore>,
}

/// Panel members who gave no score, in the tender's order.
fn not_scoring<'p, 't>(
    panel: &'p Panel<'t>,
    scores: &'p [PanelScore],
) -> impl Iterator<Item = &'p Member<'t>> + 'p {
    panel
        .members()
        .iter()
        .filter(|m| !scores.iter().any(|s| s.evaluator == m.id))
}

/// A panel criterion of a bid: its marks from the moderated score, or what is missing; with the
/// panel's work shown when explaining.
pub(super) fn leaf(
    run: &Run,
    w: &mut Work,
    i: usize,
    given: Given,
    minimum: Option<Minimum>,
) -> Result<(), Overflow> {
    let node = &run.nodes[i];
    let Some(scale) = node.scale else {
        return Ok(());
    };
    let spread = moderation::spread(given.scores);
    let mut row = run.blank(w, i);
    let mut detail = w.explain.then(|| detail(run, scale, given, spread));
    if let Some(sp) = spread {
        variance(run, w, node, given.scores, sp);
    }
    let method = &run.ctx.protocol.doc().award.moderation.method;
    let consensus = given.consensus.map(|c| c.score);
    match moderation::moderate(method, &run.panel, given.scores, consensus, w.explain) {
        Ok(m) => {
            let value = m.value;
            if let Some(d) = &mut detail {
                d.moderated = Some(value.to_exact_string());
            }
            partial(run, w, node, given.scores);
            let (marks, trace) = marks(run, node, scale, m, w.explain)?;
            if let Some(min) = minimum {
                threshold(w, node, min, value, trace.as_ref());
            }
            w.marks[i] = Some(marks);
            if let Some(row) = &mut row {
                row.marks = Some(run.ctx.show(marks));
                row.trace = trace;
            }
        }
        Err(NotModerated::Missing(why)) => {
            w.missing.push(format!("{}: {why}", node.title()));
            if let Some(row) = &mut row {
                row.missing = Some(why);
            }
        }
        Err(NotModerated::Overflow) => return Err(Overflow),
    }
    if let Some(mut row) = row {
        row.panel = detail;
        w.rows[i] = Some(row);
    }
    Ok(())
}

/// The panel's work on a criterion as a scorecard shows it (explaining only).
fn detail(run: &Run, scale: &Scale, given: Given, spread: Option<i64>) -> PanelDetail {
    PanelDetail {
        scale: scale.id.clone(),
        scale_max: scale.max(),
        scores: given
            .scores
            .iter()
            .map(|s| {
                let e = run.panel.member(&s.evaluator);
                EvaluatorScore {
                    evaluator: s.evaluator.clone(),
                    name: e.map_or_else(|| s.evaluator.clone(), |e| e.name.to_string()),
                    role: e.map_or(Role::Officer, |e| e.role),
                    score: s.score,
                    label: scale
                        .point(s.score)
                        .map(|p| p.label.clone())
                        .unwrap_or_default(),
                    rationale: s.rationale.clone(),
                }
            })
            .collect(),
        spread,
        moderated: None,
        consensus_rationale: given.consensus.map(|c| c.rationale.clone()),
        not_scored_by: not_scoring(&run.panel, given.scores)
            .map(|m| m.id.to_string())
            .collect(),
    }
}

/// Flags scores further apart than the protocol allows, for discussion at moderation.
fn variance(run: &Run, w: &mut Work, node: &Node, scores: &[PanelScore], spread: i64) {
    let limit = run.ctx.protocol.doc().award.moderation.variance_limit;
    if spread <= limit {
        return;
    }
    let title = node.title();
    w.flags.raise(FlagCode::HighVariance, Some(node.id), false, || Words {
        message: format!(
            "Evaluators' scores for {title} range from {} to {} (a spread of {spread}); the protocol allows {limit}.",
            scores.iter().map(|s| s.score).min().unwrap_or(0),
            scores.iter().map(|s| s.score).max().unwrap_or(0),
        ),
        action: "Discuss the scores at moderation and record the reasons for the moderated score.",
        cites: run.moderation_cites.clone(),
        trace: None,
    });
}

/// Flags a criterion not every panel member scored, unless a consensus score stands for all.
fn partial(run: &Run, w: &mut Work, node: &Node, scores: &[PanelScore]) {
    let method = &run.ctx.protocol.doc().award.moderation.method;
    // Every score is from a different panel member (reading makes sure), so someone is missing
    // exactly when there are fewer scores than members.
    if scores.len() >= run.panel.members().len() || matches!(method, ModerationMethod::Consensus) {
        return;
    }
    let title = node.title();
    w.flags.raise(FlagCode::PartialPanel, Some(node.id), false, || Words {
        message: format!(
            "Not every evaluator scored {title}: no score from {}. The moderated score uses the scores given.",
            not_scoring(&run.panel, scores)
                .map(|m| run.panel.member(m.id).map_or(m.id, |e| e.name))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        action: "Check that this was intended (an evaluator stood down, say) and record why.",
        cites: run.moderation_cites.clone(),
        trace: None,
    });
}

/// The marks a moderated score earns, with their trace when explaining.
fn marks(
    run: &Run,
    node: &Node,
    scale: &Scale,
    m: Moderated,
    explain: bool,
) -> Result<(Exact, Option<Trace>), Overflow> {
    let ctx = &run.ctx;
    let value = m.value;
    let share = value.div(Exact::int(i128::from(scale.max())))?;
    let figures = ctx.marks(node.available, share)?;
    let trace = explain.then(|| {
        let formula = format!("{} ÷ {} × {{marks}}", value.to_exact_string(), scale.max());
        let mut inputs = m.inputs;
        inputs.push(Input {
            name: "moderated".into(),
            label: format!("moderated score ({})", m.formula),
            value: value.to_exact_string(),
        });
        let rule = match ctx.protocol.doc().award.moderation.method {
            ModerationMethod::Consensus => "award.panel.consensus",
            ModerationMethod::Mean { .. } => "award.panel.mean",
            ModerationMethod::Median => "award.panel.median",
        };
        ctx.leaf_trace(
            node.id,
            rule,
            node.available,
            figures,
            &formula,
            inputs,
            node.cites.clone(),
        )
    });
    Ok((figures.1, trace))
}

/// A moderated score below the criterion's minimum: flagged, and excluded where the protocol
/// says failing it disqualifies.
fn threshold(w: &mut Work, node: &Node, min: Minimum, value: Exact, trace: Option<&Trace>) {
    if value >= Exact::int(i128::from(min.score)) {
        return;
    }
    let title = node.title();
    w.flags.raise(FlagCode::ThresholdFailed, Some(node.id), min.disqualifies, || Words {
        message: format!(
            "The moderated score for {title} is {}, below the minimum of {}.",
            value.to_exact_string(),
            min.score
        ),
        action: if min.disqualifies {
            "The bid is excluded: the protocol says failing this minimum disqualifies."
        } else {
            "The bid stays in the ranking: the protocol says this minimum does not disqualify, but the shortfall must be recorded."
        },
        cites: node.cites.clone(),
        trace: trace.cloned(),
    });
    if min.disqualifies {
        w.excluded.push(format!(
            "below the minimum score of {} for {title}",
            min.score
        ));
    }
}
