//! Checking a read protocol for what a schema cannot say (ids unique, references that exist,
//! weights that make 100, bands in order, scales that rise) and indexing its criteria once, so
//! that scoring looks criteria up instead of searching the tree.
//!
//! Each step below checks one part of the protocol, in document order, and adds its problems to
//! one list; the list's order is part of the output, so the steps run in a fixed order.

use super::model::{
    Applies, Band, BarrierRule, Criterion, CriterionBody, Holding, Method, Minimum,
    ModerationMethod, ProtocolDoc, Scale, TieBreak, WeightsAs,
};
use crate::error::{Document, Problem, ProblemKind, Problems};
use crate::exact::Exact;
use crate::facts::BUILT_IN_BID_FACTS;
use crate::read::IdSet;
use crate::regime::{Nation, Regime};
use crate::vocab::{Category, Cite, Source, SourceKind, Standing};
use std::collections::{BTreeMap, BTreeSet};

/// A leaf criterion with its place in the tree resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeafInfo {
    /// Its category (own or inherited).
    pub category: Category,
    /// Ids from the top-level criterion down to this one.
    pub path: Vec<String>,
}

/// A criterion's place in the tree, resolved once when the protocol is compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeNode {
    /// Criterion id.
    pub id: String,
    /// The group it belongs to.
    pub parent: Option<String>,
    /// 1 for top-level criteria.
    pub depth: u8,
    /// Its category, own or inherited.
    pub category: Category,
    /// Its children's ids (empty for a leaf).
    pub children: Vec<String>,
}

/// What compiling works out once about a protocol, for lookups while scoring.
#[derive(Clone, Debug)]
pub(super) struct Index {
    /// Every criterion in tree order (depth first).
    pub(super) tree: Vec<TreeNode>,
    /// Each criterion's position in `tree`, so that scoring can hold per-criterion figures in
    /// plain vectors instead of searching the tree or keying maps by id for every bid.
    pub(super) positions: BTreeMap<String, usize>,
    /// Every criterion by id.
    pub(super) criteria: BTreeMap<String, Criterion>,
    /// Leaf criteria resolved (category, path).
    pub(super) leaves: BTreeMap<String, LeafInfo>,
    /// Sources by id.
    pub(super) sources: BTreeMap<String, Source>,
}

/// Checks a read protocol and indexes it; every problem found is returned at once.
pub(super) fn compile(doc: &ProtocolDoc) -> Result<Index, Problems> {
    let mut c = Checker::new(doc);
    check_scales(&mut c, doc);
    check_eligibility(&mut c, doc);
    check_bid_facts(&mut c, doc);
    check_barriers(&mut c, doc);
    let placed = place(&doc.award.criteria);
    let criteria = check_criteria(&mut c, doc, &placed);
    check_gates_and_cites(&mut c, doc);
    check_tie_breaks(&mut c, doc, &criteria, &placed);
    check_tunable(&mut c, doc, &criteria, &placed);
    check_moderation(&mut c, doc);
    if !c.problems.is_empty() {
        return Err(Problems(c.problems));
    }
    let tree = tree(&placed);
    Ok(Index {
        positions: tree
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect(),
        tree,
        leaves: leaves(&placed),
        criteria,
        sources: doc
            .sources
            .iter()
            .map(|s| (s.id.clone(), s.clone()))
            .collect(),
    })
}

/// The problems found so far, and the source ids citations may name.
struct Checker<'a> {
    problems: Vec<Problem>,
    source_ids: BTreeSet<&'a str>,
}

impl<'a> Checker<'a> {
    /// A checker that knows the protocol's sources, having reported any id used twice.
    fn new(doc: &'a ProtocolDoc) -> Self {
        let mut problems = Vec::new();
        let mut ids = IdSet::new();
        for (i, s) in doc.sources.iter().enumerate() {
            ids.add(
                &s.id,
                format!("/sources/{i}/id"),
                &mut problems,
                Document::Protocol,
            );
        }
        Checker {
            problems,
            source_ids: doc.sources.iter().map(|s| s.id.as_str()).collect(),
        }
    }

    fn report(&mut self, pointer: String, kind: ProblemKind) {
        self.problems
            .push(Problem::new(Document::Protocol, pointer, kind));
    }

    /// Records `id` in `ids`, reporting a second use.
    fn unique(&mut self, ids: &mut IdSet<'a>, id: &'a str, pointer: String) {
        ids.add(id, pointer, &mut self.problems, Document::Protocol);
    }

    fn cites(&mut self, cites: &[Cite], pointer: &str) {
        for (i, c) in cites.iter().enumerate() {
            if !self.source_ids.contains(c.source.as_str()) {
                let known = self.source_ids.iter().map(ToString::to_string).collect();
                self.report(
                    format!("{pointer}/cites/{i}/source"),
                    ProblemKind::UnknownReference {
                        id: c.source.clone(),
                        what: "source",
                        known,
                    },
                );
            }
        }
    }

    fn weights(&mut self, group: &[Criterion], pointer: &str, name: &str) {
        let mut total = Exact::ZERO;
        for c in group {
            total = total.add(c.weight).unwrap_or(total);
        }
        if total != Exact::HUNDRED {
            self.report(
                pointer.to_string(),
                ProblemKind::WeightsNot100 {
                    group: name.to_string(),
                    total: total.to_exact_string(),
                },
            );
        }
    }
}

impl Checker<'_> {
    /// Weights read as shares of the whole award: a group's children share out the group's
    /// own weight, so they must add up to exactly it (Quality 55: 20 + 15 + 10 + 10).
    fn group_weights(&mut self, group: &[Criterion], target: Exact, pointer: &str, name: &str) {
        let mut total = Exact::ZERO;
        for c in group {
            total = total.add(c.weight).unwrap_or(total);
        }
        if total != target {
            self.report(
                pointer.to_string(),
                ProblemKind::WeightsNotGroupWeight {
                    group: name.to_string(),
                    total: total.to_exact_string(),
                    target: target.to_exact_string(),
                },
            );
        }
    }
}

/// Scales: unique ids, points strictly rising.
fn check_scales<'a>(c: &mut Checker<'a>, doc: &'a ProtocolDoc) {
    let mut ids = IdSet::new();
    for (i, s) in doc.scales.iter().enumerate() {
        c.unique(&mut ids, &s.id, format!("/scales/{i}/id"));
        for (j, w) in s.points.windows(2).enumerate() {
            if w[1].score <= w[0].score {
                c.report(
                    format!("/scales/{i}/points/{}/score", j + 1),
                    ProblemKind::RangeOutOfOrder {
                        detail: format!(
                            "the points of scale \"{}\" must rise: {} comes after {}",
                            s.id, w[1].score, w[0].score
                        ),
                    },
                );
            }
        }
    }
}

/// Eligibility tests: unique ids, citations that exist.
fn check_eligibility<'a>(c: &mut Checker<'a>, doc: &'a ProtocolDoc) {
    let mut ids = IdSet::new();
    for (i, t) in doc.eligibility.tests.iter().enumerate() {
        let p = format!("/eligibility/tests/{i}");
        c.unique(&mut ids, &t.id, format!("{p}/id"));
        c.cites(&t.cites, &p);
    }
}

/// Bid facts: unique, and not one of the built-in names.
fn check_bid_facts<'a>(c: &mut Checker<'a>, doc: &'a ProtocolDoc) {
    let mut ids = IdSet::new();
    for (name, _) in BUILT_IN_BID_FACTS {
        ids.add(
            name,
            "(built in)".to_string(),
            &mut Vec::new(),
            Document::Protocol,
        );
    }
    for (i, f) in doc.bid_facts.iter().enumerate() {
        c.unique(&mut ids, &f.id, format!("/bid_facts/{i}/id"));
    }
}

/// Barrier rules: unique ids, citations that exist, conditions that fit their facts and scope.
fn check_barriers<'a>(c: &mut Checker<'a>, doc: &'a ProtocolDoc) {
    let mut ids = IdSet::new();
    for (i, b) in doc.barriers.iter().enumerate() {
        let p = format!("/barriers/{i}");
        c.unique(&mut ids, &b.id, format!("{p}/id"));
        match &b.holding {
            Holding::Everywhere { cites, .. } => c.cites(cites, &p),
            Holding::ByRegime(entries) => check_applies(c, doc, b, entries, &p),
        }
        b.require
            .check(b.scope, &format!("{p}/require"), &mut c.problems);
    }
}

/// A rule's `applies`: citations that exist, law that cites legislation, and no regime listed
/// twice for a nation (which entry held would then depend on the order).
fn check_applies(
    c: &mut Checker,
    doc: &ProtocolDoc,
    rule: &BarrierRule,
    entries: &[Applies],
    pointer: &str,
) {
    let mut seen: BTreeSet<(Regime, Option<Nation>)> = BTreeSet::new();
    for (j, e) in entries.iter().enumerate() {
        let p = format!("{pointer}/applies/{j}");
        c.cites(&e.cites, &p);
        let legislation = e.cites.iter().any(|cite| {
            doc.sources
                .iter()
                .any(|s| s.id == cite.source && s.kind == SourceKind::Legislation)
        });
        if e.standing == Standing::Law && !legislation {
            c.report(
                format!("{p}/standing"),
                ProblemKind::LawWithoutLegislation {
                    rule: rule.id.clone(),
                },
            );
        }
        let nations: Vec<Option<Nation>> = match &e.nations {
            None => vec![None],
            Some(list) => list.iter().copied().map(Some).collect(),
        };
        for regime in &e.regimes {
            for n in &nations {
                let clash = seen
                    .iter()
                    .any(|(r, m)| r == regime && (n.is_none() || m.is_none() || m == n));
                if clash {
                    c.report(
                        format!("{p}/regimes"),
                        ProblemKind::RegimeListedTwice {
                            rule: rule.id.clone(),
                            regime: regime.word().to_string(),
                        },
                    );
                }
                seen.insert((*regime, *n));
            }
        }
    }
}

/// A criterion with where it stands in the tree.
struct Placed<'a> {
    criterion: &'a Criterion,
    /// Its JSON pointer in the protocol.
    pointer: String,
    /// Its own category, or the nearest ancestor's.
    category: Option<Category>,
    /// Ids from the top-level criterion down to this one.
    path: Vec<String>,
}

/// Every criterion of the tree, depth first.
fn place(criteria: &[Criterion]) -> Vec<Placed<'_>> {
    let mut out = Vec::new();
    walk(criteria, "/award_model/criteria", None, &[], &mut out);
    out
}

/// Appends `criteria` to `out` depth-first, with pointers, inherited category and path.
fn walk<'a>(
    criteria: &'a [Criterion],
    pointer: &str,
    inherited: Option<Category>,
    path: &[String],
    out: &mut Vec<Placed<'a>>,
) {
    for (i, c) in criteria.iter().enumerate() {
        let p = format!("{pointer}/{i}");
        let category = c.category.or(inherited);
        let mut here = path.to_vec();
        here.push(c.id.clone());
        out.push(Placed {
            criterion: c,
            pointer: p.clone(),
            category,
            path: here.clone(),
        });
        if let CriterionBody::Group(children) = &c.body {
            walk(children, &format!("{p}/children"), category, &here, out);
        }
    }
}

/// Criteria: unique ids, citations, a category at the top, groups that make 100, and methods
/// that name real scales and facts. Returns every criterion by id.
fn check_criteria<'a>(
    c: &mut Checker<'a>,
    doc: &'a ProtocolDoc,
    placed: &[Placed<'a>],
) -> BTreeMap<String, Criterion> {
    c.weights(
        &doc.award.criteria,
        "/award_model/criteria",
        "the top-level criteria",
    );
    let scales: BTreeMap<&str, &Scale> = doc.scales.iter().map(|s| (s.id.as_str(), s)).collect();
    let facts: Vec<String> = BUILT_IN_BID_FACTS
        .iter()
        .map(|(n, _)| (*n).to_string())
        .chain(doc.bid_facts.iter().map(|f| f.id.clone()))
        .collect();
    let mut ids = IdSet::new();
    let mut criteria = BTreeMap::new();
    for Placed {
        criterion: crit,
        pointer: p,
        category,
        path,
    } in placed
    {
        c.unique(&mut ids, &crit.id, format!("{p}/id"));
        criteria
            .entry(crit.id.clone())
            .or_insert_with(|| (*crit).clone());
        c.cites(&crit.cites, p);
        if path.len() == 1 && crit.category.is_none() {
            c.report(
                p.clone(),
                ProblemKind::MissingField {
                    field: "category".into(),
                },
            );
        }
        match &crit.body {
            CriterionBody::Group(children) => match doc.award.weights_as {
                WeightsAs::ShareOfParent => c.weights(
                    children,
                    &format!("{p}/children"),
                    &format!("\"{}\"", crit.id),
                ),
                WeightsAs::ShareOfWhole => c.group_weights(
                    children,
                    crit.weight,
                    &format!("{p}/children"),
                    &format!("\"{}\"", crit.id),
                ),
            },
            CriterionBody::Leaf(method) => {
                check_method(c, method, *category, p, &scales, &facts);
            }
        }
    }
    criteria
}

/// A leaf's scoring method: a panel's scale exists (and holds its minimum), a banded table's
/// fact exists and its bands cover every value, a price formula scores a price criterion.
fn check_method(
    c: &mut Checker,
    method: &Method,
    category: Option<Category>,
    p: &str,
    scales: &BTreeMap<&str, &Scale>,
    facts: &[String],
) {
    match method {
        Method::Panel { scale, minimum } => check_panel(c, scale, *minimum, p, scales),
        Method::Banded {
            fact,
            bands,
            out_of,
        } => {
            if !facts.contains(fact) {
                c.report(
                    format!("{p}/method/fact"),
                    ProblemKind::UnknownReference {
                        id: fact.clone(),
                        what: "bid fact",
                        known: facts.to_vec(),
                    },
                );
            }
            check_bands(c, bands, *out_of, p);
        }
        Method::Price(_) => {
            if category != Some(Category::Price) {
                c.report(
                    format!("{p}/method"),
                    ProblemKind::PriceFormulaOutsidePrice {
                        category: category.map(|c| c.word().to_string()),
                    },
                );
            }
        }
    }
}

/// A panel criterion's scale exists, and its minimum score is a point on it.
fn check_panel(
    c: &mut Checker,
    scale: &str,
    minimum: Option<Minimum>,
    p: &str,
    scales: &BTreeMap<&str, &Scale>,
) {
    match scales.get(scale) {
        None => c.report(
            format!("{p}/method/scale"),
            ProblemKind::UnknownReference {
                id: scale.to_string(),
                what: "scale",
                known: scales.keys().map(ToString::to_string).collect(),
            },
        ),
        Some(s) => {
            if let Some(m) = minimum {
                if s.point(m.score).is_none() {
                    c.report(
                        format!("{p}/method/minimum/score"),
                        ProblemKind::ScoreOutsideScale {
                            found: m.score,
                            allowed: s.scores(),
                            scale: s.title.clone(),
                        },
                    );
                }
            }
        }
    }
}

/// A banded table starts at 0, its bands meet with no gap or overlap, the last is open-ended,
/// and no band earns more than the table's `out_of`.
fn check_bands(c: &mut Checker, bands: &[Band], out_of: i64, p: &str) {
    if bands[0].from != Exact::ZERO {
        c.report(
            format!("{p}/method/bands/0/from"),
            ProblemKind::RangeOutOfOrder {
                detail: "the first band must start at \"0\" so that every value falls in a band"
                    .into(),
            },
        );
    }
    for (i, b) in bands.iter().enumerate() {
        let bp = format!("{p}/method/bands/{i}");
        match (b.to, bands.get(i + 1)) {
            (None, Some(_)) => c.report(bp.clone(), ProblemKind::MissingField { field: "to".into() }),
            (Some(_), None) => c.report(
                format!("{bp}/to"),
                ProblemKind::RangeOutOfOrder {
                    detail: "the last band has no upper bound (leave out \"to\") so that every value falls in a band".into(),
                },
            ),
            (Some(to), Some(next)) => check_band_meets(c, b, to, next, p, i),
            (None, None) => {}
        }
        if b.points > out_of {
            c.report(
                format!("{bp}/points"),
                ProblemKind::OutOfRange {
                    found: b.points.to_string(),
                    expected: format!("at most \"out_of\", {out_of}"),
                },
            );
        }
    }
}

/// Band `i` ends above where it starts, at exactly where band `i + 1` (`next`) starts.
fn check_band_meets(c: &mut Checker, band: &Band, to: Exact, next: &Band, p: &str, i: usize) {
    if to <= band.from {
        c.report(
            format!("{p}/method/bands/{i}/to"),
            ProblemKind::RangeOutOfOrder {
                detail: format!(
                    "the band ends at {} but starts at {}",
                    to.to_exact_string(),
                    band.from.to_exact_string()
                ),
            },
        );
    }
    if next.from != to {
        c.report(
            format!("{p}/method/bands/{}/from", i + 1),
            ProblemKind::RangeOutOfOrder {
                detail: format!(
                    "this band starts at {} but the band before it ends at {}; bands must meet with no gap or overlap",
                    next.from.to_exact_string(),
                    to.to_exact_string()
                ),
            },
        );
    }
}

/// Gates: unique ids, citations; then the citations of the award model's other parts.
fn check_gates_and_cites<'a>(c: &mut Checker<'a>, doc: &'a ProtocolDoc) {
    let award = &doc.award;
    let mut ids = IdSet::new();
    for (i, g) in award.gates.iter().enumerate() {
        let p = format!("/award_model/gates/{i}");
        c.unique(&mut ids, &g.id, format!("{p}/id"));
        c.cites(&g.cites, &p);
    }
    c.cites(&award.moderation.cites, "/award_model/moderation");
    c.cites(&award.abnormally_low.cites, "/award_model/abnormally_low");
    c.cites(&award.affordability.cites, "/award_model/affordability");
    c.cites(&award.cites, "/award_model");
}

/// The ids of every criterion, in tree order, for "did you mean" help.
fn criterion_ids(placed: &[Placed]) -> Vec<String> {
    placed.iter().map(|p| p.criterion.id.clone()).collect()
}

/// The categories of the scored (leaf) criteria, sorted by their words: a
/// tie-break by category must name one of them, or it could never separate two bids.
fn placed_categories(placed: &[Placed]) -> Vec<Category> {
    let mut out: Vec<Category> = placed
        .iter()
        .filter(|p| matches!(p.criterion.body, CriterionBody::Leaf(_)))
        .filter_map(|p| p.category)
        .collect();
    out.sort_by_key(|c| c.word());
    out.dedup();
    out
}

/// Tie-break rules: each used once, naming criteria (or categories of scored criteria) that
/// exist.
fn check_tie_breaks(
    c: &mut Checker,
    doc: &ProtocolDoc,
    criteria: &BTreeMap<String, Criterion>,
    placed: &[Placed],
) {
    let mut seen = BTreeMap::new();
    for (i, t) in doc.award.tie_break.iter().enumerate() {
        let p = format!("/award_model/tie_break/{i}");
        let key = match t {
            TieBreak::HigherScoreIn(id) => {
                if !criteria.contains_key(id) {
                    c.report(
                        format!("{p}/criterion"),
                        ProblemKind::UnknownReference {
                            id: id.clone(),
                            what: "criterion",
                            known: criterion_ids(placed),
                        },
                    );
                }
                format!("higher_score_in:{id}")
            }
            TieBreak::HigherScoreInCategory(category) => {
                let known: Vec<String> = placed_categories(placed)
                    .iter()
                    .map(|c| c.word().to_string())
                    .collect();
                if !known.iter().any(|k| k == category.word()) {
                    c.report(
                        format!("{p}/category"),
                        ProblemKind::UnknownReference {
                            id: category.word().to_string(),
                            what: "category with a scored criterion",
                            known,
                        },
                    );
                }
                format!("higher_score_in:category:{}", category.word())
            }
            TieBreak::LowerPrice => "lower_price".into(),
            TieBreak::UserLedFirst => "user_led_first".into(),
        };
        if let Some(first) = seen.insert(key.clone(), p.clone()) {
            c.report(p, ProblemKind::DuplicateId { id: key, first });
        }
    }
}

/// Tunable weights: one range per criterion, for criteria that exist, in order, and holding
/// the protocol's own weight.
fn check_tunable<'a>(
    c: &mut Checker<'a>,
    doc: &'a ProtocolDoc,
    criteria: &BTreeMap<String, Criterion>,
    placed: &[Placed],
) {
    let mut ids = IdSet::new();
    for (i, t) in doc.tunable.iter().enumerate() {
        let p = format!("/tunable/{i}");
        c.unique(&mut ids, &t.criterion, format!("{p}/criterion"));
        let Some(crit) = criteria.get(&t.criterion) else {
            c.report(
                format!("{p}/criterion"),
                ProblemKind::UnknownReference {
                    id: t.criterion.clone(),
                    what: "criterion",
                    known: criterion_ids(placed),
                },
            );
            continue;
        };
        if t.min > t.max {
            c.report(
                format!("{p}/min"),
                ProblemKind::RangeOutOfOrder {
                    detail: format!(
                        "the lowest weight {} is above the highest {}",
                        t.min.to_exact_string(),
                        t.max.to_exact_string()
                    ),
                },
            );
        } else if crit.weight < t.min || crit.weight > t.max {
            c.report(
                p,
                ProblemKind::WeightOutsideRange {
                    criterion: t.criterion.clone(),
                    found: crit.weight.to_exact_string(),
                    min: t.min.to_exact_string(),
                    max: t.max.to_exact_string(),
                },
            );
        }
    }
}

/// Moderation: a lived-experience share strictly between 0 and 100.
fn check_moderation(c: &mut Checker, doc: &ProtocolDoc) {
    if let ModerationMethod::Mean {
        lived_experience_share: Some(s),
    } = doc.award.moderation.method
    {
        if s == Exact::HUNDRED || s.is_zero() {
            c.report(
                "/award_model/moderation/lived_experience_share".into(),
                ProblemKind::OutOfRange {
                    found: format!("\"{}\"", s.to_exact_string()),
                    expected: "more than 0 and less than 100 (leave it out for a plain mean)"
                        .into(),
                },
            );
        }
    }
}

/// Every criterion's place in the tree, in tree order.
fn tree(placed: &[Placed]) -> Vec<TreeNode> {
    placed
        .iter()
        .map(|p| TreeNode {
            id: p.criterion.id.clone(),
            parent: (p.path.len() > 1).then(|| p.path[p.path.len() - 2].clone()),
            // At most `MAX_CRITERIA_DEPTH` (3): the reader refuses deeper trees.
            depth: u8::try_from(p.path.len()).unwrap_or(u8::MAX),
            // Checked: every top-level criterion has a category, and children inherit it.
            category: p.category.unwrap_or(Category::Quality),
            children: match &p.criterion.body {
                CriterionBody::Group(children) => children.iter().map(|c| c.id.clone()).collect(),
                CriterionBody::Leaf(_) => Vec::new(),
            },
        })
        .collect()
}

/// Every leaf criterion's category and path.
fn leaves(placed: &[Placed]) -> BTreeMap<String, LeafInfo> {
    placed
        .iter()
        .filter(|p| matches!(p.criterion.body, CriterionBody::Leaf(_)))
        .filter_map(|p| {
            let info = LeafInfo {
                category: p.category?,
                path: p.path.clone(),
            };
            Some((p.criterion.id.clone(), info))
        })
        .collect()
}
