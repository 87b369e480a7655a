#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: Debian packages by name and Go
# tools with `go install`. Idempotent: a second run installs nothing new.
set -euo pipefail

# Debian packages the tests run for real (live capture peers, host-scan samples).
apt_pkgs=(iproute2)

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test-deps: not root, cannot install: ${missing[*]} (tests that need them skip)" >&2
  else
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

# Go tools the tests start: mailpit is the real SMTP server of the notifier's tests.
gobin=$(go env GOPATH)/bin
[ -x "$gobin/mailpit" ] || go install github.com/axllent/mailpit@v1.27.11
