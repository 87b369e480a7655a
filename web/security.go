package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// csp allows the page's own stylesheet and images and nothing else: no script, no
// inline style, no frames, forms only to this site.
const csp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " +
	"frame-ancestors 'none'; base-uri 'none'"

// secureHeaders sets the headers every response carries.
func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer") // the token in the path must not leak
		h.Set("Cache-Control", "no-store")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// csrf makes and checks the form tokens: an HMAC of what the form is bound to (the
// staff session, the tenant's link) under the server's random key. A POST without
// the right token is refused, whatever its headers say.
type csrf struct{ key []byte }

func (c csrf) token(bound string) string {
	m := hmac.New(sha256.New, c.key)
	m.Write([]byte("csrf\x00" + bound))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (c csrf) ok(r *http.Request, bound string) bool {
	got := r.PostFormValue("csrf")
	return got != "" && hmac.Equal([]byte(got), []byte(c.token(bound)))
}

// limiter is a per-client-address token bucket (golang.org/x/time/rate), forgetting
// addresses idle for ten minutes.
type limiter struct {
	mu    sync.Mutex
	per   rate.Limit
	burst int
	seen  map[string]*entry
	last  time.Time
}

type entry struct {
	l    *rate.Limiter
	used time.Time
}

func newLimiter(perMinute int) *limiter {
	return &limiter{per: rate.Limit(float64(perMinute) / 60), burst: max(1, perMinute/2), seen: map[string]*entry{}}
}

func (l *limiter) allow(addr string) bool {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.last) > time.Minute {
		for k, e := range l.seen {
			if now.Sub(e.used) > 10*time.Minute {
				delete(l.seen, k)
			}
		}
		l.last = now
	}
	e := l.seen[addr]
	if e == nil {
		e = &entry{l: rate.NewLimiter(l.per, l.burst)}
		l.seen[addr] = e
	}
	e.used = now
	return e.l.AllowN(now, 1)
}

// clientAddr is the request's client: the peer, or, when the peer is a trusted
// proxy, the last address in X-Forwarded-For that is not one.
func clientAddr(r *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	peer = peer.Unmap()
	if !isTrusted(peer, trusted) {
		return peer.String()
	}
	hops := strings.Split(r.Header.Get("X-Forwarded-For"), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		if !isTrusted(a.Unmap(), trusted) {
			return a.Unmap().String()
		}
	}
	return peer.String()
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// peerTrusted reports whether the request came straight from a trusted proxy.
func peerTrusted(r *http.Request, trusted []netip.Prefix) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	a, err := netip.ParseAddr(host)
	return err == nil && isTrusted(a.Unmap(), trusted)
}
