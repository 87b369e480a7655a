package capture

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/google/gopacket"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// Magic numbers of classic pcap, as the first four bytes read big-endian: libpcap's
// own (microseconds), the nanosecond one, and Alexey Kuznetzov's modified format,
// whose record headers carry 8 more bytes. Each also comes byte-swapped, written by
// a machine of the other byte order.
const (
	magicPcapMicro = 0xa1b2c3d4
	magicPcapNano  = 0xa1b23c4d
	magicPcapKuz   = 0xa1b2cd34
)

// Record header sizes: libpcap's, and the modified format's (index, protocol,
// packet type and a byte of padding after the lengths).
const (
	pcapRecordLen    = 16
	pcapKuzRecordLen = 24
)

// lengthOrder says where a record header keeps the captured length: libpcap swapped
// the two length fields at version 2.3, so files of 2.2 and before (and DG/UX's
// 543.0) put the original length first, and some 2.3 files do either.
type lengthOrder uint8

const (
	capturedFirst lengthOrder = iota // 2.4, and every writer today
	originalFirst                    // 2.0 to 2.2, and 543.0
	eitherFirst                      // 2.3: the smaller is the captured length
)

// pcapReader reads the records of a classic pcap file in every variant libpcap
// reads (sf-pcap.c): either byte order, micro- or nanosecond timestamps, versions
// 2.0 to 2.4 and 543.0, and the modified format of magic 0xa1b2cd34. gopacket's
// pcapgo.Reader takes version 2.4 and libpcap's two magic numbers only, and a
// wrapper would have to parse every record header to rewrite the stream, which is
// all a reader does. A packet that fits the read buffer is returned in place
// (valid until the next call), so the steady state allocates nothing.
type pcapReader struct {
	br      *bufio.Reader
	order   binary.ByteOrder
	nanos   bool
	lengths lengthOrder
	hdrLen  int
	link    decode.LinkType
	big     []byte // packets longer than the read buffer, grown as they come
}

// Errors of a pcap record, wrapped with the file and packet number by FileSource.
var (
	errRecordHeaderCut = errors.New("file ends inside a record header")
	errPacketCut       = errors.New("file ends inside the packet")
)

// newPcapReader reads a classic pcap file header from br.
func newPcapReader(br *bufio.Reader) (*pcapReader, error) {
	hdr, err := br.Peek(24)
	if err != nil {
		return nil, fmt.Errorf("pcap file header cut short: %w", noEOF(err))
	}
	r := &pcapReader{br: br, order: binary.BigEndian, hdrLen: pcapRecordLen}
	magic := binary.BigEndian.Uint32(hdr)
	if hdr[0] != 0xa1 {
		r.order = binary.LittleEndian
		magic = binary.LittleEndian.Uint32(hdr)
	}
	switch magic {
	case magicPcapMicro:
	case magicPcapNano:
		r.nanos = true
	case magicPcapKuz:
		r.hdrLen = pcapKuzRecordLen
	default:
		return nil, fmt.Errorf("%w (magic number %08x)", ErrNotCapture, binary.BigEndian.Uint32(hdr))
	}
	major, minor := r.order.Uint16(hdr[4:]), r.order.Uint16(hdr[6:])
	switch {
	case major == 2 && minor < 3, major == 543 && minor == 0:
		r.lengths = originalFirst
	case major == 2 && minor == 3:
		r.lengths = eitherFirst
	case major == 2 && minor == 4:
		r.lengths = capturedFirst
	default:
		return nil, fmt.Errorf("pcap file header: unsupported version %d.%d (libpcap reads 2.0 to 2.4)", major, minor)
	}
	// The link type field: the type in the low 16 bits, then reserved bits that
	// must be zero, then the FCS length (which the decoder needs not: IP lengths
	// end a packet before any trailer).
	lt := r.order.Uint32(hdr[20:])
	if lt&0x03ff0000 != 0 {
		return nil, fmt.Errorf("pcap file header: reserved bits set in the link type field (%08x)", lt)
	}
	r.link = decode.LinkType(lt)
	if _, err := br.Discard(24); err != nil {
		return nil, err
	}
	return r, nil
}

// next reads one record. io.EOF is a clean end between records; a record header or
// packet cut short, or a captured length above MaxPacketSize, is an error.
func (r *pcapReader) next() (data []byte, ci gopacket.CaptureInfo, err error) {
	hdr, err := r.br.Peek(r.hdrLen)
	if len(hdr) < r.hdrLen {
		if len(hdr) == 0 && err == io.EOF {
			return nil, ci, io.EOF
		}
		if err == io.EOF {
			err = fmt.Errorf("%w (%d of %d bytes): %w", errRecordHeaderCut, len(hdr), r.hdrLen, io.ErrUnexpectedEOF)
		}
		return nil, ci, err
	}
	sec, frac := r.order.Uint32(hdr), r.order.Uint32(hdr[4:])
	caplen, length := r.order.Uint32(hdr[8:]), r.order.Uint32(hdr[12:])
	if r.lengths == originalFirst || r.lengths == eitherFirst && caplen > length {
		caplen, length = length, caplen
	}
	if r.hdrLen == pcapKuzRecordLen {
		ci.InterfaceIndex = int(int32(r.order.Uint32(hdr[16:])))
	}
	if caplen > MaxPacketSize {
		return nil, ci, fmt.Errorf("captured length %d above the %d bytes a packet may have", caplen, MaxPacketSize)
	}
	if !r.nanos {
		frac *= 1000
	}
	ci.Timestamp = time.Unix(int64(sec), int64(frac)).UTC()
	ci.CaptureLength, ci.Length = int(caplen), int(length)
	r.br.Discard(r.hdrLen) // peeked: cannot fail
	n := int(caplen)
	if n <= r.br.Size() {
		data, err = r.br.Peek(n)
		r.br.Discard(len(data))
	} else {
		if cap(r.big) < n {
			r.big = make([]byte, n)
		}
		data = r.big[:n]
		var got int
		got, err = io.ReadFull(r.br, data)
		data = data[:got]
	}
	if len(data) < n {
		if err == nil || err == io.EOF || err == io.ErrUnexpectedEOF {
			err = fmt.Errorf("%w (%d of %d bytes): %w", errPacketCut, len(data), n, io.ErrUnexpectedEOF)
		}
		return nil, ci, err
	}
	return data, ci, nil
}
