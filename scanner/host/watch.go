package host

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch defaults.
const (
	DefaultDebounce   = 500 * time.Millisecond
	DefaultMaxPending = 10000
)

// WatchOptions tunes a Watcher.
type WatchOptions struct {
	// Debounce is how long the folders must be quiet before what changed is scanned,
	// so an editor's save or an unpacked archive is scanned once; 0 means
	// DefaultDebounce.
	Debounce time.Duration
	// MaxWait bounds the wait under changes that never stop (a log written every
	// second); 0 means ten times Debounce.
	MaxWait time.Duration
	// MaxPending bounds the changed paths remembered between scans; past it a folder
	// is scanned whole (which a cache makes cheap); 0 means DefaultMaxPending.
	MaxPending int
	// CrossDevice watches folders on other filesystems mounted below a folder, as
	// FileOptions.CrossDevice walks them.
	CrossDevice bool
	// OnError hears of folders that could not be watched (the inotify watch limit, a
	// folder gone before its watch was added); nil ignores them.
	OnError func(error)
}

// Watcher watches folders and every folder below them, and hands what changed to a
// scan as trees for ScanFiles: the same walk rules (no symbolic link followed, one
// filesystem) apply to what it hands over.
type Watcher struct {
	o       WatchOptions
	fw      *fsnotify.Watcher
	folders []*watchFolder
	dirs    map[string]bool // every folder watched, by host path

	npending int
	first    time.Time // of the oldest change not yet scanned
}

// watchFolder is one configured folder and what changed in it since the last scan.
type watchFolder struct {
	path    string
	root    *os.Root
	dev     uint64
	pending map[string]bool // slash paths inside root: files, or folders that appeared whole
	whole   bool            // scan all of it: more changes than MaxPending, or events lost
}

// Watch starts watching folders (host paths) and every folder below them.
func Watch(folders []string, o WatchOptions) (*Watcher, error) {
	if o.Debounce <= 0 {
		o.Debounce = DefaultDebounce
	}
	if o.MaxWait <= 0 {
		o.MaxWait = 10 * o.Debounce
	}
	if o.MaxPending <= 0 {
		o.MaxPending = DefaultMaxPending
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{o: o, fw: fw, dirs: map[string]bool{}}
	for _, f := range folders {
		if err := w.addFolder(f); err != nil {
			w.Close()
			return nil, err
		}
	}
	return w, nil
}

func (w *Watcher) addFolder(folder string) error {
	abs, err := filepath.Abs(folder)
	if err != nil {
		return fmt.Errorf("watch %s: %w", folder, err)
	}
	fi, err := os.Lstat(abs)
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("watch %s: not a folder", folder)
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	wf := &watchFolder{path: abs, root: root, dev: statOf(fi).Dev, pending: map[string]bool{}}
	w.folders = append(w.folders, wf)
	if err := w.fw.Add(abs); err != nil {
		return fmt.Errorf("watch %s: %w", abs, err)
	}
	w.dirs[abs] = true
	w.addBelow(wf, abs)
	return nil
}

// addBelow watches every folder below dir on the folder's filesystem, without
// following symbolic links.
func (w *Watcher) addBelow(wf *watchFolder, dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			w.report(fmt.Errorf("watch %s: %w", p, err))
			return nil
		case p == dir || !d.IsDir(): // WalkDir never calls a link to a folder IsDir
			return nil
		}
		fi, err := d.Info()
		if err != nil || !w.o.CrossDevice && statOf(fi).Dev != wf.dev {
			return filepath.SkipDir
		}
		if err := w.fw.Add(p); err != nil {
			w.report(fmt.Errorf("watch %s: %w", p, err))
			return filepath.SkipDir
		}
		w.dirs[p] = true
		return nil
	})
}

func (w *Watcher) report(err error) {
	if w.o.OnError != nil {
		w.o.OnError(err)
	}
}

// Close stops watching and closes the folders' roots. Run closes the watcher itself.
func (w *Watcher) Close() error {
	err := w.fw.Close()
	for _, f := range w.folders {
		f.root.Close()
	}
	return err
}

// Run calls scan with the trees of what changed, a debounce after the changes, until
// ctx ends; then it waits for a running scan, closes the watcher and returns nil.
// Scans run one at a time, in their own goroutine, so changes made during a scan are
// still heard and make the next batch. scan must not keep the trees after it returns.
func (w *Watcher) Run(ctx context.Context, scan func(ctx context.Context, trees []Tree)) error {
	defer w.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	done := make(chan struct{}, 1)
	busy, due := false, false
	for {
		select {
		case <-ctx.Done():
			if busy {
				<-done
			}
			return nil
		case ev, ok := <-w.fw.Events:
			if !ok {
				return errors.New("watch: the event channel closed")
			}
			if w.event(ev) {
				w.arm(timer)
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return errors.New("watch: the error channel closed")
			}
			// Events were lost (the kernel queue overflowed) or could not be read:
			// only scanning everything again is sure to see what they said.
			w.report(fmt.Errorf("watch: %w: scanning the folders whole", err))
			for _, f := range w.folders {
				w.markWhole(f)
			}
			w.arm(timer)
		case <-timer.C:
			due = true
		case <-done:
			busy = false
		}
		if due && !busy && w.first != (time.Time{}) {
			trees := w.take()
			busy, due = true, false
			go func() {
				scan(ctx, trees)
				done <- struct{}{}
			}()
		}
	}
}

// arm sets the timer to the end of the debounce, or the end of MaxWait if sooner.
func (w *Watcher) arm(timer *time.Timer) {
	now := time.Now()
	if w.first.IsZero() {
		w.first = now
	}
	timer.Reset(max(min(w.o.Debounce, w.first.Add(w.o.MaxWait).Sub(now)), 0))
}

// event records what one event changed and reports whether there is a scan to do.
func (w *Watcher) event(ev fsnotify.Event) bool {
	wf, rel := w.folderOf(ev.Name)
	if wf == nil {
		return false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		// The old name of a renamed folder: its new name arrives as a Create.
		w.forget(ev.Name)
	}
	if !ev.Has(fsnotify.Create) && !ev.Has(fsnotify.Write) {
		return false
	}
	fi, err := os.Lstat(ev.Name)
	if err != nil {
		return false // gone already
	}
	switch {
	case fi.IsDir():
		if !w.o.CrossDevice && statOf(fi).Dev != wf.dev {
			return false
		}
		// A folder made by mkdir -p or moved in whole may hold files and folders
		// already: watch them all, and scan the folder whole.
		if err := w.fw.Add(ev.Name); err != nil {
			w.report(fmt.Errorf("watch %s: %w", ev.Name, err))
		} else {
			w.dirs[ev.Name] = true
		}
		w.addBelow(wf, ev.Name)
	case !fi.Mode().IsRegular():
		return false // a link, FIFO or device: never read
	}
	w.addPending(wf, rel)
	return true
}

// folderOf finds the watched folder holding the host path p, and p inside it.
func (w *Watcher) folderOf(p string) (*watchFolder, string) {
	var best *watchFolder
	for _, f := range w.folders {
		if (p == f.path || strings.HasPrefix(p, strings.TrimSuffix(f.path, "/")+"/")) && (best == nil || len(f.path) > len(best.path)) {
			best = f
		}
	}
	if best == nil {
		return nil, ""
	}
	rel, err := filepath.Rel(best.path, p)
	if err != nil {
		return nil, ""
	}
	return best, "/" + filepath.ToSlash(rel)
}

// forget stops watching a folder that was removed or renamed, and the folders below.
func (w *Watcher) forget(p string) {
	if !w.dirs[p] {
		return
	}
	for d := range w.dirs {
		if d == p || strings.HasPrefix(d, p+"/") {
			w.fw.Remove(d) // fails when the kernel dropped the watch already
			delete(w.dirs, d)
		}
	}
}

func (w *Watcher) addPending(wf *watchFolder, rel string) {
	if wf.whole || wf.pending[rel] {
		return
	}
	if w.npending >= w.o.MaxPending {
		w.markWhole(wf)
		return
	}
	wf.pending[rel] = true
	w.npending++
}

func (w *Watcher) markWhole(wf *watchFolder) {
	w.npending -= len(wf.pending)
	clear(wf.pending)
	wf.whole = true
}

// take returns the trees of what changed and starts a new batch.
func (w *Watcher) take() []Tree {
	var trees []Tree
	for _, f := range w.folders {
		var paths []string
		switch {
		case f.whole:
			paths = []string{"/"}
		case len(f.pending) > 0:
			for p := range f.pending {
				paths = append(paths, p)
			}
			slices.Sort(paths)
		default:
			continue
		}
		trees = append(trees, Tree{Root: f.root, Prefix: f.path, Paths: paths, Source: f.path})
		f.pending = map[string]bool{} // a fresh map: clear would keep a burst's buckets
		f.whole = false
	}
	w.npending, w.first = 0, time.Time{}
	return trees
}
