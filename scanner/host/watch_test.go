package host

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// watchRecorder runs a Watcher whose scan is ScanFiles with the built-in rules, and
// records each batch and each hit.
type watchRecorder struct {
	mu      sync.Mutex
	batches [][]string // the paths each scan was given, with their folder prefix
	hits    []string
	cancel  context.CancelFunc
	stopped chan error
}

func startWatch(t *testing.T, dir string, o WatchOptions) *watchRecorder {
	t.Helper()
	eng := builtinEngine(t)
	w, err := Watch([]string{dir}, o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &watchRecorder{cancel: cancel, stopped: make(chan error, 1)}
	go func() {
		r.stopped <- w.Run(ctx, func(ctx context.Context, trees []Tree) {
			var batch []string
			for _, tr := range trees {
				for _, p := range tr.Paths {
					batch = append(batch, filepath.Join(tr.Prefix, p))
				}
			}
			var hits []string
			ScanFiles(ctx, trees, eng.Files, FileOptions{}, func(h FileHit) { hits = append(hits, h.Path) })
			r.mu.Lock()
			r.batches = append(r.batches, batch)
			r.hits = append(r.hits, hits...)
			r.mu.Unlock()
		})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-r.stopped:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Run did not stop when its context ended")
		}
	})
	return r
}

// waitHit waits a bounded time for a hit on path.
func (r *watchRecorder) waitHit(t *testing.T, path string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		r.mu.Lock()
		ok := slices.Contains(r.hits, path)
		r.mu.Unlock()
		if ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	t.Fatalf("no hit on %s within 5s; batches %v, hits %v", path, r.batches, r.hits)
}

func (r *watchRecorder) batchCount() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.batches)
}

// TestWatchSeesChanges makes the changes editors and package managers make, one after
// another, and waits a bounded time for each to be scanned and found.
func TestWatchSeesChanges(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir() // the same filesystem: a rename into dir is a move
	mustWrite(t, filepath.Join(dir, "old/sub/keep.txt"), "nothing")
	r := startWatch(t, dir, WatchOptions{Debounce: 100 * time.Millisecond})

	for _, step := range []struct {
		name   string
		change func(t *testing.T)
		found  string // host path of a file that must be found
	}{
		{"create", func(t *testing.T) { mustWrite(t, filepath.Join(dir, "a.txt"), eicar) }, "a.txt"},
		{"replace by rename over", func(t *testing.T) {
			mustWrite(t, filepath.Join(dir, "b.txt"), "clean")
			time.Sleep(300 * time.Millisecond) // scanned clean first
			mustWrite(t, filepath.Join(dir, ".b.txt.swp"), eicar)
			must(t, os.Rename(filepath.Join(dir, ".b.txt.swp"), filepath.Join(dir, "b.txt")))
		}, "b.txt"},
		{"mkdir -p with a file inside", func(t *testing.T) {
			mustWrite(t, filepath.Join(dir, "new/deep/er/c.txt"), eicar)
		}, "new/deep/er/c.txt"},
		{"a file in a folder made before", func(t *testing.T) {
			mustWrite(t, filepath.Join(dir, "old/sub/d.txt"), eicar)
		}, "old/sub/d.txt"},
		{"a folder moved in", func(t *testing.T) {
			mustWrite(t, filepath.Join(outside, "tree/x/e.txt"), eicar)
			must(t, os.Rename(filepath.Join(outside, "tree"), filepath.Join(dir, "moved-in")))
		}, "moved-in/x/e.txt"},
		{"a file in a moved-in folder", func(t *testing.T) {
			time.Sleep(200 * time.Millisecond) // its watches added
			mustWrite(t, filepath.Join(dir, "moved-in/x/f.txt"), eicar)
		}, "moved-in/x/f.txt"},
		{"a file in a renamed folder", func(t *testing.T) {
			must(t, os.Rename(filepath.Join(dir, "new"), filepath.Join(dir, "renamed")))
			time.Sleep(200 * time.Millisecond)
			mustWrite(t, filepath.Join(dir, "renamed/deep/er/g.txt"), eicar)
		}, "renamed/deep/er/g.txt"},
	} {
		t.Run(step.name, func(t *testing.T) {
			step.change(t)
			r.waitHit(t, filepath.Join(dir, step.found))
		})
	}
}

// TestWatchDebounces checks that a burst of writes makes a bounded number of scans,
// and that more changes than MaxPending make one scan of the whole folder.
func TestWatchDebounces(t *testing.T) {
	dir := t.TempDir()
	r := startWatch(t, dir, WatchOptions{Debounce: 200 * time.Millisecond, MaxPending: 50})
	f, err := os.Create(filepath.Join(dir, "burst.log"))
	must(t, err)
	for i := range 100 {
		fmt.Fprintf(f, "line %d\n", i)
		f.Sync()
	}
	f.Close()
	mustWrite(t, filepath.Join(dir, "end.txt"), eicar)
	r.waitHit(t, filepath.Join(dir, "end.txt"))
	time.Sleep(500 * time.Millisecond) // any scans still to come
	if n := r.batchCount(); n > 2 {
		t.Errorf("100 writes made %d scans, want at most 2", n)
	}

	before := r.batchCount()
	for i := range 100 {
		mustWrite(t, filepath.Join(dir, fmt.Sprintf("many-%03d.txt", i)), "x")
	}
	mustWrite(t, filepath.Join(dir, "many-end.txt"), eicar)
	r.waitHit(t, filepath.Join(dir, "many-end.txt"))
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, b := range r.batches[before:] {
		if len(b) > 50 {
			t.Errorf("a batch of %d paths, over MaxPending 50", len(b))
		}
	}
	if !slices.ContainsFunc(r.batches[before:], func(b []string) bool { return slices.Contains(b, dir) }) {
		t.Errorf("no whole-folder scan after 100 changes with MaxPending 50: %v", r.batches[before:])
	}
}
