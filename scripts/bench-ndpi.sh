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
: > "$tmp/args"
i=0
while [ $i -lt $passes ]; do cat "$tmp/playlist" >> "$tmp/args"; i=$((i + 1)); done

# packets in one pass, as aupscan counts them (every record of every file)
packets=$("$tmp/aupscan" pcap $(cat "$tmp/playlist") 2>&1 >/dev/null | sed -n 's/.*: \([0-9]*\) packets (.*/\1/p')
total=$((packets * passes))

now() { date +%s.%N; }
run_ndpi() { ndpiReader -q -n 1 -l $passes -i "$tmp/playlist" >/dev/null 2>&1 || true; }
run_aupscan() { xargs "$tmp/aupscan" pcap --workers "$workers" < "$tmp/args" >/dev/null 2>&1 || true; }

run_ndpi; run_aupscan # warm the page cache and the binaries
t_ndpi=0; t_aup=0
r=0
while [ $r -lt "$rounds" ]; do
	a=$(now); run_ndpi; b=$(now); t_ndpi=$(echo "$t_ndpi + $b - $a" | bc)
	a=$(now); run_aupscan; b=$(now); t_aup=$(echo "$t_aup + $b - $a" | bc)
	r=$((r + 1))
done
pps_ndpi=$(echo "$total * $rounds / $t_ndpi" | bc)
pps_aup=$(echo "$total * $rounds / $t_aup" | bc)
echo "corpus: $(wc -l < "$tmp/playlist") files, $packets packets a pass, $passes passes, $rounds rounds each, alternating"
echo "ndpiReader: $pps_ndpi packets/s ($(echo "scale=2; $t_ndpi / $rounds" | bc) s a round)"
echo "aupscan ($workers worker(s)): $pps_aup packets/s ($(echo "scale=2; $t_aup / $rounds" | bc) s a round)"
echo "ratio aupscan/ndpiReader: $(echo "scale=2; $pps_aup / $pps_ndpi" | bc)x"
