//! Bids in from a spreadsheet (issue 16): the template reads into bids the engine accepts, and
//! every problem is located by row and column, never a panic.

use serde_json::Value;
use ulo_core::bids::csv::{read, CsvProblem, CsvProblemKind};
use ulo_core::vocab::AmountError;
use ulo_core::{shipped, Protocol};

const TEMPLATE: &str = include_str!("../../docs/bids-template.csv");

fn tender_id() -> String {
    let t: Value = serde_json::from_str(shipped::EXAMPLE_TENDER).unwrap();
    t["id"].as_str().unwrap().to_string()
}

fn problems(text: &str) -> Vec<CsvProblem> {
    read(text, &tender_id()).expect_err("problems")
}

#[test]
fn the_template_reads_into_bids_the_engine_accepts() {
    let bids = read(TEMPLATE, &tender_id()).unwrap_or_else(|p| panic!("{p:#?}"));
    let p = Protocol::shipped();
    let t = p.tender_from_json(shipped::EXAMPLE_TENDER).unwrap();
    let checked = p.bids(&t, &bids).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(checked.as_slice().len(), 2);
    let north = &bids["bids"][0];
    assert_eq!(north["id"], "b-northfield");
    assert_eq!(north["price"], "352000", "£352,000 read as the amount");
    assert_eq!(north["organisation"]["annual_turnover"], "310000");
    assert_eq!(
        north["organisation"]["legal_form"],
        "charitable_incorporated_organisation"
    );
    assert_eq!(north["organisation"]["board"]["voting_members"], 12);
    assert_eq!(north["organisation"]["staff"]["disabled"], 14);
    assert_eq!(north["organisation"]["accountable_to_members"], true);
    assert!(
        north["organisation"].get("volunteers").is_none(),
        "empty cells are not stated"
    );
    assert!(north["organisation"].get("sme").is_none());
    assert_eq!(bids["bids"][1]["price"], "329000.00");
}

#[test]
fn a_bom_crlf_and_quoted_commas_are_read() {
    let text = "\u{feff}Lot,Organisation Name,Price,Bid ID\r\nlot-1,\"Smith, Jones & \"\"Partners\"\"\",\"£1,250.50\",b-1\r\n\r\nlot-1,\"Two\nLines Ltd\",\"185 000\",\r\n";
    let bids = read(text, "t").unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(
        bids["bids"][0]["organisation"]["name"],
        "Smith, Jones & \"Partners\""
    );
    assert_eq!(bids["bids"][0]["price"], "1250.50");
    assert_eq!(bids["bids"][0]["id"], "b-1");
    assert_eq!(bids["bids"][1]["organisation"]["name"], "Two\nLines Ltd");
    assert_eq!(bids["bids"][1]["price"], "185000");
    // No id: named after its row (the blank line is row 3, the bid starts on row 4).
    assert_eq!(bids["bids"][1]["id"], "row-4");
}

#[test]
fn a_bad_row_is_located_by_row_and_column() {
    let text = "bid id,lot,organisation name,price,paid staff,sme\n\
                b-1,lot-1,Good CIC,1000,3,yes\n\
                b-2,lot-1,Bad CIC,\"1,85,000\",three,maybe\n\
                b-1,lot 1,,0.00,,\n";
    let p = problems(text);
    let at = |row: usize, col: &str| {
        p.iter()
            .find(|x| x.row == row && x.column.as_deref() == Some(col))
            .unwrap_or_else(|| panic!("row {row} {col}: {p:#?}"))
    };
    assert_eq!(
        at(3, "price").kind,
        CsvProblemKind::Amount(AmountError::Commas)
    );
    assert_eq!(at(3, "price").found.as_deref(), Some("1,85,000"));
    assert_eq!(
        at(3, "price").to_string(),
        "row 3, column \"price\": commas must separate thousands (found \"1,85,000\"); put a comma before each group of three digits, as in 1,185,000, or leave commas out"
    );
    assert_eq!(at(3, "paid staff").kind, CsvProblemKind::Count);
    assert_eq!(at(3, "sme").kind, CsvProblemKind::YesNo);
    assert_eq!(at(4, "lot").kind, CsvProblemKind::BadId);
    assert_eq!(at(4, "organisation name").kind, CsvProblemKind::Required);
    assert_eq!(at(4, "price").kind, CsvProblemKind::ZeroPrice);
    assert_eq!(at(4, "bid id").kind, CsvProblemKind::DuplicateId);
    assert!(p.iter().all(|x| x.row != 2), "the good row has no problem");
    for x in &p {
        assert_eq!(x.kind.message(), x.kind.message().to_lowercase());
        assert!(!x.kind.help().is_empty());
    }
}

#[test]
fn headings_that_cannot_be_read_are_said() {
    let p = problems("lot;organisation name;price\nlot-1;A;100\n");
    assert_eq!(p[0].kind, CsvProblemKind::UnknownColumn);
    assert!(p[0].kind.help().contains("semicolons"));
    assert!(p
        .iter()
        .any(|x| x.kind == CsvProblemKind::MissingColumn && x.column.as_deref() == Some("price")));
    let p = problems("lot,price,price,organisation name\n");
    assert_eq!(p[0].kind, CsvProblemKind::DuplicateColumn);
    assert_eq!(problems("")[0].kind, CsvProblemKind::Empty);
    assert_eq!(problems("lot,\"open\n")[0].kind, CsvProblemKind::OpenQuote);
    let p = problems("lot,organisation name,price\nlot-1,A,100,extra\n");
    assert_eq!((p[0].row, &p[0].kind), (2, &CsvProblemKind::ExtraCells));
}

#[test]
fn facts_and_gates_go_to_their_places() {
    let text = "lot,organisation name,price,fact: local_staff_percent,gate: safeguarding-policy\nlot-1,A,100,80%,Pass\n";
    let bids = read(text, "t").unwrap();
    assert_eq!(bids["bids"][0]["facts"]["local_staff_percent"], "80");
    assert_eq!(bids["bids"][0]["gates"]["safeguarding-policy"], "pass");
    let p = problems("lot,organisation name,price,gate: g\nlot-1,A,100,maybe\n");
    assert_eq!(p[0].kind, CsvProblemKind::Gate);
}

/// Every prefix and every one-character change of the template reads or gives problems, never
/// a panic.
#[test]
fn damaged_files_never_panic() {
    let chars: Vec<char> = TEMPLATE.chars().collect();
    for cut in 0..chars.len() {
        let text: String = chars[..cut].iter().collect();
        let _ = read(&text, "t");
    }
    for (i, _) in chars.iter().enumerate().step_by(3) {
        for with in ['"', ',', '\n', '\r', '£', '\u{feff}', 'x'] {
            let mut c = chars.clone();
            c[i] = with;
            let text: String = c.into_iter().collect();
            let _ = read(&text, "t");
        }
    }
}

/// A lot priced by a basket of rates (issue 15): `rate: ID` columns carry each rate, the price
/// may be left empty (the engine works the basket out), and the engine checks the rates.
#[test]
fn rate_columns_carry_a_basket_and_the_price_may_be_left_out() {
    let text = "lot,organisation name,price,rate: day,rate: sleep\nlot-1,Alpha CIL,,£19.50,85\nlot-1,Beta Ltd,\"218,400.00\",21,\n";
    let bids = read(text, "t").unwrap_or_else(|p| panic!("{p:#?}"));
    let a = &bids["bids"][0];
    assert!(a.get("price").is_none(), "an empty price is not stated");
    assert_eq!(a["rates"]["day"], "19.50");
    assert_eq!(a["rates"]["sleep"], "85");
    assert_eq!(bids["bids"][1]["rates"]["day"], "21");
    assert!(bids["bids"][1]["rates"].get("sleep").is_none());

    // With no rate columns, a price column is needed, and every row must fill it.
    let missing = problems("lot,organisation name\nlot-1,Alpha CIL\n");
    assert!(missing
        .iter()
        .any(|p| p.kind == CsvProblemKind::MissingColumn && p.column.as_deref() == Some("price")));
    let empty = problems("lot,organisation name,price,rate: day\nlot-1,Alpha CIL,,\n");
    assert_eq!(empty.len(), 1, "{empty:#?}");
    assert_eq!(empty[0].kind, CsvProblemKind::Required);
    assert_eq!(empty[0].column.as_deref(), Some("price"));
    // A rate is an amount.
    let bad = problems("lot,organisation name,rate: day\nlot-1,Alpha CIL,lots\n");
    assert_eq!(bad[0].column.as_deref(), Some("rate: day"));
}
