package notify

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// ErrState is returned when an operator operation does not apply to the case as it
// stands (approving a case that has had no final notice, reinstating an open case).
var ErrState = errors.New("not possible in the case's state")

// change runs f on a case, read and locked in a transaction, and records the event.
func (n *Notifier) change(ctx context.Context, id int64, actor, event, reason string,
	f func(tx store.Tx, c *store.Case, now time.Time) error) error {
	now := n.now()
	err := n.store.Update(ctx, func(tx store.Tx) error {
		c, err := tx.LockCase(ctx, id)
		if err != nil {
			return err
		}
		c = n.withZone(c)
		if err := f(tx, &c, now); err != nil {
			return err
		}
		c.UpdatedAt = now
		if err := tx.UpdateCase(ctx, &c); err != nil {
			return err
		}
		return tx.Audit(ctx, &c, now, actor, event, reason)
	})
	if err != nil {
		return fmt.Errorf("%s %s: %w", event, store.CaseRef(id), err)
	}
	return nil
}

// Approve records an operator's approval of a case's suspension. It applies once the
// final notice is out; the suspension still waits for a sighting after that notice.
func (n *Notifier) Approve(ctx context.Context, id int64, actor, reason string) error {
	return n.change(ctx, id, actor, "suspension approved", reason, func(_ store.Tx, c *store.Case, _ time.Time) error {
		if c.State != store.StateOpen || stageRank[c.Stage] < stageRank[store.StageFinal] {
			return fmt.Errorf("%w: approval needs an open case with a final notice (state %s, stage %q)", ErrState, c.State, c.Stage)
		}
		c.Approved, c.ApprovedBy, c.Attention = true, actor, false
		return nil
	})
}

// Appeal records a tenant's reply or appeal; the case stops climbing its ladder until
// staff resolve or resume it.
func (n *Notifier) Appeal(ctx context.Context, id int64, actor, note string) error {
	return n.change(ctx, id, actor, "appeal", note, func(_ store.Tx, c *store.Case, _ time.Time) error {
		if !c.Active() {
			return fmt.Errorf("%w: case is %s", ErrState, c.State)
		}
		c.Appealed, c.Attention = true, true
		if c.AppealStage == "" {
			c.AppealStage = c.Stage
		}
		return nil
	})
}

// Resume lets a held case climb again: it ends an appeal, and when the last notice
// could not be delivered it queues that notice again under a new Message-ID, to the
// tenant's contacts as now configured.
func (n *Notifier) Resume(ctx context.Context, id int64, actor, note string) error {
	return n.change(ctx, id, actor, "resumed", note, func(tx store.Tx, c *store.Case, now time.Time) error {
		if c.State != store.StateOpen {
			return fmt.Errorf("%w: case is %s", ErrState, c.State)
		}
		c.Appealed, c.Attention = false, false
		if !c.NoticeFailed {
			return nil
		}
		c.NoticeFailed = false
		t := n.cfg.Tenant(c.Tenant)
		if t == nil {
			return fmt.Errorf("tenant %q is not configured", c.Tenant)
		}
		it := mail.NoticeItem{Case: *c, Stage: c.Stage, Deadline: n.projectDeadline(*c, now)}
		m, err := n.renderItems(ctx, tx, t, []mail.NoticeItem{it}, now)
		if err != nil {
			return err
		}
		c.StageQueuedAt, c.StageDeliveredAt = now, time.Time{}
		return insertOutbox(ctx, tx, m, t.ID, store.OutboxPending, []store.Item{{CaseID: c.ID, Stage: c.Stage}}, now)
	})
}

// projectDeadline is the next step's due time if c's current notice is delivered now.
func (n *Notifier) projectDeadline(c store.Case, now time.Time) time.Time {
	steps := n.cfg.Policy.ladderOf(c).steps()
	cur := currentStep(steps, c.Stage)
	if cur < 0 || cur+1 >= len(steps) {
		return time.Time{}
	}
	c.StageDeliveredAt = now
	return dueAt(c, steps, cur, c.Loc)
}

// Resolve closes an open case by an operator's decision, with a resolved notice when
// the tenant had been notified.
func (n *Notifier) Resolve(ctx context.Context, id int64, actor, reason string) error {
	return n.change(ctx, id, actor, "resolved", reason, func(tx store.Tx, c *store.Case, now time.Time) error {
		if c.State != store.StateOpen {
			return fmt.Errorf("%w: case is %s (a suspended case is reinstated)", ErrState, c.State)
		}
		notify := c.Stage != store.StageNone
		c.State, c.ClosedAt, c.Attention = store.StateResolved, now, false
		if !notify {
			return nil
		}
		t := n.cfg.Tenant(c.Tenant)
		if t == nil {
			return fmt.Errorf("tenant %q is not configured", c.Tenant)
		}
		c.Stage, c.StageQueuedAt, c.StageDeliveredAt = store.StageResolved, now, time.Time{}
		m, err := n.renderItems(ctx, tx, t, []mail.NoticeItem{{Case: *c, Stage: store.StageResolved}}, now)
		if err != nil {
			return err
		}
		status := store.OutboxPending
		if n.dryRun(*c) {
			status = store.OutboxDryRun
		}
		return insertOutbox(ctx, tx, m, t.ID, status, []store.Item{{CaseID: c.ID, Stage: store.StageResolved}}, now)
	})
}

// Reinstate ends a suspension: the unsuspend action is queued, run by the
// ActionRunner like the suspension was (or by hand, confirmed with Confirm). The case
// reads "reinstatement pending" until it is done; then the reinstatement notice goes
// out and the case closes (Decide, Tick).
func (n *Notifier) Reinstate(ctx context.Context, id int64, actor, reason string) error {
	return n.change(ctx, id, actor, "reinstatement requested", reason, func(tx store.Tx, c *store.Case, now time.Time) error {
		if c.State != store.StateSuspended || c.ReinstateStatus != "" {
			return fmt.Errorf("%w: case is %s, not suspended", ErrState, DisplayState(*c))
		}
		status := n.actionStatus(false)
		c.ReinstateStatus, c.Attention = caseActionStatus(status), false
		return insertAction(ctx, tx, c, KindUnsuspend, actor, reason, status, now)
	})
}

// Confirm records that staff carried out by hand the suspension or reinstatement of
// a case that waits for it (no suspension action configured): the case then reads
// "suspended" (or is reinstated) and its notice is due.
func (n *Notifier) Confirm(ctx context.Context, id int64, actor, reason string) error {
	c, err := n.store.Case(ctx, id)
	if err != nil {
		return err
	}
	kind := KindSuspend
	switch {
	case c.ReinstateStatus == store.ActionStatusManual:
		kind = KindUnsuspend
	case c.SuspendStatus != store.ActionStatusManual:
		return fmt.Errorf("confirm %s: %w: nothing waits to be done by hand (%s)", c.Ref(), ErrState, DisplayState(c))
	}
	if reason == "" {
		return fmt.Errorf("confirm %s: a reason (what was done, and where) is required", c.Ref())
	}
	return n.store.ConfirmAction(ctx, id, kind, actor, reason, n.now())
}

// Exempt records an exemption from now on: findings it covers open no case until it
// expires. Cases already open stay open: staff resolve them if they should close.
func (n *Notifier) Exempt(ctx context.Context, e store.Exemption, actor string) error {
	if n.cfg.Tenant(e.Tenant) == nil {
		return fmt.Errorf("exempt: unknown tenant %q", e.Tenant)
	}
	if e.Reason == "" {
		return fmt.Errorf("exempt: a reason is required")
	}
	if e.Rule != "" && e.Category != "" {
		return fmt.Errorf("exempt: name a rule or a category, not both")
	}
	if err := n.store.AddExemption(ctx, e, actor, n.now()); err != nil {
		return fmt.Errorf("exempt: %w", err)
	}
	return nil
}

// Purge deletes the cases closed longer than the retention period before now, with
// their evidence, audit trail, messages and actions, and returns how many it deleted.
// A case with an action or a message still pending waits.
func (n *Notifier) Purge(ctx context.Context, now time.Time) (int, error) {
	return n.store.Purge(ctx, now.Add(-time.Duration(n.cfg.Policy.Retention)))
}

// TestMessage composes a short message to check the mail setup (`aupscan notify test
// --to ADDRESS`): the configured sender, to one address, in both languages.
func (n *Notifier) TestMessage(to string, now time.Time) (mail.Message, error) {
	return mail.TestMessage(&n.cfg.Mail, to, n.domain(), now)
}
