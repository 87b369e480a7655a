package layout

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/aupscan/aupscan"

// helpers are packages outside the import line: test helpers and code generators,
// which no shipped package imports (the test checks that too).
var helpers = []string{"internal/testenv", "internal/layout", "signatures/internal/mkbundle", "signatures/internal/mkfragment",
	"scanner/traffic/internal/craft", "scanner/traffic/internal/packettest"}

// importLine reads README.md's one-way import line: "Imports run one way:" followed
// by a code span "a -> b -> c" (cmd/* first), where an import may only point right.
func importLine(t *testing.T, readme string) []string {
	t.Helper()
	m := regexp.MustCompile("(?s)Imports run one way:\\s*`([^`]+)`").FindStringSubmatch(readme)
	if m == nil {
		t.Fatal("README.md: no line \"Imports run one way: `a -> b -> ...`\"")
	}
	var order []string
	for _, p := range strings.Split(m[1], "->") {
		order = append(order, strings.Join(strings.Fields(p), ""))
	}
	return order
}

type pkg struct {
	ImportPath string
	Imports    []string
	Doc        string
	Name       string
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-json", module+"/...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		p.ImportPath = strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// rank places a package on the import line: its position, cmd/* for every command.
func rank(order []string, p string) int {
	if strings.HasPrefix(p, "cmd/") {
		return slices.Index(order, "cmd/*")
	}
	return slices.Index(order, p)
}

// TestImportsRunOneWay fails when a package imports one to its left on README.md's
// import line, or when the line or the architecture section leaves a package out.
func TestImportsRunOneWay(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	order := importLine(t, readme)
	arch := architectureBlock(t, readme)
	for _, p := range listPackages(t) {
		if p.ImportPath == "" {
			continue
		}
		if !arch[strings.TrimSuffix(p.ImportPath, "/")+"/"] && !strings.HasPrefix(p.ImportPath, "cmd/") || strings.HasPrefix(p.ImportPath, "cmd/") && !arch[p.ImportPath+"/"] {
			t.Errorf("README.md's architecture section has no line for %s/", p.ImportPath)
		}
		if p.Doc == "" {
			t.Errorf("%s has no package comment (\"// Package %s ...\", or \"// Command ...\" for a main)", p.ImportPath, p.Name)
		}
		if slices.Contains(helpers, p.ImportPath) {
			continue
		}
		from := rank(order, p.ImportPath)
		if from < 0 {
			t.Errorf("README.md's import line does not name %s", p.ImportPath)
			continue
		}
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			imp = strings.TrimPrefix(imp, module+"/")
			if slices.Contains(helpers, imp) {
				t.Errorf("%s imports %s, a test helper or generator", p.ImportPath, imp)
				continue
			}
			if to := rank(order, imp); to <= from {
				t.Errorf("%s imports %s against the import line (%s)", p.ImportPath, imp, strings.Join(order, " -> "))
			}
		}
	}
}

// architectureBlock returns the folders the README's architecture section lists, the
// first word of each line of its first code block ("scanner/traffic/  ...").
func architectureBlock(t *testing.T, readme string) map[string]bool {
	t.Helper()
	i := strings.Index(readme, "## Architecture")
	if i < 0 {
		t.Fatal("README.md has no \"## Architecture\" section")
	}
	sc := bufio.NewScanner(strings.NewReader(readme[i:]))
	in := false
	dirs := map[string]bool{}
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "```") {
			if in {
				break
			}
			in = true
			continue
		}
		if in && line != "" && line[0] != ' ' {
			dirs[strings.Fields(line)[0]] = true
		}
	}
	return dirs
}
