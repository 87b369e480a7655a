#!/usr/bin/env bash
# Times a host scan of the same tree (>= 500 MB of binaries, text and random data)
# with the same 1,000 literal patterns and 1,000 SHA-256 hashes in aupscan, ClamAV's
# clamscan (.ndb/.hsb) and yara (one rule file), alternating, in one run; prints
# MB/s and peak memory of each and the ratios. Run by hand, not by make test:
#   scripts/bench-host.sh [PASSES] [MB]
# Needs Debian's clamav and yara (apt-get install clamav yara).
set -euo pipefail
cd "$(dirname "$0")/.."
passes=${1:-3}
mb=${2:-512}
work=${BENCH_DIR:-/tmp/aupscan-bench-host}
mkdir -p "$work"
[ -f "$work/tree/.done-$mb" ] || { python3 scripts/bench/mktree.py "$work" "$mb"; touch "$work/tree/.done-$mb"; }
go build -o "$work/aupscan" ./cmd/aupscan
size=$(du -sb --apparent-size "$work/tree" | cut -f1)

run() { # name command... -> "seconds maxrss_kb"
  /usr/bin/time -f '%e %M' -o "$work/time.$1" "${@:2}" > "$work/out.$1" 2> "$work/err.$1" || true
  tail -n 1 "$work/time.$1"
}
declare -A secs rss
tools=(aupscan clamscan yara)
cmd_aupscan=("$work/aupscan" --no-builtin --rules "$work/sigs" files "$work/tree")
cmd_clamscan=(clamscan -r --no-summary --infected -d "$work/sigs/bench.ndb" -d "$work/sigs/bench.hsb" "$work/tree")
cmd_yara=(yara -r -p 2 "$work/sigs/bench.yar" "$work/tree")
# A first pass of each warms the page cache and checks they agree on the findings.
for t in "${tools[@]}"; do c="cmd_$t[@]"; run "$t" "${!c}" > /dev/null; done
echo "findings: aupscan $(grep -c bench. "$work/out.aupscan"), clamscan $(grep -c FOUND "$work/out.clamscan"), yara $(wc -l < "$work/out.yara")"
for i in $(seq "$passes"); do
  for t in "${tools[@]}"; do
    c="cmd_$t[@]"
    read -r s k < <(run "$t" "${!c}")
    secs[$t]="${secs[$t]:-} $s"; rss[$t]="${rss[$t]:-} $k"
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-9s %10s %12s %14s\n' tool seconds MB/s "peak RSS MiB"
declare -A mbps
for t in "${tools[@]}"; do
  s=$(echo "${secs[$t]}" | median); k=$(echo "${rss[$t]}" | tr ' ' '\n' | sort -g | tail -1)
  mbps[$t]=$(awk -v b="$size" -v s="$s" 'BEGIN {printf "%.0f", b/1e6/s}')
  printf '%-9s %10s %12s %14s\n' "$t" "$s" "${mbps[$t]}" "$((k / 1024))"
done
awk -v a="${mbps[aupscan]}" -v c="${mbps[clamscan]}" -v y="${mbps[yara]}" \
  'BEGIN {printf "aupscan / clamscan: %.1fx   aupscan / yara: %.2fx   (%d passes, %.0f MB tree)\n", a/c, a/y, '"$passes"', '"$size"'/1e6}'
