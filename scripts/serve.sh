#!/usr/bin/env bash
# Serves dist/app on 127.0.0.1 (port $PORT, default 8080). The page makes no request beyond
# this origin; python3's http.server gives .wasm its proper MIME type.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-8080}"
echo "ulo is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist/app
