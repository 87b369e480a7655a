package signatures

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseKeyPath(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"inbounds[*].protocol", "inbounds [*] protocol"},
		{"a.b.c", "a b c"},
		{"servers[0].port", "servers [0] port"},
		{`"a.b".c`, "a.b c"},
		{"[0].x", "[0] x"},
		{"$.local_port", "$ local_port"},
		{"$.[1]", "$ [1]"},
		{"Interface.ListenPort", "Interface ListenPort"},
		{"mixed-port", "mixed-port"},
		{"a[1][*]", "a [1] [*]"},
	} {
		p, err := ParseKeyPath(tc.in)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if got := describeKeyPath(p); got != tc.want || p.String() != tc.in {
			t.Errorf("%q: %q (%q), want %q", tc.in, got, p.String(), tc.want)
		}
	}
	for _, in := range []string{"", " ", "a.", ".a", "a..b", "a[", "a[x]", "a[-1]", "a]", `"a`, "a.[0]", "a b", "$.", "a$.b[0]x"} {
		if _, err := ParseKeyPath(in); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
	if p, _ := ParseKeyPath("Interface.ListenPort"); p.Lower().Segs[1].Key != "listenport" || p.Lower().Segs[1].Label != "ListenPort" {
		t.Errorf("Lower: %+v", p.Lower())
	}
}

// describeKeyPath writes a parsed path as its steps, for the table above.
func describeKeyPath(p KeyPath) string {
	var parts []string
	if p.Root {
		parts = append(parts, "$")
	}
	for _, s := range p.Segs {
		switch {
		case !s.List:
			parts = append(parts, s.Key)
		case s.Any:
			parts = append(parts, "[*]")
		default:
			parts = append(parts, fmt.Sprintf("[%d]", s.Index))
		}
	}
	return strings.Join(parts, " ")
}

// FuzzParseKeyPath reads the keys operators write in rules.
func FuzzParseKeyPath(f *testing.F) {
	for _, s := range []string{"a[*].b", `"x.y"[0]`, "$.a", "[", "a..b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseKeyPath(s)
		if err == nil && len(p.Segs) == 0 {
			t.Fatalf("%q: a path without steps", s)
		}
	})
}
