package notify

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
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
	items  []mail.NoticeItem
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
		if IsReview(c) {
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
		case ActionWarning, ActionReminder, ActionFinal, ActionSuspended, ActionReinstated:
			addToBatch(batches, t, c, d, n.dryRun(c))
		case ActionResolve:
			if c.Stage == store.StageNone {
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
func (n *Notifier) recheck(ctx context.Context, tx store.Tx, c store.Case, d Decision, now time.Time) (store.Case, Decision, bool, error) {
	fresh, err := tx.LockCase(ctx, c.ID)
	if errors.Is(err, store.ErrNoCase) {
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
func (n *Notifier) sameDecision(fresh store.Case, d Decision, now time.Time) (store.Case, Decision, bool) {
	fresh = n.withZone(fresh)
	d2 := Decide(fresh, n.cfg.Policy, now)
	ok := d2.Action == d.Action && d2.Stage == d.Stage
	if !ok {
		n.log.Debug("case changed since the tick's snapshot: decided again next tick", "case", fresh.Ref(),
			"was", d.Action, "now", d2.Action)
	}
	return fresh, d2, ok
}

func (n *Notifier) dryRun(c store.Case) bool {
	return c.DryRun || n.cfg.Policy.IsDryRun(c.Category, c.Rule)
}

func addToBatch(batches map[string]*batch, t *Tenant, c store.Case, d Decision, dry bool) {
	key := fmt.Sprintf("%s\x00%t", t.ID, dry)
	b := batches[key]
	if b == nil {
		b = &batch{tenant: t, dry: dry, why: map[int64]string{}, acts: map[int64]Action{}}
		batches[key] = b
	}
	b.items = append(b.items, mail.NoticeItem{Case: c, Stage: d.Stage, Deadline: d.Deadline})
	b.why[c.ID] = d.Reason
	b.acts[c.ID] = d.Action
}

// queue renders a tenant's due notices as one message and writes it to the outbox
// together with the case changes it makes, in one transaction. It locks the tenant
// (the daily cap counts what other managers queued for it) and the cases, and leaves
// out the cases whose decision changed since the snapshot.
func (n *Notifier) queue(ctx context.Context, b *batch, now time.Time, res *TickResult) error {
	return n.store.Update(ctx, func(tx store.Tx) error {
		if err := tx.Lock(ctx, store.TenantKey(b.tenant.ID)); err != nil {
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
		status := store.OutboxPending
		if b.dry {
			status = store.OutboxDryRun
		}
		keys := make([]store.Item, len(items))
		for i, it := range items {
			keys[i] = store.Item{CaseID: it.Case.ID, Stage: it.Stage}
		}
		if err := insertOutbox(ctx, tx, m, b.tenant.ID, status, keys, now); err != nil {
			return err
		}
		for _, it := range items {
			if err := n.advance(ctx, tx, it, b.dry, now, b.why[it.Case.ID]+" <"+m.ID+">"); err != nil {
				return err
			}
			if it.Stage == store.StageResolved {
				res.Resolved++
			}
		}
		res.Messages++
		res.Notices += len(items)
		return nil
	})
}

// insertOutbox queues message m for tenant with the (case, stage) items it carries.
func insertOutbox(ctx context.Context, tx store.Tx, m mail.Message, tenant, status string, items []store.Item, now time.Time) error {
	return tx.InsertOutbox(ctx, &store.OutboxEntry{MessageID: m.ID, Tenant: tenant, Sender: m.From, Recipients: m.To,
		Body: m.Raw, Status: status, Items: items, CreatedAt: now})
}

// recheckBatch locks the batch's cases and returns the batch of those whose decision
// is still the one the snapshot gave, as they stand now.
func (n *Notifier) recheckBatch(ctx context.Context, tx store.Tx, b *batch, now time.Time) (*batch, error) {
	ids := make([]int64, len(b.items))
	for i, it := range b.items {
		ids[i] = it.Case.ID
	}
	locked, err := tx.LockCases(ctx, ids)
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
		out.items = append(out.items, mail.NoticeItem{Case: c, Stage: d.Stage, Deadline: d.Deadline})
		out.why[c.ID] = d.Reason
	}
	return out, nil
}

// renderItems renders the notice for items with its Message-ID.
func (n *Notifier) renderItems(ctx context.Context, tx store.Tx, t *Tenant, items []mail.NoticeItem, now time.Time) (mail.Message, error) {
	keys := make([]store.Item, len(items))
	for i := range items {
		keys[i] = store.Item{CaseID: items[i].Case.ID, Stage: items[i].Stage}
		items[i].RuleName, items[i].Description = n.describe(items[i].Case, t.Locale)
	}
	gen, err := tx.Generation(ctx, keys)
	if err != nil {
		return mail.Message{}, err
	}
	if err := n.links(ctx, tx, items, now); err != nil {
		return mail.Message{}, err
	}
	notice := mail.Notice{Tenant: t.addressee(), Mail: &n.cfg.Mail, Items: items, Date: now,
		ID: mail.MessageID(n.store.Instance(), keys, gen, n.domain()), Review: n.cfg.Policy.Suspension != SuspendAuto}
	return n.render.Render(notice)
}

// applyCap drops the escalation notices over the tenant's daily cap (they are due
// again next tick) and closes resolved cases over it without their notice.
func (n *Notifier) applyCap(ctx context.Context, tx store.Tx, b *batch, now time.Time, res *TickResult) ([]mail.NoticeItem, error) {
	capN := n.cfg.Policy.MaxNoticesPerDay
	if capN == 0 || b.dry {
		return b.items, nil
	}
	local := now.In(b.tenant.Location())
	midnight := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, local.Location())
	sent, err := tx.MessagesSince(ctx, b.tenant.ID, midnight)
	if err != nil || sent < capN {
		return b.items, err
	}
	for _, it := range b.items {
		if it.Stage != store.StageResolved {
			res.Deferred++
			continue
		}
		c := it.Case
		c.State, c.Stage, c.ClosedAt, c.UpdatedAt = store.StateResolved, store.StageResolved, now, now
		if err := tx.UpdateCase(ctx, &c); err != nil {
			return nil, err
		}
		if err := tx.Audit(ctx, &c, now, ActorPolicy, "resolved", b.why[c.ID]+"; resolved notice skipped: daily cap reached"); err != nil {
			return nil, err
		}
		res.Resolved++
	}
	n.log.Info("daily notice cap reached", "tenant", b.tenant.ID, "cap", capN, "deferred", res.Deferred)
	return nil, nil
}

// advance moves a case to the stage of the notice just queued for it. A dry-run
// notice counts as delivered at once, so a dry run walks the whole ladder.
func (n *Notifier) advance(ctx context.Context, tx store.Tx, it mail.NoticeItem, dry bool, now time.Time, reason string) error {
	c := it.Case
	c.Stage, c.StageQueuedAt, c.StageDeliveredAt, c.UpdatedAt = it.Stage, now, time.Time{}, now
	event := string(it.Stage) + " notice queued"
	if dry {
		c.StageDeliveredAt = now
		if it.Stage == store.StageFinal {
			c.FinalDeliveredAt = now
		}
		event = "dry-run: " + string(it.Stage) + " notice recorded"
	}
	if it.Stage == store.StageResolved || it.Stage == store.StageReinstated {
		c.State, c.ClosedAt = store.StateResolved, now
	}
	if err := tx.UpdateCase(ctx, &c); err != nil {
		return err
	}
	return tx.Audit(ctx, &c, now, ActorPolicy, event, reason)
}

// closeSilently resolves a case nobody was told about: no notice to send. It reports
// whether it did (the case may have changed since the snapshot d was decided from).
func (n *Notifier) closeSilently(ctx context.Context, c store.Case, d Decision, now time.Time) (bool, error) {
	done := false
	err := n.store.Update(ctx, func(tx store.Tx) error {
		c, d, ok, err := n.recheck(ctx, tx, c, d, now)
		if err != nil || !ok || c.Stage != store.StageNone {
			return err
		}
		c.State, c.ClosedAt, c.UpdatedAt = store.StateResolved, now, now
		if err := tx.UpdateCase(ctx, &c); err != nil {
			return err
		}
		done = true
		return tx.Audit(ctx, &c, now, ActorPolicy, "resolved", d.Reason)
	})
	return done, err
}

// noteOnce records an event in the audit trail unless it is already the latest one,
// so a waiting state is recorded when it begins, not at every tick. The case is
// locked, so that two managers do not both record it.
func (n *Notifier) noteOnce(ctx context.Context, c store.Case, d Decision, now time.Time, event string) error {
	return n.store.Update(ctx, func(tx store.Tx) error {
		c, d, ok, err := n.recheck(ctx, tx, c, d, now)
		if err != nil || !ok {
			return err
		}
		last, err := tx.LastEvent(ctx, &c)
		if err != nil {
			return err
		}
		if last == event {
			return nil
		}
		return tx.Audit(ctx, &c, now, ActorPolicy, event, d.Reason)
	})
}
