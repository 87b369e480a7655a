package file

import (
	"debug/buildinfo"
	"fmt"
	"strings"

	"github.com/aupscan/aupscan/signatures"
)

// What a file section's conditions are called in Conditions' answers.
const (
	ByHash         = "hashes"
	ByGoModule     = "go_modules"
	ByGoDependency = "go_dependencies"
	ByPatterns     = "patterns"
)

// evaluate decides one rule for the file just read and returns the evidence of its
// hashes and of its content conditions, each "" when they did not match. The hash
// evidence wins in a finding; the content evidence is kept apart for caches.
func (fs *Scanner) evaluate(ri int, r *signatures.Rule, path string, res *Result, bi *buildinfo.BuildInfo) (hashEv, contentEv string) {
	f := r.File
	if f.MaxSize > 0 && res.Size > f.MaxSize {
		return "", ""
	}
	return hashEvidence(f, &res.Digests), fs.contentEvidence(ri, f, path, res, bi)
}

// hashEvidence checks the digests of a file against the section's hash set.
func hashEvidence(f *signatures.FileCond, d *signatures.Digests) string {
	if algo, sum, ok := f.HashSet().Match(d); ok {
		return fmt.Sprintf("%s %s is a listed hash", algo, sum)
	}
	return ""
}

// contentEvidence checks the section's Go module and pattern conditions; the Go
// build information, when it names a listed module, is the evidence.
func (fs *Scanner) contentEvidence(ri int, f *signatures.FileCond, path string, res *Result, bi *buildinfo.BuildInfo) string {
	if ev := goModuleEvidence(f, bi); ev != "" {
		return ev
	}
	if ev := goDependencyEvidence(f, bi); ev != "" {
		return ev
	}
	return fs.patternEvidence(ri, f, path, res)
}

// patternEvidence checks the section's patterns against what the scan found.
func (fs *Scanner) patternEvidence(ri int, f *signatures.FileCond, path string, res *Result) string {
	if len(f.Patterns) == 0 || !TypeMatches(f.Type, res.Type) || !fs.appliesAt(f, path) {
		return ""
	}
	var found []string
	optional := 0 // patterns not required that matched
	hits := fs.hit[fs.e.base[ri] : fs.e.base[ri]+len(f.Patterns)]
	for pi, at := range hits {
		switch {
		case at >= 0:
			found = append(found, fmt.Sprintf("%s at offset %d", f.Patterns[pi].Label(), at))
			if !f.Patterns[pi].Required {
				optional++
			}
		case f.Patterns[pi].Required:
			return ""
		}
	}
	switch {
	case optional < f.Need():
		return ""
	case len(f.Patterns) == 1:
		return "pattern " + found[0]
	}
	return fmt.Sprintf("%d of %d patterns: %s", len(found), len(f.Patterns), strings.Join(found, ", "))
}

// goModuleEvidence checks a Go program's main module (or main package) against
// go_modules.
func goModuleEvidence(f *signatures.FileCond, bi *buildinfo.BuildInfo) string {
	if bi == nil {
		return ""
	}
	for _, m := range f.GoModules {
		if underModule(bi.Main.Path, m) || underModule(bi.Path, m) {
			return goProgram(bi)
		}
	}
	return ""
}

// goProgram says which Go program bi describes: its main module and version, and
// its main package when that differs. A program built outside module mode records
// no main module, and a local build no version ("(devel)"): neither is written as
// an empty word.
func goProgram(bi *buildinfo.BuildInfo) string {
	if bi.Main.Path == "" {
		return fmt.Sprintf("Go program with main package %s (no module recorded)", bi.Path)
	}
	s := "Go program built from module " + bi.Main.Path
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		s += " " + v
	}
	if bi.Path != "" && bi.Path != bi.Main.Path {
		s += ", main package " + bi.Path
	}
	return s
}

// goDependencyEvidence checks a Go program's dependencies against go_dependencies.
func goDependencyEvidence(f *signatures.FileCond, bi *buildinfo.BuildInfo) string {
	if bi == nil {
		return ""
	}
	for _, m := range f.GoDeps {
		for _, d := range bi.Deps {
			if underModule(d.Path, m) {
				return fmt.Sprintf("Go program %s depends on module %s %s", bi.Path, d.Path, d.Version)
			}
		}
	}
	return ""
}

// underModule reports whether path is module m or a path below it.
func underModule(path, m string) bool {
	return path == m || strings.HasPrefix(path, strings.TrimSuffix(m, "/")+"/")
}
