#!/usr/bin/env bash
# make release: for each architecture (ARCHES, default "amd64 arm64") static binaries
# (CGO_ENABLED=0, -trimpath) stamped with the version, commit and date; their man
# pages and bash/zsh/fish completions, printed by a native build of the same source
# from its own command-line definition (--man, --completion); the unit from its
# template with /usr/bin; a .deb built by nfpm (deploy/nfpm.yaml) and a tarball; and
# SHA256SUMS over them. Everything lands in DIST (default dist/).
#
#   make release                                  # version from `git describe`
#   VERSION=1.2.0 ARCHES=amd64 DIST=/tmp/d scripts/release.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# The version: VERSION, else the latest v* tag (v1.2.0, or 1.2.0+3.gabcdef012345
# three commits past it), else 0.0.0~gitDATE.COMMIT; every one a valid Debian version.
commit=${COMMIT:-$(git rev-parse HEAD 2>/dev/null || echo unknown)}
if [ "$commit" != unknown ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  commit+=-dirty
fi
if [ -z "${VERSION:-}" ]; then
  if d=$(git describe --tags --match 'v[0-9]*' --abbrev=12 2>/dev/null); then
    VERSION=$(sed -E 's/^v//; s/-([0-9]+)-g([0-9a-f]+)$/+\1.g\2/' <<<"$d")
  else
    VERSION="0.0.0~git$(git log -1 --format=%cd --date=format:%Y%m%d 2>/dev/null || date -u +%Y%m%d).${commit:0:12}"
  fi
fi
# The date: the commit's (so a rebuild of one commit is stamped the same), in UTC.
DATE=${DATE:-$(TZ=UTC git log -1 --format=%cd --date=format-local:%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%SZ)}
ARCHES=${ARCHES:-amd64 arm64}
DIST=${DIST:-dist}
GO=${GO:-go}
NFPM=${NFPM:-$($GO env GOPATH)/bin/nfpm}
[ -x "$NFPM" ] || NFPM=$(command -v nfpm) || {
  echo "release: nfpm not found (scripts/test-deps.sh installs it: go install github.com/goreleaser/nfpm/v2/cmd/nfpm)" >&2
  exit 2
}

pkg=github.com/aupscan/aupscan/internal/version
ldflags="-s -w -X $pkg.version=$VERSION -X $pkg.commit=$commit -X $pkg.date=$DATE"
rm -rf "$DIST"
mkdir -p "$DIST"
echo "release: aupscan $VERSION (commit $commit, $DATE) for $ARCHES into $DIST" >&2

# The documents, from a native build: the same for every architecture.
docs=$DIST/docs
mkdir -p "$docs/bin"
CGO_ENABLED=0 $GO build -trimpath -ldflags "$ldflags" -o "$docs/bin/" ./cmd/aupscan ./cmd/aupscand
"$docs/bin/aupscan" --man | gzip -9n >"$docs/aupscan.1.gz"
"$docs/bin/aupscand" --man | gzip -9n >"$docs/aupscand.8.gz"
for prog in aupscan aupscand; do
  for sh in bash zsh fish; do
    "$docs/bin/$prog" --completion "$sh" >"$docs/$prog.$sh"
  done
done
sed 's|@BINDIR@|/usr/bin|g' deploy/aupscand.service.in >"$docs/aupscand.service"

for arch in $ARCHES; do
  stage=$DIST/aupscan_${VERSION}_linux_${arch}
  mkdir -p "$stage"
  CGO_ENABLED=0 GOOS=linux GOARCH=$arch $GO build -trimpath -ldflags "$ldflags" -o "$stage/" ./cmd/aupscan ./cmd/aupscand
  cp "$docs"/*.gz "$docs"/*.bash "$docs"/*.zsh "$docs"/*.fish "$docs/aupscand.service" "$stage/"
  ARCH=$arch VERSION=$VERSION STAGE=$stage "$NFPM" package --config deploy/nfpm.yaml --packager deb --target "$DIST/" >&2
  # The tarball, for installing by hand: binaries, documents, the source install's
  # unit (/usr/local/bin) and the packaged configuration.
  cp README.md LICENSE deploy/aupscand.toml "$stage/"
  cp deploy/aupscand.service "$stage/aupscand.service"
  tar -C "$DIST" --sort=name --owner=0 --group=0 --numeric-owner --mtime="$DATE" \
    -czf "$DIST/aupscan_${VERSION}_linux_${arch}.tar.gz" "$(basename "$stage")"
  rm -rf "$stage"
done
rm -rf "$docs"
(cd "$DIST" && sha256sum -- *.deb *.tar.gz >SHA256SUMS)
cat "$DIST/SHA256SUMS" >&2
