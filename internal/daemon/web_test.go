package daemon

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner"
)

// TestWebServed: with [web], the daemon's notices carry a link to the case page
// (public_url), and the daemon serves that page and the console's sign-in.
func TestWebServed(t *testing.T) {
	dir := t.TempDir()
	port := testenv.FreePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	cfgText := `[daemon]
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
[web]
listen = "127.0.0.1:` + fmt.Sprint(port) + `"
public_url = "` + base + `"
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
	d, err := newDaemon(ctx, cfg, slog.New(slog.NewTextHandler(&logs, nil)))
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
	eventually(t, func() bool {
		resp, err := http.Get(base + "/staff/login")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil && resp.StatusCode == http.StatusOK
	})
	n, _ := d.notifierNow()
	f := scanner.Finding{Rule: "tor.relay", Name: "Tor relay", Category: "tor", Severity: "high", Confidence: "high",
		Kind: "file", Subject: "/etc/tor/torrc", Evidence: "ORPort 9001", Host: "h", Time: time.Now()}
	f.SetID()
	if _, err := n.Process(ctx, []scanner.Finding{f}); err != nil {
		t.Fatal(err)
	}
	if err := d.notifyCycle(ctx); err != nil {
		t.Fatal(err)
	}
	emls, _ := filepath.Glob(filepath.Join(dir, "var", "mail", "*.eml"))
	if len(emls) != 1 {
		t.Fatalf("%d notices", len(emls))
	}
	b, _ := os.ReadFile(emls[0])
	link := regexp.MustCompile(regexp.QuoteMeta(base) + `/t/[A-Za-z0-9_-]{43}`).FindString(strings.ReplaceAll(string(b), "=\r\n", ""))
	if link == "" {
		t.Fatalf("no case link in the notice:\n%s", b)
	}
	resp, err := http.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), "AUP-000001") || !strings.Contains(string(page), "ORPort 9001") {
		t.Errorf("case page: %s\n%s", resp.Status, page)
	}
}
