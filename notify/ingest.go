package notify

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/aupscan/aupscan/notify/store"
	"github.com/aupscan/aupscan/scanner"
)

// Skip reasons Process counts.
const (
	SkipNoTenant      = "host maps to no tenant"
	SkipNotViolation  = "category is not a violation"
	SkipLowConfidence = "below the category's minimum confidence"
	SkipExempt        = "exempt"
)

// ProcessResult counts what Process did with a batch of findings.
type ProcessResult struct {
	Opened, Refreshed int
	Skipped           map[string]int // by reason
	// Duplicates counts the findings ProcessOnce left out because their message key
	// had been handled before (a redelivered batch).
	Duplicates int
}

// Process opens or refreshes a case for each finding that is a violation of a known
// tenant, confident enough and not exempt, all in one transaction.
//
// Several managers may process findings of the same case at the same moment: each
// case (tenant, host, rule) is locked before it is read (an advisory lock in
// PostgreSQL, since the case may not exist yet), and a batch takes its locks in the
// order of those keys, so that two batches never wait for each other in a circle.
func (n *Notifier) Process(ctx context.Context, findings []scanner.Finding) (ProcessResult, error) {
	return n.process(ctx, findings, nil)
}

// ProcessOnce is Process for findings that arrive as messages which may be delivered
// again (a manager that crashed before acknowledging them): keys[i] is the unique
// message key of findings[i]. In the transaction that updates the cases each key is
// recorded as handled, and a finding whose key was handled before is left out and
// counted in Duplicates: a batch delivered twice changes the cases once. PruneHandled
// forgets keys older than any redelivery.
func (n *Notifier) ProcessOnce(ctx context.Context, findings []scanner.Finding, keys []string) (ProcessResult, error) {
	if len(keys) != len(findings) {
		return ProcessResult{Skipped: map[string]int{}}, fmt.Errorf("process findings: %d keys for %d findings", len(keys), len(findings))
	}
	if keys == nil {
		keys = []string{}
	}
	return n.process(ctx, findings, keys)
}

// process is Process, and ProcessOnce when keys is not nil.
func (n *Notifier) process(ctx context.Context, findings []scanner.Finding, keys []string) (ProcessResult, error) {
	res := ProcessResult{Skipped: map[string]int{}}
	now := n.now()
	exempt, err := n.store.Exemptions(ctx, now)
	if err != nil {
		return res, err
	}
	exempt = append(exempt, n.cfg.Exemptions...)
	type entry struct {
		i      int
		tenant *Tenant
		key    string // the case's lock key
	}
	order := make([]entry, len(findings))
	for i := range findings {
		f := &findings[i]
		t := n.cfg.TenantOf(f.Host)
		id := ""
		if t != nil {
			id = t.ID
		}
		order[i] = entry{i, t, store.CaseKey(id, f.Host, f.Rule)}
	}
	sort.SliceStable(order, func(a, b int) bool { return order[a].key < order[b].key })
	err = n.store.Update(ctx, func(tx store.Tx) error {
		res = ProcessResult{Skipped: map[string]int{}}
		locked := ""
		for _, e := range order {
			f, t := &findings[e.i], e.tenant
			var skip string
			switch {
			case t == nil:
				skip = SkipNoTenant
			case !n.cfg.Policy.IsViolation(f.Category):
				skip = SkipNotViolation
			case !n.cfg.Policy.ConfidentEnough(f.Category, f.Confidence):
				skip = SkipLowConfidence
			case isExempt(exempt, t.ID, f, now):
				skip = SkipExempt
			}
			if skip == "" && e.key != locked {
				if err := tx.Lock(ctx, e.key); err != nil {
					return fmt.Errorf("lock case %s/%s/%s: %w", t.ID, f.Host, f.Rule, err)
				}
				locked = e.key
			}
			if keys != nil {
				fresh, err := tx.MarkHandled(ctx, keys[e.i], now)
				if err != nil {
					return err
				}
				if !fresh {
					res.Duplicates++
					continue
				}
			}
			if skip != "" {
				res.Skipped[skip]++
				continue
			}
			opened, err := n.sight(ctx, tx, t.ID, f, now)
			if err != nil {
				return err
			}
			if opened {
				res.Opened++
			} else {
				res.Refreshed++
			}
		}
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("process findings: %w", err)
	}
	return res, nil
}

func isExempt(ex []store.Exemption, tenant string, f *scanner.Finding, now time.Time) bool {
	for _, e := range ex {
		if e.Matches(tenant, f.Host, f.Rule, f.Category, now) {
			return true
		}
	}
	return false
}

// sight records one finding on its active case, opening the case if there is none.
// The caller holds the case key's lock; the row is locked too, against the other
// writers of a case (Tick, the sender, operators).
func (n *Notifier) sight(ctx context.Context, tx store.Tx, tenant string, f *scanner.Finding, now time.Time) (bool, error) {
	seen := f.Time
	if seen.IsZero() {
		seen = now
	}
	c, found, err := tx.LockActiveCase(ctx, tenant, f.Host, f.Rule)
	switch {
	case err == nil && !found:
		c = store.Case{Tenant: tenant, Host: f.Host, Rule: f.Rule, State: store.StateOpen,
			FirstSeen: seen, LastSeen: seen, OpenedAt: now, UpdatedAt: now, DryRun: n.cfg.Policy.IsDryRun(f.Category, f.Rule)}
		setEvidence(&c, f, seen)
		c.Count = int64(f.Sightings())
		if err := tx.InsertCase(ctx, &c); err != nil {
			return false, err
		}
		return true, tx.Audit(ctx, &c, now, "ingest", "opened",
			fmt.Sprintf("%s finding %s on %s", f.Kind, f.ID, f.Host))
	case err != nil:
		return false, fmt.Errorf("find case %s/%s/%s: %w", tenant, f.Host, f.Rule, err)
	}
	recheck := !c.FinalDeliveredAt.IsZero() && !c.LastSeen.After(c.FinalDeliveredAt) && seen.After(c.FinalDeliveredAt)
	c.Count += int64(f.Sightings())
	if seen.Before(c.FirstSeen) {
		c.FirstSeen = seen
	}
	if !seen.Before(c.LastSeen) {
		c.LastSeen = seen
		setEvidence(&c, f, seen)
	}
	c.UpdatedAt = now
	if err := tx.UpdateCase(ctx, &c); err != nil {
		return false, err
	}
	if recheck {
		// The re-check that a suspension needs: worth a line in the trail.
		return false, tx.Audit(ctx, &c, now, "ingest", "seen after final notice",
			fmt.Sprintf("finding %s at %s", f.ID, seen.UTC().Format(time.RFC3339)))
	}
	return false, nil
}

// setEvidence copies the latest finding's evidence fields (never payload) to the case.
func setEvidence(c *store.Case, f *scanner.Finding, seen time.Time) {
	c.RuleName, c.Category, c.Severity, c.Confidence = f.Name, f.Category, f.Severity, f.Confidence
	c.FindingID, c.Kind, c.Subject, c.Evidence, c.Source = f.ID, f.Kind, f.Subject, f.Evidence, f.Source
	c.FindingTime, c.SHA256, c.Role = seen, f.SHA256, f.Role
	c.FlowProto, c.FlowSrc, c.FlowSport, c.FlowDst, c.FlowDport = "", "", 0, "", 0
	if fl := f.Flow; fl != nil {
		c.FlowProto, c.FlowSrc, c.FlowSport = fl.Proto, fl.Src.String(), int(fl.Sport)
		c.FlowDst, c.FlowDport = fl.Dst.String(), int(fl.Dport)
	}
}
