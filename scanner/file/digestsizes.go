package file

import (
	"io"
	"io/fs"
	"slices"

	"github.com/aupscan/aupscan/signatures"
)

// digestSizes are the file sizes whose MD5 or SHA-1 some hash list can match. A
// ClamAV hash database (.hdb, .hsb) gives every hash its file's size, so with
// thousands of MD5 hashes a scan computes MD5 for the few files of those sizes
// only; one hash without a size (anyMD5) makes every file need it.
type digestSizes struct {
	md5, sha1       []int64
	anyMD5, anySHA1 bool
}

func (d *digestSizes) add(h *signatures.HashSet) {
	md5, anyMD5, sha1, anySHA1 := h.DigestSizes()
	d.md5, d.anyMD5 = append(d.md5, md5...), d.anyMD5 || anyMD5
	d.sha1, d.anySHA1 = append(d.sha1, sha1...), d.anySHA1 || anySHA1
	slices.Sort(d.md5)
	slices.Sort(d.sha1)
}

// needs says whether a file of size (-1: not known) needs an MD5 and a SHA-1.
func (e *Engine) needs(size int64) (md5, sha1 bool) {
	d := &e.digestSizes
	_, md5Listed := slices.BinarySearch(d.md5, size)
	_, sha1Listed := slices.BinarySearch(d.sha1, size)
	return e.needMD5 && (size < 0 || d.anyMD5 || md5Listed), e.needSHA1 && (size < 0 || d.anySHA1 || sha1Listed)
}

// sizeOf returns the size of what r reads when it can tell (an *os.File or a
// wrapper of one), else -1.
func sizeOf(r io.Reader) int64 {
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	}
	return -1
}
