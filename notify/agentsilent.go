package notify

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aupscan/aupscan/notify/store"
	"github.com/aupscan/aupscan/scanner"
)

// Agent-silent cases are for an operator's review. A fleet manager opens one when an
// agent's heartbeats stop (a tenant who is root in the VM may have stopped it) and
// closes it when the agent is heard from again. The tenant is never sent a notice
// about it and it never leads to a suspension: Tick leaves these cases alone, and
// an operator resolves one by hand after looking.
const (
	RuleAgentSilent     = "aupscan.agent.silent"
	CategoryAgentSilent = "agent-silent"
)

// IsReview reports whether a case is for operator review only: no notice, no
// suspension.
func IsReview(c store.Case) bool { return c.Category == CategoryAgentSilent }

// AgentSilent opens (or refreshes) the agent-silent case of host, whose last
// heartbeat was at lastSeen. A host that maps to no tenant gets a case all the same,
// with an empty tenant: an unknown agent falling silent is worth a look too.
func (n *Notifier) AgentSilent(ctx context.Context, host string, lastSeen time.Time) (opened bool, err error) {
	now := n.now()
	tenant := ""
	if t := n.cfg.TenantOf(host); t != nil {
		tenant = t.ID
	}
	f := scanner.Finding{Rule: RuleAgentSilent, Name: "aupscan agent silent", Category: CategoryAgentSilent,
		Severity: "medium", Confidence: "high", Kind: "agent", Host: host, Subject: "aupscan agent on " + host,
		Evidence: "no heartbeat since " + lastSeen.UTC().Format(time.RFC3339), Source: "fleet heartbeats", Time: now}
	err = n.store.Update(ctx, func(tx store.Tx) error {
		if err := tx.Lock(ctx, store.CaseKey(tenant, host, RuleAgentSilent)); err != nil {
			return err
		}
		opened, err = n.sight(ctx, tx, tenant, &f, now)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("agent silent %s: %w", host, err)
	}
	return opened, nil
}

// AgentHeard closes host's agent-silent case, if one is open, because a heartbeat
// came at heardAt. It reports whether it closed one.
func (n *Notifier) AgentHeard(ctx context.Context, host string, heardAt time.Time) (bool, error) {
	tenant := ""
	if t := n.cfg.TenantOf(host); t != nil {
		tenant = t.ID
	}
	open, err := n.store.OpenCase(ctx, tenant, host, RuleAgentSilent)
	if errors.Is(err, store.ErrNoCase) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	reason := "heartbeat again at " + heardAt.UTC().Format(time.RFC3339)
	err = n.change(ctx, open.ID, "fleet", "resolved", reason, func(_ store.Tx, c *store.Case, now time.Time) error {
		if c.State != store.StateOpen {
			return fmt.Errorf("%w: case is %s", ErrState, c.State)
		}
		c.State, c.ClosedAt = store.StateResolved, now
		return nil
	})
	if errors.Is(err, ErrState) {
		return false, nil // another manager closed it first
	}
	return err == nil, err
}

// decide is Decide for the case views: a review case holds for the operator.
func (n *Notifier) decide(c store.Case, now time.Time) Decision {
	if IsReview(c) && c.State == store.StateOpen {
		return Decision{Action: ActionHold, Reason: "for operator review (agent silent): never a notice to the tenant"}
	}
	return Decide(c, n.cfg.Policy, now)
}
