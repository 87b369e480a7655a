package signatures

import (
	"strings"
	"testing"
)

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
