package signatures

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aupscan/aupscan/signatures/foreign"
)

// Rule folders may hold other engines' rules as they are published (YARA, ClamAV
// .ndb .ldb .hdb .hsb, Suricata .rules): the loader converts them (package
// foreign) and loads the result as a rule file. What does not convert is a
// warning naming the rule and its line; an imported rule the loader refuses is
// left out with a warning, never breaking the folder's other rules.

// readForeign converts a foreign rule file into a source.
func readForeign(path, dir string, ps *Problems) (source, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		*ps = append(*ps, Problem{File: path, Message: err.Error()})
		return source{}, false
	}
	res, err := foreign.Convert(path, data)
	if err != nil {
		*ps = append(*ps, Problem{File: path, Message: err.Error()})
		return source{}, false
	}
	for _, p := range res.Problems {
		*ps = append(*ps, Problem{File: path, Line: p.Line, Warning: true, Message: strings.TrimPrefix(p.String(), fmt.Sprintf("%s:%d: ", path, p.Line))})
	}
	return source{name: path, dir: dir, data: res.TOML(), foreign: true}, true
}

// addForeign checks and adds a rule converted from another engine: its problems
// become warnings and a rule with an error is left out, as is a rule whose id is
// taken. The missing examples of an imported rule are no news.
func addForeign(r *Rule, lists *listCache, b *setBuilder, ps *Problems) {
	var own Problems
	compileRule(r, lists, &own)
	bad := false
	for _, p := range own {
		if p.Key == "match" && p.Warning {
			continue
		}
		if !p.Warning {
			bad = true
			p.Message = "imported rule left out: " + p.Message
			p.Warning = true
		}
		*ps = append(*ps, p)
	}
	if _, dup := b.byID[r.ID]; dup && !bad {
		*ps = append(*ps, Problem{File: r.Origin.File, Rule: r.ID, Warning: true,
			Message: "imported rule left out: its id is taken by another rule"})
		return
	}
	if !bad {
		b.add(r, ps)
	}
}

// unreadFiles warns about the files directly in the operator folders that nothing
// reads: not a rule file, not a format the loader converts, not a list or example
// file a rule names. Hidden files (editors', feeds' state) are not counted.
func unreadFiles(dirs []string, s *Set) Problems {
	read := map[string]bool{}
	for _, l := range s.ListFiles() {
		read[filepath.Clean(l)] = true
	}
	for _, r := range s.rules {
		for _, ex := range append(slices.Clone(r.Match), r.NoMatch...) {
			for _, f := range []string{ex.File, ex.Capture} {
				if f != "" {
					read[filepath.Clean(resolve(r.Origin.Dir, f))] = true
				}
			}
		}
	}
	for _, d := range s.disabled { // a disabled rule's lists are still read
		read[filepath.Clean(d.File)] = true
	}
	var out Problems
	for _, dir := range dirs {
		ents, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range ents {
			name := e.Name()
			path := filepath.Join(dir, name)
			if !e.Type().IsRegular() || strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".toml") ||
				foreign.Handles(name) || read[filepath.Clean(path)] || isLicence(name) {
				continue
			}
			out = append(out, Problem{File: path, Warning: true, Message: fmt.Sprintf(
				"nothing reads this file: rule files are *.toml, %s are imported, and a list must be named by a rule",
				strings.Join(foreign.Extensions, " "))})
		}
	}
	return out
}

// isLicence spares the files that travel with rules copied from others.
func isLicence(name string) bool {
	n := strings.ToUpper(name)
	for _, p := range []string{"LICENSE", "LICENCE", "COPYING", "README", "NOTICE"} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}
