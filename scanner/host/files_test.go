package host

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aupscan/aupscan/signatures"
)

const eicar = `X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`

func builtinEngine(t testing.TB) *Engine {
	t.Helper()
	s, err := signatures.Load(signatures.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Compile(s)
}

func mustWrite(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func scanTree(t *testing.T, eng *Engine, dir string, o FileOptions) ([]FileHit, Summary) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var hits []FileHit
	sum, err := ScanFiles(ctx, []Tree{{Root: root, Paths: []string{"/"}}}, eng.Files, o, func(h FileHit) { hits = append(hits, h) })
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(hits, func(a, b FileHit) int { return strings.Compare(a.Path, b.Path) })
	return hits, sum
}

func skippedAs(sum Summary) map[string]string {
	m := map[string]string{}
	for _, s := range sum.Skipped {
		m[s.Path] = s.Reason
	}
	return m
}

// TestScanFilesWalk covers what the walk must never do: follow a link out of the
// tree, block on a FIFO, read a hard-linked inode twice, read a file over the size
// limit, or pass a skipped file off as clean.
func TestScanFilesWalk(t *testing.T) {
	outside := t.TempDir()
	mustWrite(t, filepath.Join(outside, "eicar.com"), eicar)
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "a/eicar.txt"), "prefix "+eicar)
	mustWrite(t, filepath.Join(dir, "a/b/c/plain.txt"), "nothing to see")
	if err := os.Link(filepath.Join(dir, "a/eicar.txt"), filepath.Join(dir, "a/b/hardlink.txt")); err != nil {
		t.Fatal(err)
	}
	must(t, os.Symlink(filepath.Join(outside, "eicar.com"), filepath.Join(dir, "abs-link")))
	must(t, os.Symlink("../../"+filepath.Base(outside)+"/eicar.com", filepath.Join(dir, "a/rel-link")))
	must(t, syscall.Mkfifo(filepath.Join(dir, "a/fifo"), 0o644))
	big := filepath.Join(dir, "big.bin")
	mustWrite(t, big, "")
	must(t, os.Truncate(big, 2<<20))

	hits, sum := scanTree(t, builtinEngine(t), dir, FileOptions{MaxSize: 1 << 20, Workers: 2})
	// The two names of the hard-linked inode: whichever the walk meets first is read.
	if len(hits) != 1 || !slices.Contains([]string{"/a/eicar.txt", "/a/b/hardlink.txt"}, hits[0].Path) ||
		hits[0].Result.Matches[0].Rule.ID != "malware.eicar" {
		t.Fatalf("hits = %+v, want one of the hard-linked names only (read once, links not followed)", hits)
	}
	if sum.Files != 2 {
		t.Errorf("read %d files, want 2 (eicar.txt and plain.txt)", sum.Files)
	}
	want := map[string]string{"/abs-link": SkipSymlink, "/a/rel-link": SkipSymlink, "/a/fifo": SkipSpecial, "/big.bin": SkipTooLarge}
	if got := skippedAs(sum); !mapsEqual(got, want) {
		t.Errorf("skipped %v, want %v", got, want)
	}
}

func TestScanFilesExcludeAndRate(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "keep/e.txt"), eicar)
	mustWrite(t, filepath.Join(dir, "cache/e.txt"), eicar)
	hits, sum := scanTree(t, builtinEngine(t), dir, FileOptions{Exclude: []string{"/cache"}, RateBytes: 1 << 20})
	if len(hits) != 1 || hits[0].Path != "/keep/e.txt" {
		t.Errorf("hits %+v", hits)
	}
	if got := skippedAs(sum); got["/cache"] != SkipExcluded {
		t.Errorf("skipped %v", got)
	}
}

func TestScanFilesCancel(t *testing.T) {
	dir := t.TempDir()
	for i := range 50 {
		mustWrite(t, filepath.Join(dir, "f", string(rune('a'+i%26))+string(rune('a'+i/26))), strings.Repeat("x", 4096))
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = ScanFiles(ctx, []Tree{{Root: root, Paths: []string{"/"}}}, builtinEngine(t).Files, FileOptions{}, func(FileHit) {})
	if err == nil {
		t.Error("a cancelled scan returned no error")
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
