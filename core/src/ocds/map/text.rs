//! Text carried into the draft, fitted to ulo's limits with a note when it was shortened.

use super::super::draft::{Text, Traced};
use super::super::skipped::Skipped;
use super::super::values::fit;
use serde_json::Value;

/// The note for text cut to ulo's limit of `max` characters.
pub(super) fn shortened(max: usize) -> String {
    format!("shortened to {max} characters")
}

/// The text at `v` (from `from`) fitted to `max` characters, the note saying so (followed by
/// `more`) when it was shortened; a value that is not text, or is blank, is reported.
pub(super) fn fitted(
    skipped: &mut Skipped,
    from: String,
    v: &Value,
    max: usize,
    more: &str,
) -> Option<Text> {
    let Some((text, short)) = fit(v, max) else {
        skipped.add(from, v, "it is not text, or it is blank");
        return None;
    };
    let note = short.then(|| format!("{}{more}", shortened(max)));
    Some(Traced::new(text, from, note))
}
