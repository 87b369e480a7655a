package rulepack

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testKey is a fixed key, so fuzzing starts from the same envelope every run.
func testKey(seed byte) ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
}

func pubOf(k ed25519.PrivateKey) ed25519.PublicKey { return k.Public().(ed25519.PublicKey) }

// packRule is a rule file whose rule reads two list files beside it.
const packRule = `
[[rule]]
id = "test.pack-hash"
name = "Pack test: hash list"
category = "malware"
severity = "low"
description = "A file whose hash is in the list."
[rule.file]
hash_files = ["hashes.txt"]

[[rule]]
id = "test.pack-relay"
name = "Pack test: relay addresses"
category = "proxy"
severity = "low"
description = "Traffic to a listed relay."
[[rule.traffic]]
address_files = ["relays.txt"]
`

// writeFiles writes name -> content into dir (made first).
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for n, c := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func sha(s string) string { h := sha256.Sum256([]byte(s)); return fmt.Sprintf("%x", h) }

// ruleFolders makes two rule folders: the rules with their lists, and a second
// folder with a [[disable]] and a rule of its own.
func ruleFolders(t testing.TB) []string {
	t.Helper()
	base := t.TempDir()
	a, b := filepath.Join(base, "a"), filepath.Join(base, "b")
	writeFiles(t, a, map[string]string{
		"pack.toml":  packRule,
		"hashes.txt": sha("evil") + "  evil.bin\n",
		"relays.txt": "# relays\n192.0.2.7\n198.51.100.0/24\n",
		"README":     "not a rule file, not named by one: not packed\n",
		".pack.swp":  "editor junk",
	})
	writeFiles(t, b, map[string]string{
		"local.toml": `
[[disable]]
id = "proxy.squid"
reason = "allowed here"

[[rule]]
id = "test.pack-name"
name = "Pack test: names"
category = "proxy"
severity = "low"
description = "Traffic to a listed domain."
[[rule.traffic]]
server_name = { suffix_files = ["domains.txt"] }
`,
		"domains.txt": "relay.example\n",
	})
	return []string{a, b}
}

func fileNames(p *Pack) []string {
	var out []string
	for _, f := range p.Files {
		out = append(out, f.Name)
	}
	return out
}

// signedEnvelope signs a pack whatever its names (bypassing Sign's checks), as a
// buggy or malicious signer would.
func signedEnvelope(key ed25519.PrivateKey, p *Pack) []byte {
	p.KeyID = KeyID(pubOf(key))
	if p.Created.IsZero() {
		p.Created = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	}
	payload, err := compress(encodeBody(p))
	if err != nil {
		panic(err)
	}
	return sealEnvelope(p.KeyID, ed25519.Sign(key, payload), payload)
}

func validEnvelope(tb testing.TB) []byte {
	tb.Helper()
	env, err := Sign(&Pack{Version: 7, Created: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), Files: []File{
		{Name: "a.toml", Data: []byte(packRule)},
		{Name: "hashes.txt", Data: []byte(sha("evil") + "\n")},
		{Name: "relays.txt", Data: []byte("192.0.2.7\n")},
	}}, testKey(1))
	if err != nil {
		tb.Fatal(err)
	}
	return env
}
