package traffic

import (
	"bytes"
	"testing"

	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// FuzzFingerprints runs arbitrary payloads, alternating client and server, through
// a Scanner with the built-in rules on a flow of the chosen transport and server
// port: every parser and fingerprint sees them. No panic, reassembly within its
// bound, and the per-domain and peer state within theirs.
func FuzzFingerprints(f *testing.F) {
	ports := []uint16{53, 443, 1194, 500, 4500, 1701, 1723, 1080, 3389, 5900, 5938, 8080, 655, 41641, 51820, 3333,
		80, 7654, 4242, 9993, 9030, 8332, 3336, 10443}
	for _, c := range builtinCaptureFiles {
		for _, fr := range c.frames {
			var p decode.Packet
			if decode.NewDecoder(decode.LinkEthernet).Decode(fr, &p) == nil && len(p.Payload) > 0 {
				f.Add(uint8(p.Proto), uint8(0), p.Payload, []byte(nil))
			}
		}
	}
	for _, c := range proxyHeaderCaptures {
		f.Add(uint8(6), uint8(0), c.segs[0].data, c.segs[1].data)
	}
	for _, c := range tunnelCaptures {
		f.Add(uint8(6), uint8(7), c.segs[0].data, c.segs[1].data)
	}
	e := builtinEngine(f)
	s := NewScanner(e, ScannerConfig{}, nil)
	f.Fuzz(func(t *testing.T, proto, port uint8, a, b []byte) {
		pr := []layers.IPProtocol{layers.IPProtocolTCP, layers.IPProtocolUDP, layers.IPProtocolICMPv4, layers.IPProtocolESP}[int(proto)%4]
		dport := ports[int(port)%len(ports)]
		segs := []seg{c2s(a), s2c(b), c2s(b), s2c(a), c2s(a)}
		src, err := capture.NewFileSource("fuzz", bytes.NewReader(writeFrames(conv(pr, 40000, dport, segs...))))
		if err != nil {
			t.Fatal(err)
		}
		s.ScanSource(src, "fuzz")
		for _, x := range s.free {
			if len(x.stream[0].buf) > maxStream || len(x.stream[1].buf) > maxStream {
				t.Fatalf("reassembly beyond its bound")
			}
		}
		if len(s.tun.m) > maxTunnelDomains || len(s.peers.m) > maxPeers {
			t.Fatalf("cross-flow state beyond its bound")
		}
	})
}

// FuzzClientHello parses arbitrary bytes as a ClientHello and fingerprints it.
func FuzzClientHello(f *testing.F) {
	hs, _, _ := gatherHandshake(testClientHello("www.example.org", []string{"h2"}, true), nil)
	f.Add(hs[4:])
	var sc tlsScratch
	f.Fuzz(func(t *testing.T, b []byte) {
		if parseClientHello(b, &sc.hello) {
			var j3 [32]byte
			var j4 [36]byte
			sc.ja3(&sc.hello, &j3)
			sc.ja4(&sc.hello, &j4)
		}
		serverHelloTLS13(b)
		gatherHandshake(b, sc.hs)
	})
}

// FuzzCertNames reads arbitrary bytes as a certificate: names only from inside it.
func FuzzCertNames(f *testing.F) {
	f.Add(testCert("a.example", []string{"O"}, "CA", []string{"CA O"}, []string{"b.example"}))
	f.Fuzz(func(t *testing.T, b []byte) {
		certNames(b, func(_ bool, n []byte) {
			if len(n) > len(b) {
				t.Fatalf("a name longer than the certificate")
			}
		})
	})
}

// FuzzDNSName reads names from arbitrary messages at every offset.
func FuzzDNSName(f *testing.F) {
	f.Add(append(make([]byte, 12), []byte("\x03www\x07example\x03com\x00\xc0\x0c")...))
	var buf [maxDNSName]byte
	f.Fuzz(func(t *testing.T, msg []byte) {
		for off := range min(len(msg), 64) {
			if name, next, ok := readDNSName(msg, off, &buf); ok && (len(name) > maxDNSName || next > len(msg)) {
				t.Fatalf("name %d bytes, next %d of %d", len(name), next, len(msg))
			}
		}
	})
}

// FuzzHTTPRequest parses arbitrary bytes as a request head.
func FuzzHTTPRequest(f *testing.F) {
	f.Add([]byte("CONNECT a:443 HTTP/1.1\r\nHost: a\r\n\r\n"))
	f.Add([]byte("GET http://a/ HTTP/1.1\r\nProxy-Connection: x\r\n\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		var h httpState
		parseRequest(b, &h, func(host []byte) {
			if len(host) > len(b) {
				t.Fatal("host outside the request")
			}
		})
	})
}
