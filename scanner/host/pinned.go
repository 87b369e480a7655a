package host

import (
	"context"
	"errors"
	"io/fs"
	"path"
)

// walkTree sends a tree's files to jobs: its pinned files first, then its paths,
// in the plain root or in a container's merged view.
func (w *walker) walkTree(ctx context.Context, t *Tree, jobs chan<- fileJob) error {
	if len(t.Files) > 0 {
		if err := w.walkPinned(ctx, t.Files, t.Paths, jobs); err != nil {
			return err
		}
	}
	if len(t.Layers) > 0 {
		return w.walkMerged(ctx, t.Layers, jobs)
	}
	return w.walk(ctx, t.Paths, jobs)
}

// walkPinned sends single files named outside the walk (the programs the system
// starts), under the walk's rules: exclusions, no links, no special files, the
// size limit. Without cross-device, a file is read only on a filesystem the scan
// covers anyway: the root's or one a scan path starts on. Each file's identity is
// remembered so that the walk does not read it again under any name.
func (w *walker) walkPinned(ctx context.Context, files, paths []string, jobs chan<- fileJob) error {
	w.pinned = map[[2]uint64]bool{}
	devs := map[uint64]bool{}
	for _, p := range append([]string{"/"}, paths...) {
		if fi, err := w.root.Lstat(orDot(relPath(p))); err == nil {
			devs[statOf(fi).Dev] = true
		}
	}
	for _, p := range files {
		rel := relPath(p)
		abs := "/" + rel
		fi, err := w.root.Lstat(orDot(rel))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			w.skip(abs, reasonFor(err))
			continue
		case w.exclude != nil && (w.exclude(abs) || excludedAbove(w.exclude, abs)):
			w.skip(abs, SkipExcluded)
			continue
		case !w.crossDevice && !devs[statOf(fi).Dev]:
			w.skip(abs, SkipOtherFS)
			continue
		}
		st := statOf(fi)
		key := [2]uint64{st.Dev, st.Ino}
		if w.pinned[key] {
			continue
		}
		if err := w.visit(ctx, rel, fi, st.Dev, jobs); err != nil {
			return err
		}
		w.pinned[key] = true
		w.seen[key] = true
	}
	return nil
}

// excludedAbove reports whether a folder above p is excluded: the walk would never
// have entered it.
func excludedAbove(exclude func(string) bool, p string) bool {
	for d := path.Dir(p); d != "/" && d != "."; d = path.Dir(d) {
		if exclude(d) {
			return true
		}
	}
	return false
}
