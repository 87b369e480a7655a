package daemon

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/fleet"
	"github.com/aupscan/aupscan/fleet/rulepack"
	"github.com/aupscan/aupscan/internal/config"
)

// TestFleetExample runs README.md's "fleet in five commands" on testdata/fleet: the
// authority, the rule key and the agent's credentials made as the aupscan fleet
// commands make them, a manager with the embedded server, and an agent that takes
// the manager's signed rule pack and finds, with a rule only the pack carries, a
// planted file; the manager writes the notice.
func TestFleetExample(t *testing.T) {
	dir := t.TempDir()
	port := fleetFreePort(t)
	copyTree(t, "../../testdata/rules/valid/operator", filepath.Join(dir, "rules/valid/operator"))
	for _, name := range []string{"manager.toml", "agent.toml"} {
		b, err := os.ReadFile(filepath.Join("../../testdata/fleet", name))
		if err != nil {
			t.Fatal(err)
		}
		b = []byte(strings.ReplaceAll(string(b), "127.0.0.1:4222", fmt.Sprintf("127.0.0.1:%d", port)))
		writeFile(t, filepath.Join(dir, "fleet"), name, b, 0o644)
	}
	v := filepath.Join(dir, "fleet", "var")
	// aupscan fleet init / keygen / enroll, through the functions they call.
	auth, err := fleet.InitAuthority(filepath.Join(v, "authority"))
	if err != nil {
		t.Fatal(err)
	}
	key, err := rulepack.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	priv, _ := rulepack.EncodeSigningKey(key)
	pub, _ := rulepack.EncodePublicKey(key.Public().(ed25519.PublicKey))
	writeFile(t, v, "rules.key", priv, 0o600)
	writeFile(t, v, "rules.key.pub", pub, 0o644)
	creds, err := auth.IssueAgent("demo-vm-1", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, v, "demo-vm-1.creds", creds, 0o600)

	mcfg, err := config.Load(filepath.Join(dir, "fleet", "manager.toml"))
	if err != nil {
		t.Fatal(err)
	}
	acfg, err := config.Load(filepath.Join(dir, "fleet", "agent.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// The VM's root: a small folder instead of "/", with a file only the operator's
	// rule (in the pack, not in the agent's own rules) recognises.
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "srv"), "tool.bin", []byte("banned-tool v1.0 build 2.3\n"), 0o644)
	acfg.Host.Roots = []config.HostRoot{{Path: root, Host: "demo-vm-1"}}

	var alog syncBuffer
	mlog, _ := runManagerInProcess(t, mcfg)
	mcreds, _ := auth.IssueManager("test", time.Hour)
	fleetWaitStreamCreds(t, fmt.Sprintf("nats://127.0.0.1:%d", port), writeFile(t, dir, "m.creds", mcreds, 0o600))

	if err := Run(context.Background(), acfg, Options{Logger: slog.New(slog.NewTextHandler(&alog, nil)), Once: true}); err != nil {
		t.Fatalf("agent: %v:\n%s\nmanager:\n%s", err, alog.String(), mlog.String())
	}
	if _, err := os.Stat(filepath.Join(v, "rule-pack", "vendors.toml")); err != nil {
		t.Errorf("the rule pack is not installed: %v\nagent:\n%s", err, alog.String())
	}
	untilOK(t, 20*time.Second, "the notice in the manager's mail folder", func() error {
		m, _ := filepath.Glob(filepath.Join(v, "mail", "*.eml"))
		for _, f := range m {
			if b, _ := os.ReadFile(f); strings.Contains(string(b), "demo-vm-1") {
				return nil
			}
		}
		return fmt.Errorf("%d messages, none naming demo-vm-1\nagent:\n%s\nmanager:\n%s", len(m), alog.String(), mlog.String())
	})
}

// copyTree copies the regular files of a folder (one level) into a new one.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	ents, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Type().IsRegular() {
			b, err := os.ReadFile(filepath.Join(from, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, to, e.Name(), b, 0o644)
		}
	}
}
