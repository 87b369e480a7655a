#!/usr/bin/env bash
# Times a host scan of the same tree (>= 500 MB of binaries, text and random data)
# with the same signatures in aupscan, ClamAV's clamscan (.ndb/.hsb) and yara (one
# rule file), alternating the tools pass after pass, in one run; prints MB/s, user+sys
# CPU seconds and peak memory of each and the ratios, for each signature set:
#   text:   1,000 literal text patterns and 1,000 SHA-256 (a plain list for aupscan)
#   binary: 1,000 rare binary patterns and the same 1,000 SHA-256, given with their
#           file sizes (.hsb) to aupscan as to clamscan
# Run by hand, not by make test:
#   scripts/bench-host.sh [PASSES] [MB] [SET...]      (defaults: 3 512 text binary)
# Needs Debian's clamav and yara (apt-get install clamav yara).
set -euo pipefail
cd "$(dirname "$0")/.."
passes=${1:-3}
mb=${2:-512}
sets=("${@:3}")
[ ${#sets[@]} -gt 0 ] || sets=(text binary)
work=${BENCH_DIR:-/tmp/aupscan-bench-host}
mkdir -p "$work"
[ -f "$work/tree/.done3-$mb" ] || { python3 scripts/bench/mktree.py "$work" "$mb"; touch "$work/tree/.done3-$mb"; }
go build -o "$work/aupscan" ./cmd/aupscan
size=$(du -sb --apparent-size "$work/tree" | cut -f1)

run() { # name command... -> "seconds maxrss_kb user sys"
  /usr/bin/time -f '%e %M %U %S' -o "$work/time.$1" "${@:2}" > "$work/out.$1" 2> "$work/err.$1" || true
  tail -n 1 "$work/time.$1"
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
tools=(aupscan clamscan yara)

for set in "${sets[@]}"; do
  case $set in
  text) sigs=$work/sigs hashes=$work/sigs/bench.hsb ;;
  binary) sigs=$work/sigs-binary hashes=$work/sigs-binary/bench.hsb ;;
  *) echo "unknown set $set (text, binary)" >&2; exit 2 ;;
  esac
  cmd_aupscan=("$work/aupscan" --no-builtin --rules "$sigs/aupscan" files "$work/tree")
  cmd_clamscan=(clamscan -r --no-summary --infected -d "$sigs/bench.ndb" -d "$hashes" "$work/tree")
  cmd_yara=(yara -r -p 2 "$sigs/bench.yar" "$work/tree")
  declare -A secs=() rss=() cpu=()
  # A first pass of each warms the page cache and checks they agree on the findings.
  for t in "${tools[@]}"; do c="cmd_$t[@]"; run "$t" "${!c}" > /dev/null; done
  echo "== $set set: findings: aupscan $(grep -c bench. "$work/out.aupscan"), clamscan $(grep -c FOUND "$work/out.clamscan"), yara $(wc -l < "$work/out.yara")"
  for i in $(seq "$passes"); do
    for t in "${tools[@]}"; do
      c="cmd_$t[@]"
      read -r s k u y < <(run "$t" "${!c}")
      secs[$t]="${secs[$t]:-} $s"; rss[$t]="${rss[$t]:-} $k"
      cpu[$t]="${cpu[$t]:-} $(awk -v u="$u" -v y="$y" 'BEGIN {print u+y}')"
    done
  done
  printf '%-9s %10s %10s %12s %14s\n' tool seconds "CPU s" MB/s "peak RSS MiB"
  declare -A mbps=() cpus=()
  for t in "${tools[@]}"; do
    s=$(echo "${secs[$t]}" | median); k=$(echo "${rss[$t]}" | tr ' ' '\n' | sort -g | tail -1)
    cpus[$t]=$(echo "${cpu[$t]}" | median)
    mbps[$t]=$(awk -v b="$size" -v s="$s" 'BEGIN {printf "%.0f", b/1e6/s}')
    printf '%-9s %10s %10s %12s %14s\n' "$t" "$s" "${cpus[$t]}" "${mbps[$t]}" "$((k / 1024))"
  done
  awk -v a="${mbps[aupscan]}" -v c="${mbps[clamscan]}" -v y="${mbps[yara]}" \
    -v ac="${cpus[aupscan]}" -v cc="${cpus[clamscan]}" -v yc="${cpus[yara]}" \
    'BEGIN {printf "aupscan / clamscan: %.1fx (CPU %.1fx)   aupscan / yara: %.2fx (CPU %.2fx)   (%d passes, %.0f MB tree)\n", a/c, cc/ac, a/y, yc/ac, '"$passes"', '"$size"'/1e6}'
done
