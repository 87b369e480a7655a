package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRulesUpdate runs `aupscan rules update` against a real HTTP server on
// loopback: the good feed installs, the missing one fails with exit 2 and the
// message, and a second run finds the good one unchanged.
func TestRulesUpdate(t *testing.T) {
	exits, _ := os.ReadFile("../../testdata/lists/tor/exit-addresses-2018-11-02")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/exit-addresses" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write(exits)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "aupscand.toml")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`[[feed]]
name = "tor-exits"
url = "%[1]s/exit-addresses"
format = "tor-exit-addresses"
destination = "lists/tor-exits.txt"

[[feed]]
name = "blocklist"
url = "%[1]s/gone.netset"
format = "ip-list"
destination = "lists/blocklist.txt"
`, srv.URL)), 0o644)
	os.Mkdir(filepath.Join(dir, "lists"), 0o755)
	var out, errb bytes.Buffer
	code := run([]string{"--config", cfg, "rules", "update"}, &out, &errb)
	if code != exitError || !strings.Contains(out.String(), "tor-exits: installed") || !strings.Contains(out.String(), "929 entries") ||
		!strings.Contains(out.String(), "blocklist: FAILED") || !strings.Contains(out.String(), "404 Not Found") {
		t.Errorf("exit %d:\n%s%s", code, out.String(), errb.String())
	}
	out.Reset()
	if code := run([]string{"--config", cfg, "rules", "update", "tor-exits"}, &out, &errb); code != exitClean || !strings.Contains(out.String(), "tor-exits: unchanged") {
		t.Errorf("second run: exit %d:\n%s", code, out.String())
	}
	if code := run([]string{"--config", cfg, "rules", "update", "nope"}, &out, &errb); code != exitError {
		t.Errorf("unknown feed: exit %d", code)
	}
}
