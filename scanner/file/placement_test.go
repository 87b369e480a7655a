package file

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/aupscan/aupscan/signatures"
)

// TestPlacedAndRequiredPatterns: a magic number at offset 0 that must be there, and
// one of two strings within the first 64 bytes, as imported YARA and ClamAV rules
// say.
func TestPlacedAndRequiredPatterns(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "r.toml"), []byte(`[[rule]]
id = "test.placed"
name = "placed"
category = "malware"
severity = "low"
description = "A magic number and a string near the start."
[rule.file]
patterns = [
  { id = "magic", hex = "7f 45 4c 46", offset = 0, depth = 4, required = true },
  { id = "a", text = "stratum+tcp", depth = 64 },
  { id = "b", text = "donate-level", depth = 64 },
]
condition = "1 of"
`), 0o644)
	s, err := signatures.Load(signatures.Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	sc := Compile(s).NewScanner()
	elf := []byte("\x7fELF\x02\x01\x01\x00")
	pad := bytes.Repeat([]byte{0}, 100)
	for _, tc := range []struct {
		name    string
		content []byte
		match   bool
	}{
		{"magic and a string", append(append(append([]byte{}, elf...), "stratum+tcp://x"...), pad...), true},
		{"magic, the string too far", append(append(append([]byte{}, elf...), pad...), "stratum+tcp://x"...), false},
		{"the string, the magic not at 0", append(append([]byte("xx"), elf...), "donate-level"...), false},
		{"magic alone", append(append([]byte{}, elf...), pad...), false},
		{"magic and the other string", append(append([]byte{}, elf...), "donate-level"...), true},
	} {
		res, err := sc.Scan(bytes.NewReader(tc.content), "/f")
		if err != nil {
			t.Fatal(err)
		}
		if got := len(res.Matches) == 1; got != tc.match {
			t.Errorf("%s: matched %v, want %v (%+v)", tc.name, got, tc.match, res.Matches)
		}
	}
	bad := []string{
		`{ id = "r", regex = "x+", offset = 3 }`,
		`{ id = "d", text = "abcdef", depth = 3 }`,
		`{ id = "n", text = "abcdef", offset = -1 }`,
	}
	for _, p := range bad {
		os.WriteFile(filepath.Join(dir, "r.toml"), []byte(`[[rule]]
id = "test.bad"
name = "bad"
category = "malware"
severity = "low"
description = "x"
[rule.file]
patterns = [`+p+`]
`), 0o644)
		if _, err := signatures.Load(signatures.Options{Dirs: []string{dir}, NoBuiltin: true}); err == nil {
			t.Errorf("%s loaded", p)
		}
	}
}
