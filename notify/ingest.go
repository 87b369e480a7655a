package notify

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

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
}

// Process opens or refreshes a case for each finding that is a violation of a known
// tenant, confident enough and not exempt, all in one transaction.
func (n *Notifier) Process(ctx context.Context, findings []scanner.Finding) (ProcessResult, error) {
	res := ProcessResult{Skipped: map[string]int{}}
	now := n.now()
	exempt, err := n.store.Exemptions(ctx, now)
	if err != nil {
		return res, err
	}
	exempt = append(exempt, n.cfg.Exemptions...)
	err = n.store.tx(ctx, func(tx *sql.Tx) error {
		for i := range findings {
			f := &findings[i]
			t := n.cfg.TenantOf(f.Host)
			switch {
			case t == nil:
				res.Skipped[SkipNoTenant]++
				continue
			case !n.cfg.Policy.IsViolation(f.Category):
				res.Skipped[SkipNotViolation]++
				continue
			case !n.cfg.Policy.ConfidentEnough(f.Category, f.Confidence):
				res.Skipped[SkipLowConfidence]++
				continue
			case isExempt(exempt, t.ID, f, now):
				res.Skipped[SkipExempt]++
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

func isExempt(ex []Exemption, tenant string, f *scanner.Finding, now time.Time) bool {
	for _, e := range ex {
		if e.Matches(tenant, f.Host, f.Rule, f.Category, now) {
			return true
		}
	}
	return false
}

// sight records one finding on its active case, opening the case if there is none.
func (n *Notifier) sight(ctx context.Context, tx *sql.Tx, tenant string, f *scanner.Finding, now time.Time) (bool, error) {
	seen := f.Time
	if seen.IsZero() {
		seen = now
	}
	row := tx.QueryRowContext(ctx, caseSelect+` WHERE tenant = ? AND host = ? AND rule = ? AND state IN ('open', 'suspended')`,
		tenant, f.Host, f.Rule)
	c, err := scanCase(row)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		c = Case{Tenant: tenant, Host: f.Host, Rule: f.Rule, State: StateOpen,
			FirstSeen: seen, LastSeen: seen, OpenedAt: now, UpdatedAt: now, DryRun: n.cfg.Policy.IsDryRun(f.Category, f.Rule)}
		setEvidence(&c, f, seen)
		c.Count = 1
		if err := insertCase(ctx, tx, &c); err != nil {
			return false, err
		}
		return true, audit(ctx, tx, &c, now, "ingest", "opened",
			fmt.Sprintf("%s finding %s on %s", f.Kind, f.ID, f.Host))
	case err != nil:
		return false, fmt.Errorf("find case %s/%s/%s: %w", tenant, f.Host, f.Rule, err)
	}
	recheck := !c.FinalDeliveredAt.IsZero() && !c.LastSeen.After(c.FinalDeliveredAt) && seen.After(c.FinalDeliveredAt)
	c.Count++
	if seen.Before(c.FirstSeen) {
		c.FirstSeen = seen
	}
	if !seen.Before(c.LastSeen) {
		c.LastSeen = seen
		setEvidence(&c, f, seen)
	}
	c.UpdatedAt = now
	if err := updateCase(ctx, tx, &c); err != nil {
		return false, err
	}
	if recheck {
		// The re-check that a suspension needs: worth a line in the trail.
		return false, audit(ctx, tx, &c, now, "ingest", "seen after final notice",
			fmt.Sprintf("finding %s at %s", f.ID, seen.UTC().Format(time.RFC3339)))
	}
	return false, nil
}

// setEvidence copies the latest finding's evidence fields (never payload) to the case.
func setEvidence(c *Case, f *scanner.Finding, seen time.Time) {
	c.RuleName, c.Category, c.Severity, c.Confidence = f.Name, f.Category, f.Severity, f.Confidence
	c.FindingID, c.Kind, c.Subject, c.Evidence, c.Source = f.ID, f.Kind, f.Subject, f.Evidence, f.Source
	c.FindingTime, c.SHA256 = seen, f.SHA256
	c.FlowProto, c.FlowSrc, c.FlowSport, c.FlowDst, c.FlowDport = "", "", 0, "", 0
	if fl := f.Flow; fl != nil {
		c.FlowProto, c.FlowSrc, c.FlowSport = fl.Proto, fl.Src.String(), int(fl.Sport)
		c.FlowDst, c.FlowDport = fl.Dst.String(), int(fl.Dport)
	}
}
