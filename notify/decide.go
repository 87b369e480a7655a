package notify

import (
	"fmt"
	"time"

	"github.com/aupscan/aupscan/notify/store"
)

// An Action is what Decide finds due for a case.
type Action string

// Actions Decide returns.
const (
	ActionNone     Action = "none"
	ActionWarning  Action = "warning"
	ActionReminder Action = "reminder"
	ActionFinal    Action = "final"
	ActionSuspend  Action = "suspend"
	ActionResolve  Action = "resolve"
	// ActionHold: the ladder is paused (appeal, or a notice that could not be delivered).
	ActionHold Action = "hold"
	// ActionApproval: a suspension is due and waits for an operator's approval.
	ActionApproval Action = "approval"
	// ActionSuspended and ActionReinstated: the suspension or reinstatement has been
	// carried out; the notice that says so is due.
	ActionSuspended  Action = "suspended"
	ActionReinstated Action = "reinstated"
)

// ActorPolicy is the audit actor of decisions the escalation policy makes.
const ActorPolicy = "policy"

// A Decision is what is due for a case now, and why.
type Decision struct {
	Action Action
	Reason string
	// Stage is the stage a notice action moves the case to.
	Stage store.Stage
	// Deadline is, for a notice, when the next step falls due if the tenant does
	// nothing and the notice is delivered now: the date the notice shows.
	Deadline time.Time
	// Next is the earliest time the decision can change without new input (zero when
	// only an operator or a finding can change it).
	Next time.Time
}

// Decide returns what is due for case c under policy p at time now. It is a pure
// function: the case (with its tenant's time zone in c.Loc), the policy and the clock
// are all it reads, so every outcome can be tested with a table.
func Decide(c store.Case, p Policy, now time.Time) Decision {
	loc := c.Loc
	if loc == nil {
		loc = time.UTC
	}
	switch c.State {
	case store.StateResolved:
		return Decision{Action: ActionNone, Reason: "case closed"}
	case store.StateSuspended:
		return decideSuspended(c)
	}
	resolveAt := p.ResolveAfter.After(c.LastSeen, loc)
	if !now.Before(resolveAt) {
		return Decision{Action: ActionResolve, Stage: store.StageResolved,
			Reason: fmt.Sprintf("not seen since %s (resolve_after %s)", stamp(c.LastSeen), p.ResolveAfter)}
	}
	if c.Appealed {
		return Decision{Action: ActionHold, Reason: "appeal pending: held until staff resolve or resume", Next: resolveAt}
	}
	if d, ok := decideRecheck(c, p, loc, now, resolveAt); ok {
		return d
	}
	if c.NoticeFailed {
		return Decision{Action: ActionHold, Reason: fmt.Sprintf("%s notice undeliverable: needs contact", c.Stage), Next: resolveAt}
	}
	steps := p.ladderOf(c).steps()
	cur := currentStep(steps, c.Stage)
	if cur >= 0 && c.StageDeliveredAt.IsZero() {
		return Decision{Action: ActionNone, Reason: fmt.Sprintf("awaiting delivery of the %s notice", c.Stage), Next: resolveAt}
	}
	if cur+1 >= len(steps) {
		return Decision{Action: ActionNone, Reason: "ladder complete: waiting for resolution", Next: resolveAt}
	}
	next := steps[cur+1]
	due := dueAt(c, steps, cur, loc)
	if now.Before(due) {
		return Decision{Action: ActionNone, Next: earliest(due, resolveAt),
			Reason: fmt.Sprintf("%s due at %s", next.stage, stamp(due))}
	}
	if next.stage == store.StageSuspend {
		return decideSuspend(c, p, loc, resolveAt)
	}
	d := Decision{Action: Action(next.stage), Stage: next.stage, Next: resolveAt,
		Reason: fmt.Sprintf("%s due since %s", next.stage, stamp(due))}
	if cur+2 < len(steps) {
		// Project the deadline as if this notice were delivered now.
		proj := c
		proj.Stage, proj.StageDeliveredAt = next.stage, now
		d.Deadline = dueAt(proj, steps, cur+1, loc)
	}
	return d
}

// decideSuspend applies the re-check and the approval before a suspension.
func decideSuspend(c store.Case, p Policy, loc *time.Location, resolveAt time.Time) Decision {
	if c.FinalDeliveredAt.IsZero() {
		return Decision{Action: ActionHold, Reason: "no delivered final notice: no suspension", Next: resolveAt}
	}
	if !c.LastSeen.After(c.FinalDeliveredAt) {
		return Decision{Action: ActionNone, Next: resolveAt, Reason: fmt.Sprintf(
			"suspension due, but not seen again since the final notice of %s", stamp(c.FinalDeliveredAt))}
	}
	seen := fmt.Sprintf("seen again at %s after the final notice of %s",
		stamp(c.LastSeen), stamp(c.FinalDeliveredAt))
	if p.Suspension != SuspendAuto && !c.Approved {
		return Decision{Action: ActionApproval, Reason: seen + ": awaiting operator approval"}
	}
	how := "automatic suspension"
	if c.Approved {
		how = "approved by " + c.ApprovedBy
	}
	return Decision{Action: ActionSuspend, Stage: store.StageSuspend, Reason: seen + ": " + how}
}

// stageRank orders the ladder stages, so a case keeps its place when a ladder changes.
var stageRank = map[store.Stage]int{store.StageNone: 0, store.StageWarning: 1, store.StageReminder: 2, store.StageFinal: 3,
	store.StageSuspend: 4, store.StageSuspended: 5}

// currentStep returns the index of the last step at or below stage, -1 for none.
func currentStep(steps []step, stage store.Stage) int {
	cur := -1
	for i, s := range steps {
		if stageRank[s.stage] <= stageRank[stage] {
			cur = i
		}
	}
	return cur
}

// dueAt returns when the step after steps[cur] is due: its delay after the first
// sighting, but never sooner after the previous notice's delivery than the ladder's gap
// between the two, so a late notice does not shorten the time the tenant is given.
func dueAt(c store.Case, steps []step, cur int, loc *time.Location) time.Time {
	next := steps[cur+1]
	due := next.delay.After(c.FirstSeen, loc)
	if cur >= 0 {
		if t := next.delay.Sub(steps[cur].delay).After(c.StageDeliveredAt, loc); t.After(due) {
			due = t
		}
	}
	return due
}

func earliest(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// stamp formats t for reasons in the audit trail and on operators' screens: in UTC,
// as the CLI writes every other time there, so one screen never mixes zones (a
// tenant's zone counts only for the calendar days of its ladder, and its notices).
func stamp(t time.Time) string {
	return t.UTC().Format("2006-01-02 15:04:05Z")
}
