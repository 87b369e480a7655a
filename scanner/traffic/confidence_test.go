package traffic

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/signatures"
)

// operatorEngine compiles operator rules given as TOML, without the built-in ones.
func operatorEngine(t *testing.T, rules string) *Engine {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "r.toml"), []byte(rules), 0o644); err != nil {
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
	return e
}

// scanFrames scans crafted frames and returns the findings by rule.
func scanFrames(t *testing.T, e *Engine, frames [][]byte, cfg ScannerConfig) map[string]scanner.Finding {
	t.Helper()
	src, err := capture.NewFileSource("crafted", bytes.NewReader(writeFrames(frames)))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]scanner.Finding{}
	ScanSource(src, e, cfg, func(f scanner.Finding) { got[f.Rule] = f })
	return got
}

// TestConfidenceOfShapes checks that a fingerprint resting on a shape ordinary
// traffic shares stays low however confident its rule claims to be, and that a
// second, independent condition in the same section lifts it one step: the
// confidence a finding shows is what its evidence is worth.
func TestConfidenceOfShapes(t *testing.T) {
	const rules = `
[[rule]]
id = "op.psiphon-shape"
name = "shape alone"
category = "proxy"
severity = "high"
confidence = "high"
description = "The psiphon fingerprint alone, claimed high."
[[rule.traffic]]
fingerprint = "psiphon"

[[rule]]
id = "op.psiphon-named"
name = "shape and name"
category = "proxy"
severity = "high"
confidence = "high"
description = "The psiphon fingerprint and a certificate name."
[[rule.traffic]]
fingerprint = "psiphon"
certificate_name = { suffix = ["example.com"] }

[[rule]]
id = "op.tor-listed"
name = "Tor client hello to a listed relay"
category = "tor"
severity = "high"
confidence = "high"
description = "The tor fingerprint (medium on a ClientHello alone) and a listed address."
[[rule.traffic]]
fingerprint = "tor"
addresses = ["198.51.100.20"]

[[rule]]
id = "op.tor-medium"
name = "Tor client hello, rule medium"
category = "tor"
severity = "high"
confidence = "medium"
description = "A rule's own confidence stays the ceiling."
[[rule.traffic]]
fingerprint = "tor"
addresses = ["198.51.100.20"]
`
	e := operatorEngine(t, rules)
	cdn := builtinCapture(t, "cdn-by-address.pcap")
	got := scanFrames(t, e, cdn, ScannerConfig{})
	if f := got["op.psiphon-shape"]; f.Confidence != "low" {
		t.Errorf("psiphon shape alone: confidence %q, want low", f.Confidence)
	}
	if f := got["op.psiphon-named"]; f.Confidence != "medium" {
		t.Errorf("psiphon shape and a name: confidence %q, want medium", f.Confidence)
	}
	tor := conv(layers.IPProtocolTCP, 40012, 9001,
		c2s(testClientHello("www.q4cyamnc6mtokj.com", nil, true)), s2c(tlsRecord(tlsHandshake, testServerHello(true))))
	got = scanFrames(t, e, tor, ScannerConfig{})
	if f := got["op.tor-listed"]; f.Confidence != "high" {
		t.Errorf("tor hello to a listed relay: confidence %q, want high", f.Confidence)
	}
	if f := got["op.tor-medium"]; f.Confidence != "medium" {
		t.Errorf("rule of medium confidence: %q, want medium", f.Confidence)
	}
}

// builtinCapture returns the frames of one of the built-in rules' example captures.
func builtinCapture(t *testing.T, name string) [][]byte {
	t.Helper()
	for _, c := range builtinCaptureFiles {
		if c.name == name {
			return c.frames
		}
	}
	t.Fatalf("no built-in capture %s", name)
	return nil
}

// TestConfidenceTable runs exchanges through the built-in rules and checks the
// confidence of what they find: proxies are high only on the proxy's own answer, and
// a certificate seen without its ClientHello says nothing of a client.
func TestConfidenceTable(t *testing.T) {
	e := builtinEngine(t)
	psiphonCert := tls12Server(testCert("sni.cloudflaressl.com", []string{"Cloudflare, Inc."}, "Cloudflare Inc ECC CA-3",
		[]string{"Cloudflare, Inc."}, []string{"sni.cloudflaressl.com", "psiphon3.net", "*.psiphon3.net"}))
	tests := []struct {
		name       string
		port       uint16
		segs       []seg
		rule, conf string // "" for no finding
	}{
		{"psiphon certificate, no client hello seen", 443, []seg{s2c(psiphonCert)}, "", ""},
		{"psiphon hello and certificate", 443, []seg{c2s(testClientHello("", []string{"h2", "http/1.1"}, true)), s2c(psiphonCert)},
			"proxy.psiphon.traffic", "medium"},
		{"connect answered 200", 3128, []seg{
			c2s([]byte("CONNECT www.example.org:443 HTTP/1.1\r\nHost: www.example.org:443\r\n\r\n")),
			s2c([]byte("HTTP/1.1 200 Connection established\r\n\r\n"))}, "proxy.http.traffic", "high"},
		{"connect refused by a web server", 80, []seg{
			c2s([]byte("CONNECT www.example.org:443 HTTP/1.1\r\nHost: www.example.org:443\r\n\r\n")),
			s2c([]byte("HTTP/1.1 405 Method Not Allowed\r\nServer: nginx\r\n\r\n"))}, "proxy.http.traffic", "low"},
		{"absolute uri answered by an origin", 80, []seg{
			c2s([]byte("POST http://app.example.org/report HTTP/1.1\r\nHost: app.example.org\r\n\r\n")),
			s2c([]byte("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))}, "proxy.http.traffic", "low"},
		{"absolute uri answered through a cdn", 80, []seg{
			c2s([]byte("GET http://www.example.org/ HTTP/1.1\r\nHost: www.example.org\r\n\r\n")),
			s2c([]byte("HTTP/1.1 200 OK\r\nVia: 1.1 a1b2.cloudfront.net (CloudFront)\r\n\r\n"))}, "proxy.http.traffic", "medium"},
		{"absolute uri through a proxy naming itself", 8080, []seg{
			c2s([]byte("GET http://www.example.org/ HTTP/1.1\r\nHost: www.example.org\r\n\r\n")),
			s2c([]byte("HTTP/1.1 200 OK\r\nVia: 1.1 198.51.100.20:8080\r\n\r\n"))}, "proxy.http.traffic", "high"},
		{"absolute uri answered 407", 8080, []seg{
			c2s([]byte("GET http://www.example.org/ HTTP/1.1\r\nHost: www.example.org\r\n\r\n")),
			s2c([]byte("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n"))}, "proxy.http.traffic", "high"},
	}
	for _, tt := range tests {
		got := scanFrames(t, e, conv(layers.IPProtocolTCP, 40000, tt.port, tt.segs...), ScannerConfig{})
		f, ok := got[tt.rule]
		switch {
		case tt.rule == "" && len(got) > 0:
			t.Errorf("%s: findings %v, want none", tt.name, got)
		case tt.rule != "" && (!ok || len(got) != 1 || f.Confidence != tt.conf):
			t.Errorf("%s: findings %v, want %s at %s", tt.name, got, tt.rule, tt.conf)
		}
	}
}
