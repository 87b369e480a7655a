package archive

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"

	"github.com/bodgit/sevenzip"
)

// sevenZip reads the members of a 7z archive with bodgit/sevenzip, after checking
// the archive's headers by their CRCs (check7z). A solid archive decodes its
// members as one stream, so a member's ratio cannot be measured: the file's total
// and whole ratio still bound it.
func (w *walker) sevenZip(ra io.ReaderAt, size int64, p string, depth int) error {
	if err := check7z(ra, size, w.lim); err != nil {
		var le *LimitError
		if errors.As(err, &le) {
			w.v.Skip(p, le.Reason)
		} else {
			w.v.Skip(p, SkipCorrupt+": "+err.Error())
		}
		return nil
	}
	zr, err := open7z(ra, size)
	if err != nil {
		w.v.Skip(p, sevenZipReason(err))
		return nil
	}
	for _, f := range zr.File {
		if err := w.entry(); err != nil {
			return err
		}
		if !f.Mode().IsRegular() {
			continue
		}
		mpath, mname := memberPath(p, f.Name)
		if f.UncompressedSize > uint64(w.lim.MaxMember) {
			w.v.Skip(mpath, SkipMember)
			continue
		}
		if err := w.sevenZipMember(f, mpath, mname, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) sevenZipMember(f *sevenzip.File, mpath, mname string, depth int) error {
	rc, err := openMember7z(f)
	if err != nil {
		w.v.Skip(mpath, sevenZipReason(err))
		return nil
	}
	defer rc.Close()
	br := getBuf(w.newMeter(guarded7z{rc}, nil))
	defer putBuf(br)
	return w.member(br, mpath, mname, int64(f.UncompressedSize), depth)
}

func sevenZipReason(err error) string {
	var re *sevenzip.ReadError
	if errors.As(err, &re) && re.Encrypted {
		return SkipEncrypted
	}
	return SkipCorrupt + ": " + err.Error()
}

// check7z checks a 7z archive's headers before the reader parses them: the start
// header and the header it points to by their CRCs, and every count and
// dictionary size in the header (decoded first when it is compressed) against lim
// (check7zHeader). The reader allocates whatever a header's counts ask for, so a
// header that asks for more than the limits allow must not reach it.
func check7z(ra io.ReaderAt, size int64, lim Limits) error {
	maxHeader := lim.MaxBuffer
	var sh [32]byte
	if _, err := ra.ReadAt(sh[:], 0); err != nil {
		return fmt.Errorf("7z signature header: %w", err)
	}
	if crc32.ChecksumIEEE(sh[12:32]) != binary.LittleEndian.Uint32(sh[8:12]) {
		return errors.New("7z start header CRC mismatch")
	}
	off, n := binary.LittleEndian.Uint64(sh[12:20]), binary.LittleEndian.Uint64(sh[20:28])
	switch {
	case n == 0:
		return nil // an empty archive
	case n > uint64(maxHeader):
		return fmt.Errorf("7z header of %d bytes", n)
	case off > uint64(size) || 32+off+n > uint64(size):
		return errors.New("7z header beyond the end of the file")
	}
	hdr := make([]byte, n)
	if _, err := ra.ReadAt(hdr, int64(32+off)); err != nil {
		return fmt.Errorf("7z header: %w", err)
	}
	if crc32.ChecksumIEEE(hdr) != binary.LittleEndian.Uint32(sh[28:32]) {
		return errors.New("7z header CRC mismatch")
	}
	return check7zHeader(ra, size, hdr, lim)
}

// The 7z reader panics on some inconsistent headers that pass the checks above
// (found by FuzzSevenZipHeader): a panic in it is taken for a corrupt archive, not
// allowed to end the scan.

func recovered(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("7z reader failed: %v", r)
	}
}

func open7z(ra io.ReaderAt, size int64) (zr *sevenzip.Reader, err error) {
	defer recovered(&err)
	return sevenzip.NewReader(ra, size)
}

func openMember7z(f *sevenzip.File) (rc io.ReadCloser, err error) {
	defer recovered(&err)
	return f.Open()
}

// guarded7z is a 7z member whose reads turn a panic into an error.
type guarded7z struct{ rc io.ReadCloser }

func (g guarded7z) Read(p []byte) (n int, err error) {
	defer recovered(&err)
	return g.rc.Read(p)
}
