package capture

import (
	"errors"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/google/gopacket"
	"golang.org/x/sys/unix"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// DefaultSnapLen is how much of each packet a live capture keeps: whole handshakes
// (a ClientHello with post-quantum key shares is near 2 KB, a certificate chain
// spans segments of MTU size), but not the bulk of offloaded 64 KB segments. What
// is cut off is neither read nor kept.
const DefaultSnapLen = 4096

// ErrTimeout is what LiveSource.Next returns when no packet came within its read
// timeout: a chance for the caller to expire flows and check its deadline.
var ErrTimeout = errors.New("no packet within the read timeout")

// LiveSource reads the packets of one interface, both directions, from an AF_PACKET
// socket: no libpcap, no cgo. It maps a TPACKET_V3 receive ring (ring_linux.go):
// the kernel fills blocks of packets the reader walks in place, a block retired
// after the read timeout so a quiet link still delivers; a socket filter in the
// kernel keeps the snap length and, with SetFilter, drops what the capture filter
// never wants before it is copied (bpf.go). Where the kernel refuses a ring, each
// read is one recvfrom into a buffer of the snap length (MSG_TRUNC gives the length
// on the wire). gopacket's afpacket ring needs cgo, and pcapgo's EthernetHandle has
// no read timeout, so neither serves here. Drops are counted by the kernel (Drops).
type LiveSource struct {
	fd   int
	name string
	link decode.LinkType
	buf  []byte
	num  int
	snap int
	ring *ring // nil: recvfrom
}

// OpenLive opens iface for capture as c says (zero fields take the defaults).
func OpenLive(iface string, c LiveConfig) (*LiveSource, error) {
	snap, timeout := c.snap(), c.timeout()
	ifi, err := net.InterfaceByName(iface)
	if err != nil {
		return nil, fmt.Errorf("interface %s: %w", iface, err)
	}
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, int(htons(unix.ETH_P_ALL)))
	if err != nil {
		return nil, fmt.Errorf("interface %s: AF_PACKET socket (needs root or CAP_NET_RAW): %w", iface, err)
	}
	s := &LiveSource{fd: fd, name: iface, buf: make([]byte, snap)}
	if s.link, err = linkTypeOf(fd, iface); err != nil {
		s.Close()
		return nil, err
	}
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: ifi.Index}); err != nil {
		s.Close()
		return nil, fmt.Errorf("interface %s: bind: %w", iface, err)
	}
	s.snap = snap
	if err := s.attach(nil); err != nil {
		s.Close()
		return nil, fmt.Errorf("interface %s: %w", iface, err)
	}
	if os.Getenv("AUPSCAN_NO_RING") == "" {
		// A kernel that refuses the ring (or its memory) leaves the plain socket,
		// which captures the same packets at a higher cost a packet.
		s.ring, _ = setupRing(fd, c.blocks(), timeout)
	}
	if s.ring == nil { // no ring: one recvfrom a packet, with a read timeout
		tv := unix.NsecToTimeval(timeout.Nanoseconds())
		if err := unix.SetsockoptTimeval(fd, unix.SOL_SOCKET, unix.SO_RCVTIMEO, &tv); err != nil {
			s.Close()
			return nil, fmt.Errorf("interface %s: read timeout: %w", iface, err)
		}
		_ = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUF, 8<<20) // best effort
	}
	return s, nil
}

// Ring reports whether the source reads a memory-mapped ring.
func (s *LiveSource) Ring() bool { return s.ring != nil }

// RingSize returns the receive ring's bytes, 0 without a ring.
func (s *LiveSource) RingSize() int {
	if s.ring == nil {
		return 0
	}
	return len(s.ring.mem)
}

func htons(v uint16) uint16 { return v<<8 | v>>8 }

// linkTypeOf asks the kernel for the interface's hardware type (SIOCGIFHWADDR, in
// the socket's network namespace): Ethernet (and loopback, whose frames carry an
// Ethernet header) or raw IP (tun devices).
func linkTypeOf(fd int, iface string) (decode.LinkType, error) {
	ifr, err := unix.NewIfreq(iface)
	if err != nil {
		return 0, fmt.Errorf("interface %s: %w", iface, err)
	}
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFHWADDR, ifr); err != nil {
		return 0, fmt.Errorf("interface %s: hardware type: %w", iface, err)
	}
	switch t := ifr.Uint16(); t {
	case unix.ARPHRD_ETHER, unix.ARPHRD_LOOPBACK:
		return decode.LinkEthernet, nil
	case unix.ARPHRD_NONE, unix.ARPHRD_TUNNEL, unix.ARPHRD_TUNNEL6:
		return decode.LinkRaw, nil
	default:
		return 0, fmt.Errorf("interface %s: hardware type %d: %w", iface, t, decode.ErrUnsupportedLink)
	}
}

// Name returns the interface name, as findings call the source.
func (s *LiveSource) Name() string { return s.name }

// LinkType returns the link type of the interface's frames.
func (s *LiveSource) LinkType() decode.LinkType { return s.link }

// Num returns the number of packets read so far.
func (s *LiveSource) Num() int { return s.num }

// Next returns the next packet, cut to the snap length (ci.Length is its length on
// the wire), or ErrTimeout. data is valid until the next call.
func (s *LiveSource) Next() (data []byte, ci gopacket.CaptureInfo, err error) {
	if s.ring != nil {
		data, ci, err = s.ring.nextPacket(s.fd)
		if err == nil {
			s.num++
		} else if err != ErrTimeout {
			err = fmt.Errorf("interface %s: read: %w", s.name, err)
		}
		return data, ci, err
	}
	for {
		n, _, err := unix.Recvfrom(s.fd, s.buf, unix.MSG_TRUNC)
		switch {
		case err == unix.EINTR:
			continue
		case err == unix.EAGAIN || err == unix.EWOULDBLOCK:
			return nil, ci, ErrTimeout
		case err != nil:
			return nil, ci, fmt.Errorf("interface %s: read: %w", s.name, err)
		}
		s.num++
		c := min(n, len(s.buf))
		return s.buf[:c], gopacket.CaptureInfo{Timestamp: time.Now(), CaptureLength: c, Length: n}, nil
	}
}

// Drops returns how many packets the kernel dropped since the last call, its
// receive buffer full.
func (s *LiveSource) Drops() uint64 {
	if s.ring != nil {
		st, err := unix.GetsockoptTpacketStatsV3(s.fd, unix.SOL_PACKET, unix.PACKET_STATISTICS)
		if err != nil {
			return 0
		}
		return uint64(st.Drops)
	}
	st, err := unix.GetsockoptTpacketStats(s.fd, unix.SOL_PACKET, unix.PACKET_STATISTICS)
	if err != nil {
		return 0
	}
	return uint64(st.Drops)
}

// Close closes the socket.
func (s *LiveSource) Close() error {
	if s.fd < 0 {
		return nil
	}
	if s.ring != nil {
		s.ring.close()
		s.ring = nil
	}
	err := unix.Close(s.fd)
	s.fd = -1
	return err
}
