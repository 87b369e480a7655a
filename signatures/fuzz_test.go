package signatures

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the loader as an operator's rule file: it must
// return a set or problems, never panic, whatever the file holds.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/rules/*/*/*.toml")
	builtin, _ := filepath.Glob("builtin/*.toml")
	for _, p := range append(seeds, builtin...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("[[rule]]\nid = \"a\"\n[[rule.traffic]]\nports = [0, 70000]\n"))
	f.Add(slowLoadInput(2000)) // once seconds an execution: a line search per unknown key
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := loadSources([]source{{name: "fuzz.toml", dir: t.TempDir(), data: data}}, nil)
		if err == nil {
			_ = s.Check()
			for _, r := range s.Rules() {
				_ = Conditions(r)
			}
		} else if _, ok := err.(Problems); !ok {
			t.Fatalf("error of type %T: %v", err, err)
		}
	})
}

// FuzzMatcher checks the matcher against brute force on arbitrary patterns and input.
func FuzzMatcher(f *testing.F) {
	f.Add([]byte("abcd"), []byte("xyz"), []byte("xxabcdxyzabcd"), false)
	f.Add([]byte("\x00\x00\x00\x00"), []byte("A"), []byte("\x00\x00\x00\x00\x00a"), true)
	f.Fuzz(func(t *testing.T, p1, p2, in []byte, nocase bool) {
		var pats []compiledPattern
		for _, p := range [][]byte{p1, p2} {
			if len(p) == 0 || len(p) > 64 {
				continue
			}
			cp := compiledPattern{lit: slices.Clone(p), nocase: nocase}
			if nocase {
				cp.lit = foldBytes(cp.lit)
			}
			pats = append(pats, cp)
		}
		if len(pats) == 0 {
			return
		}
		m := buildMatcher(t, pats)
		if got, want := matcherHits(m, in, 0), naiveHits(pats, in, 0); !slices.Equal(got, want) {
			t.Fatalf("got %v, want %v", got, want)
		}
	})
}

// FuzzParseHex checks that any text either parses as a hex pattern that round-trips
// through its display form, or is refused with an error.
func FuzzParseHex(f *testing.F) {
	for _, s := range []string{"de ad ?? ef", "0x41424344", "4? ?1 41", "zz", "?? 41", "414"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lit, mask, err := parseHex(s)
		if err != nil {
			return
		}
		if len(lit) == 0 || (mask != nil && len(mask) != len(lit)) {
			t.Fatalf("parseHex(%q) = %x, %x", s, lit, mask)
		}
		p := compiledPattern{lit: lit, mask: mask}
		data := bytes.Clone(lit)
		if !p.matchAt(data, 0) {
			t.Fatalf("pattern %q does not match its own bytes", s)
		}
	})
}
