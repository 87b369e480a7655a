package file

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"slices"

	"github.com/aupscan/aupscan/scanner/config"
	"github.com/aupscan/aupscan/signatures"
)

// contentFormat is mixed into every content version. Bump it when the code that
// decides a content match or words its evidence changes, so that cached results
// made by the old code are not trusted by the new.
//
// 2: archives are opened and their members scanned; an archive's result is no
// longer its own content alone, and archives are not cached.
//
// 3: fallback rules give way to a rule that names the program.
const contentFormat = "aupscan-content-3"

// contentIndex is what an Engine's cache methods need, built once.
type contentIndex struct {
	versions map[string]string           // by file type
	byID     map[string]*signatures.Rule // rules with a file or a config section
	order    map[string]int              // rule id -> its place in the set
}

// fileTypes are the types DetectType returns.
var fileTypes = []string{signatures.TypeELF, signatures.TypeScript, signatures.TypeText, "binary"}

func (e *Engine) index() *contentIndex {
	e.contentOnce.Do(func() {
		ci := &contentIndex{versions: map[string]string{}, byID: map[string]*signatures.Rule{}, order: map[string]int{}}
		for _, r := range e.rules {
			ci.byID[r.ID] = r
		}
		for i := range e.cfg.Len() {
			r := e.cfg.Section(i).Rule
			ci.byID[r.ID] = r
		}
		for _, r := range ci.byID {
			ci.order[r.ID] = 0
		}
		ids := slices.Sorted(maps.Keys(ci.order)) // a Set's rules are in id order
		for i, id := range ids {
			ci.order[id] = i
		}
		for _, t := range fileTypes {
			ci.versions[t] = e.contentVersion(t)
		}
		e.content = ci
	})
	return e.content
}

// ContentVersion identifies everything that decides a content match (patterns, Go
// module conditions, condition, type, paths, size limit, and for text files the
// config sections and the code that judges them) of the rules that can match a file
// of type fileType by its content, and nothing else: not hash lists, not names or
// severities, not rules scoped to other types. A content match found under
// one version still holds for the same bytes at the same path under the same version.
func (e *Engine) ContentVersion(fileType string) string {
	if v, ok := e.index().versions[fileType]; ok {
		return v
	}
	return e.contentVersion(fileType)
}

// ruleContent is the part of a file rule that decides a content match, in the form
// the version digests.
type ruleContent struct {
	ID        string                `json:"id"`
	Type      string                `json:"type"`
	Paths     []string              `json:"paths"`
	Patterns  []*signatures.Pattern `json:"patterns"`
	Condition string                `json:"condition"`
	GoModules []string              `json:"go_modules"`
	GoDeps    []string              `json:"go_dependencies"`
	MaxSize   int64                 `json:"max_size"`
	Fallback  bool                  `json:"fallback"`
}

func (e *Engine) contentVersion(fileType string) string {
	h := sha256.New()
	h.Write([]byte(contentFormat))
	enc := json.NewEncoder(h)
	for _, r := range e.rules {
		f := r.File
		byPattern := len(f.Patterns) > 0 && TypeMatches(f.Type, fileType)
		// Module conditions are checked on ELF files only, whatever the rule's type.
		byModule := fileType == signatures.TypeELF && len(f.GoModules)+len(f.GoDeps) > 0
		if !byPattern && !byModule {
			continue
		}
		// Encoding plain strings, slices and ints cannot fail.
		_ = enc.Encode(ruleContent{ID: r.ID, Type: f.Type, Paths: f.Paths, Patterns: f.Patterns,
			Condition: f.Condition, GoModules: f.GoModules, GoDeps: f.GoDeps, MaxSize: f.MaxSize, Fallback: f.Fallback})
	}
	if TypeMatches(signatures.TypeText, fileType) && e.cfg.Len() > 0 {
		h.Write([]byte(config.Version))
		for i := range e.cfg.Len() {
			sec := e.cfg.Section(i)
			_ = enc.Encode(struct {
				ID     string
				Config *signatures.ConfigCond
			}{sec.Rule.ID, sec.Cond})
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// CanMatchDigests reports whether d, the digests of a file of size bytes, holds
// every digest the hash sets need (each is only computed when some list has it, for
// files of the sizes listed), so MatchDigests can decide.
func (e *Engine) CanMatchDigests(d *signatures.Digests, size int64) bool {
	sha256, md5, sha1 := e.needs(size)
	return (!sha256 || d.HasSHA256()) && (!sha1 || d.SHA1 != nil) && (!md5 || d.MD5 != nil)
}

// MatchDigests matches a file's digests and size against the current hash sets
// without reading it, as Scan would: the hash rules only, in rule order.
func (e *Engine) MatchDigests(d *signatures.Digests, size int64) []Match {
	var out []Match
	for _, r := range e.rules {
		f := r.File
		if f.MaxSize > 0 && size > f.MaxSize {
			continue
		}
		if ev := hashEvidence(f, d); ev != "" {
			out = append(out, Match{Rule: r, Config: len(f.Paths) > 0, Evidence: ev})
		}
	}
	return out
}

// Record is a content match as a cache keeps it: the rule by id, and what a config
// section's verdict said.
type Record struct {
	Rule       string `json:"rule"`
	Evidence   string `json:"evidence"`
	Config     bool   `json:"config,omitempty"`
	Role       string `json:"role,omitempty"`
	Confidence string `json:"confidence,omitempty"`
}

// Record returns the match as a cache keeps it.
func (m Match) Record() Record {
	return Record{Rule: m.Rule.ID, Evidence: m.Evidence, Config: m.Config, Role: m.Role, Confidence: m.Confidence}
}

// Restore rebuilds a cached content match; false when the engine has no rule of
// that id with the section the match came from.
func (e *Engine) Restore(rec Record) (Match, bool) {
	r, ok := e.index().byID[rec.Rule]
	if !ok || (rec.Config && r.File == nil && len(r.Config) == 0) || (!rec.Config && r.File == nil) {
		return Match{}, false
	}
	return Match{Rule: r, Config: rec.Config, Evidence: rec.Evidence, Role: rec.Role, Confidence: rec.Confidence}, true
}

// ContentMatch rebuilds a cached content match of rule id with its evidence; false
// when the matcher has no such file rule.
func (e *Engine) ContentMatch(id, evidence string) (Match, bool) {
	r, ok := e.index().byID[id]
	if !ok || r.File == nil {
		return Match{}, false
	}
	return Match{Rule: r, Config: len(r.File.Paths) > 0, Evidence: evidence}, true
}

// CombineMatches merges hash matches and content matches of one file into what Scan
// would have returned as its Matches: one match a rule, in rule order, the hash
// evidence winning over the content evidence of the same rule, and no fallback rule
// beside another rule.
func (e *Engine) CombineMatches(hash, content []Match) []Match {
	if len(content) == 0 {
		return dropFallbacks(hash)
	}
	out := slices.Clone(hash)
	for _, c := range content {
		if !slices.ContainsFunc(hash, func(h Match) bool { return h.Rule == c.Rule }) {
			out = append(out, c)
		}
	}
	e.sortMatches(out)
	return dropFallbacks(out)
}

// sortMatches puts matches in rule order, as a scan returns them.
func (e *Engine) sortMatches(ms []Match) {
	order := e.index().order
	slices.SortStableFunc(ms, func(a, b Match) int { return order[a.Rule.ID] - order[b.Rule.ID] })
}
