//! The generated regime cases: tenders whose `procurement` block lands on every side of each
//! line the regime decision draws (the buyer's nation, a start date around 24 February 2025 and
//! 1 January 2024, a value a pound either side of each threshold, CPV codes from the light-touch,
//! PSR, Schedule 3 and no list, or a mix), stated or derived, with every reservation basis, each
//! checked against the regime-aware test protocol `tests/shared/regimes.json`.
//!
//! They are a family of their own, beside the 1,200 award-model cases of [`crate::generate`]
//! (whose hashes stay as they are): `tests/generated/regime-hashes.txt` records the SHA-256 of
//! each check result, natively and in wasm. [`invariants`] states what must hold of every
//! result whatever the figures: a finding is a legal MUST only under a regime an entry lists as
//! law; a regime not stated gives no standing and no MUST; not applicable means no entry
//! covers the regime; a derived regime agrees with the facts it was derived from; and the same
//! inputs give the same bytes. The fuzz target `regimes` drives the same generator with
//! libFuzzer's bytes.
//!
//! As in [`crate::generate`], every choice is a `u32` worked out with integer arithmetic, so a
//! seed means the same tender on 64-bit native and 32-bit wasm.

use crate::generate::{sha256, Choices, Rng};
use serde_json::{json, Value};
use ulo_core::choice::Choice;
use ulo_core::regime::{AuthorityType, Nation, Regime};
use ulo_core::tender::ReservationBasis;

/// How many generated regime cases are compared (natively and in wasm).
pub const REGIME_CASES: u64 = 200;

/// Mixed into the seed so this family's tenders are not the award-model family's choices.
const SALT: u64 = 0x5245_4749_4d45_5321;

/// The regime-aware test protocol every case is checked against.
pub fn protocol_text() -> &'static str {
    crate::SHARED
        .iter()
        .find(|(n, _)| *n == "regimes")
        .map_or("", |(_, t)| *t)
}

/// The 1.0.0-style test protocol (no rule names a regime): its results must never show one.
fn plain_protocol_text() -> &'static str {
    crate::SHARED
        .iter()
        .find(|(n, _)| *n == "mini")
        .map_or("", |(_, t)| *t)
}

/// The words of a closed set, in the order the core declares them (the schemas list the same
/// words: `tests/tests/schema_agreement.rs`).
fn words<C: Choice>() -> Vec<&'static str> {
    C::ALL.iter().map(|(w, _)| *w).collect()
}

/// Light-touch (PR 2024 Sch 1, and PCR 2015 Sch 3) but not PSR; 85311210 only by its parent.
const LIGHT_TOUCH: [&str; 7] = [
    "85312000", "85311200", "85311000", "85320000", "79611000", "98500000", "85311210",
];
/// Relevant health care services of PSR Sch 1 (three only in part).
const PSR: [&str; 6] = [
    "85312500", "85323000", "85312330", "85121000", "85140000", "85100000",
];
/// On no list.
const OTHER: [&str; 5] = ["72000000", "79410000", "45000000", "30200000", "90910000"];
/// Every threshold the engine holds, including VAT, in pounds.
const THRESHOLDS: [u32; 7] = [
    663_540, 135_018, 207_720, 139_688, 214_904, 138_760, 213_477,
];
/// Days from 1 January 2021 of the lines the decision draws: thresholds from 1 January 2022,
/// the PSR from 1 January 2024, PA 2023 from 24 February 2025, new thresholds from 1 January 2026.
const LINES: [u32; 4] = [365, 1095, 1515, 1826];

/// The civil date `days` after 1 January 2021 (days-to-civil with integers only).
fn date(days: u32) -> String {
    // Days since 1 March 2000, the start of a 400-year era in this algorithm's count.
    let z = days + 7_611; // 2021-01-01 is day 7,611 after 2000-03-01.
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = 2000 + era * 400 + yoe + u32::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

struct G<'a, C: Choices> {
    c: &'a mut C,
    wild: bool,
}

impl<C: Choices> G<'_, C> {
    fn below(&mut self, n: u32) -> u32 {
        self.c.below(n)
    }
    fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent
    }
    fn pick<'s>(&mut self, items: &[&'s str]) -> &'s str {
        items[self.below(items.len() as u32) as usize]
    }
    fn oops(&mut self) -> bool {
        self.wild && self.below(12) == 0
    }

    /// A start date: on a line, a day either side of one, or anywhere from 2021 to 2026.
    fn day(&mut self) -> u32 {
        match self.below(3) {
            0 => LINES[self.below(4) as usize],
            1 => LINES[self.below(4) as usize] - 1,
            // Mostly from 2022, whose thresholds the engine holds; now and then 2021, whose it does not.
            _ if self.chance(90) => 365 + self.below(1_825),
            _ => self.below(365),
        }
    }

    /// A value: a threshold, a pound either side of one, or within 50% to 150% of one.
    fn value(&mut self) -> u32 {
        // The light-touch threshold half the time: the others are six of the seven figures.
        let t = if self.chance(50) {
            THRESHOLDS[0]
        } else {
            THRESHOLDS[self.below(7) as usize]
        };
        match self.below(4) {
            0 => t,
            1 => t - 1,
            2 => t + 1,
            _ => t / 100 * (50 + self.below(101)),
        }
    }

    fn cpv(&mut self) -> Vec<Value> {
        let pool = |g: &mut Self| -> &'static str {
            match g.below(3) {
                0 => g.pick(&LIGHT_TOUCH),
                1 => g.pick(&PSR),
                _ => g.pick(&OTHER),
            }
        };
        let mut codes = vec![pool(self).to_string()];
        if self.chance(12) {
            codes.push(pool(self).to_string());
        }
        if self.chance(10) {
            codes[0].push_str("-1");
        }
        if self.oops() {
            codes[0] = "8531200".into();
        }
        codes.into_iter().map(Value::String).collect()
    }

    fn procurement(&mut self) -> (Value, u32) {
        let mut p = serde_json::Map::new();
        let day = self.day();
        if self.chance(25) {
            p.insert("regime".into(), json!(self.pick(&words::<Regime>())));
        }
        if self.chance(6) {
            p.insert("route".into(), json!("grant"));
        } else if self.chance(10) {
            p.insert("route".into(), json!("contract"));
        }
        if self.chance(95) {
            p.insert("nation".into(), json!(self.pick(&words::<Nation>())));
        }
        if self.chance(85) {
            let a = if self.chance(50) {
                "council"
            } else {
                self.pick(&words::<AuthorityType>())
            };
            p.insert("authority_type".into(), json!(a));
        }
        if self.chance(95) {
            p.insert("started".into(), json!(date(day)));
        }
        if self.chance(95) {
            p.insert("cpv".into(), Value::Array(self.cpv()));
        }
        if self.chance(95) {
            let v = if self.oops() {
                "-5".to_string()
            } else {
                self.value().to_string()
            };
            p.insert("value_including_vat".into(), json!(v));
        }
        if self.chance(50) {
            p.insert("planned_procurement_notice".into(), json!(self.chance(40)));
        }
        if self.oops() {
            p.insert("regime".into(), json!("pa2024"));
        }
        (Value::Object(p), day)
    }

    fn tender(&mut self) -> Value {
        let (procurement, day) = self.procurement();
        let lots: Vec<Value> = (0..1 + self.below(3))
            .map(|i| {
                json!({
                    "id": format!("lot-{}", i + 1),
                    "title": format!("Lot {}", i + 1),
                    "value": (u64::from(20 + self.below(1_500)) * 1_000).to_string(),
                    "months": 6 + self.below(79),
                })
            })
            .collect();
        let published = day + self.below(30);
        let mut t = json!({
            "document": "tender",
            "id": "gen-regime",
            "title": "Generated regime tender",
            "authority": "Generated Council",
            "published": date(published),
            "response_deadline": date(published + 5 + self.below(56)),
            "procurement": procurement,
            "lots": lots,
        });
        if self.chance(90) {
            let turnover = match self.below(3) {
                0 => 0,
                _ => u64::from(self.below(2_000)) * 1_000,
            };
            t["conditions"] = json!({"minimum_turnover": turnover.to_string()});
        }
        if self.chance(90) {
            let days = [14, 30, 31, 45, 60][self.below(5) as usize];
            t["payment"] = json!({"terms_days": days, "in_arrears": self.chance(50)});
        }
        if self.chance(30) {
            t["no_lots_reason"] = json!("The service is delivered as one.");
        }
        if self.chance(60) {
            let basis = self.pick(&words::<ReservationBasis>());
            let mut r = json!({"basis": basis});
            if basis == "below_threshold_location" {
                r["location"] = json!("Kent");
                r["sme_vcse"] = json!(self.chance(50));
            }
            t["reservation"] = r;
        } else if self.chance(25) {
            t["reserved_for_user_led"] = json!(true);
        }
        t
    }
}

/// The tender of regime case `seed`.
pub fn tender(seed: u64) -> String {
    generate(&mut Rng::new(seed ^ SALT), false)
}

/// A tender from `choices`; `wild` lets a few values go wrong (for fuzzing).
pub fn generate<C: Choices>(choices: &mut C, wild: bool) -> String {
    let mut g = G { c: choices, wild };
    g.tender().to_string()
}

/// The check result of a tender against `protocol`, as the bytes a `result.json` would hold.
pub fn result(protocol: &str, tender: &str) -> Result<String, String> {
    crate::result_text(crate::run_texts("check-tender", protocol, tender, None)?)
}

/// One line of `tests/generated/regime-hashes.txt`: the seed, the first 16 hex digits of the
/// SHA-256 of the tender, the regime decided (or `-`), and the SHA-256 of the check result.
pub fn hash_line(seed: u64) -> Result<String, String> {
    let t = tender(seed);
    let r = result(protocol_text(), &t)?;
    let value: Value = serde_json::from_str(&r).map_err(|e| e.to_string())?;
    let regime = if value["document"] == "errors" {
        "rejected"
    } else {
        value["regime"]["regime"].as_str().unwrap_or("-")
    };
    Ok(format!(
        "{seed} {} {regime} {}",
        &sha256(&t)[..16],
        sha256(&r)
    ))
}

/// Compares recomputed lines with the recorded file (see [`crate::generate::compare_lines`]).
pub fn compare_lines(recorded: &str, limit: usize) -> Vec<String> {
    let lines = crate::generate::recorded_lines(recorded);
    let mut out = Vec::new();
    if lines.len() as u64 != REGIME_CASES {
        out.push(format!(
            "regime-hashes.txt has {} cases, the generator {REGIME_CASES}",
            lines.len()
        ));
    }
    let mut differing = 0;
    for (seed, want) in (0..REGIME_CASES).zip(lines) {
        let got = hash_line(seed).unwrap_or_else(|e| format!("{seed} harness error: {e}"));
        if got != want {
            differing += 1;
            if out.len() < limit {
                out.push(format!(
                    "regime case {seed}:\n  recorded {want}\n  computed {got}"
                ));
            }
        }
    }
    if differing > limit {
        out.push(format!("... {} more cases differ", differing - limit));
    }
    out
}

/// The entry of `rule` that covers `regime` in `nation`: `Ok(Some(entry))`, `Ok(None)` when no
/// entry lists the regime, `Err(())` when an entry lists it for nations and the nation is not
/// known (the engine then cannot tell).
fn covering<'a>(
    rule: &'a Value,
    regime: &str,
    nation: Option<&str>,
) -> Result<Option<&'a Value>, ()> {
    let mut unknown = false;
    for e in rule["applies"].as_array().into_iter().flatten() {
        let listed = e["regimes"]
            .as_array()
            .is_some_and(|r| r.iter().any(|x| x == regime));
        if !listed {
            continue;
        }
        match (e["nations"].as_array(), nation) {
            (None, _) => return Ok(Some(e)),
            (Some(ns), Some(n)) if ns.iter().any(|x| x == n) => return Ok(Some(e)),
            (Some(_), Some(_)) => {}
            (Some(_), None) => unknown = true,
        }
    }
    if unknown {
        Err(())
    } else {
        Ok(None)
    }
}

fn severity_of(standing: &str) -> &'static str {
    if standing == "law" {
        "must"
    } else {
        "should"
    }
}

/// What must hold of a check result under a protocol that knows regimes, whatever the figures.
/// Returns the broken invariants (empty when all hold). `protocol`, `tender` and `result` are
/// the documents as JSON; a rejected tender (an errors document) has nothing to check.
pub fn invariants(protocol: &Value, tender: &Value, result: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if result["document"] == "errors" {
        return out;
    }
    let mut fail = |s: String| out.push(s);
    let decision = &result["regime"];
    if !decision.is_object() {
        fail("a regime-aware protocol's result shows no regime".into());
        return out;
    }
    let regime = decision["regime"].as_str();
    let nation = decision["jurisdiction"].as_str();
    let decided = decision["decided"].as_str().unwrap_or("?");
    let p = &tender["procurement"];
    // Stated, derived, not stated.
    if let Some(stated) = p["regime"].as_str() {
        if decided != "stated" || regime != Some(stated) {
            fail(format!(
                "the tender states {stated}; the result says {decided} {regime:?}"
            ));
        }
    } else if p["route"] == "grant" {
        if regime != Some("grant") {
            fail(format!("route grant gave {regime:?}"));
        }
    } else {
        let missing = p["nation"].is_null() || p["started"].is_null() || p["cpv"].is_null();
        if missing && regime.is_some() {
            fail(format!(
                "a regime ({regime:?}) derived with an input missing"
            ));
        }
        if regime.is_none() && decided != "not_stated" {
            fail(format!("no regime but decided {decided}"));
        }
        if let (Some(r), Some(n), Some(started)) =
            (regime, p["nation"].as_str(), p["started"].as_str())
        {
            if (n == "scotland") != r.starts_with("scotland") {
                fail(format!("nation {n} gave {r}"));
            }
            if r.starts_with("pcr2015") && started >= "2025-02-24" {
                fail(format!("{r} for a procurement begun {started}"));
            }
            if r.starts_with("pa2023") && started < "2025-02-24" {
                fail(format!("{r} for a procurement begun {started}"));
            }
            if r == "psr" && (n != "england" || started < "2024-01-01") {
                fail(format!("psr in {n} begun {started}"));
            }
            let value: u64 = p["value_including_vat"]
                .as_str()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            if r.ends_with("below_threshold") && value >= 663_540 {
                fail(format!("{r} at GBP {value}, above every threshold"));
            }
            if matches!(r, "pa2023" | "pcr2015" | "scotland") && value < 135_018 {
                fail(format!("{r} at GBP {value}, below every threshold"));
            }
            if r.ends_with("light_touch") && value < 663_540 {
                fail(format!(
                    "{r} at GBP {value}, below the light-touch threshold"
                ));
            }
        }
    }
    let rules: Vec<&Value> = protocol["barriers"]
        .as_array()
        .into_iter()
        .flatten()
        .collect();
    let rule = |id: &Value| rules.iter().copied().find(|r| r["id"] == *id);
    let legislation: Vec<&Value> = protocol["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["kind"] == "legislation")
        .map(|s| &s["id"])
        .collect();
    for f in result["findings"].as_array().into_iter().flatten() {
        let Some(r) = rule(&f["rule"]) else {
            fail(format!("finding for an unknown rule {}", f["rule"]));
            continue;
        };
        if r.get("applies").is_none() {
            continue;
        }
        let standing = f["standing"].as_str();
        match regime {
            None => {
                if standing.is_some() || f["status"] != "regime_not_stated" {
                    fail(format!(
                        "regime not stated, yet {} is {} with standing {standing:?}",
                        f["rule"], f["status"]
                    ));
                }
                if f["applies_under"].as_array().is_none_or(Vec::is_empty) {
                    fail(format!(
                        "{}: regime not stated but nothing said under each",
                        f["rule"]
                    ));
                }
            }
            Some(reg) => match covering(r, reg, nation) {
                Ok(Some(e)) => {
                    let want = e["standing"].as_str().unwrap_or("?");
                    if standing != Some(want) || f["severity"] != severity_of(want) {
                        fail(format!(
                            "{} under {reg}: standing {standing:?} severity {}, the protocol says {want}",
                            f["rule"], f["severity"]
                        ));
                    }
                    if f["status"] == "regime_not_stated" {
                        fail(format!(
                            "{} under a known regime is regime_not_stated",
                            f["rule"]
                        ));
                    }
                }
                Ok(None) => fail(format!(
                    "{} has a finding under {reg}, which no entry lists",
                    f["rule"]
                )),
                Err(()) => {
                    if f["status"] != "regime_not_stated" || standing.is_some() {
                        fail(format!(
                            "{}: its nation is not known, yet {}",
                            f["rule"], f["status"]
                        ));
                    }
                }
            },
        }
        if standing == Some("law") {
            let cites_law = f["cites"]
                .as_array()
                .is_some_and(|cs| cs.iter().any(|c| legislation.contains(&&c["source"])));
            if !cites_law {
                fail(format!(
                    "{}: law standing without legislation cited",
                    f["rule"]
                ));
            }
        }
    }
    for row in result["checks"].as_array().into_iter().flatten() {
        let Some(r) = rule(&row["rule"]) else {
            continue;
        };
        if r.get("applies").is_none() {
            continue;
        }
        let na = row["status"] == "not_applicable";
        let covered = regime.map(|reg| covering(r, reg, nation));
        let should_be_na = matches!(covered, Some(Ok(None)));
        if na != should_be_na {
            fail(format!(
                "{} is {} under {regime:?}",
                row["rule"], row["status"]
            ));
        }
    }
    let findings = result["findings"].as_array().map_or(&[][..], Vec::as_slice);
    let count = |f: &dyn Fn(&Value) -> bool| findings.iter().filter(|x| f(x)).count() as u64;
    let s = &result["summary"];
    let must = count(&|f| f["status"] == "barrier" && f["severity"] == "must");
    if s["must"].as_u64() != Some(must) {
        fail(format!(
            "summary must {} but {must} legal barriers",
            s["must"]
        ));
    }
    if regime.is_none() && must != 0 {
        fail("a legal MUST with no regime".into());
    }
    let rns = count(&|f| f["status"] == "regime_not_stated");
    if s["regime_not_stated"].as_u64() != Some(rns) {
        fail(format!(
            "summary regime_not_stated {} but {rns} findings",
            s["regime_not_stated"]
        ));
    }
    let na = result["checks"].as_array().map_or(0, |c| {
        c.iter().filter(|r| r["status"] == "not_applicable").count()
    }) as u64;
    if s["not_applicable"].as_u64() != Some(na) {
        fail(format!(
            "summary not_applicable {} but {na} rows",
            s["not_applicable"]
        ));
    }
    out
}

/// Runs one tender through the regime protocol and the 1.0.0-style one and checks everything:
/// the invariants above, the same bytes on a second run, and no regime in the 1.0.0 result.
pub fn check_tender_text(tender_text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (Ok(first), Ok(second)) = (
        result(protocol_text(), tender_text),
        result(protocol_text(), tender_text),
    ) else {
        return vec!["the harness could not run the case".into()];
    };
    if first != second {
        out.push("the same inputs gave different bytes".into());
    }
    let (Ok(p), Ok(t), Ok(r)) = (
        serde_json::from_str::<Value>(protocol_text()),
        serde_json::from_str::<Value>(tender_text),
        serde_json::from_str::<Value>(&first),
    ) else {
        return vec!["a document is not JSON".into()];
    };
    out.extend(invariants(&p, &t, &r));
    if let Ok(plain) = result(plain_protocol_text(), tender_text) {
        let shows_regime = plain.starts_with("{\n  \"document\": \"tender-check\"")
            && (plain.contains("\"regime\"") || plain.contains("not_applicable"));
        if shows_regime {
            out.push("a protocol that names no regime shows one".into());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_counted_from_1_january_2021() {
        assert_eq!(date(0), "2021-01-01");
        assert_eq!(date(365), "2022-01-01");
        assert_eq!(date(1095), "2024-01-01");
        assert_eq!(date(1515), "2025-02-24");
        assert_eq!(date(1514), "2025-02-23");
        assert_eq!(date(1826), "2026-01-01");
        assert_eq!(date(1154), "2024-02-29");
    }

    #[test]
    fn the_same_seed_gives_the_same_tender() {
        assert_eq!(tender(3), tender(3));
        assert_ne!(tender(3), tender(4));
    }
}
