package web

import (
	"errors"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// tenantView is what the tenant page shows: every string cleaned like a notice's,
// every date in the tenant's zone and language.
type tenantView struct {
	Lang, Other, Title     string
	T                      map[string]string
	Self, SwitchURL        string
	CSRF                   string
	Flash                  string
	Ref, RuleName, Rule    string
	Description            string
	Category, Host, Role   string
	Did, Flow, Path, Found string
	Evidence, SHA256       string
	FirstSeen, LastSeen    string
	Count                  int64
	Clause                 string
	State, StateKey        string
	Ladder                 []rungView
	Notices                []noticeView
	Open, Acknowledged     bool
}

type rungView struct {
	Label, When string
	Done, From  bool
}

type noticeView struct{ When, What, Status string }

// tenantCase finds the case a token opens, answering 429 or 404 itself when it
// cannot: a stranger learns nothing about why a link is not valid.
func (s *Server) tenantCase(w http.ResponseWriter, r *http.Request) (store.Case, bool) {
	if !s.page.allow(clientAddr(r, s.proxies)) {
		w.Header().Set("Retry-After", "30")
		s.fail(w, r, http.StatusTooManyRequests, "too many requests: try again in a minute")
		return store.Case{}, false
	}
	c, _, err := s.notifier().Store().TokenCase(r.Context(), r.PathValue("token"), s.now())
	if errors.Is(err, store.ErrToken) {
		l := locale(r.URL.Query().Get("lang"), "en")
		s.render(w, http.StatusNotFound, "invalid", map[string]any{"Lang": l, "T": text[l], "Title": text[l]["invalid"]})
		return c, false
	}
	if err != nil {
		s.log.Error("token lookup", "err", err)
		s.fail(w, r, http.StatusInternalServerError, "the case database did not answer; try again later")
		return c, false
	}
	return c, true
}

func (s *Server) tenantPage(w http.ResponseWriter, r *http.Request) {
	c, ok := s.tenantCase(w, r)
	if !ok {
		return
	}
	v, err := s.tenantView(r, c)
	if err != nil {
		s.log.Error("tenant page", "case", c.Ref(), "err", err)
		s.fail(w, r, http.StatusInternalServerError, "the case could not be read; try again later")
		return
	}
	s.render(w, http.StatusOK, "tenant", v)
}

func (s *Server) tenantView(r *http.Request, c store.Case) (tenantView, error) {
	now := s.now()
	t := s.notifier().Config().Tenant(c.Tenant)
	tl, loc, clause := "en", time.UTC, ""
	if t != nil {
		tl, loc, clause = t.Locale, t.Location(), t.Clause
	}
	l := locale(r.URL.Query().Get("lang"), tl)
	tok := r.PathValue("token")
	v := tenantView{Lang: l, Other: otherLocale(l), T: text[l], Title: text[l]["title"] + " " + c.Ref(),
		Self: "/t/" + url.PathEscape(tok) + "?lang=" + url.QueryEscape(l), CSRF: s.csrf.token("tenant\x00" + store.HashToken(tok)),
		Ref: c.Ref(), Rule: mail.Clean(c.Rule), RuleName: mail.Clean(firstOf(c.RuleName, c.Rule)),
		Category: mail.Label(l, c.Category), Host: mail.Clean(c.Host), Did: mail.Did(c, l),
		Evidence: mail.Clean(c.Evidence), SHA256: mail.Clean(c.SHA256),
		FirstSeen: mail.When(c.FirstSeen, l, loc), LastSeen: mail.When(c.LastSeen, l, loc), Count: c.Count,
		Clause: mail.CleanBlock(clause, 2000), Open: c.State == store.StateOpen, Acknowledged: !c.AcknowledgedAt.IsZero()}
	v.SwitchURL = "/t/" + url.PathEscape(tok) + "?lang=" + url.QueryEscape(v.Other)
	if name, desc := s.describe(c, l); name != "" {
		v.RuleName, v.Description = mail.Clean(name), mail.CleanBlock(desc, 2000)
	}
	if c.Role != "" {
		v.Role = v.T["role."+c.Role]
	}
	switch {
	case c.FlowProto != "":
		v.Flow = mail.Clean(c.FlowProto + " " + hostPort(c.FlowSrc, c.FlowSport) + " -> " + hostPort(c.FlowDst, c.FlowDport))
	case c.Kind == "file":
		v.Path = mail.Clean(c.Subject)
	default:
		v.Found = mail.Clean(c.Subject)
	}
	v.StateKey = notify.DisplayState(c)
	v.State = v.T["state."+v.StateKey]
	if v.State == "" {
		v.State = v.StateKey
	}
	if f := r.URL.Query().Get("done"); f != "" {
		v.Flash = v.T["done."+f]
	}
	sent, err := s.notifier().Store().OutboxOf(r.Context(), c.ID)
	if err != nil {
		return v, err
	}
	for _, rg := range s.notifier().Ladder(c, sent, now) {
		rv := rungView{Label: v.T["stage."+string(rg.Stage)], Done: rg.Done, From: rg.Earliest}
		if !rg.At.IsZero() {
			rv.When = mail.When(rg.At, l, loc)
		} else if !rg.Done {
			rv.When = v.T["paused"]
		}
		v.Ladder = append(v.Ladder, rv)
	}
	for _, e := range sent {
		if e.Status == store.OutboxDryRun {
			continue // never sent: the tenant was not told
		}
		nv := noticeView{When: mail.When(e.CreatedAt, l, loc), Status: e.Status}
		for _, it := range e.Items {
			if it.CaseID == c.ID {
				nv.What = v.T["stage."+string(it.Stage)]
			}
		}
		v.Notices = append(v.Notices, nv)
	}
	return v, nil
}

// tenantAction takes the page's three answers: fixed, appeal, acknowledge.
func (s *Server) tenantAction(w http.ResponseWriter, r *http.Request) {
	c, ok := s.tenantCase(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	tok := r.PathValue("token")
	if !s.csrf.ok(r, "tenant\x00"+store.HashToken(tok)) {
		s.fail(w, r, http.StatusForbidden, "the form has expired or did not come from this page: reload the page and try again")
		return
	}
	addr := clientAddr(r, s.proxies)
	ctx := r.Context()
	var err error
	done := r.PostFormValue("action")
	switch done {
	case "fixed":
		if err = s.notifier().TenantRecheck(ctx, c.ID, addr); err == nil && s.recheck != nil && c.Kind != "traffic" {
			s.recheck(c.Host)
		}
	case "appeal":
		var paused bool
		if paused, err = s.notifier().TenantAppeal(ctx, c.ID, addr, r.PostFormValue("text")); err == nil && !paused {
			done = "appeal.queued"
		}
	case "ack":
		err = s.notifier().TenantAck(ctx, c.ID, addr)
	default:
		s.fail(w, r, http.StatusBadRequest, "unknown action")
		return
	}
	if errors.Is(err, notify.ErrState) {
		s.fail(w, r, http.StatusConflict, err.Error())
		return
	}
	if err != nil {
		s.log.Error("tenant action", "case", c.Ref(), "action", done, "err", err)
		s.fail(w, r, http.StatusInternalServerError, "your answer could not be recorded; try again later")
		return
	}
	s.queueList.forget()
	s.log.Info("tenant answered", "case", c.Ref(), "action", done, "client", addr)
	l := locale(r.URL.Query().Get("lang"), "")
	http.Redirect(w, r, "/t/"+url.PathEscape(tok)+"?lang="+url.QueryEscape(l)+"&done="+url.QueryEscape(done), http.StatusSeeOther)
}

// describe gives the rule's name and description in the page's locale.
func (s *Server) describe(c store.Case, locale string) (string, string) {
	if d := s.notifier().Describer(); d != nil {
		return d(c.Rule, locale)
	}
	return "", ""
}

func hostPort(h string, p int) string {
	if p == 0 {
		return h
	}
	return net.JoinHostPort(h, strconv.Itoa(p))
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
