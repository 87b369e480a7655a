package mail

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzClean gives the notices' cleaning arbitrary tenant strings (paths, host names,
// evidence): what comes out is valid UTF-8 within its length, with no control
// character, line or paragraph separator or bidirectional control left to break a
// header or reorder what the tenant reads; cleanBlock keeps only line feeds.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"/etc/openvpn/server.conf", "a\r\nBcc: x@y", "txt.\u202eexe", "\xff\xfe", "\u2028\u0085\u061c\u2067x", strings.Repeat("é", 300)} {
		f.Add(s, 60)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max = 1 + int(uint(max)%500)
		for name, out := range map[string]string{"clean": clean(s, max), "cleanBlock": cleanBlock(s, max)} {
			if !utf8.ValidString(out) {
				t.Fatalf("%s(%q) = %q: invalid UTF-8", name, s, out)
			}
			for _, r := range out {
				if (r < 0x20 && !(name == "cleanBlock" && r == '\n')) || r == 0x7f || unsafeRune(r) {
					t.Fatalf("%s(%q) = %q keeps %U", name, s, out, r)
				}
			}
		}
		if n := utf8.RuneCountInString(clean(s, max)); n > max+1 { // the ellipsis
			t.Fatalf("clean(%q, %d) has %d runes", s, max, n)
		}
	})
}
