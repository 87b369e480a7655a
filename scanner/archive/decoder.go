package archive

import (
	"compress/bzip2"
	"compress/flate"
	"compress/gzip"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"sync"

	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"

	"github.com/aupscan/aupscan/signatures"
)

// decoder opens a compressed stream of format f; inner is the name its header
// keeps, if any.
func (w *walker) decoder(f Format, in io.Reader) (dec io.ReadCloser, inner string, err error) {
	switch f {
	case Gzip:
		zr, err := gzip.NewReader(in)
		if err != nil {
			return nil, "", fmt.Errorf("gzip: %w", err)
		}
		return zr, zr.Name, nil
	case Bzip2:
		return io.NopCloser(bzip2.NewReader(in)), "", nil
	case XZ:
		xr, err := xz.NewReader(in)
		if err != nil {
			return nil, "", fmt.Errorf("xz: %w", err)
		}
		return io.NopCloser(xr), "", nil
	case Zstd:
		return w.zstd(in)
	}
	return nil, "", fmt.Errorf("%s is no compressed stream", f)
}

// zstd opens a zstd stream with one decoding goroutine and a window of at most
// MaxBuffer: a frame asking for more is refused, not allocated.
func (w *walker) zstd(in io.Reader) (io.ReadCloser, string, error) {
	zr, err := zstd.NewReader(in, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true),
		zstd.WithDecoderMaxWindow(uint64(max(w.lim.MaxBuffer, zstd.MinWindowSize))))
	if err != nil {
		return nil, "", fmt.Errorf("zstd: %w", err)
	}
	return zr.IOReadCloser(), "", nil
}

// zipDecoder decodes one zip member's raw bytes; nil for a method it does not know.
func (w *walker) zipDecoder(method uint16, raw io.Reader) io.ReadCloser {
	switch method {
	case 0: // stored
		return io.NopCloser(raw)
	case 8:
		return newInflater(raw)
	case 12:
		return io.NopCloser(bzip2.NewReader(raw))
	case 93:
		if zr, _, err := w.zstd(raw); err == nil {
			return zr
		}
	case 95:
		if xr, err := xz.NewReader(raw); err == nil {
			return io.NopCloser(xr)
		}
	}
	return nil
}

// checkXZ refuses an xz stream whose first block asks for a dictionary larger than
// maxDict: the decoder would allocate it whole. Later blocks are not looked at
// before they are decoded (xz writes the same filter in every block).
func checkXZ(head []byte, maxDict int64) error {
	if len(head) < 13 {
		return nil // too short to hold a block: the decoder says what is wrong
	}
	b := head[12:]
	if b[0] == 0 {
		return nil // an index: no block
	}
	size := int(b[0]+1) * 4
	if len(b) < size || size < 2 {
		return nil
	}
	hdr, flags := b[1:size], b[1]
	pos := 1
	for _, present := range []bool{flags&0x40 != 0, flags&0x80 != 0} {
		if present {
			if _, n := uvarint(hdr[pos:]); n > 0 {
				pos += n
			} else {
				return nil
			}
		}
	}
	for range int(flags&3) + 1 {
		id, n := uvarint(hdr[pos:])
		if n <= 0 {
			return nil
		}
		pos += n
		psize, n := uvarint(hdr[pos:])
		if n <= 0 || pos+n+int(psize) > len(hdr) {
			return nil
		}
		pos += n
		if id == 0x21 && psize == 1 { // LZMA2: one byte codes the dictionary size
			bits := hdr[pos] & 0x3f
			if bits > 40 {
				return errors.New("xz: bad LZMA2 dictionary size")
			}
			dict := int64(0xffffffff)
			if bits < 40 {
				dict = int64(2|bits&1) << (bits/2 + 11)
			}
			if dict > maxDict {
				return fmt.Errorf("xz: dictionary of %d bytes", dict)
			}
		}
		pos += int(psize)
	}
	return nil
}

// uvarint reads xz's multibyte integer (at most 9 bytes); n <= 0 when b holds none.
func uvarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 9; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i]&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}

// digester hashes what is read through it: a nested archive, whose members are
// scanned instead of it, still has its digests for the hash lists.
type digester struct {
	r      io.Reader
	n      int64
	hashes []hash.Hash // SHA-256, then SHA-1 and MD5 when asked
}

func newDigester(r io.Reader, all bool) *digester {
	d := &digester{r: r, hashes: []hash.Hash{sha256.New()}}
	if all {
		d.hashes = append(d.hashes, sha1.New(), md5.New())
	}
	return d
}

func (d *digester) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	d.n += int64(n)
	for _, h := range d.hashes {
		h.Write(p[:n])
	}
	return n, err
}

func (d *digester) digests() signatures.Digests {
	var out signatures.Digests
	out.SHA256 = [32]byte(d.hashes[0].Sum(nil))
	if len(d.hashes) == 3 {
		s1, m5 := [20]byte(d.hashes[1].Sum(nil)), [16]byte(d.hashes[2].Sum(nil))
		out.SHA1, out.MD5 = &s1, &m5
	}
	return out
}

// inflaters are flate decoders reused across zip members: a new one costs tens of
// KiB of tables, and a zip holds thousands of small members.
var inflaters sync.Pool

type inflater struct{ io.ReadCloser }

func newInflater(r io.Reader) io.ReadCloser {
	if f, ok := inflaters.Get().(io.ReadCloser); ok {
		if err := f.(flate.Resetter).Reset(r, nil); err == nil {
			return inflater{f}
		}
	}
	return inflater{flate.NewReader(r)}
}

// Close returns the decoder to the pool.
func (f inflater) Close() error {
	err := f.ReadCloser.Close()
	inflaters.Put(f.ReadCloser)
	return err
}
