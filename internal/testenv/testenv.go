// Package testenv decides what a test does when something it needs is missing: on a
// developer's laptop it skips with the reason; in CI (CI=true) it fails, so that a
// missing install step can never pass as a green run.
package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// InCI reports whether the tests run under CI, where every dependency must be present.
func InCI() bool { return os.Getenv("CI") == "true" }

// Missing skips the test with reason, or fails it when running in CI.
func Missing(t testing.TB, reason string) {
	t.Helper()
	if InCI() {
		t.Fatalf("required in CI (CI=true): %s", reason)
	}
	t.Skip(reason)
}

// NeedRoot stops the test unless it runs as root.
func NeedRoot(t testing.TB) {
	t.Helper()
	if os.Geteuid() != 0 {
		Missing(t, "needs root (network namespaces, raw sockets)")
	}
}

// LookPath returns the path of the named program, or stops the test when it is not
// installed (the README's test command installs it).
func LookPath(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if gp := goBin(name); gp != "" {
			return gp
		}
		Missing(t, name+" is not installed (make test installs it)")
	}
	return p
}

// goBin finds a program installed with `go install`, which may not be on PATH.
func goBin(name string) string {
	for _, dir := range []string{os.Getenv("GOBIN"), gopathBin()} {
		if dir == "" {
			continue
		}
		p := dir + "/" + name
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

func gopathBin() string {
	if gp := os.Getenv("GOPATH"); gp != "" {
		return gp + "/bin"
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home + "/go/bin"
	}
	return ""
}
