package notify

import (
	"context"
	"fmt"
	"net/mail"
	"slices"
	"time"
)

// A CaseSummary is one line of the case list: the case and what is due for it now.
type CaseSummary struct {
	Case     Case
	Decision Decision
	// NeedsContact: a notice could not be delivered; staff must reach the tenant.
	NeedsContact bool
}

// ListFilter narrows List.
type ListFilter struct {
	All    bool   // closed cases too
	Tenant string // one tenant only
	// NeedsContact lists only the cases whose notice could not be delivered.
	NeedsContact bool
}

// List returns the cases the filter selects, each with its decision at now.
func (n *Notifier) List(ctx context.Context, f ListFilter, now time.Time) ([]CaseSummary, error) {
	where, args := "state IN ('open', 'suspended')", []any{}
	if f.All {
		where = "TRUE"
	}
	if f.Tenant != "" {
		where += " AND tenant = ?"
		args = append(args, f.Tenant)
	}
	cases, err := n.store.cases(ctx, where, args...)
	if err != nil {
		return nil, err
	}
	var out []CaseSummary
	for _, c := range cases {
		c = n.withZone(c)
		s := CaseSummary{Case: c, Decision: n.decide(c, now), NeedsContact: c.NeedsContact()}
		if f.NeedsContact && !s.NeedsContact {
			continue
		}
		out = append(out, s)
	}
	return out, nil
}

// A CaseReport is everything known about one case.
type CaseReport struct {
	Case     Case
	Decision Decision
	Audit    []AuditEntry
	Outbox   []OutboxEntry
	Actions  []StoredAction
}

// Show returns the full report of a case.
func (n *Notifier) Show(ctx context.Context, id int64, now time.Time) (CaseReport, error) {
	var r CaseReport
	c, err := n.store.Case(ctx, id)
	if err != nil {
		return r, err
	}
	r.Case = n.withZone(c)
	r.Decision = n.decide(r.Case, now)
	if r.Audit, err = n.store.Audit(ctx, id); err != nil {
		return r, err
	}
	if r.Outbox, err = n.store.OutboxOf(ctx, id); err != nil {
		return r, err
	}
	r.Actions, err = n.store.Actions(ctx, id)
	return r, err
}

// Preview renders the notice of a case at a stage in a locale ("" for the tenant's)
// without writing anything: what the tenant would receive.
func (n *Notifier) Preview(ctx context.Context, id int64, stage Stage, locale string, now time.Time) (Message, error) {
	c, err := n.store.Case(ctx, id)
	if err != nil {
		return Message{}, err
	}
	c = n.withZone(c)
	if !slices.Contains(Stages, stage) {
		return Message{}, fmt.Errorf("preview: stage %q is not one of %v", stage, Stages)
	}
	t := n.cfg.Tenant(c.Tenant)
	if t == nil {
		return Message{}, fmt.Errorf("preview: tenant %q is not configured", c.Tenant)
	}
	tc := *t
	if locale != "" {
		if !slices.Contains(Locales, locale) {
			return Message{}, fmt.Errorf("preview: locale %q is not one of %v", locale, Locales)
		}
		tc.Locale = locale
	}
	proj := c
	proj.Stage = stage
	it := NoticeItem{Case: c, Stage: stage, Deadline: n.projectDeadline(proj, now)}
	it.RuleName, it.Description = n.describe(c)
	if stage == StageResolved {
		it.Deadline = time.Time{}
	}
	return n.render.Render(Notice{Tenant: &tc, Mail: &n.cfg.Mail, Items: []NoticeItem{it}, Date: now,
		ID: MessageID(n.store.instance, []Item{{c.ID, stage}}, 0, n.domain()), Review: n.cfg.Policy.Suspension != SuspendAuto})
}

// Purge deletes the cases closed longer than the retention period before now, with
// their evidence, audit trail, messages and actions, and returns how many it deleted.
func (n *Notifier) Purge(ctx context.Context, now time.Time) (int, error) {
	cutoff := now.Add(-time.Duration(n.cfg.Policy.Retention))
	var count int
	err := n.store.tx(ctx, func(tx dbtx) error {
		// Managers purging at once take turns.
		if err := tx.lock(ctx, "aupscan.notify.purge"); err != nil {
			return fmt.Errorf("purge: %w", err)
		}
		// A case with an action or message still to go waits: purging it would lose the
		// record of what that action or message did.
		sel := `SELECT id FROM cases WHERE state = 'resolved' AND closed_at > 0 AND closed_at < ?
			AND id NOT IN (SELECT case_id FROM actions WHERE status = 'pending')
			AND id NOT IN (SELECT i.case_id FROM outbox_items i JOIN outbox o ON o.id = i.outbox_id WHERE o.status = 'pending')`
		for _, q := range []string{
			`DELETE FROM audit WHERE case_id IN (` + sel + `)`,
			`DELETE FROM actions WHERE case_id IN (` + sel + `) AND status != 'pending'`,
			`DELETE FROM outbox_items WHERE case_id IN (` + sel + `)`,
		} {
			if _, err := tx.ExecContext(ctx, q, ns(cutoff)); err != nil {
				return fmt.Errorf("purge: %w", err)
			}
		}
		// Cases last: the deletes above select them by the same condition.
		res, err := tx.ExecContext(ctx, `DELETE FROM cases WHERE id IN (`+sel+`)`, ns(cutoff))
		if err != nil {
			return fmt.Errorf("purge: %w", err)
		}
		n, _ := res.RowsAffected()
		count = int(n)
		// A message goes with its last case; one still pending is kept to be sent.
		_, err = tx.ExecContext(ctx, `DELETE FROM outbox WHERE status != 'pending'
			AND id NOT IN (SELECT outbox_id FROM outbox_items)`)
		return err
	})
	return count, err
}

// TestMessage composes a short message to check the mail setup (`aupscan notify test
// --to ADDRESS`): the configured sender, to one address, in both languages.
func (n *Notifier) TestMessage(to string, now time.Time) (Message, error) {
	rcpt, err := mail.ParseAddress(to)
	if err != nil {
		return Message{}, fmt.Errorf("test message: %w", err)
	}
	from, err := mail.ParseAddress(n.cfg.Mail.From)
	if err != nil {
		return Message{}, fmt.Errorf("test message: mail.from: %w", err)
	}
	id := fmt.Sprintf("aupscan.test.%d@%s", now.UnixNano(), n.domain())
	text := "This is a test message from the aupscan notifier: the mail setup works.\n\n" +
		"这是 aupscan 通知系统发送的测试邮件，说明邮件配置工作正常。\n"
	html := "<p>This is a test message from the aupscan notifier: the mail setup works.</p>\n" +
		"<p>这是 aupscan 通知系统发送的测试邮件，说明邮件配置工作正常。</p>\n"
	raw, err := compose(id, now, *from, []mail.Address{*rcpt}, nil, "aupscan test message / 测试邮件", text, html, nil)
	if err != nil {
		return Message{}, err
	}
	return Message{ID: id, From: from.Address, To: []string{rcpt.Address}, Subject: "aupscan test message", Raw: raw}, nil
}
