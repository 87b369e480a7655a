package notify

import (
	"slices"

	"github.com/aupscan/aupscan/notify/store"
)

// Categories are the finding categories of the DESIGN.md contract.
var Categories = []string{"vpn", "proxy", "tor", "anonymity", "tunnel", "remote-access", "mining", "malware", "prohibited-content"}

// Policy says which findings are violations and how a case climbs its ladder.
type Policy struct {
	// Violations lists the categories that open tenant cases.
	Violations []string `toml:"violations"`
	// Ladder is the default ladder; CategoryLadders and SeverityLadders override it,
	// the category first.
	Ladder          Ladder            `toml:"ladder"`
	CategoryLadders map[string]Ladder `toml:"category_ladder"`
	SeverityLadders map[string]Ladder `toml:"severity_ladder"`
	// RoleLadders treat a category by the host's role in the finding, before the
	// category and severity ladders: [policy.role_ladder.client.vpn] warns a VPN
	// client without the suspension a VPN server gets. Roles: server, client, installed.
	RoleLadders map[string]map[string]Ladder `toml:"role_ladder"`
	// RecheckQuiet is how long a re-check the tenant asked for ("fixed: please check
	// again") waits at most: a traffic finding's quiet period of capture, and the
	// longest wait for a host scan the daemon cannot run at once. Default 1d.
	RecheckQuiet Delay `toml:"recheck_quiet"`
	// ResolveAfter without a sighting closes a case, with a resolved notice when the
	// tenant had been notified.
	ResolveAfter Delay `toml:"resolve_after"`
	// MinConfidence per category: findings below it open no tenant-facing case.
	MinConfidence map[string]string `toml:"min_confidence"`
	// DryRun records what would be sent and done, without sending or suspending:
	// for everything, or for the listed categories and rules.
	DryRun           bool     `toml:"dry_run"`
	DryRunCategories []string `toml:"dry_run_categories"`
	DryRunRules      []string `toml:"dry_run_rules"`
	// MaxNoticesPerDay caps the messages one tenant receives per day of its time zone
	// (0: no cap). Notices over the cap wait for the next day.
	MaxNoticesPerDay int `toml:"max_notices_per_day"`
	// Suspension is "approve" (an operator approves each suspension) or "auto".
	Suspension string `toml:"suspension"`
	// Retention keeps closed cases this long before Purge deletes them.
	Retention Duration `toml:"retention"`
}

// A Ladder gives, for each stage, how long after the case opened it becomes due,
// counted on the tenant's calendar. A nil stage is skipped; a nil Suspend means the
// ladder ends with the final notice.
type Ladder struct {
	Warning  *Delay `toml:"warning"`
	Reminder *Delay `toml:"reminder"`
	Final    *Delay `toml:"final"`
	Suspend  *Delay `toml:"suspend"`
}

// Suspension modes.
const (
	SuspendApprove = "approve"
	SuspendAuto    = "auto"
)

// DefaultPolicy is the policy a configuration starts from: every category but
// remote-access and tunnel is a violation; warning at once, reminder after a day, final
// notice after two, suspension after three; resolved after a week without sighting.
func DefaultPolicy() Policy {
	d := func(days int) *Delay { return &Delay{Days: days} }
	return Policy{
		Violations:   []string{"vpn", "proxy", "tor", "anonymity", "mining", "malware", "prohibited-content"},
		Ladder:       Ladder{Warning: d(0), Reminder: d(1), Final: d(2), Suspend: d(3)},
		ResolveAfter: Delay{Days: 7},
		Suspension:   SuspendApprove,
		Retention:    Duration(90 * 24 * 3600 * 1e9),
	}
}

// IsViolation reports whether findings of category open cases.
func (p *Policy) IsViolation(category string) bool { return slices.Contains(p.Violations, category) }

// LadderFor returns the ladder of a case of this category and severity.
func (p *Policy) LadderFor(category, severity string) Ladder {
	if l, ok := p.CategoryLadders[category]; ok {
		return l
	}
	if l, ok := p.SeverityLadders[severity]; ok {
		return l
	}
	return p.Ladder
}

// ladderOf returns the ladder of case c: by role and category first, then LadderFor.
func (p *Policy) ladderOf(c store.Case) Ladder {
	if l, ok := p.RoleLadders[c.Role][c.Category]; ok {
		return l
	}
	return p.LadderFor(c.Category, c.Severity)
}

// IsDryRun reports whether notices and actions for this category and rule are only
// recorded.
func (p *Policy) IsDryRun(category, rule string) bool {
	return p.DryRun || slices.Contains(p.DryRunCategories, category) || slices.Contains(p.DryRunRules, rule)
}

// confidenceRank orders the contract's confidence levels.
var confidenceRank = map[string]int{"low": 1, "medium": 2, "high": 3}

// ConfidentEnough reports whether a finding of this category and confidence reaches
// the category's minimum.
func (p *Policy) ConfidentEnough(category, confidence string) bool {
	min, ok := p.MinConfidence[category]
	if !ok {
		return true
	}
	return confidenceRank[confidence] >= confidenceRank[min]
}

// step is one rung of a ladder.
type step struct {
	stage store.Stage
	delay Delay
}

// steps lists the configured rungs of l in order.
func (l Ladder) steps() []step {
	var out []step
	for _, s := range []struct {
		st store.Stage
		d  *Delay
	}{{store.StageWarning, l.Warning}, {store.StageReminder, l.Reminder}, {store.StageFinal, l.Final}, {store.StageSuspend, l.Suspend}} {
		if s.d != nil {
			out = append(out, step{s.st, *s.d})
		}
	}
	return out
}

// Suspends reports whether any ladder of the policy ends in a suspension.
func (p *Policy) Suspends() bool {
	if p.Ladder.Suspend != nil {
		return true
	}
	for _, l := range p.CategoryLadders {
		if l.Suspend != nil {
			return true
		}
	}
	for _, l := range p.SeverityLadders {
		if l.Suspend != nil {
			return true
		}
	}
	for _, m := range p.RoleLadders {
		for _, l := range m {
			if l.Suspend != nil {
				return true
			}
		}
	}
	return false
}
