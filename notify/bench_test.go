package notify

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkMailpit measures notices per second delivered to mailpit over SMTP: b.N
// tenants with one due case each are queued by one Tick (timed separately, reported as
// queued/s), then one sender drains the outbox over a single connection (notices/s).
//
//	go test ./notify -run '^$' -bench Mailpit -benchtime 2000x
func BenchmarkMailpit(b *testing.B) {
	mp := startMailpit(b)
	cfg := testConfig(b, "", func(c *Config) {
		c.Mail.SMTP = mp.smtp()
		c.Tenants = nil
		for i := range b.N {
			c.Tenants = append(c.Tenants, Tenant{ID: fmt.Sprintf("t%05d", i), Hosts: []string{fmt.Sprintf("h%05d", i)},
				Contacts: []Contact{{Address: fmt.Sprintf("ops@t%05d.example", i)}}})
		}
	})
	r := newRig(b, cfg)
	for i := range b.N {
		r.process(b, finding(fmt.Sprintf("h%05d", i), "tor-relay", "tor", t0))
	}
	start := time.Now()
	if res := r.tick(b); res.Messages != b.N {
		b.Fatalf("tick %+v", res)
	}
	queued := time.Since(start)
	tr, err := NewSMTPTransport(cfg.Mail.SMTP)
	if err != nil {
		b.Fatal(err)
	}
	s := NewSender(r.store, tr, cfg.Mail, quietLog())
	s.Batch = b.N
	b.ResetTimer()
	res, err := s.Drain(r.ctx, r.clk.Now())
	b.StopTimer()
	if err != nil || res.Sent != b.N {
		b.Fatalf("drain %+v %v", res, err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "notices/s")
	b.ReportMetric(float64(b.N)/queued.Seconds(), "queued/s")
}
