package daemon

import (
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
	mcfg := fleetWriteConfig(t, mdir, "manager.toml", fmt.Sprintf(fleetManagerTOML, port)+
		"[fleet.stream]\nmax_per_host = 500\nmax_bytes = \"64MiB\"\n[[output]]\ntype = \"file\"\npath = \"var/findings.json\"\n")
	acfg := fleetWriteConfig(t, adir, "agent.toml", fmt.Sprintf(fleetAgentTOML, port))
	// Sources without [notify] are refused by config.Load today (validate_daemon.go);
	// an agent's sources are set here until that check knows about agents.
	acfg.Capture.Files = []config.CaptureFile{{Path: filepath.Join(repo, "signatures/builtin/captures/openvpn-udp.pcap"), Host: "demo-vm-1"}}

	var mlog, alog syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	mdone := make(chan error, 1)
	go func() {
		mdone <- Run(ctx, mcfg, Options{Logger: slog.New(slog.NewTextHandler(&mlog, nil))})
	}()
	defer func() {
		cancel()
		select {
		case err := <-mdone:
			if err != nil {
				t.Errorf("manager: %v:\n%s", err, mlog.String())
			}
		case <-time.After(15 * time.Second):
			t.Error("manager did not stop within 15s")
		}
	}()
	fleetWaitStream(t, fmt.Sprintf("nats://127.0.0.1:%d", port))
	// [fleet.stream] reaches the stream the manager made; the rest keep fleet's defaults.
	if sc := fleetStreamConfig(t, fmt.Sprintf("nats://127.0.0.1:%d", port)); sc.MaxMsgsPerSubject != 500 ||
		!sc.DiscardNewPerSubject || sc.MaxBytes != 64<<20 || sc.MaxMsgs != fleet.DefaultMaxMsgs {
		t.Errorf("findings stream limits: per subject %d (discard new %v), bytes %d, messages %d",
			sc.MaxMsgsPerSubject, sc.DiscardNewPerSubject, sc.MaxBytes, sc.MaxMsgs)
	}

	if err := Run(context.Background(), acfg, Options{Logger: slog.New(slog.NewTextHandler(&alog, nil)), Once: true}); err != nil {
		t.Fatalf("agent: %v:\n%s", err, alog.String())
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
	// The manager's outputs send on the agent's findings, with the tenant the
	// manager knows and the rule set the agent ran.
	untilOK(t, 10*time.Second, "the manager's file output", func() error {
		out, err := os.ReadFile(filepath.Join(mdir, "var", "findings.json"))
		if err != nil || !strings.Contains(string(out), `"host":"demo-vm-1"`) || !strings.Contains(string(out), `"tenant":"demo"`) ||
			!strings.Contains(string(out), `"rules_version":"`) {
			return fmt.Errorf("%v: %s", err, out)
		}
		return nil
	})
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

// fleetStreamConfig returns the findings stream's configuration as the server holds it.
func fleetStreamConfig(t *testing.T, url string) jetstream.StreamConfig {
	t.Helper()
	nc, err := nats.Connect(url, nats.Timeout(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, err := js.Stream(ctx, fleet.FindingsStream)
	if err != nil {
		t.Fatal(err)
	}
	return st.CachedInfo().Config
}

// fleetWaitStreamCreds waits until a manager has created the findings stream,
// connecting with credentials.
func fleetWaitStreamCreds(t *testing.T, url, creds string) {
	t.Helper()
	// The manager may still be starting its server: keep trying to connect.
	nc, err := nats.Connect(url, nats.UserCredentials(creds), nats.RetryOnFailedConnect(true),
		nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	untilOK(t, 30*time.Second, "findings stream", func() error {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, err := js.Stream(ctx, fleet.FindingsStream)
		return err
	})
}
