// Package craft builds packets for the traffic scanner's tests: gopacket layers
// serialized with lengths and checksums fixed, plus the few headers gopacket cannot
// write (Linux cooked v1 and v2, BSD loopback in either byte order, IPv6 extension
// and fragment headers, ESP, AH, GTP-U), written byte by byte from their
// specifications. It is test support: on bad input it panics.
package craft

import (
	"encoding/binary"
	"net"
	"net/netip"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

// MAC addresses of the two ends of every crafted Ethernet frame.
var (
	MAC1 = net.HardwareAddr{0x02, 0x00, 0x00, 0x00, 0x00, 0x01}
	MAC2 = net.HardwareAddr{0x02, 0x00, 0x00, 0x00, 0x00, 0x02}
)

// Frame serializes layers, outermost first, with lengths and checksums fixed. Each
// TCP, UDP and ICMPv6 layer takes its checksum's pseudo-header from the IP layer
// closest before it.
func Frame(ls ...gopacket.SerializableLayer) []byte {
	var net gopacket.NetworkLayer
	for _, l := range ls {
		switch l := l.(type) {
		case *layers.IPv4:
			net = l
		case *layers.IPv6:
			net = l
		case *layers.TCP:
			must(l.SetNetworkLayerForChecksum(net))
		case *layers.UDP:
			must(l.SetNetworkLayerForChecksum(net))
		case *layers.ICMPv6:
			must(l.SetNetworkLayerForChecksum(net))
		}
	}
	buf := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	must(gopacket.SerializeLayers(buf, opts, ls...))
	return append([]byte(nil), buf.Bytes()...)
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// Eth is an Ethernet header from MAC1 to MAC2.
func Eth(t layers.EthernetType) *layers.Ethernet {
	return &layers.Ethernet{SrcMAC: MAC1, DstMAC: MAC2, EthernetType: t}
}

// VLAN is an 802.1Q tag.
func VLAN(id uint16, t layers.EthernetType) *layers.Dot1Q {
	return &layers.Dot1Q{VLANIdentifier: id, Type: t}
}

// IPv4 is an IPv4 header; src and dst are addresses in text.
func IPv4(src, dst string, proto layers.IPProtocol) *layers.IPv4 {
	return &layers.IPv4{Version: 4, IHL: 5, TTL: 64, Protocol: proto,
		SrcIP: ip(src), DstIP: ip(dst)}
}

// IPv6 is an IPv6 header; next is the next header.
func IPv6(src, dst string, next layers.IPProtocol) *layers.IPv6 {
	return &layers.IPv6{Version: 6, HopLimit: 64, NextHeader: next,
		SrcIP: ip(src), DstIP: ip(dst)}
}

func ip(s string) net.IP {
	return net.IP(netip.MustParseAddr(s).AsSlice())
}

// TCP flag bits for TCP, in header order.
const (
	FIN uint8 = 1 << iota
	SYN
	RST
	PSH
	ACK
)

// TCP is a TCP header with the given flags and an MSS option.
func TCP(sport, dport uint16, flags uint8) *layers.TCP {
	return &layers.TCP{SrcPort: layers.TCPPort(sport), DstPort: layers.TCPPort(dport),
		Seq: 1000, Ack: 2000, Window: 64240,
		FIN: flags&FIN != 0, SYN: flags&SYN != 0, RST: flags&RST != 0,
		PSH: flags&PSH != 0, ACK: flags&ACK != 0,
		Options: []layers.TCPOption{{OptionType: layers.TCPOptionKindMSS, OptionLength: 4,
			OptionData: []byte{0x05, 0xb4}}}}
}

// UDP is a UDP header.
func UDP(sport, dport uint16) *layers.UDP {
	return &layers.UDP{SrcPort: layers.UDPPort(sport), DstPort: layers.UDPPort(dport)}
}

// ICMPv4 is an ICMP header of the given type (8 echo request, 0 echo reply).
func ICMPv4(typ uint8, id, seq uint16) *layers.ICMPv4 {
	return &layers.ICMPv4{TypeCode: layers.CreateICMPv4TypeCode(typ, 0), Id: id, Seq: seq}
}

// ICMPv6 is an ICMPv6 header of the given type (128 echo request, 129 reply).
func ICMPv6(typ uint8) *layers.ICMPv6 {
	return &layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(typ, 0)}
}

// GRE is a plain GRE header (RFC 2784) carrying protocol p.
func GRE(p layers.EthernetType) *layers.GRE {
	return &layers.GRE{Protocol: p}
}

// PPTPGRE is the enhanced GRE header of PPTP (RFC 2637): version 1, key (payload
// length and call id) and sequence number present, carrying PPP.
func PPTPGRE(callID uint16) *layers.GRE {
	return &layers.GRE{Version: 1, KeyPresent: true, SeqPresent: true,
		Protocol: layers.EthernetTypePPP, Key: uint32(callID), Seq: 7}
}

// PPP is a PPP header with address and control bytes (ff 03) and protocol p.
func PPP(p layers.PPPType) *layers.PPP {
	return &layers.PPP{PPPType: p, HasPPTPHeader: true}
}

// PPPoE is a PPPoE session header (RFC 2516); a PPP header without address and
// control bytes follows it.
func PPPoE(session uint16) *layers.PPPoE {
	return &layers.PPPoE{Version: 1, Type: 1, Code: layers.PPPoECodeSession, SessionId: session}
}

// VXLAN is a VXLAN header with the I flag set.
func VXLAN(vni uint32) *layers.VXLAN {
	return &layers.VXLAN{ValidIDFlag: true, VNI: vni}
}

// Raw is a header written as given; it also serves as a payload.
func Raw(b []byte) gopacket.Payload { return gopacket.Payload(b) }

// header is a serializable header whose bytes depend on what follows it.
type header func(payload []byte) []byte

func (h header) SerializeTo(b gopacket.SerializeBuffer, _ gopacket.SerializeOptions) error {
	hdr := h(b.Bytes())
	out, err := b.PrependBytes(len(hdr))
	if err != nil {
		return err
	}
	copy(out, hdr)
	return nil
}

func (h header) LayerType() gopacket.LayerType { return gopacket.LayerTypePayload }

// GTPU is a GTP-U G-PDU header (3GPP TS 29.281) with no optional fields.
func GTPU(teid uint32) gopacket.SerializableLayer {
	return header(func(p []byte) []byte {
		h := []byte{0x30, 0xff, 0, 0, 0, 0, 0, 0}
		binary.BigEndian.PutUint16(h[2:], uint16(len(p)))
		binary.BigEndian.PutUint32(h[4:], teid)
		return h
	})
}

// GTPUExt is a GTP-U G-PDU header with a sequence number and one extension header
// (a PDU session container, 4 bytes).
func GTPUExt(teid uint32) gopacket.SerializableLayer {
	return header(func(p []byte) []byte {
		h := []byte{0x34, 0xff, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0x85, 1, 0x00, 0x09, 0}
		binary.BigEndian.PutUint16(h[2:], uint16(len(p)+8))
		binary.BigEndian.PutUint32(h[4:], teid)
		return h
	})
}
