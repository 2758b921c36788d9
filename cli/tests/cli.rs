//! The `ulo` command line, run as a user would: real files, real exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ulo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ulo"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("ulo runs")
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const TENDER: &str = "core/protocols/example-tender.json";
const BIDS: &str = "core/protocols/example-bids.json";
const DRAFT: &str = "core/protocols/example-self-check.json";
const PROTOCOL: &str = "core/protocols/ulcp.json";
/// The protocol as shipped in 1.0.0, kept so that an old result can be reproduced.
const PROTOCOL_1: &str = "core/protocols/ulcp-1.0.0.json";

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ulo-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn check_tender_prints_findings_with_clauses_and_fixes() {
    let out = ulo(&["check-tender", TENDER]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    // The regime comes first, with its trace.
    let regime = s
        .find("Which law applies: Procurement Act 2023: light-touch contract")
        .expect("the regime is named");
    assert!(
        s.contains("CPV 85312000 is a light-touch service (PR 2024 Sch 1) and GBP 1,050,000 >= GBP 663,540"),
        "{s}"
    );
    let first = s
        .find("SHOULD     turnover-proportionate [lot-1]")
        .expect("{s}");
    assert!(regime < first, "the regime is shown before the findings");
    assert!(
        s.contains("Standing: the protocol's policy, not law, under this tender's regime"),
        "{s}"
    );
    assert!(
        s.contains(
            "Fix: Set any minimum yearly turnover at no more than twice the lot's value per year"
        ),
        "{s}"
    );
    // PA 2023 imposes none of the worked example's barriers on a light-touch contract.
    assert!(!s.contains("MUST "), "{s}");
    assert!(
        s.contains("Found 7 barriers the protocol recommends removing"),
        "{s}"
    );
}

/// The worked example marked as begun in 2024 is a PCR 2015 procurement, and its law is cited.
#[test]
fn check_tender_begun_in_2024_cites_the_public_contracts_regulations() {
    let mut t: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(TENDER)).unwrap()).unwrap();
    t["procurement"]["started"] = serde_json::json!("2024-06-03");
    t["payment"]["terms_days"] = serde_json::json!(45);
    let file = temp_file("tender-2024.json", &t.to_string());
    let out = ulo(&["check-tender", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(
        s.contains("Which law applies: Public Contracts Regulations 2015"),
        "{s}"
    );
    assert!(s.contains("MUST       prompt-payment"), "{s}");
    assert!(
        s.contains("Source: Public Contracts Regulations 2015 (SI 2015/102), reg 113"),
        "{s}"
    );
    assert!(!s.contains("Source: Procurement Act 2023"), "{s}");
}

#[test]
fn score_prints_a_ranking_with_every_figure_explained() {
    let out = ulo(&["score", TENDER, BIDS]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(
        s.contains("1     b-northfield    Northfield Centre for Independent Living  77.18"),
        "{s}"
    );
    assert!(
        s.contains("settled by tie-break rule 1 (more marks in Quality)"),
        "{s}"
    );
    // Every criterion line of every scorecard is followed by its explanation or why it is missing.
    let lines: Vec<&str> = s.lines().collect();
    let mut figures = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.trim_start().starts_with("Price: ") && l.contains(" of ") {
            figures += 1;
            let next = lines[i + 1];
            assert!(
                next.contains(" ÷ ") && next.contains("Source:"),
                "unexplained: {l}\n{next}"
            );
        }
    }
    assert_eq!(figures, 8, "one price line per bid");
    assert!(
        s.contains("Total: 37.80 + 13.88 + 7.60 + 17.90 = 77.18."),
        "{s}"
    );
}

#[test]
fn self_check_prints_the_projected_range_and_where_marks_are_lost() {
    let out = ulo(&["self-check", TENDER, DRAFT]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(
        s.contains("Projected total: 65.20 to 85.90 of 100.00 marks"),
        "{s}"
    );
    assert!(
        s.contains("Where marks are lost (most to gain first)"),
        "{s}"
    );
    let table_start = s.find("Where marks are lost").unwrap();
    let first_row = s[table_start..].lines().nth(3).unwrap();
    assert!(
        first_row.contains("Safeguarding and quality assurance") && first_row.contains("10.80"),
        "{first_row}"
    );
}

#[test]
fn json_output_is_the_result_document() {
    let out = ulo(&["score", TENDER, BIDS, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["document"], "score-result");
    assert_eq!(v["lots"][1]["ranking"][0]["bid"], "b-riverside");
}

#[test]
fn validate_names_the_kind_of_document() {
    for (file, says) in [
        (PROTOCOL, "valid protocol \"ulcp\" version 2.0.0"),
        (PROTOCOL_1, "valid protocol \"ulcp\" version 1.0.0"),
        (TENDER, "valid tender \"example-ils-2026\""),
        (BIDS, "well-formed bids"),
        (DRAFT, "well-formed self-check"),
    ] {
        let out = ulo(&["validate", file]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains(says),
            "{file}: {}",
            text(&out.stdout)
        );
    }
    let out = ulo(&["validate", BIDS, "--tender", TENDER]);
    assert!(
        text(&out.stdout).contains("valid bids: 8 bids"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn invalid_input_exits_1_with_located_message_on_stderr() {
    let bad = temp_file(
        "bad-tender.json",
        r#"{"document":"tender","id":"t","title":"T","authority":"A","lots":[{"id":"l","title":"L","value":12.5,"months":12}]}"#,
    );
    let out = ulo(&["check-tender", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("error[ulo::wrong-type]"), "{err}");
    assert!(err.contains("at /lots/0/value"), "{err}");
    assert!(err.contains("help:"), "{err}");
    assert!(text(&out.stdout).is_empty());

    let broken = temp_file("broken.json", "{\"document\": \"tender\",\n \"id\": }");
    let out = ulo(&["validate", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("line 2, column"),
        "{}",
        text(&out.stderr)
    );

    let weights = temp_file(
        "weights.json",
        &std::fs::read_to_string(root().join(TENDER))
            .unwrap()
            .replace(r#""price": "30""#, r#""price": "35""#),
    );
    let out = ulo(&["score", weights.to_str().unwrap(), BIDS, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["type"], "failure");
    assert_eq!(v["errors"][0]["code"], "ulo::weights-not-100");
    assert_eq!(v["errors"][0]["pointer"], "/weights");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec![],
        vec!["frobnicate"],
        vec!["score", TENDER],
        vec!["check-tender", TENDER, "--colour"],
        vec!["check-tender", "no-such-file.json"],
        vec!["example", "nothing"],
    ] {
        let out = ulo(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn a_document_of_the_wrong_kind_is_refused() {
    let out = ulo(&["check-tender", BIDS]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("ulo::wrong-document"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn example_prints_the_shipped_documents() {
    let out = ulo(&["example", "protocol"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        std::fs::read_to_string(root().join(PROTOCOL)).unwrap()
    );
}

/// An old result is reproduced byte for byte by naming the old protocol: the worked example as
/// shipped with 1.0.0, checked with `--protocol core/protocols/ulcp-1.0.0.json`, gives exactly the
/// result recorded by conformance case 033.
#[test]
fn the_protocol_1_0_0_reproduces_its_recorded_result() {
    let out = ulo(&[
        "check-tender",
        "tests/pinned/example-tender-1.0.0.json",
        "--protocol",
        PROTOCOL_1,
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let recorded =
        std::fs::read_to_string(root().join("tests/cases/033-check-shipped-example/result.json"))
            .unwrap();
    assert_eq!(text(&out.stdout).trim_end(), recorded.trim_end());
}

// ---------------------------------------------------------------------------------------------
// Issue 16, item 17: the text report reads as a commissioner expects.
// ---------------------------------------------------------------------------------------------

/// A fraction in an explanation is shown as a decimal, the exact value kept in brackets, and
/// the report says how it was rounded.
#[test]
fn score_report_shows_fractions_as_decimals_with_the_exact_value_in_brackets() {
    let out = ulo(&["score", TENDER, BIDS]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(
        s.contains(
            "210000 ÷ 329000 × 30 = 19.15 (900/47), rounded half up to 2 decimal places to 19.15."
        ),
        "{s}"
    );
    assert!(!s.contains("= 900/47,"), "a bare fraction is left: {s}");
    assert!(
        s.contains("Fractions are shown as decimals rounded half up to 2 places"),
        "{s}"
    );
    // Citations keep their slashes: "SI 2024/716" is not a fraction.
    assert!(s.contains("(SI 2024/716)"), "{s}");
}

/// A projected range whose ends meet is one figure, in the report and in the easy read.
#[test]
fn self_check_range_whose_ends_meet_says_exactly() {
    let case = "tests/cases/041-self-check-low-price";
    let out = ulo(&[
        "self-check",
        &format!("{case}/tender.json"),
        &format!("{case}/self-check.json"),
        "--protocol",
        "tests/shared/mini-lotest.json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(
        s.contains("Projected total: exactly 85.00 of 100.00 marks"),
        "{s}"
    );
    assert!(
        // The easy read gives whole marks (issue 16, item 13): one figure, not a range.
        s.contains("Your score would be 85 marks out of 100."),
        "{s}"
    );
    assert!(!s.contains("between 85.00 and 85.00"), "{s}");
    assert!(!s.contains("85.00 to 85.00"), "{s}");
}

/// The example self-check with one field set to `value`.
fn draft_with(field: &str, value: &str) -> PathBuf {
    let mut d: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(DRAFT)).unwrap()).unwrap();
    d[field] = serde_json::json!(value);
    temp_file(&format!("draft-{field}-{value}.json"), &d.to_string())
}

/// A lowest price of 0 from the other bidders cannot be divided by: it is refused, located,
/// rather than projected as 0.00 price marks.
#[test]
fn self_check_refuses_a_competitor_lowest_price_of_zero() {
    for zero in ["0", "0.00"] {
        let file = draft_with("competitor_lowest_price", zero);
        let out = ulo(&["self-check", TENDER, file.to_str().unwrap()]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
        assert!(err.contains("at /competitor_lowest_price"), "{err}");
        assert!(err.contains(&format!("found: \"{zero}\"")), "{err}");
        assert!(err.contains("expected: more than 0"), "{err}");
    }
}

/// A price of "0.00" is quoted back as written, not as "0".
#[test]
fn a_zero_price_is_quoted_as_written() {
    let file = draft_with("price", "0.00");
    let out = ulo(&["self-check", TENDER, file.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(err.contains("at /price"), "{err}");
    assert!(err.contains("found: \"0.00\""), "{err}");

    let mut b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(BIDS)).unwrap()).unwrap();
    b["bids"][1]["price"] = serde_json::json!("0.0");
    let file = temp_file("bids-zero.json", &b.to_string());
    let out = ulo(&["score", TENDER, file.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(err.contains("at /bids/1/price"), "{err}");
    assert!(err.contains("found: \"0.0\""), "{err}");
}

/// `ulo csv --wide` writes one row per bid; without it, the long form.
#[test]
fn csv_writes_one_row_per_bid_with_wide() {
    let out = ulo(&["csv", TENDER, BIDS, "--wide"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(
        s.starts_with("\u{feff}\"lot\",\"bid\",\"bidder\",\"status\",\"rank\",\"total\""),
        "{s}"
    );
    let bids: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(BIDS)).unwrap()).unwrap();
    assert_eq!(
        s.split_terminator("\r\n").count(),
        1 + bids["bids"].as_array().unwrap().len()
    );
    let long = text(&ulo(&["csv", TENDER, BIDS]).stdout);
    assert!(
        long.starts_with("\u{feff}\"lot\",\"bid\",\"bidder\",\"status\",\"rank\",\"criterion\"")
    );
    assert!(long.split_terminator("\r\n").count() > s.split_terminator("\r\n").count());
}

/// `ulo bids-from-csv` writes the bids document from the template, and locates a bad cell by
/// row and column.
#[test]
fn bids_from_csv_reads_the_template_and_locates_problems() {
    let out = ulo(&["bids-from-csv", TENDER, "docs/bids-template.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let bids: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(bids["document"], "bids");
    assert_eq!(bids["bids"][0]["price"], "352000");
    let file = temp_file("bids.json", &bids.to_string());
    let out = ulo(&["score", TENDER, file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let bad = temp_file(
        "bad.csv",
        "lot,organisation name,price\r\nlot-1,A,\"£1,85,000\"\r\nlot-9,B,100\r\n",
    );
    let out = ulo(&["bids-from-csv", TENDER, bad.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(out.stdout.is_empty());
    assert!(err.contains("row 2, column \"price\""), "{err}");
    assert!(err.contains("commas must separate thousands"), "{err}");
    // Fixed, the unknown lot is found by the engine and told by its row.
    let bad = temp_file(
        "bad2.csv",
        "lot,organisation name,price\r\nlot-1,A,\"£185,000\"\r\nlot-9,B,100\r\n",
    );
    let out = ulo(&["bids-from-csv", TENDER, bad.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("bad2.csv row 3 at /bids/1/lot"), "{err}");
}
