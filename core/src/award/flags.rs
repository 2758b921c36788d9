//! Flags: what the commissioner must look at in a bid, raised as scoring goes.
//!
//! A flag's code is always kept, because the ranking lists the codes of the flags that leave a
//! bid in competition whether or not a run explains; its words (message, action, clauses,
//! trace) are written only when explaining, so ranking alone pays nothing for them.

use crate::explain::{CiteRef, Trace};
use crate::report::{Flag, FlagCode};

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
    /// Codes of the flags that do not exclude the bid, in the order raised.
    pub open: Vec<FlagCode>,
    /// The flags in full (explaining only).
    pub raised: Vec<Flag>,
}

impl Flags {
    /// No flags yet; `explain` says whether their words will be written.
    pub fn new(explain: bool) -> Flags {
        Flags {
            explain,
            open: Vec::new(),
            raised: Vec::new(),
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
