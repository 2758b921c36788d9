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

use crate::bids::{Bid, Bids, GateOutcome, Organisation, PanelScore};
use crate::eligibility::{self, Verdict};
use crate::error::{Document, Problem, ProblemKind, Problems};
use crate::exact::{Exact, Overflow};
use crate::explain::{self, money, CiteRef, Input, Trace};
use crate::protocol::{
    Category, Cite, CriterionBody, LowBenchmark, Method, OverCeiling, Protocol, Rounding,
};
use crate::read::Choice;
use crate::report::{
    BidResult, CriterionResult, EvaluatorScore, Flag, GateRow, LotResult, NotRanked, PanelDetail,
    RankRow, ScoreResult,
};
use crate::tender::{Lot, Tender};
use std::collections::BTreeMap;

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

impl Ctx<'_> {
    pub fn round(&self, v: Exact) -> Result<Exact, Overflow> {
        v.round(self.rounding.places, self.rounding.mode)
    }

    pub fn show(&self, v: Exact) -> String {
        fixed_or_exact(v, self.rounding.places)
    }

    pub fn cites(&self, cites: &[Cite]) -> Vec<CiteRef> {
        explain::cites(self.protocol, cites)
    }

    fn rounding_text(&self) -> String {
        format!(
            "{} to {} decimal place{}",
            self.rounding.mode.describe(),
            self.rounding.places,
            if self.rounding.places == 1 { "" } else { "s" }
        )
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
        let exact = available.mul(share)?;
        let rounded = self.round(exact)?;
        let c = self.protocol.criterion(criterion);
        let cites = c.map(|c| self.cites(&c.cites)).unwrap_or_default();
        let trace = Trace {
            rule: rule.to_string(),
            criterion: Some(criterion.to_string()),
            inputs,
            formula: formula.replace("{marks}", &available.to_exact_string()),
            exact: exact.to_exact_string(),
            result: self.show(rounded),
            rounding: (exact != rounded).then(|| self.rounding_text()),
            cites,
        };
        Ok((rounded, trace))
    }

    /// A sum of marks, with its trace.
    pub fn sum_trace(
        &self,
        rule: &str,
        criterion: Option<&str>,
        parts: &[Exact],
    ) -> Result<(Exact, Trace), Overflow> {
        let mut total = Exact::ZERO;
        for p in parts {
            total = total.add(*p)?;
        }
        let formula = if parts.is_empty() {
            "0".to_string()
        } else {
            parts
                .iter()
                .map(|p| self.show(*p))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let cites = match criterion {
            Some(id) => self
                .protocol
                .criterion(id)
                .map(|c| self.cites(&c.cites))
                .unwrap_or_default(),
            None => self.cites(&self.protocol.doc().award.cites),
        };
        Ok((
            total,
            Trace {
                rule: rule.to_string(),
                criterion: criterion.map(str::to_string),
                inputs: Vec::new(),
                formula,
                exact: total.to_exact_string(),
                result: self.show(total),
                rounding: None,
                cites,
            },
        ))
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

/// Marks from a banded table: which band the value falls in, and the marks it earns.
pub(crate) fn banded(
    ctx: &Ctx,
    criterion: &str,
    fact: &str,
    value: Exact,
    bands: &[crate::protocol::Band],
    out_of: i64,
) -> Result<(Exact, Trace), Overflow> {
    let band = bands
        .iter()
        .rev()
        .find(|b| value >= b.from)
        .unwrap_or(&bands[0]);
    let range = match band.to {
        Some(to) => format!(
            "from {} up to {}",
            band.from.to_exact_string(),
            to.to_exact_string()
        ),
        None => format!("{} or more", band.from.to_exact_string()),
    };
    let share = Exact::ratio(i128::from(band.points), i128::from(out_of))?;
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

/// A bid part-way through scoring.
struct Work<'b> {
    bid: &'b Bid,
    verdict: Verdict,
    eligibility: crate::report::EligibilityResult,
    gates: Vec<GateRow>,
    flags: Vec<Flag>,
    rows: BTreeMap<String, CriterionResult>,
    marks: BTreeMap<String, Exact>,
    excluded: Vec<String>,
    missing: Vec<String>,
}

fn flag(
    code: &'static str,
    criterion: Option<&str>,
    excludes: bool,
    message: String,
    action: &str,
    cites: Vec<CiteRef>,
) -> Flag {
    Flag {
        code,
        criterion: criterion.map(str::to_string),
        excludes,
        message,
        action: action.to_string(),
        trace: None,
        cites,
    }
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
fn blank_row(ctx: &Ctx, id: &str) -> CriterionResult {
    let node = ctx.protocol.tree().iter().find(|n| n.id == id);
    let crit = ctx.protocol.criterion(id);
    CriterionResult {
        criterion: id.to_string(),
        title: crit.map(|c| c.title.clone()).unwrap_or_default(),
        parent: node.and_then(|n| n.parent.clone()),
        depth: node.map_or(1, |n| n.depth),
        method: crit.map_or("group", |c| method_word(&c.body)),
        category: node.map_or("quality", |n| category_word(n.category)),
        weight: ctx.tender.weight(id).to_exact_string(),
        available: ctx.show(ctx.tender.max_marks(id)),
        marks: None,
        panel: None,
        trace: None,
        missing: None,
    }
}

fn panel_leaf(
    ctx: &Ctx,
    w: &mut Work,
    id: &str,
    scale_id: &str,
    minimum: Option<crate::protocol::Minimum>,
) -> Result<(), Overflow> {
    let protocol = ctx.protocol;
    let Some(scale) = protocol.scale(scale_id) else {
        return Ok(());
    };
    let award = &protocol.doc().award;
    let scores: &[PanelScore] = w.bid.scores_for(id);
    let consensus = w.bid.consensus_for(id);
    let mut row = blank_row(ctx, id);
    let not_scored_by: Vec<String> = ctx
        .tender
        .doc()
        .panel
        .iter()
        .flatten()
        .filter(|e| !scores.iter().any(|s| s.evaluator == e.id))
        .map(|e| e.id.clone())
        .collect();
    let not_scored_names: Vec<String> = not_scored_by
        .iter()
        .map(|id| {
            ctx.tender
                .evaluator(id)
                .map_or_else(|| id.clone(), |e| e.name.clone())
        })
        .collect();
    let spread = moderation::spread(scores);
    let mut detail = PanelDetail {
        scale: scale.id.clone(),
        scale_max: scale.max(),
        scores: scores
            .iter()
            .map(|s| {
                let e = ctx.tender.evaluator(&s.evaluator);
                EvaluatorScore {
                    evaluator: s.evaluator.clone(),
                    name: e.map_or_else(|| s.evaluator.clone(), |e| e.name.clone()),
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
        not_scored_by: not_scored_by.clone(),
    };
    let title = row.title.clone();
    if let Some(sp) = spread {
        if sp > award.moderation.variance_limit {
            w.flags.push(flag(
                "high_variance",
                Some(id),
                false,
                format!(
                    "Evaluators' scores for {title} range from {} to {} (a spread of {sp}); the protocol allows {}.",
                    scores.iter().map(|s| s.score).min().unwrap_or(0),
                    scores.iter().map(|s| s.score).max().unwrap_or(0),
                    award.moderation.variance_limit
                ),
                "Discuss the scores at moderation and record the reasons for the moderated score.",
                ctx.cites(&award.moderation.cites),
            ));
        }
    }
    match moderation::moderate(
        &award.moderation.method,
        ctx.tender,
        scores,
        consensus.map(|c| c.score),
    ) {
        Ok(m) => {
            detail.moderated = Some(m.value.to_exact_string());
            if !not_scored_by.is_empty()
                && !matches!(
                    award.moderation.method,
                    crate::protocol::ModerationMethod::Consensus
                )
            {
                w.flags.push(flag(
                    "partial_panel",
                    Some(id),
                    false,
                    format!(
                        "Not every evaluator scored {title}: no score from {}. The moderated score uses the scores given.",
                        not_scored_names.join(", ")
                    ),
                    "Check that this was intended (an evaluator stood down, say) and record why.",
                    ctx.cites(&award.moderation.cites),
                ));
            }
            let share = m.value.div(Exact::int(i128::from(scale.max())))?;
            let formula = format!("{} ÷ {} × {{marks}}", m.formula_value(), scale.max());
            let mut inputs = m.inputs;
            inputs.push(Input {
                name: "moderated".into(),
                label: format!("moderated score ({})", m.formula),
                value: m.value.to_exact_string(),
            });
            let rule = match award.moderation.method {
                crate::protocol::ModerationMethod::Consensus => "award.panel.consensus",
                crate::protocol::ModerationMethod::Mean { .. } => "award.panel.mean",
                crate::protocol::ModerationMethod::Median => "award.panel.median",
            };
            let (marks, trace) = ctx.leaf_marks(id, rule, share, &formula, inputs)?;
            if let Some(min) = minimum {
                if m.value < Exact::int(i128::from(min.score)) {
                    let mut f = flag(
                        "threshold_failed",
                        Some(id),
                        min.disqualifies,
                        format!(
                            "The moderated score for {title} is {}, below the minimum of {}.",
                            m.value.to_exact_string(),
                            min.score
                        ),
                        if min.disqualifies {
                            "The bid is excluded: the protocol says failing this minimum disqualifies."
                        } else {
                            "The bid stays in the ranking: the protocol says this minimum does not disqualify, but the shortfall must be recorded."
                        },
                        protocol
                            .criterion(id)
                            .map(|c| ctx.cites(&c.cites))
                            .unwrap_or_default(),
                    );
                    f.trace = Some(trace.clone());
                    w.flags.push(f);
                    if min.disqualifies {
                        w.excluded.push(format!(
                            "below the minimum score of {} for {title}",
                            min.score
                        ));
                    }
                }
            }
            w.marks.insert(id.to_string(), marks);
            row.marks = Some(ctx.show(marks));
            row.trace = Some(trace);
        }
        Err(moderation::NotModerated::Missing(why)) => {
            w.missing.push(format!("{title}: {why}"));
            row.missing = Some(why);
        }
        Err(moderation::NotModerated::Overflow) => return Err(Overflow),
    }
    row.panel = Some(detail);
    w.rows.insert(id.to_string(), row);
    Ok(())
}

impl moderation::Moderated {
    /// The moderated value as it appears in the marks formula.
    fn formula_value(&self) -> String {
        self.value.to_exact_string()
    }
}

fn pre_price<'b>(ctx: &Ctx, bid: &'b Bid) -> Result<Work<'b>, Overflow> {
    let protocol = ctx.protocol;
    let award = &protocol.doc().award;
    let (verdict, eligibility) = eligibility::assess(protocol, &bid.organisation);
    let mut w = Work {
        bid,
        verdict,
        eligibility,
        gates: Vec::new(),
        flags: Vec::new(),
        rows: BTreeMap::new(),
        marks: BTreeMap::new(),
        excluded: Vec::new(),
        missing: Vec::new(),
    };

    for g in &award.gates {
        let outcome = bid.gate(&g.id);
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
        match outcome {
            Some(GateOutcome::Fail) => {
                w.flags.push(flag(
                    "gate_failed",
                    None,
                    true,
                    format!("The bid fails the pass/fail condition \"{}\".", g.title),
                    "The bid is excluded. Record the evidence for the failure and tell the bidder.",
                    ctx.cites(&g.cites),
                ));
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
                w.flags.push(flag(
                    "ineligible",
                    None,
                    true,
                    "The contract is reserved for user-led organisations, and this bidder is not one under the protocol.".into(),
                    "The bid is excluded from the ranking. Tell the bidder which test it did not meet.",
                    Vec::new(),
                ));
                w.excluded
                    .push("not a user-led organisation, and the contract is reserved".into());
            }
            Verdict::NotEnoughInformation => {
                w.flags.push(flag(
                    "eligibility_unknown",
                    None,
                    false,
                    "The contract is reserved for user-led organisations, and the bid does not give enough information to tell whether this bidder is one.".into(),
                    "Ask the bidder for the missing information before ranking the bid.",
                    Vec::new(),
                ));
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
                w.flags.push(flag(
                    "over_ceiling",
                    None,
                    excludes,
                    format!(
                        "The price {} is above the lot's affordability ceiling of {}.",
                        money(bid.price),
                        money(ceiling)
                    ),
                    if excludes {
                        "The bid is excluded from the ranking, as the protocol says."
                    } else {
                        "The bid stays in the ranking, flagged, as the protocol says; the authority must decide whether it can afford it."
                    },
                    ctx.cites(&award.affordability.cites),
                ));
                if excludes {
                    w.excluded.push(format!(
                        "price above the affordability ceiling of {}",
                        money(ceiling)
                    ));
                }
            }
        }
    }

    for node in protocol.tree() {
        let Some(crit) = protocol.criterion(&node.id) else {
            continue;
        };
        match &crit.body {
            CriterionBody::Group(_) | CriterionBody::Leaf(Method::Price(_)) => {}
            CriterionBody::Leaf(Method::Panel { scale, minimum }) => {
                panel_leaf(ctx, &mut w, &node.id, scale, *minimum)?;
            }
            CriterionBody::Leaf(Method::Banded {
                fact,
                bands,
                out_of,
            }) => {
                let mut row = blank_row(ctx, &node.id);
                match bid_fact_value(&bid.organisation, &bid.facts, fact) {
                    Some(v) => {
                        let (marks, trace) = banded(ctx, &node.id, fact, v, bands, *out_of)?;
                        w.marks.insert(node.id.clone(), marks);
                        row.marks = Some(ctx.show(marks));
                        row.trace = Some(trace);
                    }
                    None => {
                        let why = format!(
                            "the bid does not give the {}",
                            protocol.bid_fact_title(fact)
                        );
                        w.missing.push(format!("{}: {why}", crit.title));
                        row.missing = Some(why);
                    }
                }
                w.rows.insert(node.id.clone(), row);
            }
        }
    }
    Ok(w)
}

fn price_leaves(
    ctx: &Ctx,
    w: &mut Work,
    lot: &Lot,
    lowest: Exact,
    lowest_note: &str,
) -> Result<(), Overflow> {
    for node in ctx.protocol.tree() {
        let Some(crit) = ctx.protocol.criterion(&node.id) else {
            continue;
        };
        if let CriterionBody::Leaf(Method::Price(formula)) = &crit.body {
            let s = price::share(*formula, w.bid.price, lowest, lowest_note, lot)?;
            let rule = format!("award.price.{}", formula.word());
            let (marks, trace) = ctx.leaf_marks(&node.id, &rule, s.share, &s.formula, s.inputs)?;
            let mut row = blank_row(ctx, &node.id);
            row.marks = Some(ctx.show(marks));
            row.trace = Some(trace);
            w.marks.insert(node.id.clone(), marks);
            w.rows.insert(node.id.clone(), row);
        }
    }
    Ok(())
}

fn abnormally_low(ctx: &Ctx, w: &mut Work, lot: &Lot, others: &[Exact]) -> Result<(), Overflow> {
    let rule = &ctx.protocol.doc().award.abnormally_low;
    let (benchmark, what) = match rule.compare_to {
        LowBenchmark::LotEstimate => (Some(lot.value), "the lot's estimated value".to_string()),
        LowBenchmark::MeanOfOtherBids => (
            price::mean(others)?,
            format!(
                "the mean price of the other {} bid{} for this lot",
                others.len(),
                if others.len() == 1 { "" } else { "s" }
            ),
        ),
    };
    let Some(benchmark) = benchmark else {
        return Ok(());
    };
    let t = price::low_test(w.bid.price, benchmark, rule.below_percent)?;
    if t.is_low {
        let pct = w.bid.price.mul(Exact::HUNDRED)?.div(benchmark)?;
        let mut f = flag(
            "abnormally_low",
            None,
            false,
            format!(
                "The price {} is {} of {what} ({}); the protocol asks for an explanation of any price below {}.",
                money(w.bid.price),
                explain::percent(pct),
                money(benchmark),
                explain::percent(rule.below_percent)
            ),
            "Clarification required: ask the bidder to explain the price before any decision. The bid is not rejected and stays in the ranking.",
            ctx.cites(&rule.cites),
        );
        f.trace = Some(Trace {
            rule: "award.abnormally_low".into(),
            criterion: None,
            inputs: vec![
                Input {
                    name: "bid_price".into(),
                    label: "this bid's price".into(),
                    value: money(w.bid.price),
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
            cites: ctx.cites(&rule.cites),
        });
        w.flags.push(f);
    }
    Ok(())
}

/// Builds the criteria rows in tree order, adding groups up from their children.
fn finish_rows(ctx: &Ctx, w: &mut Work) -> Result<Vec<CriterionResult>, Overflow> {
    let tree = ctx.protocol.tree();
    // Children come after their parent in tree order, so work bottom-up.
    for node in tree.iter().rev() {
        if node.children.is_empty() {
            continue;
        }
        let mut row = blank_row(ctx, &node.id);
        let parts: Option<Vec<Exact>> = node
            .children
            .iter()
            .map(|c| w.marks.get(c).copied())
            .collect();
        if let Some(parts) = parts {
            let (sum, trace) = ctx.sum_trace("award.group", Some(&node.id), &parts)?;
            w.marks.insert(node.id.clone(), sum);
            row.marks = Some(ctx.show(sum));
            row.trace = Some(trace);
        } else {
            row.missing = Some("some of its criteria could not be scored yet".into());
        }
        w.rows.insert(node.id.clone(), row);
    }
    Ok(tree.iter().filter_map(|n| w.rows.remove(&n.id)).collect())
}

impl Protocol {
    /// Scores a tender's bids: eligibility, gates, moderation, price, thresholds, flags, and a
    /// ranking per lot with the tie-break reasons.
    pub fn score(&self, tender: &Tender, bids: &Bids) -> Result<ScoreResult, Problems> {
        let ctx = Ctx {
            protocol: self,
            tender,
            rounding: self.doc().rounding,
        };
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
            works.push(pre_price(&ctx, bid).map_err(|_| overflow(&bid.id))?);
        }
        let (findings, _) = crate::barriers::findings(self, tender);
        let mut lots_out = Vec::new();
        let mut results: BTreeMap<String, BidResult> = BTreeMap::new();

        for lot in &tender.doc().lots {
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
            for &i in &idx {
                let id = works[i].bid.id.clone();
                if let Some(lowest) = lowest {
                    price_leaves(&ctx, &mut works[i], lot, lowest, note)
                        .map_err(|_| overflow(&id))?;
                }
                let others: Vec<Exact> = compliant
                    .iter()
                    .filter(|j| **j != i)
                    .map(|j| works[*j].bid.price)
                    .collect();
                abnormally_low(&ctx, &mut works[i], lot, &others).map_err(|_| overflow(&id))?;
            }

            let mut cands = Vec::new();
            let mut not_ranked = Vec::new();
            let mut partial: BTreeMap<String, (BidResult, Vec<&'static str>)> = BTreeMap::new();
            for &i in &idx {
                let w = &mut works[i];
                let id = w.bid.id.clone();
                let criteria = finish_rows(&ctx, w).map_err(|_| overflow(&id))?;
                let top: Option<Vec<Exact>> = self
                    .doc()
                    .award
                    .criteria
                    .iter()
                    .map(|c| w.marks.get(&c.id).copied())
                    .collect();
                let (total, total_trace) = match top {
                    Some(parts) => {
                        let (t, tr) = ctx
                            .sum_trace("award.total", None, &parts)
                            .map_err(|_| overflow(&id))?;
                        (Some(t), Some(tr))
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
                    w.flags.push(flag(
                        "incomplete",
                        None,
                        false,
                        format!("The bid cannot be fully scored yet: {}.", w.missing.join("; ")),
                        "Complete the missing scores or information; the bid is ranked once it is complete.",
                        Vec::new(),
                    ));
                }
                let open_flags: Vec<&'static str> = w
                    .flags
                    .iter()
                    .filter(|f| !f.excludes)
                    .map(|f| f.code)
                    .collect();
                if status == "ranked" {
                    cands.push(ranking::Candidate {
                        id: id.clone(),
                        bidder: w.bid.organisation.name.clone(),
                        total: total.unwrap_or(Exact::ZERO),
                        price: w.bid.price,
                        user_led: w.verdict == Verdict::Yes,
                        marks: w.marks.clone(),
                    });
                } else {
                    let mut reasons = w.excluded.clone();
                    if status == "incomplete" {
                        reasons = w.missing.clone();
                    }
                    not_ranked.push(NotRanked {
                        bid: id.clone(),
                        bidder: w.bid.organisation.name.clone(),
                        status,
                        reasons,
                    });
                }
                let result = BidResult {
                    bid: id.clone(),
                    bidder: w.bid.organisation.name.clone(),
                    lot: w.bid.lot.clone(),
                    price: w.bid.price.to_fixed(2),
                    status,
                    rank: None,
                    total: total.map(|t| ctx.show(t)),
                    available: ctx.show(Exact::HUNDRED),
                    total_trace,
                    eligibility: w.eligibility.clone(),
                    gates: std::mem::take(&mut w.gates),
                    criteria,
                    flags: std::mem::take(&mut w.flags),
                };
                partial.insert(id, (result, open_flags));
            }
            let placed = ranking::rank(self, &cands, ctx.rounding.places);
            let mut ranking_rows = Vec::new();
            for p in placed {
                if let Some((r, open)) = partial.get_mut(&p.id) {
                    r.rank = Some(p.rank);
                    ranking_rows.push(RankRow {
                        rank: p.rank,
                        bid: p.id.clone(),
                        bidder: r.bidder.clone(),
                        total: r.total.clone().unwrap_or_default(),
                        price: r.price.clone(),
                        flags: open.clone(),
                        tie: p.tie,
                    });
                }
            }
            ranking_rows.sort_by(|a, b| (a.rank, &a.bid).cmp(&(b.rank, &b.bid)));
            for (id, (r, _)) in partial {
                results.insert(id, r);
            }
            lots_out.push(LotResult {
                lot: lot.id.clone(),
                title: lot.title.clone(),
                lowest_price: lowest.map(|l| l.to_fixed(2)),
                ranking: ranking_rows,
                not_ranked,
            });
        }

        Ok(ScoreResult {
            document: "score-result",
            engine: crate::report::EngineRef::this(),
            protocol: crate::protocol_ref(self),
            tender: crate::tender_ref(tender),
            input_hash: crate::audit::input_hash(&[
                ("protocol", self.digest()),
                ("tender", tender.digest()),
                ("bids", bids.digest()),
            ]),
            rounding: crate::rounding_ref(self),
            findings,
            lots: lots_out,
            bids: results.into_values().collect(),
        })
    }
}
