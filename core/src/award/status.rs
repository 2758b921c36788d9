//! A bid's standing once all its marks are in: groups and the total added up, its status
//! (ranked, excluded or incomplete), and the lot's ranking of the bids that compete.
//!
//! A bid with a missing score or an unassessed condition is incomplete, never scored as zero;
//! an excluded bid is listed with its reasons, never dropped silently.

use super::flags::Words;
use super::marks::sum;
use super::model::{self, Order};
use super::ranking;
use super::run::{Run, Work};
use crate::eligibility::Verdict;
use crate::exact::{Exact, Overflow};
use crate::explain::Trace;
use crate::report::{
    BidResult, BidStatus, BidSummary, CriterionMarks, CriterionResult, FlagCode, GateOutcomeRow,
    NotRanked, NotRankedStatus, RankRow,
};
use crate::tender::evaluation::Model;

/// A bid's results, by work index: in full (explained bids) and in summary (summary runs).
#[derive(Default)]
pub(super) struct Out {
    /// Full results.
    pub results: Vec<Option<BidResult>>,
    /// Summaries.
    pub summaries: Vec<Option<BidSummary>>,
    /// Ranks, for every bid ranked (explained or not).
    pub ranks: Vec<Option<u32>>,
}

/// Where a bid stands once its marks are in: in competition with its total, or not ranked and
/// why. A ranked bid always has a total, by construction.
pub(super) type Standing = Result<Exact, NotRankedStatus>;

/// Adds groups up from their children, bottom-up, and returns the criteria rows in tree order
/// (none when not explaining). `counted` (under a lot model other than the weighted total)
/// says which criteria count: the others lose any marks and say why in `not_counted`, and a
/// group adds up only the criteria that count.
fn finish_rows(
    run: &Run,
    w: &mut Work,
    counted: Option<&[bool]>,
) -> Result<Vec<CriterionResult>, Overflow> {
    let ctx = &run.ctx;
    let counts = |i: usize| counted.is_none_or(|c| c[i]);
    if counted.is_some() {
        for i in 0..run.nodes.len() {
            if counts(i) {
                continue;
            }
            w.marks[i] = None;
            if let Some(mut row) = run.blank(w, i) {
                row.not_counted = Some(model::not_counted_reason(&w.model).into());
                w.rows[i] = Some(row);
            }
        }
    }
    // Children come after their parent in tree order, so work bottom-up.
    for (i, node) in run.nodes.iter().enumerate().rev() {
        if node.children.is_empty() || !counts(i) {
            continue;
        }
        let mut row = run.blank(w, i);
        let parts: Option<Vec<Exact>> = node
            .children
            .iter()
            .filter(|c| counts(**c))
            .map(|c| w.marks[*c])
            .collect();
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
        if w.explain {
            w.rows[i] = row;
        }
    }
    Ok(std::mem::take(&mut w.rows).into_iter().flatten().collect())
}

/// The total of the top-level criteria that count, with its trace when explaining; `None`
/// while any of them has no marks.
fn total(
    run: &Run,
    w: &Work,
    counted: Option<&[bool]>,
) -> Result<Option<(Exact, Option<Trace>)>, Overflow> {
    let top: Option<Vec<Exact>> = run
        .nodes
        .iter()
        .enumerate()
        .zip(&w.marks)
        .filter(|((i, n), _)| n.top && counted.is_none_or(|c| c[*i]))
        .map(|(_, m)| *m)
        .collect();
    let Some(parts) = top else {
        return Ok(None);
    };
    let t = sum(&parts)?;
    let trace = w.explain.then(|| {
        run.ctx
            .sum_trace("award.total", None, &parts, t, run.award_cites.clone())
    });
    Ok(Some((t, trace)))
}

/// A bid's summary, once it is settled (its rank is set when the lot is ranked).
fn summary(
    run: &Run,
    w: &mut Work,
    status: BidStatus,
    total: Option<Exact>,
    available: &str,
) -> BidSummary {
    let ctx = &run.ctx;
    let bid = w.bid;
    let gates = ctx.protocol.doc().award.gates.iter();
    BidSummary {
        bid: bid.id.clone(),
        bidder: bid.organisation.name.clone(),
        lot: bid.lot.clone(),
        price: bid.price.to_fixed(2),
        status,
        rank: None,
        total: total.map(|t| ctx.show(t)),
        quality_marks: shown_quality(run, w),
        cost_per_quality_point: shown_cost(run, w),
        available: available.to_string(),
        eligibility: w.verdict,
        gates: gates
            .zip(&w.gate_outcomes)
            .map(|(g, o)| GateOutcomeRow {
                gate: g.id.clone(),
                outcome: *o,
            })
            .collect(),
        reservation: w.reservation_outcome,
        marks: CriterionMarks(
            run.nodes
                .iter()
                .zip(&w.marks)
                .map(|(n, m)| (n.id.to_string(), m.map(|m| ctx.show(m))))
                .collect(),
        ),
        flags: std::mem::take(&mut w.flags.briefs),
    }
}

/// Settles a bid once all its marks are in: its standing, its full result when it is
/// explained, and its summary in a summary run.
pub(super) fn settle(
    run: &Run,
    w: &mut Work,
) -> Result<(Standing, Option<BidResult>, Option<BidSummary>), Overflow> {
    let ctx = &run.ctx;
    let bid = w.bid;
    let counted = (w.model != Model::Weighted).then(|| model::counted(run, &w.model));
    let criteria = finish_rows(run, w, counted.as_deref())?;
    let available = match &counted {
        None => ctx.show(Exact::HUNDRED),
        Some(c) => {
            let parts: Vec<Exact> = run
                .nodes
                .iter()
                .enumerate()
                .filter(|(i, n)| n.top && c[*i])
                .map(|(_, n)| n.available)
                .collect();
            ctx.show(sum(&parts)?)
        }
    };
    let (total, total_trace) = match total(run, w, counted.as_deref())? {
        Some((t, trace)) => (Some(t), trace),
        None => (None, None),
    };
    let standing = match total {
        _ if !w.excluded.is_empty() => Err(NotRankedStatus::Excluded),
        Some(t) if w.missing.is_empty() => Ok(t),
        _ => Err(NotRankedStatus::Incomplete),
    };
    if !w.missing.is_empty() {
        let missing = &w.missing;
        w.flags.raise(FlagCode::Incomplete, None, false, || Words {
            message: format!(
                "The bid cannot be fully scored yet: {}.",
                missing.join("; ")
            ),
            action: "Complete the missing scores or information; the bid is ranked once it is complete.",
            cites: Vec::new(),
            trace: None,
        });
    }
    // A bid the model (or anything else) excludes is not priced per quality point: under the
    // published model its price is not evaluated.
    if let (Some(q), true) = (
        w.quality,
        matches!(w.model, Model::PricePerQualityPoint { .. }),
    ) {
        if !q.is_zero() && w.excluded.is_empty() {
            let (cost, trace) = model::cost_per_point(run, w, q)?;
            w.cost = Some(cost);
            w.stage.extend(trace);
        }
    }
    let status = standing.map_or_else(BidStatus::from, |_| BidStatus::Ranked);
    let brief = run
        .summary
        .then(|| summary(run, w, status, total, &available));
    // The eligibility in full is there exactly when the bid is explained.
    let result = w.eligibility.take().map(|eligibility| BidResult {
        bid: bid.id.clone(),
        bidder: bid.organisation.name.clone(),
        lot: bid.lot.clone(),
        price: bid.price.to_fixed(2),
        status,
        rank: None,
        total: total.map(|t| ctx.show(t)),
        available,
        total_trace,
        quality_marks: shown_quality(run, w),
        cost_per_quality_point: shown_cost(run, w),
        stage: std::mem::take(&mut w.stage),
        eligibility,
        gates: std::mem::take(&mut w.gates),
        reservation: w.reservation.take(),
        criteria,
        flags: std::mem::take(&mut w.flags.raised),
        basket: w.basket.take(),
    });
    Ok((standing, result, brief))
}

/// Ranks the bids of a lot that compete, given each bid's standing by work index, and lists the
/// rest with their reasons. Sets each ranked bid's rank in its full result and its summary.
pub(super) fn rank(
    run: &Run,
    works: &[Work],
    standings: &[(usize, Standing)],
    out: &mut Out,
) -> (Vec<RankRow>, Vec<NotRanked>) {
    let ctx = &run.ctx;
    let mut cands = Vec::new();
    let mut in_order = Vec::new();
    let mut not_ranked = Vec::new();
    // Every bid of a lot shares its model.
    let order = standings
        .first()
        .map_or(Order::Total, |(i, _)| Order::of(&works[*i].model));
    for &(i, standing) in standings {
        let w = &works[i];
        match standing {
            Ok(total) => {
                let key = match order {
                    Order::Total => total,
                    Order::CostPerQualityPoint => w.cost.unwrap_or(total),
                    Order::Price => w.bid.price,
                };
                cands.push(ranking::Candidate {
                    id: &w.bid.id,
                    bidder: &w.bid.organisation.name,
                    total,
                    key,
                    price: w.bid.price,
                    user_led: w.verdict == Verdict::Yes,
                    marks: &w.marks,
                });
                in_order.push(i);
            }
            Err(status) => not_ranked.push(NotRanked {
                bid: w.bid.id.clone(),
                bidder: w.bid.organisation.name.clone(),
                status,
                reasons: match status {
                    NotRankedStatus::Incomplete => w.missing.clone(),
                    NotRankedStatus::Excluded => w.excluded.clone(),
                },
            }),
        }
    }
    let placed = ranking::rank(ctx.protocol, &cands, ctx.rounding.places, order);
    let mut rows = Vec::new();
    for p in placed {
        let c = &cands[p.candidate];
        let i = in_order[p.candidate];
        if let Some(r) = &mut out.results[i] {
            r.rank = Some(p.rank);
        }
        if let Some(s) = &mut out.summaries[i] {
            s.rank = Some(p.rank);
        }
        out.ranks[i] = Some(p.rank);
        rows.push(RankRow {
            rank: p.rank,
            bid: c.id.to_string(),
            bidder: c.bidder.to_string(),
            total: ctx.show(c.total),
            price: c.price.to_fixed(2),
            cost_per_quality_point: shown_cost(run, &works[i]),
            flags: works[i].flags.open.clone(),
            tie: p.tie,
        });
    }
    rows.sort_by(|a, b| (a.rank, &a.bid).cmp(&(b.rank, &b.bid)));
    (rows, not_ranked)
}

/// The quality marks as shown: rounded as the protocol says (decided on the exact value).
fn shown_quality(run: &Run, w: &Work) -> Option<String> {
    let q = w.quality?;
    Some(run.ctx.show(run.ctx.round(q).unwrap_or(q)))
}

/// The cost per quality point as shown: to 2 places in the protocol's mode (ranked on the exact
/// value).
fn shown_cost(run: &Run, w: &Work) -> Option<String> {
    let c = w.cost?;
    Some(c.round(2, run.ctx.rounding.mode).unwrap_or(c).to_fixed(2))
}
