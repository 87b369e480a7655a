package config

import "fmt"

// judgePrivoxy reads privoxy's config: it listens on each listen-address
// (127.0.0.1:8118 when there is none) and, when it has permit-access lines, lets in
// only their sources. Debian's default listens on 127.0.0.1:8118 and [::1]:8118, so
// it is no finding.
func judgePrivoxy(ds []Directive) (Verdict, bool) {
	var where []string
	listens, permits := 0, []Directive{}
	for _, d := range ds {
		switch key(d) {
		case "listen-address":
			listens++
			if l := ParseListen(arg(d, 0)); l.Reach == ReachBeyond {
				where = append(where, directive(d, l))
			}
		case "permit-access":
			permits = append(permits, d)
		}
	}
	if listens == 0 || len(where) == 0 {
		return Verdict{}, false
	}
	if len(permits) == 0 {
		return server(where...), true
	}
	best, by := ReachNone, Directive{}
	for _, d := range permits {
		if r := SourceReach(arg(d, 0)); r > best {
			best, by = r, d
		}
	}
	if best < ReachPrivate {
		return Verdict{}, false
	}
	return opened(best, append(where, fmt.Sprintf("permit-access %s (%s)", shown(arg(by, 0)), at(by)))...), true
}
