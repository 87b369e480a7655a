#!/usr/bin/env bash
# Fetches the real programs that built-in rules' examples name as samples
# (`aupscan rules samples` lists them): files from Debian packages, unpacked with
# dpkg-deb -x and never installed (no services start, no conflicts between them),
# and Go programs built from the Go module proxy. Samples are not shipped in the
# repository: they are large and not ours to redistribute. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${AUPSCAN_SAMPLES:-/var/cache/aupscan/samples}
mkdir -p "$dir/deb" "$dir/go"

lines=$(go run ./cmd/aupscan rules samples)
debs=()
while read -r kind what; do
  case $kind in
    deb) [ -d "$dir/deb/$what" ] || debs+=("$what") ;;
  esac
done <<< "$lines"

if [ ${#debs[@]} -gt 0 ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  [ -n "$(find /var/lib/apt/lists -name '*Packages*' -print -quit 2>/dev/null)" ] || apt-get -o DPkg::Lock::Timeout=600 update -qq
  (cd "$tmp" && apt-get download -q "${debs[@]}" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  for p in "${debs[@]}"; do
    deb=$(ls "$tmp"/"${p}"_*.deb)
    rm -rf "$dir/deb/$p.part"
    dpkg-deb -x "$deb" "$dir/deb/$p.part"
    mv "$dir/deb/$p.part" "$dir/deb/$p"
  done
fi

while read -r kind what; do
  [ "$kind" = go ] || continue
  pkg=${what%@*}
  target="$dir/go/$what"
  [ -x "$target/$(basename "$pkg")" ] && continue
  echo "fetch-samples: building $what (this takes a few minutes once)" >&2
  GOBIN="$target" GOFLAGS=-mod=mod go install -trimpath "$what"
done <<< "$lines"
