package config

import (
	"github.com/aupscan/aupscan/internal/units"
	"github.com/aupscan/aupscan/scanner/archive"
)

// HostArchives is [host.archives]: how archives met by host scans are opened. Each
// zero value takes the scanner's default.
type HostArchives struct {
	// Open turns opening archives on or off; on when not set. Off, archives and
	// compressed files are scanned as files only.
	Open *bool `toml:"open"`
	// Depth is how many archives deep members are read (default 5).
	Depth int `toml:"depth"`
	// MaxTotal caps the bytes one file may expand to, all members and levels
	// (default "1GiB").
	MaxTotal units.Size `toml:"max_total"`
	// MaxMember caps one member's expanded size (default "512MiB").
	MaxMember units.Size `toml:"max_member"`
	// MaxRatio caps expanded over compressed bytes, for each member and for the
	// whole file, checked past the first MiB (default 100).
	MaxRatio float64 `toml:"max_ratio"`
	// MaxEntries caps the entries of one file, all levels (default 10000).
	MaxEntries int `toml:"max_entries"`
	// MaxMemory caps the memory one file may hold: a zip or 7z found inside a
	// stream, an ELF member for its Go build information (default "64MiB").
	MaxMemory units.Size `toml:"max_memory"`
}

// Limits returns the configured limits; zero fields take the scanner's defaults.
func (a HostArchives) Limits() archive.Limits {
	return archive.Limits{MaxDepth: a.Depth, MaxTotal: int64(a.MaxTotal), MaxMember: int64(a.MaxMember),
		MaxRatio: a.MaxRatio, MaxEntries: a.MaxEntries, MaxBuffer: int64(a.MaxMemory)}
}

// Disabled reports whether archives are scanned as files only.
func (a HostArchives) Disabled() bool { return a.Open != nil && !*a.Open }

func (c *Config) validateArchives(bad badFunc) {
	if err := c.Host.Archives.Limits().Validate(); err != nil {
		bad("host.archives", "%v", err)
	}
}
