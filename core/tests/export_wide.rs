//! The CSV with one row per bid (issue 16, item 15): what a commissioner's own evaluation
//! spreadsheet holds, on the worked example.

use ulo_core::export::{csv_wide, CSV_WIDE_HEAD, CSV_WIDE_TAIL};
use ulo_core::{shipped, Protocol};

/// The example's bids, with `edit` applied to the bids document first.
fn wide(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let p = Protocol::shipped();
    let t = p.tender_from_json(shipped::EXAMPLE_TENDER).unwrap();
    let mut bids: serde_json::Value = serde_json::from_str(shipped::EXAMPLE_BIDS).unwrap();
    edit(&mut bids);
    let b = p.bids_from_json(&t, &bids.to_string()).unwrap();
    csv_wide(&p.score(&t, &b).unwrap())
}

/// The fields of a CSV line as RFC 4180 writes them (every field quoted here).
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

#[test]
fn one_row_per_bid_with_prices_marks_evaluators_and_flags_in_words() {
    let text = wide(|_| {});
    assert!(text.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let lines: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .split_terminator("\r\n")
        .collect();
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends CRLF"
    );
    let head = fields(lines[0]);
    assert_eq!(&head[..CSV_WIDE_HEAD.len()], CSV_WIDE_HEAD);
    assert_eq!(&head[head.len() - CSV_WIDE_TAIL.len()..], CSV_WIDE_TAIL);
    assert!(head.contains(&"Independent living outcomes: marks".to_string()));
    assert!(head.contains(&"Independent living outcomes: Officer B (finance)".to_string()));
    let bids: serde_json::Value = serde_json::from_str(shipped::EXAMPLE_BIDS).unwrap();
    assert_eq!(
        lines.len() - 1,
        bids["bids"].as_array().unwrap().len(),
        "one row per bid"
    );
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let north = lines
        .iter()
        .map(|l| fields(l))
        .find(|f| f[1] == "b-northfield")
        .unwrap();
    assert_eq!(north.len(), head.len());
    assert_eq!(north[col("rank")], "1");
    assert_eq!(north[col("total")], "77.18");
    assert_eq!(north[col("price")], "352000.00");
    assert_eq!(north[col("price marks")], "17.90");
    assert_eq!(north[col("Price: marks")], "17.90");
    assert_eq!(
        north[col("Independent living outcomes: Expert by experience C")],
        "5"
    );
    assert_eq!(north[col("eligibility")], "yes");
    // Flags are sentences, never codes.
    let harbour = lines
        .iter()
        .map(|l| fields(l))
        .find(|f| f[1] == "b-harbour")
        .unwrap();
    let flags = &harbour[col("flags")];
    assert!(flags.contains("range from 1 to 4"), "{flags}");
    assert!(!text.contains("high_variance") && !text.contains("threshold_failed"));
}

#[test]
fn a_name_that_is_a_formula_is_defused_and_quotes_survive() {
    let text = wide(|b| {
        b["bids"][0]["organisation"]["name"] =
            serde_json::json!("=HYPERLINK(\"http://x\",\"a, b\")");
        b["bids"][1]["organisation"]["name"] = serde_json::json!("+44 Care, \"Ltd\"");
    });
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\""),
        "{text}"
    );
    assert!(text.contains("\"'+44 Care, \"\"Ltd\"\"\""), "{text}");
    for line in text.split_terminator("\r\n").skip(1) {
        for f in fields(line) {
            assert!(!f.starts_with(['=', '+', '-', '@']), "{f}");
        }
    }
}
