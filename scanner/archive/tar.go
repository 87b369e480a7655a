package archive

import (
	"archive/tar"
	"io"
)

// tar reads the members of a tar stream (from a file, or from the decoder of a
// .tar.gz and the like). Its bytes were counted by the decoder that made them.
func (w *walker) tar(r io.Reader, p string, depth int) error {
	tr := tar.NewReader(r)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return w.rest(p, err)
		}
		if err := w.entry(); err != nil {
			return err
		}
		if hdr.Typeflag != tar.TypeReg && hdr.Typeflag != '\x00' {
			continue // folders, links, devices: no content
		}
		mpath, mname := memberPath(p, hdr.Name)
		if hdr.Size > w.lim.MaxMember {
			w.v.Skip(mpath, SkipMember)
			continue
		}
		br := getBuf(tr)
		err = w.member(br, mpath, mname, hdr.Size, depth+1)
		putBuf(br)
		if err != nil {
			return err
		}
	}
}
