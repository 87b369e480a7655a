package signatures

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
)

// Ways a program is identified, as the catalog names them: each is derived from the
// sections of the program's rules, never written by hand.
const (
	ByBinary    = "binary"    // content patterns of a program file (ELF or any type)
	ByScript    = "script"    // content patterns of a script (#!)
	ByGoModule  = "go-module" // a Go program's main module
	ByGoDep     = "go-dependency"
	ByHash      = "hash"
	ByPackage   = "package"
	ByProcess   = "process"
	ByConfig    = "config" // a configuration file's path and content
	ByContainer = "container"
	ByTraffic   = "traffic"
)

// IdentifiedBy lists, in that order, the ways of identification this package
// knows; Identification returns a rule's in the same order.
var IdentifiedBy = []string{ByBinary, ByScript, ByGoModule, ByGoDep, ByHash, ByPackage, ByProcess, ByConfig, ByContainer, ByTraffic}

// Identification returns the ways a rule identifies what it is about, from the
// sections it has.
func Identification(r *Rule) []string {
	has := map[string]bool{}
	if f := r.File; f != nil {
		switch {
		case len(f.Patterns) > 0 && len(f.Paths) > 0:
			has[ByConfig] = true
		case len(f.Patterns) > 0 && f.Type == TypeScript:
			has[ByScript] = true
		case len(f.Patterns) > 0:
			has[ByBinary] = true
		}
		has[ByGoModule] = len(f.GoModules) > 0
		has[ByGoDep] = len(f.GoDeps) > 0
		has[ByHash] = len(f.Hashes)+len(f.HashFiles) > 0
	}
	has[ByPackage] = r.Package != nil
	has[ByProcess] = r.Process != nil
	has[ByConfig] = has[ByConfig] || len(r.Config) > 0
	has[ByContainer] = r.Container != nil
	has[ByTraffic] = len(r.Traffic) > 0
	return slices.DeleteFunc(slices.Clone(IdentifiedBy), func(by string) bool { return !has[by] })
}

// A Program is one row of the catalog: a program the rules identify, with what every
// rule naming it says together.
type Program struct {
	Name     string `json:"program"`
	Category string `json:"category"`
	Homepage string `json:"homepage,omitempty"`
	// Rules are the ids of the rules that name the program, in id order.
	Rules []string `json:"rules"`
	// IdentifiedBy are the ways the rules identify it, in IdentifiedBy's order.
	IdentifiedBy []string `json:"identified_by"`
	// Samples are the real programs and fragments its must-match examples name.
	Samples []ProgramSample `json:"samples,omitempty"`
}

// A ProgramSample is one real file a program's examples check the rules against.
type ProgramSample struct {
	Kind string `json:"kind"` // "deb" (Debian's package), "go" (built from the module proxy), "fragment"
	What string `json:"what"` // the package and path, the package@version, or the fragment's file
}

// Sample describes the program's best sample in a few words: Debian's package first,
// then a Go build, then a fragment of published strings; "" when it has none.
func (p Program) Sample() string {
	for _, kind := range []string{"deb", "go", "fragment"} {
		for _, s := range p.Samples {
			if s.Kind != kind {
				continue
			}
			switch kind {
			case "deb":
				pkg, _, _ := strings.Cut(s.What, ":")
				return "Debian " + pkg
			case "go":
				return "Go build " + s.What
			}
			return "fragment"
		}
	}
	return ""
}

// Catalog returns the programs the set's rules name (their program key), by name,
// each with every rule that names it. The category is that of the rule giving the
// homepage, else of the first rule.
func Catalog(s *Set) []Program {
	byName := map[string]*Program{}
	var names []string
	for _, r := range s.Rules() {
		if r.Program == "" {
			continue
		}
		p := byName[r.Program]
		if p == nil {
			p = &Program{Name: r.Program, Category: r.Category}
			byName[r.Program] = p
			names = append(names, r.Program)
		}
		p.Rules = append(p.Rules, r.ID)
		if r.Homepage != "" && p.Homepage == "" {
			p.Homepage, p.Category = r.Homepage, r.Category
		}
		for _, by := range Identification(r) {
			if !slices.Contains(p.IdentifiedBy, by) {
				p.IdentifiedBy = append(p.IdentifiedBy, by)
			}
		}
		for _, ex := range r.Match {
			if sm, ok := programSample(ex); ok && !slices.Contains(p.Samples, sm) {
				p.Samples = append(p.Samples, sm)
			}
		}
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	out := make([]Program, 0, len(names))
	for _, n := range names {
		p := byName[n]
		slices.SortFunc(p.IdentifiedBy, func(a, b string) int { return slices.Index(IdentifiedBy, a) - slices.Index(IdentifiedBy, b) })
		out = append(out, *p)
	}
	return out
}

// programSample says what real file a must-match example checks, if any.
func programSample(ex *Example) (ProgramSample, bool) {
	switch {
	case ex.Sample != "":
		sm, err := ParseSample(ex.Sample)
		if err != nil {
			return ProgramSample{}, false
		}
		if sm.Kind == "deb" {
			return ProgramSample{Kind: "deb", What: sm.Package + ":" + sm.Path}, true
		}
		return ProgramSample{Kind: "go", What: sm.Package + "@" + sm.Version}, true
	case ex.File != "" && strings.HasPrefix(path.Clean(ex.File), "examples/fragments/"):
		return ProgramSample{Kind: "fragment", What: ex.File}, true
	}
	return ProgramSample{}, false
}

// checkPrograms checks the program keys of the rules together: a homepage is an
// http or https address and is given once for a program, on a rule naming it.
func checkPrograms(rules []*Rule, ps *Problems) {
	home := map[string]*Rule{}
	for _, r := range rules {
		rp := ruleProblems{r, ps}
		if r.Homepage == "" {
			continue
		}
		if r.Program == "" {
			rp.errorf("homepage", "homepage without program: say which program it is the home of")
			continue
		}
		if u, err := url.Parse(r.Homepage); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			rp.errorf("homepage", "homepage %q is not an http or https address", r.Homepage)
		}
		if prev, ok := home[r.Program]; ok && prev.Homepage != r.Homepage {
			rp.errorf("homepage", "program %q has homepage %s here and %s in rule %s", r.Program, r.Homepage, prev.Homepage, prev.ID)
			continue
		}
		home[r.Program] = r
	}
}

// String is the row as one line, for logs and problems.
func (p Program) String() string {
	return fmt.Sprintf("%s (%s): %s", p.Name, p.Category, strings.Join(p.IdentifiedBy, ", "))
}
