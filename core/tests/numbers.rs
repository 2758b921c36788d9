//! Numbers are read from the text written, never through a float (issue 13, item 7): a score,
//! a count or an OCDS amount with more digits, or an exponent, is read exactly when its exact
//! value is valid and refused at its pointer when it is not, never rounded on the way in. And a
//! lone surrogate is refused with the same located message however the document arrived.

// Native only: proptest is a native dev-dependency (see core/Cargo.toml).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::Value;
use ulo_core::error::{Document, Problems};
use ulo_core::read::{At, Reader};
use ulo_core::{json, Protocol};

const PROTOCOL: &str = include_str!("../protocols/ulcp-1.0.0.json");
const TENDER: &str = include_str!("../../tests/pinned/example-tender-1.0.0.json");
const BIDS: &str = include_str!("../../tests/pinned/example-bids-1.0.0.json");

/// The score Northfield's first evaluator gave its outcomes answer, as the file writes it.
const NORTHFIELD_E1: &str = "\"score\": 4,\n            \"rationale\": \"Clear outcomes";
const NORTHFIELD_E1_POINTER: &str = "/bids/0/scores/q-outcomes/e1/score";

/// The worked example's bids with Northfield's first outcomes score written as `score`.
fn bids_with_score(score: &str) -> String {
    assert!(BIDS.contains(NORTHFIELD_E1), "the pinned example has moved");
    BIDS.replacen(NORTHFIELD_E1, &NORTHFIELD_E1.replace('4', score), 1)
}

/// The lots and bids of the result of scoring the worked example with that score (the input
/// hash is left out: it hashes the text's own spelling of each number).
fn scored(score: &str) -> Result<Value, Problems> {
    let protocol = Protocol::from_json(PROTOCOL).expect("1.0.0 reads");
    let tender = protocol.tender_from_json(TENDER).expect("the tender reads");
    let bids = protocol.bids_from_json(&tender, &bids_with_score(score))?;
    let result = protocol.score(&tender, &bids)?;
    Ok(serde_json::json!({"lots": result.lots, "bids": result.bids}))
}

fn only_problem(p: &Problems) -> (String, String, String) {
    let all: Vec<_> = p.iter().collect();
    assert_eq!(all.len(), 1, "one problem expected: {p:?}");
    let p = all[0];
    (p.code(), p.pointer.clone(), p.kind.message())
}

#[test]
fn a_score_just_under_a_whole_number_is_refused_not_rounded() {
    // Read through a float, 2.9999999999999999999 became 3 and Northfield's total 76.65
    // instead of refusing the score.
    let p = scored("2.9999999999999999999").expect_err("refused, not read as 3");
    let (code, pointer, message) = only_problem(&p);
    assert_eq!(pointer, NORTHFIELD_E1_POINTER);
    assert_eq!(code, "ulo::invalid-value");
    assert!(
        message.contains("2.9999999999999999999 is not a whole number"),
        "{message}"
    );
}

#[test]
fn a_tiny_score_is_refused_not_read_as_zero() {
    let p = scored("1e-400").expect_err("refused, not read as 0");
    let (_, pointer, message) = only_problem(&p);
    assert_eq!(pointer, NORTHFIELD_E1_POINTER);
    assert!(
        message.contains("1e-400 is not a whole number"),
        "{message}"
    );
    // serde_json keeps an exponent with its sign: 1e400 is written back as 1e+400.
    for big in ["1e+400", "18446744073709551617", "1e+20", "-1e+30"] {
        let p = scored(big).expect_err("out of range");
        let (code, pointer, message) = only_problem(&p);
        assert_eq!(
            (code.as_str(), pointer.as_str()),
            ("ulo::out-of-range", NORTHFIELD_E1_POINTER),
            "{big}: {message}"
        );
        assert!(message.contains(big), "{big}: {message}");
    }
}

#[test]
fn whole_numbers_in_any_spelling_are_read_exactly() {
    let four = scored("4").expect("the example scores");
    for spelling in [
        "4.0",
        "4e0",
        "4E+0",
        "40e-1",
        "0.4e1",
        "4.000000000000000000000",
        "400e-2",
    ] {
        assert_eq!(scored(spelling).expect(spelling), four, "{spelling}");
    }
    // And a different whole number is not the same score, so the comparison above can fail.
    assert_ne!(scored("3e0").expect("3"), four);
}

#[test]
fn numbers_keep_their_text_through_the_strict_parser() {
    let v = json::parse(
        r#"{"a": 2.9999999999999999999, "b": 1e-400, "c": 4, "d": -0, "e": 2.50}"#,
        Document::Bids,
    )
    .expect("valid JSON");
    let text = |k: &str| v[k].as_number().map(|n| n.as_str().to_string());
    assert_eq!(text("a").as_deref(), Some("2.9999999999999999999"));
    assert_eq!(text("b").as_deref(), Some("1e-400"));
    assert_eq!(text("c").as_deref(), Some("4"));
    assert_eq!(text("d").as_deref(), Some("-0"));
    assert_eq!(text("e").as_deref(), Some("2.50"));
}

#[test]
fn an_object_posing_as_a_number_is_refused() {
    // serde_json hands a number over as an object with one private key; a document that writes
    // that key itself must not be read as a number.
    for text in [
        r#"{"score": {"$serde_json::private::Number": "3"}}"#,
        r#"{"score": {"$serde_json::private::Number": 3}}"#,
        r#"{"score": {"$serde_json::private::Number": "3", "x": 1}}"#,
        r#"{"score": {"x": 1, "$serde_json::private::Number": "3"}}"#,
    ] {
        let e = json::parse(text, Document::Bids).expect_err(text);
        assert_eq!(e.pointer, "/score/$serde_json::private::Number", "{text}");
    }
}

#[test]
fn lone_surrogates_are_refused_at_their_pointer_in_words_the_caller_wrote() {
    for (text, pointer, unit) in [
        (r#"{"name": "a\ud800"}"#, "/name", "\\ud800"),
        (r#"{"name": "\udc00b"}"#, "/name", "\\udc00"),
        (r#"{"list": ["ok", "\uD83D\u0041"]}"#, "/list/1", "\\ud83d"),
        (r#"{"name": "\ud800\ud800"}"#, "/name", "\\ud800"),
    ] {
        let e = json::parse(text, Document::Tender).expect_err(text);
        assert_eq!(e.code(), "ulo::lone-surrogate", "{text}");
        assert_eq!(e.pointer, pointer, "{text}");
        let message = e.kind.message();
        assert!(
            message.contains(&format!("a lone surrogate ({unit}) is not valid text")),
            "{text}: {message}"
        );
        assert!(!message.contains("hex escape"), "{message}");
    }
    // A key: the object that holds it is named.
    let e = json::parse(r#"{"a": {"k\ud800": 1}}"#, Document::Tender).expect_err("key");
    assert_eq!(
        (e.code().as_str(), e.pointer.as_str()),
        ("ulo::lone-surrogate", "/a")
    );
    // A pair is one character, and reads.
    let v = json::parse(r#"{"name": "\ud83d\ude00"}"#, Document::Tender).expect("a pair");
    assert_eq!(v["name"], "\u{1F600}");
}

/// A release with one lot whose estimated value is written as `amount` and whose quality
/// weight is written as `weight` (a decimal share).
fn release(amount: &str, weight: &str) -> String {
    format!(
        r#"{{"ocid": "ocds-test-1", "id": "r1", "date": "2026-03-02T09:00:00Z", "tag": ["tender"],
          "tender": {{"id": "t1", "title": "A test tender",
            "lots": [{{"id": "LOT-1", "title": "One lot",
              "value": {{"amount": {amount}, "currency": "GBP"}},
              "awardCriteria": {{"criteria": [
                {{"type": "quality", "name": "Quality", "numbers": [{{"number": {weight}, "weight": "decimalExact"}}]}},
                {{"type": "price", "name": "Price", "numbers": [{{"number": 0.25, "weight": "decimalExact"}}]}}
              ]}}}}]}}}}"#
    )
}

fn import(amount: &str, weight: &str) -> ulo_core::ocds::Import {
    ulo_core::ocds::import_json(&Protocol::shipped(), &release(amount, weight))
        .expect("an OCDS release")
}

fn lot_value(i: &ulo_core::ocds::Import) -> Option<&str> {
    i.tender["lots"][0]["value"].as_str()
}

fn reason<'a>(i: &'a ulo_core::ocds::Import, from: &str) -> Option<&'a str> {
    i.not_mapped
        .iter()
        .find(|n| n.from == from)
        .map(|n| n.reason.as_str())
}

#[test]
fn ocds_amounts_and_weights_are_read_from_their_digits() {
    let plain = import("900000", "0.75");
    assert_eq!(lot_value(&plain), Some("900000"));
    // The same amount in other spellings.
    for amount in ["9e5", "900000.0", "0.9E6", "900000.00"] {
        assert_eq!(
            lot_value(&import(amount, "0.75")),
            Some("900000"),
            "{amount}"
        );
    }
    // Through a float, 899999.99999999999999 was 900000 and 1e-400 was 0.
    let i = import("899999.99999999999999", "0.75");
    assert_eq!(lot_value(&i), None);
    let why = reason(&i, "/tender/lots/0/value").expect("reported");
    assert!(
        why.contains("899999.99999999999999 has more than two decimal places"),
        "{why}"
    );
    let i = import("1e-400", "0.75");
    assert_eq!(lot_value(&i), None);
    let why = reason(&i, "/tender/lots/0/value").expect("reported");
    assert!(
        why.contains("1e-400") && why.contains("more decimal places than ulo reads"),
        "{why}"
    );
    // The price weight is carried over only when the weights make 100: a quality weight a
    // float would have made 0.75 does not.
    let weights = |i: &ulo_core::ocds::Import| i.tender.get("weights").cloned();
    assert_eq!(weights(&plain), Some(serde_json::json!({"price": "25"})));
    assert_eq!(weights(&import("900000", "75e-2")), weights(&plain));
    assert_eq!(weights(&import("900000", "0.7500000000000000001")), None);
}

/// The exact value of a JSON number's text, as (negative, digits, exponent) with no leading or
/// trailing zeros in `digits` (zero is empty digits): worked out here by hand, apart from the
/// core, to compare its reading with.
fn exact(text: &str) -> (bool, String, i64) {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (mantissa, exp) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].parse::<i64>().unwrap()),
        None => (rest, 0),
    };
    let (whole, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{frac}");
    let exp = exp - frac.len() as i64;
    let trimmed = digits.trim_start_matches('0');
    let zeros = trimmed.len() - trimmed.trim_end_matches('0').len();
    let digits = trimmed.trim_end_matches('0').to_string();
    let exp = if digits.is_empty() {
        0
    } else {
        exp + zeros as i64
    };
    (negative && !digits.is_empty(), digits, exp)
}

fn number_text() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop_oneof!["0", "[1-9][0-9]{0,25}"],
        proptest::option::of("[0-9]{1,25}"),
        proptest::option::of((
            prop_oneof![Just("e"), Just("E")],
            prop_oneof![Just(""), Just("+"), Just("-")],
            0u32..500,
        )),
    )
        .prop_map(|(neg, whole, frac, exp)| {
            let mut s = String::new();
            if neg {
                s.push('-');
            }
            s.push_str(&whole);
            if let Some(f) = frac {
                s.push('.');
                s.push_str(&f);
            }
            if let Some((e, sign, n)) = exp {
                s.push_str(&format!("{e}{sign}{n}"));
            }
            s
        })
}

proptest! {
    /// Any number's text is either read as exactly the whole number it is, or refused: never
    /// read as a number it is not.
    #[test]
    fn whole_numbers_are_read_exactly_or_refused(text in number_text()) {
        let value = json::parse(&text, Document::Bids).expect("valid JSON");
        let mut r = Reader::new(Document::Bids);
        let read = r.int(Some(At::root(&value)), -1000, 1000);
        let (negative, digits, exp) = exact(&text);
        let expected = if digits.is_empty() {
            Some(0)
        } else if exp >= 0 && digits.len() as i64 + exp <= 4 {
            let n: i64 = format!("{digits}{}", "0".repeat(exp as usize)).parse().unwrap();
            let n = if negative { -n } else { n };
            (-1000..=1000).contains(&n).then_some(n)
        } else {
            None
        };
        prop_assert_eq!(read, expected, "{}", text);
        prop_assert_eq!(r.has_problems(), expected.is_none(), "{}", text);
    }
}
