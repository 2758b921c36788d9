//! Award scoring: every bid through gates, eligibility, moderation, price and thresholds, then a
//! ranking per lot.
//!
//! Marks are worked out leaf by leaf: a leaf's share of its marks (a moderated score over the
//! scale's top, banded points over their maximum, or a price formula) times the marks available,
//! rounded as the protocol says. Groups and totals add rounded marks exactly, so a published
//! scorecard always adds up. Bids are taken in id order, and nothing depends on input order.

pub mod moderation;
pub mod price;
pub mod ranking;

use crate::bids::{Bid, Bids, ConsensusScore, GateOutcome, Organisation, PanelScore};
use crate::eligibility::{self, Verdict};
use crate::error::{Document, Problem, ProblemKind, Problems};
use crate::exact::{Exact, Overflow};
use crate::explain::{self, money, CiteRef, Input, Trace};
use crate::protocol::{
    Category, Cite, Criterion, CriterionBody, LowBenchmark, Method, OverCeiling, Protocol,
    Rounding, TreeNode,
};
use crate::read::Choice;
use crate::report::{
    BidResult, CriterionResult, EvaluatorScore, Flag, GateRow, LotResult, NotRanked, PanelDetail,
    RankRow, Ranking, ScoreResult,
};
use crate::tender::{Lot, Tender};

/// Shared settings for one scoring run.
pub(crate) struct Ctx<'a> {
    pub protocol: &'a Protocol,
    pub tender: &'a Tender,
    pub rounding: Rounding,
}

/// Prints a figure with the protocol's places when it has no more than those, else exactly.
pub fn fixed_or_exact(v: Exact, places: u32) -> String {
    if v.has_at_most_places(places) {
        v.to_fixed(places)
    } else {
        v.to_exact_string()
    }
}

/// Adds marks exactly.
fn sum(parts: &[Exact]) -> Result<Exact, Overflow> {
    let mut total = Exact::ZERO;
    for p in parts {
        total = total.add(*p)?;
    }
    Ok(total)
}

impl Ctx<'_> {
    pub fn round(&self, v: Exact) -> Result<Exact, Overflow> {
        v.round(self.rounding.places, self.rounding.mode)
    }

    pub fn show(&self, v: Exact) -> String {
        fixed_or_exact(v, self.rounding.places)
    }

    pub fn cites(&self, cites: &[Cite]) -> Vec<CiteRef> {
        explain::cites(self.protocol.sources(), cites)
    }

    fn rounding_text(&self) -> String {
        format!(
            "{} to {} decimal place{}",
            self.rounding.mode.describe(),
            self.rounding.places,
            if self.rounding.places == 1 { "" } else { "s" }
        )
    }

    /// The marks a share of `available` earns: exactly, and rounded as the protocol says. The
    /// one place leaf marks are worked out, whether explained or not.
    fn marks(&self, available: Exact, share: Exact) -> Result<(Exact, Exact), Overflow> {
        let exact = available.mul(share)?;
        Ok((exact, self.round(exact)?))
    }

    /// The trace of a leaf's marks, from the figures [`Ctx::marks`] gave.
    #[allow(clippy::too_many_arguments)]
    fn leaf_trace(
        &self,
        criterion: &str,
        rule: &str,
        available: Exact,
        (exact, rounded): (Exact, Exact),
        formula: &str,
        inputs: Vec<Input>,
        cites: Vec<CiteRef>,
    ) -> Trace {
        Trace {
            rule: rule.to_string(),
            criterion: Some(criterion.to_string()),
            inputs,
            formula: formula.replace("{marks}", &available.to_exact_string()),
            exact: exact.to_exact_string(),
            result: self.show(rounded),
            rounding: (exact != rounded).then(|| self.rounding_text()),
            cites,
        }
    }

    /// The marks for a share of a criterion's available marks, with the trace that explains them.
    /// `formula` holds `{marks}` where the available marks go.
    pub fn leaf_marks(
        &self,
        criterion: &str,
        rule: &str,
        share: Exact,
        formula: &str,
        inputs: Vec<Input>,
    ) -> Result<(Exact, Trace), Overflow> {
        let available = self.tender.max_marks(criterion);
        let figures = self.marks(available, share)?;
        let cites = self
            .protocol
            .criterion(criterion)
            .map(|c| self.cites(&c.cites))
            .unwrap_or_default();
        let trace = self.leaf_trace(criterion, rule, available, figures, formula, inputs, cites);
        Ok((figures.1, trace))
    }

    /// The trace of a sum of marks.
    fn sum_trace(
        &self,
        rule: &str,
        criterion: Option<&str>,
        parts: &[Exact],
        total: Exact,
        cites: Vec<CiteRef>,
    ) -> Trace {
        let formula = if parts.is_empty() {
            "0".to_string()
        } else {
            parts
                .iter()
                .map(|p| self.show(*p))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        Trace {
            rule: rule.to_string(),
            criterion: criterion.map(str::to_string),
            inputs: Vec::new(),
            formula,
            exact: total.to_exact_string(),
            result: self.show(total),
            rounding: None,
            cites,
        }
    }
}

/// The value of a bid fact: from the profile for built-in facts, else from the bid's facts.
pub fn bid_fact_value(org: &Organisation, facts: &[(String, Exact)], id: &str) -> Option<Exact> {
    let share = |part: i64, whole: i64| {
        Exact::int(i128::from(part))
            .mul(Exact::HUNDRED)
            .and_then(|v| v.div(Exact::int(i128::from(whole))))
            .ok()
    };
    match id {
        "board_user_share_percent" => org
            .board
            .and_then(|b| share(b.disabled_or_service_users, b.voting_members)),
        "staff_disabled_share_percent" => org.staff.and_then(|s| share(s.disabled, s.total)),
        _ => crate::bids::lookup(facts, id).copied(),
    }
}

/// The band a value falls in, and the share of the criterion's marks it earns.
fn band_share(
    value: Exact,
    bands: &[crate::protocol::Band],
    out_of: i64,
) -> Result<(&crate::protocol::Band, Exact), Overflow> {
    let band = bands
        .iter()
        .rev()
        .find(|b| value >= b.from)
        .unwrap_or(&bands[0]);
    Ok((
        band,
        Exact::ratio(i128::from(band.points), i128::from(out_of))?,
    ))
}

/// Marks from a banded table: which band the value falls in, and the marks it earns.
pub(crate) fn banded(
    ctx: &Ctx,
    criterion: &str,
    fact: &str,
    value: Exact,
    bands: &[crate::protocol::Band],
    out_of: i64,
) -> Result<(Exact, Trace), Overflow> {
    let (band, share) = band_share(value, bands, out_of)?;
    let range = match band.to {
        Some(to) => format!(
            "from {} up to {}",
            band.from.to_exact_string(),
            to.to_exact_string()
        ),
        None => format!("{} or more", band.from.to_exact_string()),
    };
    ctx.leaf_marks(
        criterion,
        "award.banded",
        share,
        &format!("{} ÷ {} × {{marks}}", band.points, out_of),
        vec![
            Input {
                name: fact.to_string(),
                label: ctx.protocol.bid_fact_title(fact),
                value: match ctx.protocol.bid_fact(fact) {
                    Some(crate::facts::BidFactKind::Percent) => explain::percent(value),
                    Some(crate::facts::BidFactKind::Money) => money(value),
                    _ => value.to_exact_string(),
                },
            },
            Input {
                name: "band".into(),
                label: "band".into(),
                value: format!("{range}: {} of {} points", band.points, out_of),
            },
        ],
    )
}

/// What a flag says, written only when a run explains.
struct Words {
    message: String,
    action: &'static str,
    cites: Vec<CiteRef>,
    trace: Option<Trace>,
}

/// The flags raised on a bid. Every flag's code is kept, whether or not the run explains, since
/// the ranking lists the codes of the flags that leave a bid in competition; its words are
/// written only when explaining.
struct Flags {
    explain: bool,
    /// Codes of the flags that do not exclude the bid, in the order raised.
    open: Vec<&'static str>,
    /// The flags in full (explaining only).
    raised: Vec<Flag>,
}

impl Flags {
    fn raise(
        &mut self,
        code: &'static str,
        criterion: Option<&str>,
        excludes: bool,
        words: impl FnOnce() -> Words,
    ) {
        if !excludes {
            self.open.push(code);
        }
        if self.explain {
            let w = words();
            self.raised.push(Flag {
                code,
                criterion: criterion.map(str::to_string),
                excludes,
                message: w.message,
                action: w.action.to_string(),
                trace: w.trace,
                cites: w.cites,
            });
        }
    }
}

/// A bid part-way through scoring. Per-criterion figures are held by tree position.
struct Work<'b> {
    bid: &'b Bid,
    verdict: Verdict,
    /// The eligibility tests in full (explaining only).
    eligibility: Option<crate::report::EligibilityResult>,
    /// Gate rows (explaining only).
    gates: Vec<GateRow>,
    flags: Flags,
    /// Criteria rows (explaining only).
    rows: Vec<Option<CriterionResult>>,
    /// Marks, once worked out.
    marks: Vec<Option<Exact>>,
    excluded: Vec<String>,
    missing: Vec<String>,
}

fn method_word(body: &CriterionBody) -> &'static str {
    match body {
        CriterionBody::Group(_) => "group",
        CriterionBody::Leaf(Method::Panel { .. }) => "panel",
        CriterionBody::Leaf(Method::Banded { .. }) => "banded",
        CriterionBody::Leaf(Method::Price(_)) => "price",
    }
}

fn category_word(c: Category) -> &'static str {
    c.word()
}

/// A criterion row with no marks yet.
fn blank_row(ctx: &Ctx, node: &TreeNode) -> CriterionResult {
    let crit = ctx.protocol.criterion(&node.id);
    CriterionResult {
        criterion: node.id.clone(),
        title: crit.map(|c| c.title.clone()).unwrap_or_default(),
        parent: node.parent.clone(),
        depth: node.depth,
        method: crit.map_or("group", |c| method_word(&c.body)),
        category: category_word(node.category),
        weight: ctx.tender.weight(&node.id).to_exact_string(),
        available: ctx.show(ctx.tender.max_marks(&node.id)),
        marks: None,
        panel: None,
        trace: None,
        missing: None,
    }
}

/// One criterion, as the scoring of every bid needs it.
struct Node<'a> {
    id: &'a str,
    crit: Option<&'a Criterion>,
    /// Tree positions of its children (none for a leaf).
    children: Vec<usize>,
    /// A top-level criterion: its marks add up to the total.
    top: bool,
    /// The marks it is worth in this tender.
    available: Exact,
    /// Its row before any marks (explaining only).
    blank: Option<CriterionResult>,
    /// Its clauses, resolved (explaining only).
    cites: Vec<CiteRef>,
    /// A panel criterion's scale, looked up once per run.
    scale: Option<&'a crate::protocol::Scale>,
}

/// One scoring run: the settings, and what is worked out once for all the bids rather than for
/// each (every criterion's place, marks and blank row; the panel; resolved clauses).
///
/// A run either explains (the full result: a row and trace for every criterion of every bid,
/// flag texts, eligibility reasons, gate rows) or ranks only (totals, ranks, statuses, flag codes,
/// tie notes). Both run this same code, so they share every figure; the text is skipped, never
/// the arithmetic. Ranking alone is what a what-if sweep needs, many times over, and it is
/// an order of magnitude faster.
struct Run<'a> {
    ctx: Ctx<'a>,
    explain: bool,
    nodes: Vec<Node<'a>>,
    /// Node positions in criterion-id order, to match a bid's id-sorted scores to nodes in one
    /// pass (see [`Run::per_node`]).
    by_id: Vec<usize>,
    panel: moderation::Panel<'a>,
    /// Clauses of the rules flags apply, resolved (explaining only).
    moderation_cites: Vec<CiteRef>,
    affordability_cites: Vec<CiteRef>,
    low_cites: Vec<CiteRef>,
    award_cites: Vec<CiteRef>,
}

impl<'a> Run<'a> {
    fn new(protocol: &'a Protocol, tender: &'a Tender, explain: bool) -> Run<'a> {
        let ctx = Ctx {
            protocol,
            tender,
            rounding: protocol.doc().rounding,
        };
        let cites = |c: &[Cite]| {
            if explain {
                ctx.cites(c)
            } else {
                Vec::new()
            }
        };
        let nodes = protocol
            .tree()
            .iter()
            .map(|n| {
                let crit = protocol.criterion(&n.id);
                Node {
                    id: &n.id,
                    crit,
                    children: n
                        .children
                        .iter()
                        .filter_map(|c| protocol.position(c))
                        .collect(),
                    top: n.parent.is_none(),
                    available: tender.max_marks(&n.id),
                    blank: explain.then(|| blank_row(&ctx, n)),
                    cites: crit.map(|c| cites(&c.cites)).unwrap_or_default(),
                    scale: crit.and_then(|c| match &c.body {
                        CriterionBody::Leaf(Method::Panel { scale, .. }) => protocol.scale(scale),
                        _ => None,
                    }),
                }
            })
            .collect::<Vec<Node>>();
        let mut by_id: Vec<usize> = (0..nodes.len()).collect();
        by_id.sort_by(|a, b| nodes[*a].id.cmp(nodes[*b].id));
        let award = &protocol.doc().award;
        let moderation_cites = cites(&award.moderation.cites);
        let affordability_cites = cites(&award.affordability.cites);
        let low_cites = cites(&award.abnormally_low.cites);
        let award_cites = cites(&award.cites);
        Run {
            nodes,
            by_id,
            panel: moderation::Panel::new(tender, explain),
            moderation_cites,
            affordability_cites,
            low_cites,
            award_cites,
            ctx,
            explain,
        }
    }

    /// A criterion's blank row (explaining only).
    fn blank(&self, i: usize) -> Option<CriterionResult> {
        self.nodes[i].blank.clone()
    }

    /// A bid's entries by criterion id (sorted by id, as read) laid out by node position: one
    /// merge of two sorted lists, rather than a search for every criterion of every bid.
    fn per_node<'b, T>(&self, pairs: &'b [(String, T)]) -> Vec<Option<&'b T>> {
        let mut out = vec![None; self.nodes.len()];
        let mut j = 0;
        for &i in &self.by_id {
            let id = self.nodes[i].id;
            while j < pairs.len() && pairs[j].0.as_str() < id {
                j += 1;
            }
            if j < pairs.len() && pairs[j].0 == id {
                out[i] = Some(&pairs[j].1);
            }
        }
        out
    }
}

fn panel_leaf(
    run: &Run,
    w: &mut Work,
    i: usize,
    (scores, consensus): (&[PanelScore], Option<&ConsensusScore>),
    minimum: Option<crate::protocol::Minimum>,
) -> Result<(), Overflow> {
    let ctx = &run.ctx;
    let explain = run.explain;
    let node = &run.nodes[i];
    let id = node.id;
    let Some(scale) = node.scale else {
        return Ok(());
    };
    let award = &ctx.protocol.doc().award;
    let method = &award.moderation.method;
    let title = node.crit.map_or("", |c| c.title.as_str());
    // Panel members who gave no score, in the tender's order.
    let not_scoring = || {
        run.panel
            .members()
            .iter()
            .filter(|m| !scores.iter().any(|s| s.evaluator == m.id))
    };
    let spread = moderation::spread(scores);
    let mut row = run.blank(i);
    let mut detail = explain.then(|| PanelDetail {
        scale: scale.id.clone(),
        scale_max: scale.max(),
        scores: scores
            .iter()
            .map(|s| {
                let e = run.panel.member(&s.evaluator);
                EvaluatorScore {
                    evaluator: s.evaluator.clone(),
                    name: e.map_or_else(|| s.evaluator.clone(), |e| e.name.to_string()),
                    role: e.map_or("officer", |e| e.role.word()),
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
        consensus_rationale: consensus.map(|c| c.rationale.clone()),
        not_scored_by: not_scoring().map(|m| m.id.to_string()).collect(),
    });
    if let Some(sp) = spread {
        if sp > award.moderation.variance_limit {
            w.flags.raise("high_variance", Some(id), false, || Words {
                message: format!(
                    "Evaluators' scores for {title} range from {} to {} (a spread of {sp}); the protocol allows {}.",
                    scores.iter().map(|s| s.score).min().unwrap_or(0),
                    scores.iter().map(|s| s.score).max().unwrap_or(0),
                    award.moderation.variance_limit
                ),
                action: "Discuss the scores at moderation and record the reasons for the moderated score.",
                cites: run.moderation_cites.clone(),
                trace: None,
            });
        }
    }
    match moderation::moderate(
        method,
        &run.panel,
        scores,
        consensus.map(|c| c.score),
        explain,
    ) {
        Ok(m) => {
            let value = m.value;
            if let Some(d) = &mut detail {
                d.moderated = Some(value.to_exact_string());
            }
            // Every score is from a different panel member (reading makes sure), so someone is
            // missing exactly when there are fewer scores than members.
            if scores.len() < run.panel.members().len()
                && !matches!(method, crate::protocol::ModerationMethod::Consensus)
            {
                w.flags.raise("partial_panel", Some(id), false, || Words {
                    message: format!(
                        "Not every evaluator scored {title}: no score from {}. The moderated score uses the scores given.",
                        not_scoring()
                            .map(|m| run.panel.member(m.id).map_or(m.id, |e| e.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    action: "Check that this was intended (an evaluator stood down, say) and record why.",
                    cites: run.moderation_cites.clone(),
                    trace: None,
                });
            }
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
                let rule = match method {
                    crate::protocol::ModerationMethod::Consensus => "award.panel.consensus",
                    crate::protocol::ModerationMethod::Mean { .. } => "award.panel.mean",
                    crate::protocol::ModerationMethod::Median => "award.panel.median",
                };
                ctx.leaf_trace(
                    id,
                    rule,
                    node.available,
                    figures,
                    &formula,
                    inputs,
                    node.cites.clone(),
                )
            });
            if let Some(min) = minimum {
                if value < Exact::int(i128::from(min.score)) {
                    w.flags.raise("threshold_failed", Some(id), min.disqualifies, || Words {
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
                        trace: trace.clone(),
                    });
                    if min.disqualifies {
                        w.excluded.push(format!(
                            "below the minimum score of {} for {title}",
                            min.score
                        ));
                    }
                }
            }
            w.marks[i] = Some(figures.1);
            if let Some(row) = &mut row {
                row.marks = Some(ctx.show(figures.1));
                row.trace = trace;
            }
        }
        Err(moderation::NotModerated::Missing(why)) => {
            w.missing.push(format!("{title}: {why}"));
            if let Some(row) = &mut row {
                row.missing = Some(why);
            }
        }
        Err(moderation::NotModerated::Overflow) => return Err(Overflow),
    }
    if let Some(mut row) = row {
        row.panel = detail;
        w.rows[i] = Some(row);
    }
    Ok(())
}

fn pre_price<'b>(run: &Run, bid: &'b Bid) -> Result<Work<'b>, Overflow> {
    let ctx = &run.ctx;
    let explain = run.explain;
    let protocol = ctx.protocol;
    let award = &protocol.doc().award;
    let (verdict, eligibility) = if explain {
        let (v, e) = eligibility::assess(protocol, &bid.organisation);
        (v, Some(e))
    } else {
        (eligibility::verdict(protocol, &bid.organisation), None)
    };
    let n = run.nodes.len();
    let mut w = Work {
        bid,
        verdict,
        eligibility,
        gates: Vec::new(),
        flags: Flags {
            explain,
            open: Vec::new(),
            raised: Vec::new(),
        },
        rows: if explain { vec![None; n] } else { Vec::new() },
        marks: vec![None; n],
        excluded: Vec::new(),
        missing: Vec::new(),
    };

    for g in &award.gates {
        let outcome = bid.gate(&g.id);
        if explain {
            w.gates.push(GateRow {
                gate: g.id.clone(),
                title: g.title.clone(),
                outcome: match outcome {
                    Some(GateOutcome::Pass) => "pass",
                    Some(GateOutcome::Fail) => "fail",
                    None => "not_assessed",
                },
                cites: ctx.cites(&g.cites),
            });
        }
        match outcome {
            Some(GateOutcome::Fail) => {
                w.flags.raise("gate_failed", None, true, || Words {
                    message: format!("The bid fails the pass/fail condition \"{}\".", g.title),
                    action: "The bid is excluded. Record the evidence for the failure and tell the bidder.",
                    cites: ctx.cites(&g.cites),
                    trace: None,
                });
                w.excluded.push(format!("fails \"{}\"", g.title));
            }
            None => w.missing.push(format!(
                "the pass/fail condition \"{}\" has not been assessed",
                g.title
            )),
            Some(GateOutcome::Pass) => {}
        }
    }

    if ctx.tender.doc().reserved_for_user_led {
        match verdict {
            Verdict::No => {
                w.flags.raise("ineligible", None, true, || Words {
                    message: "The contract is reserved for user-led organisations, and this bidder is not one under the protocol.".into(),
                    action: "The bid is excluded from the ranking. Tell the bidder which test it did not meet.",
                    cites: Vec::new(),
                    trace: None,
                });
                w.excluded
                    .push("not a user-led organisation, and the contract is reserved".into());
            }
            Verdict::NotEnoughInformation => {
                w.flags.raise("eligibility_unknown", None, false, || Words {
                    message: "The contract is reserved for user-led organisations, and the bid does not give enough information to tell whether this bidder is one.".into(),
                    action: "Ask the bidder for the missing information before ranking the bid.",
                    cites: Vec::new(),
                    trace: None,
                });
                w.missing
                    .push("eligibility cannot be decided on the information given".into());
            }
            Verdict::Yes => {}
        }
    }

    if let Some(lot) = ctx.tender.lot(&bid.lot) {
        if let Some(ceiling) = lot.price_ceiling {
            if bid.price > ceiling {
                let excludes = award.affordability.over_ceiling == OverCeiling::Exclude;
                w.flags.raise("over_ceiling", None, excludes, || Words {
                    message: format!(
                        "The price {} is above the lot's affordability ceiling of {}.",
                        money(bid.price),
                        money(ceiling)
                    ),
                    action: if excludes {
                        "The bid is excluded from the ranking, as the protocol says."
                    } else {
                        "The bid stays in the ranking, flagged, as the protocol says; the authority must decide whether it can afford it."
                    },
                    cites: run.affordability_cites.clone(),
                    trace: None,
                });
                if excludes {
                    w.excluded.push(format!(
                        "price above the affordability ceiling of {}",
                        money(ceiling)
                    ));
                }
            }
        }
    }

    let scores = run.per_node(&bid.scores);
    let consensus = run.per_node(&bid.consensus);
    for (i, node) in run.nodes.iter().enumerate() {
        let Some(crit) = node.crit else {
            continue;
        };
        match &crit.body {
            CriterionBody::Group(_) | CriterionBody::Leaf(Method::Price(_)) => {}
            CriterionBody::Leaf(Method::Panel { minimum, .. }) => {
                let given = (
                    scores
                        .get(i)
                        .copied()
                        .flatten()
                        .map_or(&[][..], Vec::as_slice),
                    consensus.get(i).copied().flatten(),
                );
                panel_leaf(run, &mut w, i, given, *minimum)?;
            }
            CriterionBody::Leaf(Method::Banded {
                fact,
                bands,
                out_of,
            }) => {
                let mut row = run.blank(i);
                match bid_fact_value(&bid.organisation, &bid.facts, fact) {
                    Some(v) => {
                        let marks = match &mut row {
                            Some(row) => {
                                let (marks, trace) = banded(ctx, node.id, fact, v, bands, *out_of)?;
                                row.marks = Some(ctx.show(marks));
                                row.trace = Some(trace);
                                marks
                            }
                            None => {
                                let (_, share) = band_share(v, bands, *out_of)?;
                                ctx.marks(node.available, share)?.1
                            }
                        };
                        w.marks[i] = Some(marks);
                    }
                    None => {
                        let why = format!(
                            "the bid does not give the {}",
                            protocol.bid_fact_title(fact)
                        );
                        w.missing.push(format!("{}: {why}", crit.title));
                        if let Some(row) = &mut row {
                            row.missing = Some(why);
                        }
                    }
                }
                if explain {
                    w.rows[i] = row;
                }
            }
        }
    }
    Ok(w)
}

fn price_leaves(
    run: &Run,
    w: &mut Work,
    lot: &Lot,
    lowest: Exact,
    lowest_note: &str,
) -> Result<(), Overflow> {
    let ctx = &run.ctx;
    let price = w.bid.price;
    for (i, node) in run.nodes.iter().enumerate() {
        let Some(CriterionBody::Leaf(Method::Price(formula))) = node.crit.map(|c| &c.body) else {
            continue;
        };
        let (share, words) = if run.explain {
            let s = price::share(*formula, price, lowest, lowest_note, lot)?;
            (s.share, Some((s.formula, s.inputs)))
        } else {
            (price::share_value(*formula, price, lowest, lot)?, None)
        };
        let figures = ctx.marks(node.available, share)?;
        w.marks[i] = Some(figures.1);
        if let (Some((text, inputs)), Some(mut row)) = (words, run.blank(i)) {
            let rule = format!("award.price.{}", formula.word());
            row.marks = Some(ctx.show(figures.1));
            row.trace = Some(ctx.leaf_trace(
                node.id,
                &rule,
                node.available,
                figures,
                &text,
                inputs,
                node.cites.clone(),
            ));
            w.rows[i] = Some(row);
        }
    }
    Ok(())
}

/// Flags an abnormally low price. `others` is the sum and count of the prices of the other bids
/// in competition for the lot, which the mean-of-other-bids benchmark divides.
fn abnormally_low(
    run: &Run,
    w: &mut Work,
    lot: &Lot,
    others: Result<(Exact, usize), Overflow>,
) -> Result<(), Overflow> {
    let rule = &run.ctx.protocol.doc().award.abnormally_low;
    let (benchmark, count) = match rule.compare_to {
        LowBenchmark::LotEstimate => (Some(lot.value), None),
        LowBenchmark::MeanOfOtherBids => {
            let (total, count) = others?;
            let mean = if count == 0 {
                None
            } else {
                Some(total.div(Exact::int(count as i128))?)
            };
            (mean, Some(count))
        }
    };
    let Some(benchmark) = benchmark else {
        return Ok(());
    };
    let price = w.bid.price;
    let t = price::low_test(price, benchmark, rule.below_percent)?;
    if t.is_low {
        let pct = price.mul(Exact::HUNDRED)?.div(benchmark)?;
        w.flags.raise("abnormally_low", None, false, || {
            let what = match count {
                None => "the lot's estimated value".to_string(),
                Some(n) => format!(
                    "the mean price of the other {n} bid{} for this lot",
                    if n == 1 { "" } else { "s" }
                ),
            };
            Words {
                message: format!(
                    "The price {} is {} of {what} ({}); the protocol asks for an explanation of any price below {}.",
                    money(price),
                    explain::percent(pct),
                    money(benchmark),
                    explain::percent(rule.below_percent)
                ),
                action: "Clarification required: ask the bidder to explain the price before any decision. The bid is not rejected and stays in the ranking.",
                cites: run.low_cites.clone(),
                trace: Some(Trace {
                    rule: "award.abnormally_low".into(),
                    criterion: None,
                    inputs: vec![
                        Input {
                            name: "bid_price".into(),
                            label: "this bid's price".into(),
                            value: money(price),
                        },
                        Input {
                            name: "benchmark".into(),
                            label: what,
                            value: money(t.benchmark),
                        },
                    ],
                    formula: format!(
                        "{} × {}%",
                        t.benchmark.to_exact_string(),
                        rule.below_percent.to_exact_string()
                    ),
                    exact: t.limit.to_exact_string(),
                    result: t.limit.to_exact_string(),
                    rounding: None,
                    cites: run.low_cites.clone(),
                }),
            }
        });
    }
    Ok(())
}

/// Adds groups up from their children, bottom-up, and returns the criteria rows in tree order
/// (none when not explaining).
fn finish_rows(run: &Run, w: &mut Work) -> Result<Vec<CriterionResult>, Overflow> {
    let ctx = &run.ctx;
    // Children come after their parent in tree order, so work bottom-up.
    for (i, node) in run.nodes.iter().enumerate().rev() {
        if node.children.is_empty() {
            continue;
        }
        let mut row = run.blank(i);
        let parts: Option<Vec<Exact>> = node.children.iter().map(|c| w.marks[*c]).collect();
        if let Some(parts) = parts {
            let total = sum(&parts)?;
            w.marks[i] = Some(total);
            if let Some(row) = &mut row {
                row.marks = Some(ctx.show(total));
                row.trace = Some(ctx.sum_trace(
                    "award.group",
                    Some(node.id),
                    &parts,
                    total,
                    node.cites.clone(),
                ));
            }
        } else if let Some(row) = &mut row {
            row.missing = Some("some of its criteria could not be scored yet".into());
        }
        if run.explain {
            w.rows[i] = row;
        }
    }
    Ok(std::mem::take(&mut w.rows).into_iter().flatten().collect())
}

/// What a run produces: each lot's ranking, and each bid's full result when explaining.
struct Scored {
    lots: Vec<LotResult>,
    bids: Vec<BidResult>,
}

impl Run<'_> {
    /// Scores every bid and ranks each lot.
    fn score(&self, bids: &Bids) -> Result<Scored, Problems> {
        let ctx = &self.ctx;
        let explain = self.explain;
        let overflow = |bid: &str| {
            Problems(vec![Problem::new(
                Document::Bids,
                "",
                ProblemKind::FigureTooLarge {
                    detail: format!("while scoring the bid \"{bid}\""),
                },
            )])
        };
        let mut works: Vec<Work> = Vec::new();
        for bid in bids.iter() {
            works.push(pre_price(self, bid).map_err(|_| overflow(&bid.id))?);
        }
        let mut lots_out = Vec::new();
        // Full results by work index; works are in bid id order, as results are published.
        let mut results: Vec<Option<BidResult>> = vec![None; works.len()];

        for lot in &ctx.tender.doc().lots {
            let idx: Vec<usize> = (0..works.len())
                .filter(|i| works[*i].bid.lot == lot.id)
                .collect();
            let compliant: Vec<usize> = idx
                .iter()
                .copied()
                .filter(|i| works[*i].excluded.is_empty())
                .collect();
            let pool = if compliant.is_empty() {
                &idx
            } else {
                &compliant
            };
            let lowest = pool.iter().map(|i| works[*i].bid.price).min();
            let note = if compliant.is_empty() {
                "the lowest price bid for this lot (no bid remains in competition)"
            } else {
                "the lowest price among the bids in competition for this lot"
            };
            // The mean price of the other bids in competition, which the abnormally-low rule
            // may use, comes from one sum for the lot less the bid's own price: the same exact
            // figure as adding up the others for every bid, without the quadratic work.
            let compliant_prices: Vec<Exact> =
                compliant.iter().map(|i| works[*i].bid.price).collect();
            let compliant_total = sum(&compliant_prices);
            for &i in &idx {
                let bid = works[i].bid;
                if let Some(lowest) = lowest {
                    price_leaves(self, &mut works[i], lot, lowest, note)
                        .map_err(|_| overflow(&bid.id))?;
                }
                let others = compliant_total.and_then(|total| {
                    if compliant.binary_search(&i).is_ok() {
                        Ok((total.sub(bid.price)?, compliant.len() - 1))
                    } else {
                        Ok((total, compliant.len()))
                    }
                });
                abnormally_low(self, &mut works[i], lot, others).map_err(|_| overflow(&bid.id))?;
            }

            // Totals and statuses, then the ranking of the bids that compete.
            let mut outcomes: Vec<(usize, &'static str, Option<Exact>)> = Vec::new();
            for &i in &idx {
                let w = &mut works[i];
                let bid = w.bid;
                let criteria = finish_rows(self, w).map_err(|_| overflow(&bid.id))?;
                let top: Option<Vec<Exact>> = self
                    .nodes
                    .iter()
                    .zip(&w.marks)
                    .filter(|(n, _)| n.top)
                    .map(|(_, m)| *m)
                    .collect();
                let (total, total_trace) = match top {
                    Some(parts) => {
                        let t = sum(&parts).map_err(|_| overflow(&bid.id))?;
                        let trace = explain.then(|| {
                            ctx.sum_trace("award.total", None, &parts, t, self.award_cites.clone())
                        });
                        (Some(t), trace)
                    }
                    None => (None, None),
                };
                let status = if !w.excluded.is_empty() {
                    "excluded"
                } else if !w.missing.is_empty() || total.is_none() {
                    "incomplete"
                } else {
                    "ranked"
                };
                if !w.missing.is_empty() {
                    let missing = &w.missing;
                    w.flags.raise("incomplete", None, false, || Words {
                        message: format!(
                            "The bid cannot be fully scored yet: {}.",
                            missing.join("; ")
                        ),
                        action: "Complete the missing scores or information; the bid is ranked once it is complete.",
                        cites: Vec::new(),
                        trace: None,
                    });
                }
                // The eligibility in full is there exactly when the run explains.
                if let Some(eligibility) = w.eligibility.take() {
                    results[i] = Some(BidResult {
                        bid: bid.id.clone(),
                        bidder: bid.organisation.name.clone(),
                        lot: bid.lot.clone(),
                        price: bid.price.to_fixed(2),
                        status,
                        rank: None,
                        total: total.map(|t| ctx.show(t)),
                        available: ctx.show(Exact::HUNDRED),
                        total_trace,
                        eligibility,
                        gates: std::mem::take(&mut w.gates),
                        criteria,
                        flags: std::mem::take(&mut w.flags.raised),
                    });
                }
                outcomes.push((i, status, total));
            }

            let mut cands = Vec::new();
            let mut in_order = Vec::new();
            let mut not_ranked = Vec::new();
            for &(i, status, total) in &outcomes {
                let w = &works[i];
                match (status, total) {
                    ("ranked", Some(total)) => {
                        cands.push(ranking::Candidate {
                            id: &w.bid.id,
                            bidder: &w.bid.organisation.name,
                            total,
                            price: w.bid.price,
                            user_led: w.verdict == Verdict::Yes,
                            marks: &w.marks,
                        });
                        in_order.push(i);
                    }
                    _ => not_ranked.push(NotRanked {
                        bid: w.bid.id.clone(),
                        bidder: w.bid.organisation.name.clone(),
                        status,
                        reasons: if status == "incomplete" {
                            w.missing.clone()
                        } else {
                            w.excluded.clone()
                        },
                    }),
                }
            }
            let placed = ranking::rank(ctx.protocol, &cands, ctx.rounding.places);
            let mut ranking_rows = Vec::new();
            for p in placed {
                let c = &cands[p.candidate];
                let i = in_order[p.candidate];
                if let Some(r) = &mut results[i] {
                    r.rank = Some(p.rank);
                }
                ranking_rows.push(RankRow {
                    rank: p.rank,
                    bid: c.id.to_string(),
                    bidder: c.bidder.to_string(),
                    total: ctx.show(c.total),
                    price: c.price.to_fixed(2),
                    flags: works[i].flags.open.clone(),
                    tie: p.tie,
                });
            }
            ranking_rows.sort_by(|a, b| (a.rank, &a.bid).cmp(&(b.rank, &b.bid)));
            lots_out.push(LotResult {
                lot: lot.id.clone(),
                title: lot.title.clone(),
                lowest_price: lowest.map(|l| l.to_fixed(2)),
                ranking: ranking_rows,
                not_ranked,
            });
        }
        Ok(Scored {
            lots: lots_out,
            bids: results.into_iter().flatten().collect(),
        })
    }
}

impl Protocol {
    /// Scores a tender's bids: eligibility, gates, moderation, price, thresholds, flags, and a
    /// ranking per lot with the tie-break reasons; every figure explained.
    pub fn score(&self, tender: &Tender, bids: &Bids) -> Result<ScoreResult, Problems> {
        let scored = Run::new(self, tender, true).score(bids)?;
        let (findings, _) = crate::barriers::findings(self, tender);
        Ok(ScoreResult {
            document: "score-result",
            engine: crate::report::EngineRef::this(),
            protocol: crate::provenance::protocol_ref(self),
            tender: crate::provenance::tender_ref(tender),
            input_hash: crate::audit::input_hash(&[
                ("protocol", self.digest()),
                ("tender", tender.digest()),
                ("bids", bids.digest()),
            ]),
            rounding: crate::provenance::rounding_ref(self),
            findings,
            lots: scored.lots,
            bids: scored.bids,
        })
    }

    /// Ranks a tender's bids without explaining them: each lot's ranking exactly as
    /// [`Protocol::score`] gives it in its `lots` (totals, ranks, open flag codes, tie notes,
    /// bids not ranked and why), from the same code with the explanations left out. For callers
    /// that re-score many times and need only the order, such as the what-if sweep; anything
    /// shown or published as a result should come from `score`.
    pub fn rank(&self, tender: &Tender, bids: &Bids) -> Result<Ranking, Problems> {
        let scored = Run::new(self, tender, false).score(bids)?;
        Ok(Ranking { lots: scored.lots })
    }
}
