package daemon

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/scanner"
)

// TestReplayRoles replays a capture (192.0.2.10 to an OpenVPN server at
// 198.51.100.20:1194, every frame from MAC 02:00:00:00:00:01) with the maps of a
// bridge: the VM a map names by address or by MAC is the finding's host, and the
// finding says its role; a map of another host, on a file of its own host, gives
// none.
func TestReplayRoles(t *testing.T) {
	capture, err := filepath.Abs("../../signatures/builtin/captures/openvpn-udp.pcap")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, file, maps string
		host, role       string
	}{
		{"server by address", "", `
[[capture.map]]
addresses = ["198.51.100.0/24"]
host = "vpn-vm"`, "vpn-vm", scanner.RoleServer},
		{"client by MAC", "", `
[[capture.map]]
addresses = ["203.0.113.9"]
host = "other-vm"
[[capture.map]]
macs = ["02:00:00:00:00:01"]
host = "mac-vm"`, "mac-vm", scanner.RoleClient},
		{"map of another host", `host = "h"`, `
[[capture.map]]
addresses = ["192.0.2.10"]
host = "other-vm"`, "h", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			text := `[identity]
host = "hv"
[notify]
database = "var/aupscan.db"
[[notify.tenant]]
id = "t"
hosts = ["h", "vpn-vm", "mac-vm", "other-vm"]
[[notify.tenant.contact]]
address = "ops@t.example"
[notify.mail]
from = "aup@cloud.example"
folder = "var/mail"
[[capture.file]]
path = "` + capture + `"
` + c.file + "\n" + c.maps + "\n"
			path := filepath.Join(dir, "aupscand.toml")
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := config.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			d, err := newDaemon(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
			if err != nil {
				t.Fatal(err)
			}
			d.replayFiles(context.Background())
			if len(d.q.ch) != 1 {
				t.Fatalf("%d findings queued, want 1", len(d.q.ch))
			}
			var f scanner.Finding
			if err := json.Unmarshal(<-d.q.ch, &f); err != nil {
				t.Fatal(err)
			}
			if f.Host != c.host || f.Role != c.role || f.ID != scanner.FindingID(f.Host, f.Rule, f.Subject) {
				t.Errorf("host %q role %q (id %s), want %q %q\nevidence: %s", f.Host, f.Role, f.ID, c.host, c.role, f.Evidence)
			}
		})
	}
}

// TestLocalMarksOwnInterface gives a live interface that is this machine's own its
// addresses as a mark (the loopback interface stands in), and a VM's tap none.
func TestLocalMarksOwnInterface(t *testing.T) {
	cfg := &config.Config{}
	cfg.Identity.Host = "hv"
	if l := localMarks(cfg, "", "lo"); l == nil || l.Len() != 1 {
		t.Fatalf("own interface: %v, want one mark of its addresses", l)
	}
	if l := localMarks(cfg, "vm-1", "lo"); l != nil {
		t.Errorf("a VM's interface without a map: %d marks, want none", l.Len())
	}
}
