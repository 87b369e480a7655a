package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/aupscan/aupscan/internal/units"
	"github.com/aupscan/aupscan/scanner/traffic"
)

// streamFlags bound what the traffic commands inspect of each flow and hold for
// reassembly.
type streamFlags struct {
	MaxPayloads      int        `default:"10" help:"Payloads inspected in each direction of a flow before it is given up on: datagrams, and for TCP turns of the conversation (however its segments are cut)."`
	StreamBytes      units.Size `default:"16KiB" help:"Bytes of each direction of a TCP stream put in order and inspected."`
	ReassemblyMemory units.Size `default:"64MiB" help:"Memory for TCP bytes held out of order or short of a whole message, and for IP fragments, over all flows; past it, flows are inspected as their segments come."`
}

func (f streamFlags) scannerConfig(host string, local *traffic.Local) traffic.ScannerConfig {
	return traffic.ScannerConfig{Host: host, MaxPayloads: f.MaxPayloads, Local: local,
		StreamBytes: int(f.StreamBytes), ReassemblyMemory: int(f.ReassemblyMemory)}
}

// printReassembly says on stderr what putting streams in order and fragments
// together met, when it met anything.
func printReassembly(w io.Writer, r traffic.ReassemblyStats) {
	var parts []string
	add := func(n uint64, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(r.OutOfOrder, "segments out of order")
	add(r.Overlaps, "overlapping")
	add(r.Conflicts, "overlapping with other bytes (the first copy kept)")
	add(r.GapsSkipped, "gaps skipped")
	add(r.PastBudget, "past the byte budget")
	add(r.Refused, "not held (memory limit)")
	add(r.Fragments, "IP fragments")
	add(r.Datagrams, "datagrams put together")
	add(r.FragDropped, "fragments dropped (overlapping, too many or too old)")
	if len(parts) > 0 {
		fmt.Fprintf(w, "reassembly: %s\n", strings.Join(parts, ", "))
	}
}
