#!/usr/bin/env bash
# Fuzzes the engine with cargo-fuzz (libFuzzer, nightly) and prints what was run.
#   scripts/fuzz.sh smoke [SECONDS]          each target for SECONDS (default 20): test.sh runs this
#   scripts/fuzz.sh run SECONDS [WORKERS]    the long run: each target for SECONDS on WORKERS
#                                            processes sharing a corpus (default 1)
# All targets run at once.
# Targets (bodies in tests/src/fuzzing.rs): read_only (any bytes read and checked as every kind
# of document, no scoring: fast), raw_text (any bytes as every kind of document) and
# structured (the bytes as the case generator's choices, so inputs reach scoring and ranking;
# every result is checked against the invariants) and regimes (the bytes as the regime
# generator's choices: tenders with a procurement block, each check result held to the regime
# invariants) and weights (the bytes as the weights family's choices: weights as shares of the
# whole award, tie-breaks by category). Seeds: fuzz/seeds/<target> (kept in the repo);
# the corpus grows in fuzz/corpus/<target> (not kept). A crash, a hang (an input running over
# 10 s) or running out of memory (over 2 GB) leaves the input in fuzz/artifacts/<target>/ and
# makes the script fail: add it to fuzz/seeds/<target>/ once fixed, so the replay test
# (tests/tests/fuzz_replay.rs) keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-smoke}
case "$mode" in
  smoke) seconds=${2:-20}; workers=1 ;;
  run) seconds=${2:?"usage: scripts/fuzz.sh run SECONDS [WORKERS]"}; workers=${3:-1} ;;
  *) echo "usage: scripts/fuzz.sh smoke [SECONDS] | run SECONDS [WORKERS]" >&2; exit 2 ;;
esac

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: needs the nightly toolchain and cargo-fuzz (scripts/setup.sh --test installs them)" >&2
  exit 1
fi

targets=(read_only raw_text structured regimes weights)
logs=target/fuzz-logs
mkdir -p "$logs"
# Every target, optimised, without a sanitizer: the engine forbids unsafe code
# (core/src/lib.rs), so AddressSanitizer would find nothing a panic does not, at a third of the
# speed. Panics, hangs and memory limits are what these runs look for.
(cd fuzz && cargo +nightly fuzz build -s none 2>&1 | tail -1) || {
  echo "fuzz: the targets did not build" >&2; exit 1; }

for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  for w in $(seq 1 "$workers"); do
    (cd fuzz && exec target/x86_64-unknown-linux-gnu/release/"$t" \
      "corpus/$t" "seeds/$t" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
      -artifact_prefix="artifacts/$t/" -print_final_stats=1 -reload=10 \
      >"../$logs/$t-$w.log" 2>&1) &
  done
done
# `wait` with no operand returns 0 whatever the processes did: their logs say how they ended.
wait

total=0
failed=0
printf '%-12s %8s %14s %10s %s\n' target seconds executions "per sec" outcome
for t in "${targets[@]}"; do
  runs=0
  outcome=ok
  for w in $(seq 1 "$workers"); do
    log="$logs/$t-$w.log"
    n=$(awk '/^stat::number_of_executed_units:/ {print $2}' "$log" | tail -1)
    runs=$((runs + ${n:-0}))
    if [[ -z "$n" ]] || grep -qE '^==[0-9]+==|^SUMMARY: libFuzzer|deadly signal|ALARM: working on the last Unit|panicked at' "$log"; then
      outcome=FAILED
      grep -E -A3 '^==[0-9]+==|panicked at|SUMMARY|Test unit written' "$log" | head -30 >&2 || true
    fi
  done
  [[ $outcome == ok ]] || failed=1
  total=$((total + runs))
  printf '%-12s %8s %14s %10s %s\n' "$t" "$((seconds * workers))" "$runs" "$((runs / (seconds * workers)))" "$outcome"
done
printf '%-12s %8s %14s\n' total "" "$total"
echo "(logs in $logs; seconds are process seconds, $workers process(es) per target, all targets at once)"
exit $failed
