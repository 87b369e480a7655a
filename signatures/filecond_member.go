package signatures

import (
	"regexp"
	"slices"
)

// ExcludesPath reports whether one of the section's "!" exclusions matches path. A
// member of an archive is matched by its own path inside the archive, and excluded
// when its own path or the archive file's path is excluded: an archive under
// /usr/share is documentation, whatever it holds.
func (f *FileCond) ExcludesPath(path string) bool {
	return slices.ContainsFunc(f.compiled.notPaths, func(re *regexp.Regexp) bool { return re.MatchString(path) })
}
