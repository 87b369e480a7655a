package signatures

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// ErrSampleMissing says a rule's real-program sample has not been fetched on this
// machine: `rules check` warns instead of failing, and CI (which fetches every sample)
// fails on it in a test of its own.
var ErrSampleMissing = errors.New("sample not fetched on this machine (scripts/fetch-samples.sh fetches it)")

// Sample is a real program a rule's example names: a file from a Debian package, or a
// Go program built from the Go module proxy. Samples are fetched by the test command,
// not shipped: they are large, and not ours to redistribute.
type Sample struct {
	Kind    string // "deb" or "go"
	Package string // deb: the package name; go: the package path to build
	Version string // go: the module version
	Path    string // deb: the file's path in the package; go: "/" + the binary's name
}

// ParseSample reads "deb:PACKAGE:/path/in/package" or "go:PKGPATH@VERSION".
func ParseSample(s string) (Sample, error) {
	kind, rest, _ := strings.Cut(s, ":")
	switch kind {
	case "deb":
		pkg, p, ok := strings.Cut(rest, ":")
		if !ok || pkg == "" || !strings.HasPrefix(p, "/") {
			return Sample{}, fmt.Errorf("sample %q: want deb:PACKAGE:/path/in/package", s)
		}
		return Sample{Kind: kind, Package: pkg, Path: path.Clean(p)}, nil
	case "go":
		pkg, ver, ok := strings.Cut(rest, "@")
		if !ok || pkg == "" || ver == "" {
			return Sample{}, fmt.Errorf("sample %q: want go:PACKAGE/PATH@VERSION", s)
		}
		return Sample{Kind: kind, Package: pkg, Version: ver, Path: "/" + path.Base(pkg)}, nil
	}
	return Sample{}, fmt.Errorf("sample %q: want deb:PACKAGE:/path or go:PACKAGE@VERSION", s)
}

// SamplesDir is where fetched samples live: $AUPSCAN_SAMPLES, or
// /var/cache/aupscan/samples.
func SamplesDir() string {
	if d := os.Getenv("AUPSCAN_SAMPLES"); d != "" {
		return d
	}
	return "/var/cache/aupscan/samples"
}

// LocalPath is where the sample sits once fetched: deb/PACKAGE/<path> (the package
// unpacked with dpkg-deb -x), or go/<package path>@VERSION/<binary>.
func (s Sample) LocalPath() string {
	if s.Kind == "deb" {
		return filepath.Join(SamplesDir(), "deb", s.Package, s.Path)
	}
	return filepath.Join(SamplesDir(), "go", s.Package+"@"+s.Version, path.Base(s.Package))
}

// Read returns the sample's bytes, or an error wrapping ErrSampleMissing.
func (s Sample) Read() ([]byte, error) {
	b, err := os.ReadFile(s.LocalPath())
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", s.LocalPath(), ErrSampleMissing)
	}
	return b, err
}

// FetchLine is the line scripts/fetch-samples.sh reads: "deb PACKAGE" or
// "go PACKAGE@VERSION".
func (s Sample) FetchLine() string {
	if s.Kind == "deb" {
		return "deb " + s.Package
	}
	return "go " + s.Package + "@" + s.Version
}
