package units

import (
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	const day = 24 * time.Hour
	valid := []struct {
		in   string
		want time.Duration
	}{
		{"30s", 30 * time.Second},
		{"5m", 5 * time.Minute},
		{"720h", 720 * time.Hour},
		{"1h30m", 90 * time.Minute},
		{"1.5h", 90 * time.Minute},
		{"250ms", 250 * time.Millisecond},
		{"0", 0},
		{"0s", 0},
		{"1d", day},
		{"30d", 30 * day},
		{"1d12h", day + 12*time.Hour},
		{"12h1d", day + 12*time.Hour},
		{"1.5d", 36 * time.Hour},
		{"2w", 14 * day},
		{"1w2d3h", 9*day + 3*time.Hour},
		{"0d", 0},
		{"1d0", day},
		{"-5s", -5 * time.Second},
		{"-1d", -day},
		{"+1d", day},
		{" 90s ", 90 * time.Second},
	}
	for _, tt := range valid {
		got, err := ParseDuration(tt.in)
		if err != nil || time.Duration(got) != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tt.in, time.Duration(got), err, tt.want)
		}
		var u Duration
		if err := u.UnmarshalText([]byte(tt.in)); err != nil || u != got {
			t.Errorf("UnmarshalText(%q) = %v, %v", tt.in, u, err)
		}
	}
	for _, in := range []string{"", " ", "-", "10", "5x", "d", "1.5", "1d-5h", "1dd", "d1", "1 d", "1d 2h",
		"9999999999w", "106752d", "1e3s", "..5s"} {
		_, err := ParseDuration(in)
		want := `bad duration "` + in + `": want a number with a unit like 30s, 5m, 12h or 2d`
		if err == nil || err.Error() != want {
			t.Errorf("ParseDuration(%q): error %v, want %q", in, err, want)
		}
	}
}

func TestDurationText(t *testing.T) {
	for _, tt := range []struct {
		d    Duration
		want string
	}{{0, "0s"}, {Duration(36 * time.Hour), "36h0m0s"}, {Duration(-5 * time.Second), "-5s"}} {
		b, err := tt.d.MarshalText()
		if err != nil || string(b) != tt.want || tt.d.String() != tt.want {
			t.Errorf("%d: MarshalText %q, %v; String %q; want %q", int64(tt.d), b, err, tt.d.String(), tt.want)
		}
		back, err := ParseDuration(string(b))
		if err != nil || back != tt.d {
			t.Errorf("%q read back as %v, %v", b, back, err)
		}
	}
}

func TestDurationOr(t *testing.T) {
	if got := Duration(0).Or(time.Minute); got != time.Minute {
		t.Errorf("unset: %v", got)
	}
	if got := Duration(-time.Second).Or(time.Minute); got != time.Minute {
		t.Errorf("negative: %v", got)
	}
	if got := Duration(time.Second).Or(time.Minute); got != time.Second {
		t.Errorf("set: %v", got)
	}
}
