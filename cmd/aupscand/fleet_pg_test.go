package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the test reads the managers' PostgreSQL database

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/aupscan/aupscan/fleet"
	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/scanner"
)

// fleetPGManagerTOML is a manager of the fleet integration test: cases in
// PostgreSQL, notices through SMTP (mailpit), the test's NATS server.
const fleetPGManagerTOML = `
[log]
format = "text"
level = "info"
[identity]
host = "manager-%d"
[daemon]
notify_interval = "300ms"
[fleet]
role = "manager"
url = %q
credentials = %q
silent_after = "3s"
ack_wait = "2s"
[notify]
database = %q
[[notify.tenant]]
id = "alpha"
name = "Alpha Ltd"
hosts = ["vm-a1", "vm-a2"]
time_zone = "UTC"
clause = "4.2 No VPN services for third parties."
  [[notify.tenant.contact]]
  address = "ops@alpha.example"
[[notify.tenant]]
id = "beta"
name = "Beta GmbH"
hosts = ["vm-b1", "vm-b2"]
time_zone = "UTC"
clause = "4.2 No VPN services for third parties."
  [[notify.tenant.contact]]
  address = "ops@beta.example"
[notify.mail]
from = "AUP <aup@cloud.example>"
operator = "Test Cloud"
backoff = "200ms"
lease = "2s"                # a killed manager's claimed message goes to another after 2s
[notify.mail.smtp]
host = "127.0.0.1"
port = %d
tls = "none"
timeout = "1s"
`

// fleetPG is the fleet integration test's world: a NATS server with JetStream and
// per-agent credentials in this process, PostgreSQL, mailpit, and manager processes.
type fleetPG struct {
	t      *testing.T
	dir    string
	auth   *fleet.Authority
	srv    *fleet.Server
	dsn    string
	db     *sql.DB
	mail   *testenv.Mailpit
	mcreds string
	n      int               // managers started so far
	stops  map[string]func() // stops an agent's heartbeats and replays
}

func newFleetPG(t *testing.T) *fleetPG {
	dsn := testenv.Postgres(t)
	testenv.LookPath(t, "mailpit")
	w := &fleetPG{t: t, dir: t.TempDir(), dsn: dsn, stops: map[string]func(){}}
	var err error
	if w.auth, err = fleet.InitAuthority(filepath.Join(w.dir, "authority")); err != nil {
		t.Fatal(err)
	}
	w.srv, err = fleet.StartServer(fleet.ServerOptions{Dir: filepath.Join(w.dir, "nats"), Listen: "127.0.0.1:0", Authority: w.auth})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.srv.Shutdown)
	creds, err := w.auth.IssueManager("managers", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	w.mcreds = writeFile(t, w.dir, "manager.creds", creds, 0o600)
	w.mail = testenv.StartMailpit(t)
	if w.db, err = sql.Open("pgx", dsn); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.db.Close() })
	return w
}

// startManager starts one more manager process.
func (w *fleetPG) startManager() *childDaemon {
	w.n++
	dir := filepath.Join(w.dir, fmt.Sprintf("manager-%d", w.n))
	os.MkdirAll(dir, 0o755)
	cfg := writeFile(w.t, dir, "aupscand.toml",
		[]byte(fmt.Sprintf(fleetPGManagerTOML, w.n, w.srv.URL(), w.mcreds, w.dsn, w.mail.SMTPPort)), 0o644)
	return startChild(w.t, fmt.Sprintf("manager-%d", w.n), "--config", cfg)
}

// agent starts a fleet agent for host with its own credentials, reaching the server
// through url.
func (w *fleetPG) agent(host, url string) *fleet.Agent {
	w.t.Helper()
	creds, err := w.auth.IssueAgent(host, time.Hour)
	if err != nil {
		w.t.Fatal(err)
	}
	path := writeFile(w.t, w.dir, host+".creds", creds, 0o600)
	a, err := fleet.NewAgent(fleet.AgentOptions{URL: url, Credentials: path, Host: host,
		SpoolDir: filepath.Join(w.dir, "spool-"+host), Heartbeat: time.Second, ReconnectWait: 100 * time.Millisecond})
	if err != nil {
		w.t.Fatal(err)
	}
	w.t.Cleanup(a.Close)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); a.Run(ctx) }()
	stop := sync.OnceFunc(func() { cancel(); <-done })
	w.stops[host] = stop
	w.t.Cleanup(stop)
	return a
}

// finding is a sighting of rule on host at t, as the traffic scanner reports it.
func finding(host, rule string, t time.Time) scanner.Finding {
	src := netip.MustParseAddr("10.1.0.5")
	return scanner.Finding{Rule: rule, Name: "OpenVPN", Category: "vpn", Severity: "high", Confidence: "high",
		Kind: "traffic", Subject: "UDP 10.1.0.5:51000 -> 198.51.100.7:1194", Evidence: "OpenVPN handshake",
		Source: "live:eth0", Time: t.UTC(), Host: host,
		Flow: &scanner.Flow{Proto: "UDP", Src: src, Sport: 51000, Dst: netip.MustParseAddr("198.51.100.7"), Dport: 1194}}
}

// caseCount is the sighting count of the active case of host and rule (0: none).
func (w *fleetPG) caseCount(host, rule string) int {
	var n int
	err := w.db.QueryRow(`SELECT count FROM cases WHERE host = $1 AND rule = $2`, host, rule).Scan(&n)
	if err == sql.ErrNoRows {
		return 0
	}
	if err != nil {
		w.t.Fatal(err)
	}
	return n
}

func (w *fleetPG) scalar(q string, args ...any) int {
	w.t.Helper()
	var n int
	if err := w.db.QueryRow(q, args...).Scan(&n); err != nil {
		w.t.Fatalf("%s: %v", q, err)
	}
	return n
}

// checkNotices holds the outbox to mailpit: every (case, stage) queued once, every
// queued message delivered, and a message in mailpit more than once only under its
// own Message-ID (a sender killed between the server's acceptance and its commit),
// at most kills times in all.
func (w *fleetPG) checkNotices(kills int) (messages int) {
	w.t.Helper()
	if n := w.scalar(`SELECT COUNT(*) FROM (SELECT case_id, stage FROM outbox_items
		GROUP BY case_id, stage HAVING COUNT(*) > 1) d`); n != 0 {
		w.t.Errorf("%d (case, stage) pairs queued more than once", n)
	}
	rows, err := w.db.Query(`SELECT message_id, status FROM outbox`)
	if err != nil {
		w.t.Fatal(err)
	}
	queued := map[string]bool{}
	for rows.Next() {
		var id, status string
		rows.Scan(&id, &status)
		if status != "sent" {
			w.t.Errorf("outbox message %s is %s", id, status)
		}
		queued["<"+strings.Trim(id, "<>")+">"] = true
	}
	rows.Close()
	got := map[string]int{}
	for _, m := range w.mail.Messages() {
		got["<"+strings.Trim(m.MessageID, "<>")+">"]++
	}
	repeats := 0
	for id, n := range got {
		if !queued[id] {
			w.t.Errorf("mailpit has %s, which is not in the outbox", id)
		}
		repeats += n - 1
	}
	for id := range queued {
		if got[id] == 0 {
			w.t.Errorf("notice %s lost: queued, never delivered", id)
		}
	}
	if repeats > kills {
		w.t.Errorf("%d repeated deliveries for %d kills", repeats, kills)
	}
	w.t.Logf("%d messages delivered, %d of them again under their own Message-ID (%d kills)", len(got), repeats, kills)
	return len(queued)
}

// TestFleetPostgres is the fleet's integration test on real parts: an embedded NATS
// server with per-agent credentials, PostgreSQL started by the test command, mailpit,
// and aupscand managers as separate processes, one of them killed with SIGKILL.
func TestFleetPostgres(t *testing.T) {
	w := newFleetPG(t)
	m1 := w.startManager()
	fleetWaitStreamCreds(t, w.srv.URL(), w.mcreds)

	// Several agents, two tenants: each finding becomes a case and a warning.
	base := time.Now().Add(-time.Minute).Truncate(time.Second)
	proxy := newCutProxy(t, w.srv.Addr())
	agents := map[string]*fleet.Agent{"vm-a1": w.agent("vm-a1", proxy.URL())}
	for _, h := range []string{"vm-a2", "vm-b1", "vm-b2"} {
		agents[h] = w.agent(h, w.srv.URL())
	}
	ctx := context.Background()
	for h, a := range agents {
		if err := a.Publish(ctx, finding(h, "vpn.openvpn.traffic", base)); err != nil {
			t.Fatal(err)
		}
	}
	untilOK(t, 30*time.Second, "four cases with their warning delivered", func() error {
		if n := w.scalar(`SELECT COUNT(*) FROM outbox_items i JOIN outbox o ON o.id = i.outbox_id
			WHERE i.stage = 'warning' AND o.status = 'sent'`); n != 4 {
			return fmt.Errorf("%d warnings sent", n)
		}
		return nil
	})
	to := map[string]bool{}
	for _, m := range w.mail.Messages() {
		for _, r := range m.To {
			to[r.Address] = true
		}
	}
	if !to["ops@alpha.example"] || !to["ops@beta.example"] || len(to) != 2 {
		t.Errorf("notices went to %v, want both tenants", to)
	}

	t.Run("agent cut off spools and catches up once", func(t *testing.T) {
		a := agents["vm-a1"]
		proxy.cut()
		untilOK(t, 10*time.Second, "agent sees the cut", func() error {
			for i := range 5 {
				a.Publish(ctx, finding("vm-a1", "vpn.openvpn.traffic", base.Add(time.Duration(i+1)*time.Second)))
			}
			if a.Stats().Spooled == 0 {
				return errNotYet
			}
			return nil
		})
		spooled := a.Stats().Spooled
		if w.caseCount("vm-a1", "vpn.openvpn.traffic") != 1 {
			t.Fatal("a sighting got through the cut")
		}
		// Cut off for longer than silent_after: the managers notice, for review.
		silentCase := func(state string) error {
			if w.scalar(`SELECT COUNT(*) FROM cases WHERE rule = $1 AND host = 'vm-a1' AND state = $2`,
				notify.RuleAgentSilent, state) != 1 {
				return fmt.Errorf("no %s agent-silent case of vm-a1", state)
			}
			return nil
		}
		untilOK(t, 20*time.Second, "vm-a1 reported silent", func() error { return silentCase("open") })
		proxy.restore()
		untilOK(t, 20*time.Second, "vm-a1's case closed by its heartbeat", func() error { return silentCase("resolved") })
		untilOK(t, 30*time.Second, "spool replayed", func() error {
			if n := a.Stats().Spooled; n != 0 {
				return fmt.Errorf("%d spooled", n)
			}
			if n := w.caseCount("vm-a1", "vpn.openvpn.traffic"); n != 6 {
				return fmt.Errorf("case count %d, want 6 (1 + 5 distinct sightings; %d spooled)", n, spooled)
			}
			return nil
		})
		// A replay after a long outage is past the stream's duplicate window: the
		// same sightings again, without a message id. The managers drop them.
		nc := w.agentConn("vm-a1")
		js, _ := jetstream.New(nc)
		for i := range 5 {
			f := finding("vm-a1", "vpn.openvpn.traffic", base.Add(time.Duration(i+1)*time.Second))
			f.SetID()
			b, _ := json.Marshal(f)
			if _, err := js.Publish(ctx, fleet.FindingsSubject("vm-a1"), b); err != nil {
				t.Fatal(err)
			}
		}
		w.waitDrained(t)
		if n := w.caseCount("vm-a1", "vpn.openvpn.traffic"); n != 6 {
			t.Errorf("case count %d after a late replay, want 6", n)
		}
	})

	t.Run("forged host rejected", func(t *testing.T) {
		nc := w.agentConn("vm-a1")
		js, _ := jetstream.New(nc)
		before := w.caseCount("vm-b1", "vpn.openvpn.traffic")
		// On its own subject, claiming another host: the managers reject it.
		f := finding("vm-b1", "vpn.openvpn.traffic", base.Add(time.Hour))
		b, _ := json.Marshal(f)
		if _, err := js.Publish(ctx, fleet.FindingsSubject("vm-a1"), b); err != nil {
			t.Fatal(err)
		}
		// On the other host's subject: the server refuses it.
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		_, err := js.Publish(pctx, fleet.FindingsSubject("vm-b1"), b)
		cancel()
		if err == nil {
			t.Error("vm-a1's credentials published on vm-b1's subject")
		}
		w.waitDrained(t)
		if n := w.caseCount("vm-b1", "vpn.openvpn.traffic"); n != before {
			t.Errorf("vm-b1's case count went from %d to %d on a forged finding", before, n)
		}
		if !strings.Contains(m1.log.String(), "finding rejected") {
			t.Error("the manager did not log the rejection")
		}
	})

	t.Run("silent agent is a case for review, never a notice", func(t *testing.T) {
		before := len(w.mail.Messages())
		w.stops["vm-b2"]()
		var id int64
		untilOK(t, 20*time.Second, "agent-silent case of vm-b2", func() error {
			return w.db.QueryRow(`SELECT id FROM cases WHERE host = 'vm-b2' AND rule = $1 AND state = 'open'`,
				notify.RuleAgentSilent).Scan(&id)
		})
		time.Sleep(time.Second) // a few notifier cycles
		if n := w.scalar(`SELECT COUNT(*) FROM outbox_items WHERE case_id = $1`, id); n != 0 {
			t.Errorf("%d notices queued for an agent-silent case", n)
		}
		if after := len(w.mail.Messages()); after != before {
			t.Errorf("%d messages sent while an agent was silent", after-before)
		}
		if n := w.scalar(`SELECT COUNT(*) FROM cases WHERE rule = $1 AND state = 'open'`, notify.RuleAgentSilent); n != 1 {
			t.Errorf("%d agent-silent cases open, want only vm-b2's", n)
		}

	})

	t.Run("manager killed mid-batch is replaced", func(t *testing.T) {
		// Findings wait in the stream while no manager runs; then a manager starts on
		// them and is killed part way through.
		m1.stop()
		const rules, sightings = 25, 8
		hosts := []string{"vm-a1", "vm-a2", "vm-b1"} // vm-b2's agent is stopped
		total := 0
		for i, h := range hosts {
			for r := range rules {
				for s := range sightings {
					f := finding(h, fmt.Sprintf("vpn.load.%02d", r), base.Add(time.Duration(i*1000+r*10+s)*time.Millisecond))
					if err := agents[h].Publish(ctx, f); err != nil {
						t.Fatal(err)
					}
					total++
				}
			}
		}
		handled0 := w.scalar(`SELECT COUNT(*) FROM handled`)
		handled := func() int { return w.scalar(`SELECT COUNT(*) FROM handled`) - handled0 }
		// Two managers in turn are killed as soon as they have recorded something:
		// at whatever point of a batch (recording, acknowledging, queuing or sending
		// a notice) that lands.
		const kills = 2
		for k := range kills {
			before := handled()
			m := w.startManager()
			untilOK(t, 60*time.Second, "a manager part way through", func() error {
				if handled() == before {
					return errNotYet
				}
				return nil
			})
			m.kill()
			t.Logf("kill %d: after %d of %d findings", k+1, handled(), total)
		}
		if handled() >= total {
			t.Logf("the killed managers finished the stream: the test shows replacement only")
		}
		// Two replacements share the rest.
		w.startManager()
		w.startManager()
		w.waitDrained(t)
		untilOK(t, 60*time.Second, "every finding handled", func() error {
			if n := w.scalar(`SELECT COUNT(*) FROM handled`) - handled0; n != total {
				return fmt.Errorf("%d of %d handled", n, total)
			}
			return nil
		})
		for _, h := range hosts {
			for r := range rules {
				if n := w.caseCount(h, fmt.Sprintf("vpn.load.%02d", r)); n != sightings {
					t.Errorf("%s vpn.load.%02d: count %d, want %d", h, r, n, sightings)
				}
			}
		}
		untilOK(t, 60*time.Second, "every case's warning delivered", func() error {
			if n := w.scalar(`SELECT COUNT(*) FROM cases c WHERE c.category != 'agent-silent' AND NOT EXISTS (SELECT 1 FROM outbox_items i
				JOIN outbox o ON o.id = i.outbox_id WHERE i.case_id = c.id AND i.stage = 'warning' AND o.status = 'sent')`); n != 0 {
				return fmt.Errorf("%d cases without a delivered warning", n)
			}
			return nil
		})
		n := w.checkNotices(kills)
		t.Logf("%d notices, each (case, stage) queued once and delivered", n)
	})
}

// agentConn is a plain connection with host's agent credentials.
func (w *fleetPG) agentConn(host string) *nats.Conn {
	w.t.Helper()
	creds, err := w.auth.IssueAgent(host, time.Hour)
	if err != nil {
		w.t.Fatal(err)
	}
	path := writeFile(w.t, w.dir, host+"-raw.creds", creds, 0o600)
	nc, err := nats.Connect(w.srv.URL(), nats.UserCredentials(path), nats.CustomInboxPrefix(fleet.AgentInboxPrefix(host)),
		nats.ErrorHandler(func(*nats.Conn, *nats.Subscription, error) {}))
	if err != nil {
		w.t.Fatal(err)
	}
	w.t.Cleanup(nc.Close)
	return nc
}

// waitDrained waits until the managers have acknowledged everything in the stream.
func (w *fleetPG) waitDrained(t *testing.T) {
	t.Helper()
	nc, err := nats.Connect(w.srv.URL(), nats.UserCredentials(w.mcreds))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	untilOK(t, 60*time.Second, "findings stream drained", func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		s, err := js.Stream(ctx, fleet.FindingsStream)
		if err != nil {
			return err
		}
		info, err := s.Info(ctx)
		if err != nil {
			return err
		}
		if info.State.Msgs != 0 {
			return fmt.Errorf("%d findings in the stream", info.State.Msgs)
		}
		return nil
	})
}

// fleetWaitStreamCreds waits until a manager has created the findings stream.
func fleetWaitStreamCreds(t *testing.T, url, creds string) {
	t.Helper()
	// The manager may still be starting its server: keep trying to connect.
	nc, err := nats.Connect(url, nats.UserCredentials(creds), nats.RetryOnFailedConnect(true),
		nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	untilOK(t, 30*time.Second, "findings stream", func() error {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, err := js.Stream(ctx, fleet.FindingsStream)
		return err
	})
}
