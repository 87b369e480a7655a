package units

import "testing"

func TestParseSize(t *testing.T) {
	valid := []struct {
		in   string
		want Size
	}{
		{"4096", 4096},
		{"0", 0},
		{"512MiB", 512 << 20},
		{"64 MiB", 64 << 20},
		{"1.5KiB", 1536},
		{"20MB", 20_000_000},
		{"5 k", 5000},
		{"1GiB", 1 << 30},
	}
	for _, tt := range valid {
		got, err := ParseSize(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
		var s Size
		if err := s.UnmarshalText([]byte(tt.in)); err != nil || s != got {
			t.Errorf("UnmarshalText(%q) = %d, %v", tt.in, s, err)
		}
	}
	for _, in := range []string{"", "fast", "-5MiB", "1e3", "5 parsecs", "18446744073709551616"} {
		_, err := ParseSize(in)
		want := `bad size "` + in + `": want a number with a unit like 20MiB`
		if err == nil || err.Error() != want {
			t.Errorf("ParseSize(%q): error %v, want %q", in, err, want)
		}
	}
}

func TestSizeText(t *testing.T) {
	for _, tt := range []struct {
		s    Size
		want string
	}{{0, "0"}, {1000, "1000"}, {1536, "1536"}, {64 << 20, "64MiB"}, {1536 << 10, "1536KiB"}, {3 << 30, "3GiB"}} {
		b, err := tt.s.MarshalText()
		if err != nil || string(b) != tt.want || tt.s.String() != tt.want {
			t.Errorf("%d: MarshalText %q, %v; String %q; want %q", int64(tt.s), b, err, tt.s.String(), tt.want)
		}
		back, err := ParseSize(string(b))
		if err != nil || back != tt.s {
			t.Errorf("%q read back as %d, %v", b, back, err)
		}
	}
}
