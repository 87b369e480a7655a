package main

import (
	"bytes"
	"flag"
	"fmt"
	"github.com/aupscan/aupscan/internal/testenv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// aupscan runs the CLI in-process and returns its exit code and outputs.
func aupscan(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
	}
}

func TestRulesCheck(t *testing.T) {
	invalid := "../../testdata/rules/invalid/"
	tests := []struct {
		name string
		args []string
		code int
		want []string // substrings of stdout+stderr
	}{
		{"built-in rules", []string{"rules", "check"}, 0, []string{"0 errors"}},
		{"operator folder", []string{"rules", "check", "../../testdata/rules/valid/operator"}, 0,
			[]string{"0 errors, 1 warnings", "the slow way"}},
		{"syntax error names file and line", []string{"rules", "check", invalid + "syntax"}, 2,
			[]string{"invalid/syntax/rules.toml:3: strings cannot contain newlines"}},
		{"unknown category names the rule", []string{"rules", "check", invalid + "unknown-category"}, 2,
			[]string{`rule "x.category": key "category": unknown category "vpns"`}},
		{"unknown key names file and key", []string{"rules", "check", invalid + "unknown-key"}, 2,
			[]string{`invalid/unknown-key/rules.toml:8: key "rule.package.name": unknown key`}},
		{"failing example", []string{"rules", "check", invalid + "failing-examples"}, 2,
			[]string{`does not match, but must`, "2 errors"}},
		{"missing folder", []string{"rules", "check", "no/such/dir"}, 2, []string{"no/such/dir: rule folder"}},
		{"bad usage", []string{"rules", "frobnicate"}, 2, []string{"unexpected argument frobnicate"}},
		{"help", []string{"--help"}, 0, []string{"Usage: aupscan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := aupscan(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out+errOut, w) {
					t.Errorf("output lacks %q\nstdout:\n%s\nstderr:\n%s", w, out, errOut)
				}
			}
		})
	}
}

func TestRulesListGolden(t *testing.T) {
	code, out, errOut := aupscan(t, "rules", "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden(t, "rules-list.txt", out)
	code, out, _ = aupscan(t, "--format", "json", "rules", "list")
	if code != 0 || !strings.Contains(out, `"id":"malware.eicar"`) {
		t.Errorf("json list: exit %d\n%s", code, out)
	}
}

func TestRulesShow(t *testing.T) {
	code, out, _ := aupscan(t, "rules", "show", "tor.relay-config")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	golden(t, "rules-show-tor.txt", out)
	if code, _, errOut := aupscan(t, "rules", "show", "no.such.rule"); code != 2 || !strings.Contains(errOut, "no active rule") {
		t.Errorf("unknown id: exit %d, %s", code, errOut)
	}
}

// TestReadmeGuideExample keeps the README's worked example equal to the rule file the
// tests check, so the guide never shows a rule that does not load.
func TestReadmeGuideExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok1 := strings.Cut(string(readme), "<!-- guide-example:start -->\n```toml\n")
	block, _, ok2 := strings.Cut(rest, "```\n<!-- guide-example:end -->")
	if !ok1 || !ok2 {
		t.Fatal("README.md lacks the guide-example markers")
	}
	file, err := os.ReadFile("../../testdata/rules/valid/guide/socks-relay.toml")
	if err != nil {
		t.Fatal(err)
	}
	if block != string(file) {
		t.Error("README.md's worked example differs from testdata/rules/valid/guide/socks-relay.toml")
	}
	if code, out, errOut := aupscan(t, "rules", "check", "../../testdata/rules/valid/guide"); code != 0 || out != "" {
		t.Errorf("guide example: exit %d\n%s%s", code, out, errOut)
	}
}

// TestBuiltinRulesAllExamplesRun checks that every example of the built-in rules runs
// in some engine of this binary, samples included: in CI (where make test fetched the
// samples) not even a warning is allowed.
func TestBuiltinRulesAllExamplesRun(t *testing.T) {
	code, out, errOut := aupscan(t, "rules", "check")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		if testenv.InCI() || !strings.Contains(line, "sample not fetched") {
			t.Errorf("rules check: %s", line)
		}
	}
}

// TestFilesCache scans a folder twice with --cache: the second scan reads nothing and
// reports the same findings.
func TestFilesCache(t *testing.T) {
	dir := t.TempDir()
	eicar := `X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`
	for i, body := range []string{eicar, "plain text", "more plain text"} {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%d", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A file changed within the cache's racy window (2 s) is read again, since a
	// second write in the same clock tick would not show: let them age past it.
	time.Sleep(2100 * time.Millisecond)
	cache := filepath.Join(t.TempDir(), "cache.db")
	code1, out1, _ := aupscan(t, "files", "--cache", cache, dir)
	code2, out2, errOut := aupscan(t, "files", "--cache", cache, dir)
	if code1 != 1 || code2 != 1 || out1 != out2 {
		t.Errorf("exit %d then %d; outputs differ:\n%s\n%s", code1, code2, out1, out2)
	}
	if !strings.Contains(errOut, "0 files read (0.0 MiB), 3 unchanged") {
		t.Errorf("second scan read files:\n%s", errOut)
	}
}

// TestRulesCheckUnfetchedSamples: with no sample fetched, a folder's check shows the
// folder's own problem first and foremost, and the built-in examples that could not
// run as one line; --missing-samples lists them.
func TestRulesCheckUnfetchedSamples(t *testing.T) {
	t.Setenv("AUPSCAN_SAMPLES", t.TempDir())
	code, out, errOut := aupscan(t, "rules", "check", "../../testdata/rules/valid/operator")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "the slow way") ||
		!strings.Contains(lines[1], "examples of built-in rules name real-program samples not fetched") {
		t.Errorf("want the folder's warning, then one line for the samples:\n%s", out)
	}
	_, all, _ := aupscan(t, "rules", "check", "--missing-samples", "../../testdata/rules/valid/operator")
	if n := strings.Count(all, "sample not fetched on this machine"); n < 2 {
		t.Errorf("--missing-samples lists %d examples:\n%s", n, all)
	}
}
