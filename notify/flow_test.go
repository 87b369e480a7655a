package notify

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

func drain(t testing.TB, r *rig, tr mail.Transport) mail.DrainResult {
	t.Helper()
	res, err := mail.NewSender(r.store, tr, r.cfg.Mail, quietLog()).Drain(r.ctx, r.clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func events(t testing.TB, r *rig, id int64) []string {
	t.Helper()
	a, err := r.store.Audit(r.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range a {
		out = append(out, e.Event)
	}
	return out
}

// TestLadder walks one case from its first finding to suspension and reinstatement
// through the mail folder transport: each notice is queued with its case change,
// delivered, and the next one waits for its deadline; the suspension waits for a
// sighting after the final notice and for an operator's approval, and runs once.
func TestLadder(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		dir := t.TempDir()
		cfg := testConfig(t, filepath.Join(dir, "mail"))
		out := filepath.Join(dir, "hook.out")
		cfg.Hook.Command = []string{"sh", "-c", `cat >> "$0"; echo >> "$0"`, out}
		r := newRigOn(t, cfg, bk)
		tr, err := mail.NewTransport(cfg.Mail)
		if err != nil {
			t.Fatal(err)
		}
		if res := r.process(t, finding("web-1", "tor-relay", "tor", t0)); res.Opened != 1 {
			t.Fatalf("process: %+v", res)
		}
		step := func(wantAction Action, wantStage store.Stage) {
			t.Helper()
			r.tick(t)
			c := r.caseOf(t, 1)
			if c.Stage != wantStage {
				t.Fatalf("at %s: stage %q, want %q (%v)", r.clk.Now(), c.Stage, wantStage, events(t, r, 1))
			}
			if got := drain(t, r, tr); wantAction != ActionNone && got.Sent != 1 {
				t.Fatalf("at %s: drain %+v", r.clk.Now(), got)
			}
		}
		step(ActionWarning, store.StageWarning)
		r.clk.Add(23 * time.Hour)
		step(ActionNone, store.StageWarning)
		r.clk.Add(time.Hour)
		step(ActionReminder, store.StageReminder)
		r.clk.Add(24 * time.Hour)
		r.process(t, finding("web-1", "tor-relay", "tor", r.clk.Now().Add(-time.Hour))) // before the final notice
		step(ActionFinal, store.StageFinal)
		r.clk.Add(24 * time.Hour)
		step(ActionNone, store.StageFinal) // due, but not seen since the final notice
		if d := Decide(r.n.withZone(r.caseOf(t, 1)), cfg.Policy, r.clk.Now()); !strings.Contains(d.Reason, "not seen again") {
			t.Fatalf("decision %+v", d)
		}
		r.process(t, finding("web-1", "tor-relay", "tor", r.clk.Now()))
		if res := r.tick(t); res.Approval != 1 {
			t.Fatalf("tick %+v: want a suspension waiting for approval", res)
		}
		r.tick(t) // the wait is recorded once
		if err := r.n.Approve(r.ctx, 1, "alice", "evidence checked"); err != nil {
			t.Fatal(err)
		}
		if res := r.tick(t); res.Suspended != 1 {
			t.Fatalf("tick %+v: want a suspension", res)
		}
		// Until the action has run the case reads "suspension pending", and no
		// suspension notice goes out.
		if got := DisplayState(r.caseOf(t, 1)); got != ShowSuspensionPending {
			t.Fatalf("before the action: %q, want %q", got, ShowSuspensionPending)
		}
		if res := r.tick(t); res.Messages != 0 {
			t.Fatalf("tick %+v before the action: want no notice", res)
		}
		runner, err := NewActionRunner(cfg.Hook, r.store, quietLog())
		if err != nil {
			t.Fatal(err)
		}
		for range 3 { // the action runs once, however often the runner is called
			if _, err := runner.Run(r.ctx, r.clk.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
		}
		if got := DisplayState(r.caseOf(t, 1)); got != ShowSuspended {
			t.Fatalf("after the action: %q, want %q", got, ShowSuspended)
		}
		if res := r.tick(t); res.Messages != 1 {
			t.Fatalf("tick %+v after the action: want the suspension notice", res)
		}
		drain(t, r, tr)
		if err := r.n.Reinstate(r.ctx, 1, "bob", "tenant removed the relay"); err != nil {
			t.Fatal(err)
		}
		if got := DisplayState(r.caseOf(t, 1)); got != ShowReinstatePending {
			t.Fatalf("before the unsuspend action: %q, want %q", got, ShowReinstatePending)
		}
		if _, err := runner.Run(r.ctx, r.clk.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if res := r.tick(t); res.Messages != 1 {
			t.Fatalf("tick %+v after the unsuspend action: want the reinstatement notice", res)
		}
		drain(t, r, tr)
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(lines) != 2 || !strings.Contains(lines[0], `"idempotency_key":"AUP-000001:suspend"`) ||
			!strings.Contains(lines[1], `"idempotency_key":"AUP-000001:unsuspend"`) {
			t.Fatalf("hook received:\n%s", b)
		}
		want := []string{"opened", "warning notice queued", "notice delivered", "reminder notice queued", "notice delivered",
			"final notice queued", "notice delivered", "seen after final notice", "suspension awaits approval",
			"suspension approved", "suspended", "suspend action done", "suspended notice queued", "notice delivered",
			"reinstatement requested", "unsuspend action done", "reinstated notice queued", "notice delivered"}
		if got := events(t, r, 1); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("audit trail:\n got %q\nwant %q", got, want)
		}
		files, _ := filepath.Glob(filepath.Join(cfg.Mail.Folder, "*.eml"))
		if len(files) != 5 {
			t.Errorf("mail folder holds %d messages, want 5", len(files))
		}
		if c := r.caseOf(t, 1); c.State != store.StateResolved {
			t.Errorf("after reinstatement the case is %s", c.State)
		}
	})
}

// TestDigest queues the notices due for one tenant in one tick as one message whose
// id derives from the (case, stage) set, and tracks delivery per case.
func TestDigest(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		cfg := testConfig(t, t.TempDir())
		r := newRigOn(t, cfg, bk)
		r.process(t, finding("web-1", "tor-relay", "tor", t0), finding("web-2", "vpn-wireguard", "vpn", t0),
			finding("db-1", "xmrig", "mining", t0), finding("lotus-1", "tor-relay", "tor", t0))
		if res := r.tick(t); res.Messages != 2 || res.Notices != 4 {
			t.Fatalf("tick %+v: want 2 messages carrying 4 notices", res)
		}
		all, err := r.store.AllOutbox(r.ctx)
		if err != nil {
			t.Fatal(err)
		}
		acme := all[0]
		if len(acme.Items) != 3 || !strings.Contains(acme.MessageID, "digest3") {
			t.Fatalf("acme message %s carries %v", acme.MessageID, acme.Items)
		}
		if want := mail.MessageID(r.store.Instance(), acme.Items, 0, "cloud.example"); acme.MessageID != want {
			t.Errorf("Message-ID %s, want %s from its items", acme.MessageID, want)
		}
		tr, _ := mail.NewFolderTransport(cfg.Mail.Folder)
		drain(t, r, tr)
		for id := int64(1); id <= 4; id++ {
			if c := r.caseOf(t, id); c.StageDeliveredAt.IsZero() {
				t.Errorf("case %d: delivery not recorded", id)
			}
		}
	})
}

// TestSkips checks the findings that open no case.
func TestSkips(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		cfg := testConfig(t, t.TempDir())
		cfg.Policy.MinConfidence = map[string]string{"vpn": "high"}
		cfg.Exemptions = []store.Exemption{{Tenant: "acme", Host: "web-2", Category: "proxy", Reason: "reverse proxy product"},
			{Tenant: "acme", Rule: "old", Reason: "expired", Expires: t0.Add(-time.Hour)}}
		r := newRigOn(t, cfg, bk)
		if err := r.n.Exempt(r.ctx, store.Exemption{Tenant: "acme", Rule: "xmrig", Reason: "research lab", Expires: t0.Add(time.Hour)}, "carol"); err != nil {
			t.Fatal(err)
		}
		low := finding("web-1", "vpn-wg", "vpn", t0)
		low.Confidence = "medium"
		res := r.process(t, finding("nobody", "tor-relay", "tor", t0), finding("web-1", "rdp", "remote-access", t0), low,
			finding("web-2", "squid", "proxy", t0), finding("web-1", "xmrig", "mining", t0), finding("web-1", "old", "tor", t0))
		want := map[string]int{SkipNoTenant: 1, SkipNotViolation: 1, SkipLowConfidence: 1, SkipExempt: 2}
		for k, v := range want {
			if res.Skipped[k] != v {
				t.Errorf("skipped %q: %d, want %d", k, res.Skipped[k], v)
			}
		}
		if res.Opened != 1 {
			t.Errorf("opened %d, want 1 (the expired exemption)", res.Opened)
		}
		r.clk.Add(2 * time.Hour) // the operator's exemption has expired
		if res := r.process(t, finding("web-1", "xmrig", "mining", r.clk.Now())); res.Opened != 1 {
			t.Errorf("after expiry: %+v", res)
		}
	})
}

// failing is a transport that refuses every message.
type failing struct {
	err   error
	calls int
}

func (f *failing) Send(_ context.Context, _ mail.Envelope) error { f.calls++; return f.err }
func (f *failing) Close() error                                  { return nil }

// TestUndeliverableHolds: a permanent failure, or retries exhausted, holds the case:
// it climbs no further and is listed as needing contact; Resume queues the notice
// again under a new Message-ID.
func TestUndeliverableHolds(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		for _, tc := range []struct {
			name string
			err  error
			runs int
		}{
			{"permanent", &mail.PermanentError{Err: errors.New("550 no such user")}, 1},
			{"retries exhausted", errors.New("421 try later"), 3},
		} {
			t.Run(tc.name, func(t *testing.T) {
				cfg := testConfig(t, t.TempDir())
				cfg.Mail.MaxAttempts = 3
				r := newRigOn(t, cfg, bk)
				r.process(t, finding("web-1", "tor-relay", "tor", t0))
				r.tick(t)
				tr := &failing{err: tc.err}
				for range tc.runs {
					drain(t, r, tr)
					r.clk.Add(time.Hour)
				}
				c := r.caseOf(t, 1)
				if !c.NoticeFailed || tr.calls != tc.runs {
					t.Fatalf("case %+v after %d attempts", c, tr.calls)
				}
				r.clk.Add(3 * 24 * time.Hour)
				r.process(t, finding("web-1", "tor-relay", "tor", r.clk.Now()))
				if res := r.tick(t); res.Held != 1 || res.Messages != 0 {
					t.Fatalf("tick %+v: want the case held", res)
				}
				l, err := r.n.List(r.ctx, ListFilter{NeedsContact: true}, r.clk.Now())
				if err != nil || len(l) != 1 {
					t.Fatalf("needs contact: %v %v", l, err)
				}
				if err := r.n.Resume(r.ctx, 1, "dave", "phoned the tenant, address fixed"); err != nil {
					t.Fatal(err)
				}
				all, _ := r.store.AllOutbox(r.ctx)
				if len(all) != 2 || all[0].MessageID == all[1].MessageID || all[1].Status != store.OutboxPending {
					t.Fatalf("after resume: %+v", all)
				}
			})
		}
	})
}

// TestAppeal: an appeal stops the ladder until staff resume it.
func TestAppeal(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		cfg := testConfig(t, t.TempDir())
		r := newRigOn(t, cfg, bk)
		tr, _ := mail.NewFolderTransport(cfg.Mail.Folder)
		r.process(t, finding("web-1", "tor-relay", "tor", t0))
		r.tick(t)
		drain(t, r, tr)
		if err := r.n.Appeal(r.ctx, 1, "erin", "tenant says it is a research project"); err != nil {
			t.Fatal(err)
		}
		r.clk.Add(3 * 24 * time.Hour)
		r.process(t, finding("web-1", "tor-relay", "tor", r.clk.Now()))
		if res := r.tick(t); res.Held != 1 || res.Messages != 0 {
			t.Fatalf("appealed case: tick %+v", res)
		}
		if err := r.n.Approve(r.ctx, 1, "erin", "x"); !errors.Is(err, ErrState) {
			t.Errorf("approve before a final notice: %v", err)
		}
		if err := r.n.Resume(r.ctx, 1, "erin", "appeal rejected"); err != nil {
			t.Fatal(err)
		}
		if res := r.tick(t); res.Notices != 1 {
			t.Fatalf("resumed case: tick %+v", res)
		}
	})
}

// TestDryRunCapResolvePurge covers dry-run recording, the daily cap, resolution by
// silence with its notice, and the retention purge.
func TestDryRunCapResolvePurge(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		cfg := testConfig(t, t.TempDir())
		cfg.Policy.DryRunRules = []string{"new-rule"}
		cfg.Policy.MaxNoticesPerDay = 1
		cfg.Policy.Suspension = SuspendAuto
		r := newRigOn(t, cfg, bk)
		tr, _ := mail.NewFolderTransport(cfg.Mail.Folder)
		r.process(t, finding("web-1", "new-rule", "vpn", t0), finding("web-2", "tor-relay", "tor", t0))
		r.tick(t)
		all, _ := r.store.AllOutbox(r.ctx)
		if len(all) != 2 || all[0].Status != store.OutboxPending || all[1].Status != store.OutboxDryRun {
			t.Fatalf("outbox: %+v", all)
		}
		// A second real case the same (Berlin) day waits for the cap; the dry run walks on.
		r.clk.Add(time.Hour)
		r.process(t, finding("db-1", "xmrig", "mining", r.clk.Now()))
		if res := r.tick(t); res.Deferred != 1 {
			t.Fatalf("tick %+v: want the notice deferred by the cap", res)
		}
		r.clk.Add(24 * time.Hour)
		if res := r.tick(t); res.Messages == 0 {
			t.Fatalf("next day: %+v", res)
		}
		for range 4 { // dry run: up to a recorded suspension, nothing sent
			r.clk.Add(24 * time.Hour)
			r.process(t, finding("web-1", "new-rule", "vpn", r.clk.Now()))
			drain(t, r, tr)
			r.tick(t)
		}
		acts, _ := r.store.Actions(r.ctx, 1)
		if len(acts) != 1 || acts[0].Status != store.ActionDryRun {
			t.Fatalf("dry-run actions: %+v", acts)
		}
		if c := r.caseOf(t, 1); c.State != store.StateOpen || c.Stage != store.StageSuspend {
			t.Fatalf("dry-run case: %s %s", c.State, c.Stage)
		}
		// Case 2 has not been seen for a week: resolved, with a notice.
		r.clk.Add(4 * 24 * time.Hour)
		r.tick(t)
		if c := r.caseOf(t, 2); c.State != store.StateResolved || c.Stage != store.StageResolved {
			t.Fatalf("case 2: %s %s", c.State, c.Stage)
		}
		drain(t, r, tr)
		r.clk.Add(time.Duration(cfg.Policy.Retention) + time.Hour)
		n, err := r.n.Purge(r.ctx, r.clk.Now())
		if err != nil || n == 0 {
			t.Fatalf("purge: %d %v", n, err)
		}
		if _, err := r.store.Case(r.ctx, 2); !errors.Is(err, store.ErrNoCase) {
			t.Errorf("case 2 after purge: %v", err)
		}
		if a, _ := r.store.Audit(r.ctx, 2); len(a) != 0 {
			t.Errorf("audit of a purged case: %v", a)
		}
	})
}
