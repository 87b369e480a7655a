package capture

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// FuzzFileSource reads arbitrary bytes as a capture file and decodes what comes
// out: no panic, no packet above MaxPacketSize, and memory bounded by the guard
// however large the lengths the bytes claim.
func FuzzFileSource(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(pcapDir, "*"))
	for _, path := range seeds {
		if data, err := os.ReadFile(path); err == nil && len(data) < 4096 {
			f.Add(data)
		}
	}
	f.Add([]byte{0x1f, 0x8b}) // a gzip header and nothing else
	// Every classic pcap variant libpcap reads is among the files above; these add the
	// record orders no file there has (2.3 either way, DG/UX's 543.0) and a record
	// of the modified format claiming a huge length.
	le, be := binary.LittleEndian, binary.BigEndian
	frame := make([]byte, 60)
	f.Add(append(pcapHeader(le, magicPcapMicro, 2, 3, 1), pcapRecord(le, 1500, 60, frame)...))
	f.Add(append(pcapHeader(be, magicPcapNano, 543, 0, 101), pcapRecord(be, 1500, 60, frame)...))
	f.Add(append(pcapHeader(be, magicPcapKuz, 2, 4, 1), append(pcapRecord(be, 1<<30, 60, nil), make([]byte, 8)...)...))
	d := decode.NewDecoder(decode.LinkEthernet)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := NewFileSource("fuzz", bytes.NewReader(data))
		if err != nil {
			return
		}
		var p decode.Packet
		for range 1 << 16 {
			frame, ci, err := s.Next()
			if err != nil {
				return
			}
			if len(frame) > MaxPacketSize || len(frame) != ci.CaptureLength {
				t.Fatalf("packet %d: %d bytes, capture length %d", s.Num(), len(frame), ci.CaptureLength)
			}
			d.DecodeLink(s.LinkType(), frame, &p)
		}
	})
}
