//! Invariants every result must keep, whatever the inputs: checked by the property tests on
//! generated inputs and on every conformance case, and asserted inside the fuzz targets.
//!
//! For a score result:
//! - every ranked bid has a rank and a total; a lot's ranking lists exactly its ranked bids, in
//!   rank order with totals that never rise; `not_ranked` lists exactly the others;
//! - no figure is negative, and no criterion's marks exceed its marks available, nor any total
//!   the marks available in all (see [`Report::rounding_excess`] for the one known exception);
//! - each group's marks are the sum of its children's, and each total the sum of the top-level
//!   criteria;
//! - **every trace recomputes its figure**: its `formula` evaluates (with [`crate::formula`]) to
//!   its `exact` value; rounding `exact` as the result's rounding says gives `result`; `result`
//!   is the figure shown; `rounding` is given exactly when rounding changed the value;
//! - a panel criterion's moderated score is what its moderation formula gives over the
//!   evaluators' scores listed in the panel detail, and its marks are that score over the
//!   scale's top times the marks available;
//! - the lowest price a relative price formula uses is the lot's published lowest price, which is
//!   the lowest price among the bids still in competition; a lot with none in competition
//!   publishes none (its bids' price marks, worked out for the record, use the lowest price of
//!   all the lot's bids, and say so);
//! - an abnormally-low flag's limit is the protocol's percentage of its benchmark (the lot's
//!   estimate, or the mean price of the other bids in competition), the bid's price is below
//!   it, and no unflagged bid's price is;
//! - every criterion's marks available are what the protocol's and the tender's weights give,
//!   worked out here for weights read as shares of the parent or of the whole award;
//! - bids tied on total marks but ranked apart were separated by the first tie-break rule on
//!   which they differ (a criterion's marks, a category's marks added up, the price).
//!
//! - a basket of rates' trace recomputes the bid's price (each rate times its volume, added up).
//!
//! For a self-check result: every low and high trace recomputes its figure, the low end never
//! exceeds the high end, and the projected range is the sum of the rows.

use crate::formula::{self, eval, number, Q};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Zero};
use ulo_core::explain::Trace;
use ulo_core::protocol::LowBenchmark;
use ulo_core::report::{BidResult, BidStatus, CriterionMethod, CriterionResult, FlagCode};
use ulo_core::tender::evaluation::{Model, ModelKind, Then};
use ulo_core::{Protocol, ScoreResult, SelfCheckResult, Tender};

/// What the checks found.
#[derive(Debug, Default)]
pub struct Report {
    /// Broken invariants, each saying where and what.
    pub failures: Vec<String>,
    /// Marks above the marks available that come only from rounding: a criterion whose marks
    /// available are not a whole number of the protocol's last decimal place (25.5 marks at 0
    /// places) can be awarded the rounded-up figure (26), and a total can then pass 100. This
    /// is the engine rounding each leaf as its protocol says; it is reported here, apart from
    /// the failures, so that the other invariants stay strict while it is open. See
    /// `tests/tests/invariants.rs` (`rounding_can_lift_marks_above_the_marks_available`).
    pub rounding_excess: Vec<String>,
}

impl Report {
    fn fail(&mut self, text: String) {
        self.failures.push(text);
    }

    /// Everything found, for a failing assertion.
    pub fn is_clean(&self) -> bool {
        self.failures.is_empty()
    }
}

fn q_int(n: i64) -> Q {
    BigRational::from_integer(BigInt::from(n))
}

fn pow10(places: u32) -> Q {
    BigRational::from_integer(BigInt::from(10u32).pow(places))
}

/// Whether a value is a whole number of the last decimal place.
fn on_grid(v: &Q, places: u32) -> bool {
    (v * pow10(places)).is_integer()
}

/// The smallest multiple of the last decimal place at or above `v`.
fn grid_ceiling(v: &Q, places: u32) -> Q {
    (v * pow10(places)).ceil() / pow10(places)
}

/// An amount as `vocab::money` writes it (`GBP 1,250.50`).
fn money(text: &str) -> Option<Q> {
    let t = text.strip_prefix("GBP ")?;
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let v = number(&t.replace(',', ""))?;
    Some(if neg { -v } else { v })
}

fn parse(text: &str, what: &str, r: &mut Report) -> Option<Q> {
    let v = number(text);
    if v.is_none() {
        r.fail(format!("{what}: {text:?} is not a number"));
    }
    v
}

/// The places a figure is written with.
fn places_of(text: &str) -> u32 {
    text.split_once('.').map_or(0, |(_, f)| f.len() as u32)
}

/// What a trace's figure is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Leaf marks: rounded as the protocol says, written with its places.
    Rounded,
    /// A sum of rounded marks (a group, a total): exact, written with the protocol's places.
    Sum,
    /// A figure published exactly as it is (an abnormally-low limit).
    Exact,
}

/// Checks one trace against the figure it explains.
fn trace(
    t: &Trace,
    figure: &str,
    kind: Kind,
    places: u32,
    mode: &str,
    what: &str,
    r: &mut Report,
) -> Option<Q> {
    let at = format!("{what} ({})", t.rule);
    let exact = parse(&t.exact, &format!("{at}: exact"), r)?;
    let result = parse(&t.result, &format!("{at}: result"), r)?;
    match eval(&t.formula) {
        Ok(v) if v == exact => {}
        Ok(v) => r.fail(format!(
            "{at}: the formula {:?} gives {v}, but the trace's exact value is {}",
            t.formula, t.exact
        )),
        Err(e) => r.fail(format!("{at}: the formula does not evaluate: {e}")),
    }
    let expected = if kind == Kind::Rounded {
        match formula::round(&exact, places, mode) {
            Ok(v) => v,
            Err(e) => {
                r.fail(format!("{at}: {e}"));
                return None;
            }
        }
    } else {
        exact.clone()
    };
    if expected != result {
        r.fail(format!(
            "{at}: {} rounded {mode} to {places} places is {expected}, but the trace says {}",
            t.exact, t.result
        ));
    }
    if t.result != figure {
        r.fail(format!(
            "{at}: the trace's result {:?} is not the figure shown, {figure:?}",
            t.result
        ));
    }
    if t.rounding.is_some() != (exact != result) {
        r.fail(format!(
            "{at}: `rounding` is {:?} although exact {} and result {} {}",
            t.rounding,
            t.exact,
            t.result,
            if exact == result {
                "are equal"
            } else {
                "differ"
            }
        ));
    }
    if kind != Kind::Exact && on_grid(&result, places) && places_of(&t.result) != places {
        r.fail(format!(
            "{at}: the figure {:?} is not written with the protocol's {places} places",
            t.result
        ));
    }
    Some(result)
}

/// Marks against what is available: never negative, never above it. `rounding` says whether
/// an excess can come from rounding alone (see [`Report::rounding_excess`]): for a leaf, when its
/// marks available are not on the last decimal place and the marks are the next figure up; for
/// a group or a total, when one of the bid's leaves had such an excess. Returns whether the
/// marks were above what is available.
fn within(marks: &Q, available: &Q, rounding: bool, what: &str, r: &mut Report) -> bool {
    if *marks < Q::zero() {
        r.fail(format!("{what}: marks {marks} are negative"));
    }
    if marks <= available {
        return false;
    }
    if rounding {
        r.rounding_excess.push(format!(
            "{what}: marks {marks} above the {available} available"
        ));
    } else {
        r.fail(format!(
            "{what}: marks {marks} are above the {available} available"
        ));
    }
    true
}

/// Whether leaf marks above `available` can come from rounding alone.
fn leaf_rounding(marks: &Q, available: &Q, places: u32) -> bool {
    !on_grid(available, places) && *marks <= grid_ceiling(available, places)
}

fn input<'a>(t: &'a Trace, name: &str) -> Option<&'a str> {
    t.inputs
        .iter()
        .find(|i| i.name == name)
        .map(|i| i.value.as_str())
}

/// Checks a score result.
pub fn check_score(protocol: &Protocol, tender: &Tender, result: &ScoreResult) -> Report {
    let mut r = Report::default();
    let places = result.rounding.places;
    let mode = result.rounding.mode.word();
    let low_rule = &protocol.doc().award.abnormally_low;
    let below = number(&low_rule.below_percent.to_exact_string()).unwrap_or_else(Q::zero);

    for lot in &result.lots {
        let in_lot: Vec<&BidResult> = result.bids.iter().filter(|b| b.lot == lot.lot).collect();
        let competing: Vec<&BidResult> = in_lot
            .iter()
            .copied()
            .filter(|b| b.status != BidStatus::Excluded)
            .collect();
        // No benchmark is published for a lot with no bid in competition.
        let lowest = competing.iter().filter_map(|b| number(&b.price)).min();
        let shown = lot.lowest_price.as_deref().and_then(number);
        if lowest != shown {
            r.fail(format!(
                "lot {}: lowest price shown {:?}, but the bids in competition give {:?}",
                lot.lot,
                lot.lowest_price,
                lowest.map(|l| l.to_string())
            ));
        }

        // The ranking: exactly the ranked bids, in rank order, totals never rising.
        let ranked: Vec<&str> = in_lot
            .iter()
            .filter(|b| b.status == BidStatus::Ranked)
            .map(|b| b.bid.as_str())
            .collect();
        let mut listed: Vec<&str> = lot.ranking.iter().map(|x| x.bid.as_str()).collect();
        listed.sort_unstable();
        if listed != ranked {
            r.fail(format!(
                "lot {}: the ranking lists {listed:?}, the ranked bids are {ranked:?}",
                lot.lot
            ));
        }
        let mut others: Vec<&str> = lot.not_ranked.iter().map(|x| x.bid.as_str()).collect();
        others.sort_unstable();
        let unranked: Vec<&str> = in_lot
            .iter()
            .filter(|b| b.status != BidStatus::Ranked)
            .map(|b| b.bid.as_str())
            .collect();
        if others != unranked {
            r.fail(format!(
                "lot {}: not_ranked lists {others:?}, the bids not ranked are {unranked:?}",
                lot.lot
            ));
        }
        // What the lot is ranked on: the total (never rising), or under price per quality point
        // the cost per point and under sequential-then-lowest-price the price (never falling).
        let ascending = match lot.model {
            Some(ModelKind::PricePerQualityPoint) => Some(true),
            Some(ModelKind::Sequential) => Some(tender.lot(&lot.lot).is_some_and(|l| {
                matches!(
                    l.evaluation.model,
                    Model::Sequential {
                        then: Then::LowestPrice,
                        ..
                    }
                )
            })),
            _ => None,
        }
        .filter(|a| *a);
        for pair in lot.ranking.windows(2) {
            let key = |r: &ulo_core::report::RankRow| match (ascending, lot.model) {
                (Some(_), Some(ModelKind::PricePerQualityPoint)) => r
                    .cost_per_quality_point
                    .as_deref()
                    .and_then(number)
                    .map(|v| -v),
                (Some(_), _) => number(&r.price).map(|v| -v),
                _ => number(&r.total),
            };
            let (a, b) = (key(&pair[0]), key(&pair[1]));
            if pair[0].rank > pair[1].rank || a < b {
                r.fail(format!(
                    "lot {}: {} (rank {}, {}) is listed before {} (rank {}, {})",
                    lot.lot,
                    pair[0].bid,
                    pair[0].rank,
                    pair[0].total,
                    pair[1].bid,
                    pair[1].rank,
                    pair[1].total
                ));
            }
            if a != b && pair[0].rank == pair[1].rank {
                r.fail(format!(
                    "lot {}: {} and {} share rank {} with different totals",
                    lot.lot, pair[0].bid, pair[1].bid, pair[0].rank
                ));
            }
        }
        for row in &lot.ranking {
            if let Some(b) = in_lot.iter().find(|b| b.bid == row.bid) {
                if b.rank != Some(row.rank) || b.total.as_deref() != Some(row.total.as_str()) {
                    r.fail(format!(
                        "lot {}: the ranking gives {} rank {} and {}, the bid's result {:?} and {:?}",
                        lot.lot, row.bid, row.rank, row.total, b.rank, b.total
                    ));
                }
            }
        }

        // Abnormally low prices, both ways.
        for b in &in_lot {
            let Some(price) = number(&b.price) else {
                r.fail(format!(
                    "bid {}: price {:?} is not a number",
                    b.bid, b.price
                ));
                continue;
            };
            let benchmark = match low_rule.compare_to {
                LowBenchmark::LotEstimate => tender
                    .lot(&lot.lot)
                    .and_then(|l| number(&l.value.to_exact_string())),
                LowBenchmark::MeanOfOtherBids => {
                    let others: Vec<Q> = competing
                        .iter()
                        .filter(|o| o.bid != b.bid)
                        .filter_map(|o| number(&o.price))
                        .collect();
                    (!others.is_empty()).then(|| {
                        others.iter().fold(Q::zero(), |a, x| a + x) / q_int(others.len() as i64)
                    })
                }
            };
            let limit = benchmark.as_ref().map(|m| m * &below / q_int(100));
            let flag = b.flags.iter().find(|f| f.code == FlagCode::AbnormallyLow);
            let is_low = limit.as_ref().is_some_and(|l| price < *l);
            match (flag, is_low) {
                (Some(_), false) => r.fail(format!(
                    "bid {}: flagged abnormally low, but its price {price} is not below the limit {:?}",
                    b.bid,
                    limit.as_ref().map(|l| l.to_string())
                )),
                (None, true) => r.fail(format!(
                    "bid {}: its price {price} is below the abnormally-low limit {:?} but it is not flagged",
                    b.bid,
                    limit.as_ref().map(|l| l.to_string())
                )),
                _ => {}
            }
            if let (Some(f), Some(limit)) = (flag, &limit) {
                match &f.trace {
                    None => r.fail(format!("bid {}: abnormally-low flag with no trace", b.bid)),
                    Some(t) => {
                        let what = format!("bid {}: abnormally-low limit", b.bid);
                        // The limit is published exactly, not rounded to the marks' places.
                        if let Some(v) =
                            trace(t, &t.result, Kind::Exact, places, mode, &what, &mut r)
                        {
                            if v != *limit {
                                r.fail(format!(
                                    "{what}: {v}, but the protocol's rule gives {limit}"
                                ));
                            }
                        }
                        let shown = input(t, "benchmark").and_then(money);
                        let want = benchmark
                            .as_ref()
                            .and_then(|m| formula::round(m, 2, "half_up").ok());
                        if shown.is_none() || (shown != want && shown != benchmark) {
                            r.fail(format!(
                                "{what}: benchmark shown {:?}, expected {:?}",
                                input(t, "benchmark"),
                                benchmark.as_ref().map(|m| m.to_string())
                            ));
                        }
                    }
                }
            }
        }
    }

    for b in &result.bids {
        bid(b, result, places, mode, &mut r);
    }
    available_from_weights(protocol, tender, result, &mut r);
    tie_breaks(protocol, result, &mut r);
    r
}

/// A weight as a rational.
fn q_of(e: ulo_core::Exact) -> Q {
    number(&e.to_exact_string()).unwrap_or_else(Q::zero)
}

/// Every criterion's marks available, worked out here from the protocol's weights and the
/// tender's, apart from the engine, for either way of reading weights:
/// - shares of the parent: a criterion's marks are its parent's x its weight / its group's
///   weights added up (the top level's parent is 100);
/// - shares of the whole: a criterion's marks are its weight, where a group the tender moved
///   without naming any of its criteria passes the move on in proportion (each published
///   weight x the group's new weight / its published weight).
fn expected_available(
    protocol: &Protocol,
    tender: &Tender,
) -> std::collections::BTreeMap<String, Q> {
    use ulo_core::protocol::{Criterion, CriterionBody, WeightsAs};
    let given: std::collections::BTreeMap<&str, Q> = tender
        .doc()
        .weights
        .iter()
        .map(|(id, w)| (id.as_str(), q_of(*w)))
        .collect();
    let mut out = std::collections::BTreeMap::new();
    fn parent_walk(
        list: &[Criterion],
        marks: &Q,
        given: &std::collections::BTreeMap<&str, Q>,
        out: &mut std::collections::BTreeMap<String, Q>,
    ) {
        let w = |c: &Criterion| {
            given
                .get(c.id.as_str())
                .cloned()
                .unwrap_or_else(|| q_of(c.weight))
        };
        let sum = list.iter().fold(Q::zero(), |a, c| a + w(c));
        for c in list {
            let m = if sum.is_zero() {
                Q::zero()
            } else {
                marks * w(c) / &sum
            };
            if let CriterionBody::Group(children) = &c.body {
                parent_walk(children, &m, given, out);
            }
            out.insert(c.id.clone(), m);
        }
    }
    fn whole_walk(
        list: &[Criterion],
        published: &Q,
        now: &Q,
        given: &std::collections::BTreeMap<&str, Q>,
        out: &mut std::collections::BTreeMap<String, Q>,
    ) {
        let named = list.iter().any(|c| given.contains_key(c.id.as_str()));
        for c in list {
            let own = q_of(c.weight);
            let w = match given.get(c.id.as_str()) {
                Some(g) => g.clone(),
                None if named || published == now || published.is_zero() => own.clone(),
                None => &own * now / published,
            };
            if let CriterionBody::Group(children) = &c.body {
                whole_walk(children, &own, &w, given, out);
            }
            out.insert(c.id.clone(), w);
        }
    }
    let criteria = &protocol.doc().award.criteria;
    let hundred = q_int(100);
    match protocol.doc().award.weights_as {
        WeightsAs::ShareOfParent => parent_walk(criteria, &hundred, &given, &mut out),
        WeightsAs::ShareOfWhole => whole_walk(criteria, &hundred, &hundred, &given, &mut out),
    }
    out
}

/// Each row's marks available are what the weights give.
fn available_from_weights(
    protocol: &Protocol,
    tender: &Tender,
    result: &ScoreResult,
    r: &mut Report,
) {
    let want = expected_available(protocol, tender);
    for b in &result.bids {
        for row in &b.criteria {
            let shown = number(&row.available);
            if shown.as_ref() != want.get(&row.criterion) {
                r.fail(format!(
                    "bid {}, criterion {}: marks available {}, but the weights give {:?}",
                    b.bid,
                    row.criterion,
                    row.available,
                    want.get(&row.criterion).map(ToString::to_string)
                ));
            }
        }
    }
}

/// Bids tied on total marks but ranked apart were separated by the first tie-break rule, in
/// the protocol's order, on which they differ, recomputed here from their rows: a criterion's
/// marks, a category's leaf marks added up, or the price. (A user-led verdict is not in the
/// bid's result rows, so a pair reaching that rule is not followed further.)
fn tie_breaks(protocol: &Protocol, result: &ScoreResult, r: &mut Report) {
    use ulo_core::protocol::TieBreak;
    let marks = |b: &BidResult, id: &str| {
        b.criteria
            .iter()
            .find(|c| c.criterion == id)
            .and_then(|c| c.marks.as_deref())
            .and_then(number)
            .unwrap_or_else(Q::zero)
    };
    let category = |b: &BidResult, cat: ulo_core::vocab::Category| {
        b.criteria
            .iter()
            .filter(|c| c.method != CriterionMethod::Group && c.category == cat)
            .filter_map(|c| c.marks.as_deref().and_then(number))
            .fold(Q::zero(), |a, m| a + m)
    };
    for lot in &result.lots {
        for pair in lot.ranking.windows(2) {
            if pair[0].total != pair[1].total || pair[0].rank == pair[1].rank {
                continue;
            }
            let find = |id: &str| result.bids.iter().find(|b| b.bid == id && b.lot == lot.lot);
            let (Some(a), Some(b)) = (find(&pair[0].bid), find(&pair[1].bid)) else {
                continue;
            };
            let mut settled = false;
            for rule in &protocol.doc().award.tie_break {
                // Higher is better for marks; for the price, lower is.
                let (x, y) = match rule {
                    TieBreak::HigherScoreIn(id) => (marks(a, id), marks(b, id)),
                    TieBreak::HigherScoreInCategory(c) => (category(a, *c), category(b, *c)),
                    TieBreak::LowerPrice => {
                        let p = |v: &BidResult| number(&v.price).unwrap_or_else(Q::zero);
                        (p(b), p(a))
                    }
                    TieBreak::UserLedFirst => {
                        settled = true;
                        break;
                    }
                };
                if x == y {
                    continue;
                }
                if x < y {
                    r.fail(format!(
                        "lot {}: {} is ranked above {} on equal totals, but the tie-break rule {rule:?} favours {}",
                        lot.lot, a.bid, b.bid, b.bid
                    ));
                }
                settled = true;
                break;
            }
            if !settled {
                r.fail(format!(
                    "lot {}: {} and {} are ranked apart on equal totals, but no tie-break rule separates them",
                    lot.lot, a.bid, b.bid
                ));
            }
        }
    }
}

fn bid(b: &BidResult, result: &ScoreResult, places: u32, mode: &str, r: &mut Report) {
    let id = &b.bid;
    let ranked = match b.status {
        BidStatus::Ranked => true,
        BidStatus::Excluded | BidStatus::Incomplete => false,
    };
    if ranked != b.rank.is_some() {
        r.fail(format!(
            "bid {id}: status {} with rank {:?}",
            b.status.word(),
            b.rank
        ));
    }
    if ranked && b.total.is_none() {
        r.fail(format!("bid {id}: ranked without a total"));
    }
    let Some(available) = parse(&b.available, &format!("bid {id}: available"), r) else {
        return;
    };
    let rows: Vec<&CriterionResult> = b.criteria.iter().collect();
    let mut marks_of = std::collections::BTreeMap::new();
    let mut available_of = std::collections::BTreeMap::new();
    let mut leaf_excess = false;
    for row in &rows {
        let what = format!("bid {id}, criterion {}", row.criterion);
        let Some(avail) = parse(&row.available, &format!("{what}: available"), r) else {
            continue;
        };
        available_of.insert(row.criterion.clone(), avail.clone());
        match (&row.marks, &row.trace) {
            (Some(m), Some(t)) => {
                let Some(marks) = parse(m, &what, r) else {
                    continue;
                };
                let leaf = match row.method {
                    CriterionMethod::Group => false,
                    CriterionMethod::Panel | CriterionMethod::Banded | CriterionMethod::Price => {
                        true
                    }
                };
                let kind = if leaf { Kind::Rounded } else { Kind::Sum };
                trace(t, m, kind, places, mode, &what, r);
                if leaf {
                    let allow = leaf_rounding(&marks, &avail, places);
                    leaf_excess |= within(&marks, &avail, allow, &what, r);
                    leaf_inputs(row, t, &avail, result, b, &what, r);
                }
                marks_of.insert(row.criterion.clone(), marks);
            }
            (None, None) => {
                if row.missing.is_none() && row.not_counted.is_none() {
                    r.fail(format!("{what}: no marks and no reason given"));
                }
            }
            _ => r.fail(format!("{what}: marks and trace must come together")),
        }
    }
    for row in rows
        .iter()
        .filter(|row| row.method == CriterionMethod::Group)
    {
        if let (Some(m), Some(a)) = (
            marks_of.get(&row.criterion),
            available_of.get(&row.criterion),
        ) {
            let what = format!("bid {id}, group {}", row.criterion);
            within(m, a, leaf_excess, &what, r);
        }
    }
    // Groups add their children; the total adds the top level.
    for row in &rows {
        let children: Vec<&&CriterionResult> = rows
            .iter()
            .filter(|c| c.parent.as_deref() == Some(row.criterion.as_str()))
            .collect();
        // A group that does not count under the lot's model has no marks to add up.
        if row.method == CriterionMethod::Group && row.not_counted.is_none() {
            let parts: Option<Vec<&Q>> = children
                .iter()
                .filter(|c| c.not_counted.is_none())
                .map(|c| marks_of.get(&c.criterion))
                .collect();
            match (parts, marks_of.get(&row.criterion)) {
                (Some(parts), Some(m)) => {
                    let sum = parts.into_iter().fold(Q::zero(), |a, x| a + x);
                    if sum != *m {
                        r.fail(format!(
                            "bid {id}, group {}: marks {m}, but its criteria add up to {sum}",
                            row.criterion
                        ));
                    }
                }
                (None, Some(_)) => r.fail(format!(
                    "bid {id}, group {}: marks although some of its criteria have none",
                    row.criterion
                )),
                (Some(_), None) if !children.is_empty() => r.fail(format!(
                    "bid {id}, group {}: no marks although all its criteria have them",
                    row.criterion
                )),
                _ => {}
            }
        }
    }
    let top: Option<Vec<&Q>> = rows
        .iter()
        .filter(|c| c.depth == 1 && c.not_counted.is_none())
        .map(|c| marks_of.get(&c.criterion))
        .collect();
    match (&b.total, &b.total_trace, top) {
        (Some(total), Some(t), Some(parts)) => {
            let what = format!("bid {id}, total");
            if let Some(v) = trace(t, total, Kind::Sum, places, mode, &what, r) {
                within(&v, &available, leaf_excess, &what, r);
                let sum = parts.into_iter().fold(Q::zero(), |a, x| a + x);
                if sum != v {
                    r.fail(format!("{what}: {v}, but the top-level criteria add up to {sum}"));
                }
            }
        }
        (None, None, None) => {}
        (total, t, parts) => r.fail(format!(
            "bid {id}: total {total:?} and its trace ({}) disagree with whether every top-level criterion has marks ({})",
            t.is_some(),
            parts.is_some()
        )),
    }
    // A basket of rates is the bid's price: its formula (each rate times its volume, added up)
    // gives exactly the price the bid is scored at.
    if let Some(t) = &b.basket {
        let what = format!("bid {id}, basket");
        if let Some(v) = trace(t, &t.result, Kind::Exact, places, mode, &what, r) {
            if number(&b.price) != Some(v.clone()) {
                r.fail(format!("{what}: {v}, but the bid is scored at {}", b.price));
            }
        }
    }
    stage(b, places, mode, r);
    for f in &b.flags {
        if f.code == FlagCode::ThresholdFailed {
            let row = rows
                .iter()
                .find(|c| Some(&c.criterion) == f.criterion.as_ref());
            match (row.and_then(|c| c.trace.as_ref()), &f.trace) {
                (Some(a), Some(t)) if a == t => {}
                _ => r.fail(format!(
                    "bid {id}: the threshold flag on {:?} does not carry its criterion's trace",
                    f.criterion
                )),
            }
        }
    }
}

/// A lot model's steps: the quality marks are the criteria not scored on price re-weighted to
/// 100 (recomputed from the bid's own rows), the cost per quality point is the price divided by
/// them exactly, each trace evaluates to its exact value, and each figure shown is that value
/// rounded (the quality marks to the protocol's places, the cost to 2).
fn stage(b: &BidResult, places: u32, mode: &str, r: &mut Report) {
    let id = &b.bid;
    let mut quality: Option<Q> = None;
    for t in &b.stage {
        let what = format!("bid {id}, stage {}", t.rule);
        let Some(exact) = parse(&t.exact, &format!("{what}: exact"), r) else {
            continue;
        };
        match eval(&t.formula) {
            Ok(v) if v == exact => {}
            Ok(v) => r.fail(format!(
                "{what}: the formula {:?} gives {v}, not {}",
                t.formula, t.exact
            )),
            Err(e) => r.fail(format!("{what}: the formula does not evaluate: {e}")),
        }
        let (shown, at) = if t.rule.ends_with(".quality") {
            // Recompute from the rows: every leaf not scored on price.
            let leaves: Vec<&CriterionResult> = b
                .criteria
                .iter()
                .filter(|c| matches!(c.method, CriterionMethod::Panel | CriterionMethod::Banded))
                .collect();
            let got: Option<Q> = leaves
                .iter()
                .map(|c| c.marks.as_deref().and_then(number))
                .sum();
            let of: Option<Q> = leaves.iter().map(|c| number(&c.available)).sum();
            match (got, of) {
                (Some(g), Some(o)) if !o.is_zero() => {
                    let want = g * q_int(100) / o;
                    if want != exact {
                        r.fail(format!("{what}: {exact}, but the rows give {want}"));
                    }
                }
                _ => r.fail(format!(
                    "{what}: quality marks without every quality row marked"
                )),
            }
            quality = Some(exact.clone());
            (b.quality_marks.as_deref(), places)
        } else {
            match (&quality, number(&b.price)) {
                (Some(q), Some(p)) if p.clone() / q == exact => {}
                _ => r.fail(format!(
                    "{what}: {exact} is not the price over the quality marks"
                )),
            }
            (b.cost_per_quality_point.as_deref(), 2)
        };
        match formula::round(&exact, at, mode) {
            Ok(v) if Some(v.clone()) == number(&t.result) && shown == Some(t.result.as_str()) => {}
            _ => r.fail(format!(
                "{what}: {} rounded to {at} places is not the result {:?} shown as {shown:?}",
                t.exact, t.result
            )),
        }
    }
}

/// A leaf's trace against the figures it was made from: the moderated score and the evaluators'
/// scores for a panel criterion, the lot's lowest price and the bid's price for a price
/// criterion.
fn leaf_inputs(
    row: &CriterionResult,
    t: &Trace,
    available: &Q,
    result: &ScoreResult,
    b: &BidResult,
    what: &str,
    r: &mut Report,
) {
    match row.method {
        CriterionMethod::Panel => {
            let Some(detail) = &row.panel else {
                r.fail(format!(
                    "{what}: a panel criterion without its panel detail"
                ));
                return;
            };
            let moderated = detail.moderated.as_deref().and_then(number);
            let Some(moderated) = moderated else {
                r.fail(format!("{what}: marks without a moderated score"));
                return;
            };
            let Some(input) = t.inputs.iter().find(|i| i.name == "moderated") else {
                r.fail(format!(
                    "{what}: no moderated score among the trace's inputs"
                ));
                return;
            };
            if number(&input.value) != Some(moderated.clone()) {
                r.fail(format!(
                    "{what}: moderated input {:?} differs from the panel's {:?}",
                    input.value, detail.moderated
                ));
            }
            // "moderated score (mean(3, 4))": the moderation's own formula.
            let inner = input
                .label
                .strip_prefix("moderated score (")
                .and_then(|s| s.strip_suffix(')'));
            match inner.map(eval) {
                Some(Ok(v)) if v == moderated => {}
                Some(Ok(v)) => r.fail(format!(
                    "{what}: the moderation formula {:?} gives {v}, not the moderated {moderated}",
                    inner
                )),
                Some(Err(e)) => r.fail(format!("{what}: {e}")),
                None => r.fail(format!("{what}: moderated label {:?}", input.label)),
            }
            let mut listed = formula::listed_scores(inner.unwrap_or(""));
            if !listed.is_empty() {
                let mut given: Vec<String> =
                    detail.scores.iter().map(|s| s.score.to_string()).collect();
                listed.sort();
                given.sort();
                if listed != given {
                    r.fail(format!(
                        "{what}: the moderation formula lists {listed:?}, the evaluators gave {given:?}"
                    ));
                }
            }
            let want = moderated / q_int(detail.scale_max) * available;
            if eval(&t.formula).ok() != Some(want.clone()) {
                r.fail(format!(
                    "{what}: marks formula {:?} is not moderated ÷ {} × {available} = {want}",
                    t.formula, detail.scale_max
                ));
            }
        }
        CriterionMethod::Price => {
            let price = number(&b.price);
            if input(t, "bid_price").and_then(money) != price {
                r.fail(format!(
                    "{what}: bid price input {:?}, the bid's price {}",
                    input(t, "bid_price"),
                    b.price
                ));
            }
            if let Some(lowest) = input(t, "lowest_price") {
                let lot = result.lots.iter().find(|l| l.lot == b.lot);
                // The lot's published lowest price or, when no bid is in competition and none
                // is published, the lowest price of all the lot's bids.
                let lot_lowest = lot
                    .and_then(|l| l.lowest_price.as_deref())
                    .and_then(number)
                    .or_else(|| {
                        result
                            .bids
                            .iter()
                            .filter(|o| o.lot == b.lot)
                            .filter_map(|o| number(&o.price))
                            .min()
                    });
                let shown = money(lowest);
                let rounded = lot_lowest
                    .as_ref()
                    .and_then(|v| formula::round(v, 2, "half_up").ok());
                if shown.is_none() || (shown != lot_lowest && shown != rounded) {
                    r.fail(format!(
                        "{what}: lowest price input {lowest:?}, the lot's lowest price {:?}",
                        lot.and_then(|l| l.lowest_price.clone())
                    ));
                }
                if let (Some(l), Some(p)) = (lot_lowest, price) {
                    let share = (l / p).min(Q::one());
                    if eval(&t.formula).ok() != Some(share * available) {
                        r.fail(format!(
                            "{what}: the formula {:?} is not min(1, lowest ÷ price) × available",
                            t.formula
                        ));
                    }
                }
            }
        }
        // A banded leaf's inputs are the bid's own figures, which nothing else in the result
        // holds; groups are checked as sums, not here.
        CriterionMethod::Banded | CriterionMethod::Group => {}
    }
}

/// Checks a self-check result.
pub fn check_self_check(result: &SelfCheckResult) -> Report {
    let mut r = Report::default();
    let places = result.rounding.places;
    let mode = result.rounding.mode.word();
    let (mut low_sum, mut high_sum) = (Q::zero(), Q::zero());
    for row in &result.criteria {
        let what = format!("self-check, criterion {}", row.criterion);
        let Some(avail) = parse(&row.available, &format!("{what}: available"), &mut r) else {
            continue;
        };
        let (low, high) = match (
            &row.expected_low,
            &row.trace_low,
            &row.expected_high,
            &row.trace_high,
        ) {
            (Some(l), Some(tl), Some(h), Some(th)) => {
                let low = trace(
                    tl,
                    l,
                    Kind::Rounded,
                    places,
                    mode,
                    &format!("{what}, low"),
                    &mut r,
                );
                let high = trace(
                    th,
                    h,
                    Kind::Rounded,
                    places,
                    mode,
                    &format!("{what}, high"),
                    &mut r,
                );
                let (Some(low), Some(high)) = (low, high) else {
                    continue;
                };
                for (v, end) in [(&low, "low"), (&high, "high")] {
                    let allow = leaf_rounding(v, &avail, places);
                    within(v, &avail, allow, &format!("{what}, {end}"), &mut r);
                }
                (low, high)
            }
            (None, None, None, None) if row.missing.is_some() => (Q::zero(), avail.clone()),
            _ => {
                r.fail(format!(
                    "{what}: figures, traces and the missing note disagree"
                ));
                continue;
            }
        };
        if low > high {
            r.fail(format!("{what}: low {low} above high {high}"));
        }
        if let Some(gain) = row.to_gain.as_deref().and_then(number) {
            if gain != &avail - &low {
                r.fail(format!(
                    "{what}: to gain {gain}, but {avail} − {low} is not that"
                ));
            }
        }
        low_sum += low;
        high_sum += high;
    }
    let p = &result.projected;
    if number(&p.low) != Some(low_sum.clone()) || number(&p.high) != Some(high_sum.clone()) {
        r.fail(format!(
            "self-check: projected {}..{}, but the rows add up to {low_sum}..{high_sum}",
            p.low, p.high
        ));
    }
    r
}
