package config

import (
	"fmt"
	"strings"
)

// judgeDante reads danted.conf (sockd.conf): an "internal:" address beyond loopback
// (an address, all addresses, or an interface other than lo) makes a SOCKS server for
// others, unless its "client pass" and "client block" rules, read in order, let no
// client from beyond loopback in. A file without client rules is judged by its
// internal addresses alone. Debian's default has no internal address.
func judgeDante(ds []Directive) (Verdict, bool) {
	var internal []string
	var rules []danteRule
	for i, d := range ds {
		switch {
		case d.Depth == 0 && key(d) == "internal":
			if l := danteInternal(d); l.Reach == ReachBeyond {
				internal = append(internal, fmt.Sprintf("internal: %s (%s)", shown(d.Value), at(d)))
			}
		case d.Depth == 0 && key(d) == "client":
			rules = append(rules, danteRule{head: d, from: danteFrom(ds[i+1:])})
		}
	}
	if len(internal) == 0 {
		return Verdict{}, false
	}
	if len(rules) == 0 {
		return server(internal...), true
	}
	a := newAccess()
	for _, r := range rules {
		pass := strings.EqualFold(arg(r.head, 0), "pass")
		switch {
		case r.from == "":
		case pass:
			if got := a.allow(SourceReach(r.from)); got >= ReachPrivate {
				return opened(got, strings.Join(internal, ", "), fmt.Sprintf("client pass from %s (%s)", r.from, at(r.head))), true
			}
		case everyone(r.from):
			a.deny(coverAll)
		}
		if a.closed() {
			break
		}
	}
	return Verdict{}, false
}

// danteRule is a client rule: its head ("client pass") and the source of its from:.
type danteRule struct {
	head Directive
	from string
}

// danteInternal reads "internal: eth0 port = 1080" or "internal: 0.0.0.0 port=1080".
func danteInternal(d Directive) Listen {
	l := ParseListen(arg(d, 0))
	l.Port = ""
	for i, w := range d.Args {
		switch {
		case strings.HasPrefix(w, "port="):
			l.Port = strings.TrimPrefix(w, "port=")
		case w == "port" && arg(d, i+1) == "=":
			l.Port = arg(d, i+2)
		}
	}
	return l
}

// danteFrom returns the source of the from: keyword in the block that follows a
// rule's head (the directives one level deeper, up to the block's end).
func danteFrom(rest []Directive) string {
	if len(rest) == 0 || rest[0].Depth == 0 {
		return ""
	}
	depth := rest[0].Depth
	for _, d := range rest {
		if d.Depth < depth {
			break
		}
		if d.Depth == depth && key(d) == "from" {
			return arg(d, 0)
		}
	}
	return ""
}
