package host

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aupscan/aupscan/scanner/file"
	"github.com/aupscan/aupscan/signatures"
)

// Engine is the host scanner's compiled form of a rule set: the file engine for
// content, hashes and Go build information, and indexes of package and process names.
type Engine struct {
	Files *file.Engine
	pkgs  map[string][]*signatures.Rule // "manager\x00name" and "\x00name" (any manager)
	procs map[string][]*signatures.Rule // executable name
	// images are the rules with a container section, matched against the images
	// container definitions run (images.go).
	images []*signatures.Rule
}

// Compile builds the host engine from a rule set.
func Compile(s *signatures.Set) *Engine {
	e := &Engine{Files: file.Compile(s), pkgs: map[string][]*signatures.Rule{}, procs: map[string][]*signatures.Rule{}}
	for _, r := range s.Rules() {
		if p := r.Package; p != nil {
			for _, m := range []struct {
				mgr   string
				names []string
			}{{"", p.Names}, {"dpkg", p.Dpkg}, {"rpm", p.RPM}, {"apk", p.APK}} {
				for _, n := range m.names {
					e.pkgs[m.mgr+"\x00"+n] = append(e.pkgs[m.mgr+"\x00"+n], r)
				}
			}
		}
		if p := r.Process; p != nil {
			for _, n := range p.Names {
				e.procs[n] = append(e.procs[n], r)
			}
		}
		if r.Container != nil {
			e.images = append(e.images, r)
		}
	}
	return e
}

// MatchPackage returns the rules that name an installed package.
func (e *Engine) MatchPackage(p Package) []*signatures.Rule {
	out := slices.Clone(e.pkgs[p.Manager+"\x00"+p.Name])
	for _, r := range e.pkgs["\x00"+p.Name] {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// ProcessMatch is a process rule that matched, with the listening port that
// qualified it (0 when the rule has no listen_ports).
type ProcessMatch struct {
	Rule *signatures.Rule
	Port uint16
}

// MatchProcess returns the process rules that name the executable, where the
// rule's listen_ports (if any) include a port the process listens on.
func (e *Engine) MatchProcess(name string, ports []uint16) []ProcessMatch {
	var out []ProcessMatch
	for _, r := range e.procs[name] {
		want := r.Process.ListenPorts
		if len(want) == 0 {
			out = append(out, ProcessMatch{Rule: r})
			continue
		}
		for _, p := range ports {
			if slices.Contains(want, int(p)) {
				out = append(out, ProcessMatch{Rule: r, Port: p})
				break
			}
		}
	}
	return out
}

// RunExample runs package and process examples, for `aupscan rules check`. Content
// examples are the file engine's: Files is an example runner of its own.
func (e *Engine) RunExample(r *signatures.Rule, ex *signatures.Example) (handled, matched bool, err error) {
	switch ex.Kind() {
	case "package":
		if r.Package == nil {
			return false, false, nil
		}
		p, err := parsePackageExample(ex.Package)
		if err != nil {
			return true, false, err
		}
		return true, slices.Contains(e.MatchPackage(p), r), nil
	case "process":
		if r.Process == nil {
			return false, false, nil
		}
		var ports []uint16
		if ex.Port > 0 {
			ports = append(ports, uint16(ex.Port))
		}
		for _, m := range e.MatchProcess(ex.Process, ports) {
			if m.Rule == r {
				return true, true, nil
			}
		}
		return true, false, nil
	case "image", "definition":
		return e.runContainerExample(r, ex)
	}
	return false, false, nil
}

// parsePackageExample reads "MANAGER NAME [VERSION]" or "NAME".
func parsePackageExample(s string) (Package, error) {
	f := strings.Fields(s)
	switch {
	case len(f) == 1:
		return Package{Name: f[0]}, nil
	case len(f) >= 2 && slices.Contains([]string{"dpkg", "rpm", "apk"}, f[0]):
		p := Package{Manager: f[0], Name: f[1]}
		if len(f) > 2 {
			p.Version = f[2]
		}
		return p, nil
	}
	return Package{}, fmt.Errorf(`package example %q: want "dpkg|rpm|apk NAME [VERSION]"`, s)
}
