package capture

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"sync"

	"github.com/google/gopacket"
	"github.com/google/gopacket/pcapgo"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// MaxPacketSize is the largest packet a capture file may hold, tcpdump's own limit
// (MAXIMUM_SNAPLEN). Offloaded segments stay below it; a record claiming more is a
// garbled file, and the limit keeps such a claim from allocating gigabytes.
const MaxPacketSize = 262144

// ErrNotCapture says a file is neither classic pcap nor pcapng.
var ErrNotCapture = errors.New("not a pcap or pcapng capture")

// Format is a capture file format.
type Format uint8

// Capture file formats, as the magic number says.
const (
	FormatPcap   Format = iota + 1 // classic libpcap, in every variant libpcap reads (pcapreader.go)
	FormatPcapNG                   // pcapng, any number of sections and interfaces
)

// String names the format.
func (f Format) String() string {
	switch f {
	case FormatPcap:
		return "pcap"
	case FormatPcapNG:
		return "pcapng"
	}
	return "unknown"
}

// Magic numbers as the first four bytes of a file read big-endian (classic pcap's
// are in pcapreader.go).
const (
	magicPcapNG = 0x0a0d0d0a
	magicGzip   = 0x1f8b // first two bytes; pcapgo reads gzipped pcap, so do we
)

// isPcapMagic reports whether the first four bytes of a file, read big-endian, are a
// classic pcap magic number in either byte order.
func isPcapMagic(m uint32) bool {
	for _, v := range []uint32{magicPcapMicro, magicPcapNano, magicPcapKuz} {
		if m == v || m == bits.ReverseBytes32(v) {
			return true
		}
	}
	return false
}

// readBufferSize is the size of the read buffers, pooled (readerPool); it must stay
// above the 4 KiB under which pcapgo would wrap the reader in a buffer of its own.
const readBufferSize = 1 << 16

// FileSource reads the packets of one capture file, classic pcap or pcapng, told
// apart by the magic number since extensions lie. Classic pcap is read by
// pcapReader, pcapng with pcapgo's ZeroCopyReadPacketData, so the steady state
// allocates nothing: the data Next returns is valid until the next call.
type FileSource struct {
	name   string
	closer io.Closer
	format Format
	pcap   *pcapReader
	ng     *pcapgo.NgReader
	guard  *ngGuard
	ngSect int // sections pcapgo has finished, the index of the one it reads
	link   decode.LinkType
	num    int
	err    error // sticky: after an error or the end, Next returns it again
	// pooled are the read buffers taken from readerPool, given back by Close.
	pooled []*bufio.Reader
}

// readerPool keeps the 64 KiB read buffers of closed sources, so that reading many
// small captures one after the other does not allocate a buffer for each.
var readerPool = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, readBufferSize) }}

// pooledReader returns a buffered reader of r: from the pool when size is the
// pool's, noted in pooled for Close to give back; a smaller one of its own
// otherwise.
func pooledReader(r io.Reader, size int, pooled *[]*bufio.Reader) *bufio.Reader {
	if size < readBufferSize {
		return bufio.NewReaderSize(r, size)
	}
	br := readerPool.Get().(*bufio.Reader)
	br.Reset(r)
	*pooled = append(*pooled, br)
	return br
}

func putReaders(rs []*bufio.Reader) {
	for _, br := range rs {
		br.Reset(nil)
		readerPool.Put(br)
	}
}

// OpenFile opens a capture file. The error names the file; it is ErrNotCapture when
// the file is neither pcap nor pcapng.
func OpenFile(path string) (*FileSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err // *PathError names the file
	}
	// The read buffers come from a pool, so one of full size costs nothing even
	// for a small file when many are read in turn.
	s, err := newFileSource(path, f, readBufferSize)
	if err != nil {
		f.Close()
		return nil, err
	}
	s.closer = f
	return s, nil
}

// NewFileSource reads a capture from r; name is what errors call it.
func NewFileSource(name string, r io.Reader) (*FileSource, error) {
	return newFileSource(name, r, readBufferSize)
}

func newFileSource(name string, r io.Reader, bufSize int) (*FileSource, error) {
	var pooled []*bufio.Reader
	br := pooledReader(r, bufSize, &pooled)
	magic, err := peekMagic(br)
	if err == nil && magic>>16 == magicGzip {
		var zr *gzip.Reader
		if zr, err = gzip.NewReader(br); err == nil {
			br = pooledReader(zr, readBufferSize, &pooled)
			bufSize = readBufferSize
			magic, err = peekMagic(br)
		}
	}
	if err != nil {
		putReaders(pooled)
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s := &FileSource{name: name, pooled: pooled}
	switch {
	case isPcapMagic(magic):
		err = s.openPcap(br)
	case magic == magicPcapNG:
		err = s.openNg(br, bufSize)
	default:
		err = fmt.Errorf("%w (magic number %08x)", ErrNotCapture, magic)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

// peekMagic returns the first four bytes, big-endian, without consuming them.
func peekMagic(br *bufio.Reader) (uint32, error) {
	b, err := br.Peek(4)
	if len(b) < 4 {
		if err == nil || err == io.EOF {
			return 0, fmt.Errorf("%w: %d bytes long", ErrNotCapture, len(b))
		}
		return 0, err
	}
	return binary.BigEndian.Uint32(b), nil
}

// openPcap reads a classic pcap header.
func (s *FileSource) openPcap(br *bufio.Reader) (err error) {
	if s.pcap, err = newPcapReader(br); err != nil {
		return err
	}
	s.link = s.pcap.link
	s.format = FormatPcap
	return nil
}

// openNg reads a pcapng section header through an ngGuard.
func (s *FileSource) openNg(br *bufio.Reader, bufSize int) (err error) {
	defer recoverAsError(&err)
	s.guard = newNgGuard(br)
	opts := pcapgo.NgReaderOptions{
		WantMixedLinkType: true, // interfaces of several link types: each packet says its own
		SectionEndCallback: func([]pcapgo.NgInterface, pcapgo.NgSectionInfo) {
			s.ngSect++
			s.guard.dropSectionsBefore(s.ngSect)
		},
	}
	ngbr := pooledReader(s.guard, bufSize, &s.pooled)
	if s.ng, err = pcapgo.NewNgReader(ngbr, opts); err != nil {
		return fmt.Errorf("pcapng section header: %w", noEOF(err))
	}
	s.format = FormatPcapNG
	// Let the guard see the first interface block, so LinkType is right before the
	// first packet, as it is for classic pcap. Errors surface on the first Next.
	ngbr.Peek(4096)
	s.link = s.guard.firstLinkType()
	return nil
}

// Name returns the name errors give the source, the path for OpenFile.
func (s *FileSource) Name() string { return s.name }

// Format returns the file's format.
func (s *FileSource) Format() Format { return s.format }

// LinkType returns the link type of the packet Next returned last; before the first
// packet, that of the file (pcap) or of its first interface (pcapng). In a pcapng
// file it may change from one packet to the next.
func (s *FileSource) LinkType() decode.LinkType { return s.link }

// Num returns the number of the packet Next returned last, counting from 1.
func (s *FileSource) Num() int { return s.num }

// Close closes the file OpenFile opened.
func (s *FileSource) Close() error {
	putReaders(s.pooled)
	s.pooled = nil
	if s.closer == nil {
		return nil
	}
	return s.closer.Close()
}

// Next returns the next packet, io.EOF after the last one, or an error that names
// the file and the packet number when the file is truncated or garbled. Errors are
// sticky: what was read before stays good, nothing comes after. data is valid until
// the next call.
func (s *FileSource) Next() (data []byte, ci gopacket.CaptureInfo, err error) {
	if s.err != nil {
		return nil, ci, s.err
	}
	if s.pcap != nil {
		data, ci, err = s.pcap.next()
	} else {
		data, ci, err = s.nextNg()
	}
	if err != nil {
		if err != io.EOF {
			if err == io.ErrUnexpectedEOF {
				err = fmt.Errorf("file ends inside the packet: %w", err)
			}
			err = fmt.Errorf("%s: packet %d: %w", s.name, s.num+1, err)
		}
		s.err = err
		return nil, ci, err
	}
	s.num++
	return data, ci, nil
}

// nextNg reads a pcapng packet and looks up the link type of its interface.
func (s *FileSource) nextNg() (data []byte, ci gopacket.CaptureInfo, err error) {
	defer recoverAsError(&err)
	if data, ci, err = s.ng.ZeroCopyReadPacketData(); err != nil {
		return nil, ci, err
	}
	s.link = s.guard.linkType(s.ngSect, ci.InterfaceIndex)
	return data, ci, nil
}

// recoverAsError turns a panic of pcapgo into an error. pcapgo 1.1.19 divides by
// zero on an interface whose timestamp resolution is 2^-64 or 10^-64 and finer: a
// garbled file must be an error, not a crash.
func recoverAsError(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("pcapng reader failed on garbled data: %v", r)
	}
}

// noEOF reports running out of data while a header is read as what it is.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// IsCaptureFile says whether the file at path starts as a capture does: the magic
// number of classic pcap or pcapng, gzipped or not. Only the first bytes are read,
// so a folder of mixed files is sorted cheaply; a capture that is damaged further
// on still counts.
func IsCaptureFile(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 512)
	magic, err := peekMagic(br)
	if err == nil && magic>>16 == magicGzip {
		zr, zerr := gzip.NewReader(br)
		if zerr != nil {
			return false, nil // gzip, but not of anything readable
		}
		defer zr.Close()
		magic, err = peekMagic(bufio.NewReaderSize(zr, 512))
	}
	switch {
	case errors.Is(err, ErrNotCapture):
		return false, nil // shorter than a magic number
	case err != nil:
		return false, fmt.Errorf("%s: %w", path, err)
	}
	return isPcapMagic(magic) || magic == magicPcapNG, nil
}
