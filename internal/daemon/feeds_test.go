package daemon

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/aupscan/aupscan/internal/config"
)

// TestFeedsInstallAndReload: a daemon whose rule names a list only a feed brings
// starts (the feed is fetched before the rules load); a new copy of the feed is
// installed and the rules reload with it; a broken copy is refused, the last good
// list stays, and the metrics say so. The feed is a real HTTP server on loopback
// serving real consensus documents.
func TestFeedsInstallAndReload(t *testing.T) {
	var mu sync.Mutex
	body, _ := os.ReadFile("../../testdata/lists/tor/metrics_consensus")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Write(body)
	}))
	defer srv.Close()
	serve := func(path string) {
		mu.Lock()
		defer mu.Unlock()
		if path == "" {
			body = []byte("network-status-version 3\nr truncated\n")
			return
		}
		body, _ = os.ReadFile(path)
	}
	dir := t.TempDir()
	rules := filepath.Join(dir, "rules")
	os.Mkdir(rules, 0o755)
	os.WriteFile(filepath.Join(rules, "tor.toml"), []byte(`[[rule]]
id = "op.tor.relays"
name = "Tor relay"
category = "tor"
severity = "high"
description = "A connection to a relay of the consensus."
[[rule.traffic]]
transport = "tcp"
address_files = ["tor-relays.txt"]
`), 0o644)
	cfgPath := filepath.Join(dir, "aupscand.toml")
	os.WriteFile(cfgPath, []byte(fmt.Sprintf(`[rules]
dirs = ["rules"]
[[feed]]
name = "tor"
url = %q
format = "tor-consensus"
destination = "rules/tor-relays.txt"
[notify]
database = "var/aupscan.db"
[notify.mail]
from = "aup@cloud.example"
folder = "var/mail"
`, srv.URL)), 0o644)
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	d, err := newDaemon(context.Background(), cfg, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatalf("the daemon did not start: %v\n%s", err, logs.String())
	}
	defer d.close()
	relay := func(ip string) bool {
		return d.rules.current().Set.Rule("op.tor.relays").Traffic[0].Addrs().Contains(netip.MustParseAddr(ip))
	}
	if !relay("178.218.213.229") {
		t.Fatal("the first copy of the feed is not in the rules")
	}
	d.startFeeds(context.Background(), cfg) // runs nothing now: the copy is fresh
	defer d.stopFeeds()
	fr := d.feeds.Load()

	serve("../../testdata/lists/tor/cached-microdesc-consensus")
	fr.updateAll(context.Background())
	if !relay("95.215.44.189") || relay("178.218.213.229") {
		t.Errorf("the new copy is not running: %s", logs.String())
	}
	serve("")
	fr.updateAll(context.Background())
	if !relay("95.215.44.189") {
		t.Error("a broken feed changed the running list")
	}
	if !strings.Contains(logs.String(), "feed not updated: the last good copy stays") || !strings.Contains(logs.String(), "consensus r line has 2 fields") {
		t.Errorf("the broken copy is not reported:\n%s", logs.String())
	}
	n, err := testutil.GatherAndCount(d.m.reg, "aupscand_feed_failures_total", "aupscand_feed_age_seconds")
	if err != nil || n != 2 {
		t.Errorf("feed metrics: %d, %v", n, err)
	}
	want := `# HELP aupscand_feed_failures_total Fetches of the feed that failed (the last good copy stayed), since the daemon started.
# TYPE aupscand_feed_failures_total counter
aupscand_feed_failures_total{feed="tor"} 1
# HELP aupscand_feed_installs_total New copies of the feed installed, since the daemon started.
# TYPE aupscand_feed_installs_total counter
aupscand_feed_installs_total{feed="tor"} 1
`
	if err := testutil.CollectAndCompare(feedCollector{d}, strings.NewReader(want), "aupscand_feed_failures_total", "aupscand_feed_installs_total"); err != nil {
		t.Error(err)
	}
}
