package traffic

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
	cr "github.com/aupscan/aupscan/scanner/traffic/internal/craft"
)

// The evasion captures (testdata/pcap/evasion) are plain handshakes rewritten the
// ways a tenant who wants to pass unseen would send them: the bytes cut into 1-byte
// segments, two halves in reverse order, every segment twice, overlapping segments
// (one set whose repeated bytes agree, one whose later copy says something else),
// IPv4 fragments in order and in reverse, and IPv6 fragments. `go test
// ./scanner/traffic -run TestEvasion -update` writes them; TestEvasion checks each
// gives exactly the findings of its plain capture.
const evasionDir = "../../testdata/pcap/evasion"

// evasionBases are the plain conversations: OpenVPN over TCP and UDP, a TLS
// ClientHello naming a VPN vendor's server, and a SOCKS5 greeting.
var evasionBases = []struct {
	name   string
	frames [][]byte
}{
	{"openvpn-tcp", conv(layers.IPProtocolTCP, 40002, 443,
		c2s(tcpFramed(ovpnReset(ovpnResetClientV2, 0x3333333333333333, 0))),
		s2c(tcpFramed(ovpnReset(ovpnResetServerV2, 0x4444444444444444, 0x3333333333333333))),
		c2s(tcpFramed(ovpnAck(0x3333333333333333, 0x4444444444444444))))},
	{"openvpn-udp", conv(layers.IPProtocolUDP, 40001, 1194,
		c2s(ovpnReset(ovpnResetClientV2, 0x1111111111111111, 0)),
		s2c(ovpnReset(ovpnResetServerV2, 0x2222222222222222, 0x1111111111111111)),
		c2s(ovpnAck(0x1111111111111111, 0x2222222222222222)))},
	{"tls-vendor-sni", conv(layers.IPProtocolTCP, 40020, 443,
		c2s(testClientHello("s1.nordcdn.com", []string{"h2", "http/1.1"}, true)),
		s2c(tls12Server(testCert("s1.nordcdn.com", nil, "Example CA", []string{"Example"}, []string{"s1.nordcdn.com"}))))},
	{"socks5", conv(layers.IPProtocolTCP, 40008, 1080, c2s([]byte{5, 1, 0}), s2c([]byte{5, 0}))},
}

// piece is a part of a TCP payload sent as a segment of its own.
type tcpPiece struct {
	off  int
	data []byte
}

// evasionVariants rewrite a TCP payload into the segments a variant sends, or an IP
// packet into fragments.
var evasionVariants = []struct {
	name  string
	tcp   func(pl []byte) []tcpPiece // nil: TCP payloads unchanged
	frag  int                        // fragment payload size; 0: none
	rev   bool                       // fragments in reverse order
	v6    bool                       // rewritten to IPv6
	tcpOK bool                       // the variant applies to TCP only
}{
	{name: "seg1", tcp: func(pl []byte) (ps []tcpPiece) {
		for i := range pl {
			ps = append(ps, tcpPiece{i, pl[i : i+1]})
		}
		return ps
	}, tcpOK: true},
	{name: "reversed", tcp: func(pl []byte) []tcpPiece {
		h := len(pl) / 2
		return []tcpPiece{{h, pl[h:]}, {0, pl[:h]}}
	}, tcpOK: true},
	{name: "duplicated", tcp: func(pl []byte) []tcpPiece { return []tcpPiece{{0, pl}, {0, pl}} }, tcpOK: true},
	{name: "overlapping", tcp: func(pl []byte) []tcpPiece {
		a, b := len(pl)/3, 2*len(pl)/3
		return []tcpPiece{{0, pl[:b]}, {a, pl[a:]}, {max(a-1, 0), pl[max(a-1, 0) : b+1]}}
	}, tcpOK: true},
	{name: "overlap-conflict", tcp: func(pl []byte) []tcpPiece {
		// The second half comes first and is held; a copy of it that says something
		// else comes next and loses (the first copy wins); then the first half.
		h := len(pl) / 2
		junk := bytes.Repeat([]byte{0xee}, len(pl)-h)
		return []tcpPiece{{h, pl[h:]}, {h, junk}, {0, pl[:h]}}
	}, tcpOK: true},
	{name: "frag4", frag: 16},
	{name: "frag4-reversed", frag: 16, rev: true},
	{name: "ipv6", v6: true},
	{name: "frag6", frag: 24, v6: true},
}

// rewrite applies a variant to every frame of a conversation.
func rewrite(t *testing.T, frames [][]byte, tcpFn func([]byte) []tcpPiece, frag int, rev, v6 bool) [][]byte {
	var out [][]byte
	id := uint32(0x100)
	for _, f := range frames {
		pkt := gopacket.NewPacket(f, layers.LayerTypeEthernet, gopacket.Default)
		ip4 := pkt.Layer(layers.LayerTypeIPv4).(*layers.IPv4)
		var segs []gopacket.SerializableLayer // transport and payload, per frame to write
		var frameSegs [][]gopacket.SerializableLayer
		switch tl := pkt.TransportLayer().(type) {
		case *layers.TCP:
			pl := tl.Payload
			if tcpFn == nil || len(pl) == 0 {
				frameSegs = append(frameSegs, []gopacket.SerializableLayer{tcpCopy(tl, tl.Seq), cr.Raw(pl)})
				break
			}
			for _, p := range tcpFn(pl) {
				frameSegs = append(frameSegs, []gopacket.SerializableLayer{tcpCopy(tl, tl.Seq+uint32(p.off)), cr.Raw(p.data)})
			}
		case *layers.UDP:
			u := *tl
			segs = []gopacket.SerializableLayer{&u, cr.Raw(tl.Payload)}
			frameSegs = append(frameSegs, segs)
		default:
			t.Fatalf("frame with neither TCP nor UDP")
		}
		for _, fs := range frameSegs {
			var netl gopacket.SerializableLayer
			eth := cr.Eth(layers.EthernetTypeIPv4)
			if v6 {
				eth = cr.Eth(layers.EthernetTypeIPv6)
				netl = cr.IPv6(v6Of(ip4.SrcIP), v6Of(ip4.DstIP), ip4.Protocol)
			} else {
				netl = cr.IPv4(ip4.SrcIP.String(), ip4.DstIP.String(), ip4.Protocol)
			}
			whole := cr.Frame(append([]gopacket.SerializableLayer{eth, netl}, fs...)...)
			if frag == 0 {
				out = append(out, whole)
				continue
			}
			id++
			out = append(out, fragmentFrame(whole, v6, frag, id, rev)...)
		}
	}
	return out
}

func tcpCopy(tl *layers.TCP, seq uint32) *layers.TCP {
	c := *tl
	c.Seq = seq
	c.Options = slices.Clone(tl.Options)
	return &c
}

// v6Of maps a test IPv4 address into 2001:db8::/96.
func v6Of(ip []byte) string {
	return fmt.Sprintf("2001:db8::%x:%x", binary.BigEndian.Uint16(ip[0:2]), binary.BigEndian.Uint16(ip[2:4]))
}

// fragmentFrame cuts the IP payload of an Ethernet frame into fragments of size
// bytes (a multiple of 8).
func fragmentFrame(frame []byte, v6 bool, size int, id uint32, rev bool) [][]byte {
	hdrLen := 14 + 20
	if v6 {
		hdrLen = 14 + 40
	}
	end := 14 + int(binary.BigEndian.Uint16(frame[14+2:])) // IPv4 total length
	if v6 {
		end = hdrLen + int(binary.BigEndian.Uint16(frame[14+4:]))
	}
	hdr, pl := frame[:hdrLen], frame[hdrLen:end] // without the Ethernet padding
	var out [][]byte
	for off := 0; off < len(pl); off += size {
		chunk := pl[off:min(off+size, len(pl))]
		more := off+size < len(pl)
		f := append([]byte(nil), hdr...)
		if v6 {
			next := f[14+6]
			f[14+6] = 44 // fragment header
			fh := []byte{next, 0, 0, 0, 0, 0, 0, 0}
			v := uint16(off/8) << 3
			if more {
				v |= 1
			}
			binary.BigEndian.PutUint16(fh[2:], v)
			binary.BigEndian.PutUint32(fh[4:], id)
			f = append(f, fh...)
			f = append(f, chunk...)
			binary.BigEndian.PutUint16(f[14+4:], uint16(8+len(chunk)))
		} else {
			f = append(f, chunk...)
			ip := f[14:]
			binary.BigEndian.PutUint16(ip[2:], uint16(20+len(chunk)))
			binary.BigEndian.PutUint16(ip[4:], uint16(id))
			v := uint16(off / 8)
			if more {
				v |= 0x2000
			}
			binary.BigEndian.PutUint16(ip[6:], v)
			ip[10], ip[11] = 0, 0
			binary.BigEndian.PutUint16(ip[10:], ipChecksum(ip[:20]))
		}
		out = append(out, f)
	}
	if rev {
		slices.Reverse(out)
	}
	return out
}

func ipChecksum(h []byte) uint16 {
	var sum uint32
	for i := 0; i+1 < len(h); i += 2 {
		sum += uint32(binary.BigEndian.Uint16(h[i:]))
	}
	for sum > 0xffff {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}

// findingsOf scans capture bytes and returns "rule confidence" of each finding, sorted.
func findingsOf(t *testing.T, e *Engine, name string, data []byte) ([]string, ScanStats) {
	t.Helper()
	src, err := capture.NewFileSource(name, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	s := NewScanner(e, ScannerConfig{}, func(f scanner.Finding) { got = append(got, f.Rule+" "+f.Confidence) })
	s.ScanSource(src, name)
	slices.Sort(got)
	return got, s.Stats()
}

// TestEvasion: every evasion capture gives exactly the findings of its plain
// capture (the IPv6 ones those of the plain capture rewritten to IPv6).
func TestEvasion(t *testing.T) {
	e := builtinEngine(t)
	if *update {
		if err := os.MkdirAll(evasionDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, b := range evasionBases {
		tcp := b.name != "openvpn-udp"
		plain, _ := findingsOf(t, e, b.name, writeFrames(b.frames))
		if len(plain) == 0 {
			t.Fatalf("%s: the plain capture gives no finding", b.name)
		}
		plain6, _ := findingsOf(t, e, b.name, writeFrames(rewrite(t, b.frames, nil, 0, false, true)))
		for _, v := range evasionVariants {
			if v.tcpOK && !tcp {
				continue
			}
			name := b.name + "-" + v.name + ".pcap"
			data := writeFrames(rewrite(t, b.frames, v.tcp, v.frag, v.rev, v.v6))
			path := filepath.Join(evasionDir, name)
			if *update {
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			} else if old, err := os.ReadFile(path); err != nil || !bytes.Equal(old, data) {
				t.Errorf("%s is not what this test makes (run with -update): %v", name, err)
			}
			got, st := findingsOf(t, e, name, data)
			want := plain
			if v.v6 {
				want = plain6
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: %v, want %v as in the plain capture (reassembly %+v)", name, got, want, st.Reassembly)
			}
		}
	}
}
