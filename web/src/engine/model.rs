//! What the core says about the commissioner's workspace, worked out once per change.
//!
//! **Lean on each change, explained when asked.** Each change re-reads the documents and ranks
//! the bids through the core's lean path (`summary`, from the same run as `rank`: every bid's
//! status, rank, total, price and eligibility, and each lot's ranking, figure for figure as the
//! full result has them, without the explanations). That is all the header, the announcement
//! of changed totals and the scoring and bids screens show. The fully explained result (every
//! trace, the scorecards, the report and the exports) is worked out only when a screen asks for
//! it ([`Model::result`]), once per change: typing a mark in the scoring grid does not explain
//! every bid again. `scripts/bench.sh paint` measures the difference.
//!
//! **Partial results.** A problem in one lot or one bid (a negative price, a lot or bid just
//! added and not filled in yet) must not hide every other lot's results. So when the core
//! refuses the documents and every problem it gives is inside one lot (`/lots/N/...`) or one
//! bid (`/bids/N/...`), those lots and bids are set aside, with the core's problems as the
//! reason, and the core reads and scores the rest: the same documents with those entries taken
//! out, so every figure shown is still the core's, for the bids it was given. A bid for a lot
//! set aside is set aside too. A problem anywhere else (the tender's title, its weights, the
//! bids' tender reference) concerns every lot, so nothing is scored until it is fixed.

use crate::state::Workspace;
use serde_json::Value;
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use ulo_core::regime::Decision;
use ulo_core::{Bids, Problem, Problems, Protocol, ScoreResult, ScoreSummary, Tender, TenderCheck};

/// A lot left out of the results, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ExcludedLot {
    /// Its place in the tender's list of lots.
    pub index: usize,
    /// Its reference, as typed (may be empty).
    pub id: String,
    /// Its title, as typed (may be empty).
    pub title: String,
    /// The core's problems with it.
    pub problems: Vec<Problem>,
}

/// A bid left out of the results, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ExcludedBid {
    /// Its place in the bids' list.
    pub index: usize,
    /// Its reference, as typed.
    pub id: String,
    /// The bidder's name, as typed.
    pub bidder: String,
    /// The lot it is for, as typed.
    pub lot: String,
    /// The core's problems with it (empty when it is left out because its lot is).
    pub problems: Vec<Problem>,
}

/// Everything the core says about the workspace.
pub struct Model {
    /// The protocol, or why it cannot be read.
    pub protocol: Result<Rc<Protocol>, Problems>,
    /// Problems with the tender (empty when it is valid).
    pub tender_problems: Option<Problems>,
    /// Which law governs the tender, as the core decides it from the tender's `procurement`
    /// block, whenever the tender is valid. Shown on the tender screen under any protocol, so
    /// that the commissioner sees the decision while giving its facts; results carry it only
    /// when the protocol is regime-aware.
    pub regime: Option<Rc<Decision>>,
    /// Whether the protocol's rules depend on the regime (false for ulcp 1.0.0).
    pub regime_aware: bool,
    /// The barrier check, when the tender (less any lots set aside) is valid.
    pub check: Option<Rc<TenderCheck>>,
    /// Problems with the bids (empty when they are valid).
    pub bid_problems: Option<Problems>,
    /// The standing of every lot and bid not set aside, when the problems left are only in
    /// lots and bids: the core's lean summary (each lot's ranking, each bid's status, rank,
    /// total, price and eligibility, as the full result has them), worked out on every change.
    /// `Some` exactly when [`Model::result`] has a result to give.
    pub summary: Option<Rc<ScoreSummary>>,
    /// The protocol's tender and bids the summary was worked out from, kept to explain them
    /// when asked.
    read: Option<(Tender, Bids)>,
    /// The fully explained result, worked out the first time a screen asks for it.
    full: OnceCell<Option<Rc<ScoreResult>>>,
    /// Lots set aside from the result, with the reason.
    pub excluded_lots: Vec<ExcludedLot>,
    /// Bids set aside from the result, with the reason.
    pub excluded_bids: Vec<ExcludedBid>,
    /// The tender and bids the result was scored from (the workspace's, less what was set
    /// aside), so that what-if sweeps score the same documents as the results.
    pub scored: Option<Rc<(Value, Value)>>,
}

/// The index `N` when `pointer` is `/{list}/N` or inside it.
fn index_in(list: &str, pointer: &str) -> Option<usize> {
    let rest = pointer
        .strip_prefix('/')?
        .strip_prefix(list)?
        .strip_prefix('/')?;
    rest.split('/').next()?.parse().ok()
}

/// Problems grouped by the list entry they are in; `None` when any problem is outside every
/// entry (then it concerns the whole document).
fn by_entry(list: &str, problems: &Problems) -> Option<BTreeMap<usize, Vec<Problem>>> {
    let mut out: BTreeMap<usize, Vec<Problem>> = BTreeMap::new();
    for p in problems.iter() {
        out.entry(index_in(list, &p.pointer)?)
            .or_default()
            .push(p.clone());
    }
    Some(out)
}

/// The document with the entries of `/{list}` at `drop` taken out, and the original index of
/// each entry kept.
fn without(doc: &Value, list: &str, drop: &dyn Fn(usize, &Value) -> bool) -> (Value, Vec<usize>) {
    let mut doc = doc.clone();
    let mut kept = Vec::new();
    if let Some(items) = doc.get_mut(list).and_then(Value::as_array_mut) {
        let all = std::mem::take(items);
        for (i, v) in all.into_iter().enumerate() {
            if !drop(i, &v) {
                kept.push(i);
                items.push(v);
            }
        }
    }
    (doc, kept)
}

fn text(v: &Value, pointer: &str) -> String {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// The problems with the pointer's entry index mapped back from the pruned document to the
/// original one, so that they point at the field the user sees.
fn remap(list: &str, problems: Vec<Problem>, kept: &[usize]) -> Vec<Problem> {
    problems
        .into_iter()
        .map(|mut p| {
            if let Some(k) = index_in(list, &p.pointer) {
                if let Some(orig) = kept.get(k) {
                    // (Built from parts: a list's name is no pointer of a schema's own.)
                    let prefix = ["/", list, "/", &k.to_string()].concat();
                    let rest = &p.pointer[prefix.len()..];
                    p.pointer = ["/", list, "/", &orig.to_string(), rest].concat();
                }
            }
            p
        })
        .collect()
}

/// Reads the tender, setting aside the lots the problems are in when they are all in lots:
/// the problems with the whole tender, and the tender less those lots.
type Partial = (Option<Problems>, Option<(Tender, Value)>, Vec<ExcludedLot>);
fn tender_partial(protocol: &Protocol, tender: &Value) -> Partial {
    match protocol.tender(tender) {
        Ok(t) => (None, Some((t, tender.clone())), Vec::new()),
        Err(problems) => {
            let Some(bad) = by_entry("lots", &problems) else {
                return (Some(problems), None, Vec::new());
            };
            let lots = tender.get("lots").and_then(Value::as_array);
            if lots.map_or(0, Vec::len) <= bad.len() {
                return (Some(problems), None, Vec::new());
            }
            let (pruned, _) = without(tender, "lots", &|i, _| bad.contains_key(&i));
            let excluded = bad
                .into_iter()
                .map(|(index, problems)| {
                    let lot = lots
                        .and_then(|l| l.get(index))
                        .cloned()
                        .unwrap_or(Value::Null);
                    ExcludedLot {
                        index,
                        id: text(&lot, "/id"),
                        title: text(&lot, "/title"),
                        problems,
                    }
                })
                .collect();
            // Taking a lot out can raise a problem of the whole tender (one lot left, with no
            // reason for not dividing): then nothing is scored, as before.
            match protocol.tender(&pruned) {
                Ok(t) => (Some(problems), Some((t, pruned)), excluded),
                Err(_) => (Some(problems), None, Vec::new()),
            }
        }
    }
}

impl Model {
    /// Reads and scores the workspace.
    pub fn of(ws: &Workspace) -> Model {
        let protocol = match protocol(ws) {
            Ok(p) => Rc::new(p),
            Err(e) => {
                return Model {
                    protocol: Err(e),
                    tender_problems: None,
                    regime: None,
                    regime_aware: false,
                    check: None,
                    bid_problems: None,
                    summary: None,
                    read: None,
                    full: OnceCell::new(),
                    excluded_lots: Vec::new(),
                    excluded_bids: Vec::new(),
                    scored: None,
                }
            }
        };
        let (tender_problems, tender, excluded_lots) = tender_partial(&protocol, &ws.tender);
        let regime = tender.as_ref().map(|(t, _)| Rc::new(t.regime().clone()));
        let mut excluded_bids = Vec::new();
        let (check, bid_problems, result, scored) = match &tender {
            None => (None, ulo_core::bids::read(&ws.bids).err(), None, None),
            Some((t, tender_doc)) => {
                let check = Some(Rc::new(protocol.check_tender(t)));
                // Read once: when nothing is set aside, these are the bids scored.
                let (read, bid_problems) = match protocol.bids(t, &ws.bids) {
                    Ok(b) => (Some(b), None),
                    Err(p) => (None, Some(p)),
                };
                // A lot set aside for a reference another lot also has (a duplicate) takes
                // none of that lot's bids with it.
                let kept: Vec<String> = (ws.tender.get("lots").and_then(Value::as_array))
                    .into_iter()
                    .flatten()
                    .enumerate()
                    .filter(|(i, _)| !excluded_lots.iter().any(|l| l.index == *i))
                    .map(|(_, l)| text(l, "/id"))
                    .collect();
                let gone: Vec<String> = (excluded_lots.iter().map(|l| l.id.clone()))
                    .filter(|id| !kept.contains(id))
                    .collect();
                let result = score_partial(&protocol, t, &ws.bids, read, &gone, &mut excluded_bids);
                // The bids form shows the bids' problems against the tender less the lots set
                // aside, but a bid for such a lot is not in error for naming it: it waits for
                // its lot, as the results say.
                let waiting = |p: &Problem| {
                    p.pointer.ends_with("/lot")
                        && index_in("bids", &p.pointer)
                            .and_then(|i| ws.bids.pointer(&format!("/bids/{i}/lot")))
                            .and_then(Value::as_str)
                            .is_some_and(|l| gone.iter().any(|g| g == l))
                };
                let bid_problems = bid_problems
                    .map(|p| Problems(p.0.into_iter().filter(|x| !waiting(x)).collect()))
                    .filter(|p| !p.0.is_empty());
                match result {
                    Some((s, bids, bids_doc)) => (
                        check,
                        bid_problems,
                        Some((Rc::new(s), bids)),
                        Some(Rc::new((tender_doc.clone(), bids_doc))),
                    ),
                    None => (check, bid_problems, None, None),
                }
            }
        };
        let (summary, read) = match (result, tender) {
            (Some((s, bids)), Some((t, _))) => (Some(s), Some((t, bids))),
            _ => (None, None),
        };
        Model {
            regime_aware: protocol.regime_aware(),
            protocol: Ok(protocol),
            tender_problems,
            regime,
            check,
            bid_problems,
            summary,
            read,
            full: OnceCell::new(),
            excluded_lots,
            excluded_bids,
            scored,
        }
    }

    /// The fully explained result of every lot and bid not set aside (every trace, for the
    /// results, moderation, what-if, report and export screens): worked out by the core the
    /// first time it is asked for after a change, and kept until the next. `None` exactly when
    /// [`Model::summary`] is `None`.
    pub fn result(&self) -> Option<Rc<ScoreResult>> {
        self.full
            .get_or_init(|| {
                let (tender, bids) = self.read.as_ref()?;
                let protocol = self.protocol.as_ref().ok()?;
                protocol.score(tender, bids).ok().map(Rc::new)
            })
            .clone()
    }

    /// Whether some lots or bids are left out of the result.
    pub fn partial(&self) -> bool {
        !self.excluded_lots.is_empty() || !self.excluded_bids.is_empty()
    }
}

/// Ranks the bids through the core's lean path, setting aside those for a lot set aside and
/// those the problems are in, when the problems are all in bids: the summary, the bids as read
/// (to explain them when asked) and the bids document scored. `read` is the whole document
/// read already, if it could be: used as it is when no bid is set aside.
fn score_partial(
    protocol: &Protocol,
    tender: &Tender,
    bids: &Value,
    mut read: Option<Bids>,
    gone_lots: &[String],
    excluded: &mut Vec<ExcludedBid>,
) -> Option<(ScoreSummary, Bids, Value)> {
    let list: &[Value] = bids
        .get("bids")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice);
    let describe = |index: usize, problems: Vec<Problem>| {
        let b = list.get(index).cloned().unwrap_or(Value::Null);
        ExcludedBid {
            index,
            id: text(&b, "/id"),
            bidder: text(&b, "/organisation/name"),
            lot: text(&b, "/lot"),
            problems,
        }
    };
    let mut out: BTreeMap<usize, Vec<Problem>> = list
        .iter()
        .enumerate()
        .filter(|(_, b)| gone_lots.contains(&text(b, "/lot")))
        .map(|(i, _)| (i, Vec::new()))
        .collect();
    // At most a few rounds: each round sets aside at least one more bid or stops.
    for _ in 0..4 {
        let (pruned, kept) = without(bids, "bids", &|i, _| out.contains_key(&i));
        if kept.is_empty() && !list.is_empty() {
            break;
        }
        let again = match read.take() {
            Some(b) if out.is_empty() => Ok(b),
            _ => protocol.bids(tender, &pruned),
        };
        let problems = match again {
            // Refused where the full result would be (too large to explain at once), so that
            // a summary is there exactly when the full result can be given.
            Ok(b) => match ulo_core::award::check_explained(protocol, tender, b.as_slice().len())
                .and_then(|()| protocol.summary(tender, &b, &[]))
            {
                Ok(s) => {
                    excluded.extend(out.into_iter().map(|(i, p)| describe(i, p)));
                    return Some((s, b, pruned));
                }
                Err(_) => break,
            },
            Err(p) => p,
        };
        let Some(bad) = by_entry("bids", &problems) else {
            break;
        };
        for (k, ps) in bad {
            let &orig = kept.get(k)?;
            let ps = remap("bids", ps, &kept);
            out.entry(orig).or_default().extend(ps);
        }
    }
    excluded.extend(out.into_iter().map(|(i, p)| describe(i, p)));
    None
}

/// The workspace's protocol, read by the core: the shipped one (read once and cached by the
/// core) or the text the user loaded.
pub(super) fn protocol(ws: &Workspace) -> Result<Protocol, Problems> {
    match &ws.protocol_text {
        None => Ok(Protocol::shipped()),
        Some(text) => Protocol::from_json(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn example() -> Workspace {
        Workspace::example()
    }

    #[test]
    fn a_negative_price_leaves_that_bid_out_and_every_lot_scored() {
        let mut ws = example();
        ws.bids["bids"][2]["price"] = json!("-5");
        let m = Model::of(&ws);
        let r = m.result().expect("the other bids are scored");
        assert_eq!(r.lots.len(), 3);
        assert!(r.bids.iter().all(|b| b.bid != "b-quicksupport"));
        assert_eq!(m.excluded_bids.len(), 1);
        let out = &m.excluded_bids[0];
        assert_eq!((out.index, out.id.as_str()), (2, "b-quicksupport"));
        assert_eq!(out.problems[0].pointer, "/bids/2/price");
        // The bids form still shows the problem where it is.
        assert!(m.bid_problems.is_some());
    }

    #[test]
    fn a_problem_after_a_bid_set_aside_points_at_the_bid_as_the_user_sees_it() {
        let mut ws = example();
        ws.bids["bids"][1]["price"] = json!("-1");
        ws.bids["bids"][5]["price"] = json!("abc");
        let m = Model::of(&ws);
        assert!(m.result().is_some());
        let pointers: Vec<&str> = (m.excluded_bids.iter())
            .flat_map(|b| b.problems.iter().map(|p| p.pointer.as_str()))
            .collect();
        assert_eq!(pointers, ["/bids/1/price", "/bids/5/price"]);
    }

    #[test]
    fn a_new_lot_not_filled_in_is_left_out_with_its_bids_and_the_others_scored() {
        let mut ws = example();
        ws.tender["lots"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "lot-4", "title": "Lot 4"}));
        ws.bids["bids"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "bid-9", "lot": "lot-4", "organisation": {"name": "New"}, "price": "1000"}));
        let m = Model::of(&ws);
        let r = m.result().expect("the other lots are scored");
        assert_eq!(r.lots.len(), 3);
        assert_eq!(m.excluded_lots.len(), 1);
        assert_eq!(m.excluded_lots[0].index, 3);
        assert!(m.excluded_lots[0]
            .problems
            .iter()
            .any(|p| p.pointer == "/lots/3"));
        assert_eq!(m.excluded_bids.len(), 1);
        assert!(
            m.excluded_bids[0].problems.is_empty(),
            "left out for its lot"
        );
        assert!(
            m.bid_problems.is_none(),
            "a bid is not in error for naming its lot"
        );
        assert!(m.check.is_some(), "the other lots are checked for barriers");
    }

    #[test]
    fn a_problem_with_the_whole_tender_scores_nothing() {
        let mut ws = example();
        ws.tender["weights"]["price"] = json!("35");
        let m = Model::of(&ws);
        assert!(m.result().is_none() && m.summary.is_none());
        assert!(!m.partial());
        assert!(m.tender_problems.is_some());
    }

    #[test]
    fn a_valid_workspace_sets_nothing_aside() {
        let m = Model::of(&example());
        assert!(m.result().is_some() && !m.partial());
        assert!(m.scored.is_some());
    }

    #[test]
    fn the_lean_summary_agrees_with_the_full_result_worked_out_when_asked() {
        let mut ws = example();
        ws.bids["bids"][2]["price"] = json!("-5");
        let m = Model::of(&ws);
        let s = m.summary.clone().expect("a summary");
        assert!(m.full.get().is_none(), "nothing explained until asked");
        let r = m.result().expect("a full result");
        assert!(Rc::ptr_eq(&r, &m.result().unwrap()), "worked out once");
        assert_eq!(s.lots, r.lots);
        assert_eq!(s.tender, r.tender);
        assert_eq!(s.bids.len(), r.bids.len());
        for (a, b) in s.bids.iter().zip(&r.bids) {
            assert_eq!(
                (&a.bid, &a.bidder, &a.lot, &a.price, a.status, a.rank, &a.total),
                (&b.bid, &b.bidder, &b.lot, &b.price, b.status, b.rank, &b.total)
            );
            assert_eq!(a.eligibility, b.eligibility.verdict);
        }
    }
}
