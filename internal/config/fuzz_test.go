package config

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the daemon's configuration loader, [notify] and
// [fleet] included: a configuration or errors naming the file, never a panic.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/*.toml")
	more, _ := filepath.Glob("../../testdata/*/*.toml")
	for _, p := range append(seeds, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(notifySection))
	f.Add([]byte("[notify]\ndatabase = \"postgres://a:b@127.0.0.1/x\"\n[[output]]\ntype = \"webhook\"\nsecret = \"s\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "aupscand.toml")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		c, err := Load(p)
		if err == nil && c.File != p {
			t.Fatalf("loaded with file %q", c.File)
		}
	})
}
