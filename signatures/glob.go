package signatures

import (
	"path"
	"regexp"
	"strings"
)

// globMatcher matches one path glob. Most globs rules write name the last segments
// of a path ("**/squid.conf", "**/*.json", "wireguard/*.conf") or a folder below
// which everything matches ("/usr/share/**"): those are matched segment by segment
// with path.Match, which costs a fraction of the regular expression (whose leading
// "(?:.*/)?" makes the matcher try every slash), and the host scan asks for every
// file it reads. Other globs use the regular expression globRegexp builds; both
// mean the same (a test holds them equal).
type globMatcher struct {
	re       *regexp.Regexp // nil when segs decides
	need     string         // with re: a literal every matching path holds, tested first
	segs     []string       // path.Match patterns, one a segment
	anchored bool           // segs start at the scan root; else they end the path
	below    bool           // anchored, then anything below ("/usr/share/**")
}

// compileGlob builds the matcher of one glob (without its "!").
func compileGlob(g string) (globMatcher, error) {
	re, err := globRegexp(g)
	if err != nil {
		return globMatcher{}, err
	}
	m := globMatcher{re: re, anchored: strings.HasPrefix(g, "/"), need: longestLiteral(g)}
	rest := strings.TrimPrefix(g, "/")
	if !m.anchored {
		rest = strings.TrimPrefix(rest, "**/")
	}
	if m.anchored && strings.HasSuffix(rest, "/**") {
		m.below, rest = true, strings.TrimSuffix(rest, "/**")
	}
	if rest == "" || strings.Contains(rest, "**") || strings.ContainsAny(rest, `\`) ||
		strings.Contains(rest, "[[") || strings.Contains(rest, "[:") || strings.Contains(rest, "[^") {
		return m, nil // the regular expression decides
	}
	m.segs = strings.Split(rest, "/")
	for _, s := range m.segs {
		if _, err := path.Match(s, ""); err != nil {
			return m, nil // a class path.Match reads otherwise
		}
	}
	m.re = nil
	return m, nil
}

// match reports whether p (slash-separated, from the root, starting with "/")
// matches.
func (m globMatcher) match(p string) bool {
	if m.re != nil {
		return strings.Contains(p, m.need) && m.re.MatchString(p)
	}
	if m.anchored {
		if !strings.HasPrefix(p, "/") {
			return false
		}
		rest := p[1:]
		for i, s := range m.segs {
			seg, after, found := strings.Cut(rest, "/")
			if ok, _ := path.Match(s, seg); !ok {
				return false
			}
			if i == len(m.segs)-1 {
				return found == m.below
			}
			if !found {
				return false
			}
			rest = after
		}
		return false
	}
	rest := p
	for i := len(m.segs) - 1; i >= 0; i-- {
		j := strings.LastIndexByte(rest, '/')
		if ok, _ := path.Match(m.segs[i], rest[j+1:]); !ok {
			return false
		}
		if i > 0 {
			if j < 0 {
				return false
			}
			rest = rest[:j]
		}
	}
	return true
}

// longestLiteral returns the longest run of a glob that a matching path holds as it
// is, between wildcards; "" for a glob with a class, whose brackets the regular
// expression may read otherwise ("[]a]").
func longestLiteral(g string) string {
	if strings.Contains(g, "[") {
		return ""
	}
	best, start := "", 0
	for i := 0; i <= len(g); i++ {
		if i < len(g) && g[i] != '*' && g[i] != '?' {
			continue
		}
		if i-start > len(best) {
			best = g[start:i]
		}
		if strings.HasPrefix(g[i:], "**/") {
			i += 2 // "**/" may stand for nothing, its slash too
		}
		start = i + 1
	}
	return best
}
