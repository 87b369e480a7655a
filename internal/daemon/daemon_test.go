package daemon

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/config"
)

const reloadRule = `[[rule]]
id = "test.marker"
name = "Test marker"
category = "proxy"
severity = "low"
description = "A test rule."

[rule.file]
patterns = [{ id = "m", text = "%s" }]
`

// TestReload runs the daemon, changes its rules and configuration while it runs, and
// checks through the metrics endpoint that good changes are taken up, broken ones
// refused with the running ones kept, and both counted.
func TestReload(t *testing.T) {
	dir := t.TempDir()
	rules := filepath.Join(dir, "rules")
	os.Mkdir(rules, 0o755)
	write := func(p, s string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(rules, "a.toml"), strings.Replace(reloadRule, "%s", "marker-one", 1))
	cfgText := `[rules]
dirs = ["rules"]
[log]
level = "debug"
[metrics]
listen = "127.0.0.1:0"
[daemon]
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
`
	cfgPath := filepath.Join(dir, "aupscand.toml")
	write(cfgPath, cfgText)
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	ctx, cancel := context.WithCancel(context.Background())
	d, err := newDaemon(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	d.rules.cur.Debounce = time.Hour // only SIGHUP reloads here, so the counts are exact
	hup := make(chan os.Signal)
	done := make(chan error, 1)
	go func() { done <- d.serve(ctx, cfgPath, hup) }()
	defer func() {
		if t.Failed() {
			t.Log(logs.String())
		}
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
		d.close()
	}()

	var base string
	deadline := time.Now().Add(10 * time.Second)
	for base == "" || get(t, base+"/readyz") != "ready\n" {
		if time.Now().After(deadline) {
			t.Fatalf("not ready:\n%s", logs.String())
		}
		time.Sleep(20 * time.Millisecond)
		if d.srv != nil {
			base = "http://" + d.srv.ln.Addr().String()
		}
	}
	if get(t, base+"/healthz") != "ok\n" {
		t.Error("healthz")
	}
	metric := func(name string) string {
		t.Helper()
		m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + ` (\S+)$`).FindStringSubmatch(get(t, base+"/metrics"))
		if m == nil {
			return ""
		}
		return m[1]
	}
	version := func() string {
		m := regexp.MustCompile(`aupscand_rules_info\{rules="\d+",version="([0-9a-f]+)"\} 1`).FindStringSubmatch(get(t, base+"/metrics"))
		if m == nil {
			t.Fatalf("no rules_info:\n%s", get(t, base+"/metrics"))
		}
		return m[1]
	}
	v0 := version()

	// A good rule change: taken up, counted, a new version.
	write(filepath.Join(rules, "a.toml"), strings.Replace(reloadRule, "%s", "marker-two", 1))
	hup <- os.Interrupt
	eventually(t, func() bool { return version() != v0 })
	v1 := version()
	if metric(`aupscand_rule_reloads_total{result="ok"}`) != "1" {
		t.Errorf("good rules: version %s -> %s, ok=%s", v0, v1, metric(`aupscand_rule_reloads_total{result="ok"}`))
	}
	// A broken rule: refused, the running version kept.
	write(filepath.Join(rules, "b.toml"), "[[rule]]\nid = \"Not An Id\"\n")
	hup <- os.Interrupt
	eventually(t, func() bool { return metric(`aupscand_rule_reloads_total{result="failed"}`) == "1" })
	if v := version(); v != v1 {
		t.Errorf("broken rules: version %s (want %s), failed=%s", v, v1, metric(`aupscand_rule_reloads_total{result="failed"}`))
	}
	os.Remove(filepath.Join(rules, "b.toml"))

	// A broken configuration: refused, the running one kept.
	write(cfgPath, cfgText+"[limits]\nscan_duty = 3\n")
	hup <- os.Interrupt
	eventually(t, func() bool { return metric(`aupscand_config_reloads_total{result="failed"}`) == "1" })
	if metric(`aupscand_config_reloads_total{result="failed"}`) != "1" || d.config().Limits.ScanDuty != 0 {
		t.Errorf("broken config taken: failed=%s", metric(`aupscand_config_reloads_total{result="failed"}`))
	}
	if !strings.Contains(logs.String(), `limits.scan_duty`) {
		t.Errorf("the refusal does not name the key:\n%s", logs.String())
	}
	// A good configuration change: taken. Each SIGHUP so far reloaded the (then good)
	// configuration too, all but the broken one.
	write(cfgPath, cfgText+"[limits]\nscan_duty = 0.5\n")
	hup <- os.Interrupt
	eventually(t, func() bool { return metric(`aupscand_config_reloads_total{result="ok"}`) == "3" })
	if d.config().Limits.ScanDuty != 0.5 {
		t.Errorf("good config not taken: ok=%s", metric(`aupscand_config_reloads_total{result="ok"}`))
	}
	if metric(`aupscand_cases{state="open"}`) != "0" {
		t.Errorf("cases gauge: %q", metric(`aupscand_cases{state="open"}`))
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// eventually waits up to 10 s for cond: a reload runs in the daemon's loop after the
// signal is taken.
func eventually(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached in 10s")
		}
	}
}

// syncBuffer is a log sink the daemon's goroutines and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
