#!/usr/bin/env bash
# Builds the OCI image tarball of every service with Jib (jib:buildTar): no Docker engine needed.
# Each lands in <module>/target/image/<module>.tar (docker-save format: `docker load`, `skopeo copy
# docker-archive:...`, `crane push`, `ctr images import`), named ${IMAGE_REGISTRY}/<module>:${IMAGE_TAG}.
#
#   deploy/images.sh [--base registry|local|IMAGE] [--tag TAG] [--registry REGISTRY] [module ...]
#   deploy/images.sh --base-only      only build the local base image (target/base-image/jre-base.tar)
#
# The base image (see docs/decisions/0002-container-images.md):
#   registry  the one in the root pom (eclipse-temurin:21-jre), pulled from its registry; or any
#             IMAGE reference, e.g. a mirror: --base registry.example.gov.cn/base/eclipse-temurin:21-jre
#   local     no registry at all: a minimal base (Debian bookworm's libc and friends from Debian's
#             package archive, plus a jlink'ed Java runtime of the local JDK, 21 or newer) is built
#             into target/base-image/jre-base.tar and handed to Jib as tar://...
#   default   $IMAGE_BASE if set; otherwise `registry` when Docker Hub's registry resolves, else `local`.
# Environment: IMAGE_TAG (default: the project version), IMAGE_REGISTRY (default: the root pom's),
# BASE_JDK (the JDK for --base local; default $JAVA_HOME).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

ALL_MODULES=(gateway subject-service record-service search-service objection-service report-service)
base="${IMAGE_BASE:-}"
tag="${IMAGE_TAG:-}"
registry="${IMAGE_REGISTRY:-}"
modules=()
base_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base="$2"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    --registry) registry="$2"; shift 2 ;;
    --base-only) base_only=true; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) modules+=("$1"); shift ;;
  esac
done
[ ${#modules[@]} -gt 0 ] || modules=("${ALL_MODULES[@]}")
for m in "${modules[@]}"; do
  [ -f "$m/pom.xml" ] || { echo "no module $m (one of: ${ALL_MODULES[*]})" >&2; exit 2; }
done

if [ -z "$base" ]; then
  if getent hosts registry-1.docker.io >/dev/null 2>&1; then base=registry; else
    base=local
    echo "images: Docker Hub's registry does not resolve here: building the base image locally (--base local)"
  fi
fi

# ---- the local base image ---------------------------------------------------------------------------
# Two layers, like a distroless Java image: (1) the files of a few Debian bookworm packages, unpacked
# without their maintainer scripts (glibc, libstdc++, zlib, /etc/os-release, /etc/services), a passwd
# with the image's user 10001; (2) a Java runtime made by jlink from the local JDK with the modules a
# Spring Boot service uses (java.se plus jdk.unsupported, charsets and locale data for GBK and zh-CN,
# management and JFR for diagnostics) and a CDS archive for faster start-up.
DEBIAN_PACKAGES=(base-files netbase libc6 libgcc-s1 libstdc++6 zlib1g tzdata)
JRE_MODULES=java.se,jdk.unsupported,jdk.management,jdk.management.agent,jdk.jfr,jdk.jcmd,jdk.crypto.cryptoki,jdk.zipfs,jdk.naming.dns,jdk.localedata,jdk.charsets,jdk.net

build_local_base() {
  local out="$ROOT/target/base-image" jdk="${BASE_JDK:-${JAVA_HOME:-}}"
  [ -x "$jdk/bin/jlink" ] || { echo "BASE_JDK/JAVA_HOME must name a JDK with jlink (21 or newer)" >&2; exit 1; }
  local feature
  feature=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ "${feature%%.*}" -ge 21 ] || { echo "the base needs Java 21 or newer (the services are built for 21); $jdk is $feature" >&2; exit 1; }
  for tool in apt-get dpkg-deb sha256sum tar; do command -v "$tool" >/dev/null || { echo "--base local needs $tool" >&2; exit 1; }; done

  local work="$out/work"
  rm -rf "$work" && mkdir -p "$work/debs" "$work/os" "$work/jre/opt/java" "$out"
  echo "images: base layer 1: Debian packages ${DEBIAN_PACKAGES[*]}"
  (cd "$work/debs" && apt-get download -q=2 -o APT::Sandbox::User=root "${DEBIAN_PACKAGES[@]}" >/dev/null) || {
    echo "apt-get download failed: run 'apt-get update' first" >&2; exit 1; }
  local deb
  for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/os"; done
  rm -rf "$work/os/usr/share/doc" "$work/os/usr/share/man" "$work/os/usr/share/info" "$work/os/usr/share/lintian" "$work/os/usr/share/locale"
  mkdir -p "$work/os/tmp" "$work/os/home/app" "$work/os/etc"
  chmod 1777 "$work/os/tmp"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\napp:x:10001:10001:app:/home/app:/sbin/nologin\n' >"$work/os/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\napp:x:10001:\n' >"$work/os/etc/group"
  chown 10001:10001 "$work/os/home/app"
  ln -sf /usr/share/zoneinfo/Etc/UTC "$work/os/etc/localtime"
  echo "/lib/x86_64-linux-gnu" >"$work/os/etc/ld.so.conf"
  command -v ldconfig >/dev/null && ldconfig -r "$work/os" 2>/dev/null || true

  echo "images: base layer 2: jlink runtime from $jdk (Java $feature)"
  "$jdk/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --generate-cds-archive --output "$work/jre/opt/java/openjdk"

  # reproducible layers: sorted, fixed times, owned by root (but /home/app, the user's own)
  local tar_opts=(--sort=name --numeric-owner --mtime=@0)
  # (entries without a leading ./: Jib refuses an archive entry named ./)
  (cd "$work/os" && tar "${tar_opts[@]}" --owner=0 --group=0 --exclude=home/app -cf "$work/os.tar" $(ls -A))
  (cd "$work/os" && tar "${tar_opts[@]}" -rf "$work/os.tar" home/app)
  (cd "$work/jre" && tar "${tar_opts[@]}" --owner=0 --group=0 -cf "$work/jre.tar" opt)

  local os_sum jre_sum versions
  os_sum=$(sha256sum "$work/os.tar" | cut -d' ' -f1)
  jre_sum=$(sha256sum "$work/jre.tar" | cut -d' ' -f1)
  versions=$(for deb in "$work"/debs/*.deb; do dpkg-deb --showformat='${Package}=${Version}\n' -W "$deb"; done | paste -sd' ' -)
  mkdir -p "$work/image/$os_sum" "$work/image/$jre_sum"
  mv "$work/os.tar" "$work/image/$os_sum/layer.tar"
  mv "$work/jre.tar" "$work/image/$jre_sum/layer.tar"
  cat >"$work/image/config.json" <<EOF
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],
  "User":"10001:10001","WorkingDir":"/home/app",
  "Labels":{"org.opencontainers.image.title":"publiccredit/jre-base","org.opencontainers.image.description":"Debian bookworm libraries and a jlink Java $feature runtime, built by deploy/images.sh --base local","org.publiccredit.debian-packages":"$versions"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$os_sum","sha256:$jre_sum"]},
 "history":[{"created_by":"deploy/images.sh: Debian packages ${DEBIAN_PACKAGES[*]}"},{"created_by":"deploy/images.sh: jlink $JRE_MODULES"}]}
EOF
  printf '[{"Config":"config.json","RepoTags":["publiccredit/jre-base:%s"],"Layers":["%s/layer.tar","%s/layer.tar"]}]\n' \
    "$feature" "$os_sum" "$jre_sum" >"$work/image/manifest.json"
  (cd "$work/image" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf "$out/jre-base.tar" \
    manifest.json config.json "$os_sum/layer.tar" "$jre_sum/layer.tar")
  rm -rf "$work"
  echo "images: base image $out/jre-base.tar ($(du -h "$out/jre-base.tar" | cut -f1))"
}

if $base_only; then build_local_base; exit 0; fi

jib_props=(-Djib.disableUpdateChecks=true)
case "$base" in
  registry) ;;
  local) build_local_base; jib_props+=("-Djib.from.image=tar://$ROOT/target/base-image/jre-base.tar") ;;
  *) jib_props+=("-Djib.from.image=$base") ;;
esac
[ -n "$tag" ] && jib_props+=("-Dimage.tag=$tag")
[ -n "$registry" ] && jib_props+=("-Dimage.registry=$registry")

# One Maven run per service: -am builds what it needs (commons), and jib.containerize keeps Jib to the
# service itself (the library modules have no main class to containerize).
for m in "${modules[@]}"; do
  echo "images: building $m"
  ./mvnw -B -q -pl "$m" -am package jib:buildTar -DskipTests "-Djib.containerize=:$m" "${jib_props[@]}"
done

echo
echo "image tarballs:"
for m in "${modules[@]}"; do
  t="$m/target/image/$m.tar"
  [ -f "$t" ] || { echo "  $m: MISSING ($t)" >&2; exit 1; }
  name=$(tar -xOf "$t" manifest.json | sed -n 's/.*"RepoTags":\["\([^"]*\)".*/\1/p')
  digest=$(cat "$m/target/jib-image.digest" 2>/dev/null || echo "?")
  printf '  %-60s %6s  %s  %s\n' "$ROOT/$t" "$(du -h "$t" | cut -f1)" "$name" "$digest"
done
