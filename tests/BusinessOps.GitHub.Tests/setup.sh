#!/usr/bin/env bash
# Installs the test-only npm tools (Prism, GitHub's OpenAPI description, webhook examples) into npm/node_modules,
# pinned by npm/package-lock.json. The tests run the same step themselves when the folder is missing, so calling
# this first only moves the download out of the test timings. Needs Node.js 18+ and npm (Debian: apt-get install nodejs npm).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v npm >/dev/null 2>&1; then
  echo "setup.sh: npm is required for the GitHub contract and webhook tests (apt-get install -y nodejs npm)." >&2
  exit 1
fi
npm ci --prefix "$here/npm" --no-audit --no-fund --loglevel=error
