package signatures

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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
	// The version depends on what the files hold, not on how their folder is named:
	// spelled another way, or copied elsewhere, the same rules have the same version.
	abs, err := filepath.Abs("../testdata/rules/valid/operator")
	if err != nil {
		t.Fatal(err)
	}
	copied := t.TempDir()
	if err := os.CopyFS(copied, os.DirFS(abs)); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{abs + "/", "../testdata/rules/valid/./operator", "../../aupscan/testdata/rules/valid/operator", copied} {
		if _, err := os.Stat(dir); err != nil {
			continue // the checkout's folder is not named aupscan
		}
		c, err := Load(Options{Dirs: []string{dir}})
		if err != nil {
			t.Fatal(err)
		}
		if c.Version() != a.Version() {
			t.Errorf("folder spelled %s: version %s, want %s", dir, c.Version(), a.Version())
		}
	}
	// A byte changed in a list file changes it.
	if err := os.WriteFile(filepath.Join(copied, "relays.txt"), []byte("192.0.2.99\n"), 0o644); err == nil {
		if c, err := Load(Options{Dirs: []string{copied}}); err == nil && c.Version() == a.Version() {
			t.Error("a changed list file kept the version")
		}
	}
}

// TestProblemsInFileOrder: the rule files are parsed side by side, and their problems
// still come out in the files' order, each naming its file and line.
func TestProblemsInFileOrder(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for i := range 9 {
		name := filepath.Join(dir, fmt.Sprintf("r%d.toml", i))
		want = append(want, name)
		if err := os.WriteFile(name, []byte(strings.Repeat("\n", i)+"[[rule]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Load(Options{Dirs: []string{dir}, NoBuiltin: true})
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want Problems, got %v", err)
	}
	// File i has i blank lines before its error: the lines, less i, are all equal.
	var got []string
	for _, p := range ps {
		if p.Warning {
			continue
		}
		got = append(got, p.File)
		if i := len(got) - 1; p.Line-i != ps[0].Line {
			t.Errorf("%s: line %d, want %d", p.File, p.Line, ps[0].Line+i)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems name the files\n%q\nwant\n%q", got, want)
	}
}
