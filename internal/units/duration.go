package units

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Duration is a span of time written as a string: a Go duration ("90s", "15m",
// "36h") whose components may also be days, "d" (24 hours), and weeks, "w" (7
// days), in any combination: "1d12h", "2w", "1.5d". A sign may lead ("-5s"), and
// "0" needs no unit. Spaces around the value are ignored.
//
// A day here is always 24 hours. The notifier's ladder delays (notify.Delay) count
// calendar days in a tenant's time zone instead.
type Duration time.Duration

// Units beyond Go's, in hours.
var extraUnits = map[string]time.Duration{"d": 24, "w": 7 * 24}

// ParseDuration reads a Duration.
func ParseDuration(s string) (Duration, error) {
	d, ok := parseDuration(strings.TrimSpace(s))
	if !ok {
		return 0, fmt.Errorf("bad duration %q: want a number with a unit like 30s, 5m, 12h or 2d", s)
	}
	return d, nil
}

func parseDuration(s string) (Duration, bool) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	if s == "" {
		return 0, false
	}
	var total time.Duration
	for s != "" {
		i := 0
		for i < len(s) && (s[i] == '.' || '0' <= s[i] && s[i] <= '9') {
			i++
		}
		j := i
		for j < len(s) && s[j] != '.' && (s[j] < '0' || s[j] > '9') {
			j++
		}
		num, unit := s[:i], s[i:j]
		s = s[j:]
		var part time.Duration
		switch hours, extra := extraUnits[unit]; {
		case num == "0" && unit == "":
			// "0" alone, or ending a duration ("1d0"), needs no unit.
		case extra:
			h, err := time.ParseDuration(num + "h")
			if err != nil || h > math.MaxInt64/hours {
				return 0, false
			}
			part = h * hours
		default:
			var err error
			if part, err = time.ParseDuration(num + unit); err != nil || num == "" || unit == "" {
				return 0, false
			}
		}
		if total > math.MaxInt64-part {
			return 0, false
		}
		total += part
	}
	if neg {
		total = -total
	}
	return Duration(total), true
}

// UnmarshalText parses a Duration.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText writes the Duration in Go's syntax, which UnmarshalText reads back.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// String returns d in Go's syntax: "1h30m0s".
func (d Duration) String() string { return time.Duration(d).String() }

// Or returns d, or def when d is 0 or negative (not set).
func (d Duration) Or(def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return time.Duration(d)
}
