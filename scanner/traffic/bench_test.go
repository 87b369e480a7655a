package traffic

import (
	"testing"
	"time"

	"github.com/google/gopacket/layers"

	cr "github.com/aupscan/aupscan/scanner/traffic/internal/craft"
)

// BenchmarkDecodeEthernetIPv4TCP decodes one Ethernet/IPv4/TCP segment with a
// 1400-byte payload.
func BenchmarkDecodeEthernetIPv4TCP(b *testing.B) {
	frame := cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolTCP),
		cr.TCP(40000, 443, cr.PSH|cr.ACK), cr.Raw(make([]byte, 1400)))
	benchDecode(b, frame)
}

// BenchmarkDecodeVXLAN decodes a TCP segment inside VXLAN: two parser runs.
func BenchmarkDecodeVXLAN(b *testing.B) {
	frame := cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4c, v4d, layers.IPProtocolUDP),
		cr.UDP(51234, 4789), cr.VXLAN(100), cr.Eth(layers.EthernetTypeIPv4),
		cr.IPv4(v4a, v4b, layers.IPProtocolTCP), cr.TCP(40000, 443, cr.PSH|cr.ACK), cr.Raw(make([]byte, 1350)))
	benchDecode(b, frame)
}

func benchDecode(b *testing.B, frame []byte) {
	d := NewDecoder(LinkEthernet)
	var p Packet
	if err := d.Decode(frame, &p); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(frame)))
	b.ReportAllocs()
	for b.Loop() {
		d.Decode(frame, &p)
	}
}

// BenchmarkDecodeTrack decodes and tracks packets of 1,000 flows in turn, as a capture
// loop does: decode, look the flow up, count, and expire by packet time.
func BenchmarkDecodeTrack(b *testing.B) {
	frames := make([][]byte, 1000)
	for i := range frames {
		frames[i] = cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(v4a, v4b, layers.IPProtocolTCP),
			cr.TCP(uint16(20000+i), 443, cr.PSH|cr.ACK), cr.Raw(make([]byte, 200)))
	}
	d := NewDecoder(LinkEthernet)
	ft := NewFlowTable(FlowTableConfig{})
	var p Packet
	now := captureEpoch
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		now = now.Add(time.Microsecond)
		p.Time, p.Length = now, len(frames[i])
		if err := d.Decode(frames[i], &p); err != nil {
			b.Fatal(err)
		}
		ft.Track(&p)
		ft.Expire(now, nil)
		if i++; i == len(frames) {
			i = 0
		}
	}
}

// BenchmarkCorpus reads, decodes and tracks every capture of the acceptance corpus,
// from the page cache, and reports packets per second.
func BenchmarkCorpus(b *testing.B) {
	files := corpusFiles(b)
	if len(files) == 0 {
		b.Skip("no corpus at " + corpusDir)
	}
	b.ReportAllocs()
	packets := 0
	d := NewDecoder(LinkEthernet) // one per worker, as a scanner would keep it
	for b.Loop() {
		for _, path := range files {
			st, err := scanCapture(path, d)
			if err != nil {
				b.Fatal(err)
			}
			packets += st.packets
		}
	}
	b.ReportMetric(float64(packets)/b.Elapsed().Seconds(), "packets/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(packets), "ns/packet")
}
