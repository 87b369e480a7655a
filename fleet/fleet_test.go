package fleet

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
	"github.com/aupscan/aupscan/scanner"
)

// The tests run a real NATS server with JetStream inside the test process, on
// loopback, with its files in a temporary folder. Every wait is bounded.

func startServer(t *testing.T, dir, listen string) *Server {
	t.Helper()
	s, err := StartServer(ServerOptions{Dir: dir, Listen: listen})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func connect(t *testing.T, url string) *nats.Conn {
	t.Helper()
	nc, err := Connect(url, "", "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}

func newAgent(t *testing.T, url, host string) *Agent {
	t.Helper()
	a, err := NewAgent(AgentOptions{URL: url, Host: host, SpoolDir: filepath.Join(t.TempDir(), "spool"),
		Heartbeat: 100 * time.Millisecond, Timeout: 2 * time.Second, ReconnectWait: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	return a
}

// runBg runs f until the test ends, and waits for it to return.
func runBg(t *testing.T, f func(context.Context)) context.CancelFunc {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); f(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("background loop did not stop within 10s")
		}
	})
	return cancel
}

func eventually(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not within %v: %s", within, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

var t0 = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)

func finding(host, rule string, i int) scanner.Finding {
	f := scanner.Finding{Rule: rule, Name: rule, Category: "proxy", Severity: "high", Confidence: "high",
		Kind: scanner.KindFile, Subject: fmt.Sprintf("/opt/relay-%d", i), Evidence: "banner", Source: "/",
		Time: t0.Add(time.Duration(i) * time.Second), Host: host}
	f.SetID()
	return f
}

// recorder is a Handle that remembers every sighting it was given, in order; like
// the notifier, it records a key once and reports the repeats as duplicates.
type recorder struct {
	mu    sync.Mutex
	seen  []string
	count map[string]int
	calls int
}

func (r *recorder) handle(_ context.Context, fs []scanner.Finding, keys []string) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.count == nil {
		r.count = map[string]int{}
	}
	r.calls++
	dups := 0
	for i := range fs {
		k := MsgID(&fs[i])
		if k != keys[i] {
			return 0, fmt.Errorf("key %q is not the finding's message id %q", keys[i], k)
		}
		if r.count[k]++; r.count[k] > 1 {
			dups++
			continue
		}
		r.seen = append(r.seen, k)
	}
	return dups, nil
}

func (r *recorder) len() int { r.mu.Lock(); defer r.mu.Unlock(); return len(r.seen) }

// caseStore is a real notifier over a SQLite store, for one tenant with hosts, and
// the Handle that records findings into it as the daemon's manager does.
func caseStore(t *testing.T, hosts ...string) (*store.Store, func(context.Context, []scanner.Finding, []string) (int, error), *int) {
	t.Helper()
	cfg := &notify.Config{
		Policy: notify.DefaultPolicy(),
		Tenants: []notify.Tenant{{ID: "acme", Name: "Acme", Hosts: hosts, Locale: "en",
			TimeZone: "UTC", Contacts: []mail.Contact{{Address: "ops@acme.example"}}, Clause: "4.2"}},
		Mail: mail.Config{From: "aup@cloud.example", Operator: "Example Cloud", Folder: t.TempDir()},
	}
	if err := cfg.Validate("test.toml"); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	rn, err := mail.NewRenderer("")
	if err != nil {
		t.Fatal(err)
	}
	n := notify.New(cfg, st, rn, notify.Options{})
	var mu sync.Mutex
	opened := new(int)
	return st, func(ctx context.Context, fs []scanner.Finding, keys []string) (int, error) {
		res, err := n.ProcessOnce(ctx, fs, keys)
		mu.Lock()
		*opened += res.Opened
		mu.Unlock()
		return res.Duplicates, err
	}, opened
}

func newManager(t *testing.T, nc *nats.Conn, o ManagerOptions) *Manager {
	t.Helper()
	if o.MaxWait == 0 {
		o.MaxWait = 200 * time.Millisecond
	}
	m, err := NewManager(context.Background(), nc, o)
	if err != nil {
		t.Fatal(err)
	}
	runBg(t, func(ctx context.Context) { m.Run(ctx) })
	return m
}

// TestAgentsToCases: findings of three agents become cases in a real notify store,
// one case per (tenant, host, rule), each counted once; a quick repeat of the same
// sighting is dropped by the stream's duplicate window.
func TestAgentsToCases(t *testing.T) {
	srv := startServer(t, t.TempDir(), "127.0.0.1:0")
	t.Cleanup(srv.Shutdown)
	ctx := context.Background()

	st, handle, opened := caseStore(t, "web-1", "web-2", "db-1")
	m := newManager(t, connect(t, srv.URL()), ManagerOptions{Handle: handle})

	hosts := []string{"web-1", "web-2", "db-1"}
	for _, h := range hosts {
		a := newAgent(t, srv.URL(), h)
		for i, rule := range []string{"proxy.relayd", "proxy.squid"} {
			if err := a.Publish(ctx, finding("", rule, i)); err != nil { // host filled in by the agent
				t.Fatal(err)
			}
		}
		if err := a.Publish(ctx, finding(h, "proxy.relayd", 0)); err != nil { // the same sighting again
			t.Fatal(err)
		}
		if s := a.Stats(); s.Published != 3 || s.Duplicates != 1 || s.Spooled != 0 {
			t.Fatalf("%s: %+v, want 3 published of which 1 duplicate, none spooled", h, s)
		}
	}
	eventually(t, 10*time.Second, "6 findings processed", func() bool { return m.Stats().Processed == 6 })
	var cases, total int
	if err := st.DB().QueryRow(`SELECT count(*), sum(count) FROM cases`).Scan(&cases, &total); err != nil {
		t.Fatal(err)
	}
	if cases != 6 || total != 6 || *opened != 6 {
		t.Errorf("%d cases with %d sightings (%d opened), want 6, 6, 6", cases, total, *opened)
	}
	if s := m.Stats(); s.Rejected != 0 || s.Duplicates != 0 || s.Malformed != 0 {
		t.Errorf("manager %+v", s)
	}
}

// TestAgentSpoolsAndCatchesUp: the server goes away, the agent spools, the server
// comes back on the same folder and the spool is replayed in order: every finding
// reaches the manager exactly once.
func TestAgentSpoolsAndCatchesUp(t *testing.T) {
	dir := t.TempDir()
	srv := startServer(t, dir, "127.0.0.1:0")
	addr, url := srv.Addr(), srv.URL()
	ctx := context.Background()
	rec := &recorder{}
	m := newManager(t, connect(t, url), ManagerOptions{Handle: rec.handle})
	a := newAgent(t, url, "web-1")
	runBg(t, a.Run)

	var want []string
	pub := func(from, to int) {
		for i := from; i < to; i++ {
			f := finding("web-1", "proxy.relayd", i)
			want = append(want, MsgID(&f))
			if err := a.Publish(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
	}
	pub(0, 5)
	eventually(t, 10*time.Second, "5 findings before the outage", func() bool { return rec.len() == 5 })

	srv.Shutdown()
	eventually(t, 5*time.Second, "agent sees the outage", func() bool { return !a.nc.IsConnected() })
	pub(5, 25)
	if s := a.Stats(); s.Spooled != 20 || s.Published != 5 {
		t.Fatalf("during the outage: %+v, want 20 spooled", s)
	}

	srv = startServer(t, dir, addr)
	t.Cleanup(srv.Shutdown)
	pub(25, 30) // behind the spool, whatever the connection's state
	eventually(t, 20*time.Second, "all 30 findings after the outage", func() bool { return rec.len() >= 30 })
	time.Sleep(300 * time.Millisecond) // room for a duplicate to show up
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if fmt.Sprint(rec.seen) != fmt.Sprint(want) {
		t.Errorf("handled\n%v\nwant, in order\n%v", rec.seen, want)
	}
	for k, n := range rec.count {
		if n != 1 {
			t.Errorf("%s handled %d times", k, n)
		}
	}
	if s := a.Stats(); s.Spooled != 0 || s.Replayed < 20 || s.Dropped != 0 {
		t.Errorf("agent after catching up: %+v", s)
	}
	if s := m.Stats(); s.Processed != 30 {
		t.Errorf("manager: %+v", s)
	}
}

// TestLateReplayIsIdempotent: a sighting published again after the stream's
// duplicate window (here: under another message id, which the stream cannot tell
// from a new one) reaches the manager and is acknowledged, and the notifier's
// handled-key table, written with the case, leaves the case as it was.
func TestLateReplayIsIdempotent(t *testing.T) {
	srv := startServer(t, t.TempDir(), "127.0.0.1:0")
	t.Cleanup(srv.Shutdown)
	nc := connect(t, srv.URL())
	st, handle, _ := caseStore(t, "web-1")
	m := newManager(t, nc, ManagerOptions{Handle: handle})
	js, _ := jetstream.New(nc)
	f := finding("web-1", "proxy.relayd", 1)
	data := fmt.Appendf(nil, `{"id":%q,"rule":%q,"category":"proxy","kind":"file","subject":%q,"time":%q,"host":"web-1"}`,
		f.ID, f.Rule, f.Subject, f.Time.Format(time.RFC3339Nano))
	for i := range 3 {
		if _, err := js.Publish(context.Background(), FindingsSubject("web-1"), data, jetstream.WithMsgID(fmt.Sprint("late-", i))); err != nil {
			t.Fatal(err)
		}
	}
	eventually(t, 10*time.Second, "3 messages received", func() bool { return m.Stats().Received == 3 })
	var count int
	if err := st.DB().QueryRow(`SELECT count FROM cases`).Scan(&count); err != nil {
		t.Fatal(err)
	}
	if s := m.Stats(); s.Processed != 1 || s.Duplicates != 2 || count != 1 {
		t.Errorf("manager %+v, case count %d, want 1 recorded and 2 duplicates", s, count)
	}
	eventually(t, 5*time.Second, "stream empty (all acknowledged)", func() bool {
		st, err := js.Stream(context.Background(), FindingsStream)
		if err != nil {
			return false
		}
		info, err := st.Info(context.Background())
		return err == nil && info.State.Msgs == 0
	})
}

// TestForgedHostRejected: a finding claiming another host than its subject's is
// rejected, counted, and removed from the stream; an honest one after it goes through.
func TestForgedHostRejected(t *testing.T) {
	srv := startServer(t, t.TempDir(), "127.0.0.1:0")
	t.Cleanup(srv.Shutdown)
	nc := connect(t, srv.URL())
	rec := &recorder{}
	m := newManager(t, nc, ManagerOptions{Handle: rec.handle})
	js, _ := jetstream.New(nc)
	ctx := context.Background()
	// web-1's credentials (later: NATS permissions) let it publish on web-1's subject
	// only; it claims to have seen the finding on db-1.
	forged := `{"id":"x","rule":"proxy.relayd","category":"proxy","kind":"file","subject":"/x","time":"2026-03-02T08:00:00Z","host":"db-1"}`
	if _, err := js.Publish(ctx, FindingsSubject("web-1"), []byte(forged)); err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(ctx, FindingsSubject("web-1"), []byte(`not json`)); err != nil {
		t.Fatal(err)
	}
	a := newAgent(t, srv.URL(), "web-1")
	if err := a.Publish(ctx, finding("web-1", "proxy.relayd", 2)); err != nil {
		t.Fatal(err)
	}
	eventually(t, 10*time.Second, "3 messages received", func() bool { return m.Stats().Received == 3 })
	if s := m.Stats(); s.Rejected != 1 || s.Malformed != 1 || s.Processed != 1 {
		t.Errorf("manager %+v, want 1 rejected, 1 malformed, 1 processed", s)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	f := finding("web-1", "proxy.relayd", 2)
	if len(rec.seen) != 1 || rec.seen[0] != MsgID(&f) {
		t.Errorf("handled %v", rec.seen)
	}
}

// TestTwoManagersShareTheWork: two managers (two connections, two handles on one
// SQLite file, as two processes would have) share one durable consumer: every
// finding is handled once, by one of them.
func TestTwoManagersShareTheWork(t *testing.T) {
	srv := startServer(t, t.TempDir(), "127.0.0.1:0")
	t.Cleanup(srv.Shutdown)
	var recs [2]*recorder
	var ms [2]*Manager
	for i := range recs {
		r := &recorder{}
		recs[i] = r
		ms[i] = newManager(t, connect(t, srv.URL()), ManagerOptions{Batch: 10,
			Handle: func(ctx context.Context, fs []scanner.Finding, keys []string) (int, error) {
				time.Sleep(5 * time.Millisecond) // a case update takes time
				return r.handle(ctx, fs, keys)
			}})
	}
	const perAgent = 50
	var wg sync.WaitGroup
	for _, h := range []string{"web-1", "web-2", "db-1", "lotus-1"} {
		a := newAgent(t, srv.URL(), h)
		wg.Go(func() {
			for i := range perAgent {
				if err := a.Publish(context.Background(), finding(h, "proxy.relayd", i)); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	const total = 4 * perAgent
	eventually(t, 20*time.Second, "all findings handled", func() bool { return recs[0].len()+recs[1].len() >= total })
	time.Sleep(300 * time.Millisecond)
	all := map[string]int{}
	for i, r := range recs {
		r.mu.Lock()
		for k, n := range r.count {
			all[k] += n
		}
		if len(r.seen) == 0 {
			t.Errorf("manager %d handled nothing", i)
		}
		t.Logf("manager %d: %d findings in %d batches, %+v", i, len(r.seen), r.calls, ms[i].Stats())
		r.mu.Unlock()
	}
	if len(all) != total {
		t.Errorf("%d distinct findings handled, want %d", len(all), total)
	}
	for k, n := range all {
		if n != 1 {
			t.Errorf("%s handled %d times", k, n)
		}
	}
}

// TestSilentAgentReported: an agent that stops sending heartbeats is reported once
// as silent, and again when it is heard from.
func TestSilentAgentReported(t *testing.T) {
	srv := startServer(t, t.TempDir(), "127.0.0.1:0")
	t.Cleanup(srv.Shutdown)
	var mu sync.Mutex
	var reports []AgentStatus
	m := newManager(t, connect(t, srv.URL()), ManagerOptions{
		Handle: (&recorder{}).handle, SilentAfter: 500 * time.Millisecond,
		OnSilent: func(s AgentStatus) { mu.Lock(); reports = append(reports, s); mu.Unlock() }})
	got := func() []AgentStatus { mu.Lock(); defer mu.Unlock(); return append([]AgentStatus(nil), reports...) }

	quiet := newAgent(t, srv.URL(), "web-1")
	stopQuiet := runBg(t, quiet.Run)
	chatty := newAgent(t, srv.URL(), "web-2")
	runBg(t, chatty.Run)
	eventually(t, 5*time.Second, "both agents heard", func() bool { return len(m.Agents()) == 2 })
	stopQuiet() // the tenant kills the agent
	eventually(t, 5*time.Second, "web-1 reported silent", func() bool { return len(got()) >= 1 })
	time.Sleep(time.Second)
	r := got()
	if len(r) != 1 || r[0].Host != "web-1" || !r[0].Silent {
		t.Fatalf("reports %+v, want web-1 silent once", r)
	}
	runBg(t, quiet.Run) // the agent is back
	eventually(t, 5*time.Second, "web-1 back", func() bool { return len(got()) == 2 })
	if r := got(); r[1].Host != "web-1" || r[1].Silent {
		t.Errorf("second report %+v, want web-1 heard again", r[1])
	}
}

// TestRefusedBatchIsRedelivered: a batch that Handle refuses (the database is down)
// is not acknowledged, comes back, and is handled once when Handle succeeds.
func TestRefusedBatchIsRedelivered(t *testing.T) {
	srv := startServer(t, t.TempDir(), "127.0.0.1:0")
	t.Cleanup(srv.Shutdown)
	rec := &recorder{}
	var mu sync.Mutex
	fail := 2
	m := newManager(t, connect(t, srv.URL()), ManagerOptions{
		RetryDelay: 100 * time.Millisecond, Handle: func(ctx context.Context, fs []scanner.Finding, keys []string) (int, error) {
			mu.Lock()
			defer mu.Unlock()
			if fail > 0 {
				fail--
				return 0, fmt.Errorf("database is locked")
			}
			return rec.handle(ctx, fs, keys)
		}})
	a := newAgent(t, srv.URL(), "web-1")
	for i := range 3 {
		if err := a.Publish(context.Background(), finding("web-1", "proxy.relayd", i)); err != nil {
			t.Fatal(err)
		}
	}
	eventually(t, 10*time.Second, "3 findings handled", func() bool { return rec.len() == 3 })
	time.Sleep(300 * time.Millisecond)
	if s := m.Stats(); s.Failed != 2 || s.Processed != 3 || rec.len() != 3 {
		t.Errorf("manager %+v, handled %d; want 2 failures, then 3 handled once", s, rec.len())
	}
}

// TestSlowHandleKeepsItsBatch: a Handle slower than AckWait keeps its batch (the
// manager says it is in progress), so the other manager never gets it too.
func TestSlowHandleKeepsItsBatch(t *testing.T) {
	srv := startServer(t, t.TempDir(), "127.0.0.1:0")
	t.Cleanup(srv.Shutdown)
	var recs [2]*recorder
	for i := range recs {
		r := &recorder{}
		recs[i] = r
		newManager(t, connect(t, srv.URL()), ManagerOptions{AckWait: 300 * time.Millisecond,
			Handle: func(ctx context.Context, fs []scanner.Finding, keys []string) (int, error) {
				time.Sleep(time.Second) // three AckWaits
				return r.handle(ctx, fs, keys)
			}})
	}
	a := newAgent(t, srv.URL(), "web-1")
	if err := a.Publish(context.Background(), finding("web-1", "proxy.relayd", 1)); err != nil {
		t.Fatal(err)
	}
	eventually(t, 10*time.Second, "finding handled", func() bool { return recs[0].len()+recs[1].len() == 1 })
	time.Sleep(1500 * time.Millisecond)
	if n := recs[0].len() + recs[1].len(); n != 1 {
		t.Errorf("handled %d times, want once", n)
	}
}
