package traffic

import (
	"encoding/binary"
	"net/netip"
	"runtime"
	"testing"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
	pt "github.com/aupscan/aupscan/scanner/traffic/internal/packettest"
)

// BenchmarkFlowMemory holds 100,000 TCP flows open at once, each having sent the
// first half of a ClientHello (so each holds that half for reassembly: the worst
// case short of an attack, which the memory limit stops) or a whole one, and
// reports the heap they take, in bytes a flow and MiB in all.
func BenchmarkFlowMemory(b *testing.B) {
	for _, c := range []struct {
		name string
		cut  int // bytes of the hello sent; 0 all
	}{{"whole-hello", 0}, {"half-hello-held", 80}} {
		b.Run(c.name, func(b *testing.B) {
			const flows = 100_000
			e := builtinEngine(b)
			hello := testClientHello("www.example.org", []string{"h2", "http/1.1"}, true)
			if c.cut > 0 {
				hello = hello[:c.cut]
			}
			hdr := make([]byte, 20)
			for b.Loop() {
				runtime.GC()
				var before runtime.MemStats
				runtime.ReadMemStats(&before)
				s := NewScanner(e, ScannerConfig{Flows: FlowTableConfig{MaxFlows: 2 * flows}}, nil)
				var p decode.Packet
				for i := range flows {
					p = decode.Packet{Proto: decode.ProtoTCP, Time: pt.Epoch, Length: 60 + len(hello),
						Src: netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}), Dst: netip.AddrFrom4([4]byte{192, 0, 2, 1}),
						SrcPort: 40000, DstPort: 443, TCPFlags: decode.TCPFlagSYN}
					binary.BigEndian.PutUint32(hdr[4:], 1000)
					p.Header = hdr
					s.Packet(&p)
					p.TCPFlags, p.Payload = decode.TCPFlagACK|decode.TCPFlagPSH, hello
					binary.BigEndian.PutUint32(hdr[4:], 1001)
					s.Packet(&p)
				}
				runtime.GC()
				var after runtime.MemStats
				runtime.ReadMemStats(&after)
				held := after.HeapInuse - before.HeapInuse
				b.ReportMetric(float64(held)/flows, "B/flow")
				b.ReportMetric(float64(held)/(1<<20), "MiB")
				b.ReportMetric(float64(s.pool.lent)/(1<<20), "MiB-held")
				runtime.KeepAlive(s)
			}
		})
	}
}
