package decode_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
	cr "github.com/aupscan/aupscan/scanner/traffic/internal/craft"
	pt "github.com/aupscan/aupscan/scanner/traffic/internal/packettest"
)

var hello = cr.Raw([]byte("hello"))

func TestDecode(t *testing.T) {
	for _, set := range [][]pt.Case{pt.LinkCases, pt.TunnelCases, pt.TransportCases} {
		for _, c := range set {
			t.Run(c.Name, func(t *testing.T) {
				var p decode.Packet
				if err := decode.NewDecoder(c.Link).Decode(c.Frame, &p); err != nil {
					t.Fatalf("Decode: %v", err)
				}
				pt.Check(t, &p, c.Want)
			})
		}
	}
}

// TestDecodeOffload decodes segments longer than an IP length field can say, as TCP
// segmentation offload and BIG TCP hand them to a capture on veth or a VM's tap:
// the length field is 0 and the capture's length is the packet's.
func TestDecodeOffload(t *testing.T) {
	big := cr.Raw(bytes.Repeat([]byte("x"), 70000))
	v4 := cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), big)
	binary.BigEndian.PutUint16(v4[14+2:], 0)
	v6 := cr.Frame(cr.Eth(layers.EthernetTypeIPv6), cr.IPv6(pt.V6A, pt.V6B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), big)
	binary.BigEndian.PutUint16(v6[14+4:], 0)
	for name, frame := range map[string][]byte{"ipv4": v4, "ipv6": v6} {
		var p decode.Packet
		if err := decode.NewDecoder(decode.LinkEthernet).Decode(frame, &p); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(p.Payload) != 70000 || p.Truncated {
			t.Errorf("%s: payload %d bytes, truncated %v; want 70000, false", name, len(p.Payload), p.Truncated)
		}
	}
}

// TestDecodeTruncated cuts a packet inside its payload, as a snap length does.
func TestDecodeTruncated(t *testing.T) {
	frame := cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello)
	var p decode.Packet
	if err := decode.NewDecoder(decode.LinkEthernet).Decode(frame[:len(frame)-2], &p); err != nil {
		t.Fatal(err)
	}
	if string(p.Payload) != "hel" || !p.Truncated {
		t.Errorf("payload %q truncated %v, want \"hel\" true", p.Payload, p.Truncated)
	}
}

func TestDecodeErrors(t *testing.T) {
	tcp := cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), hello)
	badIHL := bytes.Clone(tcp)
	badIHL[14] = 0x43
	cases := []struct {
		name  string
		link  decode.LinkType
		frame []byte
		is    error
		layer string
	}{
		{"empty frame", decode.LinkEthernet, nil, decode.ErrMalformed, "Ethernet"},
		{"arp", decode.LinkEthernet, cr.Frame(cr.Eth(layers.EthernetTypeARP), cr.Raw(make([]byte, 28))), decode.ErrNotIP, ""},
		{"802.11 link", 105, tcp, decode.ErrUnsupportedLink, ""},
		{"ipv4 header length 12", decode.LinkEthernet, badIHL, decode.ErrMalformed, "IPv4"},
		{"tcp header cut", decode.LinkEthernet, tcp[:14+20+10], decode.ErrMalformed, "TCP"},
		{"ipv6 in an ipv4 ethertype", decode.LinkEthernet, cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv6(pt.V6A, pt.V6B, 59)), decode.ErrMalformed, "IPv4"},
		{"sll2 cut", decode.LinkLinuxSLL2, make([]byte, 19), decode.ErrMalformed, "LinuxSLL2"},
		{"gre routing", decode.LinkEthernet, cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(pt.V4C, pt.V4D, layers.IPProtocolGRE), cr.Raw([]byte{0x40, 0, 8, 0}), hello), decode.ErrMalformed, "GRE"},
	}
	for _, c := range cases {
		var p decode.Packet
		err := decode.NewDecoder(c.link).Decode(c.frame, &p)
		if !errors.Is(err, c.is) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.is)
			continue
		}
		var de *decode.Error
		if errors.As(err, &de) && de.Layer.String() != c.layer {
			t.Errorf("%s: failed layer %s, want %s", c.name, de.Layer, c.layer)
		}
	}
}

// TestDecodeReusesPacket decodes into one Packet twice: nothing of the first packet
// may survive into the second.
func TestDecodeReusesPacket(t *testing.T) {
	d := decode.NewDecoder(decode.LinkEthernet)
	var p decode.Packet
	first := pt.TunnelCases[len(pt.TunnelCases)-1]
	if err := d.Decode(first.Frame, &p); err != nil {
		t.Fatal(err)
	}
	second := pt.TransportCases[2] // a later fragment: no ports, no payload
	if err := d.Decode(second.Frame, &p); err != nil {
		t.Fatal(err)
	}
	pt.Check(t, &p, second.Want)
	if p.Header != nil || p.Tunnel != 0 {
		t.Errorf("header %x tunnel %v left over", p.Header, p.Tunnel)
	}
}

// TestDecodeAllocs shows that decoding allocates nothing per packet.
func TestDecodeAllocs(t *testing.T) {
	d := decode.NewDecoder(decode.LinkEthernet)
	var p decode.Packet
	for _, c := range append(append([]pt.Case{}, pt.TunnelCases...), pt.TransportCases...) {
		if c.Link != decode.LinkEthernet {
			continue
		}
		if n := testing.AllocsPerRun(100, func() { d.Decode(c.Frame, &p) }); n != 0 {
			t.Errorf("%s: %v allocations per packet", c.Name, n)
		}
	}
}
