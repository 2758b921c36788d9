//! One scoring run: what is worked out once for all the bids, and the state of each bid's work
//! (see `bid` for the work itself).
//!
//! A run either explains (the full result: a row and trace for every criterion of every bid,
//! flag texts, eligibility reasons, gate rows) or ranks only (totals, ranks, statuses, flag codes,
//! tie notes). Both run this same code, so they share every figure; the text is skipped, never
//! the arithmetic. Ranking alone is what a what-if sweep needs, many times over, and it is
//! an order of magnitude faster.
//!
//! Between the two, a summary run keeps each bid's marks, gate outcomes and flag codes (no
//! text), and explains only the bids named: whether a bid is explained is decided per bid
//! ([`Work::explain`]), so a named bid's explanation comes from exactly the code, and has exactly
//! the bytes, it has in the full result.

use super::flags::Flags;
use super::marks::Ctx;
use super::moderation;
use crate::bids::Bid;
use crate::eligibility::Verdict;
use crate::exact::Exact;
use crate::explain::CiteRef;
use crate::protocol::{Cite, Criterion, CriterionBody, Method, Protocol, Scale, TreeNode};
use crate::report::{
    CriterionMethod, CriterionResult, EligibilityResult, GateRow, GateStatus, ReservationRow,
    TestOutcome,
};
use crate::tender::Tender;

/// A bid part-way through scoring. Per-criterion figures are held by tree position.
pub(super) struct Work<'b> {
    /// The bid.
    pub bid: &'b Bid,
    /// Whether this bid is explained in full (every bid in a full result; the named ones in a
    /// summary).
    pub explain: bool,
    /// Each gate's outcome, in the protocol's order (summary runs only).
    pub gate_outcomes: Vec<GateStatus>,
    /// The reservation basis's outcome, when the tender reserves the contract (summary runs
    /// only).
    pub reservation_outcome: Option<TestOutcome>,
    /// Whether the bidder is user-led, which a reserved contract and a tie-break may need.
    pub verdict: Verdict,
    /// The eligibility tests in full (explaining only).
    pub eligibility: Option<EligibilityResult>,
    /// Gate rows (explaining only).
    pub gates: Vec<GateRow>,
    /// The reservation basis's test of the bidder (explaining only, and only when the tender
    /// has a `reservation` block that applies).
    pub reservation: Option<ReservationRow>,
    /// The flags raised so far.
    pub flags: Flags,
    /// Criteria rows (explaining only).
    pub rows: Vec<Option<CriterionResult>>,
    /// Marks, once worked out.
    pub marks: Vec<Option<Exact>>,
    /// Why the bid is excluded, if it is.
    pub excluded: Vec<String>,
    /// What is missing before the bid can be ranked.
    pub missing: Vec<String>,
    /// How its price was worked out from a basket of rates (explaining only; see `lot`).
    pub basket: Option<crate::explain::Trace>,
    /// The evaluation model of the bid's lot.
    pub model: crate::tender::evaluation::Model,
    /// The quality marks re-weighted to 100, under a model that uses them.
    pub quality: Option<Exact>,
    /// The exact cost per quality point (price per quality point only), once settled.
    pub cost: Option<Exact>,
    /// The model's own steps, explained (explaining only).
    pub stage: Vec<crate::explain::Trace>,
}

/// A criterion row with no marks yet.
fn blank_row(ctx: &Ctx, node: &TreeNode) -> CriterionResult {
    let crit = ctx.protocol.criterion(&node.id);
    CriterionResult {
        criterion: node.id.clone(),
        title: crit.map(|c| c.title.clone()).unwrap_or_default(),
        parent: node.parent.clone(),
        depth: node.depth,
        method: crit.map_or(CriterionMethod::Group, |c| CriterionMethod::from(&c.body)),
        category: node.category,
        weight: ctx.tender.weight(&node.id).to_exact_string(),
        available: ctx.show(ctx.tender.max_marks(&node.id)),
        marks: None,
        panel: None,
        trace: None,
        missing: None,
        not_counted: None,
    }
}

/// One criterion, as the scoring of every bid needs it.
pub(super) struct Node<'a> {
    /// Its id.
    pub id: &'a str,
    /// The criterion itself.
    pub crit: Option<&'a Criterion>,
    /// Tree positions of its children (none for a leaf).
    pub children: Vec<usize>,
    /// A top-level criterion: its marks add up to the total.
    pub top: bool,
    /// The marks it is worth in this tender.
    pub available: Exact,
    /// Its row before any marks (explaining only).
    blank: Option<CriterionResult>,
    /// Its clauses, resolved (explaining only).
    pub cites: Vec<CiteRef>,
    /// A panel criterion's scale, looked up once per run.
    pub scale: Option<&'a Scale>,
}

impl Node<'_> {
    /// Its title, as flags and reasons name it.
    pub fn title(&self) -> &str {
        self.crit.map_or("", |c| c.title.as_str())
    }
}

/// Which bids a run explains in full.
#[derive(Clone, Copy)]
pub(super) enum Explain<'a> {
    /// Every bid: the full result.
    All,
    /// None: ranking or a summary alone.
    None,
    /// The bids with these ids (ids that are no bid's explain nothing).
    Only(&'a [String]),
}

/// One scoring run: the settings, and what is worked out once for all the bids rather than for
/// each (every criterion's place, marks and blank row; the panel; resolved clauses).
pub(super) struct Run<'a> {
    /// The settings.
    pub ctx: Ctx<'a>,
    /// Whether the run writes explanations for any bid (its blank rows, clauses and panel
    /// labels are prepared once for them).
    pub explain: bool,
    /// The bids explained, by id, sorted; `None` when every bid is (explaining runs only).
    only: Option<Vec<&'a str>>,
    /// Whether the run keeps each bid's summary (marks, gate outcomes, flag codes).
    pub summary: bool,
    /// Every criterion, in tree order.
    pub nodes: Vec<Node<'a>>,
    /// Node positions in criterion-id order, to match a bid's id-sorted scores to nodes in one
    /// pass (see [`Run::per_node`]).
    by_id: Vec<usize>,
    /// The tender's panel.
    pub panel: moderation::Panel<'a>,
    /// Clauses of the rules flags apply, resolved (explaining only).
    pub moderation_cites: Vec<CiteRef>,
    /// The affordability rule's clauses.
    pub affordability_cites: Vec<CiteRef>,
    /// The abnormally-low rule's clauses.
    pub low_cites: Vec<CiteRef>,
    /// The award model's clauses, which a total cites.
    pub award_cites: Vec<CiteRef>,
}

impl<'a> Run<'a> {
    /// Works out once what every bid's scoring needs. `explain` says which bids are explained;
    /// `summary` whether each bid's summary is kept.
    pub fn new(
        protocol: &'a Protocol,
        tender: &'a Tender,
        which: Explain<'a>,
        summary: bool,
    ) -> Run<'a> {
        let (explain, only) = match which {
            Explain::All => (true, None),
            Explain::None => (false, None),
            Explain::Only(ids) => {
                let mut ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                ids.sort_unstable();
                ids.dedup();
                (!ids.is_empty(), Some(ids))
            }
        };
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
            only,
            summary,
        }
    }

    /// Whether a bid is explained in full.
    pub fn explains(&self, bid: &Bid) -> bool {
        self.explain
            && self
                .only
                .as_ref()
                .is_none_or(|ids| ids.binary_search(&bid.id.as_str()).is_ok())
    }

    /// A criterion's blank row, for a bid that is explained.
    pub fn blank(&self, w: &Work, i: usize) -> Option<CriterionResult> {
        if w.explain {
            self.nodes[i].blank.clone()
        } else {
            None
        }
    }

    /// A bid's entries by criterion id (sorted by id, as read) laid out by node position: one
    /// merge of two sorted lists, rather than a search for every criterion of every bid.
    pub(super) fn per_node<'b, T>(&self, pairs: &'b [(String, T)]) -> Vec<Option<&'b T>> {
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
