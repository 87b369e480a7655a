package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/internal/version"
	"github.com/aupscan/aupscan/signatures"
)

// TestVersionFlag: --version prints this build and the built-in rules' version, and
// needs no --config.
func TestVersionFlag(t *testing.T) {
	set, err := signatures.Load(signatures.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	prev := stdout
	stdout = &out
	t.Cleanup(func() { stdout = prev })
	code := run([]string{"--version"}, &errOut)
	want := "aupscand " + version.Get().String() + "\nrules " + set.Version() + " (built-in, " + strconv.Itoa(set.Len()) + " rules)\n"
	if code != 0 || out.String() != want {
		t.Errorf("--version: exit %d, stdout %q, stderr %q; want 0 and %q", code, out.String(), errOut.String(), want)
	}
}

// TestVersionStamped builds aupscand as scripts/release.sh does, with the version,
// commit and date given to the linker, and runs the binary's --version: the stamp is
// what it prints.
func TestVersionStamped(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := filepath.Join(t.TempDir(), "aupscand")
	const pkg = "github.com/aupscan/aupscan/internal/version"
	ldflags := "-X " + pkg + ".version=9.8.7 -X " + pkg + ".commit=0123456789abcdef0123456789abcdef01234567 -X " + pkg + ".date=2026-12-03T04:05:06Z"
	if out, err := exec.Command("go", "build", "-ldflags", ldflags, "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("%s --version: %v", bin, err)
	}
	first, rest, _ := strings.Cut(string(out), "\n")
	if want := "aupscand 9.8.7 (commit 0123456789ab, built 2026-12-03T04:05:06Z, go"; !strings.HasPrefix(first, want) {
		t.Errorf("first line %q, want it to start %q", first, want)
	}
	if !regexp.MustCompile(`^rules [0-9a-f]{16} \(built-in, \d+ rules\)\n$`).MatchString(rest) {
		t.Errorf("second line %q, want the built-in rules' version", rest)
	}
}
