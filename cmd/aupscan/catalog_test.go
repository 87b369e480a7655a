package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner/file"
	"github.com/aupscan/aupscan/scanner/host"
	"github.com/aupscan/aupscan/scanner/traffic"
	"github.com/aupscan/aupscan/signatures"
)

func builtinSet(t *testing.T) *signatures.Set {
	t.Helper()
	s, err := signatures.Load(signatures.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const (
	catalogBegin = "<!-- catalog:begin -->\n"
	catalogEnd   = "<!-- catalog:end -->"
)

// TestCatalogREADME keeps README.md's catalog equal to the one the rules make: it
// fails when the README is stale, and go test -update rewrites it.
func TestCatalogREADME(t *testing.T) {
	const path = "../../README.md"
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, rest, ok1 := strings.Cut(string(readme), catalogBegin)
	_, tail, ok2 := strings.Cut(rest, catalogEnd)
	if !ok1 || !ok2 {
		t.Fatal("README.md lacks the catalog markers")
	}
	want := catalogMarkdown(builtinSet(t))
	if *update {
		if err := os.WriteFile(path, []byte(head+catalogBegin+want+catalogEnd+tail), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got, _, _ := strings.Cut(rest, catalogEnd); got != want {
		t.Errorf("README.md's catalog is stale: go test ./cmd/aupscan -run TestCatalogREADME -update rewrites it")
	}
}

// TestRulesListCatalog: the catalog as a table and as JSON Lines, one program a
// line, each with the rules that name it.
func TestRulesListCatalog(t *testing.T) {
	progs := signatures.Catalog(builtinSet(t))
	if len(progs) < 120 {
		t.Errorf("the catalog has %d programs, want at least 120", len(progs))
	}
	code, out, errOut := aupscan(t, "rules", "list", "--catalog")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(progs)+1 || !strings.HasPrefix(lines[0], "PROGRAM") {
		t.Errorf("table: %d lines for %d programs, header %q", len(lines), len(progs), lines[0])
	}
	code, out, errOut = aupscan(t, "--format", "json", "rules", "list", "--catalog")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, errOut)
	}
	var rows []catalogRow
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var r catalogRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("json line %q: %v", sc.Text(), err)
		}
		rows = append(rows, r)
	}
	if len(rows) != len(progs) {
		t.Fatalf("json: %d rows for %d programs", len(rows), len(progs))
	}
	byName := map[string]catalogRow{}
	for _, r := range rows {
		byName[r.Name] = r
	}
	// Xray is named by its program rule and nothing else; Tor by its program, its
	// traffic and its relay configuration.
	if x := byName["Xray"]; !slices.Equal(x.Rules, []string{"proxy.xray"}) || !slices.Contains(x.IdentifiedBy, signatures.ByGoModule) ||
		!strings.HasPrefix(x.Sample, "Go build github.com/xtls/xray-core/main@") {
		t.Errorf("Xray: %+v", x)
	}
	if tor := byName["Tor"]; !slices.Contains(tor.Rules, "tor.link.traffic") || !slices.Contains(tor.Rules, "tor.relay-config") ||
		!slices.Contains(tor.IdentifiedBy, signatures.ByTraffic) || !slices.Contains(tor.IdentifiedBy, signatures.ByConfig) {
		t.Errorf("Tor: %+v", tor)
	}
}

// exercised says which ways of identification a must-match example checks, by
// running it through each engine: the file engine's conditions one by one, the host
// engine's packages and processes, the traffic engine.
type exerciser struct {
	files   *file.Engine
	host    *host.Engine
	traffic *traffic.Engine
}

func (x exerciser) ways(r *signatures.Rule, ex *signatures.Example) ([]string, error) {
	var out []string
	if h, by, err := x.files.ExampleConditions(r, ex); err != nil {
		return nil, err
	} else if h {
		for _, b := range by {
			switch b {
			case file.ByPatterns:
				out = append(out, signatures.ByBinary, signatures.ByScript, signatures.ByConfig)
			case file.ByGoModule:
				out = append(out, signatures.ByGoModule)
			case file.ByGoDependency:
				out = append(out, signatures.ByGoDep)
			case file.ByHash:
				out = append(out, signatures.ByHash)
			}
		}
	}
	if len(r.Config) > 0 && ex.Path != "" { // a configuration, judged by its sections
		if h, m, err := x.files.RunExample(r, ex); err != nil {
			return nil, err
		} else if h && m {
			out = append(out, signatures.ByConfig)
		}
	}
	if h, m, err := x.host.RunExample(r, ex); err != nil {
		return nil, err
	} else if h && m {
		out = append(out, map[string]string{"package": signatures.ByPackage, "process": signatures.ByProcess,
			"image": signatures.ByContainer, "definition": signatures.ByContainer}[ex.Kind()])
	}
	if x.traffic != nil {
		if h, m, err := x.traffic.RunExample(r, ex); err == nil && h && m {
			out = append(out, signatures.ByTraffic)
		}
	}
	return out, nil
}

// TestCatalogExercised: every way the catalog says a program is identified is
// checked by a must-match example of a rule naming the program, run through the
// engine that owns it (a Go program's sample checks its module and, separately,
// its patterns).
func TestCatalogExercised(t *testing.T) {
	set := builtinSet(t)
	te, err := traffic.Compile(set)
	if err != nil {
		t.Fatal(err)
	}
	x := exerciser{file.Compile(set), host.Compile(set), te}
	missing := 0
	for _, p := range signatures.Catalog(set) {
		checked := map[string]bool{}
		for _, id := range p.Rules {
			r := set.Rule(id)
			own := signatures.Identification(r)
			for _, ex := range r.Match {
				ways, err := x.ways(r, ex)
				if errors.Is(err, signatures.ErrSampleMissing) {
					missing++
					continue
				}
				if err != nil {
					t.Errorf("%s: %s: %v", id, ex, err)
				}
				for _, w := range ways {
					if slices.Contains(own, w) {
						checked[w] = true
					}
				}
			}
		}
		for _, way := range p.IdentifiedBy {
			if !checked[way] {
				t.Errorf("%s: identified by %s, but no must-match example of %v checks it", p.Name, way, p.Rules)
			}
		}
	}
	if missing > 0 && testenv.InCI() {
		t.Errorf("%d samples not fetched (scripts/fetch-samples.sh)", missing)
	} else if missing > 0 {
		t.Logf("%d samples not fetched: their ways of identification may show as unchecked", missing)
	}
}

// TestSamplePackagesMatchOnlyTheirPrograms scans every file of every Debian package
// the rules fetch as a sample (programs, libraries, documentation, man pages,
// example configurations), each at its path in the package: a file may only match a
// rule of a program that names the package (by name or by a sample from it). The
// packages fetched as must-not-match samples (curl, coreutils...) name none. Each
// Go build matches only rules of its own program.
func TestSamplePackagesMatchOnlyTheirPrograms(t *testing.T) {
	set := builtinSet(t)
	owners := map[string][]string{} // package -> programs
	pkgs := map[string]bool{}
	for _, r := range set.Rules() {
		var names []string
		if p := r.Package; p != nil {
			names = append(append(names, p.Names...), p.Dpkg...)
		}
		for _, ex := range append(slices.Clone(r.Match), r.NoMatch...) {
			if sm, err := signatures.ParseSample(ex.Sample); err == nil && sm.Kind == "deb" {
				pkgs[sm.Package] = true
				if slices.Contains(r.Match, ex) {
					names = append(names, sm.Package)
				}
			}
		}
		for _, n := range names {
			if r.Program != "" && !slices.Contains(owners[n], r.Program) {
				owners[n] = append(owners[n], r.Program)
			}
		}
	}
	fe := file.Compile(set)
	fs1 := fe.NewScanner()
	scanned := 0
	for pkg := range pkgs {
		root := filepath.Join(signatures.SamplesDir(), "deb", pkg)
		if _, err := os.Stat(root); err != nil {
			if testenv.InCI() {
				t.Errorf("sample package %s not fetched", pkg)
			}
			continue
		}
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			res, err := fs1.Scan(f, strings.TrimPrefix(path, root))
			if err != nil {
				return err
			}
			scanned++
			for _, m := range res.Matches {
				if m.Rule.Program == "" || !slices.Contains(owners[pkg], m.Rule.Program) {
					t.Errorf("%s (package %s, programs %v) matches %s (%s): %s", strings.TrimPrefix(path, root), pkg,
						owners[pkg], m.Rule.ID, m.Rule.Program, m.Evidence)
				}
			}
			return nil
		})
		if err != nil {
			t.Errorf("%s: %v", pkg, err)
		}
	}
	// The Go builds: each matches only rules of its own program.
	for _, r := range set.Rules() {
		for _, ex := range r.Match {
			sm, err := signatures.ParseSample(ex.Sample)
			if err != nil || sm.Kind != "go" || r.Program == "" {
				continue
			}
			f, err := os.Open(sm.LocalPath())
			if err != nil {
				if testenv.InCI() {
					t.Errorf("%s: %v", ex.Sample, err)
				}
				continue
			}
			res, err := fs1.Scan(f, sm.Path)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			scanned++
			for _, m := range res.Matches {
				if m.Rule.Program != r.Program {
					t.Errorf("%s (%s) matches %s (%s): %s", ex.Sample, r.Program, m.Rule.ID, m.Rule.Program, m.Evidence)
				}
			}
		}
	}
	if scanned == 0 {
		testenv.Missing(t, "no sample fetched (scripts/fetch-samples.sh)")
	}
}
