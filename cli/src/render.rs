//! Readable reports: tables and explanations for people at a terminal.
//!
//! Every figure printed comes from the result document the core produced, and every figure is
//! followed by its explanation (`ulo_core::explain::render`). Nothing is computed here.
//!
//! Every value that comes from the input (names, titles, reasons, explanations quoting them)
//! is passed through [`v`], which escapes control characters and line breaks, so that no
//! value can drive the terminal or forge a line of the report (see `out`).

use std::fmt::Write as _;
use ulo_core::explain::{CiteRef, Trace};
use ulo_core::regime::Decision;
use ulo_core::report::{
    BidResult, EligibilityResult, Finding, FindingStatus, Flag, ScoreResult, SelfCheckResult,
    TenderCheck,
};
use ulo_core::shown::{trace_with_decimals, ROUNDING_NOTE};
use ulo_core::vocab::Standing;
use ulo_core::Problem;

/// A trace as a sentence, its fractions shown as decimals with the exact value in brackets
/// (`2.67 (8/3)`): the core decides both, the report only picks the words.
fn render(t: &Trace) -> String {
    ulo_core::explain::render(&trace_with_decimals(t))
}

/// A value from the input, shown on one line with its control characters escaped.
fn v(s: &str) -> std::borrow::Cow<'_, str> {
    crate::out::visible(s)
}

/// One problem, in the manner of a compiler message.
pub fn problem(p: &Problem, file: &str) -> String {
    let at = if p.pointer.is_empty() {
        "the whole document".to_string()
    } else {
        v(&p.pointer).into_owned()
    };
    let mut out = format!(
        "error[{}]: {}\n  --> {} at {at}",
        p.code(),
        v(&p.kind.message()),
        v(file)
    );
    if let Some(found) = p.kind.found() {
        let _ = write!(out, "\n  found: {}", v(&found));
    }
    if let Some(expected) = p.kind.expected() {
        let _ = write!(out, "\n  expected: {}", v(&expected));
    }
    let _ = write!(out, "\n  help: {}", v(&p.help()));
    out
}

/// One problem in a CSV of bids, located by its row and column.
pub fn csv_problem(p: &ulo_core::bids::csv::CsvProblem, file: &str) -> String {
    let column = p
        .column
        .as_ref()
        .map(|c| format!(", column \"{}\"", v(c)))
        .unwrap_or_default();
    let mut out = format!(
        "error[{}]: {}\n  --> {} row {}{column}",
        p.kind.code(),
        v(&p.kind.message()),
        v(file),
        p.row
    );
    if let Some(found) = &p.found {
        let _ = write!(out, "\n  found: \"{}\"", v(found));
    }
    let _ = write!(out, "\n  help: {}", v(&p.kind.help()));
    out
}

/// A plain text table; columns sized to their widest cell.
fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let mut s = String::from("  ");
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                let pad = widths[i] - c.chars().count();
                s.push_str(c);
                s.push_str(&" ".repeat(pad + 2));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(headers.to_vec());
    out.push_str(&line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    out
}

fn cites(c: &[CiteRef]) -> String {
    c.iter()
        .map(|c| format!("{}, {}", v(&c.title), v(&c.clause)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn finding(out: &mut String, f: &Finding) {
    let lot = f
        .lot
        .as_ref()
        .map(|l| format!(" [{}]", v(l)))
        .unwrap_or_default();
    let status = match f.status {
        FindingStatus::Barrier => f.severity.word().to_uppercase(),
        FindingStatus::NotStated => "NOT STATED".to_string(),
        FindingStatus::RegimeNotStated => "DEPENDS".to_string(),
    };
    let _ = writeln!(out, "{status:<10} {}{lot}: {}", v(&f.rule), v(&f.title));
    if let Some(standing) = f.standing {
        let basis = match standing {
            Standing::Law => "the law of this tender's regime requires it",
            Standing::Policy => "the protocol's policy, not law, under this tender's regime",
        };
        let _ = writeln!(out, "           Standing: {basis}");
    }
    if let Some(note) = &f.regime_note {
        let _ = writeln!(out, "           {}", v(note));
    }
    for under in &f.applies_under {
        let regimes: Vec<&str> = under.regimes.iter().map(|r| r.title()).collect();
        let _ = writeln!(
            out,
            "           Under {}: {} ({})",
            regimes.join(", "),
            under.severity.word().to_uppercase(),
            under.standing.word()
        );
    }
    let _ = writeln!(out, "           {}", v(&f.finding));
    for fact in &f.facts {
        let _ = writeln!(
            out,
            "           Found: {} = {}",
            v(&fact.label),
            v(&fact.value)
        );
    }
    let _ = writeln!(out, "           Requirement: {}", v(&f.requirement));
    let _ = writeln!(out, "           Why it matters: {}", v(&f.why));
    let _ = writeln!(out, "           Fix: {}", v(&f.fix));
    let _ = writeln!(out, "           Source: {}", cites(&f.cites));
}

fn header(
    out: &mut String,
    title: &str,
    tender: &ulo_core::report::TenderRef,
    protocol: &ulo_core::report::ProtocolRef,
    hash: &str,
) {
    let _ = writeln!(
        out,
        "{title}: {} ({})",
        v(&tender.title),
        v(&tender.authority)
    );
    let _ = writeln!(
        out,
        "Protocol: {} {} (effective {})",
        v(&protocol.title),
        v(&protocol.version),
        v(&protocol.effective_date)
    );
    let _ = writeln!(out, "Input hash: {hash}\n");
}

/// Which law governs the tender, first, with the steps that decided it.
fn regime(out: &mut String, d: Option<&Decision>) {
    let Some(d) = d else { return };
    let _ = writeln!(out, "Which law applies: {}", v(&d.title));
    let _ = writeln!(out, "  {}", v(&d.reason));
    for s in &d.steps {
        let _ = write!(out, "  - {}", v(&s.text));
        if !s.cites.is_empty() {
            let _ = write!(out, " [{}]", cites(&s.cites));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// The barrier check report.
pub fn tender_check(c: &TenderCheck) -> String {
    let mut out = String::new();
    header(
        &mut out,
        "Barrier check",
        &c.tender,
        &c.protocol,
        &c.input_hash,
    );
    regime(&mut out, c.regime.as_ref());
    let _ = writeln!(out, "{}\n", v(&c.summary.headline));
    for f in &c.findings {
        finding(&mut out, f);
        out.push('\n');
    }
    out
}

fn eligibility(out: &mut String, e: &EligibilityResult) {
    let _ = writeln!(
        out,
        "  Eligibility: {} ({})",
        e.verdict.describe(),
        v(&e.reason)
    );
    for t in &e.tests {
        let _ = writeln!(
            out,
            "    {:<14} {}: {}{}",
            t.outcome.describe(),
            v(&t.title),
            v(&t.reason),
            t.to_add
                .as_ref()
                .map(|a| format!(". To add: {}", v(a)))
                .unwrap_or_default()
        );
    }
}

fn flags(out: &mut String, flags: &[Flag]) {
    for f in flags {
        let _ = writeln!(
            out,
            "  Flag {}: {} {}",
            f.code.word(),
            v(&f.message),
            v(&f.action)
        );
        if let Some(t) = &f.trace {
            let _ = writeln!(out, "    {}", v(&render(t)));
        }
    }
}

/// A lot evaluation model in words, with what ranks the bids.
fn model_words(m: ulo_core::tender::evaluation::ModelKind) -> &'static str {
    use ulo_core::tender::evaluation::ModelKind;
    match m {
        ModelKind::Weighted => "weighted total (highest first)",
        ModelKind::PricePerQualityPoint => {
            "price per quality point (the price divided by the quality marks; lowest first, on the exact value)"
        }
        ModelKind::Sequential => {
            "sequential (a quality pass mark, then price among the bids that passed)"
        }
        ModelKind::QualityOnly => "quality only at a fixed price (highest quality first)",
        ModelKind::PriceOnly => "price only (price marks, highest first)",
    }
}

fn explained(t: &Option<Trace>) -> String {
    t.as_ref()
        .map(|t| v(&render(t)).into_owned())
        .unwrap_or_default()
}

fn scorecard(out: &mut String, b: &BidResult) {
    let rank = b
        .rank
        .map(|r| format!("rank {r}"))
        .unwrap_or_else(|| b.status.word().to_string());
    let total = b.total.clone().unwrap_or_else(|| "not yet scored".into());
    let _ = writeln!(
        out,
        "{} ({}), lot {}, {rank}: {total} of {} marks, price {}",
        v(&b.bidder),
        v(&b.bid),
        v(&b.lot),
        b.available,
        b.price
    );
    if let Some(t) = &b.total_trace {
        let _ = writeln!(out, "  Total: {}", v(&render(t)));
    }
    if let Some(t) = &b.basket {
        let _ = writeln!(out, "  Basket of rates: {}", v(&render(t)));
    }
    if let Some(q) = &b.quality_marks {
        let _ = writeln!(out, "  Quality marks, re-weighted to 100: {q}");
    }
    if let Some(c) = &b.cost_per_quality_point {
        let _ = writeln!(out, "  Cost per quality point: {c}");
    }
    for t in &b.stage {
        let _ = writeln!(out, "  Model step: {}", v(&render(t)));
    }
    eligibility(out, &b.eligibility);
    for g in &b.gates {
        let _ = writeln!(out, "  Gate {}: {}", v(&g.title), g.outcome.describe());
    }
    for c in &b.criteria {
        let indent = "  ".repeat(c.depth as usize);
        let marks = c.marks.clone().unwrap_or_else(|| "-".into());
        let _ = writeln!(out, "{indent}{}: {marks} of {}", v(&c.title), c.available);
        match (&c.trace, &c.missing) {
            (Some(_), _) => {
                let _ = writeln!(out, "{indent}  {}", explained(&c.trace));
            }
            (None, Some(m)) => {
                let _ = writeln!(out, "{indent}  Not scored: {}.", v(m));
            }
            (None, None) => {
                if let Some(n) = &c.not_counted {
                    // The reason says how it is not counted ("not scored: ..."): as a sentence.
                    let n = v(n);
                    let mut words = n.chars();
                    let first = words.next().map(|c| c.to_uppercase().to_string());
                    let _ = writeln!(
                        out,
                        "{indent}  {}{}.",
                        first.unwrap_or_default(),
                        words.as_str()
                    );
                }
            }
        }
    }
    flags(out, &b.flags);
    out.push('\n');
}

/// The scoring report: rankings per lot, then a scorecard per bid with every figure explained.
pub fn score(r: &ScoreResult) -> String {
    let mut out = String::new();
    header(&mut out, "Scores", &r.tender, &r.protocol, &r.input_hash);
    regime(&mut out, r.regime.as_ref());
    let _ = writeln!(
        out,
        "Marks are rounded {} to {} places for each criterion; totals add the rounded marks.\n{ROUNDING_NOTE}\n",
        r.rounding.mode.word().replace('_', " "),
        r.rounding.places
    );
    for lot in &r.lots {
        let _ = writeln!(
            out,
            "Lot {}: {}{}",
            v(&lot.lot),
            v(&lot.title),
            lot.lowest_price
                .as_ref()
                .map(|p| format!(" (lowest price in competition: {p})"))
                .unwrap_or_default()
        );
        if let Some(m) = lot.model {
            let _ = writeln!(out, "  Evaluation model: {}", model_words(m));
        }
        // A cost per quality point column only where the lot's model gives one, so a weighted
        // lot's table is as before.
        let costs = lot
            .ranking
            .iter()
            .any(|r| r.cost_per_quality_point.is_some());
        if lot.ranking.is_empty() {
            out.push_str("  No bid can be ranked.\n");
        } else {
            let rows: Vec<Vec<String>> = lot
                .ranking
                .iter()
                .map(|row| {
                    let mut cells = vec![
                        row.rank.to_string(),
                        v(&row.bid).into_owned(),
                        v(&row.bidder).into_owned(),
                        row.total.clone(),
                        row.price.clone(),
                    ];
                    if costs {
                        cells.push(row.cost_per_quality_point.clone().unwrap_or_default());
                    }
                    cells.push(
                        row.flags
                            .iter()
                            .map(|f| f.word())
                            .collect::<Vec<_>>()
                            .join(", "),
                    );
                    cells
                })
                .collect();
            let heads: &[&str] = if costs {
                &[
                    "Rank",
                    "Bid",
                    "Bidder",
                    "Total",
                    "Price",
                    "Cost per quality point",
                    "Flags",
                ]
            } else {
                &["Rank", "Bid", "Bidder", "Total", "Price", "Flags"]
            };
            out.push_str(&table(heads, &rows));
            for row in &lot.ranking {
                if let Some(t) = &row.tie {
                    let _ = writeln!(out, "  {}: {}", v(&row.bid), v(&t.reason));
                }
            }
        }
        for n in &lot.not_ranked {
            let _ = writeln!(
                out,
                "  Not ranked: {} ({}), {}: {}",
                v(&n.bidder),
                v(&n.bid),
                n.status.word(),
                v(&n.reasons.join("; "))
            );
        }
        out.push('\n');
    }
    if !r.findings.is_empty() {
        let _ = writeln!(out, "The tender's design has {} barrier finding(s); run \"ulo check-tender\" for details.\n", r.findings.len());
    }
    out.push_str("Scorecards\n\n");
    for b in &r.bids {
        scorecard(&mut out, b);
    }
    out
}

/// The self-check report: eligibility, gates, projected range and where marks are lost.
pub fn self_check(r: &SelfCheckResult) -> String {
    let mut out = String::new();
    header(
        &mut out,
        "Self-check",
        &r.tender,
        &r.protocol,
        &r.input_hash,
    );
    regime(&mut out, r.regime.as_ref());
    let _ = writeln!(out, "{ROUNDING_NOTE}\n");
    let _ = writeln!(
        out,
        "{} for lot {}, price {}",
        v(&r.bidder),
        v(&r.lot),
        r.price
    );
    eligibility(&mut out, &r.eligibility);
    for g in &r.gates {
        let _ = writeln!(out, "  Gate {}: {}", v(&g.title), g.outcome.describe());
    }
    let p = &r.projected;
    let _ = if p.low == p.high {
        writeln!(
            out,
            "\nProjected total: exactly {} of {} marks",
            p.low, p.available
        )
    } else {
        writeln!(
            out,
            "\nProjected total: {} to {} of {} marks",
            p.low, p.high, p.available
        )
    };
    if !r.projected.not_estimated.is_empty() {
        let _ = writeln!(
            out,
            "  No expected score given for: {}",
            v(&r.projected.not_estimated.join(", "))
        );
    }
    out.push_str("\nWhere marks are lost (most to gain first)\n");
    let rows: Vec<Vec<String>> = r
        .criteria
        .iter()
        .map(|c| {
            let expected = match (&c.expected_low, &c.expected_high) {
                (Some(l), Some(h)) if l == h => l.clone(),
                (Some(l), Some(h)) => format!("{l} to {h}"),
                _ => "-".into(),
            };
            vec![
                v(&c.title).into_owned(),
                c.available.clone(),
                expected,
                c.to_gain.clone().unwrap_or_default(),
                c.threshold
                    .as_ref()
                    .map(|t| format!("minimum {}: {}", t.minimum, t.status.describe()))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    out.push_str(&table(
        &["Criterion", "Available", "Expected", "To gain", "Threshold"],
        &rows,
    ));
    for c in &r.criteria {
        if let Some(a) = &c.assumption {
            let _ = writeln!(out, "  {}: {}", v(&c.title), v(a));
        }
        if let Some(t) = &c.trace_low {
            let _ = writeln!(out, "  {} (low): {}", v(&c.title), v(&render(t)));
        }
        if let Some(t) = &c.trace_high {
            if c.trace_low.as_ref() != Some(t) {
                let _ = writeln!(out, "  {} (high): {}", v(&c.title), v(&render(t)));
            }
        }
    }
    if let Some(t) = &r.basket {
        let _ = writeln!(out, "  Basket of rates: {}", v(&render(t)));
    }
    for p in &r.price_under {
        let _ = writeln!(
            out,
            "  Price marks under {}{}: {} to {}",
            p.formula.word(),
            if p.published {
                " (the lot's formula)"
            } else {
                ""
            },
            p.low,
            p.high
        );
    }
    out.push('\n');
    flags(&mut out, &r.flags);
    out.push_str("\nIn easy read\n\n");
    for line in &r.easy_read {
        let _ = writeln!(out, "  {}", v(line));
    }
    if !r.findings.is_empty() {
        out.push_str("\nBarriers in the tender you can raise in clarification\n\n");
        for f in &r.findings {
            finding(&mut out, f);
            let _ = writeln!(out, "           Question to ask: {}\n", v(&f.question));
        }
    }
    out
}
