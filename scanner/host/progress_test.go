package host

import (
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
