package output

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/netip"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aupscan/aupscan/scanner"
)

var update = flag.Bool("update", false, "write the golden files")

// sampleFindings are one finding of each shape: a flow, a file, a package.
func sampleFindings() []scanner.Finding {
	fl := scanner.Flow{Proto: "UDP", Src: netip.MustParseAddr("10.0.0.2"), Sport: 51000, Dst: netip.MustParseAddr("192.0.2.1"), Dport: 1194}
	at := time.Date(2026, 11, 25, 10, 0, 0, 123456000, time.UTC)
	fs := []scanner.Finding{
		{Rule: "vpn.openvpn", Name: "OpenVPN", Category: "vpn", Severity: "medium", Confidence: "high", Kind: scanner.KindTraffic,
			Subject: fl.Subject(), Evidence: "OpenVPN P_CONTROL_HARD_RESET_CLIENT_V2, session id echoed", Source: "tap-web-1",
			Time: at, Host: "web-1", Flow: &fl, Role: scanner.RoleServer, Tenant: "acme", RulesVersion: "0123456789abcdef"},
		{Rule: "mining.xmrig", Name: "XMRig miner", Category: "mining", Severity: "high", Confidence: "high", Kind: scanner.KindFile,
			Subject: "/opt/x/xmrig", Evidence: "patterns donate, stratum", Source: "/", Time: at, Host: "web-1",
			SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", RulesVersion: "0123456789abcdef"},
		{Rule: "tor.package", Name: "Tor installed", Category: "tor", Severity: "low", Confidence: "medium", Kind: scanner.KindPackage,
			Subject: "dpkg tor 0.4.7.16-1", Evidence: "package tor", Source: "/", Time: at},
	}
	for i := range fs {
		fs[i].SetID()
	}
	return fs
}

// TestFormatsGolden pins the three record forms (go test ./output -update writes them).
func TestFormatsGolden(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			enc, err := NewEncoder(format, Product{Name: "aupscan", Version: "test"})
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			for _, f := range sampleFindings() {
				b, err := enc(&f)
				if err != nil {
					t.Fatal(err)
				}
				if !json.Valid(b) || bytes.ContainsRune(b, '\n') {
					t.Fatalf("not one JSON line: %s", b)
				}
				got.Write(b)
				got.WriteByte('\n')
			}
			golden := filepath.Join("testdata", "findings."+format+".jsonl")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs (go test ./output -update):\n%s", golden, got.Bytes())
			}
		})
	}
	if _, err := NewEncoder("cef", Product{}); err == nil {
		t.Error("unknown format accepted")
	}
}

// TestEVEFields checks the fields a Suricata parser keys on.
func TestEVEFields(t *testing.T) {
	f := sampleFindings()[0]
	var m map[string]any
	b, _ := marshal(EVE(&f))
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"event_type": "alert", "src_ip": "10.0.0.2", "src_port": 51000.0, "dest_ip": "192.0.2.1",
		"dest_port": 1194.0, "proto": "UDP", "timestamp": "2026-11-25T10:00:00.123456+0000", "host": "web-1"} {
		if m[k] != want {
			t.Errorf("%s = %v, want %v", k, m[k], want)
		}
	}
	alert, _ := m["alert"].(map[string]any)
	if alert["signature"] != "OpenVPN" || alert["category"] != "vpn" || alert["severity"] != 2.0 {
		t.Errorf("alert = %v", alert)
	}
}
