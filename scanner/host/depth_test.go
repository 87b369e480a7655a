package host

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
)

// nest makes n folders nested in dir, "d/d/d...", with a file "f" in dir and in each
// but the deepest, as a tenant would to stall a scan.
func nest(t *testing.T, dir string, n int) {
	t.Helper()
	cur, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	for range n {
		if err := cur.WriteFile("f", []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := cur.Mkdir("d", 0o755); err != nil {
			t.Fatal(err)
		}
		next, err := cur.OpenRoot("d")
		cur.Close()
		if err != nil {
			t.Fatal(err)
		}
		cur = next
	}
	cur.Close()
}

// TestWalkDepthLimit: the walk enters folders down to the depth limit and lists the
// first folder beyond it as skipped, once, so what was not read is said.
func TestWalkDepthLimit(t *testing.T) {
	dir := t.TempDir()
	nest(t, dir, 20)
	_, sum := scanTree(t, builtinEngine(t), dir, FileOptions{MaxDepth: 5})
	var deep []string
	for _, s := range sum.Skipped {
		if s.Reason == SkipTooDeep {
			deep = append(deep, s.Path)
		}
	}
	if want := "/" + strings.Repeat("d/", 4) + "d"; len(deep) != 1 || deep[0] != want {
		t.Errorf("skipped as too deep: %q, want [%q]", deep, want)
	}
	if sum.Files != 5 {
		t.Errorf("%d files read, want 5 (in the scan path and the 4 folders above the limit)", sum.Files)
	}
	_, sum = scanTree(t, builtinEngine(t), dir, FileOptions{})
	if sum.Files != 20 || len(sum.Skipped) != 0 {
		t.Errorf("default limit (%d): %d files read, skipped %v; want 20 and none", DefaultMaxDepth, sum.Files, sum.Skipped)
	}
}

// TestWalkCostLinearInDepth counts the system calls that open or stat a path while
// the walk reads nested folders 200 and 400 deep: twice the depth costs about twice
// the calls. A walk that resolves every path from the root made four times the
// calls (2,000 nested folders took 29 s of CPU). Calls are counted by strace in a
// child process; a count does not change with the machine's load, as time would.
func TestWalkCostLinearInDepth(t *testing.T) {
	if dir := os.Getenv("AUPSCAN_TEST_WALK_DIR"); dir != "" {
		root, err := os.OpenRoot(dir)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := ScanFiles(ctx, []Tree{{Root: root, Paths: []string{"/"}}}, builtinEngine(t).Files, FileOptions{MaxDepth: 1000, Workers: 1}, func(FileHit) {}); err != nil {
			t.Fatal(err)
		}
		return
	}
	strace := testenv.LookPath(t, "strace")
	calls := func(depth int) int {
		dir := t.TempDir()
		nest(t, dir, depth)
		out := filepath.Join(t.TempDir(), "strace")
		cmd := exec.Command(strace, "-f", "-c", "-o", out, "-e", "trace=openat,newfstatat,fstatat64,statx",
			os.Args[0], "-test.run=^TestWalkCostLinearInDepth$", "-test.count=1")
		cmd.Env = append(os.Environ(), "AUPSCAN_TEST_WALK_DIR="+dir)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("walk of %d folders under strace: %v\n%s", depth, err, b)
		}
		return straceTotal(t, out)
	}
	small, large := calls(200), calls(400)
	if ratio := float64(large) / float64(small); ratio > 2.6 {
		t.Errorf("200 nested folders: %d path calls, 400: %d; ratio %.2f, want about 2 (linear)", small, large, ratio)
	}
	t.Logf("path calls: 200 folders %d, 400 folders %d", small, large)
}

// straceTotal reads the "total" line of strace -c's summary: the calls counted.
func straceTotal(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^[\d.]+\s+[\d.]+\s+\d+\s+\d+\s+(?:\d+\s+)?total$`).Find(b)
	f := strings.Fields(string(m))
	if len(f) < 4 {
		t.Fatalf("no total in strace's summary:\n%s", b)
	}
	n, err := strconv.Atoi(f[3])
	if err != nil {
		t.Fatal(fmt.Errorf("strace total %q: %w", f[3], err))
	}
	return n
}
