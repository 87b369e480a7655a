package traffic

import (
	"bytes"
	"math"
	"strconv"
)

// dnsTunnelFlow is what a DNS flow keeps for the tunnel fingerprint.
type dnsTunnelFlow struct {
	hit    bool
	detail string
}

// Bounds of the tunnel fingerprint's state across flows.
const (
	maxTunnelDomains = 4096 // domains counted at once; a full table starts over
	tunnelQueries    = 3    // encoded (or NULL) queries under one domain that make a tunnel
	tunnelTXT        = 10   // TXT queries under a domain already seen with an encoded name
	tunnelLongName   = 52   // encoded characters in one name (a label of 40 or more) that make a tunnel alone
)

// domainCount counts, for one domain, the queries whose names look encoded and the
// NULL and TXT queries, across flows (each query of a tunnel is often a flow).
type domainCount struct {
	encoded, null, txt int
}

// dnsDomains is the Scanner's bounded per-domain state of the tunnel fingerprint.
type dnsDomains struct {
	m map[string]*domainCount
}

func (d *dnsDomains) init() { d.m = make(map[string]*domainCount) }

func (d *dnsDomains) get(domain []byte) *domainCount {
	if c, ok := d.m[string(domain)]; ok {
		return c
	}
	if len(d.m) >= maxTunnelDomains {
		clear(d.m)
	}
	c := &domainCount{}
	d.m[string(domain)] = c
	return c
}

// registeredDomain splits a name into the labels under its registered domain and
// the domain: the last two labels, or three under a two-letter country code whose
// second level is short (co.uk, com.br).
func registeredDomain(name []byte) (sub, domain []byte) {
	dots := 0
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] != '.' {
			continue
		}
		dots++
		keep := 2
		if last := len(name) - bytes.LastIndexByte(name, '.') - 1; last == 2 {
			if j := bytes.LastIndexByte(name[:bytes.LastIndexByte(name, '.')], '.'); j >= 0 && bytes.LastIndexByte(name, '.')-j-1 <= 3 {
				keep = 3
			}
		}
		if dots == keep {
			return name[:i], name[i+1:]
		}
	}
	return nil, name
}

// labelStats measures the labels under a registered domain.
type labelStats struct {
	longest, total int     // the longest label; all labels' characters, dots left out
	entropy        float64 // Shannon entropy of the characters, bits per character
	digits, vowels int
	letters, dash  int
}

// encoded reports whether the labels carry encoded data: a long label, characters
// spread wide (base32, base64 and hex all reach 3.6 bits and more), few hyphens, and
// either digits among the letters or few vowels. Words run as high in entropy as
// hex does (about 4 bits), but they have hyphens, vowels and no digits.
func (l labelStats) encoded() bool {
	if l.longest < 24 || l.entropy < 3.6 || l.dash*20 > l.total {
		return false
	}
	return l.digits*20 >= l.total || l.vowels*4 <= l.letters
}

func encodedLabels(sub []byte) labelStats {
	var l labelStats
	var counts [256]uint16
	run := 0
	for _, c := range sub {
		if c == '.' {
			run = 0
			continue
		}
		run++
		l.longest = max(l.longest, run)
		l.total++
		counts[c]++
		switch {
		case c >= '0' && c <= '9':
			l.digits++
		case c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u':
			l.vowels++
			l.letters++
		case c >= 'a' && c <= 'z':
			l.letters++
		case c == '-':
			l.dash++
		}
	}
	for _, n := range counts {
		if n > 0 {
			p := float64(n) / float64(l.total)
			l.entropy -= p * math.Log2(p)
		}
	}
	return l
}

// dnsTunnelQuery looks at one query name for the tunnel fingerprint: names whose
// labels are long and high in entropy (data encoded in base32, base64 or hex), NULL
// queries (a type no ordinary client asks for) and TXT queries under a domain where
// an encoded name was seen, counted per domain across flows, since each query of a
// tunnel is often a flow of its own. A name whose last
// label is no top-level domain (digits in it) carries data even there: it is
// measured whole and counted under its first label.
func (s *Scanner) dnsTunnelQuery(in *inspection, name []byte, qtype uint16) {
	st := &in.st.dnst
	if s.e.fpUsed&(1<<fpDNSTunnel) == 0 || st.hit || bytes.HasSuffix(name, []byte(".arpa")) {
		return
	}
	sub, domain := registeredDomain(name)
	if tld := name[bytes.LastIndexByte(name, '.')+1:]; !alphaLabel(tld) {
		sub, domain = name, name
		if i := bytes.IndexByte(name, '.'); i > 0 {
			domain = name[:i]
		}
	}
	ls := encodedLabels(sub)
	longest, total, h := ls.longest, ls.total, ls.entropy
	encoded := ls.encoded()
	null, txt := qtype == dnsTypeNULL, qtype == dnsTypeTXT
	if !encoded && !null && !txt {
		return
	}
	if txt && !encoded {
		if _, ok := s.tun.m[string(domain)]; !ok {
			return // TXT lookups (SPF, DKIM, verification) are ordinary: count only where data was seen
		}
	}
	c := s.tun.get(domain)
	if encoded {
		c.encoded++
	}
	if null {
		c.null++
	}
	if txt {
		c.txt++
	}
	switch {
	case encoded && longest >= 40 && total >= tunnelLongName:
		st.hit, st.detail = true, "a query of "+strconv.Itoa(total)+" encoded characters (entropy "+strconv.FormatFloat(h, 'f', 1, 64)+" bits) under "+string(domain)
	case c.encoded >= tunnelQueries:
		st.hit, st.detail = true, strconv.Itoa(c.encoded)+" queries with long high-entropy labels under "+string(domain)
	case c.null >= tunnelQueries && c.encoded > 0:
		st.hit, st.detail = true, strconv.Itoa(c.null)+" NULL queries under "+string(domain)+", and encoded names"
	case c.txt >= tunnelTXT && c.encoded > 0:
		st.hit, st.detail = true, strconv.Itoa(c.txt)+" TXT queries under "+string(domain)+", and encoded names"
	}
}

// alphaLabel reports whether a label can be a top-level domain: letters, or an
// internationalized (xn--) name.
func alphaLabel(l []byte) bool {
	if bytes.HasPrefix(l, []byte("xn--")) {
		return true
	}
	for _, c := range l {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return len(l) > 0
}

// inspectDNSTunnel reports what dnsTunnelQuery found on the flow.
func inspectDNSTunnel(in *inspection) verdict {
	st := &in.st.dnst
	switch {
	case st.hit:
		return matched(confMedium, st.detail)
	case in.st.dnsDone:
		return rejected
	}
	return undecided
}
