package rulepack

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/dustin/go-humanize"
)

// CheckFileName accepts a plain file name: no folder, not hidden (names starting with
// "." are the installer's state and temporary files), no control characters.
func CheckFileName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("%w: empty", ErrBadFileName)
	case len(name) > 255:
		return fmt.Errorf("%w: %.40q...: longer than 255 bytes", ErrBadFileName, name)
	case !utf8.ValidString(name):
		return fmt.Errorf("%w: %q: not UTF-8", ErrBadFileName, name)
	case strings.ContainsAny(name, `/\`):
		return fmt.Errorf("%w: %q: has a path separator", ErrBadFileName, name)
	case name == "." || name == ".." || strings.HasPrefix(name, "."):
		return fmt.Errorf("%w: %q: starts with a dot", ErrBadFileName, name)
	case filepath.IsAbs(name) || filepath.VolumeName(name) != "":
		return fmt.Errorf("%w: %q: absolute", ErrBadFileName, name)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return fmt.Errorf("%w: %q: has a control character", ErrBadFileName, name)
		}
	}
	return nil
}

// checkFiles checks a pack's file list: valid names, sorted, no duplicates, within
// the limits.
func checkFiles(files []File) error {
	if len(files) > MaxFiles {
		return fmt.Errorf("%w: %d files, at most %d", ErrTooLarge, len(files), MaxFiles)
	}
	var size int64
	for i, f := range files {
		if err := CheckFileName(f.Name); err != nil {
			return err
		}
		if i > 0 && files[i-1].Name >= f.Name {
			if files[i-1].Name == f.Name {
				return fmt.Errorf("%w: %q twice", ErrBadFileName, f.Name)
			}
			return fmt.Errorf("%w: %q after %q: names not sorted", ErrBadFileName, f.Name, files[i-1].Name)
		}
		if f.Object == nil {
			size += int64(len(f.Data))
		}
	}
	if size > MaxContent {
		return fmt.Errorf("%w: the files take %s, at most %s", ErrTooLarge, humanize.IBytes(uint64(size)), humanize.IBytes(MaxContent))
	}
	return nil
}
