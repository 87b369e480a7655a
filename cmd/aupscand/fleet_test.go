package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fleetAgentTOML is an agent's configuration (internal/daemon's fleet tests run one).
const fleetAgentTOML = `
[identity]
host = "demo-vm-1"
[fleet]
role = "agent"
url = "nats://127.0.0.1:%d"
credentials = ""
spool_dir = "spool"
spool_size = "1MiB"
heartbeat = "200ms"
`

// TestFleetAgentRefusesNotify: an agent's configuration holding [notify] (mail
// credentials inside a tenant's VM) is refused before anything starts.
func TestFleetAgentRefusesNotify(t *testing.T) {
	dir := t.TempDir()
	body := fmt.Sprintf(fleetAgentTOML, 4222) + `
[notify]
database = "var/aupscan.db"
[notify.mail]
from = "aup@cloud.example"
folder = "var/mail"
`
	path := filepath.Join(dir, "agent.toml")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if code := run([]string{"--config", path, "--once"}, &out); code != 2 {
		t.Fatalf("exit %d, want 2:\n%s", code, out.String())
	}
	if !strings.Contains(out.String(), "an agent holds no cases") {
		t.Errorf("log:\n%s", out.String())
	}
}
