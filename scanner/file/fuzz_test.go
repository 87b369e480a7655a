package file

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
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

// FuzzGoBuildInfo scans arbitrary bytes made to look like an ELF file (its magic
// number first) with the built-in rules, whose Go module conditions read the file's
// ELF sections and Go build information through debug/elf and debug/buildinfo: a
// tenant's file must not panic the scan, and the result must not depend on the chunk
// size.
func FuzzGoBuildInfo(f *testing.F) {
	s, err := signatures.Load(signatures.Options{})
	if err != nil {
		f.Fatal(err)
	}
	fm := Compile(s)
	if !fm.needGo {
		f.Fatal("no built-in rule reads Go build information: the target tests nothing")
	}
	elfHeader := []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00\x01\x00\x00\x00")
	f.Add(elfHeader)
	f.Add(append(append([]byte{}, elfHeader...), "\xff Go buildinf:\x08\x02"+strings.Repeat("\x00", 16)+"\x10go1.22\x20path example.net/x\nmod\tgithub.com/shadowsocks/go-shadowsocks2\tv0.1.5\n"...))
	if exe, err := os.Open("/proc/self/exe"); err == nil { // a real Go ELF's first 4 KiB
		head := make([]byte, 4096)
		n, _ := exe.Read(head)
		exe.Close()
		f.Add(head[:n])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("\x7fELF")) {
			data = append([]byte("\x7fELF"), data...)
		}
		a, err := fm.NewScanner().Scan(bytes.NewReader(data), "/usr/bin/x")
		if err != nil {
			t.Fatal(err)
		}
		b, err := fm.newScanner(7).Scan(bytes.NewReader(data), "/usr/bin/x")
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Matches) != len(b.Matches) {
			t.Fatalf("whole read %d matches, 7-byte chunks %d", len(a.Matches), len(b.Matches))
		}
	})
}
