package decode_test

import (
	"net"
	"testing"

	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
	cr "github.com/aupscan/aupscan/scanner/traffic/internal/craft"
	pt "github.com/aupscan/aupscan/scanner/traffic/internal/packettest"
)

// TestLinkAddrs checks the outermost MACs a decoded packet keeps: both of an
// Ethernet frame, the sender's of a cooked capture, none for raw IP, and the
// outer frame's (not the inner one's) through VXLAN and Ethernet over GRE.
func TestLinkAddrs(t *testing.T) {
	outerSrc := net.HardwareAddr{0x52, 0x54, 0, 0xaa, 0xbb, 0x01}
	outerDst := net.HardwareAddr{0x52, 0x54, 0, 0xaa, 0xbb, 0x02}
	outer := func(typ layers.EthernetType) *layers.Ethernet {
		return &layers.Ethernet{SrcMAC: outerSrc, DstMAC: outerDst, EthernetType: typ}
	}
	var zero [6]byte
	cases := []struct {
		name     string
		link     decode.LinkType
		frame    []byte
		src, dst net.HardwareAddr
	}{
		{"ethernet", decode.LinkEthernet,
			cr.Frame(outer(layers.EthernetTypeIPv4), cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.SYN)),
			outerSrc, outerDst},
		{"vxlan", decode.LinkEthernet,
			cr.Frame(outer(layers.EthernetTypeIPv4), cr.IPv4(pt.V4C, pt.V4D, layers.IPProtocolUDP), cr.UDP(51234, 4789), cr.VXLAN(100),
				cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.SYN)),
			outerSrc, outerDst},
		{"ethernet over gre", decode.LinkEthernet,
			cr.Frame(outer(layers.EthernetTypeIPv4), cr.IPv4(pt.V4C, pt.V4D, layers.IPProtocolGRE),
				&layers.GRE{Protocol: layers.EthernetTypeTransparentEthernetBridging},
				cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.SYN)),
			outerSrc, outerDst},
		{"linux sll", decode.LinkLinuxSLL,
			cr.Frame(cr.SLL(layers.EthernetTypeIPv4), cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.SYN)),
			cr.MAC1, nil},
		{"linux sll2", decode.LinkLinuxSLL2,
			cr.Frame(cr.SLL2(layers.EthernetTypeIPv4, 3), cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.SYN)),
			cr.MAC1, nil},
		{"raw", decode.LinkRaw,
			cr.Frame(cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.SYN)), nil, nil},
	}
	d := decode.NewDecoder(decode.LinkEthernet)
	var p decode.Packet
	for _, c := range cases {
		// A packet decoded before must leave nothing behind.
		p.SrcMAC, p.DstMAC = [6]byte{9, 9, 9, 9, 9, 9}, [6]byte{9, 9, 9, 9, 9, 9}
		if err := d.DecodeLink(c.link, c.frame, &p); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		want := func(m net.HardwareAddr) [6]byte {
			if m == nil {
				return zero
			}
			return [6]byte(m)
		}
		if p.SrcMAC != want(c.src) || p.DstMAC != want(c.dst) || p.Src.String() != pt.V4A {
			t.Errorf("%s: MACs %x -> %x (flow from %v), want %x -> %x", c.name, p.SrcMAC, p.DstMAC, p.Src, want(c.src), want(c.dst))
		}
	}
}
