package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The test binary runs as the CLI itself when AUPSCAN_AS_CLI is set: how a test runs
// aupscan as another user.
func init() {
	if os.Getenv("AUPSCAN_AS_CLI") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
}

// asNobody runs the CLI as the user nobody (through setpriv, when the test runs as
// root) and returns its exit code and stderr. The test binary is copied where that
// user may run it.
func asNobody(t *testing.T, args ...string) (int, string) {
	t.Helper()
	if os.Getuid() != 0 {
		code, _, errOut := aupscan(t, args...)
		return code, errOut
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Fatal("setpriv (util-linux) is needed to run aupscan as another user:", err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(openDir(t), "aupscan")
	copyFile(t, self, bin, 0o755)
	cmd := exec.Command(setpriv, append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", bin}, args...)...)
	cmd.Env = append(os.Environ(), "AUPSCAN_AS_CLI=1", "HOME=/")
	var errb strings.Builder
	cmd.Stderr = &errb
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), errb.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, errb.String()
}

// openDir is a temporary folder every user may enter and read.
func openDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "aupscan-open-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestFilesUnreadableArgument: a file named on the command line that cannot be read
// is an input not read at all: exit 2, its name and why on stderr; the readable one
// beside it is still scanned.
func TestFilesUnreadableArgument(t *testing.T) {
	dir := openDir(t)
	secret, plain := filepath.Join(dir, "secret.conf"), filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(secret, []byte("ORPort 9001\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plain, []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, errOut := asNobody(t, "files", secret, plain)
	if code != exitError || !strings.Contains(errOut, secret+": permission denied") || !strings.Contains(errOut, "scanned 1 files") {
		t.Errorf("exit %d, want 2 naming %s and scanning the other file:\n%s", code, secret, errOut)
	}
}

// TestSizeFlagsTakeUnits: size flags read the units the configuration writes, and a
// bad one is refused naming the flag.
func TestSizeFlagsTakeUnits(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "big.bin"), make([]byte, 3<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := aupscan(t, "files", "--max-size", "2KiB", "--rate", "64MiB", "--archive-max-total", "1GiB", dir)
	if code != exitClean || !strings.Contains(errOut, "skipped 1: too large") {
		t.Errorf("--max-size 2KiB: exit %d, want the 3 KiB file skipped:\n%s", code, errOut)
	}
	code, _, errOut = aupscan(t, "files", "--max-size", "4096", dir)
	if code != exitClean || !strings.Contains(errOut, "scanned 1 files") {
		t.Errorf("--max-size 4096 (bytes): exit %d:\n%s", code, errOut)
	}
	code, _, errOut = aupscan(t, "files", "--rate", "fast", dir)
	if code != exitError || !strings.Contains(errOut, "--rate") || !strings.Contains(errOut, `bad size "fast"`) {
		t.Errorf("--rate fast: exit %d, want 2 naming the flag:\n%s", code, errOut)
	}
}
