package signatures

// ExcludesPath reports whether one of the section's "!" exclusions matches path. A
// member of an archive is matched by its own path inside the archive, and excluded
// when its own path or the archive file's path is excluded: an archive under
// /usr/share is documentation, whatever it holds.
func (f *FileCond) ExcludesPath(path string) bool {
	return f.compiled.globs.excludes(path)
}
