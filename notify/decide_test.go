package notify

import (
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/notify/store"
)

func mustLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestDecide walks every branch of Decide, with clock edges one nanosecond either side
// of each deadline and ladders counted on calendars that change to or from daylight
// saving time in between.
func TestDecide(t *testing.T) {
	utc := time.UTC
	ny := mustLoc(t, "America/New_York")
	sh := mustLoc(t, "Asia/Shanghai")
	t0 := time.Date(2025, 6, 2, 10, 0, 0, 0, utc)
	pol := DefaultPolicy() // warning 0, reminder 1d, final 2d, suspend 3d, resolve 7d
	auto := DefaultPolicy()
	auto.Suspension = SuspendAuto
	noRem := DefaultPolicy()
	noRem.Ladder.Reminder = nil
	noSusp := DefaultPolicy()
	noSusp.Ladder.Suspend = nil
	catL := DefaultPolicy()
	catL.CategoryLadders = map[string]Ladder{"mining": {Warning: &Delay{}, Final: &Delay{Clock: 6 * time.Hour}, Suspend: &Delay{Clock: 12 * time.Hour}}}
	sevL := DefaultPolicy()
	sevL.SeverityLadders = map[string]Ladder{"critical": {Warning: &Delay{Clock: time.Hour}, Final: &Delay{Days: 1}}}
	ns := time.Nanosecond
	h := time.Hour
	day := 24 * h

	fresh := store.Case{State: store.StateOpen, Category: "vpn", Severity: "high", FirstSeen: t0, LastSeen: t0, Loc: utc}
	at := func(c store.Case, f func(*store.Case)) store.Case { f(&c); return c }
	warned := at(fresh, func(c *store.Case) { c.Stage, c.StageQueuedAt, c.StageDeliveredAt = store.StageWarning, t0, t0 })
	reminded := at(warned, func(c *store.Case) { c.Stage, c.StageDeliveredAt = store.StageReminder, t0.Add(day) })
	final := at(reminded, func(c *store.Case) {
		c.Stage, c.StageDeliveredAt, c.FinalDeliveredAt = store.StageFinal, t0.Add(2*day), t0.Add(2*day)
	})
	seenAgain := at(final, func(c *store.Case) { c.LastSeen = t0.Add(2*day + h) })

	// Daylight saving: New York springs forward on 2025-03-09 (23-hour day) and falls
	// back on 2025-11-02 (25-hour day). A 1d reminder keeps the wall clock: 10:00.
	spring := time.Date(2025, 3, 8, 10, 0, 0, 0, ny)
	fall := time.Date(2025, 11, 1, 10, 0, 0, 0, ny)
	nyWarned := func(first time.Time) store.Case {
		return at(fresh, func(c *store.Case) {
			c.Loc, c.FirstSeen, c.LastSeen = ny, first, first
			c.Stage, c.StageDeliveredAt = store.StageWarning, first
		})
	}

	tests := []struct {
		name   string
		c      store.Case
		p      Policy
		now    time.Time
		want   Action
		reason string // a substring the reason must contain
	}{
		{"closed case", at(fresh, func(c *store.Case) { c.State = store.StateResolved }), pol, t0, ActionNone, "closed"},
		{"suspended case waits for operator", at(fresh, func(c *store.Case) { c.State = store.StateSuspended }), pol, t0.Add(30 * day), ActionNone, "reinstatement"},
		{"new case: warning at once", fresh, pol, t0, ActionWarning, "warning due"},
		{"severity ladder: warning 1ns before 1h", at(fresh, func(c *store.Case) { c.Severity = "critical" }), sevL, t0.Add(h - ns), ActionNone, "warning due at"},
		{"severity ladder: warning at 1h", at(fresh, func(c *store.Case) { c.Severity = "critical" }), sevL, t0.Add(h), ActionWarning, ""},
		{"severity ladder not used for other severities", fresh, sevL, t0, ActionWarning, ""},
		{"warning queued, not delivered", at(warned, func(c *store.Case) { c.StageDeliveredAt = time.Time{} }), pol, t0.Add(3 * day), ActionNone, "awaiting delivery"},
		{"reminder 1ns early", warned, pol, t0.Add(day - ns), ActionNone, "reminder due at"},
		{"reminder on time", warned, pol, t0.Add(day), ActionReminder, ""},
		{"late warning delays reminder by the full gap", at(warned, func(c *store.Case) { c.StageDeliveredAt = t0.Add(20 * h) }), pol, t0.Add(day + 19*h + 59*time.Minute), ActionNone, "reminder due at"},
		{"late warning: reminder a day after delivery", at(warned, func(c *store.Case) { c.StageDeliveredAt = t0.Add(20 * h) }), pol, t0.Add(day + 20*h), ActionReminder, ""},
		{"no reminder rung: final next", warned, noRem, t0.Add(day), ActionNone, "final due at"},
		{"no reminder rung: final at 2d", warned, noRem, t0.Add(2 * day), ActionFinal, ""},
		{"final 1ns early", reminded, pol, t0.Add(2*day - ns), ActionNone, "final due at"},
		{"final on time", reminded, pol, t0.Add(2 * day), ActionFinal, ""},
		{"suspension 1ns early", seenAgain, pol, t0.Add(3*day - ns), ActionNone, "suspend due at"},
		{"suspension due but not seen since final", final, pol, t0.Add(3 * day), ActionNone, "not seen again"},
		{"seen exactly at final delivery is not after it", at(final, func(c *store.Case) { c.LastSeen = c.FinalDeliveredAt }), pol, t0.Add(3 * day), ActionNone, "not seen again"},
		{"seen again: awaits approval", seenAgain, pol, t0.Add(3 * day), ActionApproval, "awaiting operator approval"},
		{"seen again and approved: suspend", at(seenAgain, func(c *store.Case) { c.Approved, c.ApprovedBy = true, "alice" }), pol, t0.Add(3 * day), ActionSuspend, "approved by alice"},
		{"seen again, auto mode: suspend", seenAgain, auto, t0.Add(3 * day), ActionSuspend, "automatic"},
		{"ladder without suspension ends at final", seenAgain, noSusp, t0.Add(6 * day), ActionNone, "ladder complete"},
		{"final notice failed: held", at(final, func(c *store.Case) { c.NoticeFailed = true; c.LastSeen = t0.Add(3 * day) }), auto, t0.Add(4 * day), ActionHold, "needs contact"},
		{"final stage without delivery record: no suspension", at(seenAgain, func(c *store.Case) { c.FinalDeliveredAt = time.Time{} }), auto, t0.Add(4 * day), ActionHold, "no delivered final"},
		{"appeal holds the ladder", at(warned, func(c *store.Case) { c.Appealed = true }), pol, t0.Add(2 * day), ActionHold, "appeal"},
		{"appeal holds even an approved suspension", at(seenAgain, func(c *store.Case) { c.Appealed, c.Approved = true, true }), pol, t0.Add(3 * day), ActionHold, "appeal"},
		{"resolve 1ns early", warned, pol, t0.Add(7*day - ns), ActionReminder, ""},
		{"resolve after 7d without sighting", warned, pol, t0.Add(7 * day), ActionResolve, "not seen since"},
		{"resolve wins over a hold", at(warned, func(c *store.Case) { c.NoticeFailed = true }), pol, t0.Add(7 * day), ActionResolve, ""},
		{"resolve wins over an appeal", at(warned, func(c *store.Case) { c.Appealed = true }), pol, t0.Add(8 * day), ActionResolve, ""},
		{"category ladder: final at 6h", at(warned, func(c *store.Case) { c.Category = "mining" }), catL, t0.Add(6 * h), ActionFinal, ""},
		{"category ladder: 1ns before 6h", at(warned, func(c *store.Case) { c.Category = "mining" }), catL, t0.Add(6*h - ns), ActionNone, "final due at"},
		{"ladder shortened under a case keeps its place", at(reminded, func(c *store.Case) { c.Category = "mining" }), catL, t0.Add(2 * day), ActionFinal, ""},
		{"spring forward: reminder 1ns before 10:00 next day (23h)", nyWarned(spring), pol, spring.Add(23*h - ns), ActionNone, "2025-03-09 14:00:00Z"}, // 10:00 EDT, written in UTC,
		{"spring forward: reminder at 10:00 EDT, 23h later", nyWarned(spring), pol, spring.Add(23 * h), ActionReminder, ""},
		{"fall back: nothing at 24h", nyWarned(fall), pol, fall.Add(24 * h), ActionNone, "2025-11-02 15:00:00Z"}, // 10:00 EST, written in UTC,
		{"fall back: reminder at 10:00 EST, 25h later", nyWarned(fall), pol, fall.Add(25 * h), ActionReminder, ""},
		{"zone without DST: 24h", at(nyWarned(spring), func(c *store.Case) { c.Loc = sh }), pol, spring.Add(24 * h), ActionReminder, ""},
		{"zone without DST: 1ns early", at(nyWarned(spring), func(c *store.Case) { c.Loc = sh }), pol, spring.Add(24*h - ns), ActionNone, ""},
		{"nil zone counts in UTC", at(warned, func(c *store.Case) { c.Loc = nil }), pol, t0.Add(day), ActionReminder, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Decide(tt.c, tt.p, tt.now)
			if d.Action != tt.want {
				t.Fatalf("action = %s (%s), want %s", d.Action, d.Reason, tt.want)
			}
			if !strings.Contains(d.Reason, tt.reason) {
				t.Errorf("reason %q does not say %q", d.Reason, tt.reason)
			}
			if d.Reason == "" {
				t.Error("a decision always gives its reason")
			}
		})
	}
}

// TestDecideDeadline checks the deadline a notice shows: the next step's due time if
// the notice is delivered now, counted on the tenant's calendar.
func TestDecideDeadline(t *testing.T) {
	ny := mustLoc(t, "America/New_York")
	pol := DefaultPolicy()
	first := time.Date(2025, 3, 7, 10, 0, 0, 0, ny) // final on 03-09 spans the DST change
	c := store.Case{State: store.StateOpen, Category: "vpn", FirstSeen: first, LastSeen: first, Loc: ny}
	tests := []struct {
		name  string
		stage store.Stage
		deliv time.Time
		now   time.Time
		want  time.Time // zero: no deadline
		act   Action
	}{
		{"warning shows the reminder's time", store.StageNone, time.Time{}, first, time.Date(2025, 3, 8, 10, 0, 0, 0, ny), ActionWarning},
		{"reminder shows the final notice's time across DST", store.StageWarning, first, first.Add(24 * time.Hour), time.Date(2025, 3, 9, 10, 0, 0, 0, ny), ActionReminder},
		{"late reminder pushes the final notice", store.StageWarning, first, first.Add(30 * time.Hour), time.Date(2025, 3, 9, 16, 0, 0, 0, ny), ActionReminder},
		{"final shows the suspension's time", store.StageReminder, time.Date(2025, 3, 8, 10, 0, 0, 0, ny), time.Date(2025, 3, 9, 10, 0, 0, 0, ny), time.Date(2025, 3, 10, 10, 0, 0, 0, ny), ActionFinal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cc := c
			cc.Stage, cc.StageDeliveredAt = tt.stage, tt.deliv
			d := Decide(cc, pol, tt.now)
			if d.Action != tt.act {
				t.Fatalf("action = %s (%s), want %s", d.Action, d.Reason, tt.act)
			}
			if !d.Deadline.Equal(tt.want) {
				t.Errorf("deadline = %s, want %s", d.Deadline.In(ny), tt.want)
			}
		})
	}
	noSusp := DefaultPolicy()
	noSusp.Ladder.Suspend = nil
	cc := c
	cc.Stage, cc.StageDeliveredAt = store.StageReminder, first.Add(24*time.Hour)
	if d := Decide(cc, noSusp, first.Add(48*time.Hour)); d.Action != ActionFinal || !d.Deadline.IsZero() {
		t.Errorf("final without suspension: %+v, want no deadline", d)
	}
}
