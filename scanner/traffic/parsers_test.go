package traffic

import (
	"bytes"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
	pt "github.com/aupscan/aupscan/scanner/traffic/internal/packettest"
	"github.com/aupscan/aupscan/signatures"
)

func TestParseClientHello(t *testing.T) {
	rec := testClientHello("www.example.org", []string{"h2", "http/1.1"}, true)
	hs, other, ok := gatherHandshake(rec, nil)
	if !ok || other {
		t.Fatalf("gatherHandshake: ok %v other %v", ok, other)
	}
	var ch clientHello
	if !parseClientHello(hs[4:], &ch) {
		t.Fatal("does not parse")
	}
	if string(ch.sni) != "www.example.org" || string(ch.alpnFirst) != "h2" || !ch.alpnH2 || !ch.sniExt {
		t.Errorf("sni %q alpn %q h2 %v", ch.sni, ch.alpnFirst, ch.alpnH2)
	}
	if slices.Contains(ch.ciphers, 0x0a0a) || len(ch.ciphers) != 5 {
		t.Errorf("ciphers %x: GREASE must be left out", ch.ciphers)
	}
	if !slices.Equal(ch.versions, []uint16{0x0304, 0x0303}) {
		t.Errorf("versions %x", ch.versions)
	}
	var sc tlsScratch
	var j4 [36]byte
	sc.ja4(&ch, &j4)
	if !strings.HasPrefix(string(j4[:]), "t13d0506h2_") {
		t.Errorf("JA4 %s", j4)
	}
	// Every prefix of the hello fails cleanly or parses.
	for i := range len(hs) - 4 {
		parseClientHello(hs[4:4+i], &ch)
	}
}

func TestCertNames(t *testing.T) {
	der := testCert("vpn.example.net", nil, "Example CA", []string{"Example Org"}, []string{"a.example.net", "b.example.net"})
	var issuer, names []string
	if !certNames(der, func(is bool, n []byte) {
		if is {
			issuer = append(issuer, string(n))
		} else {
			names = append(names, string(n))
		}
	}) {
		t.Fatal("certificate not read")
	}
	slices.Sort(issuer)
	if !slices.Equal(issuer, []string{"Example CA", "Example Org"}) || !slices.Equal(names, []string{"vpn.example.net", "a.example.net", "b.example.net"}) {
		t.Errorf("issuer %q names %q", issuer, names)
	}
	for i := range der {
		certNames(der[:i], func(bool, []byte) {})
	}
}

func TestReadDNSName(t *testing.T) {
	// 12-byte header, then "www.Example.com" and a pointer back to it at offset 29.
	msg := append(make([]byte, 12), []byte("\x03www\x07Example\x03com\x00\xc0\x0c")...)
	var buf [maxDNSName]byte
	name, next, ok := readDNSName(msg, 12, &buf)
	if !ok || string(name) != "www.example.com" || next != 29 {
		t.Fatalf("%q %d %v", name, next, ok)
	}
	if name, _, ok = readDNSName(msg, 29, &buf); !ok || string(name) != "www.example.com" {
		t.Fatalf("pointer: %q %v", name, ok)
	}
	loop := append(make([]byte, 12), 0xc0, 0x0c) // a pointer to itself
	if _, _, ok := readDNSName(loop, 12, &buf); ok {
		t.Error("a pointer loop must fail")
	}
}

func TestParseRequest(t *testing.T) {
	tests := []struct {
		req      string
		form     uint8
		host     string
		proxyHdr bool
	}{
		{"CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n", httpConnect, "example.org:443", false},
		{"GET http://example.org/x HTTP/1.1\r\nProxy-Connection: keep-alive\r\n\r\n", httpAbsolute, "example.org", true},
		{"GET /x HTTP/1.1\r\nHost: example.org\r\n\r\n", httpOrigin, "example.org", false},
	}
	for _, tt := range tests {
		var h httpState
		var host string
		if !parseRequest([]byte(tt.req), &h, func(b []byte) { host = string(b) }) {
			t.Errorf("%q: not a request", tt.req)
			continue
		}
		if h.request != tt.form || host != tt.host || h.proxyHdr != tt.proxyHdr {
			t.Errorf("%q: form %d host %q proxy headers %v", tt.req, h.request, host, h.proxyHdr)
		}
	}
	for _, not := range []string{"PROXY TCP4 192.0.2.1 198.51.100.2 1 2\r\n", "SSH-2.0-OpenSSH_9.2\r\n", "GET / FTP/1.0\r\n"} {
		var h httpState
		if parseRequest([]byte(not), &h, func([]byte) {}) {
			t.Errorf("%q taken for an HTTP request", not)
		}
	}
}

func TestStreamBuf(t *testing.T) {
	var big streamBuf
	for range 100 {
		big.add(make([]byte, 1000))
	}
	if len(big.buf) != maxStream || !big.stop {
		t.Errorf("buffer %d bytes, bound %d, stop %v", len(big.buf), maxStream, big.stop)
	}
}

// TestNegatives runs what must never be reported: a PROXY protocol header (v1 and
// v2) answered by a server, an SSH exchange, and payload-less SYNs to VPN ports.
func TestNegatives(t *testing.T) {
	e := builtinEngine(t)
	v2 := []byte("\r\n\r\n\x00\r\nQUIT\n\x21\x11\x00\x0c\xc0\x00\x02\x01\xc6\x33\x64\x02\x9c\x40\x01\xbb")
	caps := map[string][][]byte{
		"proxy-v1": conv(6, 40000, 443, c2s([]byte("PROXY TCP4 192.0.2.1 198.51.100.2 40000 443\r\n\x16\x03\x01\x00\x05hello")), s2c([]byte("\x16\x03\x03\x00\x02hi"))),
		"proxy-v2": conv(6, 40000, 443, c2s(v2), s2c([]byte{5, 0})),
		"ssh":      conv(6, 40000, 22, c2s([]byte("SSH-2.0-OpenSSH_9.2\r\n")), s2c([]byte("SSH-2.0-OpenSSH_9.6\r\n"))),
		"syns":     conv(6, 40000, 1194),
	}
	for name, frames := range caps {
		src, _ := capture.NewFileSource(name, bytes.NewReader(writeFrames(frames)))
		ScanSource(src, e, ScannerConfig{}, func(f scanner.Finding) { t.Errorf("%s: %s %s", name, f.Rule, f.Evidence) })
	}
}

// TestFindingShape checks a finding against the JSON contract: subject and flow
// client first, time of the first packet, source, evidence without payload bytes.
func TestFindingShape(t *testing.T) {
	e := builtinEngine(t)
	var got []scanner.Finding
	src, _ := capture.NewFileSource("x.pcap", bytes.NewReader(writeFrames(builtinCaptureFiles[0].frames)))
	ScanSource(src, e, ScannerConfig{Source: "x.pcap", Host: "h1"}, func(f scanner.Finding) { got = append(got, f) })
	if len(got) != 1 {
		t.Fatalf("%d findings, want 1 (once per flow and rule)", len(got))
	}
	f := got[0]
	want := scanner.Flow{Proto: "UDP", Src: netip.MustParseAddr("192.0.2.10"), Sport: 40001, Dst: netip.MustParseAddr("198.51.100.20"), Dport: 1194}
	if *f.Flow != want || f.Subject != "UDP 192.0.2.10:40001 -> 198.51.100.20:1194" {
		t.Errorf("flow %+v subject %q", *f.Flow, f.Subject)
	}
	if !f.Time.Equal(pt.Epoch) || f.Source != "x.pcap" || f.Kind != scanner.KindTraffic || f.Confidence != "high" || f.ID == "" {
		t.Errorf("finding %+v", f)
	}
	if strings.Contains(f.Evidence, "1111111111111111") {
		t.Errorf("evidence carries payload bytes: %s", f.Evidence)
	}
}

func TestCompileUnknownFingerprint(t *testing.T) {
	dir := t.TempDir()
	rule := `[[rule]]
id = "x.bad-fingerprint"
name = "bad"
category = "vpn"
severity = "low"
description = "a rule naming a fingerprint that does not exist"
[[rule.traffic]]
fingerprint = "no-such-thing"
`
	if err := os.WriteFile(filepath.Join(dir, "r.toml"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := signatures.Load(signatures.Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	e, err := Compile(set)
	if err == nil || !strings.Contains(err.Error(), `rule "x.bad-fingerprint"`) || !strings.Contains(err.Error(), "no-such-thing") {
		t.Fatalf("error %v must name the rule and the fingerprint", err)
	}
	if handled, _, err := e.RunExample(set.Rule("x.bad-fingerprint"), &signatures.Example{Text: "x"}); !handled || err == nil {
		t.Errorf("examples of a broken rule must report its error")
	}
}

// TestSteadyStateAllocs checks that packets allocate nothing once the scanner has
// warmed up: flows come, are inspected (a ClientHello parsed and its name looked
// up), are given up on and expire, and their state is recycled.
func TestSteadyStateAllocs(t *testing.T) {
	e := builtinEngine(t)
	byRound := benchFrames(200)
	var frames [][]byte // flow by flow, so each flow goes idle for most of a pass
	for f := range 200 {
		for r := range 12 {
			frames = append(frames, byRound[r*200+f])
		}
	}
	s := NewScanner(e, ScannerConfig{}, nil)
	d := decode.NewDecoder(decode.LinkEthernet)
	var p decode.Packet
	i := 0
	p.Time = pt.Epoch
	tick := 10 * time.Minute / time.Duration(len(frames)) // a pass outlives the TCP timeout
	step := func() {
		p.Time = p.Time.Add(tick)
		d.Decode(frames[i%len(frames)], &p)
		s.Packet(&p)
		i++
	}
	for range 5000 {
		step()
	}
	if n := testing.AllocsPerRun(2000, step); n != 0 {
		t.Errorf("%.2f allocations per packet in steady state", n)
	}
	if st := s.Stats().Flows; st.EvictedIdle == 0 {
		t.Errorf("no flow expired: the test does not exercise recycling (%+v)", st)
	}
}
