package notify

import (
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// TestRoleLadder: a category can be treated by the host's role: here a VPN client
// is only warned, a VPN server climbs the default ladder to a suspension.
func TestRoleLadder(t *testing.T) {
	cfg := testConfig(t, t.TempDir(), func(c *Config) {
		w := Delay{}
		c.Policy.RoleLadders = map[string]map[string]Ladder{"client": {"vpn": {Warning: &w}}}
	})
	p := cfg.Policy
	client := store.Case{Category: "vpn", Role: store.RoleClient}
	server := store.Case{Category: "vpn", Role: store.RoleServer}
	if l := p.ladderOf(client); l.Suspend != nil || l.Reminder != nil {
		t.Errorf("client ladder %+v, want a warning only", l)
	}
	if l := p.ladderOf(server); l.Suspend == nil {
		t.Errorf("server ladder %+v, want the default's suspension", l)
	}
	w := Delay{}
	c := testConfig(t, t.TempDir())
	c.Policy.RoleLadders = map[string]map[string]Ladder{"peer": {"vpn": {Warning: &w}}, "client": {"vpns": {Warning: &w}}}
	err := c.Validate("test.toml")
	for _, want := range []string{"policy.role_ladder.peer: unknown role", "policy.role_ladder.client.vpns: unknown category"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("errors %v lack %q", err, want)
		}
	}
}

// TestRecheckDecision: "fixed: please check again" holds the ladder until a check
// has run (or the quiet period ended); a check that saw nothing resolves the case, a
// sighting after the request lets the ladder go on.
func TestRecheckDecision(t *testing.T) {
	p := DefaultPolicy()
	p.RecheckQuiet = Delay{Clock: 6 * time.Hour}
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	asked := t0.Add(30 * time.Hour)
	base := store.Case{State: store.StateOpen, Stage: store.StageReminder, Category: "vpn", FirstSeen: t0, LastSeen: t0.Add(29 * time.Hour),
		StageQueuedAt: t0.Add(24 * time.Hour), StageDeliveredAt: t0.Add(24 * time.Hour), RecheckRequestedAt: asked}
	for _, tt := range []struct {
		name string
		edit func(*store.Case)
		now  time.Time
		want Action
	}{
		{"waiting for the scan", func(*store.Case) {}, asked.Add(time.Hour), ActionHold},
		{"scan ran, nothing seen", func(c *store.Case) { c.RecheckRanAt = asked.Add(time.Hour) }, asked.Add(2 * time.Hour), ActionResolve},
		{"quiet period over", func(*store.Case) {}, asked.Add(6 * time.Hour), ActionResolve},
		{"seen again after the request", func(c *store.Case) { c.LastSeen = asked.Add(time.Hour) }, t0.Add(48 * time.Hour), ActionFinal},
	} {
		c := base
		tt.edit(&c)
		if d := Decide(c, p, tt.now); d.Action != tt.want {
			t.Errorf("%s: %s (%s), want %s", tt.name, d.Action, d.Reason, tt.want)
		}
	}
}

// TestDisplayState: no case reads "suspended" before its action has succeeded.
func TestDisplayState(t *testing.T) {
	for _, tt := range []struct {
		c    store.Case
		want string
	}{
		{store.Case{State: store.StateOpen}, ShowOpen},
		{store.Case{State: store.StateOpen, Appealed: true}, ShowAppealed},
		{store.Case{State: store.StateSuspended, SuspendStatus: store.ActionStatusPending}, ShowSuspensionPending},
		{store.Case{State: store.StateSuspended, SuspendStatus: store.ActionStatusManual}, ShowSuspensionByHand},
		{store.Case{State: store.StateSuspended, SuspendStatus: store.ActionStatusDone}, ShowSuspended},
		{store.Case{State: store.StateSuspended, SuspendStatus: store.ActionStatusDone, ReinstateStatus: store.ActionStatusPending}, ShowReinstatePending},
		{store.Case{State: store.StateResolved, Stage: store.StageReinstated}, "reinstated"},
	} {
		if got := DisplayState(tt.c); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.c, got, tt.want)
		}
	}
	for _, s := range []store.Case{{State: store.StateSuspended, SuspendStatus: store.ActionStatusPending},
		{State: store.StateSuspended, SuspendStatus: store.ActionStatusManual}} {
		if d := decideSuspended(s); d.Action != ActionNone {
			t.Errorf("%+v: %s before the action, want none", s, d.Action)
		}
	}
}

// TestDid: the notice says what the host did by its role, no more than the evidence.
func TestDid(t *testing.T) {
	flow := store.Case{Category: "vpn", FlowProto: "UDP", FlowSrc: "203.0.113.7", FlowSport: 51000, FlowDst: "198.51.100.20", FlowDport: 1194}
	server, client, installed := flow, flow, store.Case{Category: "proxy", Kind: "file", Role: store.RoleInstalled}
	server.Role, client.Role = store.RoleServer, store.RoleClient
	for _, tt := range []struct {
		c            store.Case
		locale, want string
	}{
		{server, "en", "accepted VPN connections on 1194/udp from 203.0.113.7"},
		{client, "en", "connected to a VPN service at 198.51.100.20 (1194/udp)"},
		{installed, "en", "has proxy software installed"},
		{server, "zh-CN", "在 1194/udp 上接受了来自 203.0.113.7 的VPN连接"},
		{client, "zh-CN", "连接到了位于 198.51.100.20（1194/udp）的VPN服务"},
		{flow, "en", ""}, // no role: nothing said
	} {
		if got := mail.Did(tt.c, tt.locale); got != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.c.Role, tt.locale, got, tt.want)
		}
	}
}
