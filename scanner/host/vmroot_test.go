package host

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/signatures"
)

// sample returns the local path of a fetched rule sample (a real program from a
// Debian package), or stops the test: it fails in CI, where make test fetches them.
func sample(t *testing.T, spec string) string {
	t.Helper()
	sm, err := signatures.ParseSample(spec)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(sm.LocalPath()); errors.Is(err, os.ErrNotExist) {
		testenv.Missing(t, "sample "+spec+" not fetched (scripts/fetch-samples.sh)")
	}
	return sm.LocalPath()
}

// copyFile copies a file into the VM root at rel, making its folders.
func copyFile(t *testing.T, root, rel, from string) {
	t.Helper()
	dst := filepath.Join(root, rel)
	must(t, os.MkdirAll(filepath.Dir(dst), 0o755))
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	must(t, out.Close())
}

// found is the part of a finding the VM root tests compare exactly.
type found struct {
	Rule, Kind, Subject, Container, Role string
}

// scanRoot runs a whole host scan of a VM root and returns its findings, sorted,
// and the summary.
func scanRoot(t *testing.T, root string, paths []string) ([]scanner.Finding, Result) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var out []scanner.Finding
	res, err := Scan(ctx, builtinEngine(t), Options{Root: root, Paths: paths, Host: "vm-1"}, func(f scanner.Finding) { out = append(out, f) })
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(out, func(a, b scanner.Finding) int {
		return strings.Compare(a.Container+a.Subject+a.Rule, b.Container+b.Subject+b.Rule)
	})
	return out, res
}

func summarise(fs []scanner.Finding) []found {
	out := make([]found, len(fs))
	for i, f := range fs {
		out[i] = found{f.Rule, f.Kind, f.Subject, f.Container, f.Role}
	}
	return out
}
