package archive

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/signatures"
)

// recorder is a Visitor that keeps what a Walk found.
type recorder struct {
	files    map[string]fileSeen // by member path
	archives map[string]signatures.Digests
	skips    []string // "path: reason"
	read     int64    // bytes the visitor read from members
}

type fileSeen struct {
	name   string
	sha256 string
	size   int64
	at     bool
}

func newRecorder() *recorder {
	return &recorder{files: map[string]fileSeen{}, archives: map[string]signatures.Digests{}}
}

func (r *recorder) File(m *Member) error {
	h := sha256.New()
	n, err := io.Copy(h, m.R)
	r.read += n
	if err != nil {
		return err
	}
	r.files[m.Path] = fileSeen{name: m.Name, sha256: fmt.Sprintf("%x", h.Sum(nil)), size: n, at: m.At != nil}
	return nil
}

func (r *recorder) Archive(p string, size int64, d signatures.Digests) { r.archives[p] = d }

func (r *recorder) Skip(p, reason string) { r.skips = append(r.skips, p+": "+reason) }

func (r *recorder) skipped(p, reason string) bool {
	return slices.Contains(r.skips, p+": "+reason)
}

// walkFile walks a file on disk with o.
func walkFile(t *testing.T, p string, o Options) (*recorder, bool) {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	r := newRecorder()
	ok, err := Walk(f, fi.Size(), p, o, r)
	if err != nil {
		t.Fatalf("walk %s: %v", p, err)
	}
	return r, ok
}

// sample is a real program from a Debian package, fetched by
// scripts/fetch-samples.sh.
func sample(t *testing.T, spec string) string {
	t.Helper()
	s, err := signatures.ParseSample(spec)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.LocalPath()); err != nil {
		testenv.Missing(t, fmt.Sprintf("sample %s: %v (scripts/fetch-samples.sh fetches it)", spec, err))
	}
	return s.LocalPath()
}

func sha256File(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

func run(t *testing.T, dir string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(testenv.LookPath(t, name), args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, mode); err != nil {
		t.Fatal(err)
	}
}

// TestRealArchives packs a real program (shadowsocks-libev's ss-server from its
// Debian package) with the real tools into every format and finds it inside, byte
// for byte, under the member path findings will name.
func TestRealArchives(t *testing.T) {
	ss := sample(t, "deb:shadowsocks-libev:/usr/bin/ss-server")
	want := sha256File(t, ss)
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	copyFile(t, ss, filepath.Join(src, "bin", "ss-server"), 0o755)
	copyFile(t, "walker.go", filepath.Join(src, "doc", "readme.txt"), 0o644)
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		make   func(t *testing.T, to string)
		member string // the member path after the file's own
	}{
		{"a.zip", func(t *testing.T, to string) { run(t, src, "zip", "-qr", to, "bin", "doc") }, "bin/ss-server"},
		{"a.tar", func(t *testing.T, to string) { run(t, src, "tar", "-cf", to, "bin", "doc") }, "bin/ss-server"},
		{"a.tar.gz", func(t *testing.T, to string) { run(t, src, "tar", "-czf", to, "bin", "doc") }, "bin/ss-server"},
		{"a.tar.bz2", func(t *testing.T, to string) { run(t, src, "tar", "-cjf", to, "bin", "doc") }, "bin/ss-server"},
		{"a.tar.xz", func(t *testing.T, to string) { run(t, src, "tar", "-cJf", to, "bin", "doc") }, "bin/ss-server"},
		{"a.tar.zst", func(t *testing.T, to string) { run(t, src, "tar", "--zstd", "-cf", to, "bin", "doc") }, "bin/ss-server"},
		{"a.7z", func(t *testing.T, to string) { run(t, src, "7zz", "a", "-bd", to, "bin", "doc") }, "bin/ss-server"},
		{"a-plainheader.7z", func(t *testing.T, to string) { run(t, src, "7zz", "a", "-bd", "-mhc=off", to, "bin", "doc") }, "bin/ss-server"},
		{"ss-server.xz", func(t *testing.T, to string) {
			run(t, src, "sh", "-c", "xz -c bin/ss-server > "+to)
		}, "ss-server"},
		{"ss-server.zst", func(t *testing.T, to string) { run(t, src, "zstd", "-q", "-o", to, "bin/ss-server") }, "ss-server"},
		{"ss-server.gz", func(t *testing.T, to string) { run(t, src, "sh", "-c", "gzip -c bin/ss-server > "+to) }, "ss-server"},
		{"gzexe-tool", func(t *testing.T, to string) {
			copyFile(t, ss, to, 0o755)
			run(t, out, "gzexe", to)
		}, "gzexe-tool"},
		{"inst-gz.run", func(t *testing.T, to string) { run(t, dir, "makeself", "--quiet", src, to, "label", "./bin/ss-server") }, "bin/ss-server"},
		{"inst-xz.run", func(t *testing.T, to string) {
			run(t, dir, "makeself", "--quiet", "--xz", src, to, "label", "./bin/ss-server")
		}, "bin/ss-server"},
		{"inst-bz2.run", func(t *testing.T, to string) {
			run(t, dir, "makeself", "--quiet", "--bzip2", src, to, "label", "./bin/ss-server")
		}, "bin/ss-server"},
		{"inst-tar.run", func(t *testing.T, to string) {
			run(t, dir, "makeself", "--quiet", "--nocomp", src, to, "label", "./bin/ss-server")
		}, "bin/ss-server"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(out, tc.name)
			tc.make(t, p)
			r, ok := walkFile(t, p, Options{BufferELF: true})
			if !ok {
				t.Fatalf("not recognised as an archive")
			}
			got, found := r.files[p+"!"+tc.member]
			if !found {
				t.Fatalf("member %s not found; files %v, skips %v", tc.member, keys(r.files), r.skips)
			}
			if got.sha256 != want || !got.at {
				t.Errorf("member %s: sha256 %s (want %s), in memory %v", tc.member, got.sha256, want, got.at)
			}
			if got.name != "/"+tc.member {
				t.Errorf("member name %q, want /%s", got.name, tc.member)
			}
			if len(r.skips) > 0 {
				t.Errorf("skipped: %v", r.skips)
			}
		})
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestNotArchives checks that programs, scripts and text are not taken for
// archives, and that gzexe's own script is not.
func TestNotArchives(t *testing.T) {
	for _, p := range []string{"/bin/sh", "/usr/bin/gzexe", "walker.go"} {
		if _, ok := walkFile(t, p, Options{}); ok {
			t.Errorf("%s taken for an archive", p)
		}
	}
}

// writeZip writes a zip of members (name -> content), deflated.
func writeZip(t testing.TB, members ...[2][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, m := range members {
		w, err := zw.Create(string(m[0]))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(m[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func member(name string, content []byte) [2][]byte { return [2][]byte{[]byte(name), content} }

func walkBytes(t *testing.T, name string, data []byte, o Options) *recorder {
	t.Helper()
	r := newRecorder()
	if _, err := Walk(bytes.NewReader(data), int64(len(data)), name, o, r); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestZipBomb: a member of 32 MiB of zeros deflates to 32 KiB; it is skipped for
// its ratio after about a MiB is expanded, and the member beside it is read.
func TestZipBomb(t *testing.T) {
	data := writeZip(t, member("bomb.bin", make([]byte, 32<<20)), member("bin/tool", []byte("a real tool")))
	r := walkBytes(t, "/srv/bomb.zip", data, Options{})
	if !r.skipped("/srv/bomb.zip!bomb.bin", SkipRatio) {
		t.Errorf("bomb not skipped for its ratio: %v", r.skips)
	}
	if _, ok := r.files["/srv/bomb.zip!bin/tool"]; !ok {
		t.Errorf("the member beside the bomb was not read: %v", keys(r.files))
	}
	if r.read > 2<<20 {
		t.Errorf("read %d bytes of the bomb", r.read)
	}
}

// TestNestedBomb is 42.zip's shape in small: zips of 16 zips of 16 zips of a
// high-ratio member. Without limits it would expand to 16*16*16*64 MiB.
func TestNestedBomb(t *testing.T) {
	level := writeZip(t, member("0.bin", make([]byte, 64<<20)))
	for range 3 {
		var ms [][2][]byte
		for i := range 16 {
			ms = append(ms, member(fmt.Sprintf("%d.zip", i), level))
		}
		level = writeZip(t, ms...)
	}
	r := walkBytes(t, "/srv/42.zip", level, Options{Limits: Limits{MaxRatio: 1e6, MaxTotal: 256 << 20}})
	if !slices.ContainsFunc(r.skips, func(s string) bool { return strings.HasSuffix(s, ": "+SkipTotal) }) ||
		!r.skipped("/srv/42.zip", SkipRest) {
		t.Errorf("nested bomb not stopped by the total: %v", r.skips)
	}
	r = walkBytes(t, "/srv/42.zip", level, Options{})
	if !slices.ContainsFunc(r.skips, func(s string) bool { return strings.HasSuffix(s, ": "+SkipRatio) }) {
		t.Errorf("nested bomb not stopped by the ratio: %v", r.skips)
	}
}

// TestDepth nests a tool eight archives deep: with the default depth the archive at
// depth 5 is reported as too deep (and scanned as a file), and with a depth of 10
// the tool is found.
func TestDepth(t *testing.T) {
	data := writeZip(t, member("bin/tool", []byte("the tool")))
	name := "/nest.zip"
	for i := range 7 {
		data = writeZip(t, member(fmt.Sprintf("l%d.zip", i), data))
	}
	deep := name + "!l6.zip!l5.zip!l4.zip!l3.zip!l2.zip!l1.zip!l0.zip!bin/tool"
	r := walkBytes(t, name, data, Options{})
	at5 := name + "!l6.zip!l5.zip!l4.zip!l3.zip!l2.zip"
	if !r.skipped(at5, SkipDepth) {
		t.Errorf("depth 5 archive not reported too deep: %v", r.skips)
	}
	if _, ok := r.files[at5]; !ok {
		t.Errorf("too-deep archive not scanned as a file: %v", keys(r.files))
	}
	if _, ok := r.files[deep]; ok {
		t.Errorf("found %s beyond the depth limit", deep)
	}
	if _, ok := r.archives[name+"!l6.zip"]; !ok {
		t.Errorf("nested archive's digests not reported: %v", keys(r.archives))
	}
	r = walkBytes(t, name, data, Options{Limits: Limits{MaxDepth: 10}})
	if _, ok := r.files[deep]; !ok || len(r.skips) > 0 {
		t.Errorf("depth 10: tool not found (%v), skips %v", keys(r.files), r.skips)
	}
}

// TestCountLimits checks the entry, member and total limits each skip with their
// reason.
func TestCountLimits(t *testing.T) {
	var ms [][2][]byte
	for i := range 20 {
		ms = append(ms, member(fmt.Sprintf("f%02d", i), bytes.Repeat([]byte{byte(i)}, 1000)))
	}
	data := writeZip(t, ms...)
	r := walkBytes(t, "/a.zip", data, Options{Limits: Limits{MaxEntries: 10}})
	if len(r.files) != 10 || !r.skipped("/a.zip", SkipRest) {
		t.Errorf("entries: read %d, skips %v", len(r.files), r.skips)
	}
	r = walkBytes(t, "/a.zip", data, Options{Limits: Limits{MaxMember: 999}})
	if len(r.files) != 0 || !r.skipped("/a.zip!f07", SkipMember) {
		t.Errorf("member size: read %d, skips %v", len(r.files), r.skips)
	}
	// In a tar.gz the member limit is each member's, not the stream's.
	var tgz bytes.Buffer
	zw := gzip.NewWriter(&tgz)
	tw := tar.NewWriter(zw)
	for i := range 3 {
		tw.WriteHeader(&tar.Header{Name: fmt.Sprint(i), Mode: 0o644, Size: 1000, Typeflag: tar.TypeReg})
		tw.Write(bytes.Repeat([]byte{byte(i)}, 1000))
	}
	tw.Close()
	zw.Close()
	r = walkBytes(t, "/a.tar.gz", tgz.Bytes(), Options{Limits: Limits{MaxMember: 1500}})
	if len(r.files) != 3 || len(r.skips) > 0 {
		t.Errorf("tar.gz members under the member limit: read %d, skips %v", len(r.files), r.skips)
	}
	r = walkBytes(t, "/a.zip", data, Options{Limits: Limits{MaxTotal: 5500}})
	if len(r.files) != 5 || !r.skipped("/a.zip!f05", SkipTotal) || !r.skipped("/a.zip", SkipRest) {
		t.Errorf("total: read %d, skips %v", len(r.files), r.skips)
	}
}

// TestAccount checks that every expanded byte is accounted to the caller, and that
// its error ends the walk.
func TestAccount(t *testing.T) {
	data := writeZip(t, member("a", make([]byte, 300000)), member("b", make([]byte, 300000)))
	var n int
	r := walkBytes(t, "/a.zip", data, Options{Account: func(k int) error { n += k; return nil }})
	if n != 600000 || len(r.files) != 2 {
		t.Errorf("accounted %d bytes, read %d files", n, len(r.files))
	}
	stop := errors.New("cancelled")
	_, err := Walk(bytes.NewReader(data), int64(len(data)), "/a.zip", Options{Account: func(int) error { return stop }}, newRecorder())
	if !errors.Is(err, stop) {
		t.Errorf("walk error %v, want the accounting's", err)
	}
}
