package traffic

import (
	"testing"
	"time"

	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
	cr "github.com/aupscan/aupscan/scanner/traffic/internal/craft"
	pt "github.com/aupscan/aupscan/scanner/traffic/internal/packettest"
)

// benchFrames crafts n flows of TLS-like traffic, each a ClientHello then
// encrypted records both ways, interleaved as a busy link would carry them.
func benchFrames(n int) [][]byte {
	var frames [][]byte
	hello := testClientHello("www.example.org", []string{"h2", "http/1.1"}, true)
	for round := range 12 {
		for i := range n {
			sport := uint16(20000 + i)
			var f []byte
			switch {
			case round == 0:
				f = cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP), cr.TCP(sport, 443, cr.PSH|cr.ACK), cr.Raw(hello))
			case round%2 == 1:
				f = cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(pt.V4B, pt.V4A, layers.IPProtocolTCP), cr.TCP(443, sport, cr.PSH|cr.ACK), cr.Raw(pseudo(1200, uint32(i))))
			default:
				f = cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP), cr.TCP(sport, 443, cr.PSH|cr.ACK), cr.Raw(pseudo(300, uint32(i))))
			}
			frames = append(frames, f)
		}
	}
	return frames
}

// BenchmarkScanner runs packets through the whole engine: decode, flow table, the
// parsers, the fingerprints and the built-in rules, for 1,000 TLS flows of 12
// packets each, over and over; ns/op is per packet.
func BenchmarkScanner(b *testing.B) {
	e := builtinEngine(b)
	frames := benchFrames(1000)
	s := NewScanner(e, ScannerConfig{}, nil)
	d := decode.NewDecoder(decode.LinkEthernet)
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
		s.Packet(&p)
		if i++; i == len(frames) {
			i = 0
		}
	}
}

// BenchmarkScanCorpus scans every capture of the acceptance corpus with the
// built-in rules, from the page cache, with one Scanner as `aupscan pcap` does, and
// reports packets per second.
func BenchmarkScanCorpus(b *testing.B) {
	files := corpusFiles(b)
	if len(files) == 0 {
		b.Skip("no corpus at " + corpusDir)
	}
	e := builtinEngine(b)
	b.ReportAllocs()
	var packets uint64
	s := NewScanner(e, ScannerConfig{}, nil) // one for all captures, as aupscan pcap keeps it
	for b.Loop() {
		for _, path := range files {
			fs, err := s.ScanFile(path)
			if err != nil {
				b.Fatal(err)
			}
			packets += fs.Packets
		}
	}
	b.ReportMetric(float64(packets)/b.Elapsed().Seconds(), "packets/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(packets), "ns/packet")
}
