//! The CSV exports carry the lot models' figures (issue 15): a lot evaluated by price per
//! quality point gives each bid's quality marks and cost per quality point, as the result holds
//! them, in both CSV forms; a weighted result's CSV has no such column or row.

use std::fs;
use std::path::Path;
use ulo_core::export::{csv, csv_wide, CSV_WIDE_HEAD};
use ulo_core::report::ScoreResult;
use ulo_core::{shipped, Protocol};

fn read(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The result of a hand-worked case scored under the shared lot-models protocol.
fn case(name: &str) -> ScoreResult {
    case_under(name, "mini-models")
}

/// The result of a hand-worked case scored under a shared protocol.
fn case_under(name: &str, protocol: &str) -> ScoreResult {
    let p = Protocol::from_json(&read(&format!("tests/shared/{protocol}.json"))).unwrap();
    let t = p
        .tender_from_json(&read(&format!("tests/cases/{name}/tender.json")))
        .unwrap();
    let b = p
        .bids_from_json(&t, &read(&format!("tests/cases/{name}/bids.json")))
        .unwrap();
    p.score(&t, &b).unwrap()
}

/// A CSV's lines, each split into its (quoted) fields.
fn table(text: &str) -> Vec<Vec<String>> {
    text.trim_start_matches('\u{feff}')
        .split_terminator("\r\n")
        .map(|l| {
            l.trim_matches('"')
                .split("\",\"")
                .map(str::to_string)
                .collect()
        })
        .collect()
}

#[test]
fn price_per_quality_point_figures_are_columns_of_the_wide_form_and_rows_of_the_long() {
    let result = case("301-model-ppqp-threshold");
    let wide = table(&csv_wide(&result));
    let head = &wide[0];
    let at = |h: &str| {
        head.iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("no column {h}: {head:?}"))
    };
    assert_eq!(
        at("model"),
        CSV_WIDE_HEAD.len(),
        "right after the price marks"
    );
    let (bid, quality, per_point, model) = (
        at("bid"),
        at("quality marks"),
        at("cost per quality point"),
        at("model"),
    );
    let mut with_figures = 0;
    for b in &result.bids {
        let line = wide
            .iter()
            .find(|l| l[bid] == b.bid)
            .unwrap_or_else(|| panic!("a row for {}", b.bid));
        assert_eq!(line[model], "price_per_quality_point");
        assert_eq!(line[quality], b.quality_marks.clone().unwrap_or_default());
        assert_eq!(
            line[per_point],
            b.cost_per_quality_point.clone().unwrap_or_default()
        );
        with_figures += usize::from(b.cost_per_quality_point.is_some());
    }
    assert!(with_figures > 0, "the case has costs per quality point");

    let long = table(&csv(&result));
    for b in &result.bids {
        let rows: Vec<&Vec<String>> = long
            .iter()
            .filter(|l| l[1] == b.bid && l[5] == "cost_per_quality_point")
            .collect();
        match &b.cost_per_quality_point {
            Some(c) => {
                assert_eq!(rows.len(), 1, "{}", b.bid);
                assert_eq!(&rows[0][11], c);
                assert_eq!(rows[0][8], "price_per_quality_point");
            }
            None => assert!(rows.is_empty(), "{}", b.bid),
        }
    }
}

#[test]
fn a_weighted_result_has_no_model_columns_or_rows() {
    let p = Protocol::shipped();
    let t = p.tender_from_json(shipped::EXAMPLE_TENDER).unwrap();
    let b = p.bids_from_json(&t, shipped::EXAMPLE_BIDS).unwrap();
    let r = p.score(&t, &b).unwrap();
    let wide = csv_wide(&r);
    let head = &table(&wide)[0];
    for h in ["model", "quality marks", "cost per quality point"] {
        assert!(!head.iter().any(|x| x == h), "{h} in {head:?}");
    }
    assert!(!csv(&r).contains("cost_per_quality_point") && !csv(&r).contains("quality_marks"));
}

#[test]
fn a_basket_of_rates_is_a_column_of_the_wide_form() {
    let result = case_under("403-price-basket-sums", "mini");
    let wide = table(&csv_wide(&result));
    let head = &wide[0];
    let at = |h: &str| head.iter().position(|x| x == h);
    let basket = at("basket").unwrap_or_else(|| panic!("no basket column: {head:?}"));
    let bid = at("bid").unwrap_or_default();
    let mut seen = 0;
    for b in &result.bids {
        let line = wide.iter().find(|l| l[bid] == b.bid).unwrap();
        let want = b
            .basket
            .as_ref()
            .map(|t| t.result.clone())
            .unwrap_or_default();
        assert_eq!(line[basket], want, "{}", b.bid);
        seen += usize::from(!want.is_empty());
    }
    assert!(seen > 0, "the case has baskets");
}
