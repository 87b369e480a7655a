package notify

import (
	"context"
	"io"
	"log/slog"
	"net/netip"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
	"github.com/aupscan/aupscan/scanner"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	return c.t
}

var t0 = time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC)

// testConfig is a validated configuration with two tenants (one per locale) that
// writes mail into folder.
func testConfig(t testing.TB, folder string, mutate ...func(*Config)) *Config {
	t.Helper()
	c := &Config{
		Policy: DefaultPolicy(),
		Tenants: []Tenant{
			{ID: "acme", Name: "Acme Hosting", Hosts: []string{"web-1", "web-2", "db-1"}, Locale: "en",
				TimeZone: "Europe/Berlin", Contacts: []mail.Contact{{Name: "Acme Ops", Address: "ops@acme.example"}},
				Clause: "4.2 No anonymising relays, proxies or VPN services for third parties."},
			{ID: "lotus", Name: "莲花科技有限公司", Hosts: []string{"lotus-1"}, Locale: "zh-CN",
				TimeZone: "Asia/Shanghai", Contacts: []mail.Contact{{Address: "it@lotus.example"}},
				Clause: "第 4.2 条：不得为第三方提供匿名中继、代理或 VPN 服务。"},
		},
		Mail: mail.Config{From: "AUP Team <aup@cloud.example>", ReplyTo: "abuse@cloud.example",
			Operator: "Example Cloud", Folder: folder, Backoff: Duration(time.Second), MaxBackoff: Duration(time.Minute)},
	}
	for _, f := range mutate {
		f(c)
	}
	if err := c.Validate("test.toml"); err != nil {
		t.Fatal(err)
	}
	return c
}

type rig struct {
	cfg   *Config
	store *store.Store
	n     *Notifier
	clk   *clock
	ctx   context.Context
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// A backend is the database a test's store runs on.
type backend string

const (
	sqliteBackend   backend = "sqlite"
	postgresBackend backend = "postgres"
)

// eachBackend runs f as a subtest on SQLite and on PostgreSQL. The PostgreSQL subtest
// needs AUPSCAN_TEST_POSTGRES (scripts/with-postgres.sh): it skips without, and fails
// under CI=true.
func eachBackend(t *testing.T, f func(t *testing.T, b backend)) {
	for _, b := range []backend{sqliteBackend, postgresBackend} {
		t.Run(string(b), func(t *testing.T) { f(t, b) })
	}
}

// dsn returns a fresh, empty database of the backend for this test.
func (b backend) dsn(t testing.TB) string {
	t.Helper()
	if b == postgresBackend {
		return testenv.Postgres(t)
	}
	return filepath.Join(t.TempDir(), "notify.db")
}

// openStore opens a store on dsn, closed when the test ends.
func openStore(t testing.TB, dsn string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newRig opens a SQLite store in a temporary folder and a notifier over cfg.
func newRig(t testing.TB, cfg *Config) *rig { return newRigOn(t, cfg, sqliteBackend) }

// newRigOn opens a store on a fresh database of the backend and a notifier over cfg.
func newRigOn(t testing.TB, cfg *Config, b backend) *rig {
	t.Helper()
	return rigOn(t, cfg, openStore(t, b.dsn(t)), &clock{t: t0})
}

// rigOn is a notifier over cfg and st with the clock clk.
func rigOn(t testing.TB, cfg *Config, st *store.Store, clk *clock) *rig {
	t.Helper()
	r, err := mail.NewRenderer(cfg.Templates)
	if err != nil {
		t.Fatal(err)
	}
	n := New(cfg, st, r, Options{Logger: quietLog(), Now: clk.Now,
		Describe: func(rule, locale string) (string, string) {
			switch {
			case rule == "tor-relay" && locale == "zh-CN":
				return "Tor 中继", "为 Tor 匿名网络转发流量。"
			case rule == "tor-relay":
				return "Tor relay", "Relays traffic for the Tor anonymity network."
			}
			return "", ""
		}})
	return &rig{cfg: cfg, store: st, n: n, clk: clk, ctx: context.Background()}
}

// finding returns a traffic finding of rule on host at time at.
func finding(host, rule, category string, at time.Time) scanner.Finding {
	f := scanner.Finding{Rule: rule, Name: rule, Category: category, Severity: "high", Confidence: "high",
		Kind: scanner.KindTraffic, Evidence: "TLS SNI matches the rule's list", Source: "tap0", Time: at, Host: host,
		Flow: &scanner.Flow{Proto: "TCP", Src: netip.MustParseAddr("10.0.0.5"), Sport: 43210,
			Dst: netip.MustParseAddr("198.51.100.9"), Dport: 443}}
	f.Subject = f.Flow.Subject()
	f.SetID()
	return f
}

func (r *rig) process(t testing.TB, fs ...scanner.Finding) ProcessResult {
	t.Helper()
	res, err := r.n.Process(r.ctx, fs)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func (r *rig) tick(t testing.TB) TickResult {
	t.Helper()
	res, err := r.n.Tick(r.ctx, r.clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func (r *rig) caseOf(t testing.TB, id int64) store.Case {
	t.Helper()
	c, err := r.store.Case(r.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
