//! Writing to the terminal: text made visible, and write errors that end the command quietly.
//!
//! **Control characters.** Names, titles and every other text in a report come from the input
//! files, which anyone may have written. A bidder called `"\u{1b}[2J"` would clear the screen of
//! whoever reads the report, and one with a newline in its name could forge report lines. So in
//! text output every control character (Unicode's Cc: U+0000 to U+001F, U+007F, U+0080 to
//! U+009F) and every bidirectional formatting character (U+061C, U+200E, U+200F, U+202A to
//! U+202E, U+2066 to U+2069, which can reorder what a line appears to say) is shown escaped:
//! `\x1b` for one below U+0080, `\u{9b}` or `\u{202e}` for the others. Inside one value even a
//! newline is escaped (`\x0a`); the report's own line breaks are the only ones printed. JSON
//! output needs none of this: serde escapes every control character in a string.
//!
//! **Write errors.** `ulo score ... --json | head` closes the pipe before the output is written:
//! that ends the command quietly with exit status 141 (128 + SIGPIPE, what a shell reports for a
//! command a closed pipe ended), so a pipeline with `pipefail` still sees that the output was
//! cut short. Any other write error (a full disk, `/dev/full`) prints one line on stderr and
//! exits 1. Nothing here panics: `print!` would, on either.

use std::borrow::Cow;
use std::io::{self, Write};

/// The exit status when the reader of the output has gone (a closed pipe): 128 + SIGPIPE (13).
pub const CLOSED_PIPE: u8 = 141;

/// Why the output could not be written.
pub enum WriteError {
    /// The reader closed the pipe: nothing more to say to anyone.
    Closed,
    /// Anything else, in words.
    Failed(String),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            WriteError::Closed
        } else {
            WriteError::Failed(e.to_string())
        }
    }
}

/// The escaped form of a character that must not reach a terminal as it is, if it is one.
fn escaped(c: char) -> Option<String> {
    let bidi = matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if c.is_control() && (c as u32) < 0x80 {
        Some(format!("\\x{:02x}", c as u32))
    } else if c.is_control() || bidi {
        Some(format!("\\u{{{:x}}}", c as u32))
    } else {
        None
    }
}

fn escape(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let must = |c: char| !(keep_newlines && c == '\n') && escaped(c).is_some();
    if !s.chars().any(must) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match escaped(c) {
            Some(e) if must(c) => out.push_str(&e),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// One value from the input, shown on one line: every control character escaped, newlines too.
pub fn visible(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// A whole report: every control character escaped except the report's own line breaks. The
/// renderer passes each value through [`visible`]; this is the net under it, so that a value
/// it missed can at worst break a line, never drive the terminal.
pub fn visible_report(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// Writes text to stdout and flushes it, so that a write error is seen here and not lost at exit.
pub fn stdout(text: &str) -> Result<(), WriteError> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Writes a report (text for people) to stdout, made visible.
pub fn report(text: &str) -> Result<(), WriteError> {
    stdout(&visible_report(text))
}

/// Writes one message for people to stderr, made visible. An error writing to stderr is
/// ignored: there is nowhere left to say it, and the exit status still tells.
pub fn stderr_line(text: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{}", visible_report(text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(visible("Acme\u{1b}[2J"), "Acme\\x1b[2J");
        assert_eq!(visible("a\nb\r\tc\u{7f}"), "a\\x0ab\\x0d\\x09c\\x7f");
        assert_eq!(
            visible("\u{9b}31m \u{202e}evil"),
            "\\u{9b}31m \\u{202e}evil"
        );
        assert_eq!(visible_report("line\u{7}\nnext\n"), "line\\x07\nnext\n");
        // Ordinary text, accents and symbols are untouched, and cost no copy.
        assert!(matches!(visible("Café £1,000 – ok"), Cow::Borrowed(_)));
    }

    proptest::proptest! {
        /// Whatever the text, nothing that drives a terminal survives: a value keeps no line
        /// break, a report keeps exactly its own, and removing the escapes' backslashes never
        /// matters (every other character is kept as it is, in order).
        #[test]
        fn nothing_that_drives_a_terminal_survives(s in "(\\PC|\\p{Cc}|[\u{202a}-\u{202e}\u{2066}-\u{2069}\n])*") {
            let one = visible(&s);
            proptest::prop_assert!(one.chars().all(|c| escaped(c).is_none()));
            let report = visible_report(&s);
            proptest::prop_assert!(report.chars().all(|c| c == '\n' || escaped(c).is_none()));
            proptest::prop_assert_eq!(report.matches('\n').count(), s.matches('\n').count());
            let kept: String = s.chars().filter(|c| escaped(*c).is_none()).collect();
            let shown: String = one.chars().filter(|c| !c.is_ascii()).collect();
            let expected: String = kept.chars().filter(|c| !c.is_ascii()).collect();
            proptest::prop_assert_eq!(shown, expected);
        }
    }
}
