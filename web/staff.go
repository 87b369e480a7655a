package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	netmail "net/mail"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// maxRows is how many cases the queue shows at once; the counts cover all.
const maxRows = 200

type queueRow struct {
	ID                                    int64
	Ref, Tenant, Host, Rule, Category     string
	Role, State, Stage, Next, Why, LastAt string
	Attention                             bool
}

type queueView struct {
	Lang, Title, User, Role, CSRF   string
	Open, DueToday, Appealed, Await int
	Rows                            []queueRow
	Matched                         int
	F                               map[string]string
	States, Categories, Roles, Tens []string
	Export                          string
}

// queue is the console's front page: counts at a glance, then the cases the filters
// select, the most urgent first.
func (s *Server) queue(w http.ResponseWriter, r *http.Request, me who) {
	now := s.now()
	q := r.URL.Query()
	f := map[string]string{}
	for _, k := range []string{"state", "tenant", "category", "role", "due", "appealed", "contact"} {
		f[k] = q.Get(k)
	}
	v, err := s.queueList.view(f, func() (queueView, error) { return s.queueView(r, f, now) })
	if err != nil {
		s.log.Error("queue", "err", err)
		s.fail(w, r, http.StatusInternalServerError, "the case database did not answer")
		return
	}
	v.User, v.Role, v.CSRF = me.user, me.role, s.csrf.token(me.bound)
	s.render(w, http.StatusOK, "queue", v)
}

// queueView reads the cases and makes the queue of filters f: the counts over
// every case, the rows the filters keep.
func (s *Server) queueView(r *http.Request, f map[string]string, now time.Time) (queueView, error) {
	all := f["state"] == "resolved" || f["state"] == "all"
	list, err := s.notifier().List(r.Context(), notify.ListFilter{All: all, Tenant: f["tenant"]}, now)
	if err != nil {
		return queueView{}, err
	}
	v := queueView{Lang: "en", Title: "Case queue", F: f,
		States: []string{"active", "open", "appealed", "re-check pending", "awaiting approval", "suspension pending",
			"suspended", "resolved", "all"}, Categories: notify.Categories, Roles: []string{"server", "client", "installed"}}
	ex := r.URL.Query()
	ex.Set("format", "csv")
	v.Export = "/staff/export?" + ex.Encode()
	tenants := map[string]bool{}
	var rows []notify.CaseSummary
	for _, cs := range list {
		c := cs.Case
		tenants[c.Tenant] = true
		if c.Active() {
			v.Open++
			if due(cs.Decision, now) {
				v.DueToday++
			}
			if c.Attention || c.Appealed {
				v.Appealed++
			}
			if cs.Decision.Action == notify.ActionApproval {
				v.Await++
			}
		}
		if keep(f, cs, now) {
			rows = append(rows, cs)
		}
	}
	for t := range tenants {
		v.Tens = append(v.Tens, t)
	}
	sort.Strings(v.Tens)
	if f["due"] != "" {
		sort.SliceStable(rows, func(i, j int) bool { return nextAt(rows[i], now).Before(nextAt(rows[j], now)) })
	} else {
		slices.Reverse(rows) // newest first
	}
	v.Matched = len(rows)
	for i, cs := range rows {
		if i == maxRows {
			break
		}
		v.Rows = append(v.Rows, newQueueRow(cs))
	}
	return v, nil
}

func newQueueRow(cs notify.CaseSummary) queueRow {
	c := cs.Case
	row := queueRow{ID: c.ID, Ref: c.Ref(), Tenant: mail.Clean(c.Tenant), Host: mail.Clean(c.Host), Rule: mail.Clean(c.Rule),
		Category: c.Category, Role: c.Role, State: notify.DisplayState(c), Stage: string(c.Stage),
		Why: mail.Clean(cs.Decision.Reason), LastAt: c.LastSeen.UTC().Format("2006-01-02 15:04"),
		Attention: c.Attention || c.Appealed}
	if cs.Decision.Action == notify.ActionApproval {
		row.State = notify.ShowAwaitingApproval
	}
	if !cs.Decision.Next.IsZero() {
		row.Next = cs.Decision.Next.UTC().Format("2006-01-02 15:04")
	}
	return row
}

// due reports whether a decision has something due within a day.
func due(d notify.Decision, now time.Time) bool {
	switch d.Action {
	case notify.ActionNone, notify.ActionHold:
		return !d.Next.IsZero() && d.Next.Before(now.Add(24*time.Hour)) && !strings.HasPrefix(d.Reason, "awaiting delivery")
	}
	return true
}

func nextAt(cs notify.CaseSummary, now time.Time) time.Time {
	if cs.Decision.Action != notify.ActionNone && cs.Decision.Action != notify.ActionHold {
		return now
	}
	if cs.Decision.Next.IsZero() {
		return now.Add(100 * 365 * 24 * time.Hour)
	}
	return cs.Decision.Next
}

// keep applies the queue's filters to one case.
func keep(f map[string]string, cs notify.CaseSummary, now time.Time) bool {
	c := cs.Case
	state := notify.DisplayState(c)
	switch f["state"] {
	case "", "active":
		if !c.Active() {
			return false
		}
	case "all":
	case "awaiting approval":
		if cs.Decision.Action != notify.ActionApproval {
			return false
		}
	case "suspension pending":
		if state != notify.ShowSuspensionPending && state != notify.ShowSuspensionByHand {
			return false
		}
	case "resolved":
		if c.Active() {
			return false
		}
	default:
		if state != f["state"] {
			return false
		}
	}
	switch {
	case f["category"] != "" && c.Category != f["category"],
		f["role"] != "" && c.Role != f["role"],
		f["appealed"] != "" && !(c.Attention || c.Appealed),
		f["contact"] != "" && !cs.NeedsContact,
		f["due"] != "" && !due(cs.Decision, now):
		return false
	}
	return true
}

type caseView struct {
	Lang, Title, User, Role, CSRF string
	Flash, Error                  string
	C                             caseFields
	Decision                      string
	NextStage                     string
	Audit                         []auditRow
	Notices                       []noticeRow
	Actions                       []store.Action
	Links, LiveLinks              int
	Can                           map[string]bool
}

type caseFields struct {
	ID                                                int64
	Ref, Tenant, Host, Rule, RuleName, Category       string
	Severity, Confidence, Role, Did, State, Stage     string
	Kind, Subject, Evidence, Flow, SHA256, Source     string
	FirstSeen, LastSeen, Opened, Closed, Acknowledged string
	Count                                             int64
	Appealed, Attention                               bool
}

type auditRow struct{ At, Actor, Event, Reason, State string }
type noticeRow struct{ At, ID, Status, Items, Error string }

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04:05 UTC")
}

func (s *Server) caseID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	ref := strings.TrimPrefix(strings.ToUpper(r.PathValue("id")), "AUP-")
	id, err := strconv.ParseInt(ref, 10, 64)
	if err != nil || id <= 0 {
		s.fail(w, r, http.StatusNotFound, "no such case")
		return 0, false
	}
	return id, true
}

func (s *Server) casePage(w http.ResponseWriter, r *http.Request, me who) {
	id, ok := s.caseID(w, r)
	if !ok {
		return
	}
	rep, err := s.notifier().Show(r.Context(), id, s.now())
	if errors.Is(err, store.ErrNoCase) {
		s.fail(w, r, http.StatusNotFound, "no such case")
		return
	}
	if err != nil {
		s.log.Error("case page", "err", err)
		s.fail(w, r, http.StatusInternalServerError, "the case database did not answer")
		return
	}
	c := rep.Case
	v := caseView{Lang: "en", Title: c.Ref(), User: me.user, Role: me.role, CSRF: s.csrf.token(me.bound),
		Flash: r.URL.Query().Get("done"), Error: r.URL.Query().Get("error"),
		Decision: string(rep.Decision.Action) + ": " + mail.Clean(rep.Decision.Reason), Actions: rep.Actions}
	v.C = caseFields{ID: c.ID, Ref: c.Ref(), Tenant: mail.Clean(c.Tenant), Host: mail.Clean(c.Host), Rule: mail.Clean(c.Rule),
		RuleName: mail.Clean(c.RuleName), Category: c.Category, Severity: c.Severity, Confidence: c.Confidence,
		Role: mail.Clean(c.Role), Did: mail.Did(c, "en"), State: notify.DisplayState(c), Stage: string(c.Stage),
		Kind: mail.Clean(c.Kind), Subject: mail.Clean(c.Subject), Evidence: mail.Clean(c.Evidence), SHA256: mail.Clean(c.SHA256),
		Source: mail.Clean(c.Source), FirstSeen: stamp(c.FirstSeen), LastSeen: stamp(c.LastSeen), Opened: stamp(c.OpenedAt),
		Closed: stamp(c.ClosedAt), Acknowledged: stamp(c.AcknowledgedAt), Count: c.Count, Appealed: c.Appealed, Attention: c.Attention}
	if c.FlowProto != "" {
		v.C.Flow = mail.Clean(fmt.Sprintf("%s %s -> %s", c.FlowProto, hostPort(c.FlowSrc, c.FlowSport), hostPort(c.FlowDst, c.FlowDport)))
	}
	for _, a := range rep.Audit {
		v.Audit = append(v.Audit, auditRow{At: stamp(a.At), Actor: mail.Clean(a.Actor), Event: mail.Clean(a.Event),
			Reason: mail.CleanBlock(a.Reason, 4000), State: string(a.State) + " " + string(a.Stage)})
	}
	for _, e := range rep.Outbox {
		nr := noticeRow{At: stamp(e.CreatedAt), ID: e.MessageID, Status: e.Status, Error: mail.Clean(e.LastError)}
		for _, it := range e.Items {
			nr.Items += store.CaseRef(it.CaseID) + " " + string(it.Stage) + " "
		}
		v.Notices = append(v.Notices, nr)
	}
	if toks, err := s.notifier().Store().Tokens(r.Context(), id); err == nil {
		v.Links = len(toks)
		for _, t := range toks {
			if t.RevokedAt.IsZero() && s.now().Before(t.ExpiresAt) {
				v.LiveLinks++
			}
		}
	}
	v.NextStage = nextStage(c, rep.Decision)
	rank := roleRank[me.role]
	v.Can = map[string]bool{"review": rank >= roleRank[RoleReviewer], "approve": rank >= roleRank[RoleApprover]}
	s.render(w, http.StatusOK, "case", v)
}

// nextStage is the notice the preview shows: the one due, or the one after the
// current stage.
func nextStage(c store.Case, d notify.Decision) string {
	if d.Stage != "" {
		return string(d.Stage)
	}
	switch c.Stage {
	case store.StageNone:
		return string(store.StageWarning)
	case store.StageWarning:
		return string(store.StageReminder)
	case store.StageReminder:
		return string(store.StageFinal)
	case store.StageSuspend:
		return string(store.StageSuspended)
	case store.StageSuspended:
		return string(store.StageReinstated)
	}
	return string(store.StageResolved)
}

// staffActions are the console's case actions, the CLI's, and the role each needs.
var staffActions = map[string]string{
	"approve": RoleApprover, "reinstate": RoleApprover, "confirm": RoleApprover,
	"appeal": RoleReviewer, "resume": RoleReviewer, "resolve": RoleReviewer, "exempt": RoleReviewer, "revoke": RoleReviewer,
}

func (s *Server) caseAction(w http.ResponseWriter, r *http.Request, me who) {
	id, ok := s.caseID(w, r)
	if !ok {
		return
	}
	act, reason := r.PostFormValue("action"), strings.TrimSpace(r.PostFormValue("reason"))
	need, known := staffActions[act]
	if !known {
		s.fail(w, r, http.StatusBadRequest, "unknown action")
		return
	}
	if roleRank[me.role] < roleRank[need] {
		s.log.Warn("staff action refused by role", "user", me.user, "role", me.role, "action", act, "case", store.CaseRef(id))
		s.fail(w, r, http.StatusForbidden, fmt.Sprintf("%s needs the %s role; you are %s", act, need, me.role))
		return
	}
	ctx, actor := r.Context(), me.user
	var err error
	switch act {
	case "approve":
		err = s.notifier().Approve(ctx, id, actor, reason)
	case "reinstate":
		err = s.notifier().Reinstate(ctx, id, actor, reason)
	case "confirm":
		err = s.notifier().Confirm(ctx, id, actor, reason)
	case "appeal":
		err = s.notifier().Appeal(ctx, id, actor, reason)
	case "resume":
		err = s.notifier().Resume(ctx, id, actor, reason)
	case "resolve":
		err = s.notifier().Resolve(ctx, id, actor, reason)
	case "revoke":
		_, err = s.notifier().Store().RevokeTokens(ctx, id, s.now())
	case "exempt":
		err = s.exempt(r, id, actor, reason)
	}
	s.queueList.forget()
	dest := "/staff/case/" + strconv.FormatInt(id, 10)
	if err != nil {
		if !errors.Is(err, notify.ErrState) && !errors.Is(err, store.ErrNoCase) {
			s.log.Error("staff action", "action", act, "case", store.CaseRef(id), "err", err)
		}
		http.Redirect(w, r, dest+"?error="+urlq(err.Error()), http.StatusSeeOther)
		return
	}
	s.log.Info("staff action", "user", me.user, "action", act, "case", store.CaseRef(id))
	http.Redirect(w, r, dest+"?done="+urlq(act), http.StatusSeeOther)
}

func (s *Server) exempt(r *http.Request, id int64, actor, reason string) error {
	c, err := s.notifier().Store().Case(r.Context(), id)
	if err != nil {
		return err
	}
	days, err := strconv.Atoi(r.PostFormValue("days"))
	if err != nil || days <= 0 || days > 3650 {
		return fmt.Errorf("exempt: days must be a number from 1 to 3650")
	}
	return s.notifier().Exempt(r.Context(), store.Exemption{Tenant: c.Tenant, Host: c.Host, Rule: c.Rule, Reason: reason,
		Expires: s.now().Add(time.Duration(days) * 24 * time.Hour)}, actor)
}

func (s *Server) preview(w http.ResponseWriter, r *http.Request, me who) {
	id, ok := s.caseID(w, r)
	if !ok {
		return
	}
	stage := store.Stage(r.URL.Query().Get("stage"))
	m, err := s.notifier().Preview(r.Context(), id, stage, r.URL.Query().Get("locale"), s.now())
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	body, err := textPart(m.Raw)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "preview: "+err.Error())
		return
	}
	s.render(w, http.StatusOK, "preview", map[string]any{"Lang": "en", "Title": "Preview " + store.CaseRef(id),
		"User": me.user, "Role": me.role, "CSRF": s.csrf.token(me.bound), "ID": id, "Ref": store.CaseRef(id),
		"Stage": string(stage), "Subject": m.Subject, "To": strings.Join(m.To, ", "), "Body": body})
}

// textPart returns the text/plain part of a rendered notice.
func textPart(raw []byte) (string, error) {
	msg, err := netmail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return "", err
	}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return "", err
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart() // decodes quoted-printable
		if err != nil {
			return "", fmt.Errorf("no text part: %w", err)
		}
		if strings.HasPrefix(p.Header.Get("Content-Type"), "text/plain") {
			b, err := io.ReadAll(p)
			return string(b), err
		}
	}
}

func (s *Server) export(w http.ResponseWriter, r *http.Request, _ who) {
	format := r.URL.Query().Get("format")
	if format != notify.ExportJSON && format != notify.ExportCSV {
		s.fail(w, r, http.StatusBadRequest, "format must be json or csv")
		return
	}
	ctype := map[string]string{"json": "application/json", "csv": "text/csv; charset=utf-8"}[format]
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="aupscan-cases-%s.%s"`, s.now().UTC().Format("20060102-150405"), format))
	if err := s.notifier().Export(r.Context(), w, format, notify.ListFilter{All: true, Tenant: r.URL.Query().Get("tenant")}); err != nil {
		s.log.Error("export", "err", err)
	}
}

// queueTTL is how long a queue is reused: many staff (or one reloading) share one
// read of the cases, and a staff action here starts a fresh one.
const queueTTL = 2 * time.Second

// listCache holds the queue of each set of filters for queueTTL; loads at the same
// moment wait for the one read under way instead of each making their own.
type listCache struct {
	mu sync.Mutex
	m  map[string]cachedView
}

type cachedView struct {
	at time.Time
	v  queueView
}

func (lc *listCache) view(f map[string]string, make func() (queueView, error)) (queueView, error) {
	var key strings.Builder
	for _, k := range []string{"state", "tenant", "category", "role", "due", "appealed", "contact"} {
		key.WriteString(k + "=" + f[k] + "\x00")
	}
	lc.mu.Lock()
	defer lc.mu.Unlock()
	if c, ok := lc.m[key.String()]; ok && time.Since(c.at) < queueTTL {
		return c.v, nil
	}
	v, err := make()
	if err != nil {
		return v, err
	}
	if lc.m == nil {
		lc.m = map[string]cachedView{}
	}
	lc.m[key.String()] = cachedView{at: time.Now(), v: v}
	return v, nil
}

func (lc *listCache) forget() {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	lc.m = nil
}
