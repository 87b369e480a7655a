package traffic

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
)

// The tunnel captures (testdata/pcap/tunnels) carry a handshake inside a proxy's
// tunnel: OpenVPN and a TLS ClientHello through HTTP CONNECT, SOCKS4a, SOCKS5 (with
// and without a password) and WebSocket, a CONNECT inside a SOCKS5 tunnel, a client
// that sends its first OpenVPN packet before the proxy answers, and the negatives:
// a CONNECT the proxy refuses and a third level of nesting. `go test
// ./scanner/traffic -run TestTunnels -update` writes them.
const tunnelDir = "../../testdata/pcap/tunnels"

// ovpnTCP is an OpenVPN over TCP handshake (client reset, server reset, client ack).
func ovpnTCP() []seg {
	return []seg{
		c2s(tcpFramed(ovpnReset(ovpnResetClientV2, 0x5555555555555555, 0))),
		s2c(tcpFramed(ovpnReset(ovpnResetServerV2, 0x6666666666666666, 0x5555555555555555))),
		c2s(tcpFramed(ovpnAck(0x5555555555555555, 0x6666666666666666))),
	}
}

func connect(target string) seg {
	return c2s([]byte("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\nUser-Agent: openvpn\r\n\r\n"))
}

var established = s2c([]byte("HTTP/1.1 200 Connection established\r\n\r\n"))

// socks5To is a SOCKS5 request to an IPv4 address and port.
func socks5To(a [4]byte, port int) []byte { return cat([]byte{5, 1, 0, 1}, a[:], u16(port)) }

var socks5OK = []byte{5, 0, 0, 1, 0, 0, 0, 0, 0, 0}

// wsFrame is a WebSocket binary frame, masked when key is not nil.
func wsFrame(payload []byte, key []byte) []byte {
	h := []byte{0x82}
	n := len(payload)
	switch {
	case n < 126:
		h = append(h, byte(n))
	default:
		h = append(h, 126)
		h = append(h, u16(n)...)
	}
	if key == nil {
		return append(h, payload...)
	}
	h[1] |= 0x80
	h = append(h, key...)
	for i, c := range payload {
		h = append(h, c^key[i&3])
	}
	return h
}

func wsWrap(segs []seg) []seg {
	var out []seg
	for _, s := range segs {
		if s.server {
			out = append(out, s2c(wsFrame(s.data, nil)))
		} else {
			out = append(out, c2s(wsFrame(s.data, []byte{0x12, 0x34, 0x56, 0x78})))
		}
	}
	return out
}

func joinSegs(parts ...[]seg) []seg { return slices.Concat(parts...) }

var tunnelCaptures = []struct {
	name string
	segs []seg
	port uint16
	want []string // "rule|evidence fragment"
}{
	{"openvpn-in-connect", joinSegs([]seg{connect("10.0.0.5:443"), established}, ovpnTCP()), 3128,
		[]string{"proxy.http.traffic|CONNECT request answered 2xx", "vpn.openvpn.traffic|inside HTTP CONNECT to 10.0.0.5:443: fingerprint openvpn"}},
	{"openvpn-in-socks5", joinSegs([]seg{c2s([]byte{5, 1, 0}), s2c([]byte{5, 0}), c2s(socks5To([4]byte{10, 0, 0, 5}, 1194)), s2c(socks5OK)}, ovpnTCP()), 1080,
		[]string{"proxy.socks.traffic|SOCKS5 greeting", "vpn.openvpn.traffic|inside SOCKS5 to 10.0.0.5:1194: fingerprint openvpn"}},
	{"openvpn-in-socks5-auth", joinSegs([]seg{c2s([]byte{5, 1, 2}), s2c([]byte{5, 2}), c2s(cat([]byte{1, 4}, []byte("user"), []byte{4}, []byte("pass"))), s2c([]byte{1, 0}),
		c2s(cat([]byte{5, 1, 0, 3, 11}, []byte("vpn.example"), u16(443))), s2c(socks5OK)}, ovpnTCP()), 1080,
		[]string{"proxy.socks.traffic|SOCKS5 greeting", "vpn.openvpn.traffic|inside SOCKS5 to vpn.example:443: fingerprint openvpn"}},
	{"openvpn-in-socks4a", joinSegs([]seg{c2s(cat([]byte{4, 1}, u16(1194), []byte{0, 0, 0, 1}, []byte("u\x00vpn.example\x00"))), s2c([]byte{0, 0x5a, 0, 0, 0, 0, 0, 0})}, ovpnTCP()), 1080,
		[]string{"proxy.socks.traffic|SOCKS4 request", "vpn.openvpn.traffic|inside SOCKS4 to vpn.example:1194: fingerprint openvpn"}},
	{"tls-sni-in-connect", []seg{connect("s1.nordcdn.com:443"), established,
		c2s(testClientHello("s1.nordcdn.com", []string{"h2"}, true)),
		s2c(tls12Server(testCert("s1.nordcdn.com", nil, "Example CA", []string{"Example"}, []string{"s1.nordcdn.com"})))}, 3128,
		// The CONNECT target names the vendor already: one finding of the rule.
		[]string{"proxy.http.traffic|CONNECT request answered 2xx", "vpn.nordvpn|HTTP host \"s1.nordcdn.com:443\""}},
	{"tls-sni-in-connect-by-address", []seg{connect("10.0.0.7:443"), established,
		c2s(testClientHello("s1.nordcdn.com", []string{"h2"}, true)),
		s2c(tls12Server(testCert("s1.nordcdn.com", nil, "Example CA", []string{"Example"}, []string{"s1.nordcdn.com"})))}, 3128,
		[]string{"proxy.http.traffic|CONNECT request answered 2xx", "vpn.nordvpn|inside HTTP CONNECT to 10.0.0.7:443: TLS server name"}},
	{"openvpn-in-websocket", joinSegs([]seg{
		c2s([]byte("GET /ws HTTP/1.1\r\nHost: cdn.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")),
		s2c([]byte("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n"))},
		wsWrap(ovpnTCP())), 80,
		[]string{"vpn.openvpn.traffic|inside WebSocket to cdn.example: fingerprint openvpn"}},
	{"connect-in-socks5", joinSegs([]seg{c2s([]byte{5, 1, 0}), s2c([]byte{5, 0}), c2s(socks5To([4]byte{10, 0, 0, 9}, 3128)), s2c(socks5OK),
		connect("10.0.0.5:443"), established}, ovpnTCP()), 1080,
		[]string{"proxy.socks.traffic|SOCKS5 greeting", "proxy.http.traffic|inside SOCKS5 to 10.0.0.9:3128: fingerprint http-proxy: CONNECT request answered 2xx",
			"vpn.openvpn.traffic|inside HTTP CONNECT to 10.0.0.5:443 inside SOCKS5 to 10.0.0.9:3128: fingerprint openvpn"}},
	{"openvpn-pipelined-connect", joinSegs([]seg{
		c2s(append([]byte("CONNECT 10.0.0.5:443 HTTP/1.1\r\nHost: 10.0.0.5:443\r\n\r\n"), tcpFramed(ovpnReset(ovpnResetClientV2, 0x5555555555555555, 0))...)),
		established}, ovpnTCP()[1:]), 3128,
		[]string{"proxy.http.traffic|CONNECT request answered 2xx", "vpn.openvpn.traffic|inside HTTP CONNECT to 10.0.0.5:443: fingerprint openvpn"}},
	{"openvpn-three-levels-deep", joinSegs([]seg{c2s([]byte{5, 1, 0}), s2c([]byte{5, 0}), c2s(socks5To([4]byte{10, 0, 0, 9}, 3128)), s2c(socks5OK),
		connect("10.0.0.8:3128"), established, connect("10.0.0.5:443"), established}, ovpnTCP()), 1080,
		// Two levels are looked into; the third is not (and one finding a rule).
		[]string{"proxy.socks.traffic|SOCKS5 greeting", "proxy.http.traffic|inside SOCKS5 to 10.0.0.9:3128"}},
	{"openvpn-connect-refused", joinSegs([]seg{connect("10.0.0.5:443"), s2c([]byte("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n"))}, ovpnTCP()), 3128,
		[]string{"proxy.http.traffic|request answered 407"}},
}

// TestTunnels: a handshake inside a tunnel is found as it would be on its own, with
// the tunnel named in the evidence; its split into 1-byte segments too.
func TestTunnels(t *testing.T) {
	e := builtinEngine(t)
	if *update {
		if err := os.MkdirAll(tunnelDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range tunnelCaptures {
		frames := conv(layers.IPProtocolTCP, 41000, c.port, c.segs...)
		for _, v := range []struct {
			suffix string
			frames [][]byte
		}{{"", frames}, {"-seg1", rewrite(t, frames, evasionVariants[0].tcp, 0, false, false)}} {
			name := c.name + v.suffix + ".pcap"
			data := writeFrames(v.frames)
			path := filepath.Join(tunnelDir, name)
			if *update {
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			} else if old, err := os.ReadFile(path); err != nil || !bytes.Equal(old, data) {
				t.Errorf("%s is not what this test makes (run with -update): %v", name, err)
			}
			got := tunnelFindings(t, e, name, data)
			if len(got) != len(c.want) {
				t.Errorf("%s: %d findings, want %d:\n%s", name, len(got), len(c.want), strings.Join(got, "\n"))
				continue
			}
			for _, w := range c.want {
				rule, ev, _ := strings.Cut(w, "|")
				if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, rule+"|") && strings.Contains(g, ev) }) {
					t.Errorf("%s: no %s finding with evidence %q in:\n%s", name, rule, ev, strings.Join(got, "\n"))
				}
			}
		}
	}
}

func tunnelFindings(t *testing.T, e *Engine, name string, data []byte) []string {
	t.Helper()
	src, err := capture.NewFileSource(name, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	ScanSource(src, e, ScannerConfig{}, func(f scanner.Finding) { got = append(got, f.Rule+"|"+f.Evidence) })
	return got
}
