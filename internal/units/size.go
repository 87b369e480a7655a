package units

import (
	"fmt"
	"strconv"

	"github.com/dustin/go-humanize"
)

// Size is a byte count written with a unit: "512MiB", "20MB", "4 KiB", or a plain
// number of bytes, "4096". Binary (KiB, MiB, GiB) and decimal (kB, MB, GB) units are
// both read.
type Size int64

// ParseSize reads a Size.
func ParseSize(s string) (Size, error) {
	n, err := humanize.ParseBytes(s)
	if err != nil {
		return 0, fmt.Errorf("bad size %q: want a number with a unit like 20MiB", s)
	}
	return Size(n), nil
}

// UnmarshalText parses a Size.
func (s *Size) UnmarshalText(b []byte) error {
	v, err := ParseSize(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalText writes the Size as String does, which UnmarshalText reads back.
func (s Size) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// binaryUnits are the units String writes, largest first.
var binaryUnits = []struct {
	bytes Size
	name  string
}{{1 << 60, "EiB"}, {1 << 50, "PiB"}, {1 << 40, "TiB"}, {1 << 30, "GiB"}, {1 << 20, "MiB"}, {1 << 10, "KiB"}}

// String returns s exactly, in the largest binary unit that divides it: "64MiB",
// "1536KiB", "1000".
func (s Size) String() string {
	if s > 0 {
		for _, u := range binaryUnits {
			if s%u.bytes == 0 {
				return strconv.FormatInt(int64(s/u.bytes), 10) + u.name
			}
		}
	}
	return strconv.FormatInt(int64(s), 10)
}
