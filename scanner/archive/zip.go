package archive

import (
	"archive/zip"
	"io"
)

// zip reads the members of a zip archive. Each member's compressed bytes are
// counted as they are decoded, so its ratio is measured, not taken from its header.
func (w *walker) zip(ra io.ReaderAt, size int64, p string, depth int) error {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		w.v.Skip(p, SkipCorrupt+": "+err.Error())
		return nil
	}
	for _, f := range zr.File {
		if err := w.entry(); err != nil {
			return err
		}
		if !f.Mode().IsRegular() {
			continue // folders, links: no content
		}
		mpath, mname := memberPath(p, f.Name)
		switch {
		case f.Flags&0x1 != 0:
			w.v.Skip(mpath, SkipEncrypted)
			continue
		case f.UncompressedSize64 > uint64(w.lim.MaxMember):
			w.v.Skip(mpath, SkipMember)
			continue
		}
		if err := w.zipMember(f, mpath, mname, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) zipMember(f *zip.File, mpath, mname string, depth int) error {
	raw, err := f.OpenRaw()
	if err != nil {
		w.v.Skip(mpath, SkipCorrupt+": "+err.Error())
		return nil
	}
	// Buffered, the compressed bytes come from the file in large reads rather than
	// flate's 4 KiB ones, and the counter is an io.ByteReader that flate reads
	// without a buffer of its own.
	rb := getBuf(raw)
	defer putBuf(rb)
	in := &byteCounter{counter: counter{r: rb}, br: rb}
	dec := w.zipDecoder(f.Method, in)
	if dec == nil {
		w.v.Skip(mpath, SkipMethod)
		return nil
	}
	defer dec.Close()
	br := getBuf(w.newMeter(dec, &in.counter))
	defer putBuf(br)
	return w.member(br, mpath, mname, int64(f.UncompressedSize64), depth)
}
