#!/usr/bin/env bash
# Installs aupscan from source by the README's steps as they are written (the two sh
# blocks after "**From source**": install, then remove), run line by line from the
# README itself, so the README cannot say one thing while this tests another. Between
# the two it checks what the install must give: the programs answer --version, the
# configuration is root:aupscan 0640, the unit passes systemd-analyze verify, and the
# unit's first step, check-config as the aupscan user, succeeds. After the removal,
# nothing is left. Lines starting with systemctl run only where systemd is PID 1.
#
# As root, in a clone of the repository (deploy's TestInstallFromSource makes a fresh
# one); KEEP=1 leaves the install in place.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "install-test: needs root: it installs into /usr/local/bin and /etc" >&2; exit 2; }

# block N: the Nth sh block after the "**From source**" paragraph.
block() {
  awk -v n="$1" '/^\*\*From source\*\*/ { on = 1 }
    on && /^```sh$/ { if (++c == n) { inb = 1; next } }
    inb && /^```$/ { exit }
    inb { print }' README.md
}
systemd=no
[ -d /run/systemd/system ] && systemd=yes
runblock() {
  local line
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    if [[ $line == systemctl* ]] && [ $systemd = no ]; then
      echo "install-test: skipped, systemd is not running: $line" >&2
      continue
    fi
    echo "+ $line" >&2
    bash -euo pipefail -c "$line" || { echo "install-test: the README's step failed: $line" >&2; exit 1; }
  done
}
fail() { echo "install-test: $*" >&2; exit 1; }

install=$(block 1)
remove=$(block 2)
[ -n "$install" ] && [ -n "$remove" ] || fail "README.md: no install and removal sh blocks after **From source**"

runblock <<<"$install"

for p in aupscan aupscand; do
  /usr/local/bin/$p --version >&2 || fail "$p --version failed"
done
[ "$(stat -c '%a %U:%G' /etc/aupscan/aupscand.toml)" = "640 root:aupscan" ] ||
  fail "/etc/aupscan/aupscand.toml is $(stat -c '%a %U:%G' /etc/aupscan/aupscand.toml), want 640 root:aupscan"
if command -v systemd-analyze >/dev/null; then
  out=$(systemd-analyze verify --man=no /etc/systemd/system/aupscand.service 2>&1) || fail "systemd-analyze verify: $out"
  [ -z "$out" ] || fail "systemd-analyze verify: $out"
fi
grep -q '^ExecStartPre=/usr/local/bin/aupscand check-config --config /etc/aupscan/aupscand.toml$' /etc/systemd/system/aupscand.service ||
  fail "the unit's ExecStartPre is not check-config of /usr/local/bin/aupscand"
# The unit's first step, as the unit runs it: its user, its command line.
runuser -u aupscan -- /usr/local/bin/aupscand check-config --config /etc/aupscan/aupscand.toml ||
  fail "check-config as the aupscan user failed"
echo "install-test: check-config as the aupscan user: ok" >&2

[ "${KEEP:-}" = 1 ] && exit 0
runblock <<<"$remove"
for p in /usr/local/bin/aupscan /usr/local/bin/aupscand /etc/aupscan /var/lib/aupscan /etc/systemd/system/aupscand.service; do
  [ ! -e "$p" ] || fail "$p is left after the README's removal steps"
done
! getent passwd aupscan >/dev/null || fail "the user aupscan is left after the README's removal steps"
echo "install-test: removed" >&2
