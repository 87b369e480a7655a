package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFleetKeygenPackVerify(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "rules.key")
	code, out, errs := fleetCLI(t, "fleet", "keygen", "--out", key)
	if code != 0 || !strings.HasPrefix(out, "key ") {
		t.Fatalf("keygen: exit %d\n%s%s", code, out, errs)
	}
	for p, mode := range map[string]os.FileMode{key: 0o600, key + ".pub": 0o644} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != mode {
			t.Errorf("%s: %v, mode %v, want %v", p, err, fi.Mode().Perm(), mode)
		}
	}
	if code, _, errs := fleetCLI(t, "fleet", "keygen", "--out", key); code != exitError || !strings.Contains(errs, "exists") {
		t.Errorf("keygen over an existing key: exit %d, %s", code, errs)
	}

	rules := filepath.Join(dir, "rules")
	os.MkdirAll(rules, 0o755)
	os.WriteFile(filepath.Join(rules, "relays.toml"), []byte(`
[[rule]]
id = "site.relays"
name = "Known relays"
category = "proxy"
severity = "low"
description = "Traffic to a listed relay."
[[rule.traffic]]
address_files = ["relays.txt"]
`), 0o644)
	os.WriteFile(filepath.Join(rules, "relays.txt"), []byte("192.0.2.7\n"), 0o644)
	pack := filepath.Join(dir, "rules.pack")
	code, out, errs = fleetCLI(t, "fleet", "pack", "--key", key, "--pack-version", "17", "-o", pack, rules)
	if code != 0 || !strings.Contains(out, "version 17") || !strings.Contains(out, "2 files") {
		t.Fatalf("pack: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = fleetCLI(t, "fleet", "verify", "--keys", key+".pub", pack)
	if code != 0 || !strings.Contains(out, "version 17\n") || !strings.Contains(out, "relays.toml") || !strings.Contains(out, "relays.txt") {
		t.Fatalf("verify: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = fleetCLI(t, "--format", "json", "fleet", "verify", "--keys", key+".pub", pack)
	var r packReport
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil || r.Version != 17 || len(r.Files) != 2 || r.Files[1].Name != "relays.txt" {
		t.Errorf("verify json: exit %d, %s", code, out)
	}

	// Another key's public key: refused. A changed byte: refused.
	other := filepath.Join(dir, "other.key")
	fleetCLI(t, "fleet", "keygen", "--out", other)
	if code, _, errs := fleetCLI(t, "fleet", "verify", "--keys", other+".pub", pack); code != exitError || !strings.Contains(errs, "untrusted key") {
		t.Errorf("verify with another key: exit %d, %s", code, errs)
	}
	data, _ := os.ReadFile(pack)
	data[len(data)-5] ^= 1
	os.WriteFile(pack, data, 0o644)
	if code, _, errs := fleetCLI(t, "fleet", "verify", "--keys", key+".pub", pack); code != exitError || !strings.Contains(errs, "signature does not verify") {
		t.Errorf("verify a changed pack: exit %d, %s", code, errs)
	}
	// A list outside the folder: refused at build.
	os.WriteFile(filepath.Join(rules, "relays.toml"), []byte(`
[[rule]]
id = "site.relays"
name = "Known relays"
category = "proxy"
severity = "low"
description = "Traffic to a listed relay."
[[rule.traffic]]
address_files = ["../relays.txt"]
`), 0o644)
	os.WriteFile(filepath.Join(dir, "relays.txt"), []byte("192.0.2.7\n"), 0o644)
	if code, _, errs := fleetCLI(t, "fleet", "pack", "--key", key, "-o", pack, rules); code != exitError || !strings.Contains(errs, "not beside the rule file") {
		t.Errorf("pack with a list outside: exit %d, %s", code, errs)
	}
}
