package web

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/aupscan/aupscan/notify/store"
)

// BenchmarkPages loads pages 200 at a time against a database of 10,000 cases, over
// loopback TLS, and reports the latency's p50 and p99 (each b.N round is 200
// concurrent loads):
//
//	go test ./web -run '^$' -bench Pages -benchtime 20x
func BenchmarkPages(b *testing.B) {
	const cases, concurrent = 10000, 200
	r := newRig(b, 0, func(c *Config) { c.PageRate = 1 << 30 })
	tokens := make([]string, 0, cases)
	now := r.clk.Now()
	err := r.st.Update(r.ctx, func(tx store.Tx) error {
		for i := range cases {
			c := store.Case{Tenant: "acme", Host: fmt.Sprintf("vm-%d", i), Rule: "vpn.openvpn.server", RuleName: "OpenVPN server",
				Category: "vpn", Severity: "high", Confidence: "high", State: store.StateOpen, Stage: store.StageWarning,
				StageQueuedAt: now, StageDeliveredAt: now, FirstSeen: now, LastSeen: now, Count: 1, Kind: "traffic",
				Evidence: "OpenVPN P_CONTROL_HARD_RESET_SERVER_V2", FlowProto: "UDP", FlowSrc: "203.0.113.7", FlowSport: 51000,
				FlowDst: "192.0.2.10", FlowDport: 1194, Role: store.RoleServer, OpenedAt: now, UpdatedAt: now}
			if err := tx.InsertCase(r.ctx, &c); err != nil {
				return err
			}
			tok, err := tx.NewToken(r.ctx, &c, now, now.Add(24*time.Hour))
			if err != nil {
				return err
			}
			tokens = append(tokens, tok)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	client := r.ts.Client()
	client.Transport.(*http.Transport).MaxIdleConnsPerHost = concurrent
	staff := r.login(b, RoleViewer)
	staff.Transport = client.Transport
	for _, page := range []struct {
		name string
		c    *http.Client
		url  func(i int) string
	}{
		{"tenant", client, func(i int) string { return r.base + "/t/" + tokens[i%cases] }},
		{"case", staff, func(i int) string { return fmt.Sprintf("%s/staff/case/%d", r.base, 1+i%cases) }},
		{"queue", staff, func(i int) string { return r.base + "/staff/?category=vpn&due=1" }},
	} {
		b.Run(page.name, func(b *testing.B) {
			var mu sync.Mutex
			var lat []time.Duration
			n := 0
			round := func() {
				var wg sync.WaitGroup
				for w := range concurrent {
					wg.Add(1)
					go func() {
						defer wg.Done()
						start := time.Now()
						resp, err := page.c.Get(page.url(n*concurrent + w))
						if err != nil {
							b.Error(err)
							return
						}
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if resp.StatusCode != http.StatusOK {
							b.Errorf("%s: %s", page.name, resp.Status)
						}
						mu.Lock()
						lat = append(lat, time.Since(start))
						mu.Unlock()
					}()
				}
				wg.Wait()
				n++
			}
			round() // warm: the connections are open, as a browser keeps them
			lat = lat[:0]
			b.ResetTimer()
			for b.Loop() {
				round()
			}
			slices.Sort(lat)
			if len(lat) > 0 {
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			}
		})
	}
}
