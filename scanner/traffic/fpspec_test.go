package traffic

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/signatures"
)

// TestSpecFingerprints runs each fingerprint read from a published specification
// or source through the built-in rules, with the exchange it must find (and the
// confidence it must give) and near misses that must stay silent: ordinary HTTP,
// JSON-RPC of wallets and language servers, other UDP protocols, and requests
// for a VPN's or Tor's paths that only a scanner or a catch-all server made.
func TestSpecFingerprints(t *testing.T) {
	e := builtinEngine(t)
	const (
		httpOK   = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 20\r\n\r\n<html>a page</html>"
		notFound = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
	)
	reqSetup := sv2Msg(sv2Setup, sv2SetupConnectionMsg(0, "pool.example.net", 3336, "bitmain", "S19", "2024.1", "unit-7"))
	tests := []struct {
		name  string
		proto layers.IPProtocol
		port  uint16
		segs  []seg
		want  string // the rule, or "" for none
		conf  string // the finding's confidence, when want is set
	}{
		// n2n
		{"n2n v3 register answered", layers.IPProtocolUDP, 7654, []seg{
			c2s(n2nV3(n2nRegisterSup, "mynet", pseudo(40, 1))), s2c(n2nV3(n2nSuperAck|n2nFromSuper, "mynet", pseudo(60, 2)))},
			"vpn.n2n.traffic", "high"},
		{"n2n v3 answered for another community", layers.IPProtocolUDP, 7654, []seg{
			c2s(n2nV3(n2nRegisterSup, "mynet", pseudo(40, 1))), s2c(n2nV3(n2nSuperAck|n2nFromSuper, "other", pseudo(60, 2)))},
			"", ""},
		{"n2n v3 ack not from a supernode", layers.IPProtocolUDP, 7654, []seg{
			c2s(n2nV3(n2nRegisterSup, "mynet", pseudo(40, 1))), s2c(n2nV3(n2nSuperAck, "mynet", pseudo(60, 2)))},
			"", ""},
		{"n2n v3 register alone", layers.IPProtocolUDP, 7654, []seg{c2s(n2nV3(n2nRegisterSup, "mynet", pseudo(40, 1)))}, "", ""},
		{"n2n community not text", layers.IPProtocolUDP, 7654, []seg{
			c2s(n2nV3(n2nRegisterSup, "\x01\x02", pseudo(40, 1))), s2c(n2nV3(n2nSuperAck|n2nFromSuper, "\x01\x02", pseudo(60, 2)))},
			"", ""},
		// Nebula
		{"nebula stage 2 with counter 3", layers.IPProtocolUDP, 4242, []seg{
			c2s(cat(hx("10 00 0000 00000000 0000000000000001"), pseudo(200, 1))),
			s2c(cat(hx("10 00 0000 5113fe6f 0000000000000003"), pseudo(200, 2)))},
			"", ""},
		{"nebula stage 1 with a remote index", layers.IPProtocolUDP, 4242, []seg{
			c2s(cat(hx("10 00 0000 00000001 0000000000000001"), pseudo(200, 1))),
			s2c(cat(hx("10 00 0000 5113fe6f 0000000000000002"), pseudo(200, 2)))},
			"", ""},
		{"nebula handshake crafted", layers.IPProtocolUDP, 4242, []seg{
			c2s(cat(hx("10 00 0000 00000000 0000000000000001"), pseudo(200, 1))),
			s2c(cat(hx("10 00 0000 5113fe6f 0000000000000002"), pseudo(230, 2)))},
			"vpn.nebula.traffic", "high"},
		{"stun binding", layers.IPProtocolUDP, 3478, []seg{
			c2s(cat(hx("0001 0000 2112a442"), pseudo(12, 1))), s2c(cat(hx("0101 000c 2112a442"), pseudo(24, 2)))},
			"", ""},
		// ZeroTier
		{"zerotier hello alone", layers.IPProtocolUDP, 9993, []seg{c2s(ztHelloPacket(0x89e92ceee5, 0x3a46f1bf30))},
			"vpn.zerotier.traffic", "medium"},
		{"zerotier hello answered", layers.IPProtocolUDP, 9993, []seg{c2s(ztHelloPacket(0x89e92ceee5, 0x3a46f1bf30)),
			s2c(cat(pseudo(8, 3), ztAddr(0x89e92ceee5), ztAddr(0x3a46f1bf30), []byte{0x08}, pseudo(80, 4)))},
			"vpn.zerotier.traffic", "high"},
		{"zerotier identity not the source", layers.IPProtocolUDP, 9993, []seg{c2s(func() []byte {
			b := ztHelloPacket(0x89e92ceee5, 0x3a46f1bf30)
			b[ztIdxIdentity+4] ^= 1
			return b
		}())}, "", ""},
		{"zerotier hello encrypted", layers.IPProtocolUDP, 9993, []seg{c2s(func() []byte {
			b := ztHelloPacket(0x89e92ceee5, 0x3a46f1bf30)
			b[ztIdxFlags] = 1 << 3 // cipher suite 1: the verb would be encrypted
			return b
		}())}, "", ""},
		// tinc 1.1
		{"tinc 1.0 id lines without SPTPS", layers.IPProtocolTCP, 655, []seg{
			c2s([]byte("0 alice 17\n")), s2c([]byte("0 bob 17\n"))}, "vpn.tinc.traffic", "high"},
		{"sptps datagrams with the same id both ways", layers.IPProtocolUDP, 655, []seg{
			c2s(sptpsDatagramPacket(0xa1, 3, 100)), s2c(sptpsDatagramPacket(0xa1, 7, 120)),
			c2s(sptpsDatagramPacket(0xa1, 4, 100)), s2c(sptpsDatagramPacket(0xa1, 8, 120)),
			c2s(sptpsDatagramPacket(0xa1, 5, 100)), s2c(sptpsDatagramPacket(0xa1, 9, 120))}, "", ""},
		{"sptps datagrams counting down", layers.IPProtocolUDP, 655, []seg{
			c2s(sptpsDatagramPacket(0xa1, 5, 100)), s2c(sptpsDatagramPacket(0xb2, 7, 120)),
			c2s(sptpsDatagramPacket(0xa1, 4, 100)), s2c(sptpsDatagramPacket(0xb2, 8, 120)),
			c2s(sptpsDatagramPacket(0xa1, 3, 100)), s2c(sptpsDatagramPacket(0xb2, 9, 120))}, "", ""},
		// DERP
		{"derp request unanswered", layers.IPProtocolTCP, 80, []seg{
			c2s([]byte("GET /derp HTTP/1.1\r\nHost: derp.example.net\r\nConnection: Upgrade\r\nUpgrade: DERP\r\nDerp-Fast-Start: 1\r\n\r\n"))},
			"vpn.tailscale.traffic", "medium"},
		{"derp fast start", layers.IPProtocolTCP, 80, []seg{
			c2s([]byte("GET /derp HTTP/1.1\r\nHost: derp.example.net\r\nUpgrade: DERP\r\nDerp-Fast-Start: 1\r\n\r\n")),
			s2c(cat([]byte{derpServerKey}, be32b(40), derpMagic, pseudo(32, 5)))},
			"vpn.tailscale.traffic", "high"},
		{"derp path answered 404", layers.IPProtocolTCP, 80, []seg{
			c2s([]byte("GET /derp HTTP/1.1\r\nHost: www.example.org\r\nUpgrade: DERP\r\n\r\n")), s2c([]byte(notFound))}, "", ""},
		{"websocket at /derp", layers.IPProtocolTCP, 80, []seg{
			c2s([]byte("GET /derp HTTP/1.1\r\nHost: www.example.org\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"))}, "", ""},
		// SSTP
		{"sstp resource posted", layers.IPProtocolTCP, 443, []seg{
			c2s([]byte("POST /sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/ HTTP/1.1\r\nHost: a\r\n\r\n")), s2c([]byte(notFound))}, "", ""},
		{"sstp method elsewhere", layers.IPProtocolTCP, 443, []seg{
			c2s([]byte("SSTP_DUPLEX_POST /upload HTTP/1.1\r\nHost: a\r\n\r\n"))}, "", ""},
		// GlobalProtect and FortiGate
		{"globalprotect path on a catch-all server", layers.IPProtocolTCP, 80, []seg{
			c2s([]byte("GET /global-protect/prelogin.esp HTTP/1.1\r\nHost: shop.example\r\n\r\n")), s2c([]byte(httpOK))}, "", ""},
		{"globalprotect tunnel", layers.IPProtocolTCP, 80, []seg{
			c2s([]byte("GET /ssl-tunnel-connect.sslvpn?user=alice&authcookie=0123456789abcdef HTTP/1.1\r\nHost: gw\r\n\r\n")),
			s2c([]byte("START_TUNNEL"))}, "vpn.globalprotect.traffic", "high"},
		{"fortinet logout cookie", layers.IPProtocolTCP, 10443, []seg{
			c2s([]byte("POST /remote/logincheck HTTP/1.1\r\nHost: a\r\n\r\nusername=a")),
			s2c([]byte("HTTP/1.1 200 OK\r\nSet-Cookie: SVPNCOOKIE=; path=/\r\n\r\nret=0"))}, "", ""},
		{"fortinet tunnel path answered by a page", layers.IPProtocolTCP, 10443, []seg{
			c2s([]byte("GET /remote/sslvpn-tunnel HTTP/1.1\r\nHost: a\r\n\r\n")), s2c([]byte(httpOK))}, "", ""},
		// Tor directory and relay
		{"tor path on nginx", layers.IPProtocolTCP, 80, []seg{
			c2s([]byte("GET /tor/status-vote/current/consensus HTTP/1.1\r\nHost: a\r\n\r\n")), s2c([]byte(httpOK))}, "", ""},
		{"tor directory from a private address", layers.IPProtocolTCP, 9030, []seg{
			c2s([]byte("GET /tor/server/authority.z HTTP/1.0\r\nHost: 10.0.0.2\r\n\r\n")),
			s2c([]byte("HTTP/1.0 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nContent-Type: text/plain\r\nContent-Encoding: deflate\r\n\r\nx"))},
			"tor.directory.traffic", "medium"},
		{"tor index page", layers.IPProtocolTCP, 9030, []seg{
			c2s([]byte("GET /tor/ HTTP/1.0\r\n\r\n")), s2c([]byte("HTTP/1.0 200 OK\r\nX-Your-Address-Is: 192.0.2.10\r\n\r\n"))}, "", ""},
		{"tor relay certificate to a browser", layers.IPProtocolTCP, 443, []seg{
			c2s(testClientHello("198.51.100.20", []string{"h2", "http/1.1"}, true)),
			s2c(tls12Server(testCert("www.x7rfnmq2lk5a.net", nil, "www.cb4fk3oz2xplm.com", nil, nil)))},
			"tor.link.traffic", "medium"},
		{"certificate with one random name", layers.IPProtocolTCP, 443, []seg{
			c2s(testClientHello("198.51.100.20", []string{"h2", "http/1.1"}, true)),
			s2c(tls12Server(testCert("www.x7rfnmq2lk5a.net", nil, "Example CA", []string{"Example"}, nil)))},
			"", ""},
		// Mining over HTTP
		{"getblocktemplate unanswered", layers.IPProtocolTCP, 8332, []seg{
			c2s([]byte("POST / HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n\r\n{\"id\":1,\"method\": \"getblocktemplate\",\"params\":[]}"))},
			"mining.rpc.traffic", "medium"},
		{"getwork with the body in the next segment", layers.IPProtocolTCP, 8332, []seg{
			c2s([]byte("POST / HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 44\r\n\r\n")),
			c2s([]byte(`{"method": "getwork", "params": [], "id":0}`)),
			s2c([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"result\":{\"midstate\":\"00\",\"data\":\"00\",\"target\":\"ff\"},\"error\":null,\"id\":0}"))},
			"mining.rpc.traffic", "high"},
		{"cpuminer-multi agent", layers.IPProtocolTCP, 8332, []seg{
			c2s([]byte("POST / HTTP/1.1\r\nHost: a\r\nUser-Agent: cpuminer-multi/1.3.7\r\n\r\n{}"))},
			"mining.rpc.traffic", "high"},
		{"browser naming a miner in a comment", layers.IPProtocolTCP, 80, []seg{
			c2s([]byte("GET / HTTP/1.1\r\nHost: a\r\nUser-Agent: Mozilla/5.0 (cgminer-stats)\r\n\r\n")), s2c([]byte(httpOK))}, "", ""},
		{"bitcoind getblockchaininfo", layers.IPProtocolTCP, 8332, []seg{
			c2s([]byte("POST / HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n\r\n{\"jsonrpc\":\"1.0\",\"id\":\"x\",\"method\":\"getblockchaininfo\",\"params\":[]}")),
			s2c([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"result\":{\"chain\":\"main\",\"blocks\":800000},\"error\":null,\"id\":\"x\"}"))},
			"", ""},
		{"ethereum wallet", layers.IPProtocolTCP, 8545, []seg{
			c2s([]byte("POST / HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"eth_sendRawTransaction\",\"params\":[\"0xf86c\"],\"id\":1}")),
			s2c([]byte("HTTP/1.1 200 OK\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0xe670\"}"))},
			"", ""},
		{"language server", layers.IPProtocolTCP, 2087, []seg{
			c2s([]byte("Content-Length: 58\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}")),
			s2c([]byte("Content-Length: 40\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"))},
			"", ""},
		{"a method named in a string", layers.IPProtocolTCP, 8332, []seg{
			c2s([]byte("POST / HTTP/1.1\r\nHost: a\r\n\r\n{\"method\":\"log\",\"params\":[\"getblocktemplate\"]}"))},
			"", ""},
		// Stratum V2
		{"sv2 setup unanswered", layers.IPProtocolTCP, 3336, []seg{c2s(reqSetup)}, "mining.stratum.traffic", "medium"},
		{"sv2 setup with a string past the end", layers.IPProtocolTCP, 3336, []seg{c2s(func() []byte {
			b := bytes.Clone(reqSetup)
			b[sv2Header+9] = 200 // the host's length
			return b
		}())}, "", ""},
		{"sv2 setup answered by another type", layers.IPProtocolTCP, 3336, []seg{
			c2s(reqSetup), s2c(sv2Msg(0x15, cat([]byte{2, 0}, le32(0))))}, "", ""},
		{"noise handshake", layers.IPProtocolTCP, 3336, []seg{c2s(pseudo(64, 9)), s2c(pseudo(234, 10))}, "", ""},
		// Ordinary traffic
		{"ordinary http", layers.IPProtocolTCP, 80, []seg{
			c2s([]byte("GET /index.html HTTP/1.1\r\nHost: www.example.org\r\n\r\n")), s2c([]byte(httpOK))}, "", ""},
		{"dns query", layers.IPProtocolUDP, 53, []seg{c2s(dnsQuery("www.example.com", 1))}, "", ""},
	}
	for _, tt := range tests {
		var got []scanner.Finding
		src, err := capture.NewFileSource(tt.name, bytes.NewReader(writeFrames(conv(tt.proto, 40000, tt.port, tt.segs...))))
		if err != nil {
			t.Fatal(err)
		}
		ScanSource(src, e, ScannerConfig{}, func(f scanner.Finding) { got = append(got, f) })
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%s: findings %s (%s), want none", tt.name, got[0].Rule, got[0].Evidence)
		case tt.want != "" && len(got) != 1:
			t.Errorf("%s: %d findings %+v, want %s", tt.name, len(got), got, tt.want)
		case tt.want != "" && (got[0].Rule != tt.want || got[0].Confidence != tt.conf):
			t.Errorf("%s: %s [%s] (%s), want %s [%s]", tt.name, got[0].Rule, got[0].Confidence, got[0].Evidence, tt.want, tt.conf)
		}
	}
}

// TestSpecFingerprintsAlone gives each of these fingerprints a rule of its own and
// scans every example capture: each capture must be found by exactly the
// fingerprints listed for it, so no fingerprint fires on another protocol's
// capture, and each is seen to work on its own (tinc 1.1's meta connection, for
// one, which the built-in rule also finds by the older tinc fingerprint).
func TestSpecFingerprintsAlone(t *testing.T) {
	names := []string{"n2n", "nebula", "zerotier", "tinc-sptps", "derp", "sstp", "globalprotect", "fortinet-sslvpn",
		"tor-dir", "tor-relay", "mining-http", "stratum-v2"}
	dir := t.TempDir()
	var rules strings.Builder
	for _, n := range names {
		fmt.Fprintf(&rules, "[[rule]]\nid = \"x.%s\"\nname = \"%s\"\ncategory = \"vpn\"\nseverity = \"low\"\ndescription = \"one fingerprint\"\n[[rule.traffic]]\nfingerprint = \"%s\"\n\n", n, n, n)
	}
	if err := os.WriteFile(filepath.Join(dir, "r.toml"), []byte(rules.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := signatures.Load(signatures.Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	e, err := Compile(set)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"n2n-v3.pcap": "n2n", "n2n-real.pcap": "n2n", "nebula-real.pcap": "nebula", "zerotier.pcap": "zerotier",
		"tinc11.pcap": "tinc-sptps", "tinc11-udp.pcap": "tinc-sptps", "derp.pcap": "derp", "sstp.pcap": "sstp", "sstp-real.pcap": "sstp",
		"globalprotect.pcap": "globalprotect", "fortinet-login.pcap": "fortinet-sslvpn", "fortinet-tunnel.pcap": "fortinet-sslvpn",
		"tor-dir.pcap": "tor-dir", "tor-dir-real.pcap": "tor-dir", "tor-relay.pcap": "tor-relay", "tor-relay-real.pcap": "tor-relay", "tor.pcap": "tor-relay", "getwork.pcap": "mining-http",
		"getblocktemplate.pcap": "mining-http", "getblocktemplate-real.pcap": "mining-http", "stratum-v2.pcap": "stratum-v2",
	}
	files, err := filepath.Glob(filepath.Join(builtinCaptures, "*.pcap"))
	if err != nil || len(files) < len(want) {
		t.Fatalf("captures: %v, %d files", err, len(files))
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		src, err := capture.NewFileSource(path, bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		ScanSource(src, e, ScannerConfig{}, func(f scanner.Finding) { got[strings.TrimPrefix(f.Rule, "x.")] = true })
		name := filepath.Base(path)
		w := want[name]
		if len(got) > 1 || w == "" && len(got) > 0 || w != "" && !got[w] {
			t.Errorf("%s: fingerprints %v, want %q", name, got, w)
		}
	}
}

// FuzzSpecParsers runs arbitrary bytes through the readers of these fingerprints
// one by one (FuzzFingerprints runs them inside a Scanner): no panic, and what
// they return lies inside the input.
func FuzzSpecParsers(f *testing.F) {
	for _, c := range fpCaptureFiles {
		for _, fr := range c.frames {
			if len(fr) > 54 {
				f.Add(fr[42:]) // past Ethernet, IPv4 and UDP headers; TCP's start there too
			}
		}
	}
	f.Add([]byte("POST / HTTP/1.1\r\nUser-Agent: cpuminer/2.5.1\r\nContent-Length: 9\r\n\r\n{\"method\":\"getwork\"}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if m, target, ok := requestLine(b); ok && len(m)+len(target) > len(b) {
			t.Fatal("request line outside the input")
		}
		if v, ok := headerOf(b, "user-agent"); ok && len(v) > len(b) {
			t.Fatal("header outside the input")
		}
		if body, ok := bodyOf(b); ok && len(body) > len(b) {
			t.Fatal("body outside the input")
		}
		statusCode(b)
		contentLength(b)
		miningMethod(b)
		minerAgent(b)
		miningTemplate(b)
		n2nHeader(b)
		nebulaHandshake(b)
		zeroTierHello(b)
		tinc11ID(b)
		sptpsKEX(b)
		derpRequest(b)
		derpKeyFrame(b)
		fortiPPP(b)
		torDirRequest(b)
		vendorRequest(b, gpPaths)
		if _, _, p, ok := sv2Frame(b); ok {
			if len(p) > len(b) {
				t.Fatal("frame outside the input")
			}
			sv2SetupConnection(p)
		}
	})
}
