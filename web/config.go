package web

import (
	"fmt"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// Config is the [web] section of the daemon's configuration.
type Config struct {
	// Listen is the address the pages are served on ("127.0.0.1:8443", ":443").
	Listen string `toml:"listen"`
	// TLSCert and TLSKey are PEM files; without them the server speaks plain HTTP
	// (behind a TLS-terminating proxy).
	TLSCert string `toml:"tls_cert"`
	TLSKey  string `toml:"tls_key"`
	// PublicURL is the base of the links in notices ("https://aup.cloud.example").
	PublicURL string `toml:"public_url"`
	// TrustedProxies are the addresses (CIDR or single) whose X-Forwarded-For and
	// identity header are believed.
	TrustedProxies []string `toml:"trusted_proxies"`
	// IdentityHeader, when set, is the header a trusted proxy puts the signed-in
	// staff member's name in (oauth2-proxy: X-Forwarded-User).
	IdentityHeader string `toml:"identity_header"`
	// ProxyRole is the role of a proxy identity without a local account (default viewer).
	ProxyRole string `toml:"proxy_role"`
	// TokenTTL is how long a notice's link stays valid (default 90d).
	TokenTTL Duration `toml:"token_ttl"`
	// SessionTTL is how long a staff login lasts (default 12h).
	SessionTTL Duration `toml:"session_ttl"`
	// LoginRate and PageRate are requests a minute per client address allowed on
	// the login form and on token pages (defaults 10 and 120).
	LoginRate int `toml:"login_rate"`
	PageRate  int `toml:"page_rate"`
}

// Duration is a time.Duration written "90d", "12h".
type Duration time.Duration

// UnmarshalText reads a Go duration, with d for days.
func (d *Duration) UnmarshalText(b []byte) error {
	s := string(b)
	days := time.Duration(0)
	if i := strings.IndexByte(s, 'd'); i > 0 {
		var n int
		if _, err := fmt.Sscanf(s[:i], "%d", &n); err != nil {
			return fmt.Errorf("duration %q: %w", s, err)
		}
		days, s = time.Duration(n)*24*time.Hour, s[i+1:]
	}
	var rest time.Duration
	if s != "" {
		var err error
		if rest, err = time.ParseDuration(s); err != nil {
			return fmt.Errorf("duration %q: %w", string(b), err)
		}
	}
	*d = Duration(days + rest)
	return nil
}

// Roles of staff accounts, each allowed what the one before is and more.
const (
	RoleViewer   = "viewer"   // reads the queue and cases, exports
	RoleReviewer = "reviewer" // records appeals, resumes, resolves, exempts
	RoleApprover = "approver" // approves suspensions, reinstates, confirms manual actions
)

var roleRank = map[string]int{RoleViewer: 1, RoleReviewer: 2, RoleApprover: 3}

// ValidRole reports whether r is a staff role.
func ValidRole(r string) bool { return roleRank[r] > 0 }

// Validate fills in defaults and reports every mistake, each naming its key under
// web.
func (c *Config) Validate() []error {
	var errs []error
	bad := func(key, format string, a ...any) {
		errs = append(errs, fmt.Errorf("web.%s: %s", key, fmt.Sprintf(format, a...)))
	}
	if c.Listen == "" {
		bad("listen", "required: the address the tenant page and console are served on")
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		bad("tls_cert", "tls_cert and tls_key go together")
	}
	if c.PublicURL == "" {
		bad("public_url", "required: the base of the links in notices (https://...)")
	} else if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		bad("public_url", "%q is not an http(s) URL", c.PublicURL)
	}
	if _, err := c.proxies(); err != nil {
		bad("trusted_proxies", "%v", err)
	}
	if c.ProxyRole == "" {
		c.ProxyRole = RoleViewer
	}
	if !ValidRole(c.ProxyRole) {
		bad("proxy_role", "%q is not viewer, reviewer or approver", c.ProxyRole)
	}
	if c.IdentityHeader != "" && len(c.TrustedProxies) == 0 {
		bad("identity_header", "needs trusted_proxies: the header is believed only from them")
	}
	if c.TokenTTL == 0 {
		c.TokenTTL = Duration(90 * 24 * time.Hour)
	}
	if c.SessionTTL == 0 {
		c.SessionTTL = Duration(12 * time.Hour)
	}
	if c.LoginRate == 0 {
		c.LoginRate = 10
	}
	if c.PageRate == 0 {
		c.PageRate = 120
	}
	if c.TokenTTL < 0 || c.SessionTTL < 0 || c.LoginRate < 0 || c.PageRate < 0 {
		bad("token_ttl", "durations and rates must be positive")
	}
	return errs
}

// proxies parses TrustedProxies.
func (c *Config) proxies() ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range c.TrustedProxies {
		if p, err := netip.ParsePrefix(s); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, fmt.Errorf("%q is not an address or CIDR prefix", s)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}
