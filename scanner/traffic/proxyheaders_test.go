package traffic

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/gopacket/layers"
	"golang.org/x/net/http2/hpack"
)

func vlessReq(host string, port int) []byte {
	uuid := []byte{0xbf, 0, 0x0d, 0x23, 0x07, 0x52, 0x40, 0xb4, 0xaf, 0xfe, 0x68, 0xf7, 0x70, 0x7a, 0x96, 0x61}
	return cat([]byte{0}, uuid, []byte{0, 1}, u16(port), []byte{2, byte(len(host))}, []byte(host), pseudo(40, 9))
}

func trojanReq(host string, port int) []byte {
	hash := []byte("2c4e0fbbf1c2f7a0ecfe6b1c0ca1dd87f58f1bb1d5e7b1ba85a4bb29") // 56 hex digits
	return cat(hash, []byte("\r\n\x01\x03"), []byte{byte(len(host))}, []byte(host), u16(port), []byte("\r\n"), pseudo(30, 4))
}

// h2Request is the client's start of an HTTP/2 connection without TLS: the
// preface, a SETTINGS frame and a HEADERS frame for path.
func h2Request(path string) []byte {
	var hb bytes.Buffer
	enc := hpack.NewEncoder(&hb)
	for _, f := range []hpack.HeaderField{{Name: ":method", Value: "POST"}, {Name: ":scheme", Value: "http"},
		{Name: ":path", Value: path}, {Name: ":authority", Value: "198.51.100.20:8080"},
		{Name: "content-type", Value: "application/grpc"}, {Name: "te", Value: "trailers"}} {
		must(enc.WriteField(f))
	}
	frame := func(typ, flags byte, stream uint32, p []byte) []byte {
		return cat(u24(len(p)), []byte{typ, flags}, be32b(stream), p)
	}
	return cat([]byte(h2Preface), frame(4, 0, 0, nil), frame(1, 0x04, 1, hb.Bytes()))
}

var wsUpgrade = []seg{
	c2s([]byte("GET /ray HTTP/1.1\r\nHost: cdn.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")),
	s2c([]byte("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n")),
}

// proxyHeaderCaptures are the example captures of the proxy-header rules
// (signatures/builtin/traffic-proxy-headers.toml), crafted from the protocols'
// documentation; `-update` writes them.
var proxyHeaderCaptures = []struct {
	name  string
	segs  []seg
	port  uint16
	rules []string
}{
	{"vless.pcap", []seg{c2s(vlessReq("www.example.org", 443)), s2c(cat([]byte{0, 0}, pseudo(60, 5)))}, 8080, []string{"proxy.vless.traffic"}},
	{"vless-in-websocket.pcap", joinSegs(wsUpgrade, wsWrap([]seg{c2s(vlessReq("www.example.org", 443)), s2c(cat([]byte{0, 0}, pseudo(60, 5)))})), 80, []string{"proxy.vless.traffic"}},
	{"trojan.pcap", []seg{c2s(trojanReq("www.example.org", 443)), s2c(pseudo(80, 6))}, 8443, []string{"proxy.trojan.traffic"}},
	{"trojan-in-websocket.pcap", joinSegs(wsUpgrade, wsWrap([]seg{c2s(trojanReq("www.example.org", 443)), s2c(pseudo(80, 6))})), 80, []string{"proxy.trojan.traffic"}},
	{"grpc-tunnel.pcap", []seg{c2s(h2Request("/v2ray.core.transport.internet.grpc.encoding.GunService/Tun")), s2c(pseudo(40, 7))}, 8080, []string{"proxy.grpc-tunnel.traffic"}},
	{"grpc-ordinary.pcap", []seg{c2s(h2Request("/helloworld.Greeter/SayHello")), s2c(pseudo(40, 7))}, 8080, nil},
}

// TestProxyHeaderCaptures crafts the captures and checks each gives exactly its
// rules, whole and cut into 1-byte segments.
func TestProxyHeaderCaptures(t *testing.T) {
	e := builtinEngine(t)
	for _, c := range proxyHeaderCaptures {
		frames := conv(layers.IPProtocolTCP, 40030, c.port, c.segs...)
		data := writeFrames(frames)
		path := filepath.Join(builtinCaptures, c.name)
		if *update {
			must(os.WriteFile(path, data, 0o644))
		} else if old, err := os.ReadFile(path); err != nil || !bytes.Equal(old, data) {
			t.Errorf("%s is not what this test makes (run with -update): %v", c.name, err)
		}
		for _, d := range [][]byte{data, writeFrames(rewrite(t, frames, evasionVariants[0].tcp, 0, false, false))} {
			var got []string
			for _, f := range tunnelFindings(t, e, c.name, d) {
				got = append(got, f[:bytes.IndexByte([]byte(f), '|')])
			}
			if !equalSets(got, c.rules) {
				t.Errorf("%s: %v, want %v", c.name, got, c.rules)
			}
		}
	}
}
