package config

import (
	"fmt"
	"strings"
)

// judgeTinyproxy reads tinyproxy.conf: it listens on Port of the Listen addresses
// (all when absent), and lets in clients by its Allow and Deny lines in order,
// everyone when there are none. A file without Port is not a tinyproxy
// configuration (a filter list, another program's file of the same name). Debian's
// default allows 127.0.0.1 and ::1 only, so it is no finding.
func judgeTinyproxy(ds []Directive) (Verdict, bool) {
	port := ""
	portAt := ""
	var listens []Listen
	var rules []Directive
	for _, d := range ds {
		switch key(d) {
		case "port":
			port, portAt = arg(d, 0), " ("+at(d)+")"
		case "listen":
			listens = append(listens, ParseListen(arg(d, 0)))
		case "allow", "deny":
			rules = append(rules, d)
		}
	}
	if port == "" {
		return Verdict{}, false
	}
	if len(listens) == 0 {
		listens = []Listen{{Reach: ReachBeyond}}
	}
	var where []string
	for _, l := range listens {
		if l.Reach == ReachBeyond {
			where = append(where, describe(l))
		}
	}
	if len(where) == 0 {
		return Verdict{}, false
	}
	on := fmt.Sprintf("Port %s%s on %s", port, portAt, strings.Join(where, " and "))
	if len(rules) == 0 {
		return server(on, "no Allow or Deny: every client"), true
	}
	a := newAccess()
	for _, d := range rules {
		if key(d) == "allow" {
			if got := a.allow(SourceReach(arg(d, 0))); got >= ReachPrivate {
				return opened(got, on, fmt.Sprintf("Allow %s (%s)", shown(arg(d, 0)), at(d))), true
			}
		} else if everyone(arg(d, 0)) {
			a.deny(coverAll)
		}
		if a.closed() {
			break
		}
	}
	return Verdict{}, false
}
