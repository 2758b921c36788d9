//! The command line given hostile or unlucky input, and output nobody reads: control
//! characters in names, a closed pipe, a full disk, endless input, a byte order mark, text that
//! is not UTF-8, a tender too large to read, 200,000 problems, and a lot whose bids are all
//! excluded. Each test failed before its fix (issue 13, item 6).

use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const TENDER: &str = "core/protocols/example-tender.json";
const BIDS: &str = "core/protocols/example-bids.json";
const LIMIT: usize = 64 * 1024 * 1024;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn ulo() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ulo"));
    c.current_dir(root());
    c
}

fn run(args: &[&str]) -> Output {
    ulo().args(args).output().expect("ulo runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn read(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(path)).unwrap()).unwrap()
}

fn temp(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ulo-cli-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// Waits for a child at most `limit`, killing it after that; its status code, or None if killed.
fn wait_at_most(child: &mut std::process::Child, limit: Duration) -> Option<i32> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Bids whose first bidder's name clears the screen, rings the bell and starts a forged line.
fn hostile_bids() -> PathBuf {
    let mut bids = read(BIDS);
    bids["bids"][0]["organisation"]["name"] =
        json!("Evil Ltd\u{1b}[2J\u{7}\nRank 1: Forged Winner\r\u{9b}31m\u{202e}");
    temp("hostile-bids.json", bids.to_string().as_bytes())
}

#[test]
fn control_characters_in_names_are_shown_escaped_in_reports() {
    let bids = hostile_bids();
    let out = run(&["score", TENDER, bids.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    for c in ['\u{1b}', '\u{7}', '\r', '\u{9b}', '\u{202e}'] {
        assert!(!s.contains(c), "{c:?} reached the terminal");
    }
    assert!(
        s.contains("Evil Ltd\\x1b[2J\\x07\\x0aRank 1: Forged Winner\\x0d\\u{9b}31m\\u{202e}"),
        "{s}"
    );
    assert!(
        !s.lines().any(|l| l.starts_with("Rank 1: Forged Winner")),
        "a name forged a line of the report"
    );
    // JSON output keeps the name exactly, escaped by JSON's own rules.
    let json = run(&["score", TENDER, bids.to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["bids"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["bidder"].as_str().unwrap().contains("\u{1b}[2J")));
    assert!(!json.stdout.contains(&0x1b), "raw ESC in the JSON text");

    // A tender's title in the barrier check, and a key in a problem message, likewise.
    let mut tender = read(TENDER);
    tender["title"] = json!("Tender\u{1b}]0;pwned\u{7}");
    let t = temp("hostile-tender.json", tender.to_string().as_bytes());
    let out = run(&["check-tender", t.to_str().unwrap()]);
    let s = text(&out.stdout);
    assert!(
        s.contains("Tender\\x1b]0;pwned\\x07") && !s.contains('\u{1b}'),
        "{s}"
    );
    tender["\u{1b}[31mkey"] = json!(1);
    let t = temp("hostile-key.json", tender.to_string().as_bytes());
    let out = run(&["check-tender", t.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let e = text(&out.stderr);
    assert!(e.contains("\\x1b[31mkey") && !e.contains('\u{1b}'), "{e}");
}

#[test]
fn a_closed_pipe_ends_quietly_with_141() {
    // The reading end is closed before ulo writes a byte: every write meets EPIPE.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    for args in [
        &["score", TENDER, BIDS, "--json"][..],
        &["score", TENDER, BIDS][..],
        &["example", "protocol"][..],
        &["--help"][..],
    ] {
        let out = ulo()
            .args(args)
            .stdout(writer.try_clone().unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(141),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert_eq!(
            text(&out.stderr),
            "",
            "{args:?}: nothing said on a closed pipe"
        );
    }
}

#[test]
fn a_full_disk_is_one_line_on_stderr_and_exit_1() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not Linux: no /dev/full to test with
    };
    for args in [
        &["score", TENDER, BIDS, "--json"][..],
        &["check-tender", TENDER][..],
    ] {
        let out = ulo()
            .args(args)
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        let e = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {e}");
        assert_eq!(e.lines().count(), 1, "{e}");
        assert!(e.starts_with("error: cannot write the output: "), "{e}");
    }
}

#[test]
fn endless_input_is_refused_at_the_limit_without_reading_it_all() {
    // /dev/zero, under a 1 GB address-space limit: a reader that takes everything dies; one
    // bounded while reading refuses it with the figures.
    if Path::new("/dev/zero").exists() {
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v 1048576; exec {} validate /dev/zero",
                env!("CARGO_BIN_EXE_ulo")
            ))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let code = wait_at_most(&mut child, Duration::from_secs(60));
        let mut e = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut e).unwrap();
        assert_eq!(code, Some(1), "{e}");
        assert!(
            e.contains(&format!(
                "the document is more than {LIMIT} bytes long; the engine accepts at most {LIMIT}"
            )),
            "{e}"
        );
    }

    // A generated stream on stdin: ulo stops reading one byte past the limit, so the writer
    // meets a closed pipe long before it has written four times the limit.
    let mut child = ulo()
        .args(["score", TENDER, "/dev/stdin", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let chunk = vec![b' '; 1024 * 1024];
    let mut written = 0usize;
    while written < 4 * LIMIT {
        if stdin.write_all(&chunk).is_err() {
            break;
        }
        written += chunk.len();
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(
        written < 2 * LIMIT,
        "ulo read {written} bytes of a stream it should refuse at {LIMIT}"
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"][0]["code"], "ulo::too-large");
    assert_eq!(v["errors"][0]["document"], "bids", "named by its place");
}

#[test]
fn a_byte_order_mark_is_accepted_as_the_app_accepts_it() {
    let plain = std::fs::read(root().join(TENDER)).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&plain);
    let t = temp("bom-tender.json", &bom);
    let with = run(&["check-tender", t.to_str().unwrap(), "--json"]);
    assert_eq!(with.status.code(), Some(0), "{}", text(&with.stderr));
    let without = run(&["check-tender", TENDER, "--json"]);
    assert_eq!(with.stdout, without.stdout, "the same result, BOM or not");
    let v = run(&["validate", t.to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(0), "{}", text(&v.stderr));
}

#[test]
fn text_that_is_not_utf8_is_invalid_input_with_the_offset_of_the_bad_byte() {
    let plain = std::fs::read(root().join(TENDER)).unwrap();
    // A Latin-1 "é" (0xe9) inside the title on line 5, as a Windows editor might save it.
    let at = plain.windows(7).position(|w| w == b"\"title\"").unwrap() + 10;
    let mut bad = plain.clone();
    bad.insert(at, 0xe9);
    let line = plain[..at].iter().filter(|b| **b == b'\n').count() + 1;
    let column = at - plain[..at].iter().rposition(|b| *b == b'\n').unwrap();
    let t = temp("latin1-tender.json", &bad);
    let out = run(&["check-tender", t.to_str().unwrap()]);
    let e = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "invalid input, not a usage error: {e}"
    );
    assert!(
        e.contains(&format!("the byte 0xe9 at byte offset {at} "))
            && e.contains(&format!("(line {line}, column {column})")),
        "{e}"
    );
    // With a BOM before it, the offset still counts the file's bytes.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&bad);
    let t = temp("latin1-bom-tender.json", &bom);
    let e = text(&run(&["validate", t.to_str().unwrap()]).stderr);
    assert!(e.contains(&format!("byte offset {}", at + 3)), "{e}");
}

#[test]
fn a_tender_too_large_is_named_a_tender_with_help_for_a_tender() {
    // 100 MB, mostly a hole: the file says its size, so nothing past its first bytes is read.
    let t = temp(
        "big-tender.json",
        br#"{"$schema": "../../schemas/tender.schema.json", "document": "tender", "id": "x", "pad": ""#,
    );
    std::fs::OpenOptions::new()
        .write(true)
        .open(&t)
        .unwrap()
        .set_len(100_000_000)
        .unwrap();
    for args in [
        vec!["check-tender", t.to_str().unwrap(), "--json"],
        vec!["validate", t.to_str().unwrap(), "--json"],
        vec!["score", t.to_str().unwrap(), BIDS, "--json"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let e = &v["errors"][0];
        assert_eq!(e["code"], "ulo::too-large", "{args:?}");
        assert_eq!(e["document"], "tender", "{args:?}");
        assert_eq!(
            e["message"],
            format!("the document is 100000000 bytes long; the engine accepts at most {LIMIT}")
        );
        let help = e["help"].as_str().unwrap();
        assert!(
            help.contains("tender") && !help.contains("split the bids"),
            "{help}"
        );
    }
    // Given where bids go, a file with no "document" field is named by its place.
    let b = temp("big-bids.json", b"[");
    std::fs::OpenOptions::new()
        .write(true)
        .open(&b)
        .unwrap()
        .set_len(LIMIT as u64 + 10)
        .unwrap();
    let out = run(&["score", TENDER, b.to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"][0]["document"], "bids");
    assert!(v["errors"][0]["help"]
        .as_str()
        .unwrap()
        .starts_with("split the bids"));
}

#[test]
fn two_hundred_thousand_problems_are_capped_at_a_hundred_and_counted() {
    let mut tender = read(TENDER);
    for i in 0..200_000 {
        tender[format!("k{i}")] = json!(0);
    }
    let t = temp("many-keys.json", tender.to_string().as_bytes());
    let out = run(&["check-tender", t.to_str().unwrap()]);
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(e.len() < 100_000, "{} bytes on stderr", e.len());
    assert_eq!(e.matches("error[ulo::unknown-field]").count(), 100);
    assert!(
        e.contains("... and 199,900 more problems\n"),
        "{}",
        &e[e.len() - 300..]
    );
    assert!(
        e.contains("200,000 problems found in"),
        "{}",
        &e[e.len() - 300..]
    );
    let out = run(&["check-tender", t.to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"].as_array().unwrap().len(), 100);
    assert_eq!(v["more"], 199_900);
    // A short list is whole, with no "more".
    let mut one = read(TENDER);
    one["colour"] = json!("red");
    let t = temp("one-key.json", one.to_string().as_bytes());
    let v: Value =
        serde_json::from_slice(&run(&["check-tender", t.to_str().unwrap(), "--json"]).stdout)
            .unwrap();
    assert_eq!(v["errors"].as_array().unwrap().len(), 1);
    assert!(v.get("more").is_none());
}

#[test]
fn a_lot_with_no_bid_in_competition_prints_no_benchmark() {
    // Every bid in the worked example's lot 1 fails a gate: none remains in competition.
    let mut bids = read(BIDS);
    for b in bids["bids"].as_array_mut().unwrap() {
        if b["lot"] == "lot-1" {
            b["gates"]["safeguarding-policy"] = json!("fail");
        }
    }
    let b = temp("lot-1-excluded.json", bids.to_string().as_bytes());
    let out = run(&["score", TENDER, b.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    let lot1 = s
        .lines()
        .find(|l| l.starts_with("Lot lot-1: "))
        .expect("lot 1 is reported");
    assert!(!lot1.contains("lowest price"), "{lot1}");
    assert!(s.contains("  No bid can be ranked."), "{s}");
    // The other lot still has its benchmark.
    let lot2 = s.lines().find(|l| l.starts_with("Lot lot-2: ")).unwrap();
    assert!(lot2.contains("(lowest price in competition: "), "{lot2}");
    let json = run(&["score", TENDER, b.to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        v["lots"][0].get("lowest_price").is_none(),
        "{}",
        v["lots"][0]
    );
    assert!(v["lots"][1].get("lowest_price").is_some());
}
