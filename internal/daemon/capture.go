package daemon

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// replayFiles scans every configured capture file (or folder of them) once.
func (d *daemon) replayFiles(ctx context.Context) {
	cfg := d.config()
	eng := d.rules.current().Engines.traffic
	mapper := newHostMapper(cfg.Capture)
	for _, cf := range cfg.Capture.Files {
		start := time.Now()
		emit := d.trafficEmit(cf.Host, orHost(cf.Host, cfg), mapper)
		if !cf.PacketTime {
			inner, now := emit, time.Now().UTC()
			emit = func(f scanner.Finding) {
				f.Time = now
				inner(f)
			}
		}
		sc := scannerConfig(cfg, cf.Host)
		sc.Local = localMarks(cfg, cf.Host, "")
		s := traffic.NewScanner(eng, sc, emit)
		var packets, findings uint64
		for _, p := range captureFiles(cf.Path) {
			if ctx.Err() != nil {
				return
			}
			st, err := s.ScanFile(p)
			if err != nil {
				d.log.Error("capture file not read", "file", p, "err", err)
				continue
			}
			if st.ReadErr != nil {
				d.log.Warn("capture file broken off; the packets before were scanned", "err", st.ReadErr)
			}
			d.m.packets.WithLabelValues(cf.Path).Add(float64(st.Packets))
			d.m.notIP.WithLabelValues(cf.Path).Add(float64(st.NotIP))
			d.m.malformed.WithLabelValues(cf.Path).Add(float64(st.Malformed))
			d.m.flows.WithLabelValues(cf.Path).Add(float64(st.Flows.Created))
			d.m.drops.WithLabelValues(cf.Path).Add(float64(st.Flows.DroppedFull))
			d.m.reassembly(cf.Path, st.Reassembly)
			packets += st.Packets
			findings += st.Findings
		}
		d.m.scanDuration.WithLabelValues("capture_file").Observe(time.Since(start).Seconds())
		d.log.Info("capture replayed", "path", cf.Path, "packets", packets, "findings", findings,
			"elapsed", time.Since(start).Round(time.Millisecond))
	}
}

// captureFiles lists a capture file, or the capture files directly in a folder.
func captureFiles(p string) []string {
	fi, err := os.Stat(p)
	if err != nil || !fi.IsDir() {
		return []string{p} // ScanFile names the problem
	}
	entries, _ := os.ReadDir(p)
	var out []string
	for _, e := range entries {
		n := e.Name()
		for _, ext := range []string{".pcap", ".pcapng", ".cap", ".pcap.gz", ".pcapng.gz"} {
			if e.Type().IsRegular() && strings.HasSuffix(n, ext) {
				out = append(out, filepath.Join(p, n))
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

func orHost(h string, cfg *config.Config) string {
	if h != "" {
		return h
	}
	return cfg.Identity.Host
}

// trafficEmit hands a traffic finding to the queue, its host taken from the maps
// when the source has no host of its own and the scanner's marks (localMarks) did
// not already tell it. It never blocks.
func (d *daemon) trafficEmit(fixedHost, defaultHost string, mapper *hostMapper) func(scanner.Finding) {
	return func(f scanner.Finding) {
		if fixedHost == "" && f.Host == defaultHost {
			mapper.apply(&f)
		}
		d.q.put(f)
	}
}

// captures runs one live capture per configured interface, until stopped.
type captures struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
	ifaces []config.CaptureInterface
	maps   []config.CaptureMap
}

// startCaptures starts capturing on cfg's interfaces.
func (d *daemon) startCaptures(ctx context.Context, cfg *config.Config) *captures {
	ctx, cancel := context.WithCancel(ctx)
	c := &captures{cancel: cancel, ifaces: cfg.Capture.Interfaces, maps: cfg.Capture.Maps}
	mapper := newHostMapper(cfg.Capture)
	for _, it := range cfg.Capture.Interfaces {
		c.wg.Add(1)
		go func() {
			defer c.wg.Done()
			d.capture(ctx, cfg, it, mapper)
		}()
	}
	return c
}

// stop ends every capture and waits: each flushes its flows first, so the findings
// of flows still open reach the queue.
func (c *captures) stop() {
	c.cancel()
	c.wg.Wait()
}

// capture reads one interface in windows of daemon.capture_window: at the end of
// each the counters are published and new rules are taken up. The flow table carries
// over from window to window (traffic.LiveWindow), so a handshake that straddles a
// boundary is seen whole; it is flushed only when new rules replace the scanner and
// when the capture stops.
func (d *daemon) capture(ctx context.Context, cfg *config.Config, it config.CaptureInterface, mapper *hostMapper) {
	log := d.log.With("interface", it.Name)
	var filter *decode.Filter
	if it.Filter != "" {
		filter, _ = decode.ParseFilter(it.Filter) // validated with the configuration
	}
	window := cfg.Daemon.CaptureWindow.Or(30 * time.Second)
	retry := time.Second
	// The scanner outlives a reopened socket: the flows go on.
	var s *traffic.Scanner
	version := ""
	defer func() {
		if s != nil {
			s.Flush()
		}
	}()
	for ctx.Err() == nil {
		src, err := d.openLive(it.Name, capture.LiveConfig{Snap: cfg.Capture.SnapLen, Timeout: time.Second, RingSize: int64(cfg.Capture.RingSize)})
		if err != nil {
			log.Error("cannot capture (needs CAP_NET_RAW); retrying", "err", err, "in", retry)
			select {
			case <-ctx.Done():
				return
			case <-time.After(retry):
			}
			retry = min(2*retry, time.Minute)
			continue
		}
		if filter != nil && !filter.Empty() {
			if err := src.SetFilter(filter); err != nil {
				log.Warn("kernel filter not attached; the filter runs in user space only", "err", err)
			}
		}
		log.Info("capturing", "ring", src.Ring(), "ring_bytes", src.RingSize())
		retry = time.Second
		for ctx.Err() == nil {
			a := d.rules.current()
			if s == nil || a.Set.Version() != version {
				if s != nil {
					s.Flush() // the flows under the old rules end here
				}
				sc := scannerConfig(cfg, it.Host)
				sc.Source, sc.Flows = it.Name, traffic.FlowTableConfig{MaxFlows: liveFlows(cfg)}
				sc.Local = localMarks(cfg, it.Host, it.Name)
				s = traffic.NewScanner(a.Engines.traffic, sc, d.trafficEmit(it.Host, orHost(it.Host, cfg), mapper))
				s.Reset(it.Name)
				version = a.Set.Version()
			}
			st, err := s.LiveWindow(src, filter, time.Now().Add(window), ctx.Done())
			d.m.packets.WithLabelValues(it.Name).Add(float64(st.Packets))
			d.m.bytes.WithLabelValues(it.Name).Add(float64(st.Bytes))
			d.m.notIP.WithLabelValues(it.Name).Add(float64(st.NotIP))
			d.m.malformed.WithLabelValues(it.Name).Add(float64(st.Malformed))
			d.m.flows.WithLabelValues(it.Name).Add(float64(st.Flows.Created))
			d.m.drops.WithLabelValues(it.Name).Add(float64(st.Drops + st.Flows.DroppedFull))
			d.m.kernelDrops.WithLabelValues(it.Name).Add(float64(st.Drops))
			d.m.reassembly(it.Name, st.Reassembly)
			if err != nil {
				log.Error("capture failed; reopening", "err", err)
				break
			}
		}
		src.Close()
	}
}

// scannerConfig is what every traffic scanner of the daemon shares.
func scannerConfig(cfg *config.Config, host string) traffic.ScannerConfig {
	cp := cfg.Capture
	return traffic.ScannerConfig{Host: orHost(host, cfg), MaxPayloads: cp.MaxPayloads,
		StreamBytes: int(cp.StreamBytes), ReassemblyMemory: int(cp.ReassemblyMemory)}
}

// liveFlows is the flow-table cap of a live interface.
func liveFlows(cfg *config.Config) int {
	if cfg.Capture.MaxFlows > 0 {
		return cfg.Capture.MaxFlows
	}
	return config.DefaultLiveFlows
}
