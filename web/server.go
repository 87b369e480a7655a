package web

import (
	"context"
	"crypto/rand"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"time"

	"github.com/aupscan/aupscan/notify"
)

//go:embed templates static
var assets embed.FS

// Options are the server's collaborators.
type Options struct {
	Config Config
	// Notifier is the notifier the pages act through; Current, when set, is asked
	// instead on every request (the daemon replaces its notifier on reload).
	Notifier *notify.Notifier
	Current  func() *notify.Notifier
	Logger   *slog.Logger
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Recheck asks for a scan of host at once, where the daemon can run one; nil
	// or false: the re-check waits for the next scan or the quiet period.
	Recheck func(host string) bool
}

// A Server serves the tenant pages and the staff console.
type Server struct {
	cfg      Config
	current  func() *notify.Notifier
	log      *slog.Logger
	now      func() time.Time
	recheck  func(string) bool
	proxies  []netip.Prefix
	csrf     csrf
	pages    map[string]*template.Template
	sessions *sessions
	login    *limiter
	page     *limiter
	handler  http.Handler
	// queueList shares the queue's reads of the case list (staff.go).
	queueList listCache
}

// New builds a server over a validated Config.
func New(o Options) (*Server, error) {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	proxies, err := o.Config.proxies()
	if err != nil {
		return nil, fmt.Errorf("web.trusted_proxies: %w", err)
	}
	key := make([]byte, 32)
	rand.Read(key)
	if o.Current == nil {
		n := o.Notifier
		o.Current = func() *notify.Notifier { return n }
	}
	s := &Server{cfg: o.Config, current: o.Current, log: o.Logger, now: o.Now, recheck: o.Recheck,
		proxies: proxies, csrf: csrf{key: key}, sessions: newSessions(time.Duration(o.Config.SessionTTL)),
		login: newLimiter(max(1, o.Config.LoginRate)), page: newLimiter(max(1, o.Config.PageRate))}
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	s.handler = s.routes()
	return s, nil
}

func parsePages() (map[string]*template.Template, error) {
	out := map[string]*template.Template{}
	for _, name := range []string{"tenant", "invalid", "login", "queue", "case", "preview", "error"} {
		t, err := template.New("").Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web template %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

var funcs = template.FuncMap{"t": func(m map[string]string, k string) string {
	if v, ok := m[k]; ok {
		return v
	}
	return k
}}

// routes is the server's mux (net/http's ServeMux patterns), inside the security
// headers and the cross-origin protection.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(assets, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /t/{token}", s.tenantPage)
	mux.HandleFunc("POST /t/{token}", s.tenantAction)
	mux.HandleFunc("GET /staff/login", s.loginForm)
	mux.HandleFunc("POST /staff/login", s.loginPost)
	mux.HandleFunc("POST /staff/logout", s.staff(RoleViewer, s.logout))
	mux.HandleFunc("GET /staff/{$}", s.staff(RoleViewer, s.queue))
	mux.HandleFunc("GET /staff/case/{id}", s.staff(RoleViewer, s.casePage))
	mux.HandleFunc("GET /staff/case/{id}/preview", s.staff(RoleViewer, s.preview))
	mux.HandleFunc("POST /staff/case/{id}", s.staff(RoleViewer, s.caseAction))
	mux.HandleFunc("GET /staff/export", s.staff(RoleViewer, s.export))
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/staff/", http.StatusSeeOther)
	})
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusForbidden, "cross-origin request refused")
	}))
	return secureHeaders(cop.Handler(mux))
}

func (s *Server) notifier() *notify.Notifier { return s.current() }

// Handler returns the server's handler, for tests and for mounting.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve listens on the configured address (with TLS when configured) until ctx ends.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s.handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10,
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn)}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	var err error
	if s.cfg.TLSCert != "" {
		err = srv.ServeTLS(ln, s.cfg.TLSCert, s.cfg.TLSKey)
	} else {
		err = srv.Serve(ln)
	}
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// render executes a page; a template error after the header is only logged.
func (s *Server) render(w http.ResponseWriter, status int, page string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := s.pages[page].ExecuteTemplate(w, "layout", data); err != nil {
		s.log.Error("render page", "page", page, "err", err)
	}
}

// fail shows an error page.
func (s *Server) fail(w http.ResponseWriter, _ *http.Request, status int, msg string) {
	s.render(w, status, "error", map[string]any{"Title": http.StatusText(status), "Message": msg, "Lang": "en"})
}
