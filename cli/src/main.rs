//! `ulo`: the commissioning protocol engine on the command line.
//!
//! A thin shell over `ulo-core`: it reads files, validates them against the published JSON
//! Schemas (`ulo-schemas`) and the core's typed model, calls the core, and prints either a
//! readable report or (`--json`) the result document. It decides nothing itself.
//!
//! Exit codes: 0 success, 1 invalid input (the problems go to stderr, each with its location;
//! the first 100, then a count of the rest) or output that could not be written, 2 a usage error
//! (unknown command, missing argument, unreadable file), 141 the reader of the output closed
//! the pipe (`ulo ... | head`). Text output shows control characters escaped (see `out`).

mod input;
mod out;
mod render;

use input::{load_bids, load_draft, load_protocol, load_tender, Failure};
use std::process::ExitCode;
use ulo_core::{shipped, Document};

const USAGE: &str = "\
ulo: a commissioning protocol engine for user-led organisations

Usage:
  ulo validate FILE [--protocol FILE] [--tender FILE] [--json]
  ulo check-tender TENDER [--protocol FILE] [--json]
  ulo score TENDER BIDS [--protocol FILE] [--json] [--summary] [--explain BID]...
  ulo self-check TENDER DRAFT [--protocol FILE] [--json]
  ulo csv TENDER BIDS [--protocol FILE] [--wide]
  ulo bids-from-csv TENDER CSV [--protocol FILE]
  ulo example protocol|tender|bids|self-check
  ulo --help | --version

Commands:
  validate      check any ulo document (its kind is read from its \"document\" field);
                a tender is checked against the protocol, bids against --tender if given
  check-tender  find barriers to user-led organisations in a tender's design
  score         score a tender's bids: eligibility, gates, moderation, price, ranking
  self-check    project a bidder's own draft: eligibility, gates, score range, marks to gain
  csv           the scores as CSV for a spreadsheet: a row per bid and criterion, or with
                --wide one row per bid (price, total, rank, each criterion's and each
                evaluator's marks, eligibility, flags in words); formulas are defused
  bids-from-csv the bids document (JSON) from a spreadsheet with one row per bid, as
                docs/bids-template.csv lays out (see docs/bids-csv.md), checked against the
                tender; each problem is given by its row and column
  example       print the shipped protocol or worked example, to start from

Options:
  --protocol FILE  the protocol to apply (default: the shipped User-Led Commissioning Protocol;
                   core/protocols/ulcp-1.0.0.json reproduces results made under 1.0.0)
  --tender FILE    for validate: the tender that bids or a self-check belong to
  --json           print the result document (JSON) instead of a report
  --summary        for score: every bid's figures without the explanations (a score-summary);
                   needed past the full result's limit (bids x scored criteria x evaluators
                   over 200,000)
  --explain BID    for score: the summary, with bid BID explained in full (repeat for more)
  --wide           for csv: one row per bid instead of one per bid and criterion

Exit status: 0 success, 1 invalid input (or the output could not be written), 2 usage error,
141 the output's reader closed the pipe (as with \"ulo ... | head\").
Files are read up to 64 MiB (67108864 bytes), UTF-8 with or without a byte order mark.
In reports, control characters from the input are shown escaped, as \\x1b or \\u{9b}.
";

/// A parsed command line.
struct Args {
    command: String,
    files: Vec<String>,
    protocol: Option<String>,
    tender: Option<String>,
    json: bool,
    summary: bool,
    explain: Vec<String>,
    wide: bool,
}

fn usage_error(message: &str) -> ExitCode {
    out::stderr_line(&format!("error: {message}\n\n{USAGE}"));
    ExitCode::from(2)
}

/// Ends a command that only prints: 0 when the text was written, otherwise as for any failure
/// to write (quietly for a closed pipe).
fn printed(result: Result<(), out::WriteError>, code: ExitCode) -> ExitCode {
    match result {
        Ok(()) => code,
        Err(e) => Failure::Write(e).report(false),
    }
}

fn parse_args(raw: Vec<String>) -> Result<Args, String> {
    let mut it = raw.into_iter();
    let command = it.next().ok_or("no command given")?;
    let mut args = Args {
        command,
        files: Vec::new(),
        protocol: None,
        tender: None,
        json: false,
        summary: false,
        explain: Vec::new(),
        wide: false,
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => args.json = true,
            "--summary" => args.summary = true,
            "--wide" => args.wide = true,
            "--explain" => args
                .explain
                .push(it.next().ok_or("--explain needs a bid id")?),
            "--protocol" => {
                args.protocol = Some(it.next().ok_or("--protocol needs a file")?);
            }
            "--tender" => {
                args.tender = Some(it.next().ok_or("--tender needs a file")?);
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option \"{flag}\"")),
            _ => args.files.push(a),
        }
    }
    Ok(args)
}

fn expect_files(args: &Args, names: &[&str]) -> Result<(), String> {
    if args.files.len() != names.len() {
        return Err(format!(
            "\"ulo {}\" takes {}: {}",
            args.command,
            if names.len() == 1 {
                "one file"
            } else {
                "two files"
            },
            names.join(" and ")
        ));
    }
    Ok(())
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    match raw.first().map(String::as_str) {
        None | Some("--help") | Some("-h") | Some("help") => {
            let code = if raw.is_empty() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
            return printed(out::stdout(USAGE), code);
        }
        Some("--version") | Some("-V") => {
            let version = format!("ulo {}\n", env!("CARGO_PKG_VERSION"));
            return printed(out::stdout(&version), ExitCode::SUCCESS);
        }
        _ => {}
    }
    let args = match parse_args(raw) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let outcome = match args.command.as_str() {
        "validate" => expect_files(&args, &["FILE"]).map(|_| validate(&args)),
        "check-tender" => expect_files(&args, &["TENDER"]).map(|_| check_tender(&args)),
        "score" => expect_files(&args, &["TENDER", "BIDS"]).map(|_| score(&args)),
        "self-check" => expect_files(&args, &["TENDER", "DRAFT"]).map(|_| self_check(&args)),
        "csv" => expect_files(&args, &["TENDER", "BIDS"]).map(|_| csv(&args)),
        "bids-from-csv" => expect_files(&args, &["TENDER", "CSV"]).map(|_| bids_from_csv(&args)),
        "example" => {
            expect_files(&args, &["protocol|tender|bids|self-check"]).and_then(|_| example(&args))
        }
        other => Err(format!("unknown command \"{other}\"")),
    };
    match outcome {
        Err(usage) => usage_error(&usage),
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(failure)) => failure.report(args.json),
    }
}

fn example(args: &Args) -> Result<Result<(), Failure>, String> {
    let text = match args.files[0].as_str() {
        "protocol" => shipped::PROTOCOL,
        "tender" => shipped::EXAMPLE_TENDER,
        "bids" => shipped::EXAMPLE_BIDS,
        "self-check" => shipped::EXAMPLE_SELF_CHECK,
        other => return Err(format!("no example called \"{other}\"")),
    };
    Ok(out::stdout(text).map_err(Failure::Write))
}

/// Writes a result straight to standard output through a buffer: a large result is never held
/// as one string beside itself.
fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Write(e.into()))
}

fn validate(args: &Args) -> Result<(), Failure> {
    let file = &args.files[0];
    let (kind, value) = input::read_any(file)?;
    let summary = match kind {
        Document::Protocol => {
            let p = load_protocol(Some(file))?;
            format!(
                "valid protocol \"{}\" version {} (effective {})",
                p.doc().id,
                p.doc().version,
                p.doc().effective_date
            )
        }
        Document::Tender => {
            let protocol = load_protocol(args.protocol.as_deref())?;
            let t = load_tender(&protocol, file)?;
            format!(
                "valid tender \"{}\" under protocol \"{}\" {}",
                t.doc().id,
                protocol.doc().id,
                protocol.doc().version
            )
        }
        Document::Bids => match &args.tender {
            Some(tender_file) => {
                let protocol = load_protocol(args.protocol.as_deref())?;
                let t = load_tender(&protocol, tender_file)?;
                let b = load_bids(&protocol, &t, file)?;
                format!(
                    "valid bids: {} bids for tender \"{}\"",
                    b.as_slice().len(),
                    t.doc().id
                )
            }
            None => {
                input::typed(kind, &value, file)?;
                "well-formed bids (give --tender to check them against their tender)".to_string()
            }
        },
        Document::SelfCheck => match &args.tender {
            Some(tender_file) => {
                let protocol = load_protocol(args.protocol.as_deref())?;
                let t = load_tender(&protocol, tender_file)?;
                load_draft(&protocol, &t, file)?;
                format!("valid self-check for tender \"{}\"", t.doc().id)
            }
            None => {
                input::typed(kind, &value, file)?;
                "well-formed self-check (give --tender to check it against its tender)".to_string()
            }
        },
    };
    if args.json {
        print_json(
            &serde_json::json!({"type": "success", "document": kind.tag(), "message": summary}),
        )
    } else {
        Ok(out::report(&format!(
            "{}: {}\n",
            out::visible(file),
            out::visible(&summary)
        ))?)
    }
}

fn check_tender(args: &Args) -> Result<(), Failure> {
    let protocol = load_protocol(args.protocol.as_deref())?;
    let tender = load_tender(&protocol, &args.files[0])?;
    let check = protocol.check_tender(&tender);
    if args.json {
        print_json(&check)
    } else {
        Ok(out::report(&render::tender_check(&check))?)
    }
}

fn score(args: &Args) -> Result<(), Failure> {
    let protocol = load_protocol(args.protocol.as_deref())?;
    let tender = load_tender(&protocol, &args.files[0])?;
    let bids = load_bids(&protocol, &tender, &args.files[1])?;
    if args.summary || !args.explain.is_empty() {
        let summary = protocol
            .summary(&tender, &bids, &args.explain)
            .map_err(|p| Failure::Invalid(p, args.files[1].clone()))?;
        drop(bids);
        if args.json {
            return print_json(&summary);
        }
        // The report of a summary: the rankings, and scorecards for the bids named.
        let n = summary.bids.len();
        let report = ulo_core::ScoreResult {
            document: summary.document,
            engine: summary.engine,
            protocol: summary.protocol,
            tender: summary.tender,
            input_hash: summary.input_hash,
            regime: summary.regime,
            rounding: summary.rounding,
            findings: summary.findings,
            lots: summary.lots,
            bids: summary.explained,
        };
        let text = format!(
            "{}Summary of {n} bids: scorecards are shown for the bids named with --explain.\n",
            render::score(&report)
        );
        return Ok(out::report(&text)?);
    }
    if args.json {
        // Written one bid at a time: each bid's explanation is made, written and dropped
        // before the next, so a full result is never held whole (the bytes are the same).
        let stream = protocol
            .score_stream(&tender, &bids)
            .map_err(|p| Failure::Invalid(p, args.files[1].clone()))?;
        let written = print_json(&stream);
        // A bid whose explanation could not be worked out stops the output part-way: its
        // problem, rather than a failure to write, is what the caller must see.
        return match stream.failure() {
            Some(p) => Err(Failure::Invalid(p, args.files[1].clone())),
            None => written,
        };
    }
    let result = protocol
        .score(&tender, &bids)
        .map_err(|p| Failure::Invalid(p, args.files[1].clone()))?;
    drop(bids);
    {
        Ok(out::report(&render::score(&result))?)
    }
}

fn self_check(args: &Args) -> Result<(), Failure> {
    let protocol = load_protocol(args.protocol.as_deref())?;
    let tender = load_tender(&protocol, &args.files[0])?;
    let draft = load_draft(&protocol, &tender, &args.files[1])?;
    let result = protocol
        .self_check(&tender, &draft)
        .map_err(|p| Failure::Invalid(p, args.files[1].clone()))?;
    if args.json {
        print_json(&result)
    } else {
        Ok(out::report(&render::self_check(&result))?)
    }
}

/// The scores as CSV (`--wide`: one row per bid). The bytes are the core's export, written as
/// they are when the output goes to a file or a pipe; at a terminal, control characters from
/// the input are shown escaped as in a report (see `out`), since CSV has no escaping of its own
/// for them.
fn csv(args: &Args) -> Result<(), Failure> {
    use std::io::IsTerminal;
    let protocol = load_protocol(args.protocol.as_deref())?;
    let tender = load_tender(&protocol, &args.files[0])?;
    let bids = load_bids(&protocol, &tender, &args.files[1])?;
    let result = protocol
        .score(&tender, &bids)
        .map_err(|p| Failure::Invalid(p, args.files[1].clone()))?;
    drop(bids);
    let text = if args.wide {
        ulo_core::export::csv_wide(&result)
    } else {
        ulo_core::export::csv(&result)
    };
    if std::io::stdout().is_terminal() {
        Ok(out::report(&text.replace("\r\n", "\n"))?)
    } else {
        Ok(out::stdout(&text)?)
    }
}

/// The bids document from a CSV of one row per bid (`ulo_core::bids::csv`), checked against the
/// tender as any bids document is. Problems go to stderr by row and column; the engine's, found
/// after reading, are told by the row the bid came from.
fn bids_from_csv(args: &Args) -> Result<(), Failure> {
    let protocol = load_protocol(args.protocol.as_deref())?;
    let tender = load_tender(&protocol, &args.files[0])?;
    let file = &args.files[1];
    let text = input::read_text(file, Some(Document::Bids))?;
    let (bids, rows) = match ulo_core::bids::csv::read_rows(&text, &tender.doc().id) {
        Ok(read) => read,
        Err(problems) => {
            let shown = problems.len().min(100);
            for p in &problems[..shown] {
                out::stderr_line(&render::csv_problem(p, file));
            }
            return Err(Failure::Printed(format!(
                "{} problem{} found in \"{}\"{}; no bids were written.",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" },
                out::visible(file),
                if problems.len() > shown {
                    " (the first 100 are shown)"
                } else {
                    ""
                }
            )));
        }
    };
    if let Err(problems) = protocol.bids(&tender, &bids) {
        for p in problems.0.iter().take(100) {
            let row = p
                .pointer
                .strip_prefix("/bids/")
                .and_then(|r| r.split('/').next())
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| rows.get(i));
            let place = match row {
                Some(r) => format!("{} row {r}", out::visible(file)),
                None => out::visible(file).into_owned(),
            };
            out::stderr_line(&render::problem(p, &place));
        }
        return Err(Failure::Printed(format!(
            "the bids read from \"{}\" do not fit the tender; no bids were written.",
            out::visible(file)
        )));
    }
    print_json(&bids)
}
