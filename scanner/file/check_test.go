package file

import (
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/signatures"
)

// These tests load rule folders and check their examples with the file engine, as
// `aupscan rules check` does with every engine: signatures.Set.Check runs no engine
// of its own.

// loadAndCheck loads dirs (with or without the built-in rules) and runs the examples
// through the file engine, returning every problem: what `aupscan rules check`
// prints, less the other engines.
func loadAndCheck(t *testing.T, o signatures.Options) (*signatures.Set, signatures.Problems) {
	t.Helper()
	s, err := signatures.Load(o)
	if err != nil {
		ps, ok := err.(signatures.Problems)
		if !ok {
			t.Fatalf("Load returned %T, want Problems: %v", err, err)
		}
		return nil, ps
	}
	return s, append(s.Warnings(), s.Check(Compile(s))...)
}

// TestBuiltinRulesAreClean runs every built-in example the file engine runs.
// Examples of other engines (traffic, packages) are run by cmd/aupscan's test, and
// samples are only fetched by the test command: both are warnings here, and only
// those.
func TestBuiltinRulesAreClean(t *testing.T) {
	s, ps := loadAndCheck(t, signatures.Options{})
	for _, p := range ps {
		if !p.Warning || !(strings.Contains(p.Message, "no engine in this binary") ||
			(errors.Is(p.Err(), signatures.ErrSampleMissing) && !testenv.InCI())) {
			t.Errorf("built-in rules: %s", p)
		}
	}
	if s.Len() == 0 || s.Version() == "" {
		t.Fatalf("built-in rules: %d rules, version %q", s.Len(), s.Version())
	}
	for _, r := range s.Rules() {
		if !r.Origin.Builtin || r.Origin.Line == 0 {
			t.Errorf("rule %s: origin %+v", r.ID, r.Origin)
		}
	}
}

func TestInvalidRules(t *testing.T) {
	dirs, err := filepath.Glob("../../testdata/rules/invalid/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no test folders: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(dir, "expect.txt"))
			if err != nil {
				t.Fatal(err)
			}
			_, ps := loadAndCheck(t, signatures.Options{Dirs: []string{dir}, NoBuiltin: true})
			if len(errorsOf(ps)) == 0 {
				t.Fatalf("no errors, want:\n%s", want)
			}
			got := ps.Error()
			for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
				if !strings.Contains(got, line) {
					t.Errorf("missing %q in:\n%s", line, got)
				}
			}
		})
	}
}

func TestValidOperatorFolder(t *testing.T) {
	s, ps := loadAndCheck(t, signatures.Options{Dirs: []string{"../../testdata/rules/valid/operator"}, NoBuiltin: true})
	if errs := errorsOf(ps); len(errs) > 0 {
		t.Fatalf("errors:\n%v", errs)
	}
	// The traffic and package examples have no engine here, and one hex pattern is
	// short: warnings, each expected.
	for _, p := range ps {
		if !strings.Contains(p.Message, "no engine in this binary runs example") && !strings.Contains(p.Message, "the slow way") {
			t.Errorf("unexpected warning: %s", p)
		}
	}
	r := s.Rule("op.vpn.examplevpn")
	if r == nil || r.Origin.Builtin || r.Origin.Line != 4 {
		t.Fatalf("op.vpn.examplevpn: %+v", r)
	}
	names := r.Traffic[0].ServerName.Names()
	for name, want := range map[string]bool{"examplevpn.test": true, "a.b.examplevpn.test": true,
		"examplevpn-cdn.test": true, "x.evpn.test": true, "notexamplevpn.test": false, "test": false} {
		if _, got := names.First(name); got != want {
			t.Errorf("server name %q: match %v, want %v", name, got, want)
		}
	}
	addrs := r.Traffic[1].Addrs()
	for a, want := range map[string]bool{"192.0.2.77": true, "198.51.100.7": true, "198.51.100.8": false,
		"203.0.113.127": true, "203.0.113.128": false, "2001:db8:77:1::5": true, "2001:db8:1::1": true, "2001:db8:1::2": false} {
		if got := addrs.Contains(mustAddr(t, a)); got != want {
			t.Errorf("address %s: %v, want %v", a, got, want)
		}
	}
	if h := s.Rule("op.content.hash-list").File.HashSet(); h.Len() != 2 {
		t.Errorf("hash list holds %d hashes, want 2", h.Len())
	}
}

// errorsOf returns the problems that are not warnings.
func errorsOf(ps signatures.Problems) signatures.Problems {
	var out signatures.Problems
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

func mustAddr(t testing.TB, s string) netip.Addr {
	t.Helper()
	a, err := netip.ParseAddr(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
