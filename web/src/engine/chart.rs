//! The results chart's geometry: bar lengths in pixels from marks the core produced. Worked in
//! the core's exact decimals, not floats, so that a bar's segments meet exactly and the drawing
//! is the same in every browser. It decides nothing: the marks are the core's, already rounded
//! per criterion; this only lays them end to end at a scale.

use ulo_core::exact::RoundingMode;
use ulo_core::Exact;

/// One segment of a bar, as SVG wants it.
pub struct Segment {
    /// Where it starts.
    pub x: String,
    /// How long it is, to one decimal place.
    pub width: String,
}

/// A stacked bar.
pub struct Bar {
    /// Its segments, in the order of the marks.
    pub segments: Vec<Segment>,
    /// Where it ends.
    pub length: String,
}

/// A bar of some marks (empty text for marks not given), at `per_mark` pixels a mark.
pub fn stacked_bar(marks: &[String], per_mark: i128) -> Bar {
    let mut x = Exact::ZERO;
    let segments = marks
        .iter()
        .map(|m| {
            let width = pixels(m, per_mark);
            let start = x.to_exact_string();
            x = x
                .add(Exact::parse_decimal(&width).unwrap_or(Exact::ZERO))
                .unwrap_or(x);
            Segment { x: start, width }
        })
        .collect();
    Bar {
        segments,
        length: x.to_exact_string(),
    }
}

/// The length of some marks, rounded to a tenth of a pixel ("0" when there are none).
fn pixels(marks: &str, per_mark: i128) -> String {
    Exact::parse_decimal(marks)
        .and_then(|m| m.mul(Exact::int(per_mark)).ok())
        .and_then(|w| w.round(1, RoundingMode::HalfUp).ok())
        .map(|w| w.to_fixed(1))
        .unwrap_or_else(|| "0".into())
}
