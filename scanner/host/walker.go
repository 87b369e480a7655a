package host

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
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
}

// walker lists the regular files under the scan paths, inside one os.Root so that no
// path and no symbolic link can lead outside it. It never follows symbolic links,
// stays on the filesystem each scan path starts on unless crossDevice, lists each
// hard-linked inode once, and never opens what is not a regular file.
type walker struct {
	root        *os.Root
	maxSize     int64
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
		return w.dir(ctx, rel, dev, jobs)
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
	select {
	case jobs <- fileJob{rel: rel, size: fi.Size(), dev: st.Dev, ino: st.Ino}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// dir lists a folder in batches, so a folder of a million files costs little memory.
func (w *walker) dir(ctx context.Context, rel string, dev uint64, jobs chan<- fileJob) error {
	f, err := w.root.Open(orDot(rel))
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
			fi, lerr := w.root.Lstat(child)
			if lerr != nil {
				w.skip("/"+child, reasonFor(lerr))
				continue
			}
			if verr := w.visit(ctx, child, fi, dev, jobs); verr != nil {
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
