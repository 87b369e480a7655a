package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/store"
)

// caseOp is what every operator command on one case takes: the case, a note for the
// audit trail and who acts.
type caseOp struct {
	ID    caseID `arg:"" name:"ID" help:"Case id: 42 or AUP-000042."`
	Note  string `placeholder:"TEXT" help:"Why: recorded in the audit trail (and, for resolve, nowhere the tenant sees)."`
	Actor string `placeholder:"NAME" help:"Who acts, for the audit trail (default: $SUDO_USER, else $USER)."`
}

// run applies op to the case and prints where the case stands afterwards; verb says
// what op does ("approve the suspension of"), for a refusal.
func (c *caseOp) run(g *Globals, event, verb string, op func(n *notify.Notifier, ctx context.Context, id int64, actor, note string) error) error {
	actor, err := actorOf(c.Actor)
	if err != nil {
		return err
	}
	ctx := context.Background()
	env, err := openCases(ctx, g, false)
	if err != nil {
		return err
	}
	defer env.Close()
	if err := op(env.n, ctx, int64(c.ID), actor, c.Note); err != nil {
		if errors.Is(err, notify.ErrState) {
			return &exitErr{code: exitRefused, err: refusal(verb, c.ID, err)}
		}
		return caseErr(c.ID, err)
	}
	r, err := env.n.Show(ctx, int64(c.ID), clock())
	if err != nil {
		return caseErr(c.ID, err)
	}
	k := r.Case
	fmt.Fprintf(g.stdout, "%s %s by %s: now %s, stage %s; next: %s (%s)\n", k.Ref(), event, actor,
		notify.DisplayState(k), dash(string(k.Stage)), r.Decision.Action, r.Decision.Reason)
	return nil
}

// refusal words a refused operation as a refusal, never like the event it would
// have recorded: "refused: cannot approve the suspension of AUP-000001: approval
// needs ...", where notify says "suspension approved AUP-000001: not possible in the
// case's state: approval needs ...".
func refusal(verb string, id caseID, err error) error {
	why := err.Error()
	if _, after, ok := strings.Cut(why, notify.ErrState.Error()); ok {
		why = strings.TrimLeft(after, ": ")
	}
	if why == "" {
		why = notify.ErrState.Error()
	}
	return fmt.Errorf("refused: cannot %s %s: %s", verb, store.CaseRef(int64(id)), why)
}

type casesApproveCmd struct{ caseOp }

func (c *casesApproveCmd) Run(g *Globals) error {
	return c.run(g, "suspension approved", "approve the suspension of", (*notify.Notifier).Approve)
}

type casesAppealCmd struct {
	ID    caseID `arg:"" name:"ID" help:"Case id: 42 or AUP-000042."`
	Note  string `required:"" placeholder:"TEXT" help:"What the tenant said: recorded in the audit trail."`
	Actor string `placeholder:"NAME" help:"Who records it (default: $SUDO_USER, else $USER)."`
}

func (c *casesAppealCmd) Run(g *Globals) error {
	if strings.TrimSpace(c.Note) == "" {
		return &exitErr{code: exitError, err: errors.New("appeal: --note must say what the tenant said")}
	}
	op := caseOp{ID: c.ID, Note: c.Note, Actor: c.Actor}
	return op.run(g, "appeal recorded", "record an appeal on", (*notify.Notifier).Appeal)
}

type casesResumeCmd struct{ caseOp }

func (c *casesResumeCmd) Run(g *Globals) error {
	return c.run(g, "resumed", "resume", (*notify.Notifier).Resume)
}

type casesResolveCmd struct{ caseOp }

func (c *casesResolveCmd) Run(g *Globals) error {
	return c.run(g, "resolved", "resolve", (*notify.Notifier).Resolve)
}

type casesReinstateCmd struct{ caseOp }

func (c *casesReinstateCmd) Run(g *Globals) error {
	return c.run(g, "reinstated", "reinstate", (*notify.Notifier).Reinstate)
}

type casesExemptCmd struct {
	Tenant   string `required:"" placeholder:"ID" help:"Tenant id."`
	Host     string `placeholder:"HOST" help:"Only this host of the tenant."`
	Rule     string `placeholder:"ID" help:"Only this rule (or use --category)."`
	Category string `placeholder:"CATEGORY" help:"Only this category: vpn, proxy, tor, tunnel, remote-access, mining, malware, prohibited-content."`
	Expires  string `required:"" placeholder:"WHEN" help:"When the exemption ends: a date (00:00 in the tenant's time zone), an RFC 3339 time, a span from now (30d, 720h), or never."`
	Reason   string `required:"" placeholder:"TEXT" help:"Why: recorded with the exemption."`
	Actor    string `placeholder:"NAME" help:"Who grants it (default: $SUDO_USER, else $USER)."`
}

func (c *casesExemptCmd) Run(g *Globals) error {
	actor, err := actorOf(c.Actor)
	if err != nil {
		return err
	}
	if c.Category != "" && !slices.Contains(notify.Categories, c.Category) {
		return &exitErr{code: exitError, err: fmt.Errorf("exempt: unknown category %q (one of %s)", c.Category, strings.Join(notify.Categories, ", "))}
	}
	ctx := context.Background()
	env, err := openCases(ctx, g, true)
	if err != nil {
		return err
	}
	defer env.Close()
	t := env.cfg.Notify.Tenant(c.Tenant)
	if t == nil {
		return &exitErr{code: exitError, err: fmt.Errorf("exempt: no tenant %q in %s", c.Tenant, g.Config)}
	}
	if c.Rule != "" && c.Category == "" {
		if err := env.knownRule(ctx, c.Rule, c.Tenant); err != nil {
			return &exitErr{code: exitError, err: err}
		}
	}
	now := clock()
	expires, err := parseExpiry(c.Expires, now, t.Location())
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	e := store.Exemption{Tenant: c.Tenant, Host: c.Host, Rule: c.Rule, Category: c.Category, Expires: expires, Reason: c.Reason}
	if err := env.n.Exempt(ctx, e, actor); err != nil {
		return &exitErr{code: exitError, err: err}
	}
	until := "never expires"
	if !expires.IsZero() {
		until = "until " + stamp(expires)
	}
	fmt.Fprintf(g.stdout, "exempt: tenant %s, host %s, rule %s, category %s, %s (by %s)\n",
		c.Tenant, orAny(c.Host), orAny(c.Rule), orAny(c.Category), until, actor)
	// Cases already open stay open: say which, since the operator probably means them.
	open, err := env.n.List(ctx, notify.ListFilter{Tenant: c.Tenant}, now)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	for _, s := range open {
		k := s.Case
		if e.Matches(k.Tenant, k.Host, k.Rule, k.Category, now) {
			fmt.Fprintf(g.stderr, "note: %s (%s on %s) stays %s: aupscan cases resolve %s closes it\n",
				k.Ref(), oneLine(k.Rule), oneLine(k.Host), k.State, k.Ref())
		}
	}
	return nil
}

func orAny(s string) string {
	if s == "" {
		return "any"
	}
	return s
}

// parseExpiry reads --expires: "never", a date (its start in the tenant's zone), an
// RFC 3339 time, or a span from now ("30d", "720h"). It must lie in the future.
func parseExpiry(s string, now time.Time, loc *time.Location) (time.Time, error) {
	if s == "never" {
		return time.Time{}, nil
	}
	var t time.Time
	if d, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
		t = d
	} else if d, err := time.Parse(time.RFC3339, s); err == nil {
		t = d
	} else {
		var span notify.Duration
		if err := span.UnmarshalText([]byte(s)); err != nil || span <= 0 {
			return time.Time{}, fmt.Errorf("exempt: --expires %q: want a date (2026-01-31), an RFC 3339 time, a span (30d, 720h) or never", s)
		}
		t = now.Add(time.Duration(span))
	}
	if !t.After(now) {
		return time.Time{}, fmt.Errorf("exempt: --expires %q is not in the future", s)
	}
	return t, nil
}

// knownRule refuses an exemption for a rule id that exists nowhere: not in the rules
// the daemon loads (built-in, [rules] folders, --rules) and not on any of the
// tenant's cases (a rule since removed). A mistyped id would exempt nothing, silently.
func (e *caseEnv) knownRule(ctx context.Context, id, tenant string) error {
	e.rules.load()
	if e.rules.set != nil && e.rules.set.Rule(id) != nil {
		return nil
	}
	cases, err := e.n.List(ctx, notify.ListFilter{All: true, Tenant: tenant}, clock())
	if err != nil {
		return err
	}
	for _, s := range cases {
		if s.Case.Rule == id {
			return nil
		}
	}
	return fmt.Errorf("exempt: no rule %q in the rules nor on any case of tenant %s (aupscan rules list lists the rules)", id, tenant)
}
