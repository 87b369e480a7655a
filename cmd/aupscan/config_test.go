package main

import (
	"crypto/md5"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeConfigExample keeps the README's configuration example equal to the rule
// file the tests check, and checks its examples run clean.
func TestReadmeConfigExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok1 := strings.Cut(string(readme), "<!-- config-example:start -->\n```toml\n")
	block, _, ok2 := strings.Cut(rest, "```\n<!-- config-example:end -->")
	if !ok1 || !ok2 {
		t.Fatal("README.md lacks the config-example markers")
	}
	file, err := os.ReadFile("../../testdata/rules/valid/config/proxies.toml")
	if err != nil {
		t.Fatal(err)
	}
	if block != string(file) {
		t.Error("README.md's configuration example differs from testdata/rules/valid/config/proxies.toml")
	}
	// The trojan example's sample is a warning where it is not fetched; never an error.
	if code, out, errOut := aupscan(t, "rules", "check", "../../testdata/rules/valid/config"); code != 0 || !strings.Contains(errOut, "0 errors") {
		t.Errorf("config example: exit %d\n%s%s", code, out, errOut)
	}
}

// TestHostPackagedDefault runs `aupscan host` on a VM root whose torrc opens an
// ORPort: a finding of role server while the file is the tenant's, none once dpkg
// lists it unchanged, which the summary counts.
func TestHostPackagedDefault(t *testing.T) {
	root := t.TempDir()
	torrc := "ORPort 9001\n"
	if err := os.MkdirAll(filepath.Join(root, "etc/tor"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "etc/tor/torrc"), []byte(torrc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := aupscan(t, "--format", "json", "host", "--root", root, "--path", "/etc")
	if code != 1 || !strings.Contains(out, `"rule":"tor.relay-config"`) || !strings.Contains(out, `"role":"server"`) ||
		!strings.Contains(out, `"evidence":"ORPort 9001 on all addresses (line 1)"`) {
		t.Fatalf("the tenant's torrc: exit %d\n%s%s", code, out, errOut)
	}
	status := fmt.Sprintf("Package: tor\nStatus: install ok installed\nVersion: 1\nConffiles:\n /etc/tor/torrc %x\n", md5.Sum([]byte(torrc)))
	if err := os.MkdirAll(filepath.Join(root, "var/lib/dpkg"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "var/lib/dpkg/status"), []byte(status), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = aupscan(t, "--format", "json", "host", "--root", root, "--path", "/etc")
	if strings.Contains(out, `"kind":"config"`) || jsonSummary(t, errOut).ConfigDefaults != 1 ||
		!strings.Contains(out, `"rule":"tor.daemon"`) || !strings.Contains(out, `"role":"installed"`) || code != 1 {
		t.Errorf("the packaged torrc: exit %d\n%s%s", code, out, errOut)
	}
}
