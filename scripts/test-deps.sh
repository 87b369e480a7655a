#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: Debian packages by name and Go
# tools with `go install`. Idempotent: a second run installs nothing new.
set -euo pipefail

# Debian packages the tests run for real: network namespaces, the programs the live
# tests start (a VPN between namespaces, proxies listening on loopback), tcpdump
# (libpcap reading the capture files the tests write), the PostgreSQL server
# scripts/with-postgres.sh runs for the case store's tests, the archivers whose real
# output the archive tests open (gzexe comes with gzip), strip and objcopy
# (binutils) for the VM root test's stripped programs, and the receivers of the
# outputs' tests (rsyslogd with its TLS driver, Alertmanager). The traffic scanner's
# real captures run n2n, nebula, litecoind (with litecoin-cli), tor, curl, openssl
# and sstpc (sstp-client) between namespaces. The libvirt suspension action's tests
# start libvirtd (libvirt-daemon, with its QEMU driver) in session mode and run tiny
# QEMU domains under software emulation (qemu-system-x86, which brings SeaBIOS).
# strace counts the system calls of a walk (its cost must grow linearly with depth).
# The release's tests: systemd (systemd-analyze verify of the unit), groff (renders
# the man pages), zsh and fish (the completion scripts run in each shell), git (the
# install test's fresh clone). Chromium is the real browser the case pages'
# end-to-end test drives (chromedp, headless).
apt_pkgs=(chromium iproute2 openvpn tinyproxy dante-server tcpdump postgresql n2n nebula litecoind tor curl openssl sstp-client
  zip 7zip makeself xz-utils zstd bzip2 gzip rsyslog rsyslog-gnutls prometheus-alertmanager libvirt-daemon qemu-system-x86
  binutils strace systemd groff-base zsh fish git)

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test-deps: not root, cannot install: ${missing[*]} (tests that need them skip)" >&2
  else
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    # Installing a server must not start it: the tests start what they need.
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
    rm -f /usr/sbin/policy-rc.d
  fi
fi

# Go tools the tests start: mailpit is the real SMTP server of the notifier's tests.
gobin=$(go env GOPATH)/bin
[ -x "$gobin/mailpit" ] || go install github.com/axllent/mailpit@v1.27.11
# staticcheck runs in `make vet`, beside go vet.
[ -x "$gobin/staticcheck" ] || go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
# nfpm builds the .deb in `make release` and deploy's package test.
[ -x "$gobin/nfpm" ] || go install github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.48.0

# Real programs that rule examples name as samples (Debian packages unpacked, Go
# programs built from the module proxy), cached in /var/cache/aupscan/samples.
if [ "$(id -u)" -eq 0 ] || [ -n "${AUPSCAN_SAMPLES:-}" ]; then
  "$(dirname "$0")/fetch-samples.sh"
else
  echo "test-deps: not root: set AUPSCAN_SAMPLES to a writable folder to fetch rule samples" >&2
fi
