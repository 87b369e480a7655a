package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// readAll reads every packet of a capture file: each packet's bytes, its time cut
// to microseconds (the precision every variant keeps), and its two lengths.
func readAll(t *testing.T, path string) []string {
	t.Helper()
	s, err := OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out []string
	for {
		data, ci, err := s.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, fmt.Sprintf("%s %v %d/%d %x", ci.Timestamp.Truncate(time.Microsecond).Format(time.RFC3339Nano),
			s.LinkType(), ci.CaptureLength, ci.Length, data))
	}
}

// TestPcapVariantsAgree reads the same packets from every classic pcap variant
// (versions 2.4 and 2.1, both byte orders, micro- and nanoseconds, the modified
// format) and expects what the file pcapgo writes.
func TestPcapVariantsAgree(t *testing.T) {
	files := pcapVariantFiles()
	want := readAll(t, filepath.Join(pcapDir, files[0].name))
	if len(want) != len(files[0].packets) {
		t.Fatalf("%s: %d packets, want %d", files[0].name, len(want), len(files[0].packets))
	}
	for _, f := range files[1:] {
		got := readAll(t, filepath.Join(pcapDir, f.name))
		if len(got) != len(want) {
			t.Errorf("%s: %d packets, want %d", f.name, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: packet %d differs from %s's", f.name, i+1, files[0].name)
			}
		}
	}
}

// TestPcapVariantsLibpcap has libpcap itself (through tcpdump) read every variant:
// each must print the same packets as the reference, so the files are the formats
// libpcap reads and not only what this reader expects.
func TestPcapVariantsLibpcap(t *testing.T) {
	tcpdump := testenv.LookPath(t, "tcpdump")
	print := func(name string) string {
		out, err := exec.Command(tcpdump, "-nn", "-tt", "-xx", "-r", filepath.Join(pcapDir, name)).Output()
		if err != nil {
			t.Fatalf("tcpdump -r %s: %v", name, err)
		}
		return string(out)
	}
	files := pcapVariantFiles()
	want := print(files[0].name)
	for _, f := range files[1:] {
		if got := print(f.name); got != want {
			t.Errorf("tcpdump reads %s otherwise than %s:\n%s\nwant:\n%s", f.name, files[0].name, got, want)
		}
	}
}

// pcapHeader is a classic pcap file header.
func pcapHeader(order binary.AppendByteOrder, magic uint32, major, minor uint16, link uint32) []byte {
	b := order.AppendUint32(nil, magic)
	b = order.AppendUint16(b, major)
	b = order.AppendUint16(b, minor)
	b = append(b, make([]byte, 8)...)
	b = order.AppendUint32(b, 65535)
	return order.AppendUint32(b, link)
}

// pcapRecord is a record of a classic pcap file with its two length fields as given.
func pcapRecord(order binary.AppendByteOrder, first, second uint32, data []byte) []byte {
	b := order.AppendUint32(nil, 1700000000)
	b = order.AppendUint32(b, 5)
	b = order.AppendUint32(b, first)
	b = order.AppendUint32(b, second)
	return append(b, data...)
}

// TestPcapLengthOrders reads versions whose record headers order the two lengths
// otherwise: 2.3 may have either first (the smaller is the captured length),
// DG/UX's 543.0 puts the original length first.
func TestPcapLengthOrders(t *testing.T) {
	le := binary.LittleEndian
	data := bytes.Repeat([]byte{0xab}, 60)
	cases := []struct {
		name          string
		major, minor  uint16
		first, second uint32
	}{
		{"2.3 captured first", 2, 3, 60, 1500},
		{"2.3 original first", 2, 3, 1500, 60},
		{"543.0", 543, 0, 1500, 60},
		{"2.0", 2, 0, 1500, 60},
	}
	for _, c := range cases {
		file := append(pcapHeader(le, magicPcapMicro, c.major, c.minor, 1), pcapRecord(le, c.first, c.second, data)...)
		s, err := NewFileSource(c.name, bytes.NewReader(file))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, ci, err := s.Next()
		if err != nil || len(got) != 60 || ci.CaptureLength != 60 || ci.Length != 1500 {
			t.Errorf("%s: %d bytes, lengths %d/%d, %v; want 60 of 1500", c.name, len(got), ci.CaptureLength, ci.Length, err)
		}
	}
}

// TestPcapHeaderRefused feeds headers libpcap refuses: each is an error naming the
// file and saying what is wrong.
func TestPcapHeaderRefused(t *testing.T) {
	le := binary.LittleEndian
	cases := map[string][]byte{
		"version 2.5":    pcapHeader(le, magicPcapMicro, 2, 5, 1),
		"version 3.0":    pcapHeader(le, magicPcapNano, 3, 0, 1),
		"version 1.4":    pcapHeader(binary.BigEndian, magicPcapKuz, 1, 4, 1),
		"reserved bits":  pcapHeader(le, magicPcapMicro, 2, 4, 0x00010001),
		"header cut":     pcapHeader(le, magicPcapMicro, 2, 4, 1)[:20],
		"modified cut 3": pcapHeader(le, magicPcapKuz, 2, 4, 1)[:3],
	}
	for name, file := range cases {
		_, err := NewFileSource(name, bytes.NewReader(file))
		if err == nil || !strings.HasPrefix(err.Error(), name+": ") {
			t.Errorf("%s: error %v, want one naming the input", name, err)
		}
	}
}

// TestPcapRecordErrors cuts a modified-format record inside its 24-byte header, and
// gives a record a captured length above MaxPacketSize: each is an error naming the
// file and the packet.
func TestPcapRecordErrors(t *testing.T) {
	le := binary.LittleEndian
	hdr := pcapHeader(le, magicPcapKuz, 2, 4, 1)
	rec := append(pcapRecord(le, 60, 60, nil), make([]byte, 8)...)
	rec = append(rec, make([]byte, 60)...)
	cases := map[string]struct {
		file []byte
		want error
	}{
		"cut in the extra bytes": {append(bytes.Clone(hdr), rec[:20]...), errRecordHeaderCut},
		"cut in the packet":      {append(bytes.Clone(hdr), rec[:50]...), errPacketCut},
		"too long": {append(bytes.Clone(hdr), append(pcapRecord(le, MaxPacketSize+1, MaxPacketSize+1, nil),
			make([]byte, 8)...)...), nil},
	}
	for name, c := range cases {
		s, err := NewFileSource(name, bytes.NewReader(c.file))
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = s.Next()
		if err == nil || err == io.EOF || !strings.HasPrefix(err.Error(), name+": packet 1: ") ||
			c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

// TestPcapLargePacket reads packets longer than the read buffer, which the reader
// copies instead of returning in place, between ordinary ones.
func TestPcapLargePacket(t *testing.T) {
	be := binary.BigEndian
	big := bytes.Repeat([]byte{0x5a}, 200000)
	small := bytes.Repeat([]byte{0xa5}, 64)
	file := pcapHeader(be, magicPcapNano, 2, 4, uint32(decode.LinkRaw))
	for _, p := range [][]byte{small, big, small, big} {
		file = append(file, pcapRecord(be, uint32(len(p)), uint32(len(p)), p)...)
	}
	s, err := NewFileSource("large.pcap", bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range [][]byte{small, big, small, big} {
		got, _, err := s.Next()
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("packet %d: %d bytes, %v; want %d", i+1, len(got), err, len(want))
		}
	}
	if _, _, err := s.Next(); err != io.EOF {
		t.Errorf("after the last packet: %v", err)
	}
}
