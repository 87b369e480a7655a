package traffic

import (
	"encoding/binary"
	"net/netip"
	"testing"
	"time"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
	pt "github.com/aupscan/aupscan/scanner/traffic/internal/packettest"
)

// FuzzTCPReassembly drives a Scanner with TCP segments the fuzzer chooses (which
// side, sequence offset, flags, acknowledgement and payload, over a few flows),
// then checks that nothing panicked, that what is held never passes the memory
// limit, and that every buffer is back in the pool once the flows end.
func FuzzTCPReassembly(f *testing.F) {
	f.Add([]byte("\x00\x00\x00\x05\x01\x05\x01\x00\x01\x00\x00\x02\x05\x00"))
	f.Add([]byte("\x00\x10\x00\x10\x16\x03\x01\x00\x50\x00\x00\x00\x00\x10\x01\x02\x03\x04"))
	f.Add([]byte("\x01\xff\xff\xf0\x04\x05\x01\x00\x02\x00\x00\x08\x08\x00\x00\x00\x00"))
	e := builtinEngine(f)
	f.Fuzz(func(t *testing.T, ops []byte) {
		const limit = 64 << 10
		s := NewScanner(e, ScannerConfig{StreamBytes: 4096, ReassemblyMemory: limit}, nil)
		var p decode.Packet
		hdr := make([]byte, 20)
		now := pt.Epoch
		for len(ops) >= 6 {
			op := ops[:6]
			ops = ops[6:]
			n := min(int(op[5]), len(ops))
			flow, server := op[0]&3, op[0]&4 != 0
			p = decode.Packet{Proto: decode.ProtoTCP, Time: now, Length: 60 + n}
			p.Src, p.Dst = netip.AddrFrom4([4]byte{10, 0, 0, 1}), netip.AddrFrom4([4]byte{10, 0, 0, 2})
			p.SrcPort, p.DstPort = 40000+uint16(flow), 443
			if server {
				p.Src, p.Dst, p.SrcPort, p.DstPort = p.Dst, p.Src, p.DstPort, p.SrcPort
			}
			binary.BigEndian.PutUint32(hdr[4:], 1000+uint32(int16(binary.BigEndian.Uint16(op[1:]))))
			binary.BigEndian.PutUint32(hdr[8:], 5000+uint32(op[3]))
			p.TCPFlags = op[4] & (decode.TCPFlagSYN | decode.TCPFlagACK | decode.TCPFlagPSH | decode.TCPFlagFIN)
			hdr[13] = p.TCPFlags
			p.Header, p.Payload = hdr, ops[:n]
			ops = ops[n:]
			s.Packet(&p)
			if s.pool.lent > limit {
				t.Fatalf("%d bytes held, limit %d", s.pool.lent, limit)
			}
			now = now.Add(time.Millisecond)
		}
		s.Flush()
		if s.pool.lent != 0 {
			t.Fatalf("%d bytes still lent after every flow ended", s.pool.lent)
		}
	})
}
