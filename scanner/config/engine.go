package config

import (
	"path"
	"slices"
	"strings"

	"github.com/aupscan/aupscan/signatures"
)

// Version identifies the code that reads and judges configurations: the file
// engine's cache mixes it into content versions. Bump it when a reader or a judge
// changes what it decides or how it words evidence.
const Version = "config-1"

// Engine is the compiled form of every [[rule.config]] section of a Set, indexed by
// what their path globs end in, so that a file's path finds its candidate sections
// with a map lookup or two: the file engine asks for every file it reads.
type Engine struct {
	secs    []Section
	byName  map[string][]int // a glob's literal last segment: "squid.conf"
	byExt   map[string][]int // a glob ending in "*.EXT": "conf"
	general []int            // every other glob ("torrc.d/*")
}

// Section is one config section and its rule.
type Section struct {
	Rule *signatures.Rule
	Cond *signatures.ConfigCond
}

// Match is a rule whose configuration section judged a file a finding.
type Match struct {
	Rule *signatures.Rule
	Verdict
}

// Compile builds the engine from the config sections of s.
func Compile(s *signatures.Set) *Engine {
	e := &Engine{byName: map[string][]int{}, byExt: map[string][]int{}}
	for _, r := range s.Rules() {
		for _, c := range r.Config {
			i := len(e.secs)
			e.secs = append(e.secs, Section{r, c})
			e.index(i, c.Paths)
		}
	}
	return e
}

// index files section i under each of its globs.
func (e *Engine) index(i int, globs []string) {
	general := false
	for _, g := range globs {
		if strings.HasPrefix(g, "!") {
			continue
		}
		name, ext := globTail(g)
		switch {
		case name != "":
			e.byName[name] = appendOnce(e.byName[name], i)
		case ext != "":
			e.byExt[ext] = appendOnce(e.byExt[ext], i)
		default:
			general = true
		}
	}
	if general {
		e.general = append(e.general, i)
	}
}

// globTail says what every path a glob matches ends in: a literal last segment
// (name), or else a literal extension after its last wildcard (ext).
func globTail(g string) (name, ext string) {
	last := path.Base(g)
	if !strings.ContainsAny(last, "*?[") {
		return last, ""
	}
	lit := last[strings.LastIndexAny(last, "*?]")+1:]
	if dot := strings.LastIndexByte(lit, '.'); dot >= 0 && dot < len(lit)-1 {
		return "", lit[dot+1:]
	}
	return "", ""
}

func appendOnce(l []int, i int) []int {
	if len(l) > 0 && l[len(l)-1] == i {
		return l
	}
	return append(l, i)
}

// Len returns the number of sections.
func (e *Engine) Len() int { return len(e.secs) }

// Section returns section i.
func (e *Engine) Section(i int) Section { return e.secs[i] }

// Candidates appends to dst the sections whose paths match path (slash-separated
// from the scan root), in rule order.
func (e *Engine) Candidates(p string, dst []int) []int {
	if len(e.secs) == 0 {
		return dst
	}
	base := path.Base(p)
	ext := ""
	if dot := strings.LastIndexByte(base, '.'); dot >= 0 {
		ext = base[dot+1:]
	}
	n := len(dst)
	for _, l := range [][]int{e.byName[base], e.byExt[ext], e.general} {
		for _, i := range l {
			if e.secs[i].Cond.MatchPath(p) && !slices.Contains(dst[n:], i) {
				dst = append(dst, i)
			}
		}
	}
	slices.Sort(dst[n:])
	return dst
}

// Judge reads data, the file at a path, for the sections secs (candidates that
// passed their contains filter) and returns one match a rule, the first section of
// a rule that judges it a finding winning. Each format is parsed once. err is the
// first file that could not be read as a section's format: the sections of other
// formats are still judged.
func (e *Engine) Judge(data []byte, secs []int) ([]Match, error) {
	var out []Match
	var firstErr error
	docs := map[string]*Document{}
	errs := map[string]error{}
	for _, i := range secs {
		s := e.secs[i]
		if len(out) > 0 && out[len(out)-1].Rule == s.Rule {
			continue // this rule has its match
		}
		v, ok, err := judgeSection(s.Cond, data, docs, errs)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		if ok {
			out = append(out, Match{s.Rule, v})
		}
	}
	return out, firstErr
}

func judgeSection(c *signatures.ConfigCond, data []byte, docs map[string]*Document, errs map[string]error) (Verdict, bool, error) {
	if c.Judge != "" {
		return Judge(c.Judge, data)
	}
	d, ok := docs[c.Format]
	if err := errs[c.Format]; err != nil {
		return Verdict{}, false, err
	}
	if !ok {
		var err error
		if d, err = Read(c.Format, data); err != nil {
			errs[c.Format] = err
			return Verdict{}, false, err
		}
		docs[c.Format] = d
	}
	v, found := judgeKeys(c, d)
	return v, found, nil
}
