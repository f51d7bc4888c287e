#!/usr/bin/env bash
# Puts the report's CJK font into the build output: PACKAGE@VERSION from the npm registry (npm's ordinary client and
# cache), the file FILE inside it, checked against SHA256, copied to OUT. The font is then inside the jar (and the
# image); the service never reads a font from the host. See docs/decisions/0006-credit-reports.md.
#   fetch-font.sh PACKAGE VERSION FILE SHA256 OUT
set -euo pipefail
pkg=$1 version=$2 file=$3 sha=$4 out=$5
cache=${PLATFORM_CACHE:-$HOME/.cache/publiccredit}/fonts/${pkg//\//_}-$version
cached=$cache/$(basename "$file")

digest() { sha256sum "$1" | cut -d' ' -f1; }

if [ -f "$out" ] && [ "$(digest "$out")" = "$sha" ]; then exit 0; fi
if [ ! -f "$cached" ] || [ "$(digest "$cached")" != "$sha" ]; then
  command -v npm >/dev/null || { echo "fetch-font: npm is needed once to fetch $pkg@$version (the report's CJK font)" >&2; exit 1; }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  echo "fetch-font: $pkg@$version (npm registry, once; then $cache)" >&2
  (cd "$work" && npm pack --silent "$pkg@$version" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work" "package/$file" "package/LICENSE_FONT"
  got=$(digest "$work/package/$file")
  [ "$got" = "$sha" ] || { echo "fetch-font: $file of $pkg@$version has SHA-256 $got, expected $sha" >&2; exit 1; }
  mkdir -p "$cache"
  cp "$work/package/LICENSE_FONT" "$cache/OFL.txt"
  cp "$work/package/$file" "$cached.part" && mv "$cached.part" "$cached"
fi
mkdir -p "$(dirname "$out")"
cp "$cached" "$out"
cp "$cache/OFL.txt" "$(dirname "$out")/report-cjk-OFL.txt"
