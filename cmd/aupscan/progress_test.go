package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"

	"github.com/aupscan/aupscan/scanner/host"
)

// progressTree is a folder of a few files to scan, one of them a finding.
func progressTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"deep/folder/a.txt":     strings.Repeat("a", 3000),
		"deep/folder/b.txt":     "plain text",
		"deep/folder/tor/torrc": "ORPort 9001\nNickname relay\nContactInfo x@example.org\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// onTerminal runs the CLI with stderr on a pseudo-terminal and returns the exit
// code, stdout, and everything drawn on the terminal.
func onTerminal(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	drawn := make(chan string)
	go func() {
		var b bytes.Buffer
		_, err := io.Copy(&b, ptmx) // ends with EIO once the terminal side is closed
		if err != nil && !errors.Is(err, os.ErrClosed) && !strings.Contains(err.Error(), "input/output error") {
			t.Errorf("reading the terminal: %v", err)
		}
		drawn <- b.String()
	}()
	var out bytes.Buffer
	code := run(args, &out, tty)
	tty.Close()
	return code, out.String(), <-drawn
}

// TestProgressOnTerminal: on a terminal, files draws its progress (files of the
// total, the folder being read, bytes and the bar's end) before the summary.
func TestProgressOnTerminal(t *testing.T) {
	dir := progressTree(t)
	code, out, drawn := onTerminal(t, "files", dir)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1; stdout:\n%s\nterminal:\n%q", code, out, drawn)
	}
	for _, want := range []string{"\r", "3/3 files in ", "/deep/folder", "100%", "/3.0 KiB", "/s)", "scanned 3 files"} {
		if !strings.Contains(drawn, want) {
			t.Errorf("the terminal does not show %q:\n%q", want, drawn)
		}
	}
	if i, j := strings.LastIndex(drawn, "100%"), strings.Index(drawn, "scanned 3 files"); i > j {
		t.Errorf("the summary is drawn over by the progress:\n%q", drawn)
	}
	if !strings.Contains(out, "tor.") {
		t.Errorf("stdout lacks the finding:\n%s", out)
	}
}

// TestProgressQuiet: --quiet on a terminal, and stderr on a pipe, draw no progress;
// the summary is there.
func TestProgressQuiet(t *testing.T) {
	dir := progressTree(t)
	_, _, drawn := onTerminal(t, "files", "--quiet", dir)
	_, _, piped := aupscan(t, "files", dir)
	for name, got := range map[string]string{"--quiet": drawn, "pipe": piped} {
		if strings.Contains(got, "%") || strings.Contains(got, "\r\r") || strings.Contains(got, "files in ") {
			t.Errorf("%s: progress drawn:\n%q", name, got)
		}
		if !strings.Contains(got, "scanned 3 files") {
			t.Errorf("%s: no summary:\n%q", name, got)
		}
	}
}

func TestProgressLabel(t *testing.T) {
	long := "/srv/" + strings.Repeat("x", 60) + "/bin"
	for _, tt := range []struct {
		s    host.ProgressState
		want string
	}{
		{host.ProgressState{Files: 5, TotalFiles: 9}, "5 files"}, // the walk goes on: no total yet
		{host.ProgressState{Files: 5, TotalFiles: 9, Walked: true, Folder: "/usr/bin"}, "5/9 files in /usr/bin"},
		{host.ProgressState{Files: 1, Folder: long}, "1 files in …" + long[len(long)-47:]},
		{host.ProgressState{Files: 1, Folder: "/tmp/a\nb"}, "1 files in /tmp/a?b"},
	} {
		if got := progressLabel(tt.s); got != tt.want {
			t.Errorf("progressLabel(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
