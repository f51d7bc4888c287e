#!/usr/bin/env bash
# The portal's end-to-end tests (Playwright, Debian's Chromium) against the running local stack.
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "no Chromium at $chromium: install Debian's chromium (deploy/ci-packages.txt)" >&2; exit 1; }
url=${PORTAL_URL:-http://localhost:8080}
curl -fsS "$url/portal-config.json" >/dev/null || { echo "the gateway at $url does not serve the portal: ./platform up" >&2; exit 1; }
export E2E_OUTPUT=${E2E_OUTPUT:-target/e2e-results} SCREENSHOT_DIR=${SCREENSHOT_DIR:-target/screenshots}
npx playwright test "$@"
