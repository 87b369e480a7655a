package decode_test

import (
	"testing"

	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
	cr "github.com/aupscan/aupscan/scanner/traffic/internal/craft"
	pt "github.com/aupscan/aupscan/scanner/traffic/internal/packettest"
)

// BenchmarkDecodeEthernetIPv4TCP decodes one Ethernet/IPv4/TCP segment with a
// 1400-byte payload.
func BenchmarkDecodeEthernetIPv4TCP(b *testing.B) {
	frame := cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP),
		cr.TCP(40000, 443, cr.PSH|cr.ACK), cr.Raw(make([]byte, 1400)))
	benchDecode(b, frame)
}

// BenchmarkDecodeVXLAN decodes a TCP segment inside VXLAN: two parser runs.
func BenchmarkDecodeVXLAN(b *testing.B) {
	frame := cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(pt.V4C, pt.V4D, layers.IPProtocolUDP),
		cr.UDP(51234, 4789), cr.VXLAN(100), cr.Eth(layers.EthernetTypeIPv4),
		cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), cr.Raw(make([]byte, 1350)))
	benchDecode(b, frame)
}

func benchDecode(b *testing.B, frame []byte) {
	d := decode.NewDecoder(decode.LinkEthernet)
	var p decode.Packet
	if err := d.Decode(frame, &p); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(frame)))
	b.ReportAllocs()
	for b.Loop() {
		d.Decode(frame, &p)
	}
}
