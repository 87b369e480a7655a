package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/aupscan/aupscan/signatures"
)

// Each reader and judge reads files a tenant writes: whatever the bytes, it must not
// panic, and what it reports must stay bounded (evidence of a sentence, no more).

func fuzzRead(f *testing.F, format string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > MaxSize {
			return
		}
		d, err := Read(format, data)
		if err == nil && d == nil {
			t.Fatal("no document and no error")
		}
		if err == nil {
			Scalars(Lookup(d.Tree, anyPath, ""))
		}
	})
}

var anyPath, _ = signatures.ParseKeyPath("a[*].b")

func FuzzReadJSON(f *testing.F) {
	fuzzRead(f, signatures.FormatJSON, `{"a": [{"b": "0.0.0.0"}]}`, "{// c\n\"a\": [1,],}", "[[[", `"\u00`)
}

func FuzzReadYAML(f *testing.F) {
	fuzzRead(f, signatures.FormatYAML, "a:\n  - b: x\n", "a: &x [*x, *x]\n", "a: {b: [c, d]}\n--- \nx: 1")
}

func FuzzReadTOML(f *testing.F) {
	fuzzRead(f, signatures.FormatTOML, "[[a]]\nb = 1\n", "a = [[1], [2]]\n", "a = {b = {c = 1}}")
}

func FuzzReadINI(f *testing.F) {
	fuzzRead(f, signatures.FormatINI, "[Interface]\nListenPort = 1\n[Peer]\n[Peer]\n", "a=\"b\" ; c\n[x\n")
}

func FuzzReadDirective(f *testing.F) {
	fuzzRead(f, signatures.FormatDirective, "ORPort 9001\nx \\\n y\n", "internal: eth0 port = 1080\n\"a b\" c\n")
}

func fuzzJudge(f *testing.F, judge string, samples ...string) {
	for _, s := range samples {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > MaxSize {
			return
		}
		v, ok, err := Judge(judge, data)
		if err != nil && ok {
			t.Fatal("a finding and an error")
		}
		if len(v.Evidence) > maxEvidence {
			t.Fatalf("evidence of %d bytes", len(v.Evidence))
		}
	})
}

// samples names fetched Debian files, where this machine has them, as seeds.
func samples(paths ...string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Join(signatures.SamplesDir(), "deb", p)
	}
	return out
}

func FuzzJudgeSquid(f *testing.F) {
	f.Add([]byte("acl l src 10.0.0.0/8\nhttp_port 3128\nhttp_access allow l\nhttp_access deny !localhost\n"))
	fuzzJudge(f, "squid", samples("squid/etc/squid/squid.conf")...)
}

func FuzzJudgeTor(f *testing.F) {
	f.Add([]byte("ORPort [::]:9001 NoListen\nClientOnly 1\nBridgeRelay 1\n"))
	fuzzJudge(f, "tor", samples("tor/etc/tor/torrc")...)
}

func FuzzJudgeOpenVPN(f *testing.F) {
	f.Add([]byte("<ca>\nx\n</ca>\nmode server\nlocal 0.0.0.0\nport 1194\n"))
	fuzzJudge(f, "openvpn", samples("openvpn/usr/share/doc/openvpn/examples/sample-config-files/server.conf")...)
}

func FuzzJudgeDante(f *testing.F) {
	f.Add([]byte("internal: eth0 port = 1080\nclient pass { from: 0/0 to: 0/0 }\n"))
	fuzzJudge(f, "dante", samples("dante-server/etc/danted.conf")...)
}

func FuzzJudgeTinyproxy(f *testing.F) {
	f.Add([]byte("Port 8888\nListen 0.0.0.0\nAllow 10.0.0.0/8\nDeny all\n"))
	fuzzJudge(f, "tinyproxy", samples("tinyproxy/etc/tinyproxy/tinyproxy.conf")...)
}

func FuzzJudgePrivoxy(f *testing.F) {
	f.Add([]byte("listen-address :8118\npermit-access 10.0.0.0/8\n"))
	fuzzJudge(f, "privoxy", samples("privoxy/usr/share/privoxy/config")...)
}

// FuzzParseListen reads addresses as configurations write them.
func FuzzParseListen(f *testing.F) {
	for _, s := range []string{"[::1]:80", "tcp://0.0.0.0:1", "10.0.0.0-10.0.0.9/8", "1.2.3.4/255.0.0.0", "[", "%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = ParseListen(s).String()
		_ = SourceReach(s)
	})
}
