#!/usr/bin/env bash
# Builds the portal with the machine's own Node.js and npm (no Node download): `npm ci` when the lock file changed,
# then the type check and the Vite build when a source changed, and copies the result to $1 (the jar's static/).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: maven-build.sh OUTPUT_DIR}
command -v npm >/dev/null || { echo "npm not found: the portal needs Node.js 20.19+ with npm" >&2; exit 1; }
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
stamp=dist/.built
if [ ! -f "$stamp" ] || [ -n "$(find src public index.html vite.config.ts tsconfig.json package-lock.json -newer "$stamp" -print -quit)" ]; then
  if [ -n "${PORTAL_SKIP_TYPECHECK:-}" ]; then npx vite build --logLevel warn; else npm run build --silent; fi
  touch "$stamp"
fi
rm -rf "$out"
mkdir -p "$out"
cp -r dist/. "$out"/
rm -f "$out/.built"
