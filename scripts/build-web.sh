#!/usr/bin/env bash
# Builds the browser app into dist/app: the Yew app compiled to wasm32 with the size-optimised
# profile, its JS glue from wasm-bindgen, wasm-opt -Oz, and the static files.
# (No Trunk: see ARCHITECTURE.md. This is the whole build.)
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist/app
cargo build -p ulo-web --target wasm32-unknown-unknown --profile wasm-app
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  target/wasm32-unknown-unknown/wasm-app/ulo-web.wasm
tools/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/ulo-web_bg.wasm" -o "$out/ulo-web_bg.wasm"
cp web/static/* "$out/"
echo "built $out"
