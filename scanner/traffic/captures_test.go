package traffic

import (
	"bytes"
	"encoding/binary"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
	cr "github.com/aupscan/aupscan/scanner/traffic/internal/craft"
	pt "github.com/aupscan/aupscan/scanner/traffic/internal/packettest"
)

// The example captures of the built-in traffic rules (signatures/builtin/captures)
// are crafted here from the protocols' specifications: `go test ./scanner/traffic
// -run TestBuiltinCaptures -update` writes them; without -update the test checks
// the files are what this code makes, and that each yields exactly the rules it is
// an example for.
const builtinCaptures = "../../signatures/builtin/captures"

var update = flag.Bool("update", false, "rewrite the example captures in signatures/builtin/captures")

// seg is one packet of a crafted conversation: from the client or the server.
type seg struct {
	server bool
	data   []byte
}

func c2s(b []byte) seg { return seg{false, b} }
func s2c(b []byte) seg { return seg{true, b} }

// conv crafts the frames of one conversation between 192.0.2.10 and 198.51.100.20:
// TCP with a handshake and sequence numbers, UDP, or another IP protocol whose
// header is part of each seg's data.
func conv(proto layers.IPProtocol, sport, dport uint16, segs ...seg) [][]byte {
	const cli, srv = "192.0.2.10", "198.51.100.20"
	var frames [][]byte
	seq := [2]uint32{1000, 5000}
	ip := func(server bool) *layers.IPv4 {
		if server {
			return cr.IPv4(srv, cli, proto)
		}
		return cr.IPv4(cli, srv, proto)
	}
	tcp := func(server bool, flags uint8, n int) *layers.TCP {
		d := 0
		t := cr.TCP(sport, dport, flags)
		if server {
			d = 1
			t = cr.TCP(dport, sport, flags)
		}
		t.Seq, t.Ack = seq[d], seq[1-d]
		seq[d] += uint32(n)
		return t
	}
	eth := cr.Eth(layers.EthernetTypeIPv4)
	if proto == layers.IPProtocolTCP {
		frames = append(frames, cr.Frame(eth, ip(false), tcp(false, cr.SYN, 1)))
		frames = append(frames, cr.Frame(eth, ip(true), tcp(true, cr.SYN|cr.ACK, 1)))
	}
	for _, s := range segs {
		switch proto {
		case layers.IPProtocolTCP:
			frames = append(frames, cr.Frame(eth, ip(s.server), tcp(s.server, cr.PSH|cr.ACK, len(s.data)), cr.Raw(s.data)))
		case layers.IPProtocolUDP:
			u := cr.UDP(sport, dport)
			if s.server {
				u = cr.UDP(dport, sport)
			}
			frames = append(frames, cr.Frame(eth, ip(s.server), u, cr.Raw(s.data)))
		default:
			frames = append(frames, cr.Frame(eth, ip(s.server), cr.Raw(s.data)))
		}
	}
	return frames
}

// writeFrames writes Ethernet frames as a classic pcap, a millisecond apart.
func writeFrames(frames [][]byte) []byte {
	var b bytes.Buffer
	w := pcapgo.NewWriter(&b)
	must(w.WriteFileHeader(65535, layers.LinkTypeEthernet))
	for i, f := range frames {
		ci := gopacket.CaptureInfo{Timestamp: pt.Epoch.Add(time.Duration(i) * time.Millisecond), CaptureLength: len(f), Length: len(f)}
		must(w.WritePacket(ci, f))
	}
	return b.Bytes()
}

func le32(v uint32) []byte  { return binary.LittleEndian.AppendUint32(nil, v) }
func be32b(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func fill(n int, b byte) []byte { return bytes.Repeat([]byte{b}, n) }

// counting returns n bytes that count up from start, as ping fills its payload.
func counting(n int, start byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = start + byte(i)
	}
	return b
}

// pseudo returns n bytes that look random (a fixed LCG), for encrypted payloads.
func pseudo(n int, seed uint32) []byte {
	b := make([]byte, n)
	for i := range b {
		seed = seed*1664525 + 1013904223
		b[i] = byte(seed >> 24)
	}
	return b
}

// ovpnReset is an OpenVPN control packet without HMAC: opcode and key id 0,
// session id, an ack array (with the peer's session id when acking), packet id 0.
func ovpnReset(op byte, session uint64, ackOf uint64) []byte {
	b := []byte{op << 3}
	b = binary.BigEndian.AppendUint64(b, session)
	if ackOf == 0 {
		b = append(b, 0)
	} else {
		b = append(b, 1, 0, 0, 0, 0)
		b = binary.BigEndian.AppendUint64(b, ackOf)
	}
	return append(b, 0, 0, 0, 0)
}

func ovpnAck(session, ackOf uint64) []byte {
	b := []byte{ovpnAckV1 << 3}
	b = binary.BigEndian.AppendUint64(b, session)
	b = append(b, 1, 0, 0, 0, 0)
	return binary.BigEndian.AppendUint64(b, ackOf)
}

func tcpFramed(b []byte) []byte { return append(u16(len(b)), b...) }

// ikeMsg is an IKEv2 IKE_SA_INIT message with an opaque payload.
func ikeMsg(ispi, rspi uint64, response bool) []byte {
	body := pseudo(40, uint32(ispi))
	h := binary.BigEndian.AppendUint64(nil, ispi)
	h = binary.BigEndian.AppendUint64(h, rspi)
	flags := byte(0x08)
	if response {
		flags = 0x20
	}
	h = append(h, 33, 0x20, 34, flags, 0, 0, 0, 0)
	h = append(h, be32b(uint32(28+len(body)))...)
	return append(h, body...)
}

func pptpMsg(ctype uint16) []byte {
	b := cat(u16(156), u16(1), be32b(pptpMagic), u16(int(ctype)), u16(0), u16(0x0100), u16(0))
	return append(b, make([]byte, 156-len(b))...)
}

func l2tpMsg(mtype uint16, tunnel uint16) []byte {
	avp := cat(u16(0x8008), u16(0), u16(0), u16(int(mtype)))
	b := cat([]byte{0xc8, 0x02}, u16(12+len(avp)), u16(int(tunnel)), u16(0), u16(0), u16(0), avp)
	return b
}

func dtlsClientHello(version uint16, sessionID []byte) []byte {
	body := cat(u16(int(version)), pseudo(32, 9), []byte{byte(len(sessionID))}, sessionID, []byte{0}, u16(2), u16(0x002f), []byte{1, 0})
	hs := cat([]byte{tlsClientHello}, u24(len(body)), u16(0), u24(0), u24(len(body)), body)
	return cat([]byte{tlsHandshake}, u16(int(version)), u16(0), u16(0), u16(0), u16(0), u16(len(hs)), hs) // epoch, sequence number
}

func dtlsRecord(typ byte, version uint16, body []byte) []byte {
	return cat([]byte{typ}, u16(int(version)), u16(0), u16(0), u16(0), u16(1), u16(len(body)), body)
}

// rdpUDPSyn is an MS-RDPEUDP SYN (ack 0xffffffff, flags SYN) or SYN+ACK (ack the
// peer's initial sequence number, flags SYN|ACK) datagram, byte for byte as
// sections 2.2.2.1, 2.2.2.5, 2.2.2.9 and 3.1.5.1.1 lay it out, big-endian:
// RDPUDP_FEC_HEADER (snSourceAck, uReceiveWindowSize 64, uFlags with
// RDPUDP_FLAG_SYNEX 0x1000), RDPUDP_SYNDATA_PAYLOAD (snInitialSequenceNumber, up-
// and downstream MTU 1232), RDPUDP_SYNDATAEX_PAYLOAD (RDPUDP_VERSION_INFO_VALID,
// RDPUDP_PROTOCOL_VERSION_2), zero-padded to 1232 bytes as the examples of 4.1 are.
func rdpUDPSynMsg(ack uint32, flags uint16, isn uint32) []byte {
	b := cat(be32b(ack), u16(64), u16(int(flags|0x1000)), be32b(isn), u16(1232), u16(1232), u16(0x0001), u16(0x0002))
	return append(b, make([]byte, 1232-len(b))...)
}

// builtinCaptureFiles are the example captures and the rules each must yield.
var builtinCaptureFiles = []struct {
	name   string
	frames [][]byte
	rules  []string
}{
	{"openvpn-udp.pcap", conv(layers.IPProtocolUDP, 40001, 1194,
		c2s(ovpnReset(ovpnResetClientV2, 0x1111111111111111, 0)),
		s2c(ovpnReset(ovpnResetServerV2, 0x2222222222222222, 0x1111111111111111)),
		c2s(ovpnAck(0x1111111111111111, 0x2222222222222222))),
		[]string{"vpn.openvpn.traffic"}},
	{"openvpn-tcp.pcap", conv(layers.IPProtocolTCP, 40002, 443,
		c2s(tcpFramed(ovpnReset(ovpnResetClientV2, 0x3333333333333333, 0))),
		s2c(tcpFramed(ovpnReset(ovpnResetServerV2, 0x4444444444444444, 0x3333333333333333))),
		c2s(tcpFramed(ovpnAck(0x3333333333333333, 0x4444444444444444)))),
		[]string{"vpn.openvpn.traffic"}},
	{"wireguard.pcap", conv(layers.IPProtocolUDP, 40003, 51820,
		c2s(cat([]byte{1, 0, 0, 0}, le32(0x11223344), pseudo(140, 1))),
		s2c(cat([]byte{2, 0, 0, 0}, le32(0x55667788), le32(0x11223344), pseudo(80, 2)))),
		[]string{"vpn.wireguard.traffic"}},
	{"dtls-like.pcap", conv(layers.IPProtocolUDP, 40004, 4433,
		c2s(dtlsClientHello(0xfefd, nil)), s2c(dtlsRecord(22, 0xfefd, pseudo(60, 3))),
		c2s(pseudo(148, 4)), s2c(pseudo(92, 5)), c2s(pseudo(300, 6)), s2c(pseudo(300, 7))),
		nil},
	{"ike.pcap", conv(layers.IPProtocolUDP, 500, 500,
		c2s(ikeMsg(0x0102030405060708, 0, false)), s2c(ikeMsg(0x0102030405060708, 0x1112131415161718, true))),
		[]string{"vpn.ipsec.ike"}},
	{"esp.pcap", conv(layers.IPProtocolESP, 0, 0,
		c2s(cat(be32b(0xc0ffee01), be32b(1), pseudo(64, 1))), c2s(cat(be32b(0xc0ffee01), be32b(2), pseudo(64, 2))),
		c2s(cat(be32b(0xc0ffee01), be32b(3), pseudo(64, 3)))),
		[]string{"vpn.ipsec.esp"}},
	{"pptp.pcap", conv(layers.IPProtocolTCP, 40005, 1723, c2s(pptpMsg(pptpSCCRQ)), s2c(pptpMsg(pptpSCCRP))),
		[]string{"vpn.pptp.traffic"}},
	{"l2tp.pcap", conv(layers.IPProtocolUDP, 1701, 1701, c2s(l2tpMsg(1, 0)), s2c(l2tpMsg(2, 7))),
		[]string{"vpn.l2tp.traffic"}},
	{"tinc.pcap", conv(layers.IPProtocolTCP, 40006, 655, c2s([]byte("0 alice 17.7\n")), s2c([]byte("0 bob 17.7\n"))),
		[]string{"vpn.tinc.traffic"}},
	{"anyconnect.pcap", conv(layers.IPProtocolUDP, 40007, 443,
		c2s(dtlsClientHello(dtlsBadVersion, pseudo(32, 8))), s2c(dtlsRecord(22, dtlsBadVersion, pseudo(40, 9)))),
		[]string{"vpn.anyconnect.traffic"}},
	{"socks5.pcap", conv(layers.IPProtocolTCP, 40008, 1080, c2s([]byte{5, 1, 0}), s2c([]byte{5, 0})),
		[]string{"proxy.socks.traffic"}},
	{"socks4.pcap", conv(layers.IPProtocolTCP, 40009, 1080,
		c2s(cat([]byte{4, 1, 0, 80, 0, 0, 0, 1}, []byte("user\x00www.example.org\x00"))), s2c([]byte{0, 0x5a, 0, 0, 0, 0, 0, 0})),
		[]string{"proxy.socks.traffic"}},
	{"tls-site.pcap", conv(layers.IPProtocolTCP, 40010, 443,
		c2s(testClientHello("www.example.org", []string{"h2", "http/1.1"}, true)),
		s2c(tls12Server(testCert("www.example.org", nil, "Example CA", []string{"Example"}, []string{"www.example.org"})))),
		nil},
	// Psiphon's meek through Cloudflare, as psiphon3.pcap of nDPI's corpus shows it: no
	// server name, h2 offered, the CDN's default certificate for the zone behind the
	// address, which is Psiphon's.
	{"psiphon.pcap", conv(layers.IPProtocolTCP, 40011, 443,
		c2s(testClientHello("", []string{"h2", "http/1.1"}, true)),
		s2c(tls12Server(testCert("sni.cloudflaressl.com", []string{"Cloudflare, Inc."}, "Cloudflare Inc ECC CA-3", []string{"Cloudflare, Inc."},
			[]string{"sni.cloudflaressl.com", "psiphon3.net", "*.psiphon3.net"})))),
		[]string{"proxy.psiphon.traffic"}},
	// An ordinary client (a browser's hello: GREASE, h2 and http/1.1, no server name)
	// connecting to a Cloudflare address by address, answered by the default
	// certificate of the site behind it: the same shape, and no finding.
	{"cdn-by-address.pcap", conv(layers.IPProtocolTCP, 40021, 443,
		c2s(testClientHello("", []string{"h2", "http/1.1"}, true)),
		s2c(tls12Server(testCert("sni.cloudflaressl.com", []string{"Cloudflare, Inc."}, "Cloudflare Inc ECC CA-3", []string{"Cloudflare, Inc."},
			[]string{"sni.cloudflaressl.com", "example.com", "*.example.com"})))),
		nil},
	{"tor.pcap", conv(layers.IPProtocolTCP, 40012, 9001,
		c2s(testClientHello("www.q4cyamnc6mtokj.com", nil, true)),
		s2c(tls12Server(testCert("www.x7rfnmq2lk5a.net", nil, "www.cb4fk3oz2xplm.com", nil, nil)))),
		[]string{"tor.link.traffic"}},
	{"anydesk.pcap", conv(layers.IPProtocolTCP, 40013, 7070,
		c2s(testClientHello("", nil, false)), s2c(tls12Server(testCert("AnyDesk Client", nil, "AnyDesk Client", nil, nil)))),
		[]string{"remote-access.anydesk.traffic"}},
	{"fortigate.pcap", conv(layers.IPProtocolTCP, 40014, 10443,
		c2s(testClientHello("198.51.100.20", nil, false)),
		s2c(tls12Server(testCert("FGT60E4Q16012050", []string{"Fortinet"}, "support", []string{"Fortinet"}, nil)))),
		[]string{"vpn.fortinet-sslvpn"}},
	{"ultrasurf.pcap", conv(layers.IPProtocolTCP, 40015, 50053,
		c2s(testClientHello("", []string{"h2", "http/1.1"}, true)), s2c(tlsRecord(tlsHandshake, testServerHello(true)))),
		[]string{"proxy.ultrasurf.traffic"}},
	{"icmp-tunnel.pcap", conv(layers.IPProtocolICMPv4, 0, 0,
		c2s(cat([]byte{8, 0, 0, 0, 0xfe, 0xff, 0, 1}, cr.Frame(cr.IPv4("10.9.0.1", "10.9.0.2", layers.IPProtocolTCP), cr.TCP(40000, 22, cr.PSH|cr.ACK), cr.Raw([]byte("SSH-2.0-OpenSSH_9.2\r\n")))))),
		[]string{"tunnel.icmp.traffic"}},
	{"ping.pcap", conv(layers.IPProtocolICMPv4, 0, 0,
		c2s(cat([]byte{8, 0, 0, 0, 0, 7, 0, 1}, fill(8, 1), counting(48, 0x10))), s2c(cat([]byte{0, 0, 0, 0, 0, 7, 0, 1}, fill(8, 1), counting(48, 0x10))),
		c2s(cat([]byte{8, 0, 0, 0, 0, 7, 0, 2}, fill(8, 2), counting(48, 0x10))), s2c(cat([]byte{0, 0, 0, 0, 0, 7, 0, 2}, fill(8, 2), counting(48, 0x10))),
		c2s(cat([]byte{8, 0, 0, 0, 0, 8, 0, 1}, []byte("abcdefghijklmnopqrstuvwabcdefghi"))), s2c(cat([]byte{0, 0, 0, 0, 0, 8, 0, 1}, []byte("abcdefghijklmnopqrstuvwabcdefghi")))),
		nil},
	{"rdp.pcap", conv(layers.IPProtocolTCP, 40016, 3389,
		c2s(cat([]byte{3, 0}, u16(43), []byte{38, 0xe0, 0, 0, 0, 0, 0}, []byte("Cookie: mstshash=admin\r\n"), []byte{1, 0, 8, 0, 3, 0, 0, 0})),
		s2c(cat([]byte{3, 0}, u16(19), []byte{14, 0xd0, 0, 0, 0x12, 0x34, 0}, []byte{2, 0, 8, 0, 1, 0, 0, 0}))),
		[]string{"remote-access.rdp.traffic"}},
	{"rdp-udp.pcap", conv(layers.IPProtocolUDP, 40019, 3389,
		c2s(rdpUDPSynMsg(0xffffffff, rdpudpFlagSYN, 0x3a5c9e01)),
		s2c(rdpUDPSynMsg(0x3a5c9e01, rdpudpFlagSYN|rdpudpFlagACK, 0x7d2b4f10))),
		[]string{"remote-access.rdp.traffic"}},
	{"rdp-udp-unanswered.pcap", conv(layers.IPProtocolUDP, 40020, 3389,
		c2s(rdpUDPSynMsg(0xffffffff, rdpudpFlagSYN, 0x3a5c9e01)), c2s(rdpUDPSynMsg(0xffffffff, rdpudpFlagSYN, 0x3a5c9e01))),
		nil},
	{"vnc.pcap", conv(layers.IPProtocolTCP, 40017, 5900, s2c([]byte("RFB 003.008\n")), c2s([]byte("RFB 003.008\n"))),
		[]string{"remote-access.vnc.traffic"}},
	{"teamviewer.pcap", conv(layers.IPProtocolTCP, 40018, 5938,
		c2s(cat([]byte{0x17, 0x24, 0x0a}, pseudo(20, 1))), s2c(cat([]byte{0x17, 0x24, 0x0b}, pseudo(20, 2))),
		c2s(cat([]byte{0x17, 0x24, 0x10}, pseudo(30, 3))), s2c(cat([]byte{0x17, 0x24, 0x11}, pseudo(30, 4)))),
		[]string{"remote-access.teamviewer.traffic"}},
}

// TestBuiltinCaptures writes (-update) or checks the built-in rules' example
// captures, and that each yields exactly the findings of its rules.
func TestBuiltinCaptures(t *testing.T) {
	e := builtinEngine(t)
	for _, c := range builtinCaptureFiles {
		path := filepath.Join(builtinCaptures, c.name)
		data := writeFrames(c.frames)
		if *update {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		} else if old, err := os.ReadFile(path); err != nil || !bytes.Equal(old, data) {
			t.Errorf("%s is not what this test makes (run with -update): %v", c.name, err)
		}
		var got []string
		src, err := capture.NewFileSource(c.name, bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		ScanSource(src, e, ScannerConfig{}, func(f scanner.Finding) { got = append(got, f.Rule) })
		if !equalSets(got, c.rules) {
			t.Errorf("%s: findings of %v, want %v", c.name, got, c.rules)
		}
	}
}

func equalSets(a, b []string) bool {
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	if len(m) != len(b) {
		return false
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}
