package notify

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// The operator's read-only calls: the case list, one case's report, and the preview
// of a notice.

// A CaseSummary is one line of the case list: the case and what is due for it now.
type CaseSummary struct {
	Case     store.Case
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
	cases, err := n.store.Cases(ctx, store.CaseFilter{All: f.All, Tenant: f.Tenant})
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
	Case     store.Case
	Decision Decision
	Audit    []store.AuditEntry
	Outbox   []store.OutboxEntry
	Actions  []store.Action
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
func (n *Notifier) Preview(ctx context.Context, id int64, stage store.Stage, locale string, now time.Time) (mail.Message, error) {
	c, err := n.store.Case(ctx, id)
	if err != nil {
		return mail.Message{}, err
	}
	c = n.withZone(c)
	if !slices.Contains(store.Stages, stage) {
		return mail.Message{}, fmt.Errorf("preview: stage %q is not one of %v", stage, store.Stages)
	}
	t := n.cfg.Tenant(c.Tenant)
	if t == nil {
		return mail.Message{}, fmt.Errorf("preview: tenant %q is not configured", c.Tenant)
	}
	tc := t.addressee()
	if locale != "" {
		if !slices.Contains(mail.Locales, locale) {
			return mail.Message{}, fmt.Errorf("preview: locale %q is not one of %v", locale, mail.Locales)
		}
		tc.Locale = locale
	}
	proj := c
	proj.Stage = stage
	it := mail.NoticeItem{Case: c, Stage: stage, Deadline: n.projectDeadline(proj, now)}
	it.RuleName, it.Description = n.describe(c, tc.Locale)
	if stage == store.StageResolved {
		it.Deadline = time.Time{}
	}
	return n.render.Render(mail.Notice{Tenant: tc, Mail: &n.cfg.Mail, Items: []mail.NoticeItem{it}, Date: now,
		ID: mail.MessageID(n.store.Instance(), []store.Item{{CaseID: c.ID, Stage: stage}}, 0, n.domain()), Review: n.cfg.Policy.Suspension != SuspendAuto})
}
