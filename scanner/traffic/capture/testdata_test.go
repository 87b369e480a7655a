package capture

import (
	"bytes"
	"encoding/binary"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
	cr "github.com/aupscan/aupscan/scanner/traffic/internal/craft"
	pt "github.com/aupscan/aupscan/scanner/traffic/internal/packettest"
)

// The capture files in testdata/pcap are made here, from crafted packets (those of
// packettest), and kept in the repository as data. `go test
// ./scanner/traffic/capture -run TestCaptureFiles -update` writes them again;
// without -update the test checks that the files are what this code makes, then
// reads them back and decodes every packet.
var update = flag.Bool("update", false, "rewrite the capture files in testdata/pcap")

const pcapDir = "../../../testdata/pcap"

// capPacket is one packet of a capture file and what decoding it must give.
type capPacket struct {
	link  decode.LinkType
	frame []byte
	want  pt.Want
	notIP bool
	wire  int // length on the wire, when the frame was cut by the snap length
}

// wireLen is the packet's length on the wire.
func (p capPacket) wireLen() int {
	if p.wire > 0 {
		return p.wire
	}
	return len(p.frame)
}

// pcapVariant is how a hand-written classic pcap file differs from libpcap's
// current format: its version (2.4 when zero), and Alexey Kuznetzov's modified
// record header (magic 0xa1b2cd34, 8 more bytes a record).
type pcapVariant struct {
	major, minor uint16
	modified     bool
}

// capFile is a capture file: how it is written and what it holds.
type capFile struct {
	name    string
	format  Format
	nanos   bool // timestamps keep nanoseconds
	write   func(f *capFile) []byte
	variant pcapVariant // for the hand writers
	packets []capPacket
	// errAt is the number of the packet whose reading fails; 0 when the file ends
	// cleanly.
	errAt int
}

// stamp is the time of packet i (from 0): whole microseconds, plus i nanoseconds in
// files that keep them.
func (f *capFile) stamp(i int) time.Time {
	t := pt.Epoch.Add(time.Duration(i)*time.Millisecond + 7*time.Microsecond)
	if f.nanos {
		t = t.Add(time.Duration(i+1) * time.Nanosecond)
	}
	return t
}

func (f *capFile) info(i int) gopacket.CaptureInfo {
	p := f.packets[i]
	return gopacket.CaptureInfo{Timestamp: f.stamp(i), CaptureLength: len(p.frame), Length: p.wireLen()}
}

// writePcapgo writes a little-endian classic pcap with pcapgo, in microseconds or,
// for files that keep them, nanoseconds.
func writePcapgo(f *capFile) []byte {
	var b bytes.Buffer
	w := pcapgo.NewWriter(&b)
	if f.nanos {
		w = pcapgo.NewWriterNanos(&b)
	}
	must(w.WriteFileHeader(65535, layers.LinkType(f.packets[0].link)))
	for i, p := range f.packets {
		must(w.WritePacket(f.info(i), p.frame))
	}
	return b.Bytes()
}

// writePcapBE writes a big-endian classic pcap by hand, as a SPARC or PowerPC
// tcpdump would; pcapgo writes only little-endian.
func writePcapBE(f *capFile) []byte {
	return writePcapHand(f, binary.BigEndian)
}

// writePcapLE writes a little-endian classic pcap by hand: pcapgo cannot write a
// link type above 255, such as Linux cooked v2.
func writePcapLE(f *capFile) []byte {
	return writePcapHand(f, binary.LittleEndian)
}

// writePcapHand writes a classic pcap in the given byte order, as libpcap's
// sf-pcap.c reads it: the file header (magic, version, time zone and accuracy,
// snap length, link type), then per packet seconds, micro- or nanoseconds,
// captured and original length (original first before version 2.3), and in the
// modified format the interface index, protocol, packet type and a pad byte.
func writePcapHand(f *capFile, order binary.AppendByteOrder) []byte {
	v := f.variant
	if v.major == 0 {
		v.major, v.minor = 2, 4
	}
	magic := uint32(0xa1b2c3d4)
	switch {
	case v.modified:
		magic = 0xa1b2cd34
	case f.nanos:
		magic = 0xa1b23c4d
	}
	b := order.AppendUint32(nil, magic)
	b = order.AppendUint16(b, v.major)
	b = order.AppendUint16(b, v.minor)
	b = append(b, make([]byte, 8)...) // time zone, accuracy
	b = order.AppendUint32(b, 65535)
	b = order.AppendUint32(b, uint32(f.packets[0].link))
	for i, p := range f.packets {
		t := f.stamp(i)
		frac := t.Nanosecond() / 1000
		if f.nanos {
			frac = t.Nanosecond()
		}
		b = order.AppendUint32(b, uint32(t.Unix()))
		b = order.AppendUint32(b, uint32(frac))
		caplen, wire := uint32(len(p.frame)), uint32(p.wireLen())
		if v.major == 2 && v.minor < 3 {
			caplen, wire = wire, caplen
		}
		b = order.AppendUint32(b, caplen)
		b = order.AppendUint32(b, wire)
		if v.modified {
			b = order.AppendUint32(b, 3)    // interface index
			b = append(b, 0x08, 0x00, 0, 0) // protocol (IPv4, network order), PACKET_HOST, pad
		}
		b = append(b, p.frame...)
	}
	return b
}

// writeNg writes a pcapng file with pcapgo, one interface per link type in the
// order they first appear.
func writeNg(f *capFile) []byte {
	var b bytes.Buffer
	opts := pcapgo.NgWriterOptions{SectionInfo: pcapgo.NgSectionInfo{
		Hardware: "amd64", OS: "linux", Application: "aupscan tests"}}
	iface := func(lt decode.LinkType) pcapgo.NgInterface {
		return pcapgo.NgInterface{Name: "if-" + lt.String(), OS: "linux",
			LinkType: layers.LinkType(lt), SnapLength: 0, TimestampResolution: 9}
	}
	w, err := pcapgo.NewNgWriterInterface(&b, iface(f.packets[0].link), opts)
	must(err)
	ids := map[decode.LinkType]int{f.packets[0].link: 0}
	for i, p := range f.packets {
		id, ok := ids[p.link]
		if !ok {
			id, err = w.AddInterface(iface(p.link))
			must(err)
			ids[p.link] = id
		}
		ci := f.info(i)
		ci.InterfaceIndex = id
		must(w.WritePacket(ci, p.frame))
	}
	must(w.Flush())
	return b.Bytes()
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// TestCaptureFiles checks the committed capture files against what captureFiles
// makes (or rewrites them with -update), then reads each back packet by packet.
func TestCaptureFiles(t *testing.T) {
	for _, f := range captureFiles() {
		t.Run(f.name, func(t *testing.T) {
			path := filepath.Join(pcapDir, f.name)
			data := f.write(f)
			if f.errAt > 0 {
				data = corrupt(f, data)
			}
			if *update {
				must(os.WriteFile(path, data, 0o644))
			}
			committed, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if !bytes.Equal(committed, data) {
				t.Fatalf("%s differs from what the test makes: run with -update", path)
			}
			readCaptureFile(t, f, path)
		})
	}
}

// corrupt damages a file that must fail at packet f.errAt.
func corrupt(f *capFile, data []byte) []byte {
	switch f.format {
	case FormatPcap: // cut the file inside the failing packet
		return data[:len(data)-len(f.packets[len(f.packets)-1].frame)/2]
	default: // give the last block a length below any block's minimum
		out := bytes.Clone(data)
		last := len(out) - int(binary.LittleEndian.Uint32(out[len(out)-4:]))
		binary.LittleEndian.PutUint32(out[last+4:], 8)
		return out
	}
}

// readCaptureFile reads path and checks every packet: number, time, link type and
// what it decodes to.
func readCaptureFile(t *testing.T, f *capFile, path string) {
	t.Helper()
	s, err := OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Format() != f.format || s.LinkType() != f.packets[0].link {
		t.Errorf("format %v link %v, want %v %v", s.Format(), s.LinkType(), f.format, f.packets[0].link)
	}
	d := decode.NewDecoder(s.LinkType())
	for i, cp := range f.packets {
		data, ci, err := s.Next()
		if f.errAt == i+1 {
			checkReadError(t, err, path, i+1)
			return
		}
		if err != nil {
			t.Fatalf("packet %d: %v", i+1, err)
		}
		if s.Num() != i+1 || !ci.Timestamp.Equal(f.stamp(i)) || s.LinkType() != cp.link {
			t.Errorf("packet %d: num %d time %v link %v, want %v %v", i+1, s.Num(),
				ci.Timestamp, s.LinkType(), f.stamp(i), cp.link)
		}
		if !bytes.Equal(data, cp.frame) || ci.CaptureLength != len(cp.frame) || ci.Length != cp.wireLen() {
			t.Errorf("packet %d: %d bytes, lengths %d/%d, want %d bytes of %d", i+1, len(data),
				ci.CaptureLength, ci.Length, len(cp.frame), cp.wireLen())
		}
		var p decode.Packet
		err = d.DecodeLink(s.LinkType(), data, &p)
		if cp.notIP {
			if err != decode.ErrNotIP {
				t.Errorf("packet %d: error %v, want ErrNotIP", i+1, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("packet %d: %v", i+1, err)
		}
		pt.Check(t, &p, cp.want)
	}
	if _, _, err := s.Next(); err.Error() != "EOF" {
		t.Errorf("after the last packet: %v, want EOF", err)
	}
}

// capture files made from the decode cases and a TCP conversation.
func captureFiles() []*capFile {
	conv := conversation()
	var tunnels []capPacket
	for _, c := range pt.TunnelCases {
		tunnels = append(tunnels, capPacket{link: c.Link, frame: c.Frame, want: c.Want})
	}
	byLink := func(lt decode.LinkType) []capPacket {
		var out []capPacket
		for _, c := range pt.LinkCases {
			if c.Link == lt {
				out = append(out, capPacket{link: c.Link, frame: c.Frame, want: c.Want})
			}
		}
		return out
	}
	ethernet := append(append([]capPacket{}, conv...), byLink(decode.LinkEthernet)...)
	ethernet = append(ethernet, capPacket{link: decode.LinkEthernet, notIP: true,
		frame: cr.Frame(cr.Eth(layers.EthernetTypeARP), cr.Raw(make([]byte, 28)))})
	mixed := []capPacket{conv[0], byLink(decode.LinkIPv4)[0], byLink(decode.LinkNull)[0], conv[1], byLink(decode.LinkIPv4)[0]}
	files := []*capFile{
		{name: "ethernet.pcap", format: FormatPcap, write: writePcapgo, packets: ethernet},
		{name: "linux-sll.pcap", format: FormatPcap, write: writePcapgo, packets: byLink(decode.LinkLinuxSLL)},
		{name: "linux-sll2.pcap", format: FormatPcap, write: writePcapLE, packets: byLink(decode.LinkLinuxSLL2)},
		{name: "null.pcap", format: FormatPcap, write: writePcapgo, packets: byLink(decode.LinkNull)},
		{name: "loop.pcap", format: FormatPcap, write: writePcapBE, packets: byLink(decode.LinkLoop)},
		{name: "raw.pcap", format: FormatPcap, write: writePcapgo, packets: byLink(decode.LinkRaw)},
		{name: "raw12.pcap", format: FormatPcap, write: writePcapgo, packets: byLink(decode.LinkRaw12)},
		{name: "raw-ipv4.pcap", format: FormatPcap, write: writePcapgo, packets: byLink(decode.LinkIPv4)},
		{name: "raw-ipv6.pcap", format: FormatPcap, write: writePcapgo, packets: byLink(decode.LinkIPv6)},
		{name: "tunnels.pcapng", format: FormatPcapNG, nanos: true, write: writeNg, packets: tunnels},
		{name: "mixed-links.pcapng", format: FormatPcapNG, nanos: true, write: writeNg, packets: mixed},
		// Extensions lie: each of these is in the other format.
		{name: "pcapng-named.pcap", format: FormatPcapNG, nanos: true, write: writeNg, packets: conv},
		{name: "pcap-named.pcapng", format: FormatPcap, write: writePcapgo, packets: conv},
		{name: "truncated.pcap", format: FormatPcap, write: writePcapgo, packets: conv, errAt: len(conv)},
		{name: "garbled.pcapng", format: FormatPcapNG, nanos: true, write: writeNg, packets: conv, errAt: len(conv)},
	}
	return append(files, pcapVariantFiles()...)
}

// pcapVariantFiles are the same packets (the conversation and a packet cut by the
// snap length) in every classic pcap variant libpcap reads: versions 2.4 and 2.1
// (whose record headers put the original length first), both byte orders, micro-
// and nanoseconds, and the modified format. The first, written by pcapgo, is the
// reference the others must read the same as.
func pcapVariantFiles() []*capFile {
	pkts := append(conversation(), snappedPacket())
	v21 := pcapVariant{major: 2, minor: 1}
	mod := pcapVariant{major: 2, minor: 4, modified: true}
	return []*capFile{
		{name: "ethernet-v24.pcap", format: FormatPcap, write: writePcapgo, packets: pkts},
		{name: "ethernet-nsec.pcap", format: FormatPcap, nanos: true, write: writePcapgo, packets: pkts},
		{name: "ethernet-be.pcap", format: FormatPcap, write: writePcapBE, packets: pkts},
		{name: "ethernet-be-nsec.pcap", format: FormatPcap, nanos: true, write: writePcapBE, packets: pkts},
		{name: "ethernet-v21.pcap", format: FormatPcap, write: writePcapLE, variant: v21, packets: pkts},
		{name: "ethernet-v21-nsec.pcap", format: FormatPcap, nanos: true, write: writePcapLE, variant: v21, packets: pkts},
		{name: "ethernet-v21-be.pcap", format: FormatPcap, write: writePcapBE, variant: v21, packets: pkts},
		{name: "ethernet-v21-be-nsec.pcap", format: FormatPcap, nanos: true, write: writePcapBE, variant: v21, packets: pkts},
		{name: "ethernet-modified.pcap", format: FormatPcap, write: writePcapLE, variant: mod, packets: pkts},
		{name: "ethernet-modified-be.pcap", format: FormatPcap, write: writePcapBE, variant: mod, packets: pkts},
	}
}

// snappedPacket is a TCP segment of 200 payload bytes captured with a snap length
// of 96: captured and original length differ, so a reader that mixes them up is
// caught.
func snappedPacket() capPacket {
	full := cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(pt.V4A, pt.V4B, layers.IPProtocolTCP),
		cr.TCP(50000, 443, cr.PSH|cr.ACK), cr.Raw(bytes.Repeat([]byte("x"), 200)))
	const snap = 96
	return capPacket{link: decode.LinkEthernet, frame: full[:snap], wire: len(full),
		want: pt.Want{Proto: decode.ProtoTCP, Src: pt.V4A, Dst: pt.V4B, SrcPort: 50000, DstPort: 443,
			TCPFlags: cr.PSH | cr.ACK, Payload: strings.Repeat("x", snap-(len(full)-200))}}
}

// conversation is packettest's TCP conversation as the packets of a capture file.
func conversation() []capPacket {
	var out []capPacket
	for _, c := range pt.Conversation() {
		out = append(out, capPacket{link: c.Link, frame: c.Frame, want: c.Want})
	}
	return out
}
