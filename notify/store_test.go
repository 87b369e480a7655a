package notify

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner"
)

// TestRebind: ? becomes $1..$n for PostgreSQL, outside quoted strings and names.
func TestRebind(t *testing.T) {
	pg, lite := dbtx{pg: true}, dbtx{}
	for _, tc := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`a = ? AND b IN (?, ?)`, `a = $1 AND b IN ($2, $3)`},
		{`x = '?' AND y = ? AND "we?rd" = ?`, `x = '?' AND y = $1 AND "we?rd" = $2`},
		{`s = 'it''s ?' AND t = ?`, `s = 'it''s ?' AND t = $1`},
	} {
		if got := pg.rebind(tc.in); got != tc.want {
			t.Errorf("rebind(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := lite.rebind(tc.in); got != tc.in {
			t.Errorf("SQLite rebind(%q) = %q", tc.in, got)
		}
	}
	for dsn, want := range map[string]bool{"postgres://u@h/db": true, "PostgreSQL://h/db": true,
		"/var/lib/aupscan/cases.db": false, "cases.db": false, "postgres.db": false} {
		if IsPostgres(dsn) != want {
			t.Errorf("IsPostgres(%q) = %t", dsn, !want)
		}
	}
}

// TestPostgresSchema: PostgreSQL's schema keeps every nanosecond time and id in 64
// bits, the flags as BOOLEAN and the message bytes as BYTEA; a password in the URL
// never shows in an error.
func TestPostgresSchema(t *testing.T) {
	dsn := testenv.Postgres(t)
	st := openStore(t, dsn)
	rows, err := st.db.Query(`SELECT table_name, column_name, data_type FROM information_schema.columns
		WHERE table_schema = 'public' ORDER BY table_name, column_name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	small := map[string]bool{"attempts": true, "flow_sport": true, "flow_dport": true, "version": true}
	flags := map[string]bool{"notice_failed": true, "appealed": true, "approved": true, "dry_run": true}
	n := 0
	for rows.Next() {
		var table, col, typ string
		if err := rows.Scan(&table, &col, &typ); err != nil {
			t.Fatal(err)
		}
		n++
		want := ""
		switch {
		case flags[col]:
			want = "boolean"
		case col == "body" || col == "payload":
			want = "bytea"
		case small[col]:
			want = "integer"
		case typ == "integer":
			want = "bigint" // a time, a count or an id
		}
		if want != "" && typ != want {
			t.Errorf("%s.%s is %s, want %s", table, col, typ, want)
		}
	}
	if n < 60 {
		t.Errorf("%d columns", n)
	}
	u, _ := url.Parse(dsn)
	u.User = url.UserPassword("postgres", "s3cret")
	u.Host = fmt.Sprintf("127.0.0.1:%d", testenv.FreePort(t)) // nothing listens there
	if _, err := OpenStore(t.Context(), u.String()); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("open on a port nothing listens on: %v", err)
	}
}

// TestMigrateConcurrently: managers starting at the same moment on an empty database
// migrate it once (PostgreSQL: the advisory lock; SQLite: the write lock, and a retry
// while another process turns the new file to WAL) and share one instance id.
func TestMigrateConcurrently(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		dsn := bk.dsn(t)
		const n = 4
		stores := make([]*Store, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { stores[i], errs[i] = OpenStore(t.Context(), dsn) })
		}
		wg.Wait()
		for i := range n {
			if errs[i] != nil {
				t.Fatal(errs[i])
			}
			defer stores[i].Close()
			if stores[i].instance != stores[0].instance {
				t.Errorf("store %d: instance %s, store 0: %s", i, stores[i].instance, stores[0].instance)
			}
		}
		var versions, instances int
		stores[0].db.QueryRow(`SELECT COUNT(*) FROM schema_version`).Scan(&versions)
		stores[0].db.QueryRow(`SELECT COUNT(*) FROM meta WHERE key = 'instance'`).Scan(&instances)
		if versions != len(migrations) || instances != 1 {
			t.Errorf("%d versions, %d instance ids", versions, instances)
		}
	})
}

// TestProcessOnce: a batch delivered again changes no case; a key handled before, or
// twice in one batch, is counted as a duplicate; Process without keys counts every
// finding; PruneHandled forgets keys.
func TestProcessOnce(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		cfg := testConfig(t, t.TempDir())
		r := newRigOn(t, cfg, bk)
		fs := []scanner.Finding{finding("web-1", "tor-relay", "tor", t0), finding("web-1", "tor-relay", "tor", t0.Add(time.Minute)),
			finding("nobody", "tor-relay", "tor", t0), finding("web-2", "xmrig", "mining", t0)}
		keys := []string{"m1", "m2", "m3", "m4"}
		once := func(fs []scanner.Finding, keys []string) ProcessResult {
			t.Helper()
			res, err := r.n.ProcessOnce(r.ctx, fs, keys)
			if err != nil {
				t.Fatal(err)
			}
			return res
		}
		if res := once(fs, keys); res.Opened != 2 || res.Refreshed != 1 || res.Skipped[SkipNoTenant] != 1 || res.Duplicates != 0 {
			t.Fatalf("first delivery: %+v", res)
		}
		if res := once(fs, keys); res.Opened != 0 || res.Refreshed != 0 || len(res.Skipped) != 0 || res.Duplicates != 4 {
			t.Fatalf("redelivery: %+v", res)
		}
		if c := r.caseOf(t, 1); c.Count != 2 {
			t.Fatalf("case 1 counts %d findings, want 2", c.Count)
		}
		f5 := finding("web-1", "tor-relay", "tor", t0.Add(2*time.Minute))
		if res := once([]scanner.Finding{fs[0], f5, f5}, []string{"m1", "m5", "m5"}); res.Refreshed != 1 || res.Duplicates != 2 {
			t.Fatalf("mixed batch: %+v", res)
		}
		if _, err := r.n.ProcessOnce(r.ctx, fs, keys[:2]); err == nil {
			t.Error("ProcessOnce with fewer keys than findings")
		}
		if res := r.process(t, fs[0]); res.Refreshed != 1 {
			t.Fatalf("Process: %+v", res)
		}
		if c := r.caseOf(t, 1); c.Count != 4 {
			t.Fatalf("case 1 counts %d findings, want 4", c.Count)
		}
		n, err := r.store.PruneHandled(r.ctx, r.clk.Now().Add(time.Second))
		if err != nil || n != 5 {
			t.Fatalf("prune: %d %v", n, err)
		}
		if res := once(fs[:1], keys[:1]); res.Refreshed != 1 || res.Duplicates != 0 {
			t.Fatalf("after prune: %+v", res)
		}
	})
}

// recorder is a transport that counts deliveries by Message-ID, like a mail server
// shared by every manager.
type recorder struct {
	mu    sync.Mutex
	got   map[string]int
	delay time.Duration
}

func (r *recorder) Send(_ context.Context, e Envelope) error {
	time.Sleep(r.delay)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.got == nil {
		r.got = map[string]int{}
	}
	r.got[e.MessageID]++
	return nil
}

func (r *recorder) Close() error { return nil }

func (r *recorder) count(id string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.got[id]
}

// TestOutboxLease: a message claimed by a manager that died is left alone until the
// lease runs out, then sent by another with the same Message-ID; the dead manager's
// late outcomes change nothing, and it cannot renew a claim another manager took.
func TestOutboxLease(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		cfg := testConfig(t, t.TempDir())
		r := newRigOn(t, cfg, bk)
		r.process(t, finding("web-1", "tor-relay", "tor", t0))
		r.tick(t)
		const lease = 300 * time.Millisecond
		due, err := r.store.claimOutbox(r.ctx, "dead", r.clk.Now(), 10, lease)
		if err != nil || len(due) != 1 {
			t.Fatalf("claim: %v %v", due, err)
		}
		if again, err := r.store.claimOutbox(r.ctx, "other", r.clk.Now(), 10, lease); err != nil || len(again) != 0 {
			t.Fatalf("claimed twice: %v %v", again, err)
		}
		rec := &recorder{}
		s := NewSender(r.store, rec, cfg.Mail, quietLog())
		if res := drainWith(t, r, s); res.Sent != 0 {
			t.Fatalf("sent a message another manager holds: %+v", res)
		}
		time.Sleep(lease + 100*time.Millisecond)
		if res := drainWith(t, r, s); res.Sent != 1 || rec.count(due[0].MessageID) != 1 {
			t.Fatalf("after the lease: %+v, %v", res, rec.got)
		}
		if held, err := r.store.renew(r.ctx, "outbox", "dead", []int64{due[0].ID}, lease); err != nil || len(held) != 0 {
			t.Errorf("renewed a claim it lost: %v %v", held, err)
		}
		// The dead manager comes back and records what it did.
		if err := r.store.markRetry(r.ctx, due[0], "dead", r.clk.Now().Add(time.Hour), "421"); err != nil {
			t.Fatal(err)
		}
		if err := r.store.markFailed(r.ctx, due[0], "dead", r.clk.Now(), "550"); err != nil {
			t.Fatal(err)
		}
		if err := r.store.markSent(r.ctx, due[0], r.clk.Now()); err != nil {
			t.Fatal(err)
		}
		all, _ := r.store.AllOutbox(r.ctx)
		if len(all) != 1 || all[0].Status != OutboxSent || all[0].Attempts != 1 {
			t.Errorf("outbox %+v", all)
		}
		if c := r.caseOf(t, 1); c.NoticeFailed || c.StageDeliveredAt.IsZero() {
			t.Errorf("case %+v", c)
		}
		if got := strings.Count(strings.Join(events(t, r, 1), "|"), "notice delivered"); got != 1 {
			t.Errorf("delivery recorded %d times", got)
		}
		// A lost claim is skipped: another manager holds the message now.
		r.clk.Add(25 * time.Hour)
		r.tick(t)
		mine, _ := r.store.claimOutbox(r.ctx, "slow", r.clk.Now(), 10, time.Millisecond)
		time.Sleep(10 * time.Millisecond)
		theirs, _ := r.store.claimOutbox(r.ctx, "fast", r.clk.Now(), 10, time.Minute)
		if len(mine) != 1 || len(theirs) != 1 {
			t.Fatalf("claims %v %v", mine, theirs)
		}
		if held, _ := r.store.renew(r.ctx, "outbox", "slow", []int64{mine[0].ID}, time.Minute); len(held) != 0 {
			t.Errorf("renewed a claim another manager took: %v", held)
		}
	})
}

func drainWith(t testing.TB, r *rig, s *Sender) DrainResult {
	t.Helper()
	res, err := s.Drain(r.ctx, r.clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestActionLease: an action claimed by a manager that died runs once, by another
// manager, after the lease; a success is recorded once.
func TestActionLease(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		out := filepath.Join(t.TempDir(), "hook.out")
		r := suspendedRig(t, bk, func(c *Config) {
			c.Hook.Command = []string{"sh", "-c", `echo "$AUPSCAN_IDEMPOTENCY_KEY" >> "$0"`, out}
		})
		const lease = 300 * time.Millisecond
		ids, err := r.store.claim(r.ctx, "actions", "dead", r.clk.Now(), 10, lease)
		if err != nil || len(ids) != 1 {
			t.Fatalf("claim: %v %v", ids, err)
		}
		runner, err := NewActionRunner(r.cfg.Hook, r.store, quietLog())
		if err != nil {
			t.Fatal(err)
		}
		if n, err := runner.Run(r.ctx, r.clk.Now()); err != nil || n != 0 {
			t.Fatalf("ran an action another manager holds: %d %v", n, err)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("hook ran: %v", err)
		}
		time.Sleep(lease + 100*time.Millisecond)
		for range 2 {
			if _, err := runner.Run(r.ctx, r.clk.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
		}
		b, _ := os.ReadFile(out)
		if string(b) != "AUP-000001:suspend\n" {
			t.Errorf("hook ran:\n%s", b)
		}
		acts, _ := r.store.Actions(r.ctx, 1)
		if len(acts) != 1 || acts[0].Status != ActionDone || acts[0].Attempts != 1 {
			t.Errorf("actions %+v", acts)
		}
	})
}
