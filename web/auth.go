package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/aupscan/aupscan/notify/store"
)

// Staff sign in with a local account (bcrypt hash in the case database, made by
// `aupscan users add`) or, behind a trusted proxy, by the identity header it sets.
// Sessions live in this process's memory: a restart signs everyone out, and behind
// several managers the proxy must keep a staff member on one (or use the header).

// sessionCookie is the session's cookie: __Host- makes the browser insist on Secure,
// path / and no Domain.
const sessionCookie = "__Host-aupscan-session"

// preCookie binds the login form's CSRF token before there is a session.
const preCookie = "__Host-aupscan-login"

// HashPassword returns the bcrypt hash of a password, as `aupscan users add` stores
// it (golang.org/x/crypto/bcrypt, cost 12).
func HashPassword(pw string) (string, error) {
	if len(pw) < 10 {
		return "", errors.New("password too short: at least 10 characters")
	}
	if len(pw) > 72 {
		return "", errors.New("password too long: bcrypt takes at most 72 bytes")
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), 12)
	return string(h), err
}

// dummyHash is compared against when the user does not exist, so that an unknown
// name takes as long as a wrong password. It is the cost-12 hash of a fixed string,
// written out rather than made at start-up: making it cost every program that links
// this package (the CLI too) a quarter of a second of CPU before it did anything.
var dummyHash = []byte("$2a$12$l8YRY4WBZRIeoLv.uKg0F.CCNVdc8N45tY7JmEkopNAQoJa.MH5cy")

// checkPassword returns the account when name and password match an enabled one.
func checkPassword(ctx context.Context, st *store.Store, name, pw string) (store.User, bool) {
	u, err := st.User(ctx, name)
	if err != nil {
		bcrypt.CompareHashAndPassword(dummyHash, []byte(pw))
		return u, false
	}
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(pw)) != nil || u.Disabled {
		return u, false
	}
	return u, true
}

type session struct {
	id, user, role string
	expires        time.Time
}

type sessions struct {
	mu  sync.Mutex
	ttl time.Duration
	m   map[string]*session
}

func newSessions(ttl time.Duration) *sessions {
	if ttl <= 0 {
		ttl = 12 * time.Hour
	}
	return &sessions{ttl: ttl, m: map[string]*session{}}
}

func randomID() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func (ss *sessions) start(user, role string, now time.Time) *session {
	s := &session{id: randomID(), user: user, role: role, expires: now.Add(ss.ttl)}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	for k, v := range ss.m {
		if now.After(v.expires) {
			delete(ss.m, k)
		}
	}
	ss.m[s.id] = s
	return s
}

func (ss *sessions) get(id string, now time.Time) *session {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s := ss.m[id]
	if s == nil || now.After(s.expires) {
		return nil
	}
	return s
}

func (ss *sessions) end(id string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	delete(ss.m, id)
}

func setCookie(w http.ResponseWriter, name, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode})
}

// who is the signed-in staff member of a request: the session's, or the trusted
// proxy's identity header (the role of the local account of that name, else the
// configured proxy_role). bound is what the member's form tokens are bound to.
type who struct {
	user, role, bound string
	proxy             bool
}

func (s *Server) identify(r *http.Request) (who, bool) {
	if h := s.cfg.IdentityHeader; h != "" && peerTrusted(r, s.proxies) {
		if name := r.Header.Get(h); name != "" {
			role := s.cfg.ProxyRole
			if u, err := s.notifier().Store().User(r.Context(), name); err == nil && !u.Disabled {
				role = u.Role
			}
			return who{user: name, role: role, bound: "proxy\x00" + name, proxy: true}, true
		}
	}
	ck, err := r.Cookie(sessionCookie)
	if err != nil {
		return who{}, false
	}
	ses := s.sessions.get(ck.Value, s.now())
	if ses == nil {
		return who{}, false
	}
	return who{user: ses.user, role: ses.role, bound: "session\x00" + ses.id}, true
}

// staff wraps a console handler: a signed-in member with at least role min, and on
// POST a valid CSRF token.
func (s *Server) staff(min string, h func(http.ResponseWriter, *http.Request, who)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		me, ok := s.identify(r)
		if !ok {
			http.Redirect(w, r, "/staff/login", http.StatusSeeOther)
			return
		}
		if roleRank[me.role] < roleRank[min] {
			s.fail(w, r, http.StatusForbidden, "your role ("+me.role+") does not allow this")
			return
		}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
			if !s.csrf.ok(r, me.bound) {
				s.fail(w, r, http.StatusForbidden, "the form has expired or did not come from this console: reload and try again")
				return
			}
		}
		h(w, r, me)
	}
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.identify(r); ok {
		http.Redirect(w, r, "/staff/", http.StatusSeeOther)
		return
	}
	pre := randomID()
	setCookie(w, preCookie, pre, 900)
	s.render(w, http.StatusOK, "login", map[string]any{"Lang": "en", "Title": "Sign in", "CSRF": s.csrf.token("login\x00" + pre),
		"Failed": r.URL.Query().Get("failed") != ""})
}

func (s *Server) loginPost(w http.ResponseWriter, r *http.Request) {
	addr := clientAddr(r, s.proxies)
	if !s.login.allow(addr) {
		w.Header().Set("Retry-After", "60")
		s.fail(w, r, http.StatusTooManyRequests, "too many sign-in attempts: wait a minute")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
	ck, err := r.Cookie(preCookie)
	if err != nil || !s.csrf.ok(r, "login\x00"+ck.Value) {
		s.fail(w, r, http.StatusForbidden, "the sign-in form has expired: reload it and try again")
		return
	}
	name := r.PostFormValue("user")
	u, ok := checkPassword(r.Context(), s.notifier().Store(), name, r.PostFormValue("password"))
	if !ok {
		s.log.Warn("staff sign-in failed", "user", name, "client", addr)
		http.Redirect(w, r, "/staff/login?failed=1", http.StatusSeeOther)
		return
	}
	ses := s.sessions.start(u.Name, u.Role, s.now())
	setCookie(w, preCookie, "", -1)
	setCookie(w, sessionCookie, ses.id, int(s.sessions.ttl.Seconds()))
	s.log.Info("staff signed in", "user", u.Name, "role", u.Role, "client", addr)
	http.Redirect(w, r, "/staff/", http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, _ who) {
	if ck, err := r.Cookie(sessionCookie); err == nil {
		s.sessions.end(ck.Value)
	}
	setCookie(w, sessionCookie, "", -1)
	http.Redirect(w, r, "/staff/login", http.StatusSeeOther)
}

func urlq(s string) string { return url.QueryEscape(s) }
