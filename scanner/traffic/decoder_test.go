package traffic

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/google/gopacket/layers"

	cr "github.com/aupscan/aupscan/scanner/traffic/internal/craft"
)

// want is what a decoded packet must hold.
type want struct {
	proto    uint8
	src, dst string
	sport    uint16
	dport    uint16
	flags    uint8
	payload  string
	tunnel   Tunnel
	frag     Fragment
}

type decodeCase struct {
	name  string
	link  LinkType
	frame []byte
	want  want
}

var hello = cr.Raw([]byte("hello"))

const (
	v4a, v4b = "192.0.2.1", "198.51.100.2"
	v4c, v4d = "10.0.0.1", "10.0.0.2"
	v6a, v6b = "2001:db8::1", "2001:db8::2"
	v6c, v6d = "fd00::c", "fd00::d"
)

func tcp4(sport, dport uint16) want {
	return want{proto: ProtoTCP, src: v4a, dst: v4b, sport: sport, dport: dport, flags: TCPFlagPSH | TCPFlagACK, payload: "hello"}
}

func tcp6(sport, dport uint16) want {
	w := tcp4(sport, dport)
	w.src, w.dst = v6a, v6b
	return w
}

func udp(src, dst string, sport, dport uint16, tun Tunnel) want {
	return want{proto: ProtoUDP, src: src, dst: dst, sport: sport, dport: dport, payload: "hello", tunnel: tun}
}

var linkCases = []decodeCase{
	{"ethernet ipv4 tcp", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"ethernet 802.1q ipv4 tcp", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeDot1Q), cr.VLAN(42, layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"ethernet qinq ipv6 tcp", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeQinQ), cr.VLAN(100, layers.EthernetTypeDot1Q), cr.VLAN(42, layers.EthernetTypeIPv6), cr.IPv6(v6a, v6b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp6(40000, 443)},
	{"ethernet 802.1q pppoe ipv4 tcp", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeDot1Q), cr.VLAN(785, layers.EthernetTypePPPoESession), cr.PPPoE(0x556a), &layers.PPP{PPPType: layers.PPPTypeIPv4}, cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"linux sll ipv4 tcp", LinkLinuxSLL,
		cr.Frame(cr.SLL(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"linux sll2 ipv6 tcp", LinkLinuxSLL2,
		cr.Frame(cr.SLL2(layers.EthernetTypeIPv6, 3), cr.IPv6(v6a, v6b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp6(40000, 443)},
	{"linux sll2 vlan ipv4 tcp", LinkLinuxSLL2,
		cr.Frame(cr.SLL2(layers.EthernetTypeDot1Q, 3), cr.VLAN(7, layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"null little-endian ipv4", LinkNull,
		cr.Frame(cr.Null(cr.AFInet, binary.LittleEndian), cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"null big-endian ipv4", LinkNull,
		cr.Frame(cr.Null(cr.AFInet, binary.BigEndian), cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp4(40000, 443)},
	{"null ipv6 bsd", LinkNull,
		cr.Frame(cr.Null(cr.AFInet6BSD, binary.LittleEndian), cr.IPv6(v6a, v6b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp6(40000, 443)},
	{"null ipv6 darwin", LinkNull,
		cr.Frame(cr.Null(cr.AFInet6Darwin, binary.LittleEndian), cr.IPv6(v6a, v6b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp6(40000, 443)},
	{"loop big-endian ipv6", LinkLoop,
		cr.Frame(cr.Null(cr.AFInet6BSD, binary.BigEndian), cr.IPv6(v6a, v6b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp6(40000, 443)},
	{"raw 101 ipv4", LinkRaw,
		cr.Frame(cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello), tcp4(40000, 443)},
	{"raw 101 ipv6", LinkRaw,
		cr.Frame(cr.IPv6(v6a, v6b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello), tcp6(40000, 443)},
	{"raw 12 ipv4", LinkRaw12,
		cr.Frame(cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello), tcp4(40000, 443)},
	{"raw 14 ipv6", LinkRaw14,
		cr.Frame(cr.IPv6(v6a, v6b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello), tcp6(40000, 443)},
	{"ipv4 228", LinkIPv4,
		cr.Frame(cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello), tcp4(40000, 443)},
	{"ipv6 229", LinkIPv6,
		cr.Frame(cr.IPv6(v6a, v6b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello), tcp6(40000, 443)},
}

var tunnelCases = []decodeCase{
	{"4in4", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(v4a, v4b, 5000, 53, Tunnel4in4)},
	{"6in4", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolIPv6), cr.IPv6(v6a, v6b, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(v6a, v6b, 5000, 53, Tunnel6in4)},
	{"4in6", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(v6c, v6d, layers.IPProtocolIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(v4a, v4b, 5000, 53, Tunnel4in6)},
	{"6in6", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(v6c, v6d, layers.IPProtocolIPv6), cr.IPv6(v6a, v6b, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(v6a, v6b, 5000, 53, Tunnel6in6)},
	{"6in6 behind destination options", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(v6c, v6d, layers.IPProtocolIPv6Destination), cr.IPv6Opts(layers.IPProtocolIPv6), cr.IPv6(v6a, v6b, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(v6a, v6b, 5000, 53, Tunnel6in6)},
	{"gre ipv4", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolGRE), cr.GRE(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(v4a, v4b, 5000, 53, TunnelGRE)},
	{"gre ipv6 over ipv6", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(v6c, v6d, layers.IPProtocolGRE), cr.GRE(layers.EthernetTypeIPv6), cr.IPv6(v6a, v6b, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(v6a, v6b, 5000, 53, TunnelGRE)},
	{"gre transparent ethernet bridging", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolGRE), cr.GRE(layers.EthernetTypeTransparentEthernetBridging), cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		withTunnel(tcp4(40000, 443), TunnelGRE)},
	{"pptp enhanced gre ppp ipv4", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolGRE), cr.PPTPGRE(9), cr.PPP(layers.PPPTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolUDP), cr.UDP(5060, 5060), hello),
		udp(v4a, v4b, 5060, 5060, TunnelGRE)},
	{"pptp gre ppp link control stays gre", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolGRE), cr.PPTPGRE(9), cr.PPP(0xc021), hello),
		want{proto: ProtoGRE, src: v4c, dst: v4d, payload: "\xff\x03\xc0\x21hello"}},
	{"vxlan", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolUDP), cr.UDP(51234, 4789), cr.VXLAN(100), cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		withTunnel(tcp4(40000, 443), TunnelVXLAN)},
	{"vxlan ipv6 inside ipv6", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(v6c, v6d, layers.IPProtocolUDP), cr.UDP(51234, 4789), cr.VXLAN(100), cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(v6a, v6b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		withTunnel(tcp6(40000, 443), TunnelVXLAN)},
	{"vxlan carrying arp is the outer flow", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolUDP), cr.UDP(51234, 4789), cr.VXLAN(100), cr.Eth(layers.EthernetTypeARP), cr.Raw(make([]byte, 28))),
		want{proto: ProtoUDP, src: v4c, dst: v4d, sport: 51234, dport: 4789, tunnel: TunnelVXLAN,
			payload: string(cr.Frame(cr.VXLAN(100), cr.Eth(layers.EthernetTypeARP), cr.Raw(make([]byte, 28))))}},
	{"source port 4789 is not vxlan", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolUDP), cr.UDP(4789, 53), hello),
		udp(v4a, v4b, 4789, 53, 0)},
	{"gtp-u", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolUDP), cr.UDP(2152, 2152), cr.GTPU(77), cr.IPv4(v4a, v4b, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(v4a, v4b, 5000, 53, TunnelGTP)},
	{"gtp-u with extension header", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolUDP), cr.UDP(2152, 2152), cr.GTPUExt(77), cr.IPv6(v6a, v6b, layers.IPProtocolUDP), cr.UDP(5000, 53), hello),
		udp(v6a, v6b, 5000, 53, TunnelGTP)},
	{"vxlan inside gre", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolGRE), cr.GRE(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolUDP), cr.UDP(51234, 4789), cr.VXLAN(1), cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(v6a, v6b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		withTunnel(tcp6(40000, 443), TunnelGRE|TunnelVXLAN)},
}

func withTunnel(w want, t Tunnel) want {
	w.tunnel = t
	return w
}

var transportCases = []decodeCase{
	{"ipv6 hop-by-hop and destination options", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(v6a, v6b, layers.IPProtocolIPv6HopByHop), cr.IPv6Opts(layers.IPProtocolIPv6Destination), cr.IPv6Opts(layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello),
		tcp6(40000, 443)},
	{"ipv4 first fragment", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), &layers.IPv4{Version: 4, IHL: 5, TTL: 64, Protocol: layers.IPProtocolUDP, Flags: layers.IPv4MoreFragments, SrcIP: addr(v4a), DstIP: addr(v4b)}, cr.UDP(5000, 53), hello),
		want{proto: ProtoUDP, src: v4a, dst: v4b, sport: 5000, dport: 53, payload: "hello", frag: FirstFragment}},
	{"ipv4 later fragment", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), &layers.IPv4{Version: 4, IHL: 5, TTL: 64, Protocol: layers.IPProtocolUDP, FragOffset: 185, SrcIP: addr(v4a), DstIP: addr(v4b)}, hello),
		want{proto: ProtoUDP, src: v4a, dst: v4b, frag: LaterFragment}},
	{"ipv6 first fragment", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(v6a, v6b, layers.IPProtocolIPv6Fragment), cr.IPv6Frag(layers.IPProtocolUDP, 0, true), cr.UDP(5000, 53), hello),
		want{proto: ProtoUDP, src: v6a, dst: v6b, sport: 5000, dport: 53, payload: "hello", frag: FirstFragment}},
	{"ipv6 later fragment", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(v6a, v6b, layers.IPProtocolIPv6Fragment), cr.IPv6Frag(layers.IPProtocolUDP, 185, false), hello),
		want{proto: ProtoUDP, src: v6a, dst: v6b, frag: LaterFragment}},
	{"esp", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolESP), cr.ESP(0x1234, 1), hello),
		want{proto: ProtoESP, src: v4a, dst: v4b, payload: "hello"}},
	{"ah over ipv6", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(v6a, v6b, layers.IPProtocolAH), cr.AH(layers.IPProtocolUDP, 0x1234, 1), hello),
		want{proto: ProtoAH, src: v6a, dst: v6b, payload: "hello"}},
	{"icmp echo", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolICMPv4), cr.ICMPv4(8, 1, 2), hello),
		want{proto: ProtoICMP, src: v4a, dst: v4b, payload: "hello"}},
	{"icmpv6 echo", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(v6a, v6b, layers.IPProtocolICMPv6), cr.ICMPv6(128), cr.Raw([]byte{0, 1, 0, 2}), hello),
		want{proto: ProtoICMPv6, src: v6a, dst: v6b, payload: "\x00\x01\x00\x02hello"}},
	{"sctp has no ports here", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolSCTP), hello),
		want{proto: 132, src: v4a, dst: v4b, payload: "hello"}},
	{"ethernet padding is not payload", LinkEthernet,
		cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolUDP), cr.UDP(5000, 53), cr.Raw([]byte("hi"))),
		udpPayload(udp(v4a, v4b, 5000, 53, 0), "hi")},
}

func udpPayload(w want, p string) want {
	w.payload = p
	return w
}

func addr(s string) []byte { return cr.IPv4(s, s, 0).SrcIP }

func TestDecode(t *testing.T) {
	for _, set := range [][]decodeCase{linkCases, tunnelCases, transportCases} {
		for _, c := range set {
			t.Run(c.name, func(t *testing.T) {
				var p Packet
				if err := NewDecoder(c.link).Decode(c.frame, &p); err != nil {
					t.Fatalf("Decode: %v", err)
				}
				checkPacket(t, &p, c.want)
			})
		}
	}
}

func checkPacket(t *testing.T, p *Packet, w want) {
	t.Helper()
	got := want{proto: p.Proto, src: p.Src.String(), dst: p.Dst.String(), sport: p.SrcPort,
		dport: p.DstPort, flags: p.TCPFlags, payload: string(p.Payload), tunnel: p.Tunnel, frag: p.Fragment}
	if got != w {
		t.Errorf("decoded\n got %+v\nwant %+v", got, w)
	}
}

// TestDecodeOffload decodes segments longer than an IP length field can say, as TCP
// segmentation offload and BIG TCP hand them to a capture on veth or a VM's tap:
// the length field is 0 and the capture's length is the packet's.
func TestDecodeOffload(t *testing.T) {
	big := cr.Raw(bytes.Repeat([]byte("x"), 70000))
	v4 := cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), big)
	binary.BigEndian.PutUint16(v4[14+2:], 0)
	v6 := cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(v6a, v6b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), big)
	binary.BigEndian.PutUint16(v6[14+4:], 0)
	for name, frame := range map[string][]byte{"ipv4": v4, "ipv6": v6} {
		var p Packet
		if err := NewDecoder(LinkEthernet).Decode(frame, &p); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(p.Payload) != 70000 || p.Truncated {
			t.Errorf("%s: payload %d bytes, truncated %v; want 70000, false", name, len(p.Payload), p.Truncated)
		}
	}
}

// TestDecodeTruncated cuts a packet inside its payload, as a snap length does.
func TestDecodeTruncated(t *testing.T) {
	frame := cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello)
	var p Packet
	if err := NewDecoder(LinkEthernet).Decode(frame[:len(frame)-2], &p); err != nil {
		t.Fatal(err)
	}
	if string(p.Payload) != "hel" || !p.Truncated {
		t.Errorf("payload %q truncated %v, want \"hel\" true", p.Payload, p.Truncated)
	}
}

func TestDecodeErrors(t *testing.T) {
	tcp := cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello)
	badIHL := bytes.Clone(tcp)
	badIHL[14] = 0x43
	cases := []struct {
		name  string
		link  LinkType
		frame []byte
		is    error
		layer string
	}{
		{"empty frame", LinkEthernet, nil, ErrMalformed, "Ethernet"},
		{"arp", LinkEthernet, cr.Frame(cr.Eth(layers.EthernetTypeARP), cr.Raw(make([]byte, 28))), ErrNotIP, ""},
		{"802.11 link", 105, tcp, ErrUnsupportedLink, ""},
		{"ipv4 header length 12", LinkEthernet, badIHL, ErrMalformed, "IPv4"},
		{"tcp header cut", LinkEthernet, tcp[:14+20+10], ErrMalformed, "TCP"},
		{"ipv6 in an ipv4 ethertype", LinkEthernet, cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv6(v6a, v6b, 59)), ErrMalformed, "IPv4"},
		{"sll2 cut", LinkLinuxSLL2, make([]byte, 19), ErrMalformed, "LinuxSLL2"},
		{"gre routing", LinkEthernet, cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolGRE), cr.Raw([]byte{0x40, 0, 8, 0}), hello), ErrMalformed, "GRE"},
	}
	for _, c := range cases {
		var p Packet
		err := NewDecoder(c.link).Decode(c.frame, &p)
		if !errors.Is(err, c.is) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.is)
			continue
		}
		var de *DecodeError
		if errors.As(err, &de) && de.Layer.String() != c.layer {
			t.Errorf("%s: failed layer %s, want %s", c.name, de.Layer, c.layer)
		}
	}
}

// TestDecodeReusesPacket decodes into one Packet twice: nothing of the first packet
// may survive into the second.
func TestDecodeReusesPacket(t *testing.T) {
	d := NewDecoder(LinkEthernet)
	var p Packet
	first := tunnelCases[len(tunnelCases)-1]
	if err := d.Decode(first.frame, &p); err != nil {
		t.Fatal(err)
	}
	second := transportCases[2] // a later fragment: no ports, no payload
	if err := d.Decode(second.frame, &p); err != nil {
		t.Fatal(err)
	}
	checkPacket(t, &p, second.want)
	if p.Header != nil || p.Tunnel != 0 {
		t.Errorf("header %x tunnel %v left over", p.Header, p.Tunnel)
	}
}

// TestDecodeAllocs shows that decoding allocates nothing per packet.
func TestDecodeAllocs(t *testing.T) {
	d := NewDecoder(LinkEthernet)
	var p Packet
	for _, c := range append(append([]decodeCase{}, tunnelCases...), transportCases...) {
		if c.link != LinkEthernet {
			continue
		}
		if n := testing.AllocsPerRun(100, func() { d.Decode(c.frame, &p) }); n != 0 {
			t.Errorf("%s: %v allocations per packet", c.name, n)
		}
	}
}
