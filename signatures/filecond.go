package signatures

import (
	"fmt"
	"regexp"
	"strings"
)

// File types a file rule can be scoped to.
const (
	TypeAny    = "any"
	TypeELF    = "elf"
	TypeScript = "script"
	TypeText   = "text"
)

// Bytes returns the literal bytes and wildcard mask of a text or hex pattern (mask nil
// when every byte is literal), or nils for a regular expression.
func (p *Pattern) Bytes() (lit, mask []byte) { return p.compiled.Bytes() }

// Regexp returns the compiled regular expression of a regex pattern, or nil for a
// text or hex pattern (those go to a MatcherBuilder with AddPattern).
func (p *Pattern) Regexp() *regexp.Regexp { return p.compiled.re }

// Label names a pattern in evidence: its id if it has one, else the rule's own bytes.
func (p *Pattern) Label() string {
	if p.ID != "" {
		return p.ID
	}
	return p.compiled.display()
}

func compileFile(f *FileCond, dir string, lists *listCache, rp ruleProblems) {
	switch f.Type {
	case "", TypeAny, TypeELF, TypeScript, TypeText:
	default:
		rp.errorf("file.type", "type must be any, elf, script or text, got %q", f.Type)
	}
	for i, p := range f.Patterns {
		key := fmt.Sprintf("file.patterns[%d]", i)
		var err error
		if p.Regex != "" {
			if p.Text != "" || p.Hex != "" {
				err = fmt.Errorf("set only one of text, hex and regex")
			} else {
				p.compiled, err = compileRegex(p.Regex, p.NoCase)
			}
		} else {
			p.compiled, err = compileBytes(p.Text, p.Hex, p.NoCase)
		}
		if err != nil {
			rp.errorf(key, "%v", err)
		} else if p.compiled.re == nil && pickAnchor(p.compiled.lit, p.compiled.mask) < 0 && p.Depth == 0 {
			rp.warnf(key, "pattern %s has no 4 literal bytes in a row: it is matched the slow way", p.compiled.display())
		}
		checkPlacement(p, key, rp)
	}
	optional := 0
	for _, p := range f.Patterns {
		if !p.Required {
			optional++
		}
	}
	switch {
	case optional > 0:
		need, err := parseCondition(f.Condition, optional)
		if err != nil {
			rp.errorf("file.condition", "%v", err)
		}
		f.compiled.need = need
	case f.Condition != "" && len(f.Patterns) > 0:
		rp.errorf("file.condition", "every pattern is required: the condition has nothing to count")
	case f.Condition != "":
		rp.errorf("file.condition", "condition without patterns")
	}
	f.compiled.hashes = compileHashes(f, dir, lists, rp)
	f.compiled.globs = compileGlobList(f.Paths, "file.paths", rp)
	if len(f.Paths) > 0 && len(f.Patterns) == 0 {
		rp.errorf("file.paths", "paths need content patterns: a configuration file is only a finding for what it says")
	}
	if len(f.Patterns)+len(f.Hashes)+len(f.HashFiles)+len(f.GoModules)+len(f.GoDeps) == 0 {
		rp.errorf("file", "file section has no condition: add patterns, hashes, hash_files, go_modules or go_dependencies")
	}
}

// checkPlacement checks a pattern's offset and depth: not negative, for text and hex
// patterns only, a depth that holds the pattern.
func checkPlacement(p *Pattern, key string, rp ruleProblems) {
	switch {
	case p.Offset < 0 || p.Depth < 0:
		rp.errorf(key, "offset and depth must not be negative")
	case p.Regex != "" && (p.Offset != 0 || p.Depth != 0):
		rp.errorf(key, "offset and depth place text and hex patterns; a regex says where it matches itself (^)")
	case p.Depth > 0 && p.Depth < int64(len(p.compiled.lit)):
		rp.errorf(key, "depth %d is shorter than the pattern (%d bytes)", p.Depth, len(p.compiled.lit))
	}
}

// Placed reports whether a match of the pattern starting at byte start of a file
// lies where its offset and depth allow.
func (p *Pattern) Placed(start int64) bool {
	if start < p.Offset {
		return false
	}
	return p.Depth == 0 || start+int64(len(p.compiled.lit)) <= p.Offset+p.Depth
}

func compileHashes(f *FileCond, dir string, lists *listCache, rp ruleProblems) *HashSet {
	if len(f.Hashes)+len(f.HashFiles) == 0 {
		return nil
	}
	if len(f.Hashes) == 0 && len(f.HashFiles) == 1 {
		s, err := lists.hashSet(resolve(dir, f.HashFiles[0]))
		if err != nil {
			rp.errorf("file.hash_files", "%v", err)
		}
		return s
	}
	s := &HashSet{}
	for _, h := range f.Hashes {
		if err := s.Add(h); err != nil {
			rp.errorf("file.hashes", "%v", err)
		}
	}
	paths := make([]string, len(f.HashFiles))
	for i, hf := range f.HashFiles {
		paths[i] = resolve(dir, hf)
	}
	if err := lists.readHashFiles(s, paths); err != nil {
		rp.errorf("file.hash_files", "%v", err)
	}
	s.Freeze()
	return s
}

// globRegexp turns a path glob into an anchored regular expression: "*" and "?" stay
// within one path segment, "**" spans any number of segments, "[...]" is a class. A
// glob that starts with "/" is anchored at the scan root; any other matches at any
// depth, as in .gitignore.
func globRegexp(g string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("(?s)^") // "." crosses newlines too: a file name may hold one
	if !strings.HasPrefix(g, "/") {
		b.WriteString("(?:.*/)?")
	}
	for i := 0; i < len(g); i++ {
		switch c := g[i]; {
		case strings.HasPrefix(g[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(g[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			j := strings.IndexByte(g[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("glob %q: unclosed [", g)
			}
			b.WriteString(g[i : i+j+1])
			i += j
		default:
			b.WriteString(regexp.QuoteMeta(g[i : i+1])) // a byte: string(c) would make a rune of it
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, fmt.Errorf("glob %q: %w", g, err)
	}
	return re, nil
}

// CompileGlobs compiles path globs (written as in a rule's paths) into one matcher.
func CompileGlobs(globs []string) (func(path string) bool, error) {
	var ms []globMatcher
	for _, g := range globs {
		m, err := compileGlob(g)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	return func(p string) bool {
		for _, m := range ms {
			if m.match(p) {
				return true
			}
		}
		return false
	}, nil
}
