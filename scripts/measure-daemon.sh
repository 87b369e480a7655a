#!/usr/bin/env bash
# Measures aupscand's idle CPU and resident memory with live capture and a folder
# watch on, then its CPU at replayed traffic rates. Run by hand as root (not by make
# test); needs iproute2, curl and tcpreplay (apt-get install tcpreplay).
#   scripts/measure-daemon.sh [PPS...]      # default: 10000 30000
#   scripts/measure-daemon.sh 30000 100000 50000 20000   # issue 17's rates, then lower
# Drops are counted over each rate's measured minute, all of them and the kernel's
# (capture_kernel_drops_total); the last line names the highest rate given at which
# the kernel dropped nothing.
# The daemon runs in a network namespace of its own, capturing on vm0; the corpus's
# Ethernet captures are replayed onto vm0's peer rp0 with tcpreplay, looping with new
# addresses each pass. CPU is (utime+stime) from /proc/PID/stat over 60 s; memory is
# VmRSS and VmHWM; the packet rate and drops come from the daemon's own metrics.
# RING=32MiB sets capture.ring_size (default 8MiB) to see what a larger ring buys.
set -euo pipefail
cd "$(dirname "$0")/.."
rates=("${@:-10000 30000}"); rates=(${rates[*]})
ns=aupmeas$$; work=$(mktemp -d)
cleanup() { kill "${pid:-0}" 2>/dev/null || true; ip netns del "$ns" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
go build -o "$work/aupscand" ./cmd/aupscand
mkdir -p "$work/root" "$work/watch"
cat > "$work/aupscand.toml" <<TOML
[log]
level = "warn"
[identity]
host = "meas-host"
[host]
schedule = "30 3 * * *"
watch = ["watch"]
[[host.root]]
path = "root"
host = "meas-vm"
tenant = "meas"
[capture]
ring_size = "${RING:-8MiB}"
[[capture.interface]]
name = "vm0"
host = "meas-vm"
[metrics]
listen = "127.0.0.1:9717"
[limits]
memory = "256MiB"
[notify]
database = "var/aupscan.db"
[[notify.tenant]]
id = "meas"
  [[notify.tenant.contact]]
  address = "ops@meas.example"
[notify.mail]
from = "aup@cloud.example"
folder = "var/mail"
TOML
ip netns add "$ns"
ip -n "$ns" link add vm0 mtu 65535 type veth peer name rp0 mtu 65535
for l in lo vm0 rp0; do ip -n "$ns" link set "$l" up; done
ip netns exec "$ns" "$work/aupscand" --config "$work/aupscand.toml" & pid=$!
sleep 5

cpu() { # SECONDS: CPU share of one core and memory of the daemon
  local hz a b s0 s1; hz=$(getconf CLK_TCK)
  a=$(awk '{print $14+$15}' /proc/$pid/stat); s0=$(date +%s.%N); sleep "$1"
  b=$(awk '{print $14+$15}' /proc/$pid/stat); s1=$(date +%s.%N)
  awk -v a="$a" -v b="$b" -v s0="$s0" -v s1="$s1" -v hz="$hz" \
    'BEGIN {printf "  cpu %.2f%% of one core over %.0f s\n", 100*(b-a)/hz/(s1-s0), s1-s0}'
  grep -E 'VmRSS|VmHWM' /proc/$pid/status | sed 's/^/  /'
}
metric() { ip netns exec "$ns" curl -s 127.0.0.1:9717/metrics | awk -v k="$1" '$1==k {print $2}'; }

echo "idle (live capture on vm0, watching one folder):"
cpu 60
pcaps=$(for f in ../shared/corpus/ndpi/pcap/*; do
  if file -b "$f" | grep -q 'Ethernet'; then echo "$f"; fi; done)
[ -n "$pcaps" ] || { echo "no Ethernet captures in ../shared/corpus/ndpi/pcap" >&2; exit 2; }
for pps in "${rates[@]}"; do
  ip netns exec "$ns" tcpreplay -q -i rp0 --pps="$pps" --loop=0 --unique-ip $pcaps > /dev/null 2>&1 & rp=$!
  sleep 35 # a capture window (30 s) in, so the counters have been published
  p0=$(metric 'aupscand_capture_packets_total{source="vm0"}'); t0=$(date +%s)
  d0=$(metric 'aupscand_capture_drops_total{source="vm0"}')
  k0=$(metric 'aupscand_capture_kernel_drops_total{source="vm0"}')
  echo "replaying $pps packets/s:"
  cpu 60
  sleep 30 # the next window publishes the packets of the measured minute
  p1=$(metric 'aupscand_capture_packets_total{source="vm0"}'); t1=$(date +%s)
  d=$(metric 'aupscand_capture_drops_total{source="vm0"}')
  k1=$(metric 'aupscand_capture_kernel_drops_total{source="vm0"}')
  kill "$rp"; wait "$rp" 2>/dev/null || true
  awk -v a="${p0:-0}" -v b="${p1:-0}" -v s=$((t1 - t0)) -v d0="${d0:-0}" -v d="${d:-0}" \
    'BEGIN {dd = d - d0; pct = 0; if (b - a + dd > 0) pct = 100 * dd / (b - a + dd)
      printf "  captured %.0f packets/s, %d dropped in the measured minute (%.3f%%), %d drops so far\n", (b-a)/s, dd, pct, d}'
  awk -v a="${p0:-0}" -v b="${p1:-0}" -v k0="${k0:-0}" -v k="${k1:-0}" \
    'BEGIN {kk = k - k0; pct = 0; if (b - a + kk > 0) pct = 100 * kk / (b - a + kk)
      printf "  of them by the kernel: %d (%.3f%%); the rest were new flows a full flow table refused\n", kk, pct}'
  awk -v d0="${k0:-0}" -v d="${k1:-0}" 'BEGIN {exit !(d - d0 > 0)}' || best=$pps # metrics may be 1.2e+06
done
echo "highest rate given without kernel drops: ${best:-none of them}"
