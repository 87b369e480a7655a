package traffic

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
	"github.com/aupscan/aupscan/signatures"
)

// Engine is the compiled traffic part of a rule set: every rule's traffic sections
// turned into conditions the Scanner checks on a flow's first packets. It is
// immutable and safe to share; each capture loop makes its own Scanner from it.
type Engine struct {
	rules    []*engineRule
	byRule   map[*signatures.Rule]*engineRule
	broken   map[*signatures.Rule]error // rules that did not compile, and why
	sections []*section
	conds    []*condition
	// bySource lists the conditions each kind of observation can satisfy.
	fpConds   [numFingerprints][]int32 // per fingerprint
	nameConds []int32                  // name conditions, each with its fields
	// names holds the exact and suffix entries of every name condition that has
	// neither a regex nor a suffix file, tagged with the condition, so that a name is
	// looked up once for all of them; the others (slowNames) are matched one by one
	// with their own compiled sets.
	names     *signatures.NameSet
	slowNames []int32
	contents  []int32 // content conditions
	ja3Conds  []int32
	ja4Conds  []int32
	addrConds []int32
	// fpUsed has a bit for each fingerprint some rule names: the others are not run.
	fpUsed uint64
	// needContent says some rule has content conditions, so flows are inspected for
	// the whole window even after the fingerprints have decided.
	needContent bool
}

// engineRule is one rule with traffic sections.
type engineRule struct {
	rule  *signatures.Rule
	index int32
	conf  int8 // the rule's confidence rank
}

// section is one [[rule.traffic]]: every condition must hold, on a flow whose
// transport and server port fit.
type section struct {
	rule      *engineRule
	transport uint8    // 0 either, or ProtoTCP / ProtoUDP
	ports     []uint16 // server ports that qualify; empty: any
	conds     []int32
}

// Kinds of condition.
const (
	condFingerprint = iota
	condContent
	condName
	condJA3
	condJA4
	condAddr
)

// condition is one condition of a section, numbered across the engine so that a
// flow keeps one bit for each.
type condition struct {
	kind    int
	fp      fingerprintID
	content *signatures.Content
	dir     int8 // content: -1 either, else the Dir it must come from
	names   *signatures.NameSet
	fields  nameField // name: the fields it is matched against
	what    string    // name: how the key is said in evidence
	hashes  []string  // JA3 or JA4
	addrs   *signatures.AddrSet
	sec     *section
}

// nameField is a set of places a host name is seen.
type nameField uint8

const (
	fieldSNI nameField = 1 << iota
	fieldDNS
	fieldHTTPHost
	fieldCertName
	fieldCertIssuer
	fieldServerName = fieldSNI | fieldDNS | fieldHTTPHost | fieldCertName
)

var fieldsOfKey = map[string]nameField{
	"server_name":        fieldServerName,
	"tls_server_name":    fieldSNI,
	"certificate_name":   fieldCertName,
	"certificate_issuer": fieldCertIssuer,
	"dns_query":          fieldDNS,
	"http_host":          fieldHTTPHost,
}

// confidence ranks, as signatures.Confidences orders them.
const (
	confLow int8 = iota
	confMedium
	confHigh
)

var confNames = [...]string{"low", "medium", "high"}

// Compile builds the traffic engine of a rule set. Every rule's traffic sections
// become conditions; a fingerprint name the scanner does not know is an error that
// names the rule. All errors of the set come back together, and the Engine returned
// with them holds every rule that compiled, so a caller may go on without the broken
// ones (`rules check` does, to report each).
func Compile(set *signatures.Set) (*Engine, error) {
	e := &Engine{byRule: map[*signatures.Rule]*engineRule{}, broken: map[*signatures.Rule]error{}}
	var errs []error
	for _, r := range set.Rules() {
		if len(r.Traffic) == 0 {
			continue
		}
		er := &engineRule{rule: r, index: int32(len(e.rules)), conf: max(int8(signatures.Rank(signatures.Confidences, r.Confidence)), 0)}
		var bad error
		for i, t := range r.Traffic {
			if err := e.checkSection(t); err != nil {
				bad = fmt.Errorf("rule %q: traffic[%d]: %w", r.ID, i, err)
				break
			}
		}
		if bad != nil {
			e.broken[r] = bad
			errs = append(errs, bad)
			continue
		}
		e.rules = append(e.rules, er)
		e.byRule[r] = er
		for _, t := range r.Traffic {
			e.compileSection(er, t)
		}
	}
	return e, errors.Join(errs...)
}

// checkSection finds what would keep a section from compiling.
func (e *Engine) checkSection(t *signatures.Traffic) error {
	if t.Fingerprint != "" {
		if _, ok := fingerprintByName(t.Fingerprint); !ok {
			return fmt.Errorf("unknown fingerprint %q (known: %s)", t.Fingerprint, strings.Join(FingerprintNames(), ", "))
		}
	}
	for _, nc := range t.NameConditions() {
		if nc.Names.Names() == nil {
			return fmt.Errorf("%s: names not compiled", nc.Key)
		}
	}
	return nil
}

// compileSection adds a section that checkSection passed.
func (e *Engine) compileSection(er *engineRule, t *signatures.Traffic) {
	s := &section{rule: er}
	switch t.Transport {
	case "tcp":
		s.transport = decode.ProtoTCP
	case "udp":
		s.transport = decode.ProtoUDP
	}
	for _, p := range t.Ports {
		s.ports = append(s.ports, uint16(p))
	}
	add := func(c *condition) int32 {
		i := int32(len(e.conds))
		c.sec = s
		e.conds = append(e.conds, c)
		s.conds = append(s.conds, i)
		return i
	}
	if t.Fingerprint != "" {
		id, _ := fingerprintByName(t.Fingerprint)
		c := add(&condition{kind: condFingerprint, fp: id})
		e.fpConds[id] = append(e.fpConds[id], c)
		e.fpUsed |= 1 << id
	}
	for _, ct := range t.Content {
		dir := int8(-1)
		switch ct.Direction {
		case "client":
			dir = int8(FromClient)
		case "server":
			dir = int8(FromServer)
		}
		e.contents = append(e.contents, add(&condition{kind: condContent, content: ct, dir: dir}))
		e.needContent = true
	}
	for _, nc := range t.NameConditions() {
		set := nc.Names.Names()
		c := add(&condition{kind: condName, names: set, fields: fieldsOfKey[nc.Key], what: nc.What})
		e.nameConds = append(e.nameConds, c)
		if len(nc.Names.Regex) > 0 || len(nc.Names.SuffixFiles) > 0 {
			e.slowNames = append(e.slowNames, c)
			continue
		}
		if e.names == nil {
			e.names = signatures.NewNameSet()
		}
		for _, n := range nc.Names.Exact {
			e.names.AddExact(n, int(c))
		}
		for _, n := range nc.Names.Suffix {
			e.names.AddSuffix(n, int(c))
		}
	}
	if len(t.JA3) > 0 {
		e.ja3Conds = append(e.ja3Conds, add(&condition{kind: condJA3, hashes: t.JA3}))
	}
	if len(t.JA4) > 0 {
		e.ja4Conds = append(e.ja4Conds, add(&condition{kind: condJA4, hashes: t.JA4}))
	}
	if a := t.Addrs(); a != nil {
		e.addrConds = append(e.addrConds, add(&condition{kind: condAddr, addrs: a}))
	}
	if len(s.conds) > 0 { // the loader refuses a section of ports alone
		e.sections = append(e.sections, s)
	}
}

// fits reports whether the section applies to flow f: its transport, and its
// server port when it names ports.
func (s *section) fits(f *Flow) bool {
	if s.transport != 0 && s.transport != f.Proto {
		return false
	}
	return len(s.ports) == 0 || slices.Contains(s.ports, f.Server.Port())
}

// Rules returns how many rules have traffic sections.
func (e *Engine) Rules() int { return len(e.rules) }

// words is the size of a flow's condition bit set.
func (e *Engine) words() int { return (len(e.conds) + 63) / 64 }
