//! Generated workloads for benchmarks: a protocol with a given number of criteria, a tender with
//! a panel of a given size, and that many bids with every evaluator's scores. Deterministic (a
//! fixed pseudo-random sequence), so every run measures the same inputs natively and in wasm.

use serde_json::{json, Value};
use ulo_core::{Bids, Protocol, Tender};

/// The three documents of a workload, as JSON text.
pub struct Workload {
    /// The protocol.
    pub protocol: String,
    /// The tender.
    pub tender: String,
    /// The bids, with scores.
    pub bids: String,
}

/// Weights for `n` siblings that add up to exactly 100 with two decimal places.
fn weights(n: usize) -> Vec<String> {
    let base = 10_000 / n as u64;
    let rest = 10_000 - base * n as u64;
    (0..n)
        .map(|i| {
            let cents = base + if i == 0 { rest } else { 0 };
            format!("{}.{:02}", cents / 100, cents % 100)
        })
        .collect()
}

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

/// A workload of `bids` bids over `criteria` scored criteria (one of them price), each panel
/// criterion scored by every one of `evaluators` evaluators.
pub fn workload(bids: usize, criteria: usize, evaluators: usize) -> Workload {
    let panel_leaves = criteria.saturating_sub(1).max(1);
    let groups = (panel_leaves as f64).sqrt().ceil() as usize;
    let mut leaves_per_group = vec![panel_leaves / groups; groups];
    for slot in leaves_per_group.iter_mut().take(panel_leaves % groups) {
        *slot += 1;
    }
    let group_weights = weights(groups);
    let mut ids = Vec::new();
    let quality_groups: Vec<Value> = leaves_per_group
        .iter()
        .enumerate()
        .map(|(g, &n)| {
            let w = weights(n);
            let children: Vec<Value> = (0..n)
                .map(|k| {
                    let id = format!("q{g}-{k}");
                    ids.push(id.clone());
                    json!({"id": id, "title": format!("Question {g}.{k}"), "weight": w[k],
                           "method": {"type": "panel", "scale": "five", "minimum": {"score": 1, "disqualifies": true}}})
                })
                .collect();
            json!({"id": format!("g{g}"), "title": format!("Group {g}"), "weight": group_weights[g], "children": children})
        })
        .collect();
    let cite = json!([{"source": "PA23", "clause": "s.19"}]);
    let protocol = json!({
        "document": "protocol", "id": "bench", "title": "Benchmark protocol", "version": "1.0",
        "effective_date": "2026-01-01", "rounding": {"places": 2, "mode": "half_up"},
        "sources": [{"id": "PA23", "title": "Procurement Act 2023", "kind": "legislation"}],
        "scales": [{"id": "five", "title": "0 to 5", "points": (0..=5).map(|s| json!({"score": s, "label": format!("Point {s}"), "descriptor": "As described."})).collect::<Vec<_>>()}],
        "eligibility": {"summary": "Board control.", "tests": [{"id": "board", "title": "Board", "rule": {"type": "board_share", "op": "at_least", "percent": "75"}, "cites": cite}]},
        "barriers": [{"id": "price-cap", "title": "Price cap", "scope": "tender", "severity": "must", "require": {"fact": "price_weight_percent", "at_most": "40"}, "finding": "Too much price.", "why": "Why.", "fix": "Fix.", "question": "Question?", "cites": cite}],
        "award_model": {
            "criteria": [
                {"id": "quality", "title": "Quality", "weight": "70", "category": "quality", "children": quality_groups},
                {"id": "price", "title": "Price", "weight": "30", "category": "price", "method": {"type": "price", "formula": "lowest_price_ratio"}}
            ],
            "gates": [],
            "moderation": {"method": "mean", "lived_experience_share": "50", "variance_limit": 2, "cites": cite},
            "abnormally_low": {"compare_to": "mean_of_other_bids", "below_percent": "75", "cites": cite},
            "affordability": {"over_ceiling": "flag", "cites": cite},
            "tie_break": [{"rule": "higher_score_in", "criterion": "quality"}, {"rule": "lower_price"}],
            "cites": cite
        },
        "tunable": [], "bid_facts": []
    });
    let lots = (bids / 250).clamp(1, 4);
    let panel: Vec<Value> = (0..evaluators)
        .map(|e| {
            json!({"id": format!("e{e}"), "name": format!("Evaluator {e}"),
                        "role": if e % 2 == 0 { "officer" } else { "lived_experience" }})
        })
        .collect();
    let tender = json!({
        "document": "tender", "id": "bench", "title": "Benchmark tender", "authority": "Bench Council",
        "lots": (0..lots).map(|l| json!({"id": format!("lot-{l}"), "title": format!("Lot {l}"), "value": "500000", "months": 36, "price_ceiling": "600000"})).collect::<Vec<_>>(),
        "panel": panel
    });
    let mut rng = Lcg(42);
    let bid_list: Vec<Value> = (0..bids)
        .map(|b| {
            let mut scores = serde_json::Map::new();
            for id in &ids {
                let by: serde_json::Map<String, Value> = (0..evaluators)
                    .map(|e| (format!("e{e}"), json!({"score": 1 + rng.next(5)})))
                    .collect();
                scores.insert(id.clone(), Value::Object(by));
            }
            let voting = 4 + rng.next(8);
            json!({
                "id": format!("bid-{b:05}"), "lot": format!("lot-{}", b % lots),
                "organisation": {"name": format!("Bidder {b}"), "board": {"voting_members": voting, "disabled_or_service_users": rng.next(voting + 1)}},
                "price": format!("{}", 300_000 + rng.next(200_000)),
                "scores": scores
            })
        })
        .collect();
    let bids_doc = json!({"document": "bids", "tender": "bench", "bids": bid_list});
    Workload {
        protocol: protocol.to_string(),
        tender: tender.to_string(),
        bids: bids_doc.to_string(),
    }
}

/// The sizes the budgets name: a typical tender and a large framework.
pub const SIZES: [(usize, usize, usize); 2] = [(12, 25, 4), (1000, 50, 5)];

/// What one benchmark run measures. The same code runs natively (`bench/src/bin/figures.rs`)
/// and in wasm (`bench/wasm`), so the two builds are timed on identical work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// serde_json parsing the tender and bids text into `Value`s, and nothing else: the floor
    /// any JSON-reading engine pays, against which "end to end" is budgeted.
    ParseOnly,
    /// The core's strict parse, typed read and checks of the tender and bids (with their
    /// audit digests): what must happen before anything is scored.
    ReadValidate,
    /// Re-scoring the bids already read for their ranking only (`Protocol::rank`): totals, ranks,
    /// open flags and tie notes, from the same code as `score` with the explanations left out.
    /// What a screen re-ranking on each changed score needs.
    ScoreLean,
    /// Scoring the bids already read, with every row, trace and flag text.
    ScoreFull,
    /// End to end for a ranking: read and validate, rank, serialise the ranking.
    EndToEndLean,
    /// End to end: read and validate, score with every explanation, serialise the result.
    EndToEndFull,
}

impl Measure {
    /// Every measure, in the order they are printed.
    pub const ALL: [Measure; 6] = [
        Measure::ParseOnly,
        Measure::ReadValidate,
        Measure::ScoreLean,
        Measure::ScoreFull,
        Measure::EndToEndLean,
        Measure::EndToEndFull,
    ];

    /// A short stable name, used by the wasm bench's JavaScript to ask for a measure.
    pub fn name(self) -> &'static str {
        match self {
            Measure::ParseOnly => "parse-only",
            Measure::ReadValidate => "read-validate",
            Measure::ScoreLean => "score-lean",
            Measure::ScoreFull => "score-full",
            Measure::EndToEndLean => "end-to-end-lean",
            Measure::EndToEndFull => "end-to-end-full",
        }
    }

    /// The measure with this name.
    pub fn from_name(name: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// A workload read once, ready to be measured any number of times.
pub struct Prepared {
    /// The documents as text.
    pub workload: Workload,
    /// The protocol, compiled.
    pub protocol: Protocol,
    /// The tender, read and checked.
    pub tender: Tender,
    /// The bids, read and checked.
    pub bids: Bids,
}

impl Prepared {
    /// Generates and reads a workload. The generator only makes valid documents, so a failure
    /// here is a bug in the generator, reported as text.
    pub fn new(bids: usize, criteria: usize, evaluators: usize) -> Result<Prepared, String> {
        let workload = workload(bids, criteria, evaluators);
        let protocol = Protocol::from_json(&workload.protocol).map_err(|e| e.to_string())?;
        let tender = protocol
            .tender_from_json(&workload.tender)
            .map_err(|e| e.to_string())?;
        let read = protocol
            .bids_from_json(&tender, &workload.bids)
            .map_err(|e| e.to_string())?;
        Ok(Prepared {
            workload,
            protocol,
            tender,
            bids: read,
        })
    }

    /// Reads and checks the tender and bids from their text, as every end-to-end run must.
    fn read(&self) -> Result<(Tender, Bids), String> {
        let p = &self.protocol;
        let t = p
            .tender_from_json(&self.workload.tender)
            .map_err(|e| e.to_string())?;
        let b = p
            .bids_from_json(&t, &self.workload.bids)
            .map_err(|e| e.to_string())?;
        Ok((t, b))
    }

    /// Runs one measure once. Returns a number that depends on the work done (a length or a
    /// count), so that the optimiser cannot drop the work; an error is returned as text.
    pub fn run(&self, measure: Measure) -> Result<usize, String> {
        let w = &self.workload;
        let p = &self.protocol;
        let e = |e: ulo_core::Problems| e.to_string();
        match measure {
            Measure::ParseOnly => {
                let t: Value = serde_json::from_str(&w.tender).map_err(|e| e.to_string())?;
                let b: Value = serde_json::from_str(&w.bids).map_err(|e| e.to_string())?;
                Ok(usize::from(t.is_object()) + b.as_object().map_or(0, |o| o.len()))
            }
            Measure::ReadValidate => Ok(self.read()?.1.as_slice().len()),
            Measure::ScoreLean => Ok(p.rank(&self.tender, &self.bids).map_err(e)?.lots.len()),
            Measure::ScoreFull => Ok(p.score(&self.tender, &self.bids).map_err(e)?.bids.len()),
            Measure::EndToEndLean => {
                let (t, b) = self.read()?;
                json_len(&p.rank(&t, &b).map_err(e)?)
            }
            Measure::EndToEndFull => {
                let (t, b) = self.read()?;
                json_len(&p.score(&t, &b).map_err(e)?)
            }
        }
    }
}

/// The length of a result serialised as JSON.
fn json_len<T: serde::Serialize + ?Sized>(result: &T) -> Result<usize, String> {
    serde_json::to_string(result)
        .map(|s| s.len())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ulo_core::Protocol;

    #[test]
    fn workloads_are_valid_and_score() {
        for (b, c, e) in [(12, 25, 4), (40, 50, 5)] {
            let w = workload(b, c, e);
            let p = Protocol::from_json(&w.protocol).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                p.tree().iter().filter(|n| n.children.is_empty()).count(),
                c,
                "leaf criteria"
            );
            let t = p
                .tender_from_json(&w.tender)
                .unwrap_or_else(|e| panic!("{e}"));
            let bids = p
                .bids_from_json(&t, &w.bids)
                .unwrap_or_else(|e| panic!("{e}"));
            let r = p.score(&t, &bids).unwrap();
            assert_eq!(r.bids.len(), b);
            assert!(r.bids.iter().all(|x| x.total.is_some()));
        }
    }

    #[test]
    fn weights_add_to_100() {
        for n in 1..30 {
            let total = weights(n)
                .iter()
                .map(|w| ulo_core::Exact::parse_decimal(w).unwrap())
                .fold(ulo_core::Exact::ZERO, |a, b| a.add(b).unwrap());
            assert_eq!(total, ulo_core::Exact::HUNDRED, "{n}");
        }
    }
}
