#!/usr/bin/env bash
# Runs every test: sets up the machine if needed (Chromium and ChromeDriver included), then
#  1. formatting and lints (native and wasm32),
#  2. the native test suite (unit, conformance, property, schema agreement, CLI),
#  3. the conformance cases, 1,200 generated cases and 200 generated regime cases compiled to
#     wasm32 in headless Chromium
#     (byte-identical results), and a bounded fuzz smoke run (cargo-fuzz, 15 s per target),
#  4. the browser app and package builds; the JS API's tests (Node, and tsc over its
#     declarations); end-to-end tests of the commissioner app, the bidder self-check, the
#     example portal and the embeddable frame
#     in headless Chromium,
#  5. the size report.
set -euo pipefail
cd "$(dirname "$0")"
started=$(date +%s)
step() { printf '\n==> %s\n' "$*"; }

step "set-up"
scripts/setup.sh --test

step "formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p ulo-core -p ulo-web -p ulo-wasm -p ulo-conformance -p ulo-bench-wasm --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests"
cargo test --workspace

step "the core builds for wasm32"
cargo build -p ulo-core --target wasm32-unknown-unknown --release

step "conformance and generated cases in wasm32, in headless Chromium"
cargo test -p ulo-conformance --target wasm32-unknown-unknown --test wasm_conformance

step "fuzz smoke run (cargo-fuzz on nightly; long runs: scripts/fuzz.sh run SECONDS)"
scripts/fuzz.sh smoke 15

step "browser builds"
scripts/build-web.sh
scripts/build-package.sh

step "end-to-end tests in headless Chromium"
cargo build -p ulo-cli                                # the real-week test compares the page with the CLI
node tests/api/api.test.mjs                          # the JS API over the wasm package (Node)
tools/node_modules/.bin/tsc -p tests/api/tsconfig.json   # ulo.d.ts against a typed example and real answers
node tests/e2e/app.e2e.mjs                           # the commissioner app
node tests/e2e/bidder.e2e.mjs                        # the bidder self-check
node tests/e2e/grid.e2e.mjs                          # the scoring grid and the report (issue 16, items 12 and 14)
node tests/e2e/storage.e2e.mjs                       # saving: a full quota, unusable saves, two tabs
node tests/e2e/week.e2e.mjs                          # a commissioner's week: tenders side by side, restore, undo
node tests/e2e/models.e2e.mjs                        # every award model (issue 15): three lots, three models, from scratch
node tests/e2e/portal.e2e.mjs                        # the example portal and the frame's postMessage protocol

step "sizes"
scripts/size-report.sh --no-build

printf '\nAll tests passed in %s s.\n' "$(( $(date +%s) - started ))"
