package file

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/signatures"
)

// coreModule is the circumvention core the test programs are built on: small, so the
// build takes seconds, and one of proxy.go-core's dependencies.
const coreModule = "github.com/shadowsocks/go-shadowsocks2"

// buildOnCore builds a small Go program that depends on coreModule, stripped and
// without paths as the hard cases are, and returns the binary's path. The go
// command's build cache keeps later runs short.
func buildOnCore(t *testing.T, name, mainGo string) string {
	t.Helper()
	goBin := testenv.LookPath(t, "go")
	dir := t.TempDir()
	for file, text := range map[string]string{
		"go.mod":  "module example.net/" + name + "\n\ngo 1.22\n\nrequire " + coreModule + " v0.1.5\n",
		"main.go": mainGo,
	} {
		if err := os.WriteFile(filepath.Join(dir, file), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, name)
	cmd := exec.Command(goBin, "build", "-trimpath", "-ldflags=-s -w", "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		testenv.Missing(t, "cannot build a program on "+coreModule+" (the Go module proxy is needed once): "+err.Error()+"\n"+string(b))
	}
	return out
}

// A relay of its own on go-shadowsocks2's SOCKS address code: no rule names it.
const unknownMain = `package main

import (
	"fmt"
	"os"

	"github.com/shadowsocks/go-shadowsocks2/socks"
)

func main() {
	addr := socks.ParseAddr(os.Args[len(os.Args)-1])
	fmt.Println("relay to", addr)
}
`

// The same, with a banner a test rule names.
const namedMain = `package main

import (
	"fmt"
	"os"

	"github.com/shadowsocks/go-shadowsocks2/socks"
)

func main() {
	addr := socks.ParseAddr(os.Args[len(os.Args)-1])
	fmt.Println("named-relay-7c1f starting, relay to", addr)
}
`

const fallbackRules = `
[[rule]]
id = "t.core"
name = "built on a core"
category = "proxy"
severity = "medium"
description = "d"
[rule.file]
go_dependencies = ["` + coreModule + `"]
fallback = true

[[rule]]
id = "t.named"
name = "named relay"
category = "proxy"
severity = "high"
description = "d"
[rule.file]
type = "elf"
patterns = [{ text = "named-relay-7c1f starting" }]
`

func scanFile(t *testing.T, e *Engine, path string) Result {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := e.NewScanner().Scan(f, "/usr/local/bin/"+filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func ruleIDs(ms []Match) []string {
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.Rule.ID)
	}
	return ids
}

// TestFallback: a fallback rule matches a program built on a core that no other rule
// names, and gives way to a rule that names the program, in a scan, in its cached
// content and in CombineMatches, so a rescan from the cache says the same.
func TestFallback(t *testing.T) {
	unknown := buildOnCore(t, "relay", unknownMain)
	named := buildOnCore(t, "named-relay", namedMain)
	e := Compile(loadTOML(t, fallbackRules))

	res := scanFile(t, e, unknown)
	if got := ruleIDs(res.Matches); !slices.Equal(got, []string{"t.core"}) {
		t.Errorf("program on the core: matches %v, want [t.core]", got)
	} else if ev := res.Matches[0].Evidence; !strings.Contains(ev, "depends on module "+coreModule) {
		t.Errorf("evidence %q does not name the dependency", ev)
	}

	res = scanFile(t, e, named)
	if got := ruleIDs(res.Matches); !slices.Equal(got, []string{"t.named"}) {
		t.Errorf("named program: matches %v, want [t.named] (the fallback gives way)", got)
	}
	if got := ruleIDs(res.Content); !slices.Equal(got, []string{"t.named"}) {
		t.Errorf("named program: content matches %v, want [t.named]", got)
	}
	// A cache that kept the fallback's content match (made before the named rule
	// existed) and finds the named rule by hash gives way the same.
	fallback, ok := e.ContentMatch("t.core", "cached")
	hashed, ok2 := e.ContentMatch("t.named", "hash")
	if !ok || !ok2 {
		t.Fatal("ContentMatch finds no rule")
	}
	if got := ruleIDs(e.CombineMatches([]Match{hashed}, []Match{fallback})); !slices.Equal(got, []string{"t.named"}) {
		t.Errorf("CombineMatches: %v, want [t.named]", got)
	}
	if got := ruleIDs(e.CombineMatches(nil, []Match{fallback})); !slices.Equal(got, []string{"t.core"}) {
		t.Errorf("CombineMatches of the fallback alone: %v, want [t.core]", got)
	}
}

// TestFallbackBuiltin: with the built-in rules, a program of its own built on a
// circumvention core is proxy.go-core, and nothing else.
func TestFallbackBuiltin(t *testing.T) {
	unknown := buildOnCore(t, "relay", unknownMain)
	s, err := signatures.Load(signatures.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := scanFile(t, Compile(s), unknown)
	if got := ruleIDs(res.Matches); !slices.Equal(got, []string{"proxy.go-core"}) {
		t.Errorf("matches %v, want [proxy.go-core]", got)
	}
}
