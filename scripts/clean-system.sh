#!/usr/bin/env bash
# The clean-system measurement: the Debian packages of
# testdata/clean-system/packages.txt (the most installed packages outside the
# catalog: scripts/clean-system-list.sh), downloaded with `apt-get download` (never
# installed), unpacked with `dpkg-deb -x` into one tree, and scanned as a VM root
# (`aupscan host --root TREE`: the walked folders, /etc's configurations, what units
# and crontabs start) and whole (`aupscan files TREE`: libraries, /usr/share, every
# file). Every finding is a false positive: the script prints them and exits 1.
# Usage: scripts/clean-system.sh [COUNT]   (the first COUNT packages; default all)
# The .deb files are kept in $AUPSCAN_CLEAN_SYSTEM (default
# /var/cache/aupscan/clean-system), the tree is made anew there each run.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
cache=${AUPSCAN_CLEAN_SYSTEM:-/var/cache/aupscan/clean-system}
mapfile -t pkgs < <(grep -v '^#' testdata/clean-system/packages.txt | sed -n "1,${1:-\$}p")
mkdir -p "$cache/debs"

# Download what the cache lacks, 100 names an apt-get call.
missing=()
for p in "${pkgs[@]}"; do
  compgen -G "$cache/debs/${p}_*.deb" > /dev/null || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ -n "$(find /var/lib/apt/lists -name '*Packages*' -print -quit 2>/dev/null)" ] || apt-get -o DPkg::Lock::Timeout=600 update -qq
  echo "clean-system: downloading ${#missing[@]} packages into $cache/debs" >&2
  printf '%s\n' "${missing[@]}" | (cd "$cache/debs" && xargs -n 100 apt-get download -qq 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  # A batch fails whole when one candidate cannot be downloaded (a package this
  # machine has from elsewhere, pinned above Debian's): what is still missing is
  # fetched at the archive's newest versions (one apt-cache madison, one apt-get).
  left=()
  for p in "${missing[@]}"; do
    compgen -G "$cache/debs/${p}_*.deb" > /dev/null || left+=("$p")
  done
  if [ ${#left[@]} -gt 0 ]; then
    mapfile -t pinned < <(apt-cache madison "${left[@]}" | awk -F'|' '$3 ~ /Packages *$/ {gsub(/ /, "", $1); gsub(/ /, "", $2); if (!($1 in seen)) {seen[$1] = 1; print $1 "=" $2}}')
    (cd "$cache/debs" && apt-get download -qq "${pinned[@]}" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  fi
fi

tree=$cache/tree
rm -rf "$tree" && mkdir -p "$tree"
for p in "${pkgs[@]}"; do
  debs=("$cache/debs/${p}"_*.deb)
  [ -f "${debs[0]}" ] || { echo "clean-system: $p was not downloaded" >&2; exit 2; }
  dpkg-deb -x "${debs[-1]}" "$tree"
done
files=$(find "$tree" -type f | wc -l)
bytes=$(find "$tree" -type f -printf '%s\n' | awk '{s += $1} END {printf "%.0f", s}')
echo "clean-system: ${#pkgs[@]} packages unpacked into $tree: $files files, $((bytes >> 20)) MiB" >&2

go build -o "$cache/aupscan" ./cmd/aupscan
status=0
# run NAME ARGS...: one scan, its findings (JSON Lines) and its speed.
run() {
  local name=$1; shift
  local rc=0
  /usr/bin/time -f '%e %U %S %M' -o "$cache/$name.time" "$cache/aupscan" --format json "$@" > "$cache/$name.jsonl" 2> "$cache/$name.err" || rc=$?
  local line wall user sys rss n sfiles smib
  line=$(grep -m1 '^scanned ' "$cache/$name.err" || true)
  read -r wall user sys rss < "$cache/$name.time"
  n=$(wc -l < "$cache/$name.jsonl")
  sfiles=$(sed -n 's/^scanned \([0-9]*\) files.*/\1/p' <<< "$line")
  smib=$(sed -n 's/^scanned [0-9]* files, \([0-9.]*\) MiB.*/\1/p' <<< "$line")
  printf '%-6s %s findings; %s files, %s MiB in %s s wall (%s s user, %s s system, %d MiB peak): %s files/s, %s MB/s\n' \
    "$name" "$n" "$sfiles" "$smib" "$wall" "$user" "$sys" "$((rss >> 10))" \
    "$(awk -v f="$sfiles" -v t="$wall" 'BEGIN {printf "%.0f", f / t}')" \
    "$(awk -v m="$smib" -v t="$wall" 'BEGIN {printf "%.1f", m * 1.048576 / t}')"
  if [ "$n" -gt 0 ] || [ "$rc" -ne 0 ]; then
    status=1
    cat "$cache/$name.jsonl"
    [ "$rc" -le 1 ] || sed 's/^/  /' "$cache/$name.err"
  fi
}
echo "clean-system: ${#pkgs[@]} packages, $files files, $bytes bytes"
run host host --root "$tree"
run files files "$tree"
cd "$repo"
exit $status
