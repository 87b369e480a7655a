package notify

import (
	"time"

	"github.com/aupscan/aupscan/notify/store"
)

// A Rung is one step of a case's ladder as the tenant page shows it: when its
// notice went out (Done), or when it falls due if nothing changes.
type Rung struct {
	Stage store.Stage
	At    time.Time
	Done  bool
	// Earliest marks a projected date: the earliest the step can come (the suspension
	// also needs a sighting after the final notice, and approval unless automatic).
	Earliest bool
}

// Ladder returns the rungs of case c's ladder: those reached, at the time their
// notice was queued (from the outbox), and those ahead, projected from now as if
// each notice were delivered the moment it is due. A held case (appeal, re-check)
// shows the rungs ahead without dates: nothing is due while it waits.
func (n *Notifier) Ladder(c store.Case, sent []store.OutboxEntry, now time.Time) []Rung {
	c = n.withZone(c)
	loc := c.Loc
	if loc == nil {
		loc = time.UTC
	}
	steps := n.cfg.Policy.ladderOf(c).steps()
	queued := map[store.Stage]time.Time{}
	for _, e := range sent {
		for _, it := range e.Items {
			if it.CaseID == c.ID && (queued[it.Stage].IsZero() || e.CreatedAt.Before(queued[it.Stage])) {
				queued[it.Stage] = e.CreatedAt
			}
		}
	}
	cur := currentStep(steps, c.Stage)
	held := c.Appealed || c.RecheckPending() || c.NoticeFailed || !c.Active()
	var out []Rung
	proj := c
	for i, s := range steps {
		r := Rung{Stage: s.stage}
		switch {
		case i <= cur:
			r.Done, r.At = true, queued[s.stage]
			if s.stage == store.StageSuspend && r.At.IsZero() {
				r.At = c.UpdatedAt
			}
		case !held:
			due := dueAt(proj, steps, i-1, loc)
			if i-1 >= 0 && i-1 == cur && proj.StageDeliveredAt.IsZero() {
				// The current notice is not delivered yet: count from now.
				p := proj
				p.StageDeliveredAt = now
				due = dueAt(p, steps, i-1, loc)
			}
			if due.Before(now) {
				due = now
			}
			r.At, r.Earliest = due, true
			proj.Stage, proj.StageDeliveredAt = s.stage, due
		}
		out = append(out, r)
	}
	return out
}
