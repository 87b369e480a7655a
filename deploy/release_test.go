package deploy

import (
	"archive/tar"
	"compress/gzip"
	"debug/elf"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/aupscan/aupscan/internal/testenv"
)

// releases caches what scripts/release.sh built, by version, for the package's tests:
// the release test and the .deb test share the first build.
var releases struct {
	sync.Mutex
	dir   string
	dists map[string]string
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "aupscan-release-")
	if err != nil {
		panic(err)
	}
	releases.dir, releases.dists = dir, map[string]string{}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// releaseBuild runs scripts/release.sh for version and this machine's architecture
// (once: the tests share it) and returns its DIST folder, whose SHA256SUMS it has
// checked. The other architecture is left out: the script's loop is the same for it,
// and its first build compiles every dependency again (about ten minutes on a loaded
// two-core machine), which `make test` on a fresh machine cannot spare.
func releaseBuild(t *testing.T, version string) string {
	t.Helper()
	releases.Lock()
	defer releases.Unlock()
	if d, ok := releases.dists[version]; ok {
		return d
	}
	arches := runtime.GOARCH
	dist := filepath.Join(releases.dir, version)
	c := command("./scripts/release.sh")
	c.Dir = repoRoot(t)
	c.Env = append(c.Env, "VERSION="+version, "ARCHES="+arches, "DIST="+dist, "NFPM="+testenv.LookPath(t, "nfpm"))
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("scripts/release.sh %s: %v\n%s", version, err, out)
	}
	check := command("sha256sum", "--check", "--strict", "SHA256SUMS")
	check.Dir = dist
	out, err := check.CombinedOutput()
	if err != nil {
		t.Fatalf("sha256sum --check: %v\n%s", err, out)
	}
	for _, a := range strings.Fields(arches) {
		for _, f := range []string{"aupscan_" + version + "_" + a + ".deb", "aupscan_" + version + "_linux_" + a + ".tar.gz"} {
			if !strings.Contains(string(out), f+": OK") {
				t.Fatalf("SHA256SUMS does not cover %s:\n%s", f, out)
			}
		}
	}
	releases.dists[version] = dist
	return dist
}

// TestRelease runs `make release`'s script for this machine's architecture and opens
// what it made: the tarball holds both programs as static executables of that
// architecture (no interpreter, no shared libraries), stamped with the version, and
// the man pages, completions, unit and configuration; SHA256SUMS covers the package
// and the tarball.
func TestRelease(t *testing.T) {
	testenv.LookPath(t, "nfpm")
	testenv.LookPath(t, "sha256sum")
	dist := releaseBuild(t, "1.0.0")
	machines := map[string]elf.Machine{"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64}
	for _, arch := range []string{runtime.GOARCH} {
		files := untar(t, filepath.Join(dist, "aupscan_1.0.0_linux_"+arch+".tar.gz"))
		prefix := "aupscan_1.0.0_linux_" + arch + "/"
		for _, name := range []string{"aupscan.1.gz", "aupscand.8.gz", "aupscan.bash", "aupscan.zsh", "aupscan.fish",
			"aupscand.bash", "aupscand.service", "aupscand.toml", "README.md", "LICENSE"} {
			if _, ok := files[prefix+name]; !ok {
				t.Errorf("%s: no %s", arch, name)
			}
		}
		if !strings.Contains(string(files[prefix+"aupscand.service"]), "ExecStart=/usr/local/bin/aupscand ") {
			t.Errorf("%s: the tarball's unit is not the source install's (/usr/local/bin)", arch)
		}
		for _, prog := range []string{"aupscan", "aupscand"} {
			bin, ok := files[prefix+prog]
			if !ok {
				t.Errorf("%s: no %s", arch, prog)
				continue
			}
			f, err := elf.NewFile(strings.NewReader(string(bin)))
			if err != nil {
				t.Errorf("%s/%s: %v", arch, prog, err)
				continue
			}
			if f.Machine != machines[arch] {
				t.Errorf("%s/%s: machine %v", arch, prog, f.Machine)
			}
			for _, p := range f.Progs {
				if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
					t.Errorf("%s/%s: not static (%v)", arch, prog, p.Type)
				}
			}
			if !strings.Contains(string(bin), "1.0.0") {
				t.Errorf("%s/%s: the version is not stamped in", arch, prog)
			}
		}
	}
}

// untar reads a .tar.gz into memory: path -> contents.
func untar(t *testing.T, path string) map[string][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	out := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if h.Typeflag == tar.TypeReg {
			b, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			out[h.Name] = b
		}
	}
}
