#!/usr/bin/env bash
# Installs what ulo needs on a fresh machine, idempotently: quick when all is present.
#   scripts/setup.sh         tools to build and run the app
#   scripts/setup.sh --test  also Chromium and ChromeDriver for the browser tests, cargo-fuzz
# Everything comes from the package registries (crates.io, npm, Debian); nothing else is
# downloaded. Versions are pinned: wasm-bindgen-cli to the wasm-bindgen in Cargo.lock, npm
# tools by tools/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

say() { printf '==> %s\n' "$*"; }

# 1. The wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli at exactly the version in Cargo.lock (library and CLI must match).
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [[ -z "$wb_version" ]]; then
  echo "setup: cannot find wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [[ "$have" != "$wb_version" ]]; then
  say "installing wasm-bindgen-cli $wb_version (takes a few minutes, once)"
  # Not --locked: its lock file pins a crate the registry no longer serves (see toolchain notes).
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

# 3. npm tools: wasm-opt (binaryen), playwright-core, axe-core, typescript, pinned by the lock file.
if [[ ! -x tools/node_modules/.bin/wasm-opt || ! -x tools/node_modules/.bin/tsc || tools/package-lock.json -nt tools/node_modules/.package-lock.json ]]; then
  say "installing npm tools (binaryen, playwright-core, axe-core, typescript)"
  npm ci --prefix tools --no-audit --no-fund --loglevel=error
fi

# 4. For tests: Debian's Chromium and ChromeDriver.
if [[ $want_test == 1 ]]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing chromium and chromium-driver from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
# 5. For tests: cargo-fuzz (crates.io) on the nightly toolchain, for the fuzz smoke run.
if [[ $want_test == 1 ]]; then
  if ! rustup toolchain list | grep -q '^nightly'; then
    say "installing the nightly toolchain (for cargo-fuzz)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    say "installing cargo-fuzz 0.13.2 (a minute, once)"
    cargo install cargo-fuzz --version 0.13.2 --locked
  fi
fi
say "set-up complete"
