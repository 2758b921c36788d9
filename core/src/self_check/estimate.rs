//! What a scoring method makes of the bidder's draft for one criterion: the marks at the low and
//! the high end of what the bidder expects, or what is missing for them.

use crate::exact::Exact;
use crate::explain::Trace;
use crate::report::{Flag, ThresholdCheck};

/// Marks at one end of the projection, with the trace that explains them.
pub(super) type End = (Exact, Trace);

/// One criterion's projection by its method.
#[allow(
    clippy::large_enum_variant,
    reason = "made once per criterion and moved straight into its row"
)]
pub(super) enum Estimate {
    /// The marks at the low and the high end.
    Marks {
        /// The low end.
        low: End,
        /// The high end.
        high: End,
        /// An assumption the figures rest on, in words.
        assumption: Option<String>,
        /// The criterion's minimum score against the score expected, if it has one.
        threshold: Option<Threshold>,
    },
    /// The bidder has not given what the method needs (said in words): the criterion counts
    /// as 0 at the low end and full marks at the high end.
    Missing(String),
}

impl Estimate {
    /// The same marks at both ends, resting on nothing but the draft.
    pub(super) fn exactly(marks: End) -> Self {
        Estimate::Marks {
            low: marks.clone(),
            high: marks,
            assumption: None,
            threshold: None,
        }
    }
}

/// A minimum score checked against the score expected, and the flag raised if it is not clear.
pub(super) struct Threshold {
    /// The check, as the criterion's row shows it.
    pub check: ThresholdCheck,
    /// The flag, unless the expected score is clear of the minimum.
    pub flag: Option<Flag>,
}
