package notify

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/aupscan/aupscan/internal/units"
)

// A Delay is a span of time written in configuration as calendar days and clock time,
// for example "2d", "36h", "1d12h" or "0s". Days are calendar days in the tenant's time
// zone: a deadline two days after 10:00 is 10:00 two days later even across a
// daylight-saving change, which is the date a person reads in the notice.
type Delay struct {
	Days  int
	Clock time.Duration
}

// UnmarshalText parses a Delay from its configuration form.
func (d *Delay) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "" {
		return fmt.Errorf("empty delay")
	}
	var out Delay
	if i := strings.IndexByte(s, 'd'); i >= 0 {
		n, err := strconv.Atoi(s[:i])
		if err != nil || n < 0 {
			return fmt.Errorf("delay %q: days must be a whole number >= 0", s)
		}
		out.Days, s = n, s[i+1:]
	}
	if s != "" {
		c, err := time.ParseDuration(s)
		if err != nil {
			return fmt.Errorf("delay %q: %w", string(b), err)
		}
		if c < 0 {
			return fmt.Errorf("delay %q: negative", string(b))
		}
		out.Clock = c
	}
	*d = out
	return nil
}

// MarshalText writes the Delay in the form UnmarshalText reads.
func (d Delay) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// String returns the configuration form of d.
func (d Delay) String() string {
	switch {
	case d.Days == 0:
		return d.Clock.String()
	case d.Clock == 0:
		return fmt.Sprintf("%dd", d.Days)
	}
	return fmt.Sprintf("%dd%s", d.Days, d.Clock)
}

// IsZero reports whether d is no delay at all.
func (d Delay) IsZero() bool { return d.Days == 0 && d.Clock == 0 }

// Approx is d as a plain duration with 24-hour days, for ordering and validation only.
func (d Delay) Approx() time.Duration { return time.Duration(d.Days)*24*time.Hour + d.Clock }

// After returns t moved forward by d, counting days on the calendar of loc.
func (d Delay) After(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).AddDate(0, 0, d.Days).Add(d.Clock)
}

// Sub returns the part of d that comes after e, component by component, so that
// e.After then Sub.After lands where d.After would on the same calendar.
func (d Delay) Sub(e Delay) Delay { return Delay{Days: d.Days - e.Days, Clock: d.Clock - e.Clock} }

// Duration is a plain time span in configuration ("90s", "15m", "720h", "30d", "2w"):
// the configuration file's one duration type, units.Duration, whose days are always
// 24 hours. Unlike a Delay it knows no calendar.
type Duration = units.Duration
