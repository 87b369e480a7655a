package host

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestProgressCounts: after a scan the progress says every file found was scanned,
// the walk is over, and the folder is the last one read.
func TestProgressCounts(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "sub", "a.txt"), "hello")
	mustWrite(t, filepath.Join(dir, "sub", "b.txt"), "hello, world")
	var p Progress
	if s := p.State(); s.Walked || s.Files != 0 {
		t.Fatalf("fresh progress %+v", s)
	}
	_, sum := scanTree(t, builtinEngine(t), dir, FileOptions{Progress: &p})
	s := p.State()
	if !s.Walked || s.Files != 2 || s.TotalFiles != 2 || s.Bytes != 17 || s.TotalBytes != 17 {
		t.Errorf("progress %+v, want 2 files of 17 bytes, walk over", s)
	}
	if s.Files != sum.Files || s.Bytes != sum.Bytes {
		t.Errorf("progress %+v disagrees with the summary %+v", s, sum)
	}
	if s.Folder != "/sub" {
		t.Errorf("folder %q, want /sub", s.Folder)
	}
	var none *Progress
	if s := none.State(); s != (ProgressState{}) {
		t.Errorf("nil progress reads %+v", s)
	}
}

// TestCountAhead: the counting walk finds the files and bytes the scan would read
// (an excluded file and a link not among them) and gives them as the totals.
func TestCountAhead(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "a/one"), "12345")
	mustWrite(t, filepath.Join(dir, "a/two"), "123")
	mustWrite(t, filepath.Join(dir, "skip/three"), "1234567")
	must(t, os.Symlink("one", filepath.Join(dir, "a/link")))
	root, err := os.OpenRoot(dir)
	must(t, err)
	defer root.Close()
	exclude, err := compileGlobs([]string{"/skip/**", "/skip"})
	must(t, err)
	trees := []Tree{{Root: root, Paths: []string{"/"}}}
	var p Progress
	countAhead(context.Background(), trees, &p, func(t *Tree) *walker {
		return newTreeWalker(t, FileOptions{}, DefaultMaxSize, exclude, func(string, string) {}, nil)
	})
	if s := p.State(); !s.Walked || s.TotalFiles != 2 || s.TotalBytes != 8 || s.Files != 0 {
		t.Errorf("counted %+v, want 2 files of 8 bytes and nothing scanned", s)
	}
}
