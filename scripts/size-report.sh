#!/usr/bin/env bash
# Prints the release sizes (raw and gzip -9) of the browser app and of the core's JS/wasm
# package, so size budgets can be tracked. Builds both first unless --no-build is given.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != "--no-build" ]]; then
  scripts/build-web.sh >/dev/null
  scripts/build-package.sh >/dev/null
fi
row() {
  local label=$1 file=$2
  if [[ ! -f "$file" ]]; then
    printf '%-44s %12s %12s\n' "$label" "missing" "-"
    return
  fi
  local raw gz
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  printf '%-44s %12s %12s\n' "$label" "$raw" "$gz"
}
first_load() {
  local total=0 f
  for f in "$@"; do total=$((total + $(gzip -9 -c "$f" | wc -c))); done
  echo "$total"
}
echo "Release sizes in bytes (app: wasm-app profile; package: wasm-release; both wasm-opt -Oz)"
printf '%-44s %12s %12s\n' "artefact" "raw" "gzip -9"
row "app: dist/app/ulo-web_bg.wasm" dist/app/ulo-web_bg.wasm
row "app: dist/app/ulo-web.js" dist/app/ulo-web.js
row "core API: dist/pkg/ulo_wasm_bg.wasm" dist/pkg/ulo_wasm_bg.wasm
row "core API: dist/pkg/ulo_wasm.js" dist/pkg/ulo_wasm.js
row "core API: dist/pkg/ulo.js" dist/pkg/ulo.js
printf '%-44s %12s %12s\n' "app first load (all files, gzip -9)" "" \
  "$(first_load dist/app/*.wasm dist/app/*.js dist/app/*.html dist/app/*.css)"
printf '%-44s %12s %12s\n' "core API package (ulo.js + glue + wasm)" "" \
  "$(first_load dist/pkg/ulo.js dist/pkg/ulo_wasm.js dist/pkg/ulo_wasm_bg.wasm)"
