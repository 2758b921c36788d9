//! Generated inputs: a protocol, a tender, bids and a self-check draft built from a stream of
//! choices, so that one generator serves three purposes:
//!
//! - the **equivalence cases** (a seeded [`Rng`]): the same seed gives the same documents natively
//!   and in wasm, and both must give byte-identical results (`tests/generated/hashes.txt`);
//! - the **property tests** (seeds from proptest), which check invariants over many protocols,
//!   not only the shipped one;
//! - the **structure-aware fuzz target** (a fuzzer's bytes through `arbitrary::Unstructured`),
//!   which reaches deep into scoring instead of stopping at the JSON parser.
//!
//! The documents vary everything the award model has: a criteria tree of one to three levels
//! (panel, banded and price leaves), weights that do and do not divide evenly, one or two scales
//! (some not starting at 0), every moderation method, both price formulas, every rounding mode at
//! 0 to 6 places, thresholds that do and do not disqualify, gates passed, failed and not
//! assessed, missing scores, eligibility tests, reserved contracts, tuned weights, tie-breaks,
//! ties on purpose (copied scores and prices), banded facts on a band's edge, prices around the
//! abnormally-low limit and the affordability ceiling, one to three lots and 1 to 12 bids.
//!
//! With `wild` set (fuzzing only), some values are pushed out of range or made to refer to ids
//! that do not exist, so that the checks that reject them are reached too.
//!
//! Every number that decides a choice is a `u32` or `u64` worked out with integer arithmetic
//! only, never `usize`, so that a seed means the same documents on 64-bit native and 32-bit wasm.

use serde_json::{json, Map, Value};

/// Where a generator's choices come from.
pub trait Choices {
    /// A number from 0 to `n - 1` (0 when `n` is 0 or 1).
    fn below(&mut self, n: u32) -> u32;
}

/// A small deterministic generator (SplitMix64): the same seed gives the same choices on every
/// platform, which is what lets native and wasm runs be compared case by case.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator for one seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl Choices for Rng {
    fn below(&mut self, n: u32) -> u32 {
        let r = self.next_u64();
        if n <= 1 {
            0
        } else {
            (r % u64::from(n)) as u32
        }
    }
}

/// A fuzzer's bytes as choices: libFuzzer mutates the bytes, and each mutation becomes a
/// different but still well-shaped set of documents. When the bytes run out every choice is 0.
impl Choices for arbitrary::Unstructured<'_> {
    fn below(&mut self, n: u32) -> u32 {
        if n <= 1 {
            return 0;
        }
        self.int_in_range(0..=n - 1).unwrap_or(0)
    }
}

/// The four documents of one generated case, as JSON text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    /// The protocol.
    pub protocol: String,
    /// The tender.
    pub tender: String,
    /// The bids, with the panel's scores.
    pub bids: String,
    /// A bidder's self-check draft for the same tender.
    pub self_check: String,
}

/// How many generated cases the equivalence test compares (natively and in wasm).
pub const GENERATED_CASES: u64 = 1200;

/// The documents of generated case `seed` (always well formed; nearly always valid).
pub fn case(seed: u64) -> Generated {
    generate(&mut Rng::new(seed), false)
}

/// How many cases of the weights family (see [`weights_case`]) are compared natively and in
/// wasm (`tests/generated/weights-hashes.txt`).
pub const WEIGHTS_CASES: u64 = 300;

/// Mixed into a weights-family seed so that its cases are not the first family's protocols.
const WEIGHTS_SALT: u64 = 0x5745_4947_4854_5321;

/// The documents of weights-family case `seed`: a generated protocol whose weights are written
/// as shares of the whole award (`"weights_as": "share_of_whole"`: each group's criteria
/// re-split so that they add up to the group's own weight) and whose tie-break order often
/// names a category; its tenders' tuned weights then move groups whose criteria keep their
/// proportions. A family of its own, with its own hash file, so that the first family's 1,200
/// cases and hashes stay byte for byte as they were.
pub fn weights_case(seed: u64) -> Generated {
    generate_weights(&mut Rng::new(seed ^ WEIGHTS_SALT), false)
}

/// Builds one weights-family case from `choices` (see [`weights_case`]).
pub fn generate_weights<C: Choices>(choices: &mut C, wild: bool) -> Generated {
    build(choices, wild, true)
}

/// Builds one case from `choices`. `wild` lets some values go out of range (for fuzzing).
pub fn generate<C: Choices>(choices: &mut C, wild: bool) -> Generated {
    build(choices, wild, false)
}

/// One case of the first family, or (`whole`) of the weights family. The weights family makes
/// its own choices only after the first family's protocol is built, so the first family never
/// consumes a choice it did not before.
fn build<C: Choices>(choices: &mut C, wild: bool, whole: bool) -> Generated {
    let mut g = Gen {
        c: choices,
        wild: false,
    };
    // Even when fuzzing, most documents stay valid so that scoring is reached; a third are
    // allowed mistakes, each site then going wrong now and then.
    g.wild = wild && g.below(3) == 0;
    let mut shape = g.protocol();
    if whole {
        g.share_of_whole(&mut shape);
    }
    let tender = g.tender(&shape);
    let bids = g.bids(&shape, &tender);
    let draft = g.draft(&shape, &tender);
    Generated {
        protocol: shape.doc.to_string(),
        tender: tender.doc.to_string(),
        bids: bids.to_string(),
        self_check: draft.to_string(),
    }
}

const CATEGORIES: [&str; 3] = ["quality", "social_value", "user_leadership"];
const LEGAL_FORMS: [&str; 6] = [
    "charity",
    "charitable_incorporated_organisation",
    "company_limited_by_guarantee",
    "community_interest_company",
    "company_limited_by_shares",
    "public_limited_company",
];
/// Bid facts every generated protocol declares, with their kinds; banded criteria use these or
/// the two built in (board and staff shares, worked out from the organisation).
const BID_FACTS: [(&str, &str); 4] = [
    ("local_staff_percent", "percent"),
    ("volunteers", "count"),
    ("reserves", "money"),
    ("ratio", "figure"),
];
const BUILT_IN_FACTS: [&str; 2] = ["board_user_share_percent", "staff_disabled_share_percent"];

/// What the protocol holds, for building documents that refer to it.
struct Shape {
    doc: Value,
    /// Each scale's points.
    scales: Vec<Vec<u32>>,
    /// Panel leaves: id and scale index.
    panel: Vec<(String, usize)>,
    /// Banded leaves: fact and the band edges.
    banded: Vec<(String, Vec<String>)>,
    gates: Vec<String>,
    consensus: bool,
    linear: bool,
    /// Two tunable siblings: ids, weights in cents of a percent, and how far each may move.
    tunable: Option<(String, String, u32, u32, u32)>,
}

/// The tender as generated, for the bids and the draft.
struct TenderShape {
    doc: Value,
    /// Lots: id and value in pounds.
    lots: Vec<(String, u64)>,
    evaluators: Vec<String>,
}

struct Gen<'a, C: Choices> {
    c: &'a mut C,
    wild: bool,
}

/// Cents (or hundredths of a percent) as a decimal string: `1250` is `12.5`, `1200` is `12`.
fn cents(v: u64) -> String {
    match v % 100 {
        0 => format!("{}", v / 100),
        r if r % 10 == 0 => format!("{}.{}", v / 100, r / 10),
        r => format!("{}.{r:02}", v / 100),
    }
}

fn cite(clause: &str) -> Value {
    json!([{"source": "S1", "clause": clause}])
}

impl<C: Choices> Gen<'_, C> {
    fn below(&mut self, n: u32) -> u32 {
        self.c.below(n)
    }

    /// A number from `lo` to `hi` inclusive.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u32) as usize].clone()
    }

    /// Whether to make a mistake here (never, unless this document is allowed mistakes).
    fn oops(&mut self) -> bool {
        self.wild && self.below(20) == 0
    }

    /// `total` hundredths of a percent split into `n` parts (some may be 0): where a group
    /// weighted 12.5 shares it out as shares of the whole award.
    fn split(&mut self, total: u32, n: u32) -> Vec<u32> {
        let n = n.max(1);
        if self.chance(30) && total.is_multiple_of(n) {
            return vec![total / n; n as usize];
        }
        let mut cuts: Vec<u32> = (1..n).map(|_| self.range(0, total)).collect();
        cuts.sort_unstable();
        let mut out = Vec::new();
        let mut last = 0;
        for cut in cuts.into_iter().chain(std::iter::once(total)) {
            out.push(cut - last);
            last = cut;
        }
        out
    }

    /// Rewrites the protocol's weights as shares of the whole award: the top level as it is
    /// (its weights are the same in both terms), each group's criteria re-split to add up to
    /// the group's own weight; and, more often than not, puts a tie-break by a category of the
    /// protocol's first.
    fn share_of_whole(&mut self, shape: &mut Shape) {
        let award = &mut shape.doc["award_model"];
        award["weights_as"] = json!("share_of_whole");
        let mut criteria = award["criteria"].take();
        if let Value::Array(list) = &mut criteria {
            for c in list.iter_mut() {
                let w = parse_cents(c["weight"].as_str().unwrap_or("0")) as u32;
                self.resplit(c, w);
            }
        }
        let categories: Vec<String> = match &criteria {
            Value::Array(list) => {
                let mut out: Vec<String> = list
                    .iter()
                    .filter_map(|c| c["category"].as_str().map(str::to_string))
                    .collect();
                out.sort();
                out.dedup();
                out
            }
            _ => Vec::new(),
        };
        let award = &mut shape.doc["award_model"];
        award["criteria"] = criteria;
        if self.chance(65) && !categories.is_empty() {
            let category = if self.oops() {
                "user_leadership".to_string()
            } else {
                self.pick(&categories)
            };
            let rule = json!({"rule": "higher_score_in", "category": category});
            if let Value::Array(rules) = &mut award["tie_break"] {
                let at = self.below(rules.len() as u32 + 1) as usize;
                rules.insert(at, rule);
            }
        }
    }

    /// A criterion weighted `w` hundredths (of the whole): its children, if any, re-split.
    fn resplit(&mut self, c: &mut Value, w: u32) {
        let Some(Value::Array(children)) = c.get_mut("children") else {
            return;
        };
        let parts = self.split(w, children.len() as u32);
        for (child, part) in children.iter_mut().zip(parts) {
            let part = if self.oops() { part + 1 } else { part };
            child["weight"] = json!(cents(u64::from(part)));
            self.resplit(child, part);
        }
    }

    /// `n` weights (hundredths of a percent) that add up to exactly 100%: even splits that do
    /// not divide (33.34, 33.33, 33.33), whole numbers, or any hundredths.
    fn weights(&mut self, n: u32) -> Vec<u32> {
        let n = n.max(1);
        let unit = match self.below(3) {
            0 => {
                let base = 10_000 / n;
                let mut w = vec![base; n as usize];
                w[0] += 10_000 - base * n;
                return w;
            }
            1 => 100,
            _ => 1,
        };
        let slots = 10_000 / unit;
        let mut cuts: Vec<u32> = Vec::new();
        while (cuts.len() as u32) < n - 1 {
            // A cut already taken moves to the next free one, so that this ends even when the
            // choices repeat (a fuzzer's bytes run out and every choice is 0).
            let mut cut = self.range(1, slots - 1);
            while cuts.contains(&cut) {
                cut = cut % (slots - 1) + 1;
            }
            cuts.push(cut);
        }
        cuts.sort_unstable();
        let mut out = Vec::new();
        let mut last = 0;
        for cut in cuts.into_iter().chain(std::iter::once(slots)) {
            out.push((cut - last) * unit);
            last = cut;
        }
        out
    }

    fn scale(&mut self, id: &str) -> (Value, Vec<u32>) {
        let start = if self.chance(20) { 1 } else { 0 };
        let step = self.pick(&[1, 1, 1, 2, 5]);
        let count = self.range(2, 7);
        let points: Vec<u32> = (0..count).map(|i| start + i * step).collect();
        let json_points: Vec<Value> = points
            .iter()
            .map(|p| json!({"score": p, "label": format!("Point {p}"), "descriptor": format!("Answers at level {p}.")}))
            .collect();
        (
            json!({"id": id, "title": format!("Scale {id}"), "points": json_points}),
            points,
        )
    }

    /// A leaf criterion's method (not price).
    fn leaf_method(&mut self, shape: &mut Shape, id: &str) -> Value {
        if self.chance(78) {
            let s = self.below(shape.scales.len() as u32) as usize;
            let mut m = json!({"type": "panel", "scale": format!("s{s}")});
            if self.oops() {
                m["scale"] = json!("s9");
            }
            if self.chance(35) {
                let score = if self.oops() {
                    99
                } else {
                    self.pick(&shape.scales[s])
                };
                m["minimum"] = json!({"score": score, "disqualifies": self.chance(50)});
            }
            shape.panel.push((id.to_string(), s));
            m
        } else {
            let fact = if self.chance(70) {
                self.pick(&BID_FACTS).0.to_string()
            } else {
                self.pick(&BUILT_IN_FACTS).to_string()
            };
            let fact = if self.oops() {
                "unknown_fact".to_string()
            } else {
                fact
            };
            let kind = BID_FACTS
                .iter()
                .find(|(f, _)| *f == fact)
                .map_or("percent", |(_, k)| k);
            let bands = self.range(1, 4);
            let mut edges: Vec<u64> = Vec::new();
            // Edges in the fact's own unit: percents and counts whole, money in pounds, figures
            // in ten-thousandths (written with up to 4 places).
            let (lo, hi) = match kind {
                "percent" => (1, 99),
                "count" => (1, 40),
                "money" => (1, 400),
                _ => (1, 30_000),
            };
            while (edges.len() as u32) < bands - 1 {
                // As in `weights`: a repeated edge moves to the next free one.
                let mut e = u64::from(self.range(lo, hi));
                while edges.contains(&e) {
                    e = if e >= u64::from(hi) {
                        u64::from(lo)
                    } else {
                        e + 1
                    };
                }
                edges.push(e);
            }
            edges.sort_unstable();
            let show = |v: u64| match kind {
                "money" => format!("{}", v * 1000),
                "figure" => {
                    let whole = v / 10_000;
                    let frac = v % 10_000;
                    if frac == 0 {
                        format!("{whole}")
                    } else {
                        format!("{whole}.{frac:04}")
                            .trim_end_matches('0')
                            .to_string()
                    }
                }
                _ => format!("{v}"),
            };
            let out_of = self.range(1, 10);
            let mut list = Vec::new();
            let mut from = "0".to_string();
            for i in 0..bands as usize {
                let mut band = json!({"from": from, "points": self.range(0, out_of)});
                if let Some(&edge) = edges.get(i).filter(|_| i + 1 < bands as usize) {
                    let to = show(edge);
                    band["to"] = json!(to);
                    from = to;
                }
                list.push(band);
            }
            if self.oops() {
                list.reverse();
            }
            let edges: Vec<String> = edges.into_iter().map(show).collect();
            shape.banded.push((fact.clone(), edges));
            json!({"type": "banded", "fact": fact, "bands": list, "out_of": out_of})
        }
    }

    /// Criteria at one level of the tree; `depth` 1 is the top level.
    fn criteria(&mut self, shape: &mut Shape, prefix: &str, depth: u32, n: u32) -> Vec<Value> {
        let weights = self.weights(n);
        let mut out = Vec::new();
        for (i, w) in weights.iter().enumerate() {
            let id = if prefix.is_empty() {
                format!("c{}", i + 1)
            } else {
                format!("{prefix}.{}", i + 1)
            };
            let weight = if self.oops() { w + 1 } else { *w };
            let mut crit = json!({
                "id": id,
                "title": format!("Criterion {id}"),
                "weight": cents(u64::from(weight)),
            });
            if depth == 1 {
                crit["category"] = json!(self.pick(&CATEGORIES));
            }
            if self.chance(15) {
                crit["cites"] = cite(&format!("para {id}"));
            }
            let group = depth < 3 && self.chance(if depth == 1 { 55 } else { 25 });
            if group {
                let k = self.range(1, 4);
                crit["children"] = Value::Array(self.criteria(shape, &id, depth + 1, k));
            } else {
                crit["method"] = self.leaf_method(shape, &id);
            }
            out.push(crit);
        }
        out
    }

    fn protocol(&mut self) -> Shape {
        let mut shape = Shape {
            doc: Value::Null,
            scales: Vec::new(),
            panel: Vec::new(),
            banded: Vec::new(),
            gates: Vec::new(),
            consensus: false,
            linear: false,
            tunable: None,
        };
        let mut scales = Vec::new();
        for s in 0..self.range(1, 2) {
            let (doc, points) = self.scale(&format!("s{s}"));
            scales.push(doc);
            shape.scales.push(points);
        }
        // The price criterion (most protocols have one), then the others around it.
        let has_price = self.chance(90);
        let others = if has_price {
            self.range(1, 3)
        } else {
            self.range(1, 4)
        };
        let top_weights = self.weights(others + u32::from(has_price));
        let mut criteria = self.criteria(&mut shape, "", 1, others);
        // Re-weight the top level so that price takes its own share.
        for (c, w) in criteria.iter_mut().zip(&top_weights) {
            c["weight"] = json!(cents(u64::from(*w)));
        }
        if has_price {
            let linear = self.chance(30);
            shape.linear = linear;
            let formula = if linear {
                "linear_ceiling_floor"
            } else {
                "lowest_price_ratio"
            };
            let price = json!({
                "id": "price", "title": "Price",
                "weight": cents(u64::from(top_weights[others as usize])),
                "category": "price",
                "method": {"type": "price", "formula": formula}
            });
            let at = self.below(criteria.len() as u32 + 1) as usize;
            criteria.insert(at, price);
        }
        let ids = all_ids(&criteria);

        let gates: Vec<Value> = (0..self.range(0, 3))
            .map(|i| {
                let id = format!("g{}", i + 1);
                shape.gates.push(id.clone());
                json!({"id": id, "title": format!("Gate {}", i + 1), "description": "A pass/fail condition.", "cites": cite("gates")})
            })
            .collect();

        let moderation = match self.below(4) {
            0 => {
                shape.consensus = true;
                json!({"method": "consensus", "variance_limit": self.range(0, 3), "cites": cite("moderation")})
            }
            1 => {
                json!({"method": "mean", "variance_limit": self.range(0, 3), "cites": cite("moderation")})
            }
            2 => {
                let share = if self.oops() {
                    "100".to_string()
                } else {
                    self.pick(&["25", "50", "33.33", "60", "75", "12.5"])
                        .to_string()
                };
                json!({"method": "mean", "lived_experience_share": share, "variance_limit": self.range(0, 3), "cites": cite("moderation")})
            }
            _ => {
                json!({"method": "median", "variance_limit": self.range(0, 3), "cites": cite("moderation")})
            }
        };

        let mut rules = vec![
            json!({"rule": "lower_price"}),
            json!({"rule": "user_led_first"}),
            json!({"rule": "higher_score_in", "criterion": self.pick(&ids)}),
        ];
        if self.oops() {
            rules.push(json!({"rule": "higher_score_in", "criterion": "nowhere"}));
        }
        let mut tie_break = Vec::new();
        for _ in 0..self.range(0, rules.len() as u32) {
            let i = self.below(rules.len() as u32) as usize;
            tie_break.push(rules.remove(i));
        }

        // Two top-level siblings a tender may re-weight, each by up to `d` hundredths.
        let mut tunable = Vec::new();
        if criteria.len() >= 2 && self.chance(35) {
            let a = self.below(criteria.len() as u32) as usize;
            let b = (a + 1 + self.below(criteria.len() as u32 - 1) as usize) % criteria.len();
            let wa = top_weight(&criteria[a]);
            let wb = top_weight(&criteria[b]);
            let d = self.pick(&[100, 250, 500, 1000]).min(wa).min(wb);
            for (c, w) in [(&criteria[a], wa), (&criteria[b], wb)] {
                tunable.push(json!({
                    "criterion": c["id"],
                    "min": cents(u64::from(w - d)),
                    "max": cents(u64::from((w + d).min(10_000))),
                }));
            }
            shape.tunable = Some((
                criteria[a]["id"].as_str().unwrap_or_default().to_string(),
                criteria[b]["id"].as_str().unwrap_or_default().to_string(),
                wa,
                wb,
                d,
            ));
        }

        let doc = json!({
            "document": "protocol",
            "id": "generated",
            "title": "Generated protocol",
            "version": format!("1.{}", self.below(10)),
            "effective_date": "2026-01-01",
            "rounding": {
                "places": if self.oops() { 7 } else { self.pick(&[0, 1, 2, 2, 2, 3, 4, 6]) },
                "mode": self.pick(&["half_up", "half_even", "down"]),
            },
            "sources": [{"id": "S1", "title": "Source one", "kind": "guidance"}],
            "scales": scales,
            "eligibility": {"summary": "Run and controlled by disabled people.", "tests": self.eligibility()},
            "barriers": self.barriers(),
            "award_model": {
                "criteria": criteria,
                "gates": gates,
                "moderation": moderation,
                "abnormally_low": {
                    "compare_to": self.pick(&["mean_of_other_bids", "lot_estimate"]),
                    "below_percent": self.pick(&["50", "60", "70", "75", "80", "85.5", "90"]),
                    "cites": cite("abnormally low"),
                },
                "affordability": {"over_ceiling": self.pick(&["exclude", "flag"]), "cites": cite("ceiling")},
                "tie_break": tie_break,
                "cites": cite("award"),
            },
            "tunable": tunable,
            "bid_facts": BID_FACTS.iter().map(|(id, kind)| json!({"id": id, "title": format!("the {id}"), "kind": kind})).collect::<Vec<_>>(),
        });
        shape.doc = doc;
        shape
    }

    fn eligibility(&mut self) -> Vec<Value> {
        let mut pool = vec![
            json!({"id": "board", "title": "Board", "rule": {"type": "board_share", "op": self.pick(&["at_least", "more_than"]), "percent": self.pick(&["50", "51", "66.67", "75"])}, "cites": cite("board")}),
            json!({"id": "staff", "title": "Staff", "rule": {"type": "staff_share", "op": self.pick(&["at_least", "more_than"]), "percent": self.pick(&["25", "50", "75"])}, "cites": cite("staff")}),
            json!({"id": "accountable", "title": "Accountable", "rule": {"type": "declaration", "declaration": "accountable_to_members"}, "cites": cite("accountable")}),
            json!({"id": "social-model", "title": "Social model", "rule": {"type": "declaration", "declaration": "social_model_commitment"}, "cites": cite("social model")}),
            json!({"id": "form", "title": "Legal form", "rule": {"type": "legal_form", "allowed": [self.pick(&LEGAL_FORMS), self.pick(&LEGAL_FORMS[..4])]}, "cites": cite("form")}),
        ];
        let mut tests = Vec::new();
        for _ in 0..self.range(1, 3) {
            let i = self.below(pool.len() as u32) as usize;
            tests.push(pool.remove(i));
        }
        tests
    }

    /// A few of the barrier rules of the shipped protocol 1.0.0 (pinned, so that the generated
    /// cases and their hashes do not move with the shipped protocol), citing the generated
    /// protocol's source.
    fn barriers(&mut self) -> Vec<Value> {
        static POOL: std::sync::OnceLock<Vec<Value>> = std::sync::OnceLock::new();
        let pool = POOL.get_or_init(|| {
            let shipped: Value = serde_json::from_str(crate::pinned::PROTOCOL).unwrap_or_default();
            shipped["barriers"].as_array().cloned().unwrap_or_default()
        });
        let mut out = Vec::new();
        if pool.is_empty() {
            return out;
        }
        for _ in 0..self.range(0, 4) {
            let mut b = self.pick(pool);
            if out.iter().any(|o: &Value| o["id"] == b["id"]) {
                continue;
            }
            b["cites"] = cite("barrier");
            out.push(b);
        }
        out
    }

    fn tender(&mut self, shape: &Shape) -> TenderShape {
        let lots: Vec<(String, u64)> = (0..self.range(1, 3))
            .map(|i| {
                (
                    format!("lot-{}", i + 1),
                    u64::from(self.range(20, 900)) * 1000,
                )
            })
            .collect();
        let lot_docs: Vec<Value> = lots
            .iter()
            .map(|(id, value)| {
                let mut l = json!({"id": id, "title": format!("Lot {id}"), "value": value.to_string(), "months": self.range(6, 60)});
                if shape.linear || self.chance(60) {
                    let ceiling = value * u64::from(self.range(100, 130)) / 100;
                    l["price_ceiling"] = json!(ceiling.to_string());
                    if shape.linear || self.chance(20) {
                        let floor = ceiling * u64::from(self.range(40, 85)) / 100;
                        let floor = if self.oops() { ceiling } else { floor };
                        l["price_floor"] = json!(floor.to_string());
                    }
                }
                if self.oops() {
                    l["value"] = json!("0");
                }
                l
            })
            .collect();
        let evaluators: Vec<String> = (0..self.range(1, 5))
            .map(|i| format!("e{}", i + 1))
            .collect();
        let panel: Vec<Value> = evaluators
            .iter()
            .map(|e| json!({"id": e, "name": format!("Evaluator {e}"), "role": if self.chance(40) { "lived_experience" } else { "officer" }}))
            .collect();
        let published = self.range(1, 20);
        let mut doc = json!({
            "document": "tender",
            "id": "gen-tender",
            "title": "Generated tender",
            "authority": "Generated Council",
            "published": format!("2026-03-{published:02}"),
            "response_deadline": format!("2026-{:02}-{:02}", self.range(3, 6), self.range(21, 28)),
            "reserved_for_user_led": self.chance(35),
            "lots": lot_docs,
            "panel": panel,
            "conditions": {"minimum_turnover": format!("{}", self.range(0, 2000) * 1000)},
            "payment": {"terms_days": self.pick(&[14, 30, 60]), "in_arrears": self.chance(50)},
            "electronic_auction": self.chance(20),
        });
        if lots.len() == 1 && self.chance(50) {
            doc["no_lots_reason"] = json!("The service is delivered as one.");
        }
        if let Some((a, b, wa, wb, d)) = &shape.tunable {
            if self.chance(60) {
                let moved = self.range(0, *d);
                let (na, nb) = if self.chance(50) {
                    (wa + moved, wb - moved)
                } else {
                    (wa - moved, wb + moved)
                };
                let nb = if self.oops() { nb + 1 } else { nb };
                doc["weights"] =
                    json!({a.clone(): cents(u64::from(na)), b.clone(): cents(u64::from(nb))});
            }
        }
        TenderShape {
            doc,
            lots,
            evaluators,
        }
    }

    fn organisation(&mut self, name: &str) -> Value {
        let mut org = json!({"name": name});
        if self.chance(85) {
            let voting = self.range(1, 12);
            let users = if self.oops() {
                voting + 1
            } else {
                self.range(0, voting)
            };
            org["board"] = json!({"voting_members": voting, "disabled_or_service_users": users});
        }
        if self.chance(75) {
            let total = self.range(1, 40);
            org["staff"] = json!({"total": total, "disabled": self.range(0, total)});
        }
        for key in ["accountable_to_members", "social_model_commitment"] {
            if self.chance(85) {
                org[key] = json!(self.chance(80));
            }
        }
        if self.chance(80) {
            org["legal_form"] = json!(self.pick(&LEGAL_FORMS));
        }
        org
    }

    /// A price in pence for a lot of `value` pounds: mostly around the value, sometimes far
    /// below it (abnormally low) or above it (over the ceiling).
    fn price(&mut self, value: u64) -> u64 {
        let percent = match self.below(10) {
            0 => self.range(20, 60),
            1 => self.range(110, 150),
            _ => self.range(70, 110),
        };
        let pounds = value * u64::from(percent) / 100;
        let pence = if self.chance(25) {
            u64::from(self.below(100))
        } else {
            0
        };
        pounds * 100 + pence
    }

    fn facts(&mut self, shape: &Shape) -> Value {
        let mut facts = Map::new();
        for (id, kind) in BID_FACTS {
            if !self.chance(75) {
                continue;
            }
            // Sometimes exactly on a band's edge, where off-by-one mistakes live.
            let edge = shape
                .banded
                .iter()
                .filter(|(f, e)| f == id && !e.is_empty())
                .map(|(_, e)| e.clone())
                .next();
            let value = match edge {
                Some(edges) if self.chance(30) => self.pick(&edges),
                _ => match kind {
                    "percent" if self.oops() => "100.5".to_string(),
                    "percent" => cents(u64::from(self.range(0, 10_000))),
                    "count" => self.range(0, 50).to_string(),
                    "money" => format!("{}", u64::from(self.range(0, 500)) * 1000),
                    _ => format!("{}.{:04}", self.range(0, 3), self.below(10_000)),
                },
            };
            facts.insert(id.to_string(), json!(value));
        }
        if self.oops() {
            facts.insert("board_user_share_percent".into(), json!("80"));
        }
        Value::Object(facts)
    }

    fn bids(&mut self, shape: &Shape, tender: &TenderShape) -> Value {
        let n = self.range(1, 12);
        let mut bids: Vec<Value> = Vec::new();
        for i in 0..n {
            let (lot, value) = self.pick(&tender.lots);
            let mut price = self.price(value);
            // Ties on purpose: the price of an earlier bid in the same lot.
            if let Some(other) = bids
                .iter()
                .filter(|b| b["lot"] == json!(lot))
                .map(|b| b["price"].as_str().unwrap_or("1").to_string())
                .next()
            {
                if self.chance(15) {
                    price = (parse_cents(&other)).max(1);
                }
            }
            let price_text = if self.oops() {
                self.pick(&["0", "9999999999999.99"]).to_string()
            } else {
                money(price)
            };
            let mut bid = json!({
                "id": format!("bid-{:02}", i + 1),
                "lot": if self.oops() { "lot-9".to_string() } else { lot.clone() },
                "organisation": self.organisation(&format!("Bidder {}", i + 1)),
                "price": price_text,
                "facts": self.facts(shape),
            });
            let mut gates = Map::new();
            for g in &shape.gates {
                match self.below(100) {
                    0..=84 => {
                        gates.insert(g.clone(), json!("pass"));
                    }
                    85..=91 => {
                        gates.insert(g.clone(), json!("fail"));
                    }
                    _ => {}
                }
            }
            bid["gates"] = Value::Object(gates);
            // Equal scores on purpose: a copy of an earlier bid's, so totals tie.
            let copy = if !bids.is_empty() && self.chance(12) {
                let k = self.below(bids.len() as u32) as usize;
                Some(bids[k]["scores"].clone())
            } else {
                None
            };
            match copy {
                Some(scores) => bid["scores"] = scores,
                None => {
                    let mut scores = Map::new();
                    for (crit, s) in &shape.panel {
                        let mut by = Map::new();
                        for e in &tender.evaluators {
                            if self.chance(93) {
                                let score = if self.oops() {
                                    100
                                } else {
                                    self.pick(&shape.scales[*s])
                                };
                                by.insert(e.clone(), json!({"score": score}));
                            }
                        }
                        if self.oops() {
                            by.insert("e9".into(), json!({"score": 1}));
                        }
                        scores.insert(crit.clone(), Value::Object(by));
                    }
                    bid["scores"] = Value::Object(scores);
                }
            }
            if shape.consensus {
                let mut consensus = Map::new();
                for (crit, s) in &shape.panel {
                    if self.chance(92) {
                        consensus.insert(
                            crit.clone(),
                            json!({"score": self.pick(&shape.scales[*s]), "rationale": "Agreed at moderation."}),
                        );
                    }
                }
                bid["consensus"] = Value::Object(consensus);
            }
            bids.push(bid);
        }
        if self.oops() && n > 1 {
            bids[1]["id"] = bids[0]["id"].clone();
        }
        // The document lists bids in a shuffled order: the engine must not care.
        for i in (1..bids.len()).rev() {
            let j = self.below(i as u32 + 1) as usize;
            bids.swap(i, j);
        }
        json!({"document": "bids", "tender": "gen-tender", "bids": bids})
    }

    fn draft(&mut self, shape: &Shape, tender: &TenderShape) -> Value {
        let (lot, value) = self.pick(&tender.lots);
        let mut gates = Map::new();
        for g in &shape.gates {
            if self.chance(85) {
                gates.insert(
                    g.clone(),
                    json!(self.pick(&["pass", "pass", "fail", "unsure"])),
                );
            }
        }
        let mut expected = Map::new();
        for (crit, s) in &shape.panel {
            if !self.chance(80) {
                continue;
            }
            let a = self.pick(&shape.scales[*s]);
            let b = self.pick(&shape.scales[*s]);
            let e = if self.chance(40) {
                json!({"score": a})
            } else if self.oops() {
                json!({"low": a.max(b) + 1, "high": a.min(b)})
            } else {
                json!({"low": a.min(b), "high": a.max(b)})
            };
            expected.insert(crit.clone(), e);
        }
        let mut d = json!({
            "document": "self-check",
            "tender": "gen-tender",
            "lot": lot,
            "organisation": self.organisation("Draft bidder"),
            "price": money(self.price(value)),
            "facts": self.facts(shape),
            "gates": gates,
            "expected": expected,
        });
        if self.chance(40) {
            d["competitor_lowest_price"] = json!(money(self.price(value)));
        }
        d
    }
}

/// The results of a generated case, as the bytes a `result.json` would hold: the score result
/// (or the errors document) and the self-check result (or its errors).
pub fn results(g: &Generated) -> Result<(String, String), String> {
    let score = crate::result_text(crate::run_texts(
        "score",
        &g.protocol,
        &g.tender,
        Some(&g.bids),
    )?)?;
    let self_check = crate::result_text(crate::run_texts(
        "self-check",
        &g.protocol,
        &g.tender,
        Some(&g.self_check),
    )?)?;
    Ok((score, self_check))
}

/// The SHA-256 of a text, in hex.
pub(crate) fn sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One line of `tests/generated/hashes.txt`: the seed, the SHA-256 of the four input documents
/// (the first 16 hex digits: it only tells a generator difference from an engine difference),
/// and the SHA-256 of the score result and of the self-check result.
pub fn hash_line(seed: u64) -> Result<String, String> {
    line_for(seed, &case(seed))
}

/// One line of `tests/generated/weights-hashes.txt`, as [`hash_line`] for the weights family
/// ([`weights_case`]).
pub fn weights_hash_line(seed: u64) -> Result<String, String> {
    line_for(seed, &weights_case(seed))
}

fn line_for(seed: u64, g: &Generated) -> Result<String, String> {
    let (score, self_check) = results(g)?;
    let inputs = sha256(&format!(
        "{}\n{}\n{}\n{}",
        g.protocol, g.tender, g.bids, g.self_check
    ));
    Ok(format!(
        "{seed} {} {} {}",
        &inputs[..16],
        sha256(&score),
        sha256(&self_check)
    ))
}

/// The recorded lines of `tests/generated/hashes.txt`, without its comments.
pub fn recorded_lines(file: &str) -> Vec<&str> {
    file.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect()
}

/// Compares recomputed lines with the recorded file; returns one message per difference (at
/// most `limit`, with a count of the rest).
pub fn compare_lines(recorded: &str, limit: usize) -> Vec<String> {
    compare_family(recorded, limit, GENERATED_CASES, "hashes.txt", hash_line)
}

/// Compares recomputed weights-family lines with `tests/generated/weights-hashes.txt`.
pub fn compare_weights_lines(recorded: &str, limit: usize) -> Vec<String> {
    compare_family(
        recorded,
        limit,
        WEIGHTS_CASES,
        "weights-hashes.txt",
        weights_hash_line,
    )
}

fn compare_family(
    recorded: &str,
    limit: usize,
    cases: u64,
    file: &str,
    hash_line: fn(u64) -> Result<String, String>,
) -> Vec<String> {
    let lines = recorded_lines(recorded);
    let mut out = Vec::new();
    let mut differing = 0;
    if lines.len() as u64 != cases {
        out.push(format!(
            "{file} has {} cases, the generator {cases}",
            lines.len()
        ));
    }
    for (seed, want) in (0..cases).zip(lines) {
        let got = match hash_line(seed) {
            Ok(l) => l,
            Err(e) => format!("{seed} harness error: {e}"),
        };
        if got != want {
            differing += 1;
            if out.len() < limit {
                let why = match (got.split(' ').nth(1), want.split(' ').nth(1)) {
                    (Some(a), Some(b)) if a != b => "the generated inputs differ",
                    _ => "the results differ",
                };
                out.push(format!(
                    "case {seed}: {why}\n  recorded {want}\n  computed {got}"
                ));
            }
        }
    }
    if differing > limit {
        out.push(format!("... {} more cases differ", differing - limit));
    }
    out
}

/// Pence as a money string: `12345` is `123.45`, `12300` is `123`.
fn money(pence: u64) -> String {
    if pence.is_multiple_of(100) {
        format!("{}", pence / 100)
    } else {
        format!("{}.{:02}", pence / 100, pence % 100)
    }
}

fn parse_cents(text: &str) -> u64 {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    let frac = format!("{frac:0<2}");
    whole.parse::<u64>().unwrap_or(1) * 100 + frac[..2].parse::<u64>().unwrap_or(0)
}

/// A top-level criterion's weight in hundredths of a percent.
fn top_weight(c: &Value) -> u32 {
    parse_cents(c["weight"].as_str().unwrap_or("0")) as u32
}

fn all_ids(criteria: &[Value]) -> Vec<String> {
    let mut out = Vec::new();
    for c in criteria {
        if let Some(id) = c["id"].as_str() {
            out.push(id.to_string());
        }
        if let Some(children) = c["children"].as_array() {
            out.extend(all_ids(children));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_documents() {
        assert_eq!(case(7), case(7));
        assert_ne!(case(7), case(8));
    }

    #[test]
    fn weights_always_make_100() {
        let mut rng = Rng::new(1);
        let mut g = Gen {
            c: &mut rng,
            wild: false,
        };
        for n in 1..8 {
            for _ in 0..50 {
                let w = g.weights(n);
                assert_eq!(w.len() as u32, n);
                assert_eq!(w.iter().sum::<u32>(), 10_000, "{w:?}");
                assert!(w.iter().all(|x| *x > 0), "{w:?}");
            }
        }
    }

    #[test]
    fn splits_share_out_exactly_their_total() {
        let mut rng = Rng::new(2);
        let mut g = Gen {
            c: &mut rng,
            wild: false,
        };
        for total in [0, 1, 7, 1250, 5500, 10_000] {
            for n in 1..5 {
                let parts = g.split(total, n);
                assert_eq!(parts.len() as u32, n);
                assert_eq!(parts.iter().sum::<u32>(), total, "{parts:?}");
            }
        }
    }

    #[test]
    fn the_weights_family_writes_shares_of_the_whole() {
        for seed in 0..40 {
            let g = weights_case(seed);
            let p: Value = serde_json::from_str(&g.protocol).unwrap();
            assert_eq!(p["award_model"]["weights_as"], "share_of_whole");
            fn check(list: &Value, total: u64) {
                let sum: u64 = list
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| parse_cents(c["weight"].as_str().unwrap()))
                    .sum();
                assert_eq!(sum, total);
                for c in list.as_array().unwrap() {
                    if c.get("children").is_some() {
                        check(&c["children"], parse_cents(c["weight"].as_str().unwrap()));
                    }
                }
            }
            check(&p["award_model"]["criteria"], 10_000);
        }
    }

    #[test]
    fn money_and_cents_are_written_as_the_schema_wants() {
        assert_eq!(money(12345), "123.45");
        assert_eq!(money(12300), "123");
        assert_eq!(money(12305), "123.05");
        assert_eq!(cents(3333), "33.33");
        assert_eq!(cents(1250), "12.5");
        assert_eq!(cents(10_000), "100");
        assert_eq!(parse_cents("123.4"), 12340);
        assert_eq!(parse_cents("7"), 700);
    }
}
