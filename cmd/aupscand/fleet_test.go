package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/aupscan/aupscan/fleet"
	"github.com/aupscan/aupscan/internal/config"
)

func fleetFreePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func fleetWriteConfig(t *testing.T, dir, name, body string) *config.Config {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

const fleetManagerTOML = `
[log]
format = "text"
[identity]
host = "manager-1"
[notify]
database = "var/aupscan.db"
[[notify.tenant]]
id = "demo"
name = "Demo Tenant"
hosts = ["demo-vm-1"]
locale = "en"
time_zone = "UTC"
clause = "4.2 No VPN services for third parties."
  [[notify.tenant.contact]]
  address = "ops@tenant.example"
[notify.mail]
from = "AUP <aup@cloud.example>"
operator = "Demo Cloud"
folder = "var/mail"
[daemon]
notify_interval = "200ms"
[fleet]
role = "manager"
silent_after = "1s"
[fleet.server]
embedded = true
dir = "var/nats"
listen = "127.0.0.1:%d"
`

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

// TestFleetAgentToManager runs a manager with its embedded NATS server and an agent
// replaying a capture of OpenVPN: the agent holds no case database, the manager
// opens the case and writes the warning to its mail folder.
func TestFleetAgentToManager(t *testing.T) {
	repo, _ := filepath.Abs("../..")
	port := fleetFreePort(t)
	mdir, adir := t.TempDir(), t.TempDir()
	mcfg := fleetWriteConfig(t, mdir, "manager.toml", fmt.Sprintf(fleetManagerTOML, port))
	acfg := fleetWriteConfig(t, adir, "agent.toml", fmt.Sprintf(fleetAgentTOML, port))
	// Sources without [notify] are refused by config.Load today (validate_daemon.go);
	// an agent's sources are set here until that check knows about agents.
	acfg.Capture.Files = []config.CaptureFile{{Path: filepath.Join(repo, "signatures/builtin/captures/openvpn-udp.pcap"), Host: "demo-vm-1"}}

	var mlog, alog syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	mdone := make(chan int, 1)
	go func() {
		mdone <- runFleet(ctx, mcfg, mcfg.File, false, nil, slog.New(slog.NewTextHandler(&mlog, nil)))
	}()
	defer func() {
		cancel()
		select {
		case code := <-mdone:
			if code != 0 {
				t.Errorf("manager exit %d:\n%s", code, mlog.String())
			}
		case <-time.After(15 * time.Second):
			t.Error("manager did not stop within 15s")
		}
	}()
	fleetWaitStream(t, fmt.Sprintf("nats://127.0.0.1:%d", port))

	if code := runFleet(context.Background(), acfg, acfg.File, true, nil, slog.New(slog.NewTextHandler(&alog, nil))); code != 0 {
		t.Fatalf("agent exit %d:\n%s", code, alog.String())
	}
	if _, err := os.Stat(filepath.Join(adir, "var")); !os.IsNotExist(err) {
		t.Errorf("the agent made a var folder: %v", err)
	}
	mail := filepath.Join(mdir, "var", "mail")
	deadline := time.Now().Add(20 * time.Second)
	for {
		m, _ := filepath.Glob(filepath.Join(mail, "*.eml"))
		if len(m) > 0 {
			body, _ := os.ReadFile(m[0])
			if !strings.Contains(string(body), "demo-vm-1") {
				t.Errorf("notice does not name the host:\n%s", body)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no notice in %s within 20s\nmanager:\n%s\nagent:\n%s", mail, mlog.String(), alog.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(mlog.String(), `msg="fleet findings recorded"`) {
		t.Errorf("manager log:\n%s", mlog.String())
	}
}

// fleetWaitStream waits until a manager has created the findings stream.
func fleetWaitStream(t *testing.T, url string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		nc, err := nats.Connect(url, nats.Timeout(time.Second))
		if err == nil {
			js, _ := jetstream.New(nc)
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			_, err = js.Stream(ctx, fleet.FindingsStream)
			cancel()
			nc.Close()
			if err == nil {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no findings stream at %s within 15s: %v", url, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

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
