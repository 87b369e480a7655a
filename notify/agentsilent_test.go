package notify

import (
	"testing"
	"time"

	"github.com/aupscan/aupscan/notify/store"
)

// TestAgentSilentCase: a silent agent opens a case for operator review that no tick,
// however late, turns into a notice or a suspension; a heartbeat closes it, without a
// notice either; a real violation of the same host is still notified.
func TestAgentSilentCase(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		r := newRigOn(t, testConfig(t, t.TempDir(), func(c *Config) { c.Policy.Suspension = SuspendAuto }), b)
		last := r.clk.Now().Add(-10 * time.Minute)
		opened, err := r.n.AgentSilent(r.ctx, "web-1", last)
		if err != nil || !opened {
			t.Fatalf("AgentSilent: opened %v, %v", opened, err)
		}
		if opened, err := r.n.AgentSilent(r.ctx, "web-1", last); err != nil || opened {
			t.Fatalf("second report: opened %v, %v; want the same case refreshed", opened, err)
		}
		if opened, err := r.n.AgentSilent(r.ctx, "stray-9", last); err != nil || !opened {
			t.Fatalf("unknown host: opened %v, %v; want a case without a tenant", opened, err)
		}
		r.process(t, finding("web-1", "tor-relay", "tor", r.clk.Now()))
		for range 6 { // well past every rung of the ladder
			r.clk.Add(72 * time.Hour)
			r.tick(t)
		}
		cases, err := r.store.ActiveCases(r.ctx)
		if err != nil {
			t.Fatal(err)
		}
		var silent []store.Case
		for _, c := range cases {
			if IsReview(c) {
				silent = append(silent, c)
			}
		}
		if len(silent) != 2 {
			t.Fatalf("%d agent-silent cases open, want 2: %+v", len(silent), silent)
		}
		for _, c := range silent {
			if c.Stage != store.StageNone || c.State != store.StateOpen {
				t.Errorf("%s: stage %q state %q, want no notice and still open", c.Ref(), c.Stage, c.State)
			}
			if out, _ := r.store.OutboxOf(r.ctx, c.ID); len(out) != 0 {
				t.Errorf("%s: %d messages queued for an agent-silent case", c.Ref(), len(out))
			}
			if acts, _ := r.store.Actions(r.ctx, c.ID); len(acts) != 0 {
				t.Errorf("%s: %d actions for an agent-silent case", c.Ref(), len(acts))
			}
		}
		if silent[0].Tenant != "acme" || silent[0].Count != 2 || silent[1].Tenant != "" {
			t.Errorf("cases %+v", silent)
		}
		all, err := r.store.Cases(r.ctx, store.CaseFilter{All: true})
		var tor []store.Case
		for _, c := range all {
			if c.Rule == "tor-relay" {
				tor = append(tor, c)
			}
		}
		if err != nil || len(tor) != 1 {
			t.Fatalf("the tor case beside it: %+v, %v", tor, err)
		}
		if out, _ := r.store.OutboxOf(r.ctx, tor[0].ID); len(out) == 0 {
			t.Errorf("the tor case beside it got no notice")
		}
		if res := r.tick(t); res.Review != 2 || res.Messages != 0 {
			t.Errorf("tick %+v, want 2 for review and no message", res)
		}
		rep, err := r.n.Show(r.ctx, silent[0].ID, r.clk.Now())
		if err != nil || rep.Decision.Action != ActionHold {
			t.Errorf("cases show of an agent-silent case: %+v, %v; want a hold for review", rep.Decision, err)
		}
		closed, err := r.n.AgentHeard(r.ctx, "web-1", r.clk.Now())
		if err != nil || !closed {
			t.Fatalf("AgentHeard: %v, %v", closed, err)
		}
		if closed, err := r.n.AgentHeard(r.ctx, "web-1", r.clk.Now()); err != nil || closed {
			t.Fatalf("AgentHeard again: %v, %v; want nothing to close", closed, err)
		}
		c := r.caseOf(t, silent[0].ID)
		if c.State != store.StateResolved {
			t.Errorf("after a heartbeat: %s", c.State)
		}
		trail, _ := r.store.Audit(r.ctx, c.ID)
		if e := trail[len(trail)-1]; e.Actor != "fleet" || e.Event != "resolved" {
			t.Errorf("last audit entry %+v", e)
		}
		if out, _ := r.store.OutboxOf(r.ctx, c.ID); len(out) != 0 {
			t.Errorf("closing sent %d messages", len(out))
		}
	})
}
