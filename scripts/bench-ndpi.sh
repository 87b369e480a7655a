#!/bin/sh
# bench-ndpi.sh times `aupscan pcap` against Debian's ndpiReader (libndpi-bin) over
# the whole acceptance corpus, 20 passes each, alternating runs of the two in the
# same session, and prints packets per second of each and the ratio.
#
#   scripts/bench-ndpi.sh [CORPUS_DIR] [ROUNDS]
#   WORKERS=2 scripts/bench-ndpi.sh     # aupscan scans files in parallel
#
# CORPUS_DIR defaults to ../shared/corpus/ndpi (relative to the repository);
# ROUNDS (default 3) is how many times each tool runs its 20 passes, in turn.
# ndpiReader reads a playlist (-i) 20 times itself (-l 20), one thread (-n 1);
# aupscan is given the file list 20 times over, in one process, as ndpiReader is.
# Both read from the page cache: a warm-up pass of each comes first. WORKERS
# (default 1, as ndpiReader reads a playlist with one thread) is aupscan's --workers.
# Besides the wall clock it reports each tool's CPU time (user+sys), steadier on a
# machine others load.
#
#   BULK=5000000 scripts/bench-ndpi.sh     # a bulk capture instead
#
# BULK=N builds (once, in $BENCH_DIR, default /tmp/aupscan-bench-ndpi) a capture of N
# packets, the corpus's Ethernet pcaps replayed with new addresses each pass
# (scripts/bench/mkbulk.py), and times one pass of each tool over it, with its peak
# memory.
set -eu
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/ndpi}
rounds=${2:-3}
passes=20
workers=${WORKERS:-1}
command -v ndpiReader >/dev/null || { echo "ndpiReader is not installed (apt-get install libndpi-bin)" >&2; exit 2; }
[ -d "$corpus/pcap" ] || { echo "no corpus at $corpus" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/aupscan" ./cmd/aupscan
ls "$corpus"/pcap/* | sort > "$tmp/playlist"
if [ -n "${BULK:-}" ]; then
	dir=${BENCH_DIR:-/tmp/aupscan-bench-ndpi}
	mkdir -p "$dir"
	bulk=$dir/bulk-$BULK.pcap
	[ -f "$bulk" ] || python3 scripts/bench/mkbulk.py "$bulk" "$BULK" $(cat "$tmp/playlist")
	echo "$bulk" > "$tmp/playlist"
	passes=1
fi
: > "$tmp/args"
i=0
while [ $i -lt $passes ]; do cat "$tmp/playlist" >> "$tmp/args"; i=$((i + 1)); done

# packets in one pass, as aupscan counts them (every record of every file)
packets=$("$tmp/aupscan" pcap $(cat "$tmp/playlist") 2>&1 >/dev/null | sed -n 's/.*: \([0-9]*\) packets (.*/\1/p')
total=$((packets * passes))

# timed NAME COMMAND...: runs it, adds its wall and CPU seconds to NAME's totals
# and keeps its peak RSS
timed() {
	name=$1; shift
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >/dev/null 2>&1 || true
	tail -n 1 "$tmp/time" > "$tmp/time.last"
	read -r w u s m < "$tmp/time.last"
	eval "wall_$name=\$(echo \"\$wall_$name + $w\" | bc); cpu_$name=\$(echo \"\$cpu_$name + $u + $s\" | bc)"
	eval "[ $m -gt \$rss_$name ] && rss_$name=$m || true"
}
run_ndpi() { timed ndpi ndpiReader -q -n 1 -l $passes -i "$tmp/playlist"; }
run_aupscan() { timed aup sh -c "xargs '$tmp/aupscan' pcap --workers $workers < '$tmp/args'"; }

wall_ndpi=0; cpu_ndpi=0; rss_ndpi=0; wall_aup=0; cpu_aup=0; rss_aup=0
run_ndpi; run_aupscan # warm the page cache and the binaries
wall_ndpi=0; cpu_ndpi=0; wall_aup=0; cpu_aup=0
# packets in one pass, as aupscan counts them (every record of every file)
packets=$("$tmp/aupscan" pcap $(cat "$tmp/playlist") 2>&1 >/dev/null | sed -n 's/.*: \([0-9]*\) packets (.*/\1/p')
total=$((packets * passes))
r=0
while [ $r -lt "$rounds" ]; do
	run_ndpi
	run_aupscan
	r=$((r + 1))
done
pps() { echo "$total * $rounds / $1" | bc; }
echo "$(wc -l < "$tmp/playlist") files, $packets packets a pass, $passes passes, $rounds rounds each, alternating"
echo "ndpiReader: $(pps "$wall_ndpi") packets/s, $(pps "$cpu_ndpi") packets a CPU second, peak RSS $((rss_ndpi / 1024)) MiB"
echo "aupscan ($workers worker(s)): $(pps "$wall_aup") packets/s, $(pps "$cpu_aup") packets a CPU second, peak RSS $((rss_aup / 1024)) MiB"
echo "ratio aupscan/ndpiReader: $(echo "scale=2; $wall_ndpi / $wall_aup" | bc)x wall, $(echo "scale=2; $cpu_ndpi / $cpu_aup" | bc)x CPU"
