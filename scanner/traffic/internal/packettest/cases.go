package packettest

import (
	"encoding/binary"
	"testing"

	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
	cr "github.com/aupscan/aupscan/scanner/traffic/internal/craft"
)

// Want is what a decoded packet must hold: the fields of a decode.Packet that a
// case checks, addresses as strings.
type Want struct {
	Proto            uint8
	Src, Dst         string
	SrcPort, DstPort uint16
	TCPFlags         uint8
	Payload          string
	Tunnel           decode.Tunnel
	Fragment         decode.Fragment
}

// Case is a crafted frame of a link type and the packet it must decode to.
type Case struct {
	Name  string
	Link  decode.LinkType
	Frame []byte
	Want  Want
}

var hello = cr.Raw([]byte("hello"))

func tcp4(sport, dport uint16) Want {
	return Want{Proto: decode.ProtoTCP, Src: V4A, Dst: V4B, SrcPort: sport, DstPort: dport,
		TCPFlags: decode.TCPFlagPSH | decode.TCPFlagACK, Payload: "hello"}
}

func tcp6(sport, dport uint16) Want {
	w := tcp4(sport, dport)
	w.Src, w.Dst = V6A, V6B
	return w
}

func udp(src, dst string, sport, dport uint16, tun decode.Tunnel) Want {
	return Want{Proto: decode.ProtoUDP, Src: src, Dst: dst, SrcPort: sport, DstPort: dport, Payload: "hello", Tunnel: tun}
}

// LinkCases are a TCP segment in every link type the decoder decodes, with VLAN
// tags and PPPoE.
var LinkCases = []Case{
	{"ethernet ipv4 tcp", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"ethernet 802.1q ipv4 tcp", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeDot1Q), cr.VLAN(42, layers.EthernetTypeIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"ethernet qinq ipv6 tcp", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeQinQ), cr.VLAN(100, layers.EthernetTypeDot1Q), cr.VLAN(42, layers.EthernetTypeIPv6), cr.IPv6(V6A, V6B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp6(40000, 443)},
	{"ethernet 802.1q pppoe ipv4 tcp", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeDot1Q), cr.VLAN(785, layers.EthernetTypePPPoESession), cr.PPPoE(0x556a), &layers.PPP{PPPType: layers.PPPTypeIPv4}, cr.IPv4(V4A, V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"linux sll ipv4 tcp", decode.LinkLinuxSLL,
		cr.Frame(cr.SLL(layers.EthernetTypeIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"linux sll2 ipv6 tcp", decode.LinkLinuxSLL2,
		cr.Frame(cr.SLL2(layers.EthernetTypeIPv6, 3), cr.IPv6(V6A, V6B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp6(40000, 443)},
	{"linux sll2 vlan ipv4 tcp", decode.LinkLinuxSLL2,
		cr.Frame(cr.SLL2(layers.EthernetTypeDot1Q, 3), cr.VLAN(7, layers.EthernetTypeIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"null little-endian ipv4", decode.LinkNull,
		cr.Frame(cr.Null(cr.AFInet, binary.LittleEndian), cr.IPv4(V4A, V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"null big-endian ipv4", decode.LinkNull,
		cr.Frame(cr.Null(cr.AFInet, binary.BigEndian), cr.IPv4(V4A, V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"null ipv6 bsd", decode.LinkNull,
		cr.Frame(cr.Null(cr.AFInet6BSD, binary.LittleEndian), cr.IPv6(V6A, V6B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp6(40000, 443)},
	{"null ipv6 darwin", decode.LinkNull,
		cr.Frame(cr.Null(cr.AFInet6Darwin, binary.LittleEndian), cr.IPv6(V6A, V6B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp6(40000, 443)},
	{"loop big-endian ipv6", decode.LinkLoop,
		cr.Frame(cr.Null(cr.AFInet6BSD, binary.BigEndian), cr.IPv6(V6A, V6B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp6(40000, 443)},
	{"raw 101 ipv4", decode.LinkRaw,
		cr.Frame(cr.IPv4(V4A, V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello), tcp4(40000, 443)},
	{"raw 101 ipv6", decode.LinkRaw,
		cr.Frame(cr.IPv6(V6A, V6B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello), tcp6(40000, 443)},
	{"raw 12 ipv4", decode.LinkRaw12,
		cr.Frame(cr.IPv4(V4A, V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello), tcp4(40000, 443)},
	{"raw 14 ipv6", decode.LinkRaw14,
		cr.Frame(cr.IPv6(V6A, V6B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello), tcp6(40000, 443)},
	{"ipv4 228", decode.LinkIPv4,
		cr.Frame(cr.IPv4(V4A, V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello), tcp4(40000, 443)},
	{"ipv6 229", decode.LinkIPv6,
		cr.Frame(cr.IPv6(V6A, V6B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello), tcp6(40000, 443)},
}

// TunnelCases are packets inside each encapsulation the decoder decodes through,
// and the near misses that must stay the outer flow.
var TunnelCases = []Case{
	{"4in4", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4C, V4D, layers.IPProtocolIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(V4A, V4B, 5000, 53, decode.Tunnel4in4)},
	{"6in4", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4C, V4D, layers.IPProtocolIPv6), cr.IPv6(V6A, V6B, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(V6A, V6B, 5000, 53, decode.Tunnel6in4)},
	{"4in6", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(V6C, V6D, layers.IPProtocolIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(V4A, V4B, 5000, 53, decode.Tunnel4in6)},
	{"6in6", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(V6C, V6D, layers.IPProtocolIPv6), cr.IPv6(V6A, V6B, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(V6A, V6B, 5000, 53, decode.Tunnel6in6)},
	{"6in6 behind destination options", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(V6C, V6D, layers.IPProtocolIPv6Destination), cr.IPv6Opts(layers.IPProtocolIPv6), cr.IPv6(V6A, V6B, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(V6A, V6B, 5000, 53, decode.Tunnel6in6)},
	{"gre ipv4", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4C, V4D, layers.IPProtocolGRE), cr.GRE(layers.EthernetTypeIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(V4A, V4B, 5000, 53, decode.TunnelGRE)},
	{"gre ipv6 over ipv6", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(V6C, V6D, layers.IPProtocolGRE), cr.GRE(layers.EthernetTypeIPv6), cr.IPv6(V6A, V6B, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(V6A, V6B, 5000, 53, decode.TunnelGRE)},
	{"gre transparent ethernet bridging", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4C, V4D, layers.IPProtocolGRE), cr.GRE(layers.EthernetTypeTransparentEthernetBridging), cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		withTunnel(tcp4(40000, 443), decode.TunnelGRE)},
	{"pptp enhanced gre ppp ipv4", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4C, V4D, layers.IPProtocolGRE), cr.PPTPGRE(9), cr.PPP(layers.PPPTypeIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolUDP), cr.UDP(5060, 5060), hello),
		udp(V4A, V4B, 5060, 5060, decode.TunnelGRE)},
	{"pptp gre ppp link control stays gre", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4C, V4D, layers.IPProtocolGRE), cr.PPTPGRE(9), cr.PPP(0xc021), hello),
		Want{Proto: decode.ProtoGRE, Src: V4C, Dst: V4D, Payload: "\xff\x03\xc0\x21hello"}},
	{"vxlan", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4C, V4D, layers.IPProtocolUDP), cr.UDP(51234, 4789), cr.VXLAN(100), cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		withTunnel(tcp4(40000, 443), decode.TunnelVXLAN)},
	{"vxlan ipv6 inside ipv6", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(V6C, V6D, layers.IPProtocolUDP), cr.UDP(51234, 4789), cr.VXLAN(100), cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(V6A, V6B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		withTunnel(tcp6(40000, 443), decode.TunnelVXLAN)},
	{"vxlan carrying arp is the outer flow", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4C, V4D, layers.IPProtocolUDP), cr.UDP(51234, 4789), cr.VXLAN(100), cr.Eth(layers.EthernetTypeARP), cr.Raw(make([]byte, 28))),
		Want{Proto: decode.ProtoUDP, Src: V4C, Dst: V4D, SrcPort: 51234, DstPort: 4789, Tunnel: decode.TunnelVXLAN,
			Payload: string(cr.Frame(cr.VXLAN(100), cr.Eth(layers.EthernetTypeARP), cr.Raw(make([]byte, 28))))}},
	{"source port 4789 is not vxlan", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolUDP), cr.UDP(4789, 53), hello),
		udp(V4A, V4B, 4789, 53, 0)},
	{"gtp-u", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4C, V4D, layers.IPProtocolUDP), cr.UDP(2152, 2152), cr.GTPU(77), cr.IPv4(V4A, V4B, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(V4A, V4B, 5000, 53, decode.TunnelGTP)},
	{"gtp-u with extension header", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4C, V4D, layers.IPProtocolUDP), cr.UDP(2152, 2152), cr.GTPUExt(77), cr.IPv6(V6A, V6B, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(V6A, V6B, 5000, 53, decode.TunnelGTP)},
	{"vxlan inside gre", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4C, V4D, layers.IPProtocolGRE), cr.GRE(layers.EthernetTypeIPv4), cr.IPv4(V4C, V4D, layers.IPProtocolUDP), cr.UDP(51234, 4789), cr.VXLAN(1), cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(V6A, V6B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		withTunnel(tcp6(40000, 443), decode.TunnelGRE|decode.TunnelVXLAN)},
}

func withTunnel(w Want, t decode.Tunnel) Want {
	w.Tunnel = t
	return w
}

// TransportCases are IPv6 extension headers, fragments, IPsec, ICMP and
// transports without ports.
var TransportCases = []Case{
	{"ipv6 hop-by-hop and destination options", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(V6A, V6B, layers.IPProtocolIPv6HopByHop), cr.IPv6Opts(layers.IPProtocolIPv6Destination), cr.IPv6Opts(layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp6(40000, 443)},
	{"ipv4 first fragment", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), &layers.IPv4{Version: 4, IHL: 5, TTL: 64, Protocol: layers.IPProtocolUDP, Flags: layers.IPv4MoreFragments, SrcIP: addr(V4A), DstIP: addr(V4B)}, cr.UDP(5000, 53), hello),
		Want{Proto: decode.ProtoUDP, Src: V4A, Dst: V4B, SrcPort: 5000, DstPort: 53, Payload: "hello", Fragment: decode.FirstFragment}},
	{"ipv4 later fragment", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), &layers.IPv4{Version: 4, IHL: 5, TTL: 64, Protocol: layers.IPProtocolUDP, FragOffset: 185, SrcIP: addr(V4A), DstIP: addr(V4B)}, hello),
		Want{Proto: decode.ProtoUDP, Src: V4A, Dst: V4B, Fragment: decode.LaterFragment}},
	{"ipv6 first fragment", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(V6A, V6B, layers.IPProtocolIPv6Fragment), cr.IPv6Frag(layers.IPProtocolUDP, 0, true), cr.UDP(5000, 53), hello),
		Want{Proto: decode.ProtoUDP, Src: V6A, Dst: V6B, SrcPort: 5000, DstPort: 53, Payload: "hello", Fragment: decode.FirstFragment}},
	{"ipv6 later fragment", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(V6A, V6B, layers.IPProtocolIPv6Fragment), cr.IPv6Frag(layers.IPProtocolUDP, 185, false), hello),
		Want{Proto: decode.ProtoUDP, Src: V6A, Dst: V6B, Fragment: decode.LaterFragment}},
	{"esp", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolESP), cr.ESP(0x1234, 1), hello),
		Want{Proto: decode.ProtoESP, Src: V4A, Dst: V4B, Payload: "hello"}},
	{"ah over ipv6", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(V6A, V6B, layers.IPProtocolAH), cr.AH(layers.IPProtocolUDP, 0x1234, 1), hello),
		Want{Proto: decode.ProtoAH, Src: V6A, Dst: V6B, Payload: "hello"}},
	{"icmp echo", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolICMPv4), cr.ICMPv4(8, 1, 2), hello),
		Want{Proto: decode.ProtoICMP, Src: V4A, Dst: V4B, Payload: "hello"}},
	{"icmpv6 echo", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(V6A, V6B, layers.IPProtocolICMPv6), cr.ICMPv6(128), cr.Raw([]byte{0, 1, 0, 2}), hello),
		Want{Proto: decode.ProtoICMPv6, Src: V6A, Dst: V6B, Payload: "\x00\x01\x00\x02hello"}},
	{"sctp has no ports here", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolSCTP), hello),
		Want{Proto: 132, Src: V4A, Dst: V4B, Payload: "hello"}},
	{"ethernet padding is not payload", decode.LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(V4A, V4B, layers.IPProtocolUDP), cr.UDP(5000, 53), cr.Raw([]byte("hi"))),
		udpPayload(udp(V4A, V4B, 5000, 53, 0), "hi")},
}

func udpPayload(w Want, p string) Want {
	w.Payload = p
	return w
}

func addr(s string) []byte { return cr.IPv4(s, s, 0).SrcIP }

// Check fails t unless p holds what w says.
func Check(t testing.TB, p *decode.Packet, w Want) {
	t.Helper()
	got := Want{Proto: p.Proto, Src: p.Src.String(), Dst: p.Dst.String(), SrcPort: p.SrcPort,
		DstPort: p.DstPort, TCPFlags: p.TCPFlags, Payload: string(p.Payload), Tunnel: p.Tunnel, Fragment: p.Fragment}
	if got != w {
		t.Errorf("decoded\n got %+v\nwant %+v", got, w)
	}
}
