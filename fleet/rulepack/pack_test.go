package rulepack

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestPackRoundTrip(t *testing.T) {
	dirs := ruleFolders(t)
	p, err := Build(dirs, 42)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"domains.txt", "hashes.txt", "local.toml", "pack.toml", "relays.txt"}
	if got := fileNames(p); !slices.Equal(got, want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	key := testKey(1)
	env, err := Sign(p, key)
	if err != nil {
		t.Fatal(err)
	}
	if p.KeyID != KeyID(pubOf(key)) || len(p.KeyID) != 16 {
		t.Errorf("key id %q", p.KeyID)
	}
	got, err := Open(env, []ed25519.PublicKey{pubOf(testKey(9)), pubOf(key)})
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 42 || got.KeyID != p.KeyID || !got.Created.Equal(p.Created) || got.Digest() != p.Digest() {
		t.Errorf("opened %d %s %v %s, want %d %s %v %s", got.Version, got.KeyID, got.Created, got.Digest(),
			p.Version, p.KeyID, p.Created, p.Digest())
	}
	for i, f := range got.Files {
		disk, _ := os.ReadFile(filepath.Join(dirs[0], f.Name))
		if i == 0 || f.Name == "local.toml" {
			disk, _ = os.ReadFile(filepath.Join(dirs[1], f.Name))
		}
		if !bytes.Equal(f.Data, disk) {
			t.Errorf("%s: %q, on disk %q", f.Name, f.Data, disk)
		}
	}
	// Deterministic: the same pack signs to the same bytes.
	again, _ := Sign(p, key)
	if !bytes.Equal(env, again) {
		t.Error("signing the same pack twice gave different envelopes")
	}
	// The digest covers the files only.
	q, _ := Build(dirs, 43)
	if q.Digest() != p.Digest() {
		t.Error("same files, different digest")
	}
	t.Logf("%d files, %d bytes, envelope %d bytes", len(p.Files), p.Size(), len(env))
}

func TestPackTamperedRefused(t *testing.T) {
	env := validEnvelope(t)
	trusted := []ed25519.PublicKey{pubOf(testKey(1))}
	if _, err := Open(env, trusted); err != nil {
		t.Fatal(err)
	}
	payloadAt := bytes.Index(env, []byte("\n\x1f\x8b")) + 1 // gzip magic after the sig line
	sigAt := bytes.Index(env, []byte("sig ")) + 4
	keyAt := bytes.Index(env, []byte("key ")) + 4
	flip := func(i int, b byte) []byte { e := bytes.Clone(env); e[i] ^= b; return e }
	otherKey := bytes.Clone(env)
	copy(otherKey[keyAt:], KeyID(pubOf(testKey(2))))
	for _, tc := range []struct {
		name string
		env  []byte
		want error
	}{
		{"payload byte", flip(payloadAt+40, 0x01), ErrBadSignature},
		{"payload last byte", flip(len(env)-1, 0x80), ErrBadSignature},
		{"byte appended", append(bytes.Clone(env), 0), ErrBadSignature},
		{"signature byte", flip(sigAt+10, 0x01), ErrBadSignature},
		{"signature's last character", flip(sigAt+sigLen-3, 0x01), ErrMalformed}, // non-zero unused bits
		{"key id: another key", otherKey, ErrUnknownKey},
		{"key id: not hex", flip(keyAt, 'x'^env[keyAt]), ErrMalformed},
		{"magic", flip(3, 0x20), ErrMalformed},
		{"truncated in the payload", env[:len(env)-10], ErrBadSignature},
		{"truncated to the header", env[:payloadAt], ErrBadSignature},
		{"truncated in the signature", env[:sigAt+20], ErrMalformed},
		{"truncated in the key", env[:keyAt+3], ErrMalformed},
		{"empty", nil, ErrMalformed},
		{"too large", append(bytes.Clone(env), make([]byte, MaxSize)...), ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Open(tc.env, trusted)
			if p != nil || !errors.Is(err, tc.want) {
				t.Errorf("Open = %v, %v; want %v", p, err, tc.want)
			}
		})
	}
	// A payload changed and signed again by an untrusted key.
	forged := signedEnvelope(testKey(3), &Pack{Version: 8, Files: []File{{Name: "a.toml", Data: []byte("# nothing")}}})
	if _, err := Open(forged, trusted); !errors.Is(err, ErrUnknownKey) || !strings.Contains(err.Error(), KeyID(pubOf(testKey(3)))) {
		t.Errorf("forged: %v", err)
	}
	// The envelope claims the trusted key, the signature is another key's.
	claimed := bytes.Clone(forged)
	copy(claimed[keyAt:], KeyID(pubOf(testKey(1))))
	if _, err := Open(claimed, trusted); !errors.Is(err, ErrBadSignature) {
		t.Errorf("claimed key: %v", err)
	}
	// No trusted key at all.
	if _, err := Open(env, nil); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("no keys: %v", err)
	}
}

func TestPackNamesRefused(t *testing.T) {
	base := t.TempDir()
	for _, tc := range []struct{ name, list, want string }{
		{"parent", "../hashes.txt", "not beside the rule file"},
		{"subfolder", "lists/hashes.txt", "not beside the rule file"},
		{"absolute", filepath.Join(base, "hashes.txt"), "not beside the rule file"},
		{"hidden", ".hashes.txt", "starts with a dot"},
	} {
		t.Run("build "+tc.name, func(t *testing.T) {
			dir := filepath.Join(base, tc.name)
			writeFiles(t, filepath.Join(dir, "lists"), map[string]string{"hashes.txt": sha("x") + "\n"})
			writeFiles(t, dir, map[string]string{".hashes.txt": sha("x") + "\n", "hashes.txt": sha("x") + "\n",
				"r.toml": strings.Replace(packRule[:strings.Index(packRule, "\n[[rule]]\nid = \"test.pack-relay")], `"hashes.txt"`, fmt.Sprintf("%q", tc.list), 1)})
			writeFiles(t, base, map[string]string{"hashes.txt": sha("x") + "\n"})
			_, err := Build([]string{dir}, 1)
			if !errors.Is(err, ErrBadFileName) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
	t.Run("build duplicate across folders", func(t *testing.T) {
		dirs := ruleFolders(t)
		writeFiles(t, dirs[1], map[string]string{"pack.toml": "# another pack.toml\n"})
		_, err := Build(dirs, 1)
		if !errors.Is(err, ErrBadFileName) || !strings.Contains(err.Error(), `"pack.toml" is both`) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("build rules that do not load", func(t *testing.T) {
		dir := filepath.Join(base, "broken")
		writeFiles(t, dir, map[string]string{"r.toml": "[[rule]]\nid = \n"})
		if _, err := Build([]string{dir}, 1); err == nil || !strings.Contains(err.Error(), "do not load") {
			t.Errorf("err = %v", err)
		}
	})
	key := testKey(1)
	trusted := []ed25519.PublicKey{pubOf(key)}
	for _, names := range [][]string{
		{"../evil.toml"}, {"a/b.toml"}, {`a\b.toml`}, {"/etc/cron.d/x"}, {".."}, {"."}, {".aupscan-pack.json"},
		{""}, {"a\nb"}, {"a.toml", "a.toml"}, {"b.toml", "a.toml"}, {strings.Repeat("x", 256)}, {"\xff.toml"},
	} {
		p := &Pack{Version: 1}
		for _, n := range names {
			p.Files = append(p.Files, File{Name: n, Data: []byte("# x\n")})
		}
		t.Run(fmt.Sprintf("open %q", names), func(t *testing.T) {
			if _, err := Sign(&Pack{Version: 1, Files: slices.Clone(p.Files)}, key); err == nil && slices.IsSortedFunc(p.Files,
				func(a, b File) int { return strings.Compare(a.Name, b.Name) }) {
				t.Error("Sign accepted it") // it sorts, so only unsorted names pass
			}
			_, err := Open(signedEnvelope(key, p), trusted)
			if !errors.Is(err, ErrBadFileName) && !errors.Is(err, ErrMalformed) {
				t.Errorf("Open: %v", err)
			}
		})
	}
}

func TestPackTooLarge(t *testing.T) {
	dir := t.TempDir()
	noise := make([]byte, 3<<19) // incompressible: hex of random bytes compresses to half
	rand.Read(noise)
	var hashes strings.Builder
	for i := 0; i+32 <= len(noise); i += 32 {
		fmt.Fprintf(&hashes, "%x\n", noise[i:i+32])
	}
	writeFiles(t, dir, map[string]string{"pack.toml": packRule, "hashes.txt": hashes.String(), "relays.txt": "192.0.2.1\n"})
	p, err := Build([]string{dir}, 1)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Sign(p, testKey(1))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "a key-value entry takes at most") {
		t.Errorf("err = %v", err)
	}
	t.Log(err)
}
