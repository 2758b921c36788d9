#!/usr/bin/env bash
# Builds the embeddable JS/wasm package into dist/pkg: ulo-core behind wasm-bindgen (the
# bindings crate), its ES-module glue, wasm-opt -Oz.
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist/pkg
cargo build -p ulo-wasm --target wasm32-unknown-unknown --profile wasm-release
mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" \
  target/wasm32-unknown-unknown/wasm-release/ulo_wasm.wasm
tools/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/ulo_wasm_bg.wasm" -o "$out/ulo_wasm_bg.wasm"
if [[ -d bindings/package ]]; then cp -r bindings/package/. "$out/"; fi
echo "built $out"
