package signatures

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
)

// Hash lists are loaded in two passes so that memory stays compact while loading,
// not only once loaded: the first pass counts the entries of each algorithm, the
// second parses each line straight into arrays reserved at their final size. A
// million SHA-256 take 32 MB then, at every moment, where growing a slice by
// appending holds the old and the new array at once (and a list of 5 million lines
// peaked at 340 MB, above the daemon's 256 MiB limit). Reading a list twice from the
// page cache costs far less than that memory.

// hashCounts is the number of entries of each algorithm in one or more lists, and of
// those with a file size (ClamAV's HASH:SIZE:NAME).
type hashCounts struct{ sha256, sha1, md5, sized256, sized1, sizedMD5 int }

// count counts one list entry by its hex length; a bad entry is left to the second
// pass to report.
func (c *hashCounts) count(field []byte, _ int) error {
	sized := 0
	if i := bytes.IndexByte(field, ':'); i >= 0 {
		field, sized = field[:i], 1
	}
	switch len(field) {
	case 64:
		c.sha256++
		c.sized256 += sized
	case 40:
		c.sha1++
		c.sized1 += sized
	case 32:
		c.md5++
		c.sizedMD5 += sized
	}
	return nil
}

// reserve makes room for c more entries, so that adding them allocates nothing.
func (h *HashSet) reserve(c hashCounts) {
	h.sha256 = slices.Grow(h.sha256, c.sha256)
	h.sha1 = slices.Grow(h.sha1, c.sha1)
	h.md5 = slices.Grow(h.md5, c.md5)
	h.sha256Sizes = slices.Grow(h.sha256Sizes, c.sized256)
	h.sha1Sizes = slices.Grow(h.sha1Sizes, c.sized1)
	h.md5Sizes = slices.Grow(h.md5Sizes, c.sizedMD5)
}

// maxBadLines is how many bad lines a list may have before reading it stops.
const maxBadLines = 10

// scanFields calls fn with the first field of every line of r that is not blank or a
// comment ("#"); the field is only valid during the call. where names a line in an
// error ("FILE:LINE", or "line N"). It stops after maxBadLines errors.
func scanFields(r io.Reader, where func(line int) string, fn func(field []byte, line int) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var errs []error
	n := 0
	for sc.Scan() {
		n++
		field := firstField(sc.Bytes())
		if len(field) == 0 {
			continue
		}
		if err := fn(field, n); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", where(n), err))
			if len(errs) == maxBadLines {
				errs = append(errs, fmt.Errorf("%s: stopped after %d bad lines", where(n), maxBadLines))
				break
			}
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", where(n+1), err))
	}
	return errors.Join(errs...)
}

// readHashes loads a hash list from r in two passes (see above) into h, which may
// already hold entries.
func (h *HashSet) readHashes(r io.ReadSeeker, where func(line int) string) error {
	var c hashCounts
	_ = scanFields(r, where, c.count)
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("%s: %w", where(0), err)
	}
	h.reserve(c)
	return scanFields(r, where, h.addBytes)
}
