package host

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// PlanEntry is one thing a host scan would read: a path inside the root and what it
// is to the scan.
type PlanEntry struct {
	Path string `json:"path"`
	What string `json:"what"`
}

// What a plan entry is.
const (
	PlanFolder    = "folder, walked"
	PlanFile      = "file, read"
	PlanAbsent    = "absent on this system"
	PlanSymlink   = "symbolic link, not followed (where it leads is walked if listed)"
	PlanPackages  = "package database"
	PlanProcesses = "running processes and listening sockets"
)

// Plan lists what Scan would walk with o, without reading any file: the folders to
// walk (those this system lacks are said to be absent), the package databases, the
// programs the system starts from elsewhere, each container's view and, on the live
// system, the processes. A person checks it before a long scan.
func Plan(o Options) ([]PlanEntry, error) {
	if o.Root == "" {
		o.Root = "/"
	}
	if o.Paths == nil {
		o.Paths = DefaultPaths
	}
	root, err := os.OpenRoot(o.Root)
	if err != nil {
		return nil, fmt.Errorf("scan root: %w", err)
	}
	defer root.Close()
	excluded, err := compileGlobs(o.Files.Exclude)
	if err != nil {
		return nil, err
	}
	var out []PlanEntry
	for _, p := range o.Paths {
		what := PlanFolder
		switch fi, err := root.Lstat(orDot(relPath(p))); {
		case excluded(path.Clean("/" + p)):
			what = SkipExcluded
		case errors.Is(err, fs.ErrNotExist):
			what = PlanAbsent
		case err != nil:
			what = SkipUnreadable + ": " + err.Error()
		case fi.Mode()&fs.ModeSymlink != 0:
			what = PlanSymlink
		case !fi.IsDir():
			what = PlanFile
		}
		out = append(out, PlanEntry{path.Clean("/" + p), what})
	}
	for _, db := range []string{"/var/lib/dpkg/status", "/lib/apk/db/installed", "/var/lib/rpm/rpmdb.sqlite", "/usr/lib/sysimage/rpm/rpmdb.sqlite"} {
		if _, err := root.Lstat(relPath(db)); err == nil {
			out = append(out, PlanEntry{db, PlanPackages})
		}
	}
	starts, _ := FindStarts(root)
	byProgram := startsByProgram(starts)
	for _, prog := range slices.Sorted(maps.Keys(byProgram)) {
		if !underAny(prog, o.Paths) {
			out = append(out, PlanEntry{prog, "program " + startEvidence(byProgram[prog])})
		}
	}
	views, _, _ := FindContainers(root)
	for _, v := range views {
		if len(v.Layers) == 0 {
			continue
		}
		out = append(out, PlanEntry{"/" + v.Layers[0], fmt.Sprintf("container %s (image %s), walked as it sees its files", v.Name, or(v.Image, "unknown"))})
	}
	if o.Processes {
		out = append(out, PlanEntry{"/proc", PlanProcesses})
	}
	if o.Root != "/" {
		for i := range out {
			out[i].Path = filepath.Join(o.Root, out[i].Path)
		}
	}
	return out, nil
}

// underAny says whether the slash path p lies in one of the folders.
func underAny(p string, folders []string) bool {
	for _, f := range folders {
		f = path.Clean("/" + f)
		if p == f || strings.HasPrefix(p, strings.TrimSuffix(f, "/")+"/") {
			return true
		}
	}
	return false
}
