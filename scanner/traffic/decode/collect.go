package decode

import (
	"net/netip"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

// collect fills p from the layers of one parser run, outermost first. A layer value
// holds the last header of its type, so an outer entry may read inner values; that
// is harmless because the last entry of the list writes last, and it is innermost.
func (d *Decoder) collect(p *Packet) {
	prevIP := gopacket.LayerTypeZero // the IP layer just before, extension headers skipped
	inGRE := false                   // a GRE header came and no IP layer since
	for _, t := range d.decoded {
		switch t {
		case layers.LayerTypeIPv4, layers.LayerTypeIPv6:
			if inGRE {
				p.Tunnel |= TunnelGRE
				inGRE = false
			} else {
				p.Tunnel |= ipInIP(prevIP, t)
			}
			if t == layers.LayerTypeIPv4 {
				d.setIPv4(p)
			} else {
				d.setIPv6(p)
			}
			prevIP = t
			continue
		case layers.LayerTypeIPv6HopByHop, layers.LayerTypeIPv6Routing, layers.LayerTypeIPv6Destination:
			setNext(p, d.ext.NextHeader, d.ext.Payload)
			continue
		case layers.LayerTypeIPv6Fragment:
			p.Fragment = d.frag.fragment()
			if p.Fragment != NotFragment {
				d.fr = fragment{v6: true, hdr: d.ip6.Contents, src: d.ip6.SrcIP, dst: d.ip6.DstIP,
					id: d.frag.ID, proto: uint8(d.frag.NextHeader), off: int(d.frag.Offset) * 8,
					more: d.frag.More, data: d.frag.Payload}
			}
			setNext(p, d.frag.NextHeader, d.frag.Payload)
			continue
		case layers.LayerTypeGRE:
			inGRE = true
			p.Header, p.Payload = d.gre.Contents, d.gre.Payload
		default:
			d.setTransport(p, t)
		}
		prevIP = gopacket.LayerTypeZero
	}
}

// setTransport takes ports, flags, header and payload from a transport layer.
func (d *Decoder) setTransport(p *Packet, t gopacket.LayerType) {
	switch t {
	case layers.LayerTypeTCP:
		p.SrcPort, p.DstPort = uint16(d.tcp.SrcPort), uint16(d.tcp.DstPort)
		p.TCPFlags = d.tcp.Contents[13]
		p.Header, p.Payload = d.tcp.Contents, d.tcp.Payload
	case layers.LayerTypeUDP:
		p.SrcPort, p.DstPort = uint16(d.udp.SrcPort), uint16(d.udp.DstPort)
		p.Header, p.Payload = d.udp.Contents, d.udp.Payload
	case layers.LayerTypeICMPv4:
		p.Header, p.Payload = d.icmp4.Contents, d.icmp4.Payload
	case layers.LayerTypeICMPv6:
		p.Header, p.Payload = d.icmp6.Contents, d.icmp6.Payload
	}
}

// ipInIP names the IP-in-IP encapsulation when IP layer cur directly follows IP
// layer prev.
func ipInIP(prev, cur gopacket.LayerType) Tunnel {
	v4, v6 := layers.LayerTypeIPv4, layers.LayerTypeIPv6
	switch {
	case prev == v4 && cur == v4:
		return Tunnel4in4
	case prev == v4 && cur == v6:
		return Tunnel6in4
	case prev == v6 && cur == v4:
		return Tunnel4in6
	case prev == v6 && cur == v6:
		return Tunnel6in6
	}
	return 0
}

// setIPv4 takes the addresses and protocol of the IPv4 header.
func (d *Decoder) setIPv4(p *Packet) {
	p.Src = netip.AddrFrom4([4]byte(d.ip4.SrcIP))
	p.Dst = netip.AddrFrom4([4]byte(d.ip4.DstIP))
	p.Fragment = d.ip4.fragment()
	if p.Fragment != NotFragment {
		ip := &d.ip4
		d.fr = fragment{hdr: ip.Contents, src: ip.SrcIP, dst: ip.DstIP, id: uint32(ip.Id),
			proto: uint8(ip.Protocol), off: int(ip.FragOffset) * 8,
			more: ip.Flags&layers.IPv4MoreFragments != 0, data: ip.Payload}
	}
	setNext(p, d.ip4.Protocol, d.ip4.Payload)
}

// setIPv6 takes the addresses and next header of the IPv6 header.
func (d *Decoder) setIPv6(p *Packet) {
	p.Src = netip.AddrFrom16([16]byte(d.ip6.SrcIP))
	p.Dst = netip.AddrFrom16([16]byte(d.ip6.DstIP))
	p.Fragment = NotFragment
	setNext(p, d.ip6.NextHeader, d.ip6.Payload)
}

// setNext records the protocol an IP header names and its payload, which stands as
// the packet's payload unless a transport layer decodes from it. ESP and AH are not
// decoded by a layer: their header is split off here.
func setNext(p *Packet, proto layers.IPProtocol, payload []byte) {
	p.Proto = uint8(proto)
	p.resetTransport()
	if p.Fragment == LaterFragment {
		return
	}
	p.Header, p.Payload = splitIPSec(p.Proto, payload)
}

// splitIPSec splits an ESP header (SPI and sequence number) or an AH header (its
// length in 4-byte words, less 2, is its second byte) from what follows it. Other
// protocols have no header here.
func splitIPSec(proto uint8, b []byte) (header, rest []byte) {
	n := 0
	switch proto {
	case ProtoESP:
		n = 8
	case ProtoAH:
		n = 12
		if len(b) >= 2 {
			n = (int(b[1]) + 2) * 4
		}
	default:
		return nil, b
	}
	if n > len(b) {
		return b, nil
	}
	return b[:n], b[n:]
}
