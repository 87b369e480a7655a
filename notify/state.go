package notify

import (
	"fmt"
	"time"

	"github.com/aupscan/aupscan/notify/store"
)

// Case states as a person reads them: the page, the console and the CLI show these,
// never the bare database state, so that no case reads "suspended" before the
// suspension has been carried out.
const (
	ShowOpen               = "open"
	ShowAppealed           = "appealed"
	ShowRecheck            = "re-check pending"
	ShowSuspensionPending  = "suspension pending"
	ShowSuspensionByHand   = "suspension requested: carry it out by hand"
	ShowSuspended          = "suspended"
	ShowReinstatePending   = "reinstatement pending"
	ShowReinstateByHand    = "reinstatement requested: carry it out by hand"
	ShowResolved           = "resolved"
	ShowNeedsContact       = "needs contact"
	ShowAwaitingApproval   = "awaiting approval"
	showReinstatedResolved = "reinstated"
)

// DisplayState is where case c stands, as the tenant page, the console and the CLI
// say it.
func DisplayState(c store.Case) string {
	switch c.State {
	case store.StateResolved:
		if c.Stage == store.StageReinstated || c.ReinstateStatus == store.ActionStatusDone {
			return showReinstatedResolved
		}
		return ShowResolved
	case store.StateSuspended:
		switch {
		case c.ReinstateStatus == store.ActionStatusManual:
			return ShowReinstateByHand
		case c.ReinstateStatus != "":
			return ShowReinstatePending
		case c.SuspendStatus == store.ActionStatusManual:
			return ShowSuspensionByHand
		case c.SuspendStatus == store.ActionStatusPending:
			return ShowSuspensionPending
		}
		return ShowSuspended
	}
	switch {
	case c.Appealed:
		return ShowAppealed
	case c.RecheckPending():
		return ShowRecheck
	case c.NoticeFailed:
		return ShowNeedsContact
	}
	return ShowOpen
}

// decideSuspended: a suspended case waits for its action, then sends the notice
// that says it was done; the same for the reinstatement, which then closes the case.
func decideSuspended(c store.Case) Decision {
	switch {
	case c.ReinstateStatus == store.ActionStatusDone:
		return Decision{Action: ActionReinstated, Stage: store.StageReinstated, Reason: "reinstated: the unsuspend action is done"}
	case c.ReinstateStatus == store.ActionStatusManual:
		return Decision{Action: ActionNone, Reason: ShowReinstateByHand + ", then confirm it (aupscan cases confirm)"}
	case c.ReinstateStatus != "":
		return Decision{Action: ActionNone, Reason: ShowReinstatePending + ": the unsuspend action has not succeeded yet"}
	case c.SuspendStatus == store.ActionStatusDone && c.Stage == store.StageSuspend:
		return Decision{Action: ActionSuspended, Stage: store.StageSuspended, Reason: "suspended: the suspend action is done"}
	case c.SuspendStatus == store.ActionStatusManual:
		return Decision{Action: ActionNone, Reason: ShowSuspensionByHand + ", then confirm it (aupscan cases confirm)"}
	case c.SuspendStatus == store.ActionStatusPending:
		return Decision{Action: ActionNone, Reason: ShowSuspensionPending + ": the suspend action has not succeeded yet"}
	}
	return Decision{Action: ActionNone, Reason: "suspended: reinstatement is an operator's decision"}
}

// decideRecheck applies a re-check the tenant asked for: the ladder holds until a
// scan of the host has run after the request (or, for traffic and for hosts the
// daemon cannot scan at once, the quiet period has passed); a re-check that saw
// nothing since the request resolves the case. ok is false when no re-check applies.
func decideRecheck(c store.Case, p Policy, loc *time.Location, now, resolveAt time.Time) (Decision, bool) {
	if c.RecheckRequestedAt.IsZero() || c.LastSeen.After(c.RecheckRequestedAt) {
		return Decision{}, false // none asked, or seen again since: the ladder goes on
	}
	quietEnd := p.RecheckQuiet.After(c.RecheckRequestedAt, loc)
	ran := !c.RecheckRanAt.Before(c.RecheckRequestedAt)
	if !ran && now.Before(quietEnd) {
		return Decision{Action: ActionHold, Next: earliest(quietEnd, resolveAt),
			Reason: fmt.Sprintf("re-check asked at %s: waiting for it to run (at most until %s)", stamp(c.RecheckRequestedAt), stamp(quietEnd))}, true
	}
	d := Decision{Action: ActionResolve, Stage: store.StageResolved,
		Reason: fmt.Sprintf("re-check after %s found nothing", stamp(c.RecheckRequestedAt))}
	return d, true
}
