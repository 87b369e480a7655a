package notify

import (
	"fmt"
	"testing"
	"time"

	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/scanner"
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
				Contacts: []mail.Contact{{Address: fmt.Sprintf("ops@t%05d.example", i)}}})
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
	tr, err := mail.NewSMTPTransport(cfg.Mail.SMTP)
	if err != nil {
		b.Fatal(err)
	}
	s := mail.NewSender(r.store, tr, cfg.Mail, quietLog())
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

// BenchmarkTickIdle measures one Tick over 5,000 open cases with nothing due (each
// warning queued, none delivered yet): the cost of every notifier cycle of a busy
// manager, on SQLite and on PostgreSQL (AUPSCAN_TEST_POSTGRES).
//
//	scripts/with-postgres.sh go test ./notify -run '^$' -bench TickIdle -benchtime 20x
func BenchmarkTickIdle(b *testing.B) {
	for _, be := range []backend{sqliteBackend, postgresBackend} {
		b.Run(string(be), func(b *testing.B) {
			r := newRigOn(b, testConfig(b, b.TempDir()), be)
			fs := make([]scanner.Finding, 5000)
			for i := range fs {
				fs[i] = finding([]string{"web-1", "web-2", "db-1", "lotus-1"}[i%4], fmt.Sprintf("rule-%04d", i), "tor", t0)
			}
			r.process(b, fs...)
			if res := r.tick(b); res.Notices != len(fs) {
				b.Fatalf("first tick %+v", res)
			}
			b.ResetTimer()
			for range b.N {
				if res := r.tick(b); res.Notices != 0 {
					b.Fatalf("tick %+v", res)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/tick")
		})
	}
}
