package mail

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/notify/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/notify/golden")

var goldenDir = filepath.Join("..", "..", "testdata", "notify", "golden")

// fixtureTenant is a tenant in a zone with daylight saving, so the golden files show
// deadlines with their abbreviation and offset.
func fixtureTenant(t testing.TB, locale string) Addressee {
	zone := "Europe/Berlin"
	if locale == "zh-CN" {
		zone = "Asia/Shanghai"
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	return Addressee{ID: "acme", Name: "Acme Hosting Ltd", Locale: locale, Location: loc,
		Contacts: []Contact{{Name: "Acme Ops", Address: "ops@acme.example"}, {Address: "cto@acme.example"}},
		Clause:   "4.2 The customer shall not run anonymising relays, proxies or VPN services\nfor third parties on the Service."}
}

var fixtureMail = &Config{From: "AUP Team <aup@cloud.example>", ReplyTo: "abuse@cloud.example", Operator: "Example Cloud, Acceptable Use Team"}

func fixtureCases() []store.Case {
	t0 := time.Date(2025, 3, 28, 9, 30, 0, 0, time.UTC)
	traffic := store.Case{ID: 42, Tenant: "acme", Host: "web-1.acme.example", Rule: "tor-relay-orport", RuleName: "Tor relay (ORPort handshake)",
		Category: "tor", Severity: "high", Confidence: "high", State: store.StateOpen,
		FirstSeen: t0, LastSeen: t0.Add(26 * time.Hour), Count: 17, Kind: "traffic",
		Subject: "TCP 203.0.113.7:9001 -> 198.51.100.20:44812", Evidence: "TLS certificate CN www.qkz3lj7dd.net matches the Tor link-certificate pattern",
		Source: "tap-acme-web1", FlowProto: "TCP", FlowSrc: "198.51.100.20", FlowSport: 44812, FlowDst: "203.0.113.7", FlowDport: 9001}
	file := store.Case{ID: 43, Tenant: "acme", Host: "batch-2", Rule: "xmrig-binary", RuleName: "XMRig miner",
		Category: "mining", Severity: "critical", Confidence: "high", State: store.StateOpen,
		FirstSeen: t0.Add(time.Hour), LastSeen: t0.Add(time.Hour), Count: 1, Kind: "file",
		Subject: "/opt/tools/xmrig", Evidence: "SHA-256 in the known-miner list",
		SHA256: "5f0b0cbe2dc7c5e0b7a7ea8f2c4c7d0b2c1e3ad6e0b3a9f0b44d2e1f9a7c3d21", Source: "/mnt/snap/batch-2"}
	return []store.Case{traffic, file}
}

var descriptions = []string{"Relays traffic for the Tor anonymity network.",
	"Mines cryptocurrency with the host's processors."}

func fixtureNotice(t testing.TB, locale string, stages ...store.Stage) Notice {
	cs := fixtureCases()
	deadline := time.Date(2025, 3, 30, 9, 30, 0, 0, time.UTC) // Berlin changes to CEST on 03-30
	n := Notice{Tenant: fixtureTenant(t, locale), Mail: fixtureMail, Review: true,
		Date: time.Date(2025, 3, 29, 11, 30, 0, 0, time.UTC)}
	var items []store.Item
	for i, st := range stages {
		it := NoticeItem{Case: cs[i], Stage: st, RuleName: cs[i].RuleName, Description: descriptions[i]}
		if st != store.StageResolved && st != store.StageFinal {
			it.Deadline = deadline
		}
		if st == store.StageFinal {
			it.Deadline = deadline.Add(24 * time.Hour)
		}
		n.Items = append(n.Items, it)
		items = append(items, store.Item{CaseID: cs[i].ID, Stage: st})
	}
	n.ID = MessageID("0123456789abcdef", items, 0, "cloud.example")
	return n
}

func newTestRenderer(t testing.TB) *Renderer {
	r, err := NewRenderer("")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRenderGolden renders every stage and the digest in both locales and compares
// the whole message, headers and both parts, with testdata/notify/golden.
func TestRenderGolden(t *testing.T) {
	r := newTestRenderer(t)
	cases := map[string][]store.Stage{
		"warning": {store.StageWarning}, "reminder": {store.StageReminder}, "final": {store.StageFinal},
		"resolved": {store.StageResolved}, "digest": {store.StageFinal, store.StageWarning},
	}
	for _, loc := range Locales {
		for name, stages := range cases {
			t.Run(loc+"/"+name, func(t *testing.T) {
				m, err := r.Render(fixtureNotice(t, loc, stages...))
				if err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join(goldenDir, loc, name+".eml"), m.Raw)
				checkGolden(t, filepath.Join(goldenDir, loc, name+".txt"), []byte(testenv.TextPart(t, m.Raw)))
			})
		}
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./notify/mail -run Golden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the rendered message; rerun with -update if the change is meant:\n%s", path, firstDiff(want, got))
	}
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("at byte %d:\nwant …%q\n got …%q", i, a[lo:min(len(a), i+80)], b[lo:min(len(b), i+80)])
}
