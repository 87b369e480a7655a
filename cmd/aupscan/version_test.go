package main

import (
	"fmt"
	"testing"

	"github.com/aupscan/aupscan/internal/version"
	"github.com/aupscan/aupscan/signatures"
)

// TestVersionFlag: --version prints this build and the built-in rules' version, and
// exits 0 without a command.
func TestVersionFlag(t *testing.T) {
	set, err := signatures.Load(signatures.Options{})
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := aupscan(t, "--version")
	want := fmt.Sprintf("aupscan %s\nrules %s (built-in, %d rules)\n", version.Get(), set.Version(), set.Len())
	if code != 0 || out != want {
		t.Errorf("--version: exit %d, stdout %q, stderr %q; want 0 and %q", code, out, errOut, want)
	}
}
