package capture

import (
	"fmt"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/aupscan/aupscan/scanner/traffic/decode"

	"github.com/google/gopacket"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

// ringFrameSize only bounds the kernel's arithmetic: a TPACKET_V3 block holds
// packets of any size up to the block's.
const ringFrameSize = 1 << 11

// ring is a TPACKET_V3 receive ring mapped into memory: the kernel writes packets
// into blocks and marks a block the reader's; the reader walks its packets in place
// (no copy, no system call a packet) and gives the block back. Pure Go: the structs
// are golang.org/x/sys/unix's, the rest is mmap and poll.
type ring struct {
	mem     []byte
	blocks  int
	cur     int    // the block being read
	held    bool   // the reader holds block cur
	left    uint32 // packets of block cur still to read
	next    int    // offset in block cur of the next packet's header
	timeout int    // poll timeout, ms
	pfd     [1]unix.PollFd
}

// setupRing asks the kernel for a TPACKET_V3 ring on fd and maps it.
func setupRing(fd, blocks int, timeout time.Duration) (*ring, error) {
	if blocks <= 0 {
		blocks = DefaultRingBlocks
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_VERSION, unix.TPACKET_V3); err != nil {
		return nil, fmt.Errorf("TPACKET_V3: %w", err)
	}
	tov := max(uint32(timeout.Milliseconds()), 1)
	req := unix.TpacketReq3{Block_size: ringBlockSize, Block_nr: uint32(blocks),
		Frame_size: ringFrameSize, Frame_nr: uint32(blocks * ringBlockSize / ringFrameSize), Retire_blk_tov: tov}
	if err := unix.SetsockoptTpacketReq3(fd, unix.SOL_PACKET, unix.PACKET_RX_RING, &req); err != nil {
		return nil, fmt.Errorf("receive ring: %w", err)
	}
	mem, err := unix.Mmap(fd, 0, blocks*ringBlockSize, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("map the receive ring: %w", err)
	}
	return &ring{mem: mem, blocks: blocks, timeout: int(max(timeout.Milliseconds(), 1))}, nil
}

// blockHdr returns block i's header (struct tpacket_block_desc, version 1 header).
func (r *ring) blockHdr(i int) *unix.TpacketHdrV1 {
	return (*unix.TpacketHdrV1)(unsafe.Pointer(&r.mem[i*ringBlockSize+8]))
}

// next returns the next packet: its bytes as captured (valid until the next call),
// its capture information, or ErrTimeout after the poll timeout without a packet.
func (r *ring) nextPacket(fd int) ([]byte, gopacket.CaptureInfo, error) {
	for {
		if r.held && r.left > 0 {
			base := r.cur * ringBlockSize
			h := (*unix.Tpacket3Hdr)(unsafe.Pointer(&r.mem[base+r.next]))
			start := base + r.next + int(h.Mac)
			data := r.mem[start : start+int(h.Snaplen)]
			ci := gopacket.CaptureInfo{Timestamp: time.Unix(int64(h.Sec), int64(h.Nsec)),
				CaptureLength: int(h.Snaplen), Length: int(h.Len)}
			r.left--
			r.next += int(h.Next_offset)
			return data, ci, nil
		}
		if r.held { // every packet of the block was read: give it back
			atomic.StoreUint32(&r.blockHdr(r.cur).Block_status, unix.TP_STATUS_KERNEL)
			r.held = false
			r.cur = (r.cur + 1) % r.blocks
		}
		bh := r.blockHdr(r.cur)
		if atomic.LoadUint32(&bh.Block_status)&unix.TP_STATUS_USER != 0 {
			r.held, r.left, r.next = true, bh.Num_pkts, int(bh.Offset_to_first_pkt)
			continue
		}
		r.pfd[0] = unix.PollFd{Fd: int32(fd), Events: unix.POLLIN | unix.POLLERR}
		n, err := unix.Poll(r.pfd[:], r.timeout)
		switch {
		case err == unix.EINTR:
		case err != nil:
			return nil, gopacket.CaptureInfo{}, err
		case n == 0:
			return nil, gopacket.CaptureInfo{}, ErrTimeout
		}
	}
}

func (r *ring) close() error { return unix.Munmap(r.mem) }

// attachBPF attaches a classic BPF program to the socket (SO_ATTACH_FILTER).
func attachBPF(fd int, prog []bpf.RawInstruction) error {
	f := make([]unix.SockFilter, len(prog))
	for i, r := range prog {
		f[i] = unix.SockFilter{Code: r.Op, Jt: r.Jt, Jf: r.Jf, K: r.K}
	}
	fp := unix.SockFprog{Len: uint16(len(f)), Filter: &f[0]}
	return unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fp)
}

// attach puts the program for f (nil: keep every packet) on the socket.
func (s *LiveSource) attach(f *decode.Filter) error {
	prog, err := CompileFilter(f, s.link, s.snap)
	if err != nil {
		return err
	}
	return attachBPF(s.fd, prog)
}

// SetFilter has the kernel drop, before they are copied, the packets f surely
// rejects (CompileFilter); the caller still applies f to what comes.
func (s *LiveSource) SetFilter(f *decode.Filter) error {
	if err := s.attach(f); err != nil {
		return fmt.Errorf("interface %s: kernel filter: %w", s.name, err)
	}
	return nil
}
