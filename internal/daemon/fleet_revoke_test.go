package daemon

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/aupscan/aupscan/fleet"
)

// TestFleetRevokeOnHUP: aupscan fleet revoke writes the revocation into the
// authority; the manager running the embedded server takes it up on SIGHUP and the
// revoked agent's connection is closed.
func TestFleetRevokeOnHUP(t *testing.T) {
	dir := t.TempDir()
	port := fleetFreePort(t)
	auth, err := fleet.InitAuthority(filepath.Join(dir, "authority"))
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Replace(fmt.Sprintf(fleetManagerTOML, port), "[fleet.server]\n", "[fleet.server]\nauthority = \"authority\"\n", 1)
	mcfg := fleetWriteConfig(t, dir, "manager.toml", body)
	mlog, hup := runManagerInProcess(t, mcfg)
	creds, _ := auth.IssueAgent("demo-vm-1", time.Hour)
	credsFile := writeFile(t, dir, "agent.creds", creds, 0o600)
	url := fmt.Sprintf("nats://127.0.0.1:%d", port)
	var nc *nats.Conn
	untilOK(t, 15*time.Second, "the agent connected", func() error {
		nc, err = nats.Connect(url, nats.UserCredentials(credsFile), nats.CustomInboxPrefix(fleet.AgentInboxPrefix("demo-vm-1")))
		return err
	})
	defer nc.Close()
	if n, err := auth.Revoke("demo-vm-1"); err != nil || n != 1 {
		t.Fatalf("revoke: %d, %v", n, err)
	}
	time.Sleep(200 * time.Millisecond)
	if !nc.IsConnected() {
		t.Fatal("revoked before the manager reloaded the authority")
	}
	hup <- os.Interrupt // any signal value: the daemon's hup channel
	untilOK(t, 10*time.Second, "the revoked agent disconnected", func() error {
		if nc.IsConnected() {
			return errNotYet
		}
		return nil
	})
	if !strings.Contains(mlog.String(), "fleet authority reloaded") {
		t.Errorf("manager log:\n%s", mlog.String())
	}
}
