//! Flags: what the commissioner must look at in a bid, raised as scoring goes.
//!
//! A flag's code is always kept, because the ranking lists the codes of the flags that leave a
//! bid in competition whether or not a run explains; its words (message, action, clauses,
//! trace) are written only for a bid that is explained, so ranking alone pays nothing for
//! them, and a summary keeps only each flag's code, criterion and whether it excludes.

use crate::explain::{CiteRef, Trace};
use crate::report::{Flag, FlagBrief, FlagCode};

/// What a flag says, written only when a run explains.
pub(super) struct Words {
    /// What was found.
    pub message: String,
    /// What to do.
    pub action: &'static str,
    /// The clauses.
    pub cites: Vec<CiteRef>,
    /// How it was worked out.
    pub trace: Option<Trace>,
}

/// The flags raised on a bid.
pub(super) struct Flags {
    explain: bool,
    summary: bool,
    /// Codes of the flags that do not exclude the bid, in the order raised.
    pub open: Vec<FlagCode>,
    /// The flags in full (explaining only).
    pub raised: Vec<Flag>,
    /// Every flag's code, criterion and effect, in the order raised (summary runs only).
    pub briefs: Vec<FlagBrief>,
}

impl Flags {
    /// No flags yet; `explain` says whether their words will be written, `summary` whether
    /// their codes are kept for a summary.
    pub fn new(explain: bool, summary: bool) -> Flags {
        Flags {
            explain,
            summary,
            open: Vec::new(),
            raised: Vec::new(),
            briefs: Vec::new(),
        }
    }

    /// Raises a flag. `words` runs only when explaining.
    pub fn raise(
        &mut self,
        code: FlagCode,
        criterion: Option<&str>,
        excludes: bool,
        words: impl FnOnce() -> Words,
    ) {
        if !excludes {
            self.open.push(code);
        }
        if self.summary {
            self.briefs.push(FlagBrief {
                code,
                criterion: criterion.map(str::to_string),
                excludes,
            });
        }
        if self.explain {
            let w = words();
            self.raised.push(Flag {
                code,
                criterion: criterion.map(str::to_string),
                excludes,
                message: w.message,
                action: w.action.to_string(),
                trace: w.trace,
                cites: w.cites,
            });
        }
    }
}
