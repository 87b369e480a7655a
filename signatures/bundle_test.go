package signatures

import (
	"bytes"
	"os"
	"testing"
)

// TestBuiltinBundleUpToDate fails when builtin/ was edited without `go generate`.
func TestBuiltinBundleUpToDate(t *testing.T) {
	want, err := EncodeBundle("builtin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, builtinBundle) {
		t.Fatal("signatures/builtin.masked is out of date: run go generate ./signatures")
	}
}

// TestBuiltinBundleHidesPatterns checks that no pattern of a built-in rule appears
// verbatim in the embedded blob, so aupscan never finds itself.
func TestBuiltinBundleHidesPatterns(t *testing.T) {
	s, err := Load(Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range s.Rules() {
		if r.File == nil {
			continue
		}
		for _, p := range r.File.Patterns {
			if lit, _ := p.compiled.Bytes(); len(lit) >= 4 {
				n++
				if bytes.Contains(builtinBundle, lit) {
					t.Errorf("rule %s: pattern %q is in the embedded bundle verbatim", r.ID, lit)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no literal patterns checked")
	}
	data, err := os.ReadFile("builtin/malware.toml")
	if err != nil || !bytes.Contains(data, []byte("EICAR-STANDARD-ANTIVIRUS-TEST-FILE")) {
		t.Fatal("the source of the bundle should hold the EICAR string (test premise)")
	}
}
