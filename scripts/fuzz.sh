#!/usr/bin/env bash
# fuzz.sh [PKG...]: runs every native Go fuzz target of the packages (all by default)
# for FUZZTIME each (30s unless set), one target at a time, and stops at the first
# failure (Go writes the failing input under the package's testdata/fuzz/ folder, where
# it becomes a seed that `go test` runs from then on).
# Targets are found with `go test -list`, so a new Fuzz function needs no registration.
# FUZZ_ONLY and FUZZ_SKIP (extended regexes, matched against "PKG TARGET") narrow the
# run, e.g. to give new targets longer than the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-30s}
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || mapfile -t pkgs < <(go list ./...)

total=0
start=$(date +%s)
for pkg in "${pkgs[@]}"; do
  targets=$(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true)
  for t in $targets; do
    if ! grep -qE "${FUZZ_ONLY:-.}" <<<"$pkg $t" || { [ -n "${FUZZ_SKIP:-}" ] && grep -qE "$FUZZ_SKIP" <<<"$pkg $t"; }; then
      continue
    fi
    echo "fuzz: $pkg $t for $fuzztime" >&2
    go test -run '^$' -fuzz "^${t}\$" -fuzztime "$fuzztime" "$pkg"
    total=$((total + 1))
  done
done
echo "fuzz: $total targets, $(( $(date +%s) - start )) s, no failure" >&2
