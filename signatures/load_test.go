package signatures

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/internal/testenv"
)

// loadAndCheck loads dirs (with or without the built-in pack) and runs the examples,
// returning every problem: what `aupscan rules check` prints.
func loadAndCheck(t *testing.T, o Options) (*Set, Problems) {
	t.Helper()
	s, err := Load(o)
	if err != nil {
		ps, ok := err.(Problems)
		if !ok {
			t.Fatalf("Load returned %T, want Problems: %v", err, err)
		}
		return nil, ps
	}
	return s, append(s.Warnings(), s.Check()...)
}

// TestBuiltinPackIsClean runs every built-in example this package has an engine for.
// Examples of other engines (traffic, packages) are run by cmd/aupscan's test, and
// samples are only fetched by the test command: both are warnings here, and only
// those.
func TestBuiltinPackIsClean(t *testing.T) {
	s, ps := loadAndCheck(t, Options{})
	for _, p := range ps {
		if !p.Warning || !(strings.Contains(p.Message, "no engine in this binary") ||
			(errors.Is(p.Err(), ErrSampleMissing) && !testenv.InCI())) {
			t.Errorf("built-in pack: %s", p)
		}
	}
	if s.Len() == 0 || s.Version() == "" {
		t.Fatalf("built-in pack: %d rules, version %q", s.Len(), s.Version())
	}
	for _, r := range s.Rules() {
		if !r.Origin.Builtin || r.Origin.Line == 0 {
			t.Errorf("rule %s: origin %+v", r.ID, r.Origin)
		}
	}
}

func TestInvalidRules(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/rules/invalid/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no test folders: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(dir, "expect.txt"))
			if err != nil {
				t.Fatal(err)
			}
			_, ps := loadAndCheck(t, Options{Dirs: []string{dir}, NoBuiltin: true})
			if len(ps.errors()) == 0 {
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
	s, ps := loadAndCheck(t, Options{Dirs: []string{"../testdata/rules/valid/operator"}, NoBuiltin: true})
	if errs := ps.errors(); len(errs) > 0 {
		t.Fatalf("errors:\n%v", errs)
	}
	// The traffic and package examples have no engine in this package, and one hex
	// pattern is short: warnings, each expected.
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

func TestReplaceAndDisable(t *testing.T) {
	base, err := Load(Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(Options{Dirs: []string{"../testdata/rules/valid/replace"}})
	if err != nil {
		t.Fatal(err)
	}
	if r := s.Rule("malware.eicar"); r == nil || r.Origin.Builtin || r.Severity != "medium" {
		t.Errorf("malware.eicar was not replaced: %+v", r)
	}
	if got := s.Replaced(); len(got) != 1 || got[0] != "malware.eicar" {
		t.Errorf("Replaced() = %v", got)
	}
	for _, r := range s.Rules() {
		if strings.HasPrefix(r.ID, "vpn.") || r.ID == "mining.pool-config" {
			t.Errorf("rule %s should be disabled", r.ID)
		}
	}
	if len(s.Disabled()) == 0 || s.Disabled()[0].Reason == "" {
		t.Errorf("Disabled() = %+v", s.Disabled())
	}
	if s.Version() == base.Version() {
		t.Error("version did not change with the operator folder")
	}
}

func TestVersionIsStable(t *testing.T) {
	a, err := Load(Options{Dirs: []string{"../testdata/rules/valid/operator"}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Load(Options{Dirs: []string{"../testdata/rules/valid/operator"}})
	if a.Version() != b.Version() {
		t.Errorf("same rules, versions %s and %s", a.Version(), b.Version())
	}
}
