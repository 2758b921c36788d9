#!/usr/bin/env bash
# Runs ulo: sets up the machine if needed, builds the browser app, and serves it on
# http://127.0.0.1:8080/ with the shipped protocol and worked example loaded.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
scripts/build-web.sh
exec scripts/serve.sh
