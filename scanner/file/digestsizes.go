package file

import (
	"io"
	"io/fs"
	"slices"

	"github.com/aupscan/aupscan/signatures"
)

// digestSizes are the file sizes whose SHA-256, MD5 or SHA-1 some hash list can
// match. A ClamAV hash database (.hdb, .hsb) gives every hash its file's size, so
// with thousands of hashes a scan computes them for the few files of those sizes
// only; one hash without a size (anyMD5) makes every file need it.
//
// A file no list can match by SHA-256 is not hashed with it either (hashing costs
// a third of a scan's time): a file with a finding is hashed afterwards, for the
// finding's evidence (Scanner.hashFound), and a cache keeps the digests it has, so
// that a later list that needs one rereads the file (CanMatchDigests).
type digestSizes struct {
	sha256, md5, sha1          []int64
	anySHA256, anyMD5, anySHA1 bool
}

func (d *digestSizes) add(h *signatures.HashSet) {
	md5, anyMD5, sha1, anySHA1 := h.DigestSizes()
	sha256, anySHA256 := h.SHA256Sizes()
	d.md5, d.anyMD5 = append(d.md5, md5...), d.anyMD5 || anyMD5
	d.sha1, d.anySHA1 = append(d.sha1, sha1...), d.anySHA1 || anySHA1
	d.sha256, d.anySHA256 = append(d.sha256, sha256...), d.anySHA256 || anySHA256
	slices.Sort(d.md5)
	slices.Sort(d.sha1)
	slices.Sort(d.sha256)
}

// needs says which digests a file of size (-1: not known) needs.
func (e *Engine) needs(size int64) (sha256, md5, sha1 bool) {
	d := &e.digestSizes
	listed := func(sizes []int64, anySize bool) bool {
		_, ok := slices.BinarySearch(sizes, size)
		return size < 0 || anySize || ok
	}
	return e.needSHA256 && listed(d.sha256, d.anySHA256), e.needMD5 && listed(d.md5, d.anyMD5),
		e.needSHA1 && listed(d.sha1, d.anySHA1)
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
