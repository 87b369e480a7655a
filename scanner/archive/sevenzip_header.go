package archive

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/ulikunitz/xz/lzma"
)

// The property ids of 7z headers (7-Zip's 7zFormat.txt).
const (
	k7zEnd           = 0x00
	k7zHeader        = 0x01
	k7zMainStreams   = 0x04
	k7zFilesInfo     = 0x05
	k7zPackInfo      = 0x06
	k7zUnpackInfo    = 0x07
	k7zSubStreams    = 0x08
	k7zSize          = 0x09
	k7zCRC           = 0x0a
	k7zFolder        = 0x0b
	k7zUnpackSize    = 0x0c
	k7zNumUnpack     = 0x0d
	k7zEncodedHeader = 0x17
	k7zDummy         = 0x19
)

var errBad7z = errors.New("7z header malformed")

// check7zHeader walks a 7z header as the reader will, checking each count against
// the entry limit and each coder's memory against MaxBuffer. An encoded header
// (7-Zip's default: the header itself LZMA-compressed) is decoded within MaxBuffer
// and checked in turn.
func check7zHeader(ra io.ReaderAt, size int64, hdr []byte, lim Limits) error {
	h := &hdr7z{b: hdr, lim: lim}
	id, err := h.byte()
	if err != nil {
		return err
	}
	switch id {
	case k7zHeader:
		return h.header()
	case k7zEncodedHeader:
		si, err := h.streams()
		if err != nil {
			return err
		}
		dec, err := decode7zHeader(ra, size, si, lim.MaxBuffer)
		if err != nil {
			return err
		}
		h = &hdr7z{b: dec, lim: lim}
		if id, err := h.byte(); err != nil || id != k7zHeader {
			return errBad7z
		}
		return h.header()
	}
	return errBad7z
}

// hdr7z reads a header's bytes; every count it reads is bounded.
type hdr7z struct {
	b   []byte
	pos int
	lim Limits
}

func (h *hdr7z) byte() (byte, error) {
	if h.pos >= len(h.b) {
		return 0, errBad7z
	}
	h.pos++
	return h.b[h.pos-1], nil
}

// num reads 7z's variable-length number: the leading one bits of the first byte
// count the bytes that follow.
func (h *hdr7z) num() (uint64, error) {
	first, err := h.byte()
	if err != nil {
		return 0, err
	}
	var v uint64
	mask := byte(0x80)
	for i := range 8 {
		if first&mask == 0 {
			return v | uint64(first&(mask-1))<<(8*i), nil
		}
		b, err := h.byte()
		if err != nil {
			return 0, err
		}
		v |= uint64(b) << (8 * i)
		mask >>= 1
	}
	return v, nil
}

// count reads a number of items: at most four for each entry the limits allow (a
// folder has a few coders and streams), and never more than the header has bytes.
func (h *hdr7z) count() (int, error) {
	n, err := h.num()
	if err != nil {
		return 0, err
	}
	if n > uint64(4*h.lim.MaxEntries) {
		return 0, &LimitError{Reason: SkipEntries}
	}
	if n > uint64(len(h.b)) {
		return 0, errBad7z
	}
	return int(n), nil
}

func (h *hdr7z) skip(n uint64) error {
	if n > uint64(len(h.b)-h.pos) {
		return errBad7z
	}
	h.pos += int(n)
	return nil
}

func (h *hdr7z) nums(n int) ([]uint64, error) {
	out := make([]uint64, n)
	for i := range out {
		var err error
		if out[i], err = h.num(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// digests skips n optional CRCs and says which are defined.
func (h *hdr7z) digests(n int) ([]bool, error) {
	defined, err := h.bits(n)
	if err != nil {
		return nil, err
	}
	for _, d := range defined {
		if d {
			if err := h.skip(4); err != nil {
				return nil, err
			}
		}
	}
	return defined, nil
}

// bits reads an "all defined" byte and, when it is 0, a bit vector of n.
func (h *hdr7z) bits(n int) ([]bool, error) {
	all, err := h.byte()
	if err != nil {
		return nil, err
	}
	out := make([]bool, n)
	for i := range out {
		if all != 0 {
			out[i] = true
			continue
		}
		if h.pos+i/8 >= len(h.b) {
			return nil, errBad7z
		}
		out[i] = h.b[h.pos+i/8]&(0x80>>(i%8)) != 0
	}
	if all == 0 {
		h.pos += (n + 7) / 8
	}
	return out, nil
}

// folder7z is what a header says of one folder (a chain of coders).
type folder7z struct {
	coders []coder7z
	unpack []uint64 // one size a coder output stream
}

type coder7z struct {
	id    []byte
	props []byte
}

// streams7z is a streams-info block.
type streams7z struct {
	packPos   uint64
	packSizes []uint64
	folders   []folder7z
}

func (h *hdr7z) header() error {
	id, err := h.byte()
	if err != nil {
		return err
	}
	if id == k7zMainStreams {
		if _, err := h.streams(); err != nil {
			return err
		}
		if id, err = h.byte(); err != nil {
			return err
		}
	}
	if id == k7zFilesInfo {
		if err := h.files(); err != nil {
			return err
		}
		if id, err = h.byte(); err != nil {
			return err
		}
	}
	if id != k7zEnd {
		return errBad7z // archive properties, additional streams: the reader has none either
	}
	return nil
}

func (h *hdr7z) streams() (*streams7z, error) {
	si := &streams7z{}
	id, err := h.byte()
	if err != nil {
		return nil, err
	}
	if id == k7zPackInfo {
		if err := h.packInfo(si); err != nil {
			return nil, err
		}
		if id, err = h.byte(); err != nil {
			return nil, err
		}
	}
	if id == k7zUnpackInfo {
		if err := h.unpackInfo(si); err != nil {
			return nil, err
		}
		if id, err = h.byte(); err != nil {
			return nil, err
		}
	}
	if id == k7zSubStreams {
		if err := h.subStreams(si); err != nil {
			return nil, err
		}
		if id, err = h.byte(); err != nil {
			return nil, err
		}
	}
	if id != k7zEnd {
		return nil, errBad7z
	}
	return si, nil
}

func (h *hdr7z) packInfo(si *streams7z) error {
	var err error
	if si.packPos, err = h.num(); err != nil {
		return err
	}
	n, err := h.count()
	if err != nil {
		return err
	}
	for {
		id, err := h.byte()
		switch {
		case err != nil:
			return err
		case id == k7zEnd:
			return nil
		case id == k7zSize:
			if si.packSizes, err = h.nums(n); err != nil {
				return err
			}
		case id == k7zCRC:
			if _, err := h.digests(n); err != nil {
				return err
			}
		default:
			return errBad7z
		}
	}
}

func (h *hdr7z) unpackInfo(si *streams7z) error {
	if id, err := h.byte(); err != nil || id != k7zFolder {
		return errBad7z
	}
	n, err := h.count()
	if err != nil {
		return err
	}
	if ext, err := h.byte(); err != nil || ext != 0 {
		return errBad7z
	}
	si.folders = make([]folder7z, n)
	outs := make([]int, n)
	for i := range si.folders {
		if outs[i], err = h.folder(&si.folders[i]); err != nil {
			return err
		}
	}
	if id, err := h.byte(); err != nil || id != k7zUnpackSize {
		return errBad7z
	}
	for i := range si.folders {
		if si.folders[i].unpack, err = h.nums(outs[i]); err != nil {
			return err
		}
	}
	id, err := h.byte()
	if err == nil && id == k7zCRC {
		if _, err = h.digests(n); err == nil {
			id, err = h.byte()
		}
	}
	if err != nil || id != k7zEnd {
		return errBad7z
	}
	return nil
}

// folder reads one folder's coders and bindings, checks the memory its decoders
// will take, and returns its count of output streams.
func (h *hdr7z) folder(f *folder7z) (int, error) {
	n, err := h.count()
	if err != nil || n == 0 {
		return 0, errBad7z
	}
	ins, outs := 0, 0
	for range n {
		flag, err := h.byte()
		if err != nil || flag&0x80 != 0 {
			return 0, errBad7z
		}
		c := coder7z{}
		start := h.pos
		if err := h.skip(uint64(flag & 0x0f)); err != nil {
			return 0, err
		}
		c.id = h.b[start:h.pos]
		in, out := 1, 1
		if flag&0x10 != 0 {
			if in, err = h.count(); err != nil {
				return 0, err
			}
			if out, err = h.count(); err != nil {
				return 0, err
			}
		}
		ins, outs = ins+in, outs+out
		if flag&0x20 != 0 {
			size, err := h.num()
			if err != nil {
				return 0, err
			}
			start := h.pos
			if err := h.skip(size); err != nil {
				return 0, err
			}
			c.props = h.b[start:h.pos]
		}
		if err := checkCoder(c, h.lim.MaxBuffer); err != nil {
			return 0, err
		}
		f.coders = append(f.coders, c)
	}
	if outs > 4*h.lim.MaxEntries || ins > 4*h.lim.MaxEntries {
		return 0, &LimitError{Reason: SkipEntries}
	}
	for range outs - 1 { // bind pairs
		if _, err := h.nums(2); err != nil {
			return 0, err
		}
	}
	if packed := ins - (outs - 1); packed > 1 {
		if _, err := h.nums(packed); err != nil {
			return 0, err
		}
	} else if packed < 1 {
		return 0, errBad7z
	}
	return outs, nil
}

// checkCoder refuses a decoder that would allocate more than maxMem: LZMA and
// LZMA2 dictionaries, PPMd's model.
func checkCoder(c coder7z, maxMem int64) error {
	var mem int64
	switch {
	case bytes.Equal(c.id, []byte{3, 1, 1}) && len(c.props) == 5: // LZMA
		mem = int64(binary.LittleEndian.Uint32(c.props[1:]))
	case bytes.Equal(c.id, []byte{0x21}) && len(c.props) == 1: // LZMA2
		bits := c.props[0] & 0x3f
		if bits > 40 {
			return errBad7z
		}
		mem = 0xffffffff
		if bits < 40 {
			mem = int64(2|bits&1) << (bits/2 + 11)
		}
	case bytes.Equal(c.id, []byte{3, 4, 1}) && len(c.props) >= 5: // PPMd
		mem = int64(binary.LittleEndian.Uint32(c.props[1:5]))
	}
	if mem > maxMem {
		return &LimitError{Reason: SkipMemory}
	}
	return nil
}

func (h *hdr7z) subStreams(si *streams7z) error {
	per := make([]int, len(si.folders))
	for i := range per {
		per[i] = 1
	}
	id, err := h.byte()
	if err != nil {
		return err
	}
	if id == k7zNumUnpack {
		total := 0
		for i := range per {
			if per[i], err = h.count(); err != nil {
				return err
			}
			if total += per[i]; total > 4*h.lim.MaxEntries {
				return &LimitError{Reason: SkipEntries}
			}
		}
		if id, err = h.byte(); err != nil {
			return err
		}
	}
	if id == k7zSize {
		for _, n := range per {
			if n > 0 {
				if _, err := h.nums(n - 1); err != nil {
					return err
				}
			}
		}
		if id, err = h.byte(); err != nil {
			return err
		}
	}
	if id == k7zCRC {
		n := 0
		for _, k := range per {
			n += k // a folder of one stream with its own CRC has none here; 7-Zip writes none such
		}
		if _, err := h.digests(n); err != nil {
			return err
		}
		if id, err = h.byte(); err != nil {
			return err
		}
	}
	if id != k7zEnd {
		return errBad7z
	}
	return nil
}

func (h *hdr7z) files() error {
	n, err := h.count()
	if err != nil {
		return err
	}
	if n > h.lim.MaxEntries {
		return &LimitError{Reason: SkipEntries}
	}
	for {
		id, err := h.byte()
		if err != nil {
			return err
		}
		if id == k7zEnd {
			return nil
		}
		size, err := h.num()
		if err != nil {
			return err
		}
		if err := h.skip(size); err != nil {
			return err
		}
	}
}

// decode7zHeader decodes an encoded header: one folder of one LZMA coder (what
// 7-Zip writes), its output within maxSize bytes.
func decode7zHeader(ra io.ReaderAt, size int64, si *streams7z, maxSize int64) ([]byte, error) {
	if len(si.folders) != 1 || len(si.packSizes) != 1 || len(si.folders[0].coders) != 1 {
		return nil, fmt.Errorf("%w: encoded header of %d folders", errBad7z, len(si.folders))
	}
	f := si.folders[0]
	c := f.coders[0]
	if !bytes.Equal(c.id, []byte{3, 1, 1}) || len(c.props) != 5 || len(f.unpack) != 1 {
		return nil, fmt.Errorf("%w: header coder %x", errBad7z, c.id)
	}
	unpack, packed := f.unpack[0], si.packSizes[0]
	if unpack > uint64(maxSize) || packed > uint64(maxSize) {
		return nil, &LimitError{Reason: SkipMemory}
	}
	if 32+si.packPos+packed > uint64(size) {
		return nil, errBad7z
	}
	// An .lzma file's header is the coder's properties and the unpacked size.
	var lh [lzma.HeaderLen]byte
	copy(lh[:5], c.props)
	binary.LittleEndian.PutUint64(lh[5:], unpack)
	zr, err := lzma.NewReader(io.MultiReader(bytes.NewReader(lh[:]), io.NewSectionReader(ra, int64(32+si.packPos), int64(packed))))
	if err != nil {
		return nil, fmt.Errorf("7z header: %w", err)
	}
	out := make([]byte, unpack)
	if _, err := io.ReadFull(zr, out); err != nil {
		return nil, fmt.Errorf("7z header: %w", err)
	}
	return out, nil
}
