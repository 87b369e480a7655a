package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
	"github.com/aupscan/aupscan/scanner"
)

// t0 is when the test's first finding is seen.
var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	return c.t
}

// rig is a notifier over a real case database, the web server in front of it on
// loopback (httptest), and staff accounts of each role (password "correct horse 1").
type rig struct {
	ctx  context.Context
	dir  string
	cfg  *notify.Config
	n    *notify.Notifier
	st   *store.Store
	srv  *Server
	ts   *httptest.Server
	clk  *clock
	base string
}

const password = "correct horse 1"

// rigConfig is the notifier's configuration: one tenant in Shanghai's time zone (so
// the page's dates differ from UTC), mail to a folder unless smtpPort is set.
func rigConfig(t testing.TB, dir string, smtpPort int) *notify.Config {
	mailCfg := "folder = \"" + filepath.Join(dir, "mail") + "\"\n"
	if smtpPort != 0 {
		mailCfg = "[mail.smtp]\nhost = \"127.0.0.1\"\nport = " + itoa(smtpPort) + "\ntls = \"none\"\n"
	}
	src := `database = "` + filepath.Join(dir, "cases.db") + `"
[policy]
violations = ["vpn", "tor", "proxy", "mining"]
[policy.ladder]
warning = "0s"
reminder = "1d"
final = "2d"
suspend = "3d"
[[tenant]]
id = "acme"
name = "ACME Hosting Customer"
hosts = ["vm-1", "vm-2"]
locale = "en"
time_zone = "Asia/Shanghai"
clause = "4.2 The customer shall not operate anonymising relays or VPN services for third parties."
  [[tenant.contact]]
  address = "ops@acme.example"
[[tenant]]
id = "other"
hosts = ["vm-9"]
  [[tenant.contact]]
  address = "root@other.example"
[mail]
from = "Cloud AUP <aup@cloud.example>"
operator = "Cloud Acceptable Use Team"
` + mailCfg
	p := filepath.Join(dir, "notify.toml")
	if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := notify.LoadConfig(p)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func itoa(i int) string { return strconv.Itoa(i) }

func newRig(t testing.TB, smtpPort int, mutate ...func(*Config)) *rig {
	t.Helper()
	dir := t.TempDir()
	r := &rig{ctx: context.Background(), dir: dir, clk: &clock{t: t0}}
	r.cfg = rigConfig(t, dir, smtpPort)
	var h http.Handler
	var mu sync.RWMutex
	// TLS on loopback, as a browser sees the console: the cookies are Secure.
	r.ts = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, q *http.Request) {
		mu.RLock()
		defer mu.RUnlock()
		h.ServeHTTP(w, q)
	}))
	t.Cleanup(r.ts.Close)
	r.base = r.ts.URL
	wc := Config{Listen: "127.0.0.1:0", PublicURL: r.base, LoginRate: 1000, PageRate: 100000}
	for _, m := range mutate {
		m(&wc)
	}
	if errs := wc.Validate(); len(errs) > 0 {
		t.Fatal(errs)
	}
	st, n, err := notify.Open(r.ctx, r.cfg, notify.OpenOptions{Create: true, Options: notify.Options{
		Logger: quiet(), Now: r.clk.Now, Links: notify.Links{BaseURL: r.base, TTL: time.Duration(wc.TokenTTL)},
		Describe: func(rule, locale string) (string, string) {
			return "OpenVPN server", "An OpenVPN server accepts VPN connections from other machines."
		}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r.n, r.st = n, st
	r.srv, err = New(Options{Config: wc, Notifier: n, Logger: quiet(), Now: r.clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	h = r.srv.Handler()
	mu.Unlock()
	hash, err := HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range []string{RoleViewer, RoleReviewer, RoleApprover} {
		if err := st.PutUser(r.ctx, store.User{Name: role, PasswordHash: hash, Role: role, CreatedAt: t0}); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// vpnServer is a finding of the tenant's VM serving OpenVPN to a peer.
func vpnServer(host string, at time.Time) scanner.Finding {
	f := scanner.Finding{Rule: "vpn.openvpn.server", Name: "OpenVPN server", Category: "vpn", Severity: "high", Confidence: "high",
		Kind: scanner.KindTraffic, Evidence: "OpenVPN P_CONTROL_HARD_RESET_SERVER_V2 in reply to the client's reset",
		Source: "tap0", Time: at, Host: host, Role: scanner.RoleServer,
		Flow: &scanner.Flow{Proto: "UDP", Src: netip.MustParseAddr("203.0.113.7"), Sport: 51000,
			Dst: netip.MustParseAddr("192.0.2.10"), Dport: 1194}}
	f.Subject = f.Flow.Subject()
	f.SetID()
	return f
}

// notice processes findings, ticks and drains the outbox to the configured mail,
// and returns the link of each case, read from the rendered messages.
func (r *rig) notice(t testing.TB, fs ...scanner.Finding) map[string]string {
	t.Helper()
	if _, err := r.n.Process(r.ctx, fs); err != nil {
		t.Fatal(err)
	}
	if _, err := r.n.Tick(r.ctx, r.clk.Now()); err != nil {
		t.Fatal(err)
	}
	out, err := r.st.AllOutbox(r.ctx)
	if err != nil {
		t.Fatal(err)
	}
	links := map[string]string{}
	for _, e := range out {
		for _, m := range linkRe.FindAllString(strings.ReplaceAll(string(e.Body), "=\r\n", ""), -1) {
			links[store.CaseRef(e.Items[0].CaseID)] = m
		}
	}
	tr, err := mail.NewTransport(r.cfg.Mail)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mail.NewSender(r.st, tr, r.cfg.Mail, quiet()).Drain(r.ctx, r.clk.Now()); err != nil {
		t.Fatal(err)
	}
	return links
}

// linkRe finds a case link in a message (the text part: not quoted-printable encoded
// in the ASCII of a link).
var linkRe = regexp.MustCompile(`https://127\.0\.0\.1:\d+/t/[A-Za-z0-9_-]{43}`)

// client is a browser-like HTTP client with a cookie jar that does not follow
// redirects (the tests look at them).
func (r *rig) client(t testing.TB) *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Transport: r.ts.Client().Transport, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func get(t testing.TB, c *http.Client, u string) (int, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func post(t testing.TB, c *http.Client, u string, form url.Values, hdr ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// csrfRe reads a form's CSRF token from a page.
var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func csrfOf(t testing.TB, page string) string {
	t.Helper()
	m := csrfRe.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no CSRF token in the page:\n%s", page)
	}
	return m[1]
}

// login signs a role's account in and returns its client.
func (r *rig) login(t testing.TB, role string) *http.Client {
	t.Helper()
	c := r.client(t)
	_, page := get(t, c, r.ts.URL+"/staff/login")
	resp, _ := post(t, c, r.ts.URL+"/staff/login", url.Values{"csrf": {csrfOf(t, page)}, "user": {role}, "password": {password}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/staff/" {
		t.Fatalf("login %s: %s to %q", role, resp.Status, resp.Header.Get("Location"))
	}
	return c
}
