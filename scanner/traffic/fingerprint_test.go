package traffic

import (
	"bytes"
	"testing"

	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
)

// hx is a payload written as its hex dump.
func hx(s string) []byte {
	var b []byte
	var hi byte
	n := 0
	for _, c := range []byte(s) {
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		default:
			continue
		}
		if n%2 == 0 {
			hi = v
		} else {
			b = append(b, hi<<4|v)
		}
		n++
	}
	return b
}

// TestFingerprintTable runs short exchanges, written as hex dumps, through the
// built-in rules: each near miss must stay silent, each real handshake be found.
func TestFingerprintTable(t *testing.T) {
	e := builtinEngine(t)
	tests := []struct {
		name  string
		proto layers.IPProtocol
		port  uint16
		segs  []seg
		want  string // the rule, or "" for none
	}{
		{"openvpn reset answered", layers.IPProtocolUDP, 1194, []seg{
			// 38: opcode 7 key 0 | session id | ack count 0 | packet id 0
			c2s(hx("38 1111111111111111 00 00000000")),
			// 40: opcode 8 key 0 | session id | 1 ack: packet id 0, client's session id | packet id 0
			s2c(hx("40 2222222222222222 01 00000000 1111111111111111 00000000")),
			// 28: P_ACK_V1 | client session id | 1 ack: packet id 0, server's session id
			c2s(hx("28 1111111111111111 01 00000000 2222222222222222")),
		}, "vpn.openvpn.traffic"},
		{"openvpn reset alone", layers.IPProtocolUDP, 1194, []seg{
			c2s(hx("38 1111111111111111 00 00000000")),
			s2c(hx("17 fefd 0000000000000000 0010 aabbccddeeff00112233445566778899")), // DTLS-looking answer
		}, ""},
		{"openvpn key id 1 first", layers.IPProtocolUDP, 1194, []seg{
			c2s(hx("39 1111111111111111 00 00000000")),
			s2c(hx("41 2222222222222222 01 00000000 1111111111111111 00000000")),
		}, ""},
		{"wireguard response with another index", layers.IPProtocolUDP, 51820, []seg{
			c2s(append(hx("01 000000 44332211"), make([]byte, 140)...)),
			s2c(append(hx("02 000000 88776655 45332211"), make([]byte, 80)...)), // echoes 0x11223345, not ...44
		}, ""},
		{"socks5 choice not offered", layers.IPProtocolTCP, 1080, []seg{
			c2s(hx("05 01 00")), // version 5, one method: none
			s2c(hx("05 02")),    // chose user/password, which was not offered
		}, ""},
		{"socks5", layers.IPProtocolTCP, 1080, []seg{c2s(hx("05 02 00 02")), s2c(hx("05 02"))}, "proxy.socks.traffic"},
		{"tinc one side", layers.IPProtocolTCP, 655, []seg{
			c2s([]byte("0 alice 17.7\n")), s2c([]byte("HTTP/1.1 400 Bad Request\r\n\r\n")),
		}, ""},
		{"tor name without digits", layers.IPProtocolTCP, 443, []seg{
			c2s(testClientHello("www.exampleshop.com", nil, true)), s2c(tlsRecord(tlsHandshake, testServerHello(true))),
		}, ""},
		{"vnc banner one way", layers.IPProtocolTCP, 5900, []seg{
			s2c([]byte("RFB 003.008\n")), c2s(hx("01")),
		}, ""},
		{"l2tp", layers.IPProtocolUDP, 1701, []seg{
			// flags c8 02 | length 20 | tunnel 0 | session 0 | Ns 0 | Nr 0 | AVP M, len 8, vendor 0, type 0: SCCRQ
			c2s(hx("c802 0014 0000 0000 0000 0000 8008 0000 0000 0001")),
			s2c(hx("c802 0014 0007 0000 0000 0001 8008 0000 0000 0002")),
		}, "vpn.l2tp.traffic"},
		{"dns encoded names under one domain", layers.IPProtocolUDP, 53, []seg{
			c2s(dnsQuery("nbswy3dpeb3w64tmmqqgc3tumvzxi2lo.t.example.net", dnsTypeTXT)),
			c2s(dnsQuery("mfrggzdfmztwq2lknnwg23tpobyxe43u.t.example.net", dnsTypeTXT)),
			c2s(dnsQuery("ozxxq6lbmjrwizlgm5ugs2tlnrww44d2.t.example.net", dnsTypeTXT)),
		}, "tunnel.dns.traffic"},
		{"dns long ordinary labels", layers.IPProtocolUDP, 53, []seg{
			c2s(dnsQuery("this-is-a-rather-long-but-ordinary-label.example.com", 1)),
			c2s(dnsQuery("another-rather-long-and-very-ordinary-name.example.com", 1)),
			c2s(dnsQuery("yet-another-quite-long-but-harmless-label.example.com", 1)),
		}, ""},
		{"rdp-udp syn+ack acknowledging another number", layers.IPProtocolUDP, 3389, []seg{
			c2s(rdpUDPSynMsg(0xffffffff, rdpudpFlagSYN, 0x3a5c9e01)),
			s2c(rdpUDPSynMsg(0x3a5c9e02, rdpudpFlagSYN|rdpudpFlagACK, 0x7d2b4f10)),
		}, ""},
		{"rdp-udp mtu out of range", layers.IPProtocolUDP, 3389, []seg{
			c2s(hx("ffffffff 0040 0001 3a5c9e01 0400 04d0")), // upstream MTU 1024
			s2c(rdpUDPSynMsg(0x3a5c9e01, rdpudpFlagSYN|rdpudpFlagACK, 0x7d2b4f10)),
		}, ""},
		{"rdp-udp answer without syn", layers.IPProtocolUDP, 3389, []seg{
			c2s(rdpUDPSynMsg(0xffffffff, rdpudpFlagSYN, 0x3a5c9e01)),
			s2c(rdpUDPSynMsg(0x3a5c9e01, rdpudpFlagACK, 0x7d2b4f10)),
		}, ""},
		{"dns ordinary names", layers.IPProtocolUDP, 53, []seg{
			c2s(hx("1234 0100 0001 0000 0000 0000 03 777777 07 6578616d706c65 03 636f6d 00 0001 0001")),
		}, ""},
	}
	for _, tt := range tests {
		var got []string
		src, err := capture.NewFileSource(tt.name, bytes.NewReader(writeFrames(conv(tt.proto, 40000, tt.port, tt.segs...))))
		if err != nil {
			t.Fatal(err)
		}
		ScanSource(src, e, ScannerConfig{}, func(f scanner.Finding) { got = append(got, f.Rule) })
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%s: findings %v, want none", tt.name, got)
		case tt.want != "" && (len(got) != 1 || got[0] != tt.want):
			t.Errorf("%s: findings %v, want %s", tt.name, got, tt.want)
		}
	}
}

// dnsQuery is a DNS query message for name and type.
func dnsQuery(name string, qtype int) []byte {
	b := hx("1234 0100 0001 0000 0000 0000")
	for _, l := range bytes.Split([]byte(name), []byte(".")) {
		b = append(b, byte(len(l)))
		b = append(b, l...)
	}
	return append(b, 0, byte(qtype>>8), byte(qtype), 0, 1)
}
