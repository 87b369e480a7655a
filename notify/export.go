package notify

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/aupscan/aupscan/notify/store"
)

// ExportCase is one case with its audit trail, as Export writes it (JSON): the
// operator's record of what was found, decided and done.
type ExportCase struct {
	Ref        string        `json:"case"`
	Tenant     string        `json:"tenant"`
	Host       string        `json:"host"`
	Rule       string        `json:"rule"`
	RuleName   string        `json:"rule_name"`
	Category   string        `json:"category"`
	Severity   string        `json:"severity"`
	Confidence string        `json:"confidence"`
	Role       string        `json:"role,omitempty"`
	State      string        `json:"state"`
	Stage      string        `json:"stage"`
	FirstSeen  time.Time     `json:"first_seen"`
	LastSeen   time.Time     `json:"last_seen"`
	Count      int64         `json:"count"`
	Kind       string        `json:"kind"`
	Subject    string        `json:"subject,omitempty"`
	Evidence   string        `json:"evidence"`
	Flow       string        `json:"flow,omitempty"`
	SHA256     string        `json:"sha256,omitempty"`
	OpenedAt   time.Time     `json:"opened_at"`
	ClosedAt   *time.Time    `json:"closed_at,omitempty"`
	Audit      []ExportEvent `json:"audit"`
}

// ExportEvent is one audit entry of an exported case.
type ExportEvent struct {
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Event  string    `json:"event"`
	Reason string    `json:"reason"`
	State  string    `json:"state"`
	Stage  string    `json:"stage"`
}

// Export formats.
const (
	ExportJSON = "json"
	ExportCSV  = "csv"
)

// exportHeader is the CSV's first line: one row per audit event, the case's columns
// repeated on each.
var exportHeader = []string{"case", "tenant", "host", "rule", "category", "severity", "role", "state", "stage",
	"first_seen", "last_seen", "count", "evidence", "event_at", "actor", "event", "reason"}

// Export writes the cases f selects with their audit trails to w, as JSON (an array
// of ExportCase) or CSV (one row per audit event). The console and `aupscan cases
// export` both call it.
func (n *Notifier) Export(ctx context.Context, w io.Writer, format string, f ListFilter) error {
	cases, err := n.store.Cases(ctx, store.CaseFilter{All: f.All, Tenant: f.Tenant})
	if err != nil {
		return err
	}
	var cw *csv.Writer
	switch format {
	case ExportJSON:
		if _, err := io.WriteString(w, "["); err != nil {
			return err
		}
	case ExportCSV:
		cw = csv.NewWriter(w)
		if err := cw.Write(exportHeader); err != nil {
			return err
		}
	default:
		return fmt.Errorf("export: format %q is not json or csv", format)
	}
	for i, c := range cases {
		trail, err := n.store.Audit(ctx, c.ID)
		if err != nil {
			return err
		}
		e := exportCase(c, trail)
		if cw != nil {
			writeCSV(cw, e)
			continue
		}
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if i > 0 {
			io.WriteString(w, ",\n")
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	if cw != nil {
		cw.Flush()
		return cw.Error()
	}
	_, err = io.WriteString(w, "]\n")
	return err
}

func exportCase(c store.Case, trail []store.AuditEntry) ExportCase {
	e := ExportCase{Ref: c.Ref(), Tenant: c.Tenant, Host: c.Host, Rule: c.Rule, RuleName: c.RuleName,
		Category: c.Category, Severity: c.Severity, Confidence: c.Confidence, Role: c.Role,
		State: DisplayState(c), Stage: string(c.Stage), FirstSeen: c.FirstSeen, LastSeen: c.LastSeen, Count: c.Count,
		Kind: c.Kind, Subject: c.Subject, Evidence: c.Evidence, SHA256: c.SHA256, OpenedAt: c.OpenedAt, Audit: []ExportEvent{}}
	if c.FlowProto != "" {
		e.Flow = fmt.Sprintf("%s %s:%d -> %s:%d", c.FlowProto, c.FlowSrc, c.FlowSport, c.FlowDst, c.FlowDport)
	}
	if !c.ClosedAt.IsZero() {
		t := c.ClosedAt
		e.ClosedAt = &t
	}
	for _, a := range trail {
		e.Audit = append(e.Audit, ExportEvent{At: a.At, Actor: a.Actor, Event: a.Event, Reason: a.Reason,
			State: string(a.State), Stage: string(a.Stage)})
	}
	return e
}

func writeCSV(cw *csv.Writer, e ExportCase) {
	row := func(at, actor, event, reason string) {
		cw.Write([]string{e.Ref, csvSafe(e.Tenant), csvSafe(e.Host), csvSafe(e.Rule), e.Category, e.Severity, e.Role, e.State, e.Stage,
			e.FirstSeen.Format(time.RFC3339), e.LastSeen.Format(time.RFC3339), strconv.FormatInt(e.Count, 10),
			csvSafe(e.Evidence), at, csvSafe(actor), csvSafe(event), csvSafe(reason)})
	}
	if len(e.Audit) == 0 {
		row("", "", "", "")
	}
	for _, a := range e.Audit {
		row(a.At.Format(time.RFC3339Nano), a.Actor, a.Event, a.Reason)
	}
}

// csvSafe keeps a tenant-controlled value from being read as a formula when the
// file is opened in a spreadsheet (CSV injection): a leading = + - @ gets a quote.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}
