package host

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/signatures"
)

const (
	cleanList    = "../../testdata/clean-system/packages.txt"
	cleanCatalog = "../../testdata/clean-system/catalog.txt"
	// cleanSubset is how many of the list's packages make test scans: the rest is
	// scripts/clean-system.sh's, run by hand.
	cleanSubset = 100
)

// readNames reads a list of package names, one a line, # comments left out.
func readNames(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	must(t, err)
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	must(t, sc.Err())
	return out
}

// catalogPackages is every package name a built-in rule names: its package
// conditions (any manager) and the Debian packages of its samples and package
// examples that must match.
func catalogPackages(t *testing.T) []string {
	t.Helper()
	s, err := signatures.Load(signatures.Options{})
	must(t, err)
	var out []string
	for _, r := range s.Rules() {
		if p := r.Package; p != nil {
			out = slices.Concat(out, p.Names, p.Dpkg, p.RPM, p.APK)
		}
		for _, ex := range r.Match {
			if sm, err := signatures.ParseSample(ex.Sample); err == nil && sm.Kind == "deb" {
				out = append(out, sm.Package)
			}
			if _, name, ok := strings.Cut(ex.Package, " "); ok {
				out = append(out, name)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestCleanSystemCatalog keeps testdata/clean-system/catalog.txt (what
// scripts/clean-system-list.sh leaves out) equal to the packages the rules name,
// and the clean-system list free of them: a package of the catalog in it would be
// a finding that is no false positive.
func TestCleanSystemCatalog(t *testing.T) {
	named := catalogPackages(t)
	text := strings.Join(named, "\n") + "\n"
	if *update {
		must(t, os.WriteFile(cleanCatalog, []byte(text), 0o644))
	}
	if b, err := os.ReadFile(cleanCatalog); err != nil || string(b) != text {
		t.Errorf("%s is stale (go test ./scanner/host -run TestCleanSystemCatalog -update, then scripts/clean-system-list.sh)", cleanCatalog)
	}
	list := readNames(t, cleanList)
	if len(list) < 1000 {
		t.Errorf("%s lists %d packages, want at least 1,000", cleanList, len(list))
	}
	for _, p := range list {
		if _, ok := slices.BinarySearch(named, p); ok {
			t.Errorf("%s lists %s, which a rule names (scripts/clean-system-list.sh)", cleanList, p)
		}
	}
}

// cleanCache is where the clean-system packages are kept between runs, shared
// with scripts/clean-system.sh.
func cleanCache() string {
	if d := os.Getenv("AUPSCAN_CLEAN_SYSTEM"); d != "" {
		return d
	}
	return "/var/cache/aupscan/clean-system"
}

// fetchDebs returns the cached .deb of each package, downloading the missing ones
// with apt-get download; it stops the test (a failure in CI) when it cannot.
func fetchDebs(t *testing.T, pkgs []string) []string {
	t.Helper()
	dir := filepath.Join(cleanCache(), "debs")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		testenv.Missing(t, "clean-system cache: "+err.Error())
	}
	find := func(p string) string {
		m, _ := filepath.Glob(filepath.Join(dir, p+"_*.deb"))
		if len(m) == 0 {
			return ""
		}
		return m[len(m)-1]
	}
	var missing []string
	for _, p := range pkgs {
		if find(p) == "" {
			missing = append(missing, p)
		}
	}
	if len(missing) > 0 {
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
		defer cancel()
		aptGet := testenv.LookPath(t, "apt-get")
		cmd := exec.CommandContext(ctx, aptGet, append([]string{"download", "-qq"}, missing...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			// The batch fails whole when one candidate cannot be downloaded (a
			// package this machine has from elsewhere): what is left, at the
			// archive's newest versions, as scripts/clean-system.sh does.
			t.Logf("apt-get download: %v: %s", err, out)
			var left []string
			for _, p := range missing {
				if find(p) == "" {
					left = append(left, p)
				}
			}
			vers := archiveVersions(t, left...)
			for i, p := range left {
				left[i] = p + "=" + vers[p]
			}
			cmd := exec.CommandContext(ctx, aptGet, append([]string{"download", "-qq"}, left...)...)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				testenv.Missing(t, "apt-get download of the clean-system packages failed: "+err.Error()+"\n"+string(out))
			}
		}
	}
	debs := make([]string, len(pkgs))
	for i, p := range pkgs {
		if debs[i] = find(p); debs[i] == "" {
			t.Fatalf("%s: no .deb in %s after apt-get download", p, dir)
		}
	}
	return debs
}

// archiveVersions gives each package's newest version that a Debian archive index
// offers (apt-cache madison, which lists the newest first).
func archiveVersions(t *testing.T, pkgs ...string) map[string]string {
	out, _ := exec.Command(testenv.LookPath(t, "apt-cache"), append([]string{"madison"}, pkgs...)...).Output()
	vers := map[string]string{}
	for _, l := range strings.Split(string(out), "\n") {
		f := strings.Split(l, "|")
		if len(f) != 3 || !strings.HasSuffix(strings.TrimSpace(f[2]), "Packages") {
			continue
		}
		if p := strings.TrimSpace(f[0]); vers[p] == "" {
			vers[p] = strings.TrimSpace(f[1])
		}
	}
	return vers
}

// TestCleanSystem is the clean-system measurement's first 100 packages (the most
// installed, outside the catalog: Debian's required, important and standard
// programs and their configuration), unpacked into one tree, never installed, and
// scanned as a VM root and whole: every finding is a false positive.
func TestCleanSystem(t *testing.T) {
	pkgs := readNames(t, cleanList)[:cleanSubset]
	debs := fetchDebs(t, pkgs)
	tree := t.TempDir()
	dpkgDeb := testenv.LookPath(t, "dpkg-deb")
	for _, d := range debs {
		if out, err := exec.Command(dpkgDeb, "-x", d, tree).CombinedOutput(); err != nil {
			t.Fatalf("dpkg-deb -x %s: %v\n%s", d, err, out)
		}
	}
	eng := builtinEngine(t)
	// As `aupscan host --root TREE` (the walked folders, /etc, what units and
	// crontabs start), then every file of the tree (libraries, /usr/share).
	for _, paths := range [][]string{nil, {"/"}} {
		var got []scanner.Finding
		res, err := Scan(t.Context(), eng, Options{Root: tree, Paths: paths, Host: "clean"}, func(f scanner.Finding) { got = append(got, f) })
		must(t, err)
		for _, f := range got {
			t.Errorf("paths %v: false positive %s (%s) on %s: %s", paths, f.Rule, f.Kind, f.Subject, f.Evidence)
		}
		t.Logf("paths %v: %d files, %d MiB, %d skipped, %d findings", paths, res.Summary.Files, res.Summary.Bytes>>20, len(res.Summary.Skipped), len(got))
		if res.Summary.Files < 500 {
			t.Errorf("paths %v: read %d files of %d packages", paths, res.Summary.Files, len(pkgs))
		}
	}
}
