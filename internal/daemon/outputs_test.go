package daemon

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/output"
	"github.com/aupscan/aupscan/scanner"
)

// TestOutputsDeliverEveryFinding runs one daemon cycle over real captures with four
// outputs: a JSON Lines file, a real rsyslogd (TCP), a real Alertmanager and a
// webhook receiver, and a fifth, dead webhook. Every finding reaches each live
// receiver; the dead one loses nothing for the others.
func TestOutputsDeliverEveryFinding(t *testing.T) {
	rs := testenv.StartRsyslog(t)
	am := testenv.StartAlertmanager(t)
	var mu sync.Mutex
	hooked := map[string]bool{}
	badSig := 0
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		if r.Header.Get(output.SignatureHeader) != output.Sign([]byte("hook-secret"), body) {
			badSig++
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		var f map[string]any
		if json.Unmarshal(body, &f) == nil {
			hooked[fmt.Sprint(f["id"])] = true
		}
	}))
	defer hook.Close()
	deadPort := testenv.FreePort(t) // nothing listens there

	dir := t.TempDir()
	captures, _ := filepath.Abs("../../testdata/pcap/tunnels")
	cfgText := fmt.Sprintf(`[identity]
host = "web-1"
tenant = "acme"
[[capture.file]]
path = %q
[notify]
database = "var/aupscan.db"
[[notify.tenant]]
id = "acme"
[[notify.tenant.contact]]
address = "ops@acme.example"
[notify.mail]
from = "aup@cloud.example"
folder = "var/mail"

[[output]]
type = "file"
path = "var/findings.json"

[[output]]
type = "syslog"
address = "tcp://127.0.0.1:%d"

[[output]]
type = "alertmanager"
url = %q

[[output]]
name = "siem-hook"
type = "webhook"
url = %q
secret = "hook-secret"

[[output]]
name = "dead-hook"
type = "webhook"
url = "http://127.0.0.1:%d/"
secret = "x"
max_attempts = 2
backoff = "10ms"
queue = 2
`, captures, rs.TCP, am.URL, hook.URL, deadPort)
	cfgPath := filepath.Join(dir, "aupscand.toml")
	if err := os.WriteFile(cfgPath, []byte(cfgText), 0o600); err != nil { // it holds webhook secrets
		t.Fatal(err)
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var logs syncBuffer
	if err := Run(ctx, cfg, Options{Once: true, Logger: slog.New(slog.NewTextHandler(&logs, nil))}); err != nil {
		t.Fatalf("run: %v\n%s", err, logs.String())
	}

	// The file holds every finding of the cycle: the reference.
	b, err := os.ReadFile(filepath.Join(dir, "var", "findings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var findings []scanner.Finding
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var f scanner.Finding
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if f.Host != "web-1" || f.Tenant != "acme" || f.RulesVersion == "" || !strings.HasPrefix(line, `{"schema":1,`) {
			t.Errorf("finding without host, tenant or rules version: %s", line)
		}
		findings = append(findings, f)
	}
	if len(findings) < 10 {
		t.Fatalf("only %d findings in the file output", len(findings))
	}
	lines := rs.WaitFor(`"rules_version"`, len(findings), 10*time.Second)
	alerts := am.WaitForAlerts("tenant", "acme", len(findings), 10*time.Second)
	inSyslog, inAM := map[string]bool{}, map[string]bool{}
	for _, l := range lines {
		var f scanner.Finding
		if i := strings.Index(l, "{"); i >= 0 && json.Unmarshal([]byte(l[i:]), &f) == nil {
			inSyslog[f.ID] = true
		}
	}
	for _, a := range alerts {
		inAM[a.Labels["finding_id"]] = true
	}
	mu.Lock()
	defer mu.Unlock()
	for _, f := range findings {
		if !inSyslog[f.ID] || !inAM[f.ID] || !hooked[f.ID] {
			t.Errorf("finding %s (%s, %s): syslog %v, alertmanager %v, webhook %v", f.ID, f.Rule, f.Subject, inSyslog[f.ID], inAM[f.ID], hooked[f.ID])
		}
	}
	if badSig != 0 {
		t.Errorf("%d webhook requests with a bad signature", badSig)
	}
	if !strings.Contains(logs.String(), "output=dead-hook") {
		t.Errorf("the dead webhook's failures are not logged:\n%s", logs.String())
	}
}
