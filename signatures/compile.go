package signatures

import (
	"fmt"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
)

var (
	ruleIDRe = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)
	ja3Re    = regexp.MustCompile(`^[0-9a-f]{32}$`)
	ja4Re    = regexp.MustCompile(`^[tqd][0-9a-z]{2}[di][0-9]{4}[0-9a-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}$`)
)

// trafficCompiled holds what the loader builds for a traffic section.
type trafficCompiled struct {
	addrs *AddrSet
}

// NameCondition is one of a traffic section's name conditions, with its key.
type NameCondition struct {
	Key   string // server_name, tls_server_name, ...
	What  string // how a person says it: "server name", "TLS server name", ...
	Names *Names
}

// NameConditions returns the name conditions the section sets, in a fixed order.
func (t *Traffic) NameConditions() []NameCondition {
	var out []NameCondition
	for _, nc := range []NameCondition{
		{"server_name", "server name", t.ServerName},
		{"tls_server_name", "TLS server name", t.TLSServerName},
		{"certificate_name", "certificate name", t.CertificateName},
		{"certificate_issuer", "certificate issuer", t.CertIssuer},
		{"dns_query", "DNS query", t.DNSQuery},
		{"http_host", "HTTP host", t.HTTPHost},
	} {
		if nc.Names != nil {
			out = append(out, nc)
		}
	}
	return out
}

// Addrs returns the section's addresses, inline and from its list files, or nil.
func (t *Traffic) Addrs() *AddrSet { return t.compiled.addrs }

// fileCompiled holds what the loader builds for a file section.
type fileCompiled struct {
	need   int // how many patterns must match
	hashes *HashSet
	globs  globSet // paths, and those written with a leading "!"
}

// Need returns how many of the section's patterns must match.
func (f *FileCond) Need() int { return f.compiled.need }

// HashSet returns the section's hashes, inline and from its list files, or nil.
func (f *FileCond) HashSet() *HashSet { return f.compiled.hashes }

// MatchPath reports whether a configuration rule applies to path (slash-separated,
// from the scan root, starting with "/"): one of its globs matches and none of its
// "!" exclusions does. A rule without paths applies everywhere.
func (f *FileCond) MatchPath(path string) bool { return f.compiled.globs.match(path) }

// compileRule checks one rule and builds its compiled parts, adding every problem.
func compileRule(r *Rule, lists *listCache, ps *Problems) {
	rp := ruleProblems{r, ps}
	checkHeader(r, rp)
	if len(r.Traffic) == 0 && r.File == nil && r.Package == nil && r.Process == nil && r.Container == nil && len(r.Config) == 0 {
		rp.errorf("", "rule has no conditions: add a traffic, file, config, package, process or container section")
	}
	if r.Container != nil {
		compileContainer(r.Container, rp)
	}
	for i, t := range r.Traffic {
		compileTraffic(t, fmt.Sprintf("traffic[%d]", i), r.Origin.Dir, lists, rp)
	}
	if r.File != nil {
		compileFile(r.File, r.Origin.Dir, lists, rp)
	}
	for i, c := range r.Config {
		compileConfig(c, fmt.Sprintf("config[%d]", i), rp)
	}
	if p := r.Package; p != nil && len(p.Names)+len(p.Dpkg)+len(p.RPM)+len(p.APK) == 0 {
		rp.errorf("package", "package section names no package")
	}
	if p := r.Process; p != nil {
		if len(p.Names) == 0 {
			rp.errorf("process", "process section names no executable (listen_ports only qualify names)")
		}
		checkPorts(p.ListenPorts, "process.listen_ports", rp)
	}
	checkExamples(r, rp)
}

func checkHeader(r *Rule, rp ruleProblems) {
	if !ruleIDRe.MatchString(r.ID) {
		rp.errorf("id", "id must be lower-case letters, digits, '.', '_' or '-', got %q", r.ID)
	}
	if strings.TrimSpace(r.Name) == "" {
		rp.errorf("name", "missing name")
	}
	if strings.TrimSpace(r.Description) == "" {
		rp.errorf("description", "missing description (it is shown to staff and in tenant notices)")
	}
	checkL10n(r, rp)
	if !ValidCategory(r.Category) {
		rp.errorf("category", "unknown category %q (one of %s)", r.Category, strings.Join(Categories, ", "))
	}
	if Rank(Severities, r.Severity) < 0 {
		rp.errorf("severity", "unknown severity %q (one of %s)", r.Severity, strings.Join(Severities, ", "))
	}
	if r.Confidence == "" {
		r.Confidence = "medium"
	} else if Rank(Confidences, r.Confidence) < 0 {
		rp.errorf("confidence", "unknown confidence %q (one of %s)", r.Confidence, strings.Join(Confidences, ", "))
	}
}

func checkPorts(ports []int, key string, rp ruleProblems) {
	for _, p := range ports {
		if p < 1 || p > 65535 {
			rp.errorf(key, "port %d is out of range 1-65535", p)
		}
	}
}

func compileTraffic(t *Traffic, key, dir string, lists *listCache, rp ruleProblems) {
	switch t.Transport {
	case "", "tcp", "udp":
	default:
		rp.errorf(key+".transport", "transport must be tcp or udp, got %q", t.Transport)
	}
	checkPorts(t.Ports, key+".ports", rp)
	conds := 0
	if t.Fingerprint != "" {
		conds++
	}
	for i, c := range t.Content {
		conds++
		compileContent(c, fmt.Sprintf("%s.content[%d]", key, i), rp)
	}
	for _, nc := range t.NameConditions() {
		conds++
		if err := nc.Names.compile(dir, lists); err != nil {
			rp.errorf(key+"."+nc.Key, "%v", err)
		}
	}
	for _, j := range t.JA3 {
		conds++
		if !ja3Re.MatchString(j) {
			rp.errorf(key+".ja3", "JA3 must be 32 lower-case hex digits (an MD5), got %q", j)
		}
	}
	for _, j := range t.JA4 {
		conds++
		if !ja4Re.MatchString(j) {
			rp.errorf(key+".ja4", "not a JA4 fingerprint (like t13d1516h2_8daaf6152771_02713d6af862): %q", j)
		}
	}
	if len(t.Addresses)+len(t.AddressFiles) > 0 {
		conds++
		t.compiled.addrs = compileAddrs(t, key, dir, lists, rp)
	}
	if conds == 0 {
		rp.errorf(key, "traffic section has no condition besides transport or ports: a port alone is never a violation")
	}
}

func compileAddrs(t *Traffic, key, dir string, lists *listCache, rp ruleProblems) *AddrSet {
	var prefixes []netip.Prefix
	for _, a := range t.Addresses {
		p, err := ParseAddr(a)
		if err != nil {
			rp.errorf(key+".addresses", "%v", err)
			continue
		}
		prefixes = append(prefixes, p)
	}
	for _, f := range t.AddressFiles {
		path := resolve(dir, f)
		l, err := lists.addresses(path)
		if err != nil {
			rp.errorf(key+".address_files", "%v", err)
		}
		for _, line := range l {
			p, err := ParseAddr(line.text)
			if err != nil {
				rp.errorf(key+".address_files", "%s:%d: %v", path, line.line, err)
				continue
			}
			prefixes = append(prefixes, p)
		}
	}
	return NewAddrSet(prefixes)
}

func compileContent(c *Content, key string, rp ruleProblems) {
	p, err := compileBytes(c.Text, c.Hex, c.NoCase)
	if err != nil {
		rp.errorf(key, "%v", err)
	}
	c.compiled = p
	if c.Offset < 0 || c.Depth < 0 {
		rp.errorf(key, "offset and depth must not be negative")
	}
	if c.Depth > 0 && c.Depth < len(p.lit) {
		rp.errorf(key, "depth %d is shorter than the pattern (%d bytes)", c.Depth, len(p.lit))
	}
	switch c.Direction {
	case "", "client", "server":
	default:
		rp.errorf(key+".direction", "direction must be client or server, got %q", c.Direction)
	}
}

// Bytes returns the literal bytes and wildcard mask of a content pattern (mask nil
// when every byte is literal; a mask byte says which bits must equal).
func (c *Content) Bytes() (lit, mask []byte) { return c.compiled.lit, c.compiled.mask }

// MatchAt reports whether the content pattern matches payload at offset i.
func (c *Content) MatchAt(payload []byte, i int) bool {
	return i >= 0 && i+len(c.compiled.lit) <= len(payload) && c.compiled.matchAt(payload, i)
}

// Display renders the pattern for evidence: the rule's own bytes, never the payload.
func (c *Content) Display() string { return c.compiled.display() }

// parseCondition reads "any", "all" or "N of" for a section with n patterns.
func parseCondition(s string, n int) (int, error) {
	switch s = strings.TrimSpace(s); s {
	case "", "any":
		return 1, nil
	case "all":
		return n, nil
	}
	num, ok := strings.CutSuffix(s, " of")
	k, err := strconv.Atoi(strings.TrimSpace(num))
	if !ok || err != nil || k < 1 || k > n {
		return 0, fmt.Errorf(`condition must be "any", "all" or "N of" with N from 1 to %d, got %q`, n, s)
	}
	return k, nil
}
