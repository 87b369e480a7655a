package host

import (
	"cmp"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
)

// Skip reasons: a file that was not read is counted and listed under one of these,
// never reported as clean.
const (
	SkipTooLarge    = "too large"
	SkipSpecial     = "not a regular file" // FIFO, socket, device
	SkipSymlink     = "symbolic link"      // never followed: it could lead out of the scan
	SkipOtherFS     = "on another filesystem"
	SkipUnreadable  = "unreadable"
	SkipChanged     = "changed while scanned"
	SkipExcluded    = "excluded"
	SkipEscapesRoot = "outside the scan root"
	// SkipTooDeep: a folder deeper below its scan path than the depth limit; what
	// it holds was not walked.
	SkipTooDeep = "deeper than the depth limit, not walked"
	// SkipContainerStorage: a container engine's storage folder, read as each
	// container sees it rather than layer by layer (container.go).
	SkipContainerStorage = "container storage, scanned in each container's view"
)

// fileJob is one regular file the walk found, to be read by a worker.
type fileJob struct {
	rel  string // slash path relative to the root, without a leading slash
	size int64
	dev  uint64
	ino  uint64
	view string // the path inside a container's view (overlay.go); "" outside one
	// dir, when set, is the file's folder, open, and name its name there: the
	// reader opens it in one step, not through every folder of rel.
	dir  *dirRef
	name string
}

// dirRef is an open folder shared by the walk and the readers of its files; the
// last to let go closes it.
type dirRef struct {
	root *os.Root
	refs atomic.Int32
}

func newDirRef(r *os.Root) *dirRef {
	d := &dirRef{root: r}
	d.refs.Store(1)
	return d
}

func (d *dirRef) hold() *dirRef {
	if d != nil {
		d.refs.Add(1)
	}
	return d
}

func (d *dirRef) release() {
	if d != nil && d.refs.Add(-1) == 0 {
		d.root.Close()
	}
}

// open opens the job's file: in its folder when the walk kept it open, else by its
// path from root. The job's hold on the folder ends here.
func (j fileJob) open(root *os.Root, flag int) (*os.File, error) {
	if j.dir == nil {
		return root.OpenFile(j.rel, flag, 0)
	}
	defer j.dir.release()
	return j.dir.root.OpenFile(j.name, flag, 0)
}

// walker lists the regular files under the scan paths, inside one os.Root so that no
// path and no symbolic link can lead outside it. It never follows symbolic links,
// stays on the filesystem each scan path starts on unless crossDevice, lists each
// hard-linked inode once, and never opens what is not a regular file.
type walker struct {
	root        *os.Root
	maxSize     int64
	maxDepth    int // folders below a scan path entered at most; 0: DefaultMaxDepth
	crossDevice bool
	exclude     func(p string) bool
	seen        map[[2]uint64]bool
	skip        func(p, reason string)
	pinned      map[[2]uint64]bool // files read before the walk (pinned.go): not read again
	layerDevs   map[string]uint64  // a container view's layer folders and their devices
	covered     map[string]bool    // folders another tree reads (container storage)
	onFile      func(rel string)   // told of each regular file sent to the readers
}

// walk sends the files under each of paths (slash paths inside the root) to jobs.
func (w *walker) walk(ctx context.Context, paths []string, jobs chan<- fileJob) error {
	for _, p := range paths {
		rel := relPath(p)
		fi, err := w.root.Lstat(orDot(rel))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue // a default location this system does not have
		case err != nil:
			w.skip("/"+rel, reasonFor(err))
			continue
		}
		dev := statOf(fi).Dev
		if err := w.visit(ctx, rel, fi, dev, jobs); err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) visit(ctx context.Context, rel string, fi fs.FileInfo, dev uint64, jobs chan<- fileJob) error {
	return w.visitAt(ctx, place{name: orDot(rel)}, rel, fi, dev, jobs)
}

// place is where the walk meets a path: the folder it lies in, open, its name there,
// and its depth below the scan path. Opening a folder's entries relative to the
// folder costs one step whatever the depth; through the whole path from the root it
// cost the depth, and a walk the depth squared (2,000 nested folders: 29 s of CPU).
type place struct {
	dir   *dirRef // nil: the tree's root
	name  string
	depth int
}

func (w *walker) visitAt(ctx context.Context, at place, rel string, fi fs.FileInfo, dev uint64, jobs chan<- fileJob) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	abs := "/" + rel
	if w.exclude != nil && w.exclude(abs) {
		w.skip(abs, SkipExcluded)
		return nil
	}
	if w.covered[abs] {
		w.skip(abs, SkipContainerStorage)
		return nil
	}
	st := statOf(fi)
	switch mode := fi.Mode(); {
	case mode&fs.ModeSymlink != 0:
		w.skip(abs, SkipSymlink)
		return nil
	case mode.IsDir():
		if !w.crossDevice && st.Dev != dev {
			w.skip(abs, SkipOtherFS)
			return nil
		}
		return w.enter(ctx, at, rel, st, dev, jobs)
	case !mode.IsRegular():
		w.skip(abs, SkipSpecial)
		return nil
	}
	if w.maxSize > 0 && fi.Size() > w.maxSize {
		w.skip(abs, SkipTooLarge)
		return nil
	}
	if w.pinned[[2]uint64{st.Dev, st.Ino}] {
		return nil // read already as a program the system starts
	}
	if st.Nlink > 1 {
		key := [2]uint64{st.Dev, st.Ino}
		if w.seen[key] {
			return nil // the same content under another name: read once
		}
		w.seen[key] = true
	}
	if w.onFile != nil {
		w.onFile(rel)
	}
	j := fileJob{rel: rel, size: fi.Size(), dev: st.Dev, ino: st.Ino, dir: at.dir.hold(), name: at.name}
	select {
	case jobs <- j:
		return nil
	case <-ctx.Done():
		j.dir.release()
		return ctx.Err()
	}
}

// DefaultMaxDepth is how many folders deep below a scan path the walk goes when
// FileOptions.MaxDepth is 0: deeper than any system's own tree, shallow enough that
// a tenant's nest of folders cannot stall the scan.
const DefaultMaxDepth = 256

// enter opens the folder at (the one the walk lstat'ed as st) and walks it, unless it
// lies deeper than the depth limit.
func (w *walker) enter(ctx context.Context, at place, rel string, st *syscall.Stat_t, dev uint64, jobs chan<- fileJob) error {
	abs := "/" + rel
	if limit := cmp.Or(w.maxDepth, DefaultMaxDepth); at.depth >= limit {
		w.skip(abs, SkipTooDeep)
		return nil
	}
	parent := w.root
	if at.dir != nil {
		parent = at.dir.root
	}
	sub, err := parent.OpenRoot(at.name)
	if err != nil {
		w.skip(abs, reasonFor(err))
		return nil
	}
	d := newDirRef(sub)
	defer d.release()
	if fi, err := sub.Stat("."); err != nil || statOf(fi).Ino != st.Ino || statOf(fi).Dev != st.Dev {
		w.skip(abs, SkipChanged) // replaced since the lstat, by a link perhaps
		return nil
	}
	return w.dir(ctx, d, rel, at.depth, dev, jobs)
}

// dir lists the folder d (rel from the root) in batches, so a folder of a million
// files costs little memory.
func (w *walker) dir(ctx context.Context, d *dirRef, rel string, depth int, dev uint64, jobs chan<- fileJob) error {
	f, err := d.root.Open(".")
	if err != nil {
		w.skip("/"+rel, reasonFor(err))
		return nil
	}
	defer f.Close()
	for {
		entries, err := f.ReadDir(512)
		slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
		for _, e := range entries {
			child := path.Join(rel, e.Name())
			fi, lerr := d.root.Lstat(e.Name())
			if lerr != nil {
				w.skip("/"+child, reasonFor(lerr))
				continue
			}
			if verr := w.visitAt(ctx, place{dir: d, name: e.Name(), depth: depth + 1}, child, fi, dev, jobs); verr != nil {
				return verr
			}
		}
		if err == io.EOF || len(entries) == 0 {
			return nil
		}
		if err != nil {
			w.skip("/"+rel, reasonFor(err))
			return nil
		}
	}
}

// relPath turns a slash path inside the root ("/usr/bin") into the relative form
// os.Root takes ("usr/bin").
func relPath(p string) string {
	p = path.Clean("/" + p)
	if p == "/" {
		return ""
	}
	return p[1:]
}

func orDot(rel string) string {
	if rel == "" {
		return "."
	}
	return rel
}

func statOf(fi fs.FileInfo) *syscall.Stat_t {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return st
	}
	return &syscall.Stat_t{}
}

// reasonFor names why a path could not be read.
func reasonFor(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) && pe.Err != nil && pe.Err.Error() == "path escapes from parent" {
		return SkipEscapesRoot
	}
	if errors.Is(err, fs.ErrNotExist) {
		return SkipChanged
	}
	return SkipUnreadable + ": " + errText(err)
}

func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
