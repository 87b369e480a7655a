package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aupscan/aupscan/fleet"
	"github.com/aupscan/aupscan/scanner"
)

// standing and burst rules: real built-in rule ids, so the notices read as they would.
var (
	standingRule = "vpn.openvpn.traffic"
	burstRules   = []string{"vpn.wireguard.traffic", "vpn.ipsec.ike", "vpn.softether.traffic", "vpn.tinc.traffic"}
)

// A burst is one moment when a share of the fleet reports a new finding at once.
type burst struct {
	at        time.Time
	published int
	done      time.Time // when the managers had taken every finding published so far
	took      int64     // findings the managers took from at to done
}

// drive runs the load: standing violations sighted every window, bursts spread over
// the run, heartbeats throughout. It samples the managers' counters as it goes and
// reads the latencies from the case database at the end.
func (h *harness) drive(ctx context.Context) (*report, error) {
	var published atomic.Int64
	rctx, stop := context.WithTimeout(ctx, h.o.duration)
	defer stop()
	s := newSampler(h, &published)
	go s.run(ctx)
	var wg sync.WaitGroup
	step := max(1, int(1/max(h.o.violating, 1e-9)))
	standing := 0
	for i := 0; i < len(h.agents); i += step {
		standing++
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.sightEvery(rctx, i, &published)
		}()
	}
	start := time.Now()
	var bursts []*burst
	for b := range h.o.bursts {
		at := start.Add(h.o.duration * time.Duration(b+1) / time.Duration(h.o.bursts+1))
		if !sleep(rctx, time.Until(at)) {
			break
		}
		bursts = append(bursts, h.burst(ctx, b, &published))
		h.log.Info("burst published", "n", b+1, "findings", bursts[len(bursts)-1].published)
	}
	<-rctx.Done()
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	total := published.Load()
	h.log.Info("load done: waiting for the managers to take every finding", "published", total)
	if err := s.waitTaken(ctx, total, 10*time.Minute); err != nil {
		return nil, err
	}
	s.stop()
	for _, b := range bursts {
		b.done, b.took = s.burstDone(b)
	}
	h.log.Info("waiting for the notices of every case")
	if err := h.waitNotices(ctx, 5*time.Minute); err != nil {
		return nil, err
	}
	return h.report(ctx, s, bursts, standing, total, time.Since(start))
}

// sightEvery publishes agent i's standing violation once every window, starting at a
// random point of the first one.
func (h *harness) sightEvery(ctx context.Context, i int, published *atomic.Int64) {
	if !sleep(ctx, jitter(h.o.window)) {
		return
	}
	t := time.NewTicker(h.o.window)
	defer t.Stop()
	for {
		h.publish(ctx, i, standingRule, published)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// burst makes a share of the agents, a different slice each time, publish a new
// finding within one second.
func (h *harness) burst(ctx context.Context, n int, published *atomic.Int64) *burst {
	b := &burst{at: time.Now()}
	count := int(float64(len(h.agents)) * h.o.burst)
	offset := n * count
	rule := burstRules[n%len(burstRules)]
	var wg sync.WaitGroup
	before := published.Load()
	for k := range count {
		i := (offset + k) % len(h.agents)
		wg.Add(1)
		go func() {
			defer wg.Done()
			sleep(ctx, jitter(time.Second))
			h.publish(ctx, i, rule, published)
		}()
	}
	wg.Wait()
	b.published = int(published.Load() - before)
	return b
}

// publish sends one sighting from agent i: a finding as the traffic scanner makes it,
// timed now (the case's first sighting is its publish time).
func (h *harness) publish(ctx context.Context, i int, rule string, published *atomic.Int64) {
	host := h.hosts[i]
	src := netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)})
	f := scanner.Finding{Rule: rule, Name: rule, Category: "vpn", Severity: "high", Confidence: "high",
		Kind: "traffic", Subject: "UDP " + src.String() + ":51000 -> 198.51.100.7:1194",
		Evidence: "handshake opcode sequence", Source: "live:eth0", Time: time.Now().UTC(), Host: host,
		Flow: &scanner.Flow{Proto: "UDP", Src: src, Sport: 51000, Dst: netip.MustParseAddr("198.51.100.7"), Dport: 1194}}
	if err := h.agents[i].Publish(ctx, f); err != nil {
		h.log.Warn("publish", "host", host, "err", err)
		return
	}
	published.Add(1)
}

func jitter(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	return rand.N(d)
}

// sleep waits d or until ctx ends; it reports whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// waitNotices waits until every case has its warning in the outbox.
func (h *harness) waitNotices(ctx context.Context, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		var cases, warned int
		err := h.db.QueryRowContext(ctx, `SELECT
			(SELECT COUNT(*) FROM cases),
			(SELECT COUNT(DISTINCT case_id) FROM outbox_items WHERE stage = 'warning')`).Scan(&cases, &warned)
		if err == nil && cases > 0 && warned >= cases {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("after %s: %d cases, %d with a warning queued (err %v)", limit, cases, warned, err)
		}
		if !sleep(ctx, 500*time.Millisecond) {
			return ctx.Err()
		}
	}
}

// agentsStats sums the agents' counters.
func (h *harness) agentsStats() fleet.AgentStats {
	var s fleet.AgentStats
	for _, a := range h.agents {
		as := a.Stats()
		s.Published += as.Published
		s.Duplicates += as.Duplicates
		s.Replayed += as.Replayed
		s.Spooled += as.Spooled
		s.Dropped += as.Dropped
		s.Heartbeats += as.Heartbeats
	}
	return s
}
