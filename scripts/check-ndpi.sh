#!/bin/sh
# check-ndpi.sh scans nDPI's test captures with aupscan and puts each finding beside
# what nDPI itself made of the same flow, to read for false findings.
#
#   scripts/check-ndpi.sh DIR        # DIR holds pcap/ and result/, as nDPI's
#                                    # tests/cfgs/default does in its repository
#
# Fetch nDPI (https://github.com/ntop/nDPI) anywhere outside this repository and
# give its tests/cfgs/default; its captures are not ours to commit. Output, on
# stdout, one finding a line (tab-separated): capture, rule, confidence, subject,
# and nDPI's "[proto: ...]" for that flow from result/CAPTURE.out ("-" when nDPI
# lists no such flow); then a tally of rule against nDPI's protocol. A rule beside
# an unrelated protocol (psiphon beside TLS.Cloudflare, say) is a finding to look
# at. aupscan's own summary (files read, files refused) goes to stderr.
set -eu
[ $# -eq 1 ] && [ -d "$1/pcap" ] && [ -d "$1/result" ] || {
	echo "usage: $0 DIR (a folder with pcap/ and result/, as nDPI's tests/cfgs/default)" >&2
	exit 2
}
command -v jq >/dev/null || { echo "jq is not installed (apt-get install jq)" >&2; exit 2; }
dir=$1
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/aupscan" ./cmd/aupscan
"$tmp/aupscan" --format json pcap "$dir"/pcap/* >"$tmp/findings.jsonl" || true

# nDPI writes an endpoint as A:P, or [A]:P for IPv6.
jq -r '[(.source | split("/") | last), .rule, .confidence, .subject, .flow.proto,
        (if (.flow.src | contains(":")) then "[\(.flow.src)]" else .flow.src end) + ":\(.flow.sport)",
        (if (.flow.dst | contains(":")) then "[\(.flow.dst)]" else .flow.dst end) + ":\(.flow.dport)"] | @tsv' \
	"$tmp/findings.jsonl" |
	while IFS="$(printf '\t')" read -r file rule conf subject proto a b; do
		ndpi=-
		out="$dir/result/$file.out"
		if [ -f "$out" ]; then
			line=$(grep -F -e " $a <-> $b " -e " $b <-> $a " -e " $a -> $b " -e " $b -> $a " "$out" | grep -F "$proto " | head -1 || true)
			[ -n "$line" ] && ndpi=$(printf '%s\n' "$line" | sed -n 's/.*\[proto: \([^]]*\)\].*/\1/p')
		fi
		printf '%s\t%s\t%s\t%s\t%s\n' "$file" "$rule" "$conf" "$subject" "${ndpi:--}"
	done >"$tmp/joined.tsv"

sort "$tmp/joined.tsv"
echo
echo "# findings by rule and nDPI's protocol"
cut -f2,5 "$tmp/joined.tsv" | sort | uniq -c | sort -k2,2 -k1,1nr
