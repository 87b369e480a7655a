package file

import (
	"sync"

	"github.com/aupscan/aupscan/scanner/config"
	"github.com/aupscan/aupscan/signatures"
)

// Engine is the compiled form of every file rule of a Set: one multi-pattern matcher
// over all their literal and hex patterns, their regular expressions, hash sets and Go
// module lists. It is immutable and shared; each scanning goroutine takes its own
// Scanner.
type Engine struct {
	rules      []*signatures.Rule
	m          *signatures.Matcher
	refs       []patRef // by matcher id
	npat       int      // patterns over all rules, the size of a scan's hit table
	base       []int    // rules[i]'s first pattern in the hit table
	regexes    []regexRef
	needSHA256 bool
	needSHA1   bool
	needMD5    bool
	// digestSizes narrows the need* to files of some sizes, where every hash of the
	// algorithm came with its file's size (ClamAV .hdb, .hsb).
	digestSizes digestSizes
	needGo      bool
	overlap     int

	// Configuration sections (configs.go): their engine, and the matcher ids of their
	// contains strings, which start at litBase; litSec maps each to its section.
	cfg     *config.Engine
	litBase int
	litSec  []int

	// content is built on first use by the cache methods (contentversion.go).
	contentOnce sync.Once
	content     *contentIndex
}

type patRef struct{ rule, pat int }

// regexRef is a regex pattern with the forms its anchors need (anchors.go).
type regexRef struct {
	patRef
	forms anchored
}

// regexReach is how far back a regular expression can see across a chunk boundary: a
// regex match longer than this that straddles two reads may be missed.
const regexReach = 1024

// chunkSize is the read size of a scan: large enough that the page cache streams fast
// (PERFORMANCE-NOTES.md), small enough to keep a worker's memory flat.
const chunkSize = 256 << 10

// Compile builds the file engine from the file rules of s.
func Compile(s *signatures.Set) *Engine {
	e := &Engine{}
	var mb signatures.MatcherBuilder
	for _, r := range s.Rules() {
		f := r.File
		if f == nil {
			continue
		}
		ri := len(e.rules)
		e.rules = append(e.rules, r)
		e.base = append(e.base, e.npat)
		for pi, p := range f.Patterns {
			ref := patRef{ri, pi}
			if p.Regexp() != nil {
				e.regexes = append(e.regexes, regexRef{ref, anchorForms(p.Regexp())})
			} else {
				e.refs = append(e.refs, ref)
				mb.AddPattern(p, len(e.refs)-1)
			}
		}
		e.npat += len(f.Patterns)
		e.needSHA256 = e.needSHA256 || f.HashSet().NeedsSHA256()
		e.needSHA1 = e.needSHA1 || f.HashSet().NeedsSHA1()
		e.needMD5 = e.needMD5 || f.HashSet().NeedsMD5()
		e.digestSizes.add(f.HashSet())
		e.needGo = e.needGo || len(f.GoModules)+len(f.GoDeps) > 0
	}
	e.compileConfigs(s, &mb)
	e.m = mb.Build()
	e.overlap = max(e.m.MaxLen()-1, 0)
	if len(e.regexes) > 0 {
		e.overlap = max(e.overlap, regexReach)
	}
	return e
}

// Len returns the number of file rules compiled (configuration sections aside).
func (e *Engine) Len() int { return len(e.rules) }

// patLen is the length of a literal pattern.
func (e *Engine) patLen(ref patRef) int {
	lit, _ := e.rules[ref.rule].File.Patterns[ref.pat].Bytes()
	return len(lit)
}

// Match is one file rule or configuration section that matched, with evidence a
// person can check.
type Match struct {
	Rule     *signatures.Rule
	Config   bool // a configuration rule (it has paths, or a config section): a finding of kind config
	Evidence string
	// Role and Confidence come from a config section's verdict: the host's role
	// (server, or client) and a confidence other than the rule's ("" keeps it).
	Role       string
	Confidence string
}

// Result is what one scan of one file found.
type Result struct {
	Size    int64
	Type    string
	Digests signatures.Digests
	Matches []Match
	// Content are the matches of the content conditions alone (patterns and Go
	// modules), whatever the hashes say: what a cache may keep while the content
	// rules are unchanged, since a hash match can be decided again from the digests.
	Content []Match
	// ConfigSkipped says why a file at a configuration path was not judged (larger
	// than config.MaxSize, or not readable in its format); "" when it was, or needed
	// not be.
	ConfigSkipped string
	// Grew says the file had more bytes than its size when it was opened: it was
	// read to that size only, so it changed while scanned.
	Grew bool
}
