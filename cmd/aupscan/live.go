package main

import (
	"cmp"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/aupscan/aupscan/internal/units"
	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

type liveCmd struct {
	Iface       string         `name:"iface" required:"" placeholder:"IF" help:"Interface to capture on, both directions (AF_PACKET; needs root or CAP_NET_RAW)."`
	Duration    units.Duration `placeholder:"DURATION" help:"Stop after this long (e.g. 30s, 5m, 1d, as the configuration writes durations); default: until interrupted (SIGINT, SIGTERM)."`
	Filter      string         `placeholder:"EXPR" help:"Built-in filter, no libpcap: 'host ADDR', 'net CIDR', 'port N', joined by 'and'; either end may match."`
	SnapLen     int            `default:"4096" help:"Bytes kept of each packet: enough for handshakes, not for bulk payload."`
	RingSize    units.Size     `placeholder:"SIZE" help:"Receive ring the kernel fills while this reads (default 8MiB, whole MiB, at most 1GiB); more rides out longer stalls."`
	Host        string         `help:"Host id in finding ids (default: this machine's, /etc/machine-id or the host name)."`
	streamFlags `embed:""`
	Local       []string `placeholder:"CIDR" help:"The monitored host: an address, CIDR range or MAC (repeatable, or comma-separated); default: the interface's own addresses and MAC. Findings on its flows say its role, server or client."`
}

// liveQueue is how many findings may wait for the writer before new ones are
// dropped (and counted): the capture never waits for the output.
const liveQueue = 1024

func (c *liveCmd) Run(g *Globals) error {
	eng, set, err := loadTrafficEngine(g)
	if err != nil {
		return err
	}
	filter, err := decode.ParseFilter(c.Filter)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	local, err := parseLocal(c.Local)
	if err != nil {
		return err
	}
	if local == nil {
		local = traffic.InterfaceLocal(c.Iface, "")
	}
	src, err := capture.OpenLive(c.Iface, capture.LiveConfig{Snap: c.SnapLen, Timeout: 250 * time.Millisecond, RingSize: int64(c.RingSize)})
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if !filter.Empty() {
		if err := src.SetFilter(filter); err != nil { // the filter still runs in user space
			fmt.Fprintf(g.stderr, "aupscan: %v\n", err)
		}
	}
	defer src.Close()

	out := newFindingWriter(g, set)
	queue := make(chan scanner.Finding, liveQueue)
	var dropped uint64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for f := range queue {
			_ = out.write(f)
			_ = out.flush() // a live capture prints findings as they come
		}
	}()
	sc := traffic.NewScanner(eng, c.scannerConfig(cmp.Or(c.Host, thisHost()), local), func(f scanner.Finding) {
		select {
		case queue <- f:
		default:
			dropped++
		}
	})
	stop := make(chan struct{})
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sig)
	go func() {
		if _, ok := <-sig; ok {
			close(stop)
		}
	}()
	var until time.Time
	if c.Duration > 0 {
		until = time.Now().Add(time.Duration(c.Duration))
	}
	start := time.Now()
	st, err := sc.Live(src, filter, until, stop)
	close(queue)
	wg.Wait()
	fmt.Fprintf(g.stderr, "captured on %s for %s: %d packets (%d filtered out, %d malformed, %d not IP, %d dropped by the kernel), %d flows, %d evicted (%d idle, %d table full): %d findings",
		c.Iface, time.Since(start).Round(time.Millisecond), st.Packets, st.Filtered, st.Malformed, st.NotIP, st.Drops,
		st.Flows.Created, st.Flows.EvictedIdle+st.Flows.EvictedFull, st.Flows.EvictedIdle, st.Flows.EvictedFull, st.Findings)
	if dropped > 0 {
		fmt.Fprintf(g.stderr, " (%d not printed: the output fell behind)", dropped)
	}
	fmt.Fprintln(g.stderr)
	printReassembly(g.stderr, st.Reassembly)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	return exitFor(out.count, nil, false)
}
