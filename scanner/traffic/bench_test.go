package traffic

import (
	"testing"
	"time"

	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
	cr "github.com/aupscan/aupscan/scanner/traffic/internal/craft"
	pt "github.com/aupscan/aupscan/scanner/traffic/internal/packettest"
)

// BenchmarkDecodeTrack decodes and tracks packets of 1,000 flows in turn, as a capture
// loop does: decode, look the flow up, count, and expire by packet time.
func BenchmarkDecodeTrack(b *testing.B) {
	frames := make([][]byte, 1000)
	for i := range frames {
		frames[i] = cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP),
			cr.TCP(uint16(20000+i), 443, cr.PSH|cr.ACK), cr.Raw(make([]byte, 200)))
	}
	d := decode.NewDecoder(decode.LinkEthernet)
	ft := NewFlowTable(FlowTableConfig{})
	var p decode.Packet
	now := pt.Epoch
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
	d := decode.NewDecoder(decode.LinkEthernet) // one per worker, as a scanner would keep it
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
