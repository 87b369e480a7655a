package capture

import (
	"encoding/binary"
	"fmt"
	"io"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// pcapng block types (draft-ietf-opsawg-pcapng).
const (
	ngBlockSHB = 0x0a0d0d0a // section header
	ngBlockIDB = 1          // interface description
	ngBlockPB  = 2          // packet (obsolete)
	ngBlockSPB = 3          // simple packet
	ngBlockISB = 5          // interface statistics
	ngBlockEPB = 6          // enhanced packet

	ngByteOrderMagic uint32 = 0x1a2b3c4d
)

// maxInterfaces bounds the interfaces of one section, each of which costs memory here
// and in pcapgo.
const maxInterfaces = 4096

// linkUnknown is what linkType answers for an interface it never saw; no decoder
// supports it.
const linkUnknown decode.LinkType = 0xffff

// ngGuard sits between a pcapng file and pcapgo's NgReader and checks each block's
// framing before pcapgo sees it. pcapgo 1.1.19 trusts the lengths it reads: a packet
// block claiming a 4 GiB packet, or an interface with a 4 GiB snap length, makes it
// allocate that much. The guard also records each interface's full 16-bit link
// type, which pcapgo cuts to 8 bits.
//
// It passes the bytes on unchanged but for two fields. An interface's snap length
// goes on as 0: pcapgo sizes its packet buffer by it, a quarter of a megabyte for
// most writers even when the packets are small, and with 0 the buffer fits the
// largest packet seen. A simple packet block's original length goes on as the
// captured length, which pcapgo would otherwise derive from that snap length.
type ngGuard struct {
	r    io.Reader
	hdr  [28]byte // the head of the current block, checked
	pend []byte   // the part of hdr not yet passed on
	left int64    // bytes of the current block after hdr
	off  int64    // file offset of the current block
	end  int64    // file offset after the current block
	big  bool     // byte order of the current section
	err  error    // sticky

	secs  [][]decode.LinkType // link types of the interfaces of each section not yet done
	base  int                 // section number of secs[0]
	first decode.LinkType     // of the first interface in the file
	snap0 uint32              // snap length of the current section's first interface
}

func newNgGuard(r io.Reader) *ngGuard {
	return &ngGuard{r: r, first: linkUnknown}
}

// Read passes on the file a block at a time, each block checked before its first
// byte goes out. It reports a file that ends inside a block as io.ErrUnexpectedEOF.
func (g *ngGuard) Read(p []byte) (int, error) {
	if len(g.pend) == 0 && g.left == 0 {
		if g.err == nil {
			g.err = g.nextBlock()
		}
		if g.err != nil {
			return 0, g.err
		}
	}
	if len(g.pend) > 0 {
		n := copy(p, g.pend)
		g.pend = g.pend[n:]
		return n, nil
	}
	if int64(len(p)) > g.left {
		p = p[:g.left]
	}
	n, err := g.r.Read(p)
	g.left -= int64(n)
	if err == io.EOF && g.left > 0 {
		err = io.ErrUnexpectedEOF
	}
	if err == io.EOF {
		err = nil // the block is complete; the next Read looks for another
	}
	return n, err
}

// nextBlock reads and checks the head of the next block.
func (g *ngGuard) nextBlock() error {
	g.off = g.end
	if n, err := io.ReadFull(g.r, g.hdr[:8]); err != nil {
		if n == 0 && err == io.EOF {
			return io.EOF // between blocks: the end of the file
		}
		return noEOF(err)
	}
	typ := binary.LittleEndian.Uint32(g.hdr[0:4]) // SHB's type reads the same both ways
	head := 8
	if typ == ngBlockSHB {
		if err := g.readHead(&head, 4); err != nil {
			return err
		}
		switch ngByteOrderMagic {
		case binary.BigEndian.Uint32(g.hdr[8:12]):
			g.big = true
		case binary.LittleEndian.Uint32(g.hdr[8:12]):
			g.big = false
		default:
			return g.errorf("section header with a bad byte-order magic")
		}
	} else {
		typ = g.u32(g.hdr[0:4])
	}
	length := int64(g.u32(g.hdr[4:8]))
	if err := g.checkBlock(typ, length, &head); err != nil {
		return err
	}
	g.pend = g.hdr[:head]
	g.left = length - int64(head)
	g.end = g.off + length
	return nil
}

// checkBlock checks what pcapgo would trust in a block of type typ, reading as much
// of its head as that needs.
func (g *ngGuard) checkBlock(typ uint32, length int64, head *int) error {
	if minimum := ngMinBlockLength(typ); length < minimum {
		return g.errorf("block of type %d is %d bytes long, below its minimum of %d", typ, length, minimum)
	}
	switch typ {
	case ngBlockSHB:
		if len(g.secs) >= maxInterfaces {
			return g.errorf("more than %d sections ahead of the reader", maxInterfaces)
		}
		g.secs = append(g.secs, nil)
		g.snap0 = 0
	case ngBlockIDB:
		return g.checkInterface(head)
	case ngBlockEPB, ngBlockPB:
		if err := g.readHead(head, 20); err != nil {
			return err
		}
		return g.checkCaptureLength(int64(g.u32(g.hdr[20:24])), length-32)
	case ngBlockSPB:
		if err := g.readHead(head, 4); err != nil {
			return err
		}
		caplen := int64(g.u32(g.hdr[8:12]))
		if g.snap0 != 0 {
			caplen = min(caplen, int64(g.snap0))
		}
		if err := g.checkCaptureLength(caplen, length-16); err != nil {
			return err
		}
		g.put32(g.hdr[8:12], uint32(caplen))
	}
	return nil
}

// ngMinBlockLength is the smallest length a block of type typ can have: its fixed
// fields, the two length fields and the type.
func ngMinBlockLength(typ uint32) int64 {
	switch typ {
	case ngBlockSHB:
		return 28
	case ngBlockIDB:
		return 20
	case ngBlockSPB:
		return 16
	case ngBlockISB:
		return 24
	case ngBlockEPB, ngBlockPB:
		return 32
	}
	return 12
}

// checkInterface records an interface's link type, and its snap length for the
// simple packet blocks of the section, and passes the snap length on as 0.
func (g *ngGuard) checkInterface(head *int) error {
	if err := g.readHead(head, 8); err != nil {
		return err
	}
	if len(g.secs) == 0 {
		return g.errorf("interface block before any section header")
	}
	cur := &g.secs[len(g.secs)-1]
	if len(*cur) >= maxInterfaces {
		return g.errorf("more than %d interfaces in one section", maxInterfaces)
	}
	lt := decode.LinkType(g.u16(g.hdr[8:10]))
	*cur = append(*cur, lt)
	if g.first == linkUnknown {
		g.first = lt
	}
	if len(*cur) == 1 {
		g.snap0 = g.u32(g.hdr[12:16])
	}
	g.put32(g.hdr[12:16], 0)
	return nil
}

// checkCaptureLength checks a packet's captured length against the room its block
// has and against MaxPacketSize.
func (g *ngGuard) checkCaptureLength(caplen, room int64) error {
	if caplen > room {
		return g.errorf("packet of %d bytes in a block with room for %d", caplen, room)
	}
	if caplen > MaxPacketSize {
		return g.errorf("packet of %d bytes, above the limit of %d", caplen, MaxPacketSize)
	}
	return nil
}

// readHead reads n more bytes of the block's head into hdr.
func (g *ngGuard) readHead(head *int, n int) error {
	if _, err := io.ReadFull(g.r, g.hdr[*head:*head+n]); err != nil {
		return noEOF(err)
	}
	*head += n
	return nil
}

// linkType returns the link type of interface iface of section sect.
func (g *ngGuard) linkType(sect, iface int) decode.LinkType {
	i := sect - g.base
	if i < 0 || i >= len(g.secs) || iface < 0 || iface >= len(g.secs[i]) {
		return linkUnknown
	}
	return g.secs[i][iface]
}

// firstLinkType returns the link type of the first interface seen so far.
func (g *ngGuard) firstLinkType() decode.LinkType { return g.first }

// dropSectionsBefore forgets the sections the reader has finished.
func (g *ngGuard) dropSectionsBefore(sect int) {
	for g.base < sect && len(g.secs) > 1 {
		g.secs[0] = nil
		g.secs = g.secs[1:]
		g.base++
	}
}

func (g *ngGuard) u16(b []byte) uint16 {
	if g.big {
		return binary.BigEndian.Uint16(b)
	}
	return binary.LittleEndian.Uint16(b)
}

func (g *ngGuard) u32(b []byte) uint32 {
	if g.big {
		return binary.BigEndian.Uint32(b)
	}
	return binary.LittleEndian.Uint32(b)
}

func (g *ngGuard) put32(b []byte, v uint32) {
	if g.big {
		binary.BigEndian.PutUint32(b, v)
		return
	}
	binary.LittleEndian.PutUint32(b, v)
}

// errorf reports a garbled block with its file offset.
func (g *ngGuard) errorf(format string, args ...any) error {
	return fmt.Errorf("pcapng block at offset %d: "+format, append([]any{g.off}, args...)...)
}
