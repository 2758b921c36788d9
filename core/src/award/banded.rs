//! Banded tables: marks from the band a figure about the bidder falls in (a share of disabled
//! staff, say), as points out of the table's top.

use super::marks::Ctx;
use super::run::{Run, Work};
use crate::bids::Organisation;
use crate::exact::{Exact, Overflow};
use crate::explain::{self, money, Input, Trace};
use crate::protocol::Band;

/// The value of a bid fact: from the profile for built-in facts, else from the bid's facts.
#[must_use]
pub fn bid_fact_value(org: &Organisation, facts: &[(String, Exact)], id: &str) -> Option<Exact> {
    let share = |part: i64, whole: i64| {
        Exact::int(i128::from(part))
            .mul(Exact::HUNDRED)
            .and_then(|v| v.div(Exact::int(i128::from(whole))))
            .ok()
    };
    match id {
        "board_user_share_percent" => org
            .board
            .and_then(|b| share(b.disabled_or_service_users, b.voting_members)),
        "staff_disabled_share_percent" => org.staff.and_then(|s| share(s.disabled, s.total)),
        _ => crate::bids::lookup(facts, id).copied(),
    }
}

/// The band a value falls in, and the share of the criterion's marks it earns.
fn band_share(value: Exact, bands: &[Band], out_of: i64) -> Result<(&Band, Exact), Overflow> {
    let band = bands
        .iter()
        .rev()
        .find(|b| value >= b.from)
        .unwrap_or(&bands[0]);
    Ok((
        band,
        Exact::ratio(i128::from(band.points), i128::from(out_of))?,
    ))
}

/// Marks from a banded table: which band the value falls in, and the marks it earns.
pub(crate) fn banded(
    ctx: &Ctx,
    criterion: &str,
    fact: &str,
    value: Exact,
    bands: &[Band],
    out_of: i64,
) -> Result<(Exact, Trace), Overflow> {
    let (band, share) = band_share(value, bands, out_of)?;
    let range = match band.to {
        Some(to) => format!(
            "from {} up to {}",
            band.from.to_exact_string(),
            to.to_exact_string()
        ),
        None => format!("{} or more", band.from.to_exact_string()),
    };
    ctx.leaf_marks(
        criterion,
        "award.banded",
        share,
        &format!("{} ÷ {} × {{marks}}", band.points, out_of),
        vec![
            Input {
                name: fact.to_string(),
                label: ctx.protocol.bid_fact_title(fact),
                value: match ctx.protocol.bid_fact(fact) {
                    Some(crate::facts::BidFactKind::Percent) => explain::percent(value),
                    Some(crate::facts::BidFactKind::Money) => money(value),
                    _ => value.to_exact_string(),
                },
            },
            Input {
                name: "band".into(),
                label: "band".into(),
                value: format!("{range}: {} of {} points", band.points, out_of),
            },
        ],
    )
}

/// A banded criterion of a bid: its marks, or what is missing when the bid does not give the
/// figure. Ranking alone skips the trace but not the arithmetic.
pub(super) fn leaf(
    run: &Run,
    w: &mut Work,
    i: usize,
    fact: &str,
    bands: &[Band],
    out_of: i64,
) -> Result<(), Overflow> {
    let ctx = &run.ctx;
    let node = &run.nodes[i];
    let mut row = run.blank(w, i);
    let Some(v) = bid_fact_value(&w.bid.organisation, &w.bid.facts, fact) else {
        let why = format!(
            "the bid does not give the {}",
            ctx.protocol.bid_fact_title(fact)
        );
        w.missing.push(format!("{}: {why}", node.title()));
        if let Some(mut row) = row {
            row.missing = Some(why);
            w.rows[i] = Some(row);
        }
        return Ok(());
    };
    let marks = if let Some(row) = &mut row {
        let (marks, trace) = banded(ctx, node.id, fact, v, bands, out_of)?;
        row.marks = Some(ctx.show(marks));
        row.trace = Some(trace);
        marks
    } else {
        let (_, share) = band_share(v, bands, out_of)?;
        ctx.marks(node.available, share)?.1
    };
    w.marks[i] = Some(marks);
    // A blank row is there exactly when the run explains.
    if let Some(row) = row {
        w.rows[i] = Some(row);
    }
    Ok(())
}
