package notify

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"
)

// TickResult counts what one Tick did.
type TickResult struct {
	Messages  int // messages written to the outbox (a digest counts once)
	Notices   int // (case, stage) notices those messages carry
	Resolved  int
	Held      int // cases paused by an appeal or an undeliverable notice
	Approval  int // suspensions waiting for an operator
	Suspended int
	Deferred  int // notices held back by the daily cap
	Review    int // cases for operator review only (agent silent): never a notice
}

// batch gathers the notices due for one tenant in one tick: they go out as one message.
type batch struct {
	tenant *Tenant
	dry    bool
	items  []NoticeItem
	why    map[int64]string
	acts   map[int64]Action // the snapshot's decisions
}

// Tick applies Decide to every active case at time now and writes what is due: the
// notices to the outbox (one message per tenant, a digest when several are due), the
// suspensions to the actions table, each with its case change in one transaction.
//
// Tick decides from a snapshot of the active cases; each transaction then locks the
// cases it changes and decides them again as they are now. A case whose decision has
// changed meanwhile (another manager queued its notice, a sender delivered one, an
// operator or a finding changed it) is left for the next tick, so several managers
// ticking at once never queue one (case, stage) twice nor suspend a case twice.
func (n *Notifier) Tick(ctx context.Context, now time.Time) (TickResult, error) {
	var res TickResult
	cases, err := n.store.ActiveCases(ctx)
	if err != nil {
		return res, err
	}
	batches := map[string]*batch{}
	for _, c := range cases {
		if c.IsReview() {
			res.Review++
			continue
		}
		c = n.withZone(c)
		t := n.cfg.Tenant(c.Tenant)
		if t == nil {
			n.log.Warn("case of a tenant no longer configured", "case", c.Ref(), "tenant", c.Tenant)
			continue
		}
		d := Decide(c, n.cfg.Policy, now)
		done := false
		switch d.Action {
		case ActionWarning, ActionReminder, ActionFinal:
			addToBatch(batches, t, c, d, n.dryRun(c))
		case ActionResolve:
			if c.Stage == StageNone {
				if done, err = n.closeSilently(ctx, c, d, now); done {
					res.Resolved++
				}
			} else {
				addToBatch(batches, t, c, d, n.dryRun(c))
			}
		case ActionHold:
			res.Held++
		case ActionApproval:
			res.Approval++
			err = n.noteOnce(ctx, c, d, now, "suspension awaits approval")
		case ActionSuspend:
			if done, err = n.suspend(ctx, c, d, now); done {
				res.Suspended++
			}
		}
		if err != nil {
			return res, err
		}
	}
	keys := make([]string, 0, len(batches))
	for k := range batches {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// One tenant's failure (a template that does not render for its data) must not
	// keep the other tenants' notices from going out: collect, go on, report all.
	var errs []error
	for _, k := range keys {
		if err := n.queue(ctx, batches[k], now, &res); err != nil {
			errs = append(errs, fmt.Errorf("tenant %s: %w", batches[k].tenant.ID, err))
		}
	}
	return res, errors.Join(errs...)
}

// recheck reads and locks case c in a write transaction and decides it again at now.
// It returns the case as it stands and ok when the decision is still d, the one Tick
// made from its snapshot; a case changed in a way that changes the decision, or gone,
// is not ok: it is decided again at the next tick.
func (n *Notifier) recheck(ctx context.Context, tx dbtx, c Case, d Decision, now time.Time) (Case, Decision, bool, error) {
	fresh, err := getCase(ctx, tx, c.ID, true)
	if errors.Is(err, ErrNoCase) {
		return c, d, false, nil
	}
	if err != nil {
		return c, d, false, err
	}
	fresh, d2, ok := n.sameDecision(fresh, d, now)
	return fresh, d2, ok, nil
}

// sameDecision decides fresh (a locked case) at now and reports whether the decision
// is still d.
func (n *Notifier) sameDecision(fresh Case, d Decision, now time.Time) (Case, Decision, bool) {
	fresh = n.withZone(fresh)
	d2 := Decide(fresh, n.cfg.Policy, now)
	ok := d2.Action == d.Action && d2.Stage == d.Stage
	if !ok {
		n.log.Debug("case changed since the tick's snapshot: decided again next tick", "case", fresh.Ref(),
			"was", d.Action, "now", d2.Action)
	}
	return fresh, d2, ok
}

func (n *Notifier) dryRun(c Case) bool { return c.DryRun || n.cfg.Policy.IsDryRun(c.Category, c.Rule) }

func addToBatch(batches map[string]*batch, t *Tenant, c Case, d Decision, dry bool) {
	key := fmt.Sprintf("%s\x00%t", t.ID, dry)
	b := batches[key]
	if b == nil {
		b = &batch{tenant: t, dry: dry, why: map[int64]string{}, acts: map[int64]Action{}}
		batches[key] = b
	}
	b.items = append(b.items, NoticeItem{Case: c, Stage: d.Stage, Deadline: d.Deadline})
	b.why[c.ID] = d.Reason
	b.acts[c.ID] = d.Action
}

// queue renders a tenant's due notices as one message and writes it to the outbox
// together with the case changes it makes, in one transaction. It locks the tenant
// (the daily cap counts what other managers queued for it) and the cases, and leaves
// out the cases whose decision changed since the snapshot.
func (n *Notifier) queue(ctx context.Context, b *batch, now time.Time, res *TickResult) error {
	return n.store.tx(ctx, func(tx dbtx) error {
		if err := tx.lock(ctx, "aupscan.notify.tenant\x00"+b.tenant.ID); err != nil {
			return fmt.Errorf("lock tenant: %w", err)
		}
		b, err := n.recheckBatch(ctx, tx, b, now)
		if err != nil || len(b.items) == 0 {
			return err
		}
		items, err := n.applyCap(ctx, tx, b, now, res)
		if err != nil || len(items) == 0 {
			return err
		}
		m, err := n.renderItems(ctx, tx, b.tenant, items, now)
		if err != nil {
			return err
		}
		status := OutboxPending
		if b.dry {
			status = OutboxDryRun
		}
		keys := make([]Item, len(items))
		for i, it := range items {
			keys[i] = Item{it.Case.ID, it.Stage}
		}
		if err := insertOutbox(ctx, tx, m, b.tenant.ID, status, keys, now); err != nil {
			return err
		}
		for _, it := range items {
			if err := n.advance(ctx, tx, it, b.dry, now, b.why[it.Case.ID]+" <"+m.ID+">"); err != nil {
				return err
			}
			if it.Stage == StageResolved {
				res.Resolved++
			}
		}
		res.Messages++
		res.Notices += len(items)
		return nil
	})
}

// recheckBatch locks the batch's cases and returns the batch of those whose decision
// is still the one the snapshot gave, as they stand now.
func (n *Notifier) recheckBatch(ctx context.Context, tx dbtx, b *batch, now time.Time) (*batch, error) {
	ids := make([]int64, len(b.items))
	for i, it := range b.items {
		ids[i] = it.Case.ID
	}
	locked, err := lockCases(ctx, tx, ids)
	if err != nil {
		return nil, err
	}
	out := &batch{tenant: b.tenant, dry: b.dry, why: map[int64]string{}, acts: b.acts}
	for _, it := range b.items {
		c, ok := locked[it.Case.ID]
		if !ok {
			continue
		}
		c, d, ok := n.sameDecision(c, Decision{Action: b.acts[c.ID], Stage: it.Stage}, now)
		if !ok || n.dryRun(c) != b.dry {
			continue
		}
		out.items = append(out.items, NoticeItem{Case: c, Stage: d.Stage, Deadline: d.Deadline})
		out.why[c.ID] = d.Reason
	}
	return out, nil
}

// renderItems renders the notice for items with its Message-ID.
func (n *Notifier) renderItems(ctx context.Context, tx dbtx, t *Tenant, items []NoticeItem, now time.Time) (Message, error) {
	keys := make([]Item, len(items))
	for i := range items {
		keys[i] = Item{items[i].Case.ID, items[i].Stage}
		items[i].RuleName, items[i].Description = n.describe(items[i].Case)
	}
	gen, err := generation(ctx, tx, keys)
	if err != nil {
		return Message{}, err
	}
	notice := Notice{Tenant: t, Mail: &n.cfg.Mail, Items: items, Date: now,
		ID: MessageID(n.store.instance, keys, gen, n.domain()), Review: n.cfg.Policy.Suspension != SuspendAuto}
	return n.render.Render(notice)
}

// applyCap drops the escalation notices over the tenant's daily cap (they are due
// again next tick) and closes resolved cases over it without their notice.
func (n *Notifier) applyCap(ctx context.Context, tx dbtx, b *batch, now time.Time, res *TickResult) ([]NoticeItem, error) {
	capN := n.cfg.Policy.MaxNoticesPerDay
	if capN == 0 || b.dry {
		return b.items, nil
	}
	local := now.In(b.tenant.Location())
	midnight := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, local.Location())
	sent, err := messagesSince(ctx, tx, b.tenant.ID, midnight)
	if err != nil || sent < capN {
		return b.items, err
	}
	for _, it := range b.items {
		if it.Stage != StageResolved {
			res.Deferred++
			continue
		}
		c := it.Case
		c.State, c.Stage, c.ClosedAt, c.UpdatedAt = StateResolved, StageResolved, now, now
		if err := updateCase(ctx, tx, &c); err != nil {
			return nil, err
		}
		if err := audit(ctx, tx, &c, now, ActorPolicy, "resolved", b.why[c.ID]+"; resolved notice skipped: daily cap reached"); err != nil {
			return nil, err
		}
		res.Resolved++
	}
	n.log.Info("daily notice cap reached", "tenant", b.tenant.ID, "cap", capN, "deferred", res.Deferred)
	return nil, nil
}

// advance moves a case to the stage of the notice just queued for it. A dry-run
// notice counts as delivered at once, so a dry run walks the whole ladder.
func (n *Notifier) advance(ctx context.Context, tx dbtx, it NoticeItem, dry bool, now time.Time, reason string) error {
	c := it.Case
	c.Stage, c.StageQueuedAt, c.StageDeliveredAt, c.UpdatedAt = it.Stage, now, time.Time{}, now
	event := string(it.Stage) + " notice queued"
	if dry {
		c.StageDeliveredAt = now
		if it.Stage == StageFinal {
			c.FinalDeliveredAt = now
		}
		event = "dry-run: " + string(it.Stage) + " notice recorded"
	}
	if it.Stage == StageResolved {
		c.State, c.ClosedAt = StateResolved, now
	}
	if err := updateCase(ctx, tx, &c); err != nil {
		return err
	}
	return audit(ctx, tx, &c, now, ActorPolicy, event, reason)
}

// closeSilently resolves a case nobody was told about: no notice to send. It reports
// whether it did (the case may have changed since the snapshot d was decided from).
func (n *Notifier) closeSilently(ctx context.Context, c Case, d Decision, now time.Time) (bool, error) {
	done := false
	err := n.store.tx(ctx, func(tx dbtx) error {
		c, d, ok, err := n.recheck(ctx, tx, c, d, now)
		if err != nil || !ok || c.Stage != StageNone {
			return err
		}
		c.State, c.ClosedAt, c.UpdatedAt = StateResolved, now, now
		if err := updateCase(ctx, tx, &c); err != nil {
			return err
		}
		done = true
		return audit(ctx, tx, &c, now, ActorPolicy, "resolved", d.Reason)
	})
	return done, err
}

// noteOnce records an event in the audit trail unless it is already the latest one,
// so a waiting state is recorded when it begins, not at every tick. The case is
// locked, so that two managers do not both record it.
func (n *Notifier) noteOnce(ctx context.Context, c Case, d Decision, now time.Time, event string) error {
	return n.store.tx(ctx, func(tx dbtx) error {
		c, d, ok, err := n.recheck(ctx, tx, c, d, now)
		if err != nil || !ok {
			return err
		}
		var last string
		err = tx.QueryRowContext(ctx, `SELECT event FROM audit WHERE case_id = ? ORDER BY id DESC LIMIT 1`, c.ID).Scan(&last)
		if err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("audit of %s: %w", c.Ref(), err)
		}
		if last == event {
			return nil
		}
		return audit(ctx, tx, &c, now, ActorPolicy, event, d.Reason)
	})
}
