package config

import (
	"fmt"
	"strings"
)

// judgeSquid reads squid.conf: the ports it listens on (http_port, https_port;
// reverse-proxy "accel" ports serve a web site, not others' browsing) and whether its
// http_access rules, read in order as squid does, let in a client from beyond
// loopback. Debian's default listens on port 3128 of every address but allows only
// localhost, so it is no finding. A file without ports (a conf.d fragment) is judged
// by its access rules alone, at low confidence: the ports are the including file's.
func judgeSquid(ds []Directive) (Verdict, bool) {
	acls := map[string]*squidACL{
		"all":       {reach: ReachBeyond, src: true, every: true},
		"localhost": {reach: ReachLoopback, src: true},
	}
	var ports []string
	hasPorts := false
	var rules []Directive
	for _, d := range ds {
		switch key(d) {
		case "acl":
			addSquidACL(acls, d)
		case "http_port", "https_port":
			hasPorts = true
			if l := ParseListen(arg(d, 0)); l.Reach == ReachBeyond && !squidAccel(d) {
				ports = append(ports, directive(d, l))
			}
		case "http_access":
			rules = append(rules, d)
		}
	}
	if hasPorts && len(ports) == 0 {
		return Verdict{}, false // loopback only, or only a reverse proxy's ports
	}
	reach, why := squidOpen(acls, rules)
	if reach < ReachPrivate {
		return Verdict{}, false
	}
	if !hasPorts {
		v := opened(reach, why, "no http_port here: the ports are the including file's")
		v.Confidence = "low"
		return v, true
	}
	return opened(reach, strings.Join(ports, ", "), why), true
}

// squidACL is what an acl means for a client from beyond loopback: a source acl
// (src) lets in clients of reach (all of them when every is set); any other type
// (port, method, domain...) narrows a rule without saying who.
type squidACL struct {
	src    bool
	reach  Reach
	every  bool
	values []string
}

func addSquidACL(acls map[string]*squidACL, d Directive) {
	name, typ := arg(d, 0), strings.ToLower(arg(d, 1))
	if name == "" {
		return
	}
	a := acls[name]
	if a == nil {
		a = &squidACL{src: typ == "src", reach: ReachNone}
		acls[name] = a
	}
	if !a.src || typ != "src" {
		return
	}
	for _, v := range rest(d, 2) {
		if strings.HasPrefix(v, "-") {
			continue // an option such as -n
		}
		r := SourceReach(v)
		if strings.HasPrefix(v, "/") {
			r = ReachBeyond // sources listed in a file: anyone, as far as this file says
		}
		a.reach = max(a.reach, r)
		a.every = a.every || everyone(v)
		a.values = append(a.values, v)
	}
}

// squidAccel reports a reverse-proxy port: it serves a site, not others' browsing.
func squidAccel(d Directive) bool {
	for _, a := range rest(d, 1) {
		a = strings.ToLower(a)
		if a == "accel" || a == "vhost" || a == "vport" || strings.HasPrefix(a, "vport=") || strings.HasPrefix(a, "defaultsite=") {
			return true
		}
	}
	return false
}

// squidOpen follows the http_access rules for a client from beyond loopback and says
// who gets in and by which rule. With no rule squid denies; when no rule matches, the
// answer is the opposite of the last rule.
func squidOpen(acls map[string]*squidACL, rules []Directive) (Reach, string) {
	a := newAccess()
	for _, d := range rules {
		pass, cov, ok := squidRule(acls, rest(d, 1))
		if !ok {
			continue
		}
		switch strings.ToLower(arg(d, 0)) {
		case "allow":
			if got := a.allow(pass); got >= ReachPrivate {
				return got, fmt.Sprintf("http_access %s (%s)%s", shown(d.Value), at(d), squidSources(acls, rest(d, 1)))
			}
		case "deny":
			a.deny(cov)
		}
		if a.closed() {
			return ReachNone, ""
		}
	}
	if n := len(rules); n > 0 && strings.EqualFold(arg(rules[n-1], 0), "deny") {
		return a.left, fmt.Sprintf("no http_access rule turns everyone away, and after the last, a deny (%s), squid allows", at(rules[n-1]))
	}
	return ReachNone, ""
}

// squidRule says which clients from beyond loopback a rule's acls (all of which must
// match) can let in, and whom a deny rule turns away entirely. ok is false for a rule
// that never matches ("!all").
func squidRule(acls map[string]*squidACL, names []string) (pass Reach, cov cover, ok bool) {
	pass, cov = ReachBeyond, coverAll
	for _, n := range names {
		neg := strings.HasPrefix(n, "!")
		a := acls[strings.TrimPrefix(n, "!")]
		switch {
		case a == nil || !a.src:
			// Another type, or an acl of an included file: it narrows the rule, but
			// not by source, so the rule turns no one away for sure.
			cov = coverNone
		case neg && a.every:
			return ReachNone, coverNone, false
		case neg && a.reach <= ReachLoopback:
			// everyone but this machine
		case neg && a.reach == ReachPrivate:
			cov = min(cov, coverPublic)
		case neg:
			cov = coverNone
		default:
			pass = min(pass, a.reach)
			if !a.every {
				cov = coverNone
			}
		}
	}
	return pass, cov, true
}

// squidSources names the sources of a rule's source acls, for evidence.
func squidSources(acls map[string]*squidACL, names []string) string {
	var vals []string
	for _, n := range names {
		if a := acls[n]; a != nil && a.src && len(a.values) > 0 {
			vals = append(vals, fmt.Sprintf("%s = %s", n, strings.Join(a.values, " ")))
		}
	}
	if len(vals) == 0 {
		return ""
	}
	return ": " + shown(strings.Join(vals, "; "))
}
