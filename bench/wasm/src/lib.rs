//! The benchmark workloads behind wasm-bindgen, so that `run.mjs` can time in headless Chromium
//! exactly the work `figures` times natively (both call [`ulo_bench::Prepared::run`]).
//!
//! Timing is left to JavaScript (`performance.now()` around [`Bench::run`]), which runs a
//! measure `reps` times per call so that short measures are not lost in the timer's coarse
//! resolution or in the cost of crossing the boundary.

use ulo_bench::{Measure, Prepared};
use wasm_bindgen::prelude::*;

/// A generated workload, read once and ready to measure.
#[wasm_bindgen]
pub struct Bench {
    prepared: Prepared,
}

#[wasm_bindgen]
impl Bench {
    /// Generates and reads the workload of `bids` bids over `criteria` criteria scored by
    /// `evaluators` evaluators.
    #[wasm_bindgen(constructor)]
    pub fn new(bids: usize, criteria: usize, evaluators: usize) -> Result<Bench, JsValue> {
        Prepared::new(bids, criteria, evaluators)
            .map(|prepared| Bench { prepared })
            .map_err(|e| JsValue::from_str(&e))
    }

    /// Runs the named measure `reps` times; returns a figure that depends on the work, so that
    /// none of it can be optimised away.
    pub fn run(&self, measure: &str, reps: u32) -> Result<usize, JsValue> {
        let m = Measure::from_name(measure)
            .ok_or_else(|| JsValue::from_str(&format!("unknown measure {measure}")))?;
        let mut out = 0usize;
        for _ in 0..reps {
            out = out.wrapping_add(self.prepared.run(m).map_err(|e| JsValue::from_str(&e))?);
        }
        Ok(out)
    }
}

/// The names of the measures, in the order they are printed.
#[wasm_bindgen]
pub fn measures() -> Vec<String> {
    Measure::ALL.iter().map(|m| m.name().to_string()).collect()
}
