package testenv

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Alertmanager is a real Alertmanager (Debian's prometheus-alertmanager) on a
// loopback port, clustering off, routing every alert to a receiver that does
// nothing: a test posts alerts and reads them back through the v2 API.
type Alertmanager struct {
	t   testing.TB
	URL string // http://127.0.0.1:PORT
	cmd *exec.Cmd
}

// AMAlert is an alert as Alertmanager's GET /api/v2/alerts lists it.
type AMAlert struct {
	Labels      map[string]string `json:"labels"`
	Annotations map[string]string `json:"annotations"`
	StartsAt    time.Time         `json:"startsAt"`
	EndsAt      time.Time         `json:"endsAt"`
	Status      struct {
		State string `json:"state"`
	} `json:"status"`
}

// StartAlertmanager starts prometheus-alertmanager and stops it when the test ends;
// it stops the test when the program is not installed (LookPath's rules).
func StartAlertmanager(t testing.TB) *Alertmanager {
	t.Helper()
	bin := LookPath(t, "prometheus-alertmanager")
	dir := t.TempDir()
	conf := filepath.Join(dir, "alertmanager.yml")
	if err := os.WriteFile(conf, []byte("route:\n  receiver: none\n  group_wait: 1h\nreceivers:\n  - name: none\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	port := FreePort(t)
	a := &Alertmanager{t: t, URL: fmt.Sprintf("http://127.0.0.1:%d", port)}
	a.cmd = exec.Command(bin, "--config.file="+conf, "--storage.path="+filepath.Join(dir, "data"),
		fmt.Sprintf("--web.listen-address=127.0.0.1:%d", port), "--cluster.listen-address=", "--log.level=warn")
	a.cmd.Stdout, a.cmd.Stderr = os.Stderr, os.Stderr
	if err := a.cmd.Start(); err != nil {
		t.Fatalf("start alertmanager: %v", err)
	}
	t.Cleanup(func() {
		a.cmd.Process.Kill()
		a.cmd.Wait()
	})
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get(a.URL + "/-/ready"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return a
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("alertmanager did not come up")
		}
	}
}

// Alerts returns the alerts Alertmanager holds now.
func (a *Alertmanager) Alerts() []AMAlert {
	a.t.Helper()
	resp, err := http.Get(a.URL + "/api/v2/alerts")
	if err != nil {
		a.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out []AMAlert
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		a.t.Fatal(err)
	}
	return out
}

// WaitForAlerts waits up to timeout until n alerts whose label key has value are
// listed, and returns them.
func (a *Alertmanager) WaitForAlerts(key, value string, n int, timeout time.Duration) []AMAlert {
	for deadline := time.Now().Add(timeout); ; time.Sleep(100 * time.Millisecond) {
		var got []AMAlert
		for _, al := range a.Alerts() {
			if al.Labels[key] == value {
				got = append(got, al)
			}
		}
		if len(got) >= n || time.Now().After(deadline) {
			return got
		}
	}
}
