#!/usr/bin/env bash
# Prints the speed figures of issue 7 and checks them against their budgets:
#   for 12 bids x 25 criteria x 4 evaluators and 1,000 x 50 x 5, the time to parse the input only
#   (serde_json), to read and validate it, to score it (lean ranking and full explained result)
#   and end to end (read, score, serialise), natively (release) and in wasm in headless Chromium
#   (built as it ships, wasm-opt -Oz: by default as the app, profile wasm-app; with
#   `scripts/bench.sh wasm-release`, as the JS API package); then the ratios.
# Exit status 1 if a budget is over. Takes a few minutes; not part of test.sh (speed is checked
# by benchmarks, never by timed unit tests). For criterion's statistics: cargo bench -p ulo-bench.
#
# `scripts/bench.sh memory [ULO_BEFORE [PKG_BEFORE]]` instead reports issue 13's figures: for
# 1,000 and 5,000 bids x 100 criteria x 7 evaluators (12.8 MB and 64 MB of bids), the time,
# peak memory (RSS, /usr/bin/time -v) and output size of `ulo score --json` (full and
# --summary) and of the JS API's score in Node (full and summary; dist/pkg, built by
# scripts/build-package.sh), and, given a `ulo` binary and a package folder built from another
# commit (say main), the same for them. Takes about ten minutes.
#
# `scripts/bench.sh paint [APP_BEFORE]` instead reports issue 11's input-to-paint in the app: it
# builds the app (scripts/build-web.sh), generates 12 x 25 x 4 and 200 x 25 x 4 workloads, puts
# each into the app as its saved tender, types a mark in the scoring grid 20 times and prints,
# per size, the median and p95 of the time from the input event to the frame that paints the
# new total, to the DOM change, and the page's main-thread CPU time per edit
# (bench/paint/run.mjs says how); given another build of the app (a copy of dist/app built
# from another commit), the same for it, the two taking turns edit by edit. About 3 minutes.
# Measured on 2 shared, busy cores (so wall-clock figures vary run to run; compare CPU), 40
# edits, before (main: every change scored with every explanation, the bids read twice) and
# after (the lean summary on each change, the explained result only when a screen asks):
#   size       build    paint med   p95   DOM med   p95   CPU med   p95   (ms)
#   12x25x4    before        65.0   89.2     52.1   74.9     48.9   62.6
#   12x25x4    after         56.7   71.0     48.3   62.7     47.2   57.0
#   200x25x4   before       994.0 1341.8    933.7 1240.1    855.9 1098.2
#   200x25x4   after        891.3 1143.9    812.4 1078.0    742.1  928.9
# What is left at 200 bids is mostly the app's own work, not scoring: cloning the workspace's
# JSON (undo, the model's memo), the grid's 4,800 cells drawn again and Yew's diff of them.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = paint ]; then
  before=${2:-}
  scripts/setup.sh --test >/dev/null
  scripts/build-web.sh
  cargo build -q --release -p ulo-bench --example dump
  out=target/bench/paint
  for size in 12x25x4 200x25x4; do
    mkdir -p "$out/$size"
    [ -f "$out/$size/bids.json" ] || target/release/examples/dump ${size//x/ } "$out/$size"
  done
  node bench/paint/run.mjs "$out" after=dist/app ${before:+before="$before"}
  exit 0
fi
if [ "${1:-}" = memory ]; then
  before=${2:-}
  pkg_before=${3:-}
  cargo build -q --release -p ulo-cli
  cargo build -q --release -p ulo-bench --example dump
  row() { printf '%-28s %-10s %8s s %8s MB %12s bytes out %s\n' "$@"; }
  cli() { # label binary dir flags...
    local label=$1 bin=$2 dir=$3; shift 3
    local out=target/bench/memory-out.json err=target/bench/memory-time.txt
    set +e
    /usr/bin/time -v "$bin" score "$dir/tender.json" "$dir/bids.json" --protocol "$dir/protocol.json" --json "$@" >"$out" 2>"$err"
    local rc=$?
    set -e
    local secs rss code
    secs=$(grep 'Elapsed (wall clock)' "$err" | awk '{print $NF}')
    rss=$(( $(grep 'Maximum resident set size' "$err" | awk '{print $NF}') / 1024 ))
    code=$(grep -o 'ulo::[a-z-]*' "$out" | head -1 || true)
    row "$label" "cli $*" "$secs" "$rss" "$(stat -c %s "$out")" "exit $rc ${code}"
  }
  api() { # label pkg dir detail
    local r
    r=$(node bench/memory/api.mjs "$2" "$3" "$4" 2>&1 | tail -1)
    row "$1" "api $4" "$(echo "$r" | sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p')" \
      "$(echo "$r" | sed -n 's/.*"peak_rss_mb":\([0-9]*\).*/\1/p')" \
      "$(echo "$r" | sed -n 's/.*"answer_chars":\([0-9]*\).*/\1/p')" "$r"
  }
  mkdir -p target/bench
  for bids in 1000 5000; do
    dir=target/bench/w$bids
    mkdir -p "$dir"
    [ -f "$dir/bids.json" ] || target/release/examples/dump "$bids" 100 7 "$dir"
    echo "==> $bids bids x 100 criteria x 7 evaluators: $(stat -c %s "$dir/bids.json") bytes of bids"
    cli "after" target/release/ulo "$dir"
    cli "after" target/release/ulo "$dir" --summary
    if [ -f dist/pkg/ulo.js ]; then
      api "after" dist/pkg "$dir" full
      api "after" dist/pkg "$dir" summary
    fi
    if [ -n "$before" ]; then cli "before" "$before" "$dir"; fi
    if [ -n "$pkg_before" ]; then api "before" "$pkg_before" "$dir" full; fi
  done
  exit 0
fi
profile=${1:-wasm-app}
case "$profile" in
  wasm-app | wasm-release) ;;
  *) echo "usage: scripts/bench.sh [wasm-app|wasm-release] | memory [ULO_BEFORE [PKG_BEFORE]] | paint [APP_BEFORE]" >&2; exit 2 ;;
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
