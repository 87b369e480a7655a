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

# Go programs are built as their releases are: from the module's own source (its
# go.mod, replace directives and go.sum), stripped and without paths
# (-trimpath -ldflags='-s -w'), the hard case for a scanner. `go install PKG@VERSION`
# would be simpler, but it asks the proxy for the module's version list, which a
# proxy that only serves named versions refuses. Two builds run at a time.
build_go() {
  local what=$1 dir=$2
  local pkg=${what%@*} ver=${what##*@}
  local target="$dir/go/$what" bin mod src rel tmp
  bin=$(basename "$pkg")
  [ -x "$target/$bin" ] && return 0
  mod=$pkg
  # Only the proxy: a path that is no module must not send the go command to a VCS.
  until src=$(GOPROXY=${GOPROXY_ONLY:-$(go env GOPROXY | sed 's/,direct$//')} GOFLAGS=-mod=mod go mod download -json "$mod@$ver" 2>/dev/null | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p') && [ -n "$src" ]; do
    [ "$mod" = "${mod%/*}" ] && { echo "fetch-samples: no module of $what on the proxy" >&2; return 1; }
    mod=${mod%/*}
  done
  rel=.${pkg#"$mod"}
  tmp=$(mktemp -d)
  cp -r "$src/." "$tmp" && chmod -R u+w "$tmp"
  case $mod in
    # frp embeds its web dashboard, which npm builds and the module leaves out: an
    # empty page stands in (rules look at the program, not at the dashboard).
    github.com/fatedier/frp) for d in "$tmp"/web/frp?; do mkdir -p "$d/dist" && : > "$d/dist/index.html"; done ;;
  esac
  echo "fetch-samples: building $what (minutes, once)" >&2
  local start=$SECONDS
  mkdir -p "$target.part"
  if (cd "$tmp" && GOWORK=off GOFLAGS=-mod=mod go build -trimpath -ldflags='-s -w' -o "$target.part/$bin" "$rel"); then
    rm -rf "$target" && mv "$target.part" "$target"
    echo "fetch-samples: built $what in $((SECONDS - start)) s" >&2
  else
    rm -rf "$target.part" "$tmp"
    return 1
  fi
  rm -rf "$tmp"
}
export -f build_go

awk '$1 == "go" {print $2}' <<< "$lines" | xargs -r -P 2 -I{} bash -c 'build_go "$1" "$2"' _ {} "$dir"
