package host

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// Whiteout names of the AUFS/OCI layer format: ".wh.NAME" deletes NAME from the
// layers below; ".wh..wh..opq" in a folder hides everything below it.
const (
	whiteoutPrefix = ".wh."
	opaqueMarker   = ".wh..wh..opq"
)

// opaqueXattrs mark an overlayfs folder opaque: the kernel's (trusted.) and
// rootless podman's (user.) spelling.
var opaqueXattrs = []string{"trusted.overlay.opaque", "user.overlay.opaque"}

// layerEntry is one name of a merged folder: the file of the layer that wins, or
// the folders of every layer that merge into it.
type layerEntry struct {
	file    string // rel path of the winning regular file (or other non-folder)
	fi      fs.FileInfo
	dirs    []string // rel paths of the folder in each layer that contributes, upper first
	blocked bool     // a whiteout, a file or an opaque folder hides the layers below
	gone    bool     // deleted by a whiteout
}

// walkMerged walks a container's root filesystem as the container sees it: the
// layers (rel folders inside the root, upper first) merged as overlayfs merges
// them, so a file of a lower layer that an upper layer deleted (a whiteout) or
// replaced is never read. Each job keeps the file's real path inside the root and
// carries the path inside the container as its view.
func (w *walker) walkMerged(ctx context.Context, layers []string, jobs chan<- fileJob) error {
	var dirs []string
	devs := map[string]uint64{}
	for _, l := range layers {
		fi, err := w.root.Lstat(l)
		if err != nil || !fi.IsDir() {
			w.skip("/", fmt.Sprintf("layer /%s: %s", l, reasonOr(err, "not a folder")))
			continue
		}
		dirs = append(dirs, l)
		devs[l] = statOf(fi).Dev
	}
	w.layerDevs = devs
	return w.mergedDir(ctx, "/", dirs, jobs)
}

func reasonOr(err error, s string) string {
	if err != nil {
		return reasonFor(err)
	}
	return s
}

// mergedDir lists one folder of the view from the layers that contribute to it,
// upper first, and visits what the merge leaves.
func (w *walker) mergedDir(ctx context.Context, view string, dirs []string, jobs chan<- fileJob) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	entries := map[string]*layerEntry{}
	for _, dir := range dirs {
		names, opaque, err := w.layerNames(dir)
		if err != nil {
			w.skip(view, reasonFor(err))
		}
		for _, n := range names {
			w.mergeName(entries, dir, n)
		}
		if opaque {
			break // nothing below this layer shows through this folder
		}
	}
	names := make([]string, 0, len(entries))
	for n, e := range entries {
		if !e.gone {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	for _, n := range names {
		e, child := entries[n], path.Join(view, n)
		if w.exclude != nil && w.exclude(child) {
			w.skip(child, SkipExcluded)
			continue
		}
		if e.dirs != nil {
			if err := w.mergedDir(ctx, child, e.dirs, jobs); err != nil {
				return err
			}
			continue
		}
		if err := w.visitLayerFile(ctx, e, child, jobs); err != nil {
			return err
		}
	}
	return nil
}

// mergeName adds one name of one layer's folder to the merge.
func (w *walker) mergeName(entries map[string]*layerEntry, dir, name string) {
	if target, ok := strings.CutPrefix(name, whiteoutPrefix); ok {
		if e := entries[target]; e != nil {
			e.blocked = true
		} else if target != "" {
			entries[target] = &layerEntry{blocked: true, gone: true}
		}
		return
	}
	rel := path.Join(dir, name)
	e := entries[name]
	if e != nil && (e.blocked || e.dirs == nil) {
		return // an upper layer's file, whiteout or opaque folder wins
	}
	fi, err := w.root.Lstat(rel)
	if err != nil {
		return
	}
	if isWhiteoutDevice(fi) {
		if e != nil {
			e.blocked = true
		} else {
			entries[name] = &layerEntry{blocked: true, gone: true}
		}
		return
	}
	if !w.crossDevice && statOf(fi).Dev != w.layerDevs[w.layerOf(dir)] {
		if e == nil {
			entries[name] = &layerEntry{blocked: true, gone: true}
			w.skip(rel, SkipOtherFS)
		}
		return
	}
	if !fi.IsDir() {
		if e == nil {
			entries[name] = &layerEntry{file: rel, fi: fi, blocked: true}
		} else {
			e.blocked = true // a file below a folder of an upper layer is hidden
		}
		return
	}
	if e == nil {
		e = &layerEntry{dirs: []string{}}
		entries[name] = e
	}
	e.dirs = append(e.dirs, rel)
}

// layerOf returns the layer folder a path inside it belongs to.
func (w *walker) layerOf(rel string) string {
	for l := range w.layerDevs {
		if rel == l || strings.HasPrefix(rel, l+"/") {
			return l
		}
	}
	return ""
}

// layerNames lists a layer's folder and says whether it is opaque (an xattr, or
// the AUFS marker file).
func (w *walker) layerNames(dir string) ([]string, bool, error) {
	f, err := w.root.Open(dir)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.IsDir() {
		return nil, false, err // swapped for a file since it was listed: read nothing
	}
	names, err := f.Readdirnames(-1)
	opaque := slices.Contains(names, opaqueMarker) || hasOpaqueXattr(f)
	return slices.DeleteFunc(names, func(n string) bool { return n == opaqueMarker }), opaque, err
}

func hasOpaqueXattr(f *os.File) bool {
	buf := make([]byte, 8)
	for _, name := range opaqueXattrs {
		n, err := unix.Fgetxattr(int(f.Fd()), name, buf)
		if err == nil && n == 1 && buf[0] == 'y' {
			return true
		}
	}
	return false
}

// isWhiteoutDevice reports overlayfs's whiteout: a character device 0/0.
func isWhiteoutDevice(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && fi.Mode()&fs.ModeCharDevice != 0 && st.Rdev == 0
}

// visitLayerFile sends one winning file of the merge to the readers, under the
// walk's rules: no links, no special files, the size limit, hard links once.
func (w *walker) visitLayerFile(ctx context.Context, e *layerEntry, view string, jobs chan<- fileJob) error {
	fi, st := e.fi, statOf(e.fi)
	switch mode := fi.Mode(); {
	case mode&fs.ModeSymlink != 0:
		return nil // a link inside a container is its own business, never followed
	case !mode.IsRegular():
		w.skip(view, SkipSpecial)
		return nil
	}
	if w.maxSize > 0 && fi.Size() > w.maxSize {
		w.skip(view, SkipTooLarge)
		return nil
	}
	if st.Nlink > 1 {
		key := [2]uint64{st.Dev, st.Ino}
		if w.seen[key] {
			return nil
		}
		w.seen[key] = true
	}
	select {
	case jobs <- fileJob{rel: e.file, size: fi.Size(), dev: st.Dev, ino: st.Ino, view: view}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

var shortLinkRe = regexp.MustCompile(`^l/[A-Za-z0-9]+$`)

// ParseLower reads an overlay layer's lower file ("l/ABC:l/DEF", the layers below
// it, nearest first, as short links inside the driver's folder).
func ParseLower(data string) ([]string, error) {
	data = strings.TrimSpace(data)
	if data == "" {
		return nil, nil
	}
	parts := strings.Split(data, ":")
	for _, p := range parts {
		if !shortLinkRe.MatchString(p) {
			return nil, fmt.Errorf("lower entry %q: want l/SHORTNAME", p)
		}
	}
	return parts, nil
}

var linkTargetRe = regexp.MustCompile(`^\.\./([A-Za-z0-9_-]+)/diff$`)

// layerFromShortLink resolves one short link of a lower file ("l/ABC", a link to
// "../LAYERID/diff") to the layer folder, reading the link rather than following it
// so that a crafted link can point nowhere but at a sibling layer.
func layerFromShortLink(root *os.Root, driverDir, short string) (string, error) {
	target, err := root.Readlink(driverDir + "/" + short)
	if err != nil {
		return "", err
	}
	m := linkTargetRe.FindStringSubmatch(target)
	if m == nil {
		return "", errors.New(short + ": link target " + target + " is not ../LAYER/diff")
	}
	return driverDir + "/" + m[1] + "/diff", nil
}
