//! Ranking within a lot, and the tie-break order.
//!
//! Bids are ordered by total marks, compared exactly. Bids with equal totals go through the
//! protocol's tie-break rules in order until they are separated; each keeps a note of whom it
//! tied with and which rule settled it. Bids no rule separates share a rank, and the note says
//! the authority must decide: the engine never breaks a tie by chance or by input order.

use super::model::Order;
use crate::exact::Exact;
use crate::explain::money;
use crate::protocol::{Category, Protocol, TieBreak};
use crate::report::TieNote;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// What ranking needs to know about a bid.
pub struct Candidate<'a> {
    /// Bid id.
    pub id: &'a str,
    /// Bidder's name.
    pub bidder: &'a str,
    /// Total marks (rounded marks added exactly).
    pub total: Exact,
    /// What the lot is ranked on (see [`Order`]): the total, the exact cost per quality point
    /// or the price.
    pub key: Exact,
    /// Price.
    pub price: Exact,
    /// Whether the bidder is a user-led organisation (verdict "yes").
    pub user_led: bool,
    /// Marks by criterion (groups and leaves), by position in [`Protocol::tree`].
    pub marks: &'a [Option<Exact>],
}

impl Candidate<'_> {
    /// The marks for a criterion, by id (0 when not worked out).
    fn marks_in(&self, protocol: &Protocol, id: &str) -> Exact {
        protocol
            .position(id)
            .and_then(|i| self.marks.get(i).copied().flatten())
            .unwrap_or(Exact::ZERO)
    }

    /// The marks of every leaf criterion in a category (its own or inherited), added up
    /// exactly: leaf marks are already rounded, as a group's are, so the sum needs no rounding.
    /// A leaf not worked out counts 0, as in [`Candidate::marks_in`]; a sum too large to hold
    /// (never, for marks out of 100) also counts as what was added so far.
    fn marks_in_category(&self, protocol: &Protocol, category: Category) -> Exact {
        protocol
            .tree()
            .iter()
            .enumerate()
            .filter(|(_, n)| n.children.is_empty() && n.category == category)
            .filter_map(|(i, _)| self.marks.get(i).copied().flatten())
            .fold(Exact::ZERO, |sum, m| sum.add(m).unwrap_or(sum))
    }
}

/// A category's name in the words of a tie-break note ("quality", "social value").
fn category_words(category: Category) -> String {
    category.word().replace('_', " ")
}

/// A ranked bid.
pub struct Placed {
    /// Rank, 1 best; tied bids share it.
    pub rank: u32,
    /// Which candidate (an index into the candidates ranked).
    pub candidate: usize,
    /// How a tie was settled.
    pub tie: Option<TieNote>,
}

enum Key {
    /// Higher is better.
    High(Exact),
    /// Lower is better.
    Low(Exact),
}

impl Key {
    fn better(&self, other: &Key) -> Ordering {
        match (self, other) {
            (Key::High(a), Key::High(b)) => b.cmp(a),
            (Key::Low(a), Key::Low(b)) => a.cmp(b),
            _ => Ordering::Equal,
        }
    }
}

fn key(protocol: &Protocol, rule: &TieBreak, c: &Candidate) -> Key {
    match rule {
        TieBreak::HigherScoreIn(id) => Key::High(c.marks_in(protocol, id)),
        TieBreak::HigherScoreInCategory(category) => {
            Key::High(c.marks_in_category(protocol, *category))
        }
        TieBreak::LowerPrice => Key::Low(c.price),
        TieBreak::UserLedFirst => Key::High(if c.user_led { Exact::ONE } else { Exact::ZERO }),
    }
}

fn describe_rule<'p>(
    protocol: &'p Protocol,
    rule: &TieBreak,
    places: u32,
) -> (String, impl Fn(&Candidate) -> String + 'p) {
    let name = match rule {
        TieBreak::HigherScoreIn(id) => format!(
            "more marks in {}",
            protocol
                .criterion(id)
                .map_or(id.as_str(), |c| c.title.as_str())
        ),
        TieBreak::HigherScoreInCategory(category) => format!(
            "more marks in the {} criteria, added up",
            category_words(*category)
        ),
        TieBreak::LowerPrice => "the lower price".to_string(),
        TieBreak::UserLedFirst => "a user-led organisation first".to_string(),
    };
    let rule = rule.clone();
    let show = move |c: &Candidate| match &rule {
        TieBreak::HigherScoreIn(id) => c.marks_in(protocol, id).to_fixed(places),
        TieBreak::HigherScoreInCategory(category) => {
            c.marks_in_category(protocol, *category).to_fixed(places)
        }
        TieBreak::LowerPrice => money(c.price),
        TieBreak::UserLedFirst => if c.user_led {
            "user-led"
        } else {
            "not user-led"
        }
        .to_string(),
    };
    (name, show)
}

/// Orders a group of tied candidates (indices into `cands`) by the rules from `from` on.
/// Returns the order as groups of still-tied candidates, and records for each candidate the
/// rule that last split its group, with the members of the group that rule split.
fn settle(
    protocol: &Protocol,
    cands: &[Candidate],
    group: Vec<usize>,
    rules: &[TieBreak],
    from: usize,
    decided: &mut BTreeMap<usize, (usize, Vec<usize>)>,
) -> Vec<Vec<usize>> {
    if group.len() < 2 || from >= rules.len() {
        return vec![group];
    }
    let rule = &rules[from];
    let mut sorted = group;
    sorted.sort_by(|a, b| {
        key(protocol, rule, &cands[*a])
            .better(&key(protocol, rule, &cands[*b]))
            .then_with(|| cands[*a].id.cmp(cands[*b].id))
    });
    let mut parts: Vec<Vec<usize>> = Vec::new();
    for i in sorted {
        match parts.last_mut() {
            Some(last)
                if key(protocol, rule, &cands[last[0]]).better(&key(protocol, rule, &cands[i]))
                    == Ordering::Equal =>
            {
                last.push(i);
            }
            _ => parts.push(vec![i]),
        }
    }
    if parts.len() > 1 {
        let split: Vec<usize> = parts.iter().flatten().copied().collect();
        for i in &split {
            decided.insert(*i, (from, split.clone()));
        }
    }
    parts
        .into_iter()
        .flat_map(|p| settle(protocol, cands, p, rules, from + 1, decided))
        .collect()
}

/// A group of candidates tied on total marks, once the tie-break rules have been applied.
struct Tie<'a, 'c> {
    protocol: &'a Protocol,
    cands: &'a [Candidate<'c>],
    /// The candidates tied on total marks.
    group: &'a [usize],
    /// For each candidate a rule separated, the rule and the candidates it split (see
    /// [`settle`]).
    decided: &'a BTreeMap<usize, (usize, Vec<usize>)>,
    places: u32,
    /// What the lot is ranked on, which the note names.
    by: Order,
}

impl Tie<'_, '_> {
    /// The note for candidate `i`, in `part`, the candidates still tied with it after every rule.
    fn note(&self, part: &[usize], i: usize) -> TieNote {
        let (cands, rules) = (self.cands, &self.protocol.doc().award.tie_break);
        let tied_with: Vec<String> = self
            .group
            .iter()
            .filter(|j| **j != i)
            .map(|j| cands[*j].id.to_string())
            .collect();
        // What they tied on, in words: "{total} marks" as before, or the model's key.
        let total = match self.by {
            Order::Total => format!("{} marks", cands[i].total.to_fixed(self.places)),
            Order::CostPerQualityPoint => format!(
                "a cost per quality point of exactly {}",
                cands[i].key.to_exact_string()
            ),
            Order::Price => format!("a price of {}", money(cands[i].key)),
        };
        if part.len() > 1 {
            let still: Vec<&str> = part
                .iter()
                .filter(|j| **j != i)
                .map(|j| cands[*j].bidder)
                .collect();
            return TieNote {
                tied_with,
                decided_by: None,
                reason: format!(
                    "Tied on {total} with {}; {}. The authority must decide between them and record how.",
                    still.join(" and "),
                    if rules.is_empty() {
                        "the protocol sets no tie-break order".to_string()
                    } else {
                        "no rule in the protocol's tie-break order separates them".to_string()
                    }
                ),
            };
        }
        let (r, split) = self
            .decided
            .get(&i)
            .cloned()
            .unwrap_or((0, self.group.to_vec()));
        let (name, show) = describe_rule(self.protocol, &rules[r], self.places);
        let values: Vec<String> = split
            .iter()
            .map(|j| format!("{} {}", cands[*j].bidder, show(&cands[*j])))
            .collect();
        TieNote {
            tied_with,
            decided_by: Some(name.clone()),
            reason: format!(
                "Tied on {total}; settled by tie-break rule {} ({name}): {}.",
                r + 1,
                values.join(", ")
            ),
        }
    }
}

/// Ranks candidates by their key (the total, highest first; or, as the lot's model says, the
/// exact cost per quality point or the price, lowest first), breaking ties by the protocol's
/// order.
#[must_use]
pub fn rank(protocol: &Protocol, cands: &[Candidate], places: u32, by: Order) -> Vec<Placed> {
    let rules = &protocol.doc().award.tie_break;
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by(|a, b| {
        let (ka, kb) = (cands[*a].key, cands[*b].key);
        match by {
            Order::Total => kb.cmp(&ka),
            Order::CostPerQualityPoint | Order::Price => ka.cmp(&kb),
        }
        .then_with(|| cands[*a].id.cmp(cands[*b].id))
    });
    // Groups of equal keys.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in order {
        match groups.last_mut() {
            Some(g) if cands[g[0]].key == cands[i].key => g.push(i),
            _ => groups.push(vec![i]),
        }
    }
    let mut ranked = Vec::new();
    let mut position = 1u32;
    for g in groups {
        if g.len() == 1 {
            ranked.push(Placed {
                rank: position,
                candidate: g[0],
                tie: None,
            });
            position += 1;
            continue;
        }
        let mut decided = BTreeMap::new();
        let settled = settle(protocol, cands, g.clone(), rules, 0, &mut decided);
        let tie = Tie {
            protocol,
            cands,
            group: &g,
            decided: &decided,
            places,
            by,
        };
        for part in settled {
            for &i in &part {
                ranked.push(Placed {
                    rank: position,
                    candidate: i,
                    tie: Some(tie.note(&part, i)),
                });
            }
            #[allow(
                clippy::cast_possible_truncation,
                reason = "a part holds at most the 5,000 bids a bids document may hold"
            )]
            let taken = part.len() as u32;
            position += taken;
        }
    }
    ranked
}
