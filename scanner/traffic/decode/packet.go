package decode

import (
	"net/netip"
	"strings"
	"time"
)

// IP protocol numbers the decoder reports in Packet.Proto.
const (
	ProtoICMP   uint8 = 1
	ProtoTCP    uint8 = 6
	ProtoUDP    uint8 = 17
	ProtoGRE    uint8 = 47
	ProtoESP    uint8 = 50
	ProtoAH     uint8 = 51
	ProtoICMPv6 uint8 = 58
)

// TCP flag bits of Packet.TCPFlags, as they sit in the TCP header's 14th byte.
const (
	TCPFlagFIN uint8 = 1 << iota
	TCPFlagSYN
	TCPFlagRST
	TCPFlagPSH
	TCPFlagACK
	TCPFlagURG
	TCPFlagECE
	TCPFlagCWR
)

// Tunnel is the set of encapsulations a packet was decoded through, outermost or not:
// a bit each, so that nested tunnels are all counted.
type Tunnel uint8

// Encapsulations the decoder decodes through.
const (
	Tunnel4in4  Tunnel = 1 << iota // IPv4 in IPv4 (IP protocol 4)
	Tunnel6in4                     // IPv6 in IPv4 (IP protocol 41)
	Tunnel4in6                     // IPv4 in IPv6
	Tunnel6in6                     // IPv6 in IPv6
	TunnelGRE                      // GRE carrying IP or Ethernet
	TunnelVXLAN                    // VXLAN, UDP port 4789
	TunnelGTP                      // GTP-U, UDP port 2152
)

var tunnelNames = [...]string{"4in4", "6in4", "4in6", "6in6", "gre", "vxlan", "gtp"}

// String names the encapsulations joined by "+", or "none".
func (t Tunnel) String() string {
	if t == 0 {
		return "none"
	}
	var names []string
	for i, name := range tunnelNames {
		if t&(1<<i) != 0 {
			names = append(names, name)
		}
	}
	return strings.Join(names, "+")
}

// Fragment says whether a packet is an IP fragment, and which kind.
type Fragment uint8

// Fragment kinds. A first fragment carries the transport header, so its ports and the
// start of its payload are reported; a later fragment has neither: it is reported with
// its protocol and addresses, ports 0 and no payload, and the caller decides whether
// to count it in a flow.
const (
	NotFragment   Fragment = iota
	FirstFragment          // offset 0, more fragments follow
	LaterFragment          // offset > 0: no transport header
	// HeldFragment is a fragment a Defragmenter keeps until its datagram is whole:
	// addresses and protocol only, like LaterFragment.
	HeldFragment
)

// Packet is what the Decoder finds in one frame: the innermost IP flow and its
// transport header and payload. It is owned by the caller and filled in place, so a
// loop decodes every packet into the same Packet without allocating.
type Packet struct {
	// Num, Time and Length come from the capture source; Decode leaves them alone.
	Num    int       // packet number in its source, from 1
	Time   time.Time // capture time
	Length int       // original length on the wire

	Proto            uint8      // IP protocol of the innermost flow (6 TCP, 17 UDP, 1 ICMP, 50 ESP...)
	Src, Dst         netip.Addr // innermost addresses
	SrcPort, DstPort uint16     // 0 when the protocol has none
	TCPFlags         uint8      // TCPFlag bits; 0 unless Proto is TCP

	// Header is the innermost transport header as captured: TCP or UDP header, the
	// ICMP type, code and checksum (and ICMPv4's id and sequence), ESP's SPI and
	// sequence number, the AH or GRE header. Nil when the protocol is unknown.
	Header []byte
	// Payload is what follows Header: the transport payload. Header and Payload point
	// into the frame given to Decode and are valid only as long as it is.
	Payload []byte

	Tunnel    Tunnel   // encapsulations decoded through
	Fragment  Fragment // IP fragmentation of the innermost packet
	Truncated bool     // the capture cut the packet short (snap length)

	// SrcMAC and DstMAC are the outermost Ethernet addresses of the frame, whatever
	// tunnels the flow was found in: the sender's alone for a Linux cooked capture,
	// zero when the link has none (raw IP, loopback).
	SrcMAC, DstMAC [6]byte
}

// reset clears what Decode fills, keeping what the capture source set.
func (p *Packet) reset() {
	p.Proto = 0
	p.Src, p.Dst = netip.Addr{}, netip.Addr{}
	p.Tunnel, p.Fragment, p.Truncated = 0, NotFragment, false
	p.SrcMAC, p.DstMAC = [6]byte{}, [6]byte{}
	p.resetTransport()
}

// resetTransport clears the transport fields, which a newly decoded IP layer replaces.
func (p *Packet) resetTransport() {
	p.SrcPort, p.DstPort, p.TCPFlags = 0, 0, 0
	p.Header, p.Payload = nil, nil
}
