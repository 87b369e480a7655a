package host

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/archive"
	"github.com/aupscan/aupscan/signatures"
)

// ssServer is shadowsocks-libev's ss-server from its Debian package, fetched by
// scripts/fetch-samples.sh.
func ssServer(t *testing.T) string {
	t.Helper()
	s, err := signatures.ParseSample("deb:shadowsocks-libev:/usr/bin/ss-server")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.LocalPath()); err != nil {
		testenv.Missing(t, fmt.Sprintf("sample %s (scripts/fetch-samples.sh fetches it)", s.LocalPath()))
	}
	return s.LocalPath()
}

func runIn(t testing.TB, dir, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(testenv.LookPath(t, name), args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

func copyTo(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o755); err != nil {
		t.Fatal(err)
	}
}

// archiveTree builds a tree of archives made with the real tools: ss-server in a
// zip, a tar.xz, a 7z, a gzexe'd program, a makeself installer and a zip inside a
// tar.gz; and a benign zip of text.
func archiveTree(t *testing.T) (dir, sha string) {
	ss := ssServer(t)
	sum := sha256.Sum256(val(os.ReadFile(ss)))
	dir = t.TempDir()
	src := filepath.Join(t.TempDir(), "src")
	copyTo(t, ss, filepath.Join(src, "bin", "ss-server"))
	tree := filepath.Join(dir, "srv")
	if err := os.MkdirAll(tree, 0o755); err != nil {
		t.Fatal(err)
	}
	runIn(t, src, "zip", "-qr", filepath.Join(tree, "bundle.zip"), "bin")
	runIn(t, src, "tar", "-cJf", filepath.Join(tree, "bundle.tar.xz"), "bin")
	runIn(t, src, "7zz", "a", "-bd", filepath.Join(tree, "bundle.7z"), "bin")
	copyTo(t, ss, filepath.Join(tree, "tool"))
	runIn(t, tree, "gzexe", "tool")
	if err := os.Remove(filepath.Join(tree, "tool~")); err != nil {
		t.Fatal(err)
	}
	runIn(t, src, "makeself", "--quiet", src, filepath.Join(tree, "install.run"), "label", "./bin/ss-server")
	runIn(t, src, "zip", "-qr", filepath.Join(src, "inner.zip"), "bin")
	runIn(t, src, "tar", "-czf", filepath.Join(tree, "outer.tar.gz"), "inner.zip")
	mustWrite(t, filepath.Join(src, "docs", "notes.txt"), "nothing to see here\n")
	runIn(t, src, "zip", "-qr", filepath.Join(tree, "benign.zip"), "docs")
	return dir, fmt.Sprintf("%x", sum)
}

func val[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestArchiveMembers scans archives holding a real proxy server: each is found as
// a member, with the member's path and hash; the benign archive gives nothing.
// With NoArchives (the scanner before archives) none of them is found.
func TestArchiveMembers(t *testing.T) {
	dir, sha := archiveTree(t)
	eng := builtinEngine(t)
	hits, sum := scanTree(t, eng, dir, FileOptions{})
	want := []string{"/srv/bundle.7z!bin/ss-server", "/srv/bundle.tar.xz!bin/ss-server", "/srv/bundle.zip!bin/ss-server",
		"/srv/install.run!bin/ss-server", "/srv/outer.tar.gz!inner.zip!bin/ss-server", "/srv/tool!tool"}
	var got []string
	mk := FindingMaker{Host: "h"}
	for _, h := range hits {
		fs := mk.FileFindings(h)
		if !slices.ContainsFunc(fs, func(f scanner.Finding) bool { return f.Rule == "proxy.shadowsocks" }) {
			t.Errorf("%s: findings %+v, want proxy.shadowsocks", h.Path, fs)
			continue
		}
		got = append(got, h.Path)
		if fs[0].Kind != scanner.KindFile || fs[0].SHA256 != sha || fs[0].Subject != h.Path {
			t.Errorf("%s: kind %s, subject %s, sha256 %s (want %s)", h.Path, fs[0].Kind, fs[0].Subject, fs[0].SHA256, sha)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("hits %v\nwant %v", got, want)
	}
	if len(sum.Skipped) > 0 || sum.Members < 7 {
		t.Errorf("skipped %v, %d members", sum.Skipped, sum.Members)
	}
	hits, sum = scanTree(t, eng, dir, FileOptions{NoArchives: true})
	if len(hits) != 0 || sum.Members != 0 {
		t.Errorf("archives off: hits %d, members %d", len(hits), sum.Members)
	}
}

// TestArchiveBomb puts a zip bomb and a nest deeper than the limit beside a plain
// file: both are reported skipped with their reason, and the rest is scanned.
func TestArchiveBomb(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w := val(zw.Create("zeros.bin"))
	val(w.Write(make([]byte, 100<<20)))
	w = val(zw.Create("eicar.com"))
	val(w.Write([]byte(eicar)))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(dir, "bomb.zip"), b.String())
	nest := b.Bytes()
	for i := range 3 {
		var nb bytes.Buffer
		zw := zip.NewWriter(&nb)
		val(val(zw.Create(fmt.Sprintf("n%d.zip", i))).Write(nest))
		zw.Close()
		nest = nb.Bytes()
	}
	mustWrite(t, filepath.Join(dir, "nest.zip"), string(nest))
	mustWrite(t, filepath.Join(dir, "plain.txt"), eicar)
	hits, sum := scanTree(t, builtinEngine(t), dir, FileOptions{Archives: archive.Limits{MaxDepth: 2}})
	skipped := skippedAs(sum)
	for p, reason := range map[string]string{
		"/bomb.zip!zeros.bin":        archive.SkipRatio,
		"/nest.zip!n2.zip!n1.zip":    archive.SkipDepth,
		"/nest.zip!n2.zip!n1.zip!n0": "",
	} {
		if skipped[p] != reason {
			t.Errorf("%s: skipped %q, want %q (all: %v)", p, skipped[p], reason, sum.Skipped)
		}
	}
	var paths []string
	for _, h := range hits {
		paths = append(paths, h.Path)
	}
	if want := []string{"/bomb.zip!eicar.com", "/plain.txt"}; !slices.Equal(paths, want) {
		t.Errorf("hits %v, want %v", paths, want)
	}
}

// TestArchivePaths: a configuration rule sees a member by its own path, and its
// "!" exclusions see the archive's path too. A Tor relay's torrc inside a backup
// under /srv is found (as a file: it is not this host's configuration); the same
// backup under /usr/share is documentation.
func TestArchivePaths(t *testing.T) {
	dir := t.TempDir()
	src := t.TempDir()
	mustWrite(t, filepath.Join(src, "etc", "tor", "torrc"), "Nickname r\nORPort 9001\n")
	for _, at := range []string{"srv", "usr/share/doc/tor"} {
		if err := os.MkdirAll(filepath.Join(dir, at), 0o755); err != nil {
			t.Fatal(err)
		}
		runIn(t, src, "tar", "-czf", filepath.Join(dir, at, "backup.tar.gz"), "etc")
	}
	hits, _ := scanTree(t, builtinEngine(t), dir, FileOptions{})
	if len(hits) != 1 || hits[0].Path != "/srv/backup.tar.gz!etc/tor/torrc" {
		t.Fatalf("hits %+v", hits)
	}
	fs := FindingMaker{}.FileFindings(hits[0])
	if len(fs) != 1 || fs[0].Rule != "tor.relay-config" || fs[0].Kind != scanner.KindFile {
		t.Errorf("findings %+v", fs)
	}
}

// TestArchiveCache: archives are never cached, so a cached rescan still opens
// them and finds their members, while plain files come from the cache.
func TestArchiveCache(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	val(val(zw.Create("eicar.com")).Write([]byte(eicar)))
	zw.Close()
	mustWrite(t, filepath.Join(dir, "a.zip"), b.String())
	mustWrite(t, filepath.Join(dir, "plain.txt"), "plain")
	c, err := OpenCache(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.RacyWindow = 0
	eng := builtinEngine(t)
	for i := range 2 {
		hits, sum := scanTree(t, eng, dir, FileOptions{Cache: c})
		if len(hits) != 1 || hits[0].Path != "/a.zip!eicar.com" {
			t.Errorf("scan %d: hits %+v", i, hits)
		}
		if i == 1 && (sum.FilesCached != 1 || sum.FilesRead != 1 || sum.Members != 1) {
			t.Errorf("cached scan: %d cached, %d read, %d members", sum.FilesCached, sum.FilesRead, sum.Members)
		}
	}
}

// upxELF lays out what UPX writes at the head of an ELF64 program it packs: the
// ELF header, the program headers, then its l_info block (checksum, "UPX!",
// loader size, version, format) and p_info, and its $Info line in the loader.
// Debian bookworm has no upx package to pack a real one with.
func upxELF() []byte {
	b := make([]byte, 64+3*56)
	copy(b, "\x7fELF\x02\x01\x01")
	binary.LittleEndian.PutUint16(b[16:], 2)    // ET_EXEC
	binary.LittleEndian.PutUint16(b[18:], 0x3e) // x86-64
	binary.LittleEndian.PutUint64(b[32:], 64)   // e_phoff
	binary.LittleEndian.PutUint16(b[56:], 3)    // e_phnum
	b = binary.LittleEndian.AppendUint32(b, 0x12345678)
	b = append(b, "UPX!"...)
	b = binary.LittleEndian.AppendUint16(b, 0x1000)
	b = append(b, 14, 22) // version, UPX_F_LINUX_ELF64_AMD
	b = append(b, make([]byte, 12)...)
	b = append(b, "$Info: This file is packed with the UPX executable packer http://upx.sf.net $\n"...)
	return append(b, make([]byte, 4096)...)
}

// TestPacked lists a UPX-packed program, plain and inside an archive, in the
// summary, and leaves it out of the cache; an unpacked program is not listed. The
// operator rule in testdata/rules/valid/packers matches it when an operator adds it.
func TestPacked(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "packed"), string(upxELF()))
	copyTo(t, "/bin/true", filepath.Join(dir, "true"))
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	val(val(zw.Create("bin/packed")).Write(upxELF()))
	zw.Close()
	mustWrite(t, filepath.Join(dir, "a.zip"), b.String())
	c, err := OpenCache(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.RacyWindow = 0
	for range 2 {
		_, sum := scanTree(t, builtinEngine(t), dir, FileOptions{Cache: c})
		want := []Packed{{"/a.zip!bin/packed", "UPX"}, {"/packed", "UPX"}}
		slices.SortFunc(sum.Packed, func(a, b Packed) int { return strings.Compare(a.Path, b.Path) })
		if !slices.Equal(sum.Packed, want) {
			t.Errorf("packed %v, want %v", sum.Packed, want)
		}
	}
	s, err := signatures.Load(signatures.Options{Dirs: []string{"../../testdata/rules/valid/packers"}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	eng := Compile(s)
	if ps := s.Check(eng.Files); len(ps) > 0 {
		t.Errorf("rule examples: %v", ps)
	}
	hits, _ := scanTree(t, eng, dir, FileOptions{})
	var paths []string
	for _, h := range hits {
		paths = append(paths, h.Path)
	}
	if want := []string{"/a.zip!bin/packed", "/packed"}; !slices.Equal(paths, want) {
		t.Errorf("packer rule hits %v, want %v", paths, want)
	}
}

// BenchmarkArchives scans a tree of 2,000 files (about 45 MB of log-like text that
// compresses 3 to 4 times, like real text; benchTree's repeated lines compress
// beyond the default ratio) as it is, and the same files packed one folder to an
// archive (40 tar.gz, 40 zip), and reports MB/s of content scanned (the files, or
// the archives' members).
func BenchmarkArchives(b *testing.B) {
	eng := builtinEngine(b)
	dir := b.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		var body strings.Builder
		for body.Len() < 2<<10<<(i%5) {
			fmt.Fprintf(&body, "%d host-%d sshd[%d]: session %x opened for user u%d from 10.%d.%d.%d\n",
				rng.Uint32(), rng.IntN(50), rng.IntN(65536), rng.Uint64(), rng.IntN(1000), rng.IntN(256), rng.IntN(256), rng.IntN(256))
		}
		mustWrite(b, filepath.Join(dir, fmt.Sprintf("d%02d/f%04d.txt", i%40, i)), body.String())
	}
	for _, format := range []string{"tar.gz", "zip"} {
		out := b.TempDir()
		for i := range 40 {
			d := fmt.Sprintf("d%02d", i)
			to := filepath.Join(out, d+"."+format)
			if format == "zip" {
				runIn(b, dir, "zip", "-qr", to, d)
			} else {
				runIn(b, dir, "tar", "-czf", to, d)
			}
		}
		b.Run(format, func(b *testing.B) { benchScan(b, out, eng) })
	}
	b.Run("plain", func(b *testing.B) { benchScan(b, dir, eng) })
}

func benchScan(b *testing.B, dir string, eng *Engine) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	var s Summary
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	c0 := cpu()
	for b.Loop() {
		s, err = ScanFiles(b.Context(), []Tree{{Root: root, Paths: []string{"/"}}}, eng.Files, FileOptions{}, func(FileHit) {})
		if err != nil || len(s.Skipped) > 0 {
			b.Fatalf("scan: %v, skipped %v", err, s.Skipped)
		}
	}
	content := s.Bytes
	if s.Members > 0 {
		content = s.MemberBytes
	}
	b.ReportMetric(float64(content)*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
	b.ReportMetric(float64(s.Files+s.Members), "files/op")
	// The machine is shared: CPU time says what the scan costs when wall time
	// also says how busy the others were.
	b.ReportMetric((cpu()-c0).Seconds()/float64(b.N), "cpu-s/op")
}

// TestAccountRate: expanded bytes take tokens from the scan's rate limit, as bytes
// read from disk do.
func TestAccountRate(t *testing.T) {
	lim := rate.NewLimiter(1, 1<<20) // a full burst of 1 MiB, refilled at 1 byte a second
	if err := account(t.Context(), lim, nil, 300000); err != nil {
		t.Fatal(err)
	}
	if left := lim.Tokens(); left > 1<<20-300000+10 || left < 1<<20-300000-10 {
		t.Errorf("%.0f tokens left, want %d", left, 1<<20-300000)
	}
}
