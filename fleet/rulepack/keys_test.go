package rulepack

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestRulesKeyFiles(t *testing.T) {
	dir := t.TempDir()
	k1, err := GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	k2 := testKey(2)
	priv, _ := EncodeSigningKey(k1)
	pub1, _ := EncodePublicKey(pubOf(k1))
	pub2, _ := EncodePublicKey(pubOf(k2))
	writeFiles(t, dir, map[string]string{"k": string(priv), "k.pub": string(pub1) + "\n" + string(pub2), "bad": "hello",
		"two": string(priv) + string(priv)})
	got, err := LoadSigningKey(filepath.Join(dir, "k"))
	if err != nil || !got.Equal(k1) {
		t.Fatalf("LoadSigningKey = %v", err)
	}
	keys, err := LoadPublicKeys(filepath.Join(dir, "k.pub"))
	if err != nil || len(keys) != 2 || !keys[0].Equal(pubOf(k1)) || !keys[1].Equal(pubOf(k2)) {
		t.Fatalf("LoadPublicKeys = %d keys, %v", len(keys), err)
	}
	if !strings.Contains(string(pub1), KeyID(pubOf(k1))) {
		t.Errorf("public key file does not name its key id:\n%s", pub1)
	}
	for _, tc := range []struct {
		name string
		err  func() error
		want string
	}{
		{"private as public", func() error { _, err := LoadPublicKeys(filepath.Join(dir, "k")); return err }, `"PRIVATE KEY", want "PUBLIC KEY"`},
		{"public as private", func() error { _, err := LoadSigningKey(filepath.Join(dir, "k.pub")); return err }, `want "PRIVATE KEY"`},
		{"no block", func() error { _, err := LoadPublicKeys(filepath.Join(dir, "bad")); return err }, "no \"PUBLIC KEY\" PEM block"},
		{"two private keys", func() error { _, err := LoadSigningKey(filepath.Join(dir, "two")); return err }, "more than one"},
		{"missing", func() error { _, err := LoadPublicKeys(filepath.Join(dir, "none")); return err }, "no such file"},
	} {
		if err := tc.err(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}
