package file

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/aupscan/aupscan/signatures"
)

// FuzzCheck feeds arbitrary bytes as an operator's rule file and, when it loads, runs
// its examples through the file engine (the part of signatures' FuzzLoad that needs
// an engine): it must not panic, whatever the rules and examples say.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/rules/*/*/*.toml")
	builtin, _ := filepath.Glob("../../signatures/builtin/*.toml")
	for _, p := range append(seeds, builtin...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "fuzz.toml"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		if s, err := signatures.Load(signatures.Options{Dirs: []string{dir}, NoBuiltin: true}); err == nil {
			_ = s.Check(Compile(s))
		}
	})
}

// FuzzFileScan scans arbitrary content with the built-in rules, in chunks as files are
// read: it must not panic and must give the same result as a whole read.
func FuzzFileScan(f *testing.F) {
	s, err := signatures.Load(signatures.Options{})
	if err != nil {
		f.Fatal(err)
	}
	fm := Compile(s)
	f.Add([]byte("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"), "/x")
	f.Add([]byte("[Interface]\nListenPort = 1\nPrivateKey = x\n"), "/etc/wireguard/wg0.conf")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		a, err := fm.NewScanner().Scan(bytes.NewReader(data), path)
		if err != nil {
			t.Fatal(err)
		}
		b, err := fm.newScanner(7).Scan(bytes.NewReader(data), path)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Matches) != len(b.Matches) || a.Digests.SHA256 != b.Digests.SHA256 {
			t.Fatalf("whole read %d matches, 7-byte chunks %d", len(a.Matches), len(b.Matches))
		}
	})
}
