package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestDocs: the hidden --man and --completion print what the package ships, made from
// this command tree: every command is in them, and the flags that print them are not.
func TestDocs(t *testing.T) {
	code, man, _ := aupscan(t, "--man")
	if code != 0 || !strings.HasPrefix(man, ".TH AUPSCAN 1 ") {
		t.Fatalf("--man: exit %d, %.80q", code, man)
	}
	for _, want := range []string{`aupscan cases exempt`, "--archive-max-ratio", "EXIT STATUS"} {
		if !strings.Contains(man, want) {
			t.Errorf("the man page lacks %q", want)
		}
	}
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, s, errOut := aupscan(t, "--completion", shell)
		if code != 0 || !strings.Contains(s, "cases list") || !strings.Contains(s, "'list show approve appeal resume resolve reinstate confirm export exempt repair'") {
			t.Errorf("--completion %s: exit %d, stderr %q, script lacks the cases commands", shell, code, errOut)
		}
		if regexp.MustCompile(`--(man|completion)\b`).MatchString(s) {
			t.Errorf("--completion %s offers the hidden flags", shell)
		}
	}
	if code, _, errOut := aupscan(t, "--completion", "tcsh"); code != 2 || !strings.Contains(errOut, `"tcsh"`) {
		t.Errorf("--completion tcsh: exit %d, stderr %q; want 2 naming the shell", code, errOut)
	}
}
