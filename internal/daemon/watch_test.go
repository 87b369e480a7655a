package daemon

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/config"
)

// TestWatchScansNewFiles runs the daemon with a watched folder and writes the EICAR
// file into a subfolder created after the daemon started: the watch adds the new
// folder and the file is scanned (host_files_scanned_total{root="watch"} and
// findings_total{category="malware"} appear) with no scheduled scan.
func TestWatchScansNewFiles(t *testing.T) {
	dir := t.TempDir()
	watched := filepath.Join(dir, "uploads")
	for _, d := range []string{watched, filepath.Join(dir, "root")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cfgText := `[metrics]
listen = "127.0.0.1:0"
[host]
schedule = "0 0 1 1 *"
watch = ["uploads"]
[[host.root]]
path = "root"
host = "h"
[daemon]
notify_interval = "1h"
flush_interval = "100ms"
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
`
	cfgPath := filepath.Join(dir, "aupscand.toml")
	if err := os.WriteFile(cfgPath, []byte(cfgText), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	d, err := newDaemon(ctx, cfg, slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- d.serve(ctx, cfgPath, make(chan os.Signal)) }()
	defer func() {
		if t.Failed() {
			t.Log(logs.String())
		}
		cancel()
		<-done
		d.close()
	}()
	var base string
	eventually(t, func() bool {
		if d.srv != nil {
			base = "http://" + d.srv.ln.Addr().String()
		}
		return base != "" && get(t, base+"/readyz") == "ready\n"
	})
	time.Sleep(200 * time.Millisecond) // the watch is set up after readiness

	sub := filepath.Join(watched, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	eicar := `X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`
	if err := os.WriteFile(filepath.Join(sub, "upload.com"), []byte(eicar), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, func() bool {
		m := get(t, base+"/metrics")
		// Counters appear once they move; the file may be scanned more than once as
		// its creation and its write can fall in two debounce windows.
		return strings.Contains(m, `aupscand_host_files_scanned_total{root="watch"}`) &&
			strings.Contains(m, `aupscand_findings_total{category="malware"}`)
	})
}
