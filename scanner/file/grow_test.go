package file

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// growingFile appends to itself before each read, as a log written while it is
// scanned does, up to limit bytes.
type growingFile struct {
	*os.File
	limit int64
}

func (g *growingFile) Read(b []byte) (int, error) {
	if fi, err := g.Stat(); err == nil && fi.Size() < g.limit {
		if _, err := g.WriteAt([]byte(strings.Repeat("b", 64<<10)), fi.Size()); err != nil {
			return 0, err
		}
	}
	return g.File.Read(b)
}

// TestGrowingFileReadToSizeAtOpen: a file that grows while scanned is read to the
// size it had when opened (the reader no longer follows its appends) and the result
// says it changed.
func TestGrowingFileReadToSizeAtOpen(t *testing.T) {
	p := filepath.Join(t.TempDir(), "log")
	const atOpen = 100_000
	if err := os.WriteFile(p, []byte(strings.Repeat("a", atOpen)), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := regexEngine(t, `b+`).NewScanner().Scan(&growingFile{File: f, limit: 16 << 20}, "/log")
	if err != nil {
		t.Fatal(err)
	}
	if res.Size != atOpen || !res.Grew || len(res.Matches) != 0 {
		t.Errorf("size %d grew %v matches %d, want %d bytes read, grew, no match in what was appended",
			res.Size, res.Grew, len(res.Matches), atOpen)
	}
	fi, _ := f.Stat()
	if fi.Size() <= atOpen {
		t.Fatalf("the file did not grow (%d bytes): the test tests nothing", fi.Size())
	}
}
