package signatures

import (
	"fmt"
	"regexp"
	"strings"
)

// NameSet matches host names (TLS server names, DNS query names, HTTP hosts,
// certificate names) exactly, by domain suffix, or by regular expression. Names compare
// in lower case without a trailing dot. Each entry carries a tag, so an engine can put
// the names of many rules in one set and learn which rules a name belongs to.
type NameSet struct {
	exact  map[string][]int
	suffix map[string][]int
	res    []taggedRegex
	size   int
}

type taggedRegex struct {
	re  *regexp.Regexp
	tag int
}

// NameMatch says which entry of a NameSet matched a name.
type NameMatch struct {
	Tag   int
	How   string // "exact", "suffix" or "regex"
	Entry string
}

// NewNameSet returns an empty set.
func NewNameSet() *NameSet {
	return &NameSet{exact: map[string][]int{}, suffix: map[string][]int{}}
}

// NormalizeName lowers a host name and strips a trailing dot and a port.
func NormalizeName(n string) string {
	n = strings.ToLower(strings.TrimSuffix(n, "."))
	if i := strings.LastIndexByte(n, ':'); i >= 0 && !strings.Contains(n[:i], ":") {
		n = n[:i] // host:port, not an IPv6 literal
	}
	return n
}

// AddExact adds a name that must match exactly.
func (s *NameSet) AddExact(name string, tag int) {
	n := NormalizeName(name)
	s.exact[n] = append(s.exact[n], tag)
	s.size++
}

// AddSuffix adds a domain that matches itself and every name under it: "nordvpn.com"
// matches "nordvpn.com" and "a.b.nordvpn.com", not "evilnordvpn.com". A leading "*."
// or "." is accepted and means the same.
func (s *NameSet) AddSuffix(domain string, tag int) {
	d := NormalizeName(strings.TrimPrefix(strings.TrimPrefix(domain, "*"), "."))
	s.suffix[d] = append(s.suffix[d], tag)
	s.size++
}

// AddRegex adds a regular expression that must match the whole name.
func (s *NameSet) AddRegex(expr string, tag int) error {
	re, err := regexp.Compile("^(?:" + expr + ")$")
	if err != nil {
		return fmt.Errorf("regex %q does not compile: %w", expr, err)
	}
	s.res = append(s.res, taggedRegex{re, tag})
	s.size++
	return nil
}

// Len returns how many entries the set holds.
func (s *NameSet) Len() int { return s.size }

// Match calls fn for every entry that matches name; fn returns false to stop.
func (s *NameSet) Match(name string, fn func(NameMatch) bool) {
	if s == nil || name == "" {
		return
	}
	n := NormalizeName(name)
	for _, tag := range s.exact[n] {
		if !fn(NameMatch{tag, "exact", n}) {
			return
		}
	}
	for d := n; d != ""; {
		for _, tag := range s.suffix[d] {
			if !fn(NameMatch{tag, "suffix", d}) {
				return
			}
		}
		i := strings.IndexByte(d, '.')
		if i < 0 {
			break
		}
		d = d[i+1:]
	}
	for _, r := range s.res {
		if r.re.MatchString(n) && !fn(NameMatch{r.tag, "regex", r.re.String()}) {
			return
		}
	}
}

// First returns the first entry that matches name.
func (s *NameSet) First(name string) (NameMatch, bool) {
	var m NameMatch
	found := false
	s.Match(name, func(nm NameMatch) bool { m, found = nm, true; return false })
	return m, found
}

// Names returns the compiled name set of this condition (all tags 0), built when the
// rules were loaded.
func (n *Names) Names() *NameSet { return n.set }

// compile builds n.set, reading suffix files relative to dir.
func (n *Names) compile(dir string, lists *listCache) error {
	s := NewNameSet()
	for _, e := range n.Exact {
		s.AddExact(e, 0)
	}
	for _, e := range n.Suffix {
		s.AddSuffix(e, 0)
	}
	for _, e := range n.Regex {
		if err := s.AddRegex(e, 0); err != nil {
			return err
		}
	}
	for _, f := range n.SuffixFiles {
		lines, err := lists.lines(resolve(dir, f))
		if err != nil {
			return err
		}
		for _, l := range lines {
			s.AddSuffix(l.text, 0)
		}
	}
	if s.Len() == 0 {
		return fmt.Errorf("names section lists no names")
	}
	n.set = s
	return nil
}
