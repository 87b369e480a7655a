package daemon

import (
	"context"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/config"
)

// TestSystemdNotify runs the daemon as systemd would start the unit (Type=notify,
// WatchdogSec): NOTIFY_SOCKET names a datagram socket this test reads, WATCHDOG_USEC
// and WATCHDOG_PID ask for pings. It reads what the daemon says, in order: READY=1
// once it runs, RELOADING=1 (with MONOTONIC_USEC) then READY=1 around a SIGHUP,
// WATCHDOG=1 pings, STOPPING=1 when it stops. (systemd is not PID 1 on the test
// machines: the socket stands in for it, with the same protocol.)
func TestSystemdNotify(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "notify.sock")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: sock, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	t.Setenv("NOTIFY_SOCKET", sock)
	t.Setenv("WATCHDOG_USEC", "200000") // 200 ms: a ping every 100 ms
	t.Setenv("WATCHDOG_PID", strconv.Itoa(os.Getpid()))

	cfgPath := filepath.Join(dir, "aupscand.toml")
	if err := os.WriteFile(cfgPath, []byte(`[daemon]
notify_interval = "1h"
[notify]
database = "var/aupscan.db"
[[notify.tenant]]
id = "t"
hosts = ["h"]
[[notify.tenant.contact]]
address = "ops@t.example"
[notify.mail]
from = "aup@cloud.example"
folder = "var/mail"
`), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hup := make(chan os.Signal, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, cfg, Options{Logger: slog.New(slog.DiscardHandler), Reload: hup})
	}()

	// next returns the next notification that is not a watchdog ping, counting pings.
	pings := 0
	next := func(what string) string {
		t.Helper()
		buf := make([]byte, 4096)
		for {
			conn.SetReadDeadline(time.Now().Add(30 * time.Second))
			n, err := conn.Read(buf)
			if err != nil {
				t.Fatalf("waiting for %s: %v", what, err)
			}
			msg := string(buf[:n])
			if msg == "WATCHDOG=1" {
				pings++
				continue
			}
			return msg
		}
	}
	if msg := next("READY=1"); !strings.HasPrefix(msg, "READY=1\nSTATUS=running") {
		t.Fatalf("first notification %q, want READY=1 with its status", msg)
	}
	hup <- os.Interrupt // the signal's value does not matter: a reload
	msg := next("RELOADING=1")
	if lines := strings.Split(msg, "\n"); len(lines) != 2 || lines[0] != "RELOADING=1" || !strings.HasPrefix(lines[1], "MONOTONIC_USEC=") {
		t.Errorf("reload notification %q, want RELOADING=1 and MONOTONIC_USEC", msg)
	} else if us, err := strconv.ParseInt(strings.TrimPrefix(lines[1], "MONOTONIC_USEC="), 10, 64); err != nil || us <= 0 {
		t.Errorf("MONOTONIC_USEC %q: not a positive count", lines[1])
	}
	if msg := next("READY=1 after the reload"); !strings.HasPrefix(msg, "READY=1") {
		t.Errorf("after the reload %q, want READY=1", msg)
	}
	// Pings go on while the daemon runs: wait for two more than seen so far.
	for want := pings + 2; pings < want; {
		conn.SetReadDeadline(time.Now().Add(30 * time.Second))
		buf := make([]byte, 64)
		n, err := conn.Read(buf)
		if err != nil {
			t.Fatalf("waiting for watchdog pings: %v", err)
		}
		if string(buf[:n]) == "WATCHDOG=1" {
			pings++
		}
	}
	cancel()
	if msg := next("STOPPING=1"); !strings.HasPrefix(msg, "STOPPING=1") {
		t.Errorf("on stop %q, want STOPPING=1", msg)
	}
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
}
