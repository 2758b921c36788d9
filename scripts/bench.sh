#!/usr/bin/env bash
# Prints the speed figures of issue 7 and checks them against their budgets:
#   for 12 bids x 25 criteria x 4 evaluators and 1,000 x 50 x 5, the time to parse the input only
#   (serde_json), to read and validate it, to score it (lean ranking and full explained result)
#   and end to end (read, score, serialise), natively (release) and in wasm in headless Chromium
#   (built as it ships, wasm-opt -Oz: by default as the app, profile wasm-app; with
#   `scripts/bench.sh wasm-release`, as the JS API package); then the ratios.
# Exit status 1 if a budget is over. Takes a few minutes; not part of test.sh (speed is checked
# by benchmarks, never by timed unit tests). For criterion's statistics: cargo bench -p ulo-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-wasm-app}
case "$profile" in
  wasm-app | wasm-release) ;;
  *) echo "usage: scripts/bench.sh [wasm-app|wasm-release]" >&2; exit 2 ;;
esac
scripts/setup.sh --test >/dev/null
out=target/bench
mkdir -p "$out/wasm"

echo "==> native figures (release)"
cargo build --release -p ulo-bench --bin figures
target/release/figures --json "$out/native.json"

echo "==> wasm bench ($profile, wasm-opt -Oz)"
cargo build -p ulo-bench-wasm --target wasm32-unknown-unknown --profile "$profile"
wasm-bindgen --target web --no-typescript --out-dir "$out/wasm" \
  "target/wasm32-unknown-unknown/$profile/ulo_bench_wasm.wasm"
tools/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/wasm/ulo_bench_wasm_bg.wasm" -o "$out/wasm/ulo_bench_wasm_bg.wasm"
cp bench/wasm/index.html "$out/wasm/"
node bench/wasm/run.mjs "$out/wasm" "$out/native.json" "$profile"
