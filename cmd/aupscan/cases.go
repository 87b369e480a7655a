package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/store"
)

// exitRefused is the exit code of a case operation that the case's state does not
// allow (approving a case that has had no final notice): the command was right, the
// answer is no.
const exitRefused = 1

// casesCmd groups the case commands. They read the case database and tenants from the
// [notify] section of the --config file; exit 0 done, 1 refused by the case's state,
// 2 bad usage, an unknown case, or a configuration or database that cannot be read.
type casesCmd struct {
	List      casesListCmd      `cmd:"" help:"List open and suspended cases (--all: closed ones too), flagging those needing contact."`
	Show      casesShowCmd      `cmd:"" help:"Show a case in full: evidence, what is due, audit trail, messages, actions."`
	Approve   casesApproveCmd   `cmd:"" help:"Approve a case's suspension (after its final notice; it still waits for a fresh sighting)."`
	Appeal    casesAppealCmd    `cmd:"" help:"Record a tenant's reply or appeal: the case stops climbing its ladder until resumed or resolved."`
	Resume    casesResumeCmd    `cmd:"" help:"Let a held case climb again: end an appeal, or re-send a notice that could not be delivered."`
	Resolve   casesResolveCmd   `cmd:"" help:"Close an open case (with a resolved notice when the tenant was notified)."`
	Reinstate casesReinstateCmd `cmd:"" help:"End a suspension: run the unsuspend action; the case closes with a reinstatement notice once it has run."`
	Confirm   casesConfirmCmd   `cmd:"" help:"Confirm a suspension or reinstatement carried out by hand (no suspension action configured)."`
	Export    casesExportCmd    `cmd:"" help:"Export cases and their audit trails as JSON or CSV, for records and backups."`
	Exempt    casesExemptCmd    `cmd:"" help:"Exempt a tenant (or one host, rule or category of it) until a date: covered findings open no case."`
	Ingest    casesIngestCmd    `cmd:"" hidden:"" help:"Open or refresh cases from findings in JSON Lines (FILE, or - for stdin)."`
	Repair    casesRepairCmd    `cmd:"" help:"Mend a SQLite case database whose indexes do not match its tables (aupscand stopped): a copy first, then REINDEX; no row is lost."`
}

type casesListCmd struct {
	All          bool   `help:"Closed cases too."`
	Tenant       string `placeholder:"ID" help:"One tenant's cases only."`
	NeedsContact bool   `help:"Only cases whose notice could not be delivered: staff must reach the tenant another way."`
}

func (c *casesListCmd) Run(g *Globals) error {
	ctx := context.Background()
	env, err := openCases(ctx, g, false)
	if err != nil {
		return err
	}
	defer env.Close()
	list, err := env.n.List(ctx, notify.ListFilter{All: c.All, Tenant: c.Tenant, NeedsContact: c.NeedsContact}, clock())
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if g.Format == "json" {
		enc := json.NewEncoder(g.stdout)
		enc.SetEscapeHTML(false)
		for _, s := range list {
			if err := enc.Encode(newCaseJSON(s.Case, s.Decision)); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CASE\tTENANT\tHOST\tRULE\tSTATE\tSTAGE\tLAST SEEN\tNEXT\tFLAGS")
	contact := 0
	for _, s := range list {
		k := s.Case
		if s.NeedsContact {
			contact++
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", k.Ref(), oneLine(k.Tenant), oneLine(k.Host), oneLine(k.Rule),
			k.State, dash(string(k.Stage)), stamp(k.LastSeen), s.Decision.Action, dash(strings.Join(flags(k), ",")))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if contact > 0 {
		fmt.Fprintf(g.stderr, "%d of %d cases NEED CONTACT: a notice could not be delivered (aupscan cases list --needs-contact)\n", contact, len(list))
	}
	return nil
}

// flags are the conditions of a case staff should see at a glance.
func flags(c store.Case) []string {
	var f []string
	if c.NeedsContact() {
		f = append(f, "needs-contact")
	}
	if c.Appealed {
		f = append(f, "appealed")
	}
	if c.Approved {
		f = append(f, "approved")
	}
	if c.DryRun {
		f = append(f, "dry-run")
	}
	return f
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

type casesShowCmd struct {
	ID caseID `arg:"" name:"ID" help:"Case id: 42 or AUP-000042."`
}

func (c *casesShowCmd) Run(g *Globals) error {
	ctx := context.Background()
	env, err := openCases(ctx, g, false)
	if err != nil {
		return err
	}
	defer env.Close()
	r, err := env.n.Show(ctx, int64(c.ID), clock())
	if err != nil {
		return caseErr(c.ID, err)
	}
	if g.Format == "json" {
		enc := json.NewEncoder(g.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(newReportJSON(r))
	}
	writeReport(g.stdout, r)
	return nil
}

// writeReport prints a case report for a person. Strings a tenant controls (paths,
// evidence) are kept on one line.
func writeReport(w io.Writer, r notify.CaseReport) {
	k := r.Case
	fmt.Fprintf(w, "%s  %s, stage %s\n", k.Ref(), k.State, dash(string(k.Stage)))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	row := func(label, format string, a ...any) {
		fmt.Fprintf(tw, "%s\t"+format+"\n", append([]any{label}, a...)...)
	}
	row("tenant", "%s", oneLine(k.Tenant))
	row("host", "%s", oneLine(k.Host))
	row("rule", "%s (%s): category %s, severity %s, confidence %s", oneLine(k.Rule), oneLine(k.RuleName), k.Category, k.Severity, k.Confidence)
	row("seen", "first %s, last %s, count %d", stamp(k.FirstSeen), stamp(k.LastSeen), k.Count)
	row("subject", "%s %s", k.Kind, oneLine(k.Subject))
	row("evidence", "%s", oneLine(k.Evidence))
	if k.SHA256 != "" {
		row("sha256", "%s", k.SHA256)
	}
	row("source", "%s", oneLine(k.Source))
	row("notice", "queued %s, delivered %s", stamp(k.StageQueuedAt), stamp(k.StageDeliveredAt))
	if len(flags(k)) > 0 {
		row("flags", "%s", strings.Join(flags(k), ", "))
	}
	if k.Approved {
		row("approved by", "%s", oneLine(k.ApprovedBy))
	}
	next := ""
	if !r.Decision.Next.IsZero() {
		next = ", may change at " + stamp(r.Decision.Next)
	}
	row("next", "%s: %s%s", r.Decision.Action, r.Decision.Reason, next)
	tw.Flush()

	fmt.Fprintln(w, "\naudit trail")
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, a := range r.Audit {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s/%s\t%s\n", stamp(a.At), oneLine(a.Actor), a.Event, a.State, dash(string(a.Stage)), oneLine(a.Reason))
	}
	tw.Flush()
	if len(r.Outbox) > 0 {
		fmt.Fprintln(w, "\nmessages")
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, m := range r.Outbox {
			fmt.Fprintf(tw, "  %s\t%s\t%d attempts\t%s\t%s\n", m.MessageID, m.Status, m.Attempts, stamp(m.SentAt), oneLine(m.LastError))
		}
		tw.Flush()
	}
	if len(r.Actions) > 0 {
		fmt.Fprintln(w, "\nactions")
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, a := range r.Actions {
			fmt.Fprintf(tw, "  %s\t%s\t%d attempts\t%s\t%s\n", a.Key, a.Status, a.Attempts, stamp(a.DoneAt), oneLine(a.LastError))
		}
		tw.Flush()
	}
}

// caseJSON is one case in `cases list --format json` (a line) and `cases show`.
type caseJSON struct {
	ID           int64      `json:"id"`
	Ref          string     `json:"ref"`
	Tenant       string     `json:"tenant"`
	Host         string     `json:"host"`
	Rule         string     `json:"rule"`
	RuleName     string     `json:"rule_name"`
	Category     string     `json:"category"`
	Severity     string     `json:"severity"`
	Confidence   string     `json:"confidence"`
	State        string     `json:"state"`
	Stage        string     `json:"stage"`
	FirstSeen    time.Time  `json:"first_seen"`
	LastSeen     time.Time  `json:"last_seen"`
	Count        int64      `json:"count"`
	Kind         string     `json:"kind"`
	Subject      string     `json:"subject"`
	Evidence     string     `json:"evidence"`
	NeedsContact bool       `json:"needs_contact"`
	Appealed     bool       `json:"appealed"`
	Approved     bool       `json:"approved"`
	ApprovedBy   string     `json:"approved_by,omitempty"`
	DryRun       bool       `json:"dry_run"`
	Next         nextJSON   `json:"next"`
	ClosedAt     *time.Time `json:"closed_at,omitempty"`
}

// nextJSON is a case's decision: what is due now and why.
type nextJSON struct {
	Action   string     `json:"action"`
	Reason   string     `json:"reason"`
	Deadline *time.Time `json:"deadline,omitempty"`
	At       *time.Time `json:"at,omitempty"` // when the decision may change on its own
}

func newCaseJSON(k store.Case, d notify.Decision) caseJSON {
	return caseJSON{ID: k.ID, Ref: k.Ref(), Tenant: k.Tenant, Host: k.Host, Rule: k.Rule, RuleName: k.RuleName,
		Category: k.Category, Severity: k.Severity, Confidence: k.Confidence, State: string(k.State), Stage: string(k.Stage),
		FirstSeen: k.FirstSeen.UTC(), LastSeen: k.LastSeen.UTC(), Count: k.Count, Kind: k.Kind, Subject: k.Subject,
		Evidence: k.Evidence, NeedsContact: k.NeedsContact(), Appealed: k.Appealed, Approved: k.Approved,
		ApprovedBy: k.ApprovedBy, DryRun: k.DryRun, ClosedAt: optTime(k.ClosedAt),
		Next: nextJSON{Action: string(d.Action), Reason: d.Reason, Deadline: optTime(d.Deadline), At: optTime(d.Next)}}
}

// reportJSON is `cases show --format json`: the case, its audit trail, messages
// (without their bodies: `notify preview` renders one) and actions.
type reportJSON struct {
	caseJSON
	Audit    []auditJSON   `json:"audit"`
	Messages []messageJSON `json:"messages"`
	Actions  []actionJSON  `json:"actions"`
}

type auditJSON struct {
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Event  string    `json:"event"`
	Reason string    `json:"reason"`
	State  string    `json:"state"`
	Stage  string    `json:"stage"`
}

type messageJSON struct {
	MessageID  string     `json:"message_id"`
	Status     string     `json:"status"`
	Recipients []string   `json:"recipients"`
	Attempts   int        `json:"attempts"`
	LastError  string     `json:"last_error,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	SentAt     *time.Time `json:"sent_at,omitempty"`
}

type actionJSON struct {
	Key       string     `json:"idempotency_key"`
	Kind      string     `json:"kind"`
	Status    string     `json:"status"`
	Attempts  int        `json:"attempts"`
	LastError string     `json:"last_error,omitempty"`
	DoneAt    *time.Time `json:"done_at,omitempty"`
}

func newReportJSON(r notify.CaseReport) reportJSON {
	out := reportJSON{caseJSON: newCaseJSON(r.Case, r.Decision),
		Audit: []auditJSON{}, Messages: []messageJSON{}, Actions: []actionJSON{}}
	for _, a := range r.Audit {
		out.Audit = append(out.Audit, auditJSON{a.At.UTC(), a.Actor, a.Event, a.Reason, string(a.State), string(a.Stage)})
	}
	for _, m := range r.Outbox {
		out.Messages = append(out.Messages, messageJSON{m.MessageID, m.Status, m.Recipients, m.Attempts, m.LastError,
			m.CreatedAt.UTC(), optTime(m.SentAt)})
	}
	for _, a := range r.Actions {
		out.Actions = append(out.Actions, actionJSON{a.Key, a.Kind, a.Status, a.Attempts, a.LastError, optTime(a.DoneAt)})
	}
	return out
}

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}
