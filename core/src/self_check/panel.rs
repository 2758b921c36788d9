//! A panel criterion: the score the bidder expects (one value or a range) as a share of the
//! scale's top score, and how that score stands against the criterion's minimum, if it has one.

use super::estimate::{End, Estimate, Threshold};
use super::flags;
use crate::award::Ctx;
use crate::bids::{DraftBid, Expected};
use crate::exact::{Exact, Overflow};
use crate::explain::Input;
use crate::protocol::{Minimum, Scale};
use crate::report::{ThresholdCheck, ThresholdStatus};

/// A panel criterion projected from the score the bidder expects on it.
pub(super) fn estimate(
    ctx: &Ctx,
    draft: &DraftBid,
    criterion: &str,
    title: &str,
    scale: &Scale,
    minimum: Option<&Minimum>,
) -> Result<Estimate, Overflow> {
    let Some(expected) = crate::bids::lookup(&draft.expected, criterion) else {
        return Ok(Estimate::Missing(
            "no expected score given: counted as 0 at the low end and full marks at the high end"
                .into(),
        ));
    };
    Ok(Estimate::Marks {
        low: marks(ctx, criterion, scale, expected.low)?,
        high: marks(ctx, criterion, scale, expected.high)?,
        assumption: None,
        threshold: minimum.map(|m| threshold(criterion, title, m, expected)),
    })
}

/// The marks one score on the scale earns, explained.
fn marks(ctx: &Ctx, criterion: &str, scale: &Scale, score: i64) -> Result<End, Overflow> {
    let top = i128::from(scale.max());
    ctx.leaf_marks(
        criterion,
        "self_check.panel",
        Exact::ratio(i128::from(score), top)?,
        &format!("{score} ÷ {top} × {{marks}}"),
        vec![Input {
            name: "expected".into(),
            label: "the score you expect".into(),
            value: format!(
                "{score} ({})",
                scale.point(score).map_or("", |p| p.label.as_str())
            ),
        }],
    )
}

/// The expected scores against the minimum: clear when even the lowest meets it, failing when
/// even the highest does not, and at risk between.
fn threshold(criterion: &str, title: &str, minimum: &Minimum, expected: &Expected) -> Threshold {
    let status = if expected.high < minimum.score {
        ThresholdStatus::Fails
    } else if expected.low < minimum.score {
        ThresholdStatus::AtRisk
    } else {
        ThresholdStatus::Clear
    };
    Threshold {
        check: ThresholdCheck {
            minimum: minimum.score,
            disqualifies: minimum.disqualifies,
            status,
        },
        flag: flags::threshold(criterion, title, minimum, expected, status),
    }
}
