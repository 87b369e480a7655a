package archive

import "fmt"

// Limits bound what expanding one file may cost. A zero field takes its default.
type Limits struct {
	// MaxDepth is how many archives deep members are read: 1 reads the members of
	// the file itself but opens no archive found inside it.
	MaxDepth int
	// MaxTotal caps the bytes all decoders of one file may produce together, nested
	// levels included.
	MaxTotal int64
	// MaxMember caps the expanded size of one member.
	MaxMember int64
	// MaxRatio caps expanded bytes over compressed bytes, for each decoder (a zip
	// member, a gzip stream) and for the whole file, once past the first MiB.
	MaxRatio float64
	// MaxEntries caps the entries (files, folders, links) of one file, all levels.
	MaxEntries int
	// MaxBuffer caps the memory held for one file: a zip or 7z found inside a
	// stream is read into memory to be opened, and so is an ELF member so that its
	// Go build information can be read.
	MaxBuffer int64
}

// The defaults of Limits.
const (
	DefaultMaxDepth   = 5
	DefaultMaxTotal   = 1 << 30
	DefaultMaxMember  = 512 << 20
	DefaultMaxRatio   = 100
	DefaultMaxEntries = 10000
	DefaultMaxBuffer  = 64 << 20
)

// ratioGrace is how many bytes a decoder may produce before its ratio is checked:
// a small file of zeros compresses far beyond any sane ratio and harms no one.
const ratioGrace = 1 << 20

// WithDefaults returns l with every zero field set to its default.
func (l Limits) WithDefaults() Limits {
	if l.MaxDepth == 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxTotal == 0 {
		l.MaxTotal = DefaultMaxTotal
	}
	if l.MaxMember == 0 {
		l.MaxMember = DefaultMaxMember
	}
	if l.MaxRatio == 0 {
		l.MaxRatio = DefaultMaxRatio
	}
	if l.MaxEntries == 0 {
		l.MaxEntries = DefaultMaxEntries
	}
	if l.MaxBuffer == 0 {
		l.MaxBuffer = DefaultMaxBuffer
	}
	return l
}

// Validate reports a limit that is negative.
func (l Limits) Validate() error {
	switch {
	case l.MaxDepth < 0:
		return fmt.Errorf("archive depth %d is negative", l.MaxDepth)
	case l.MaxTotal < 0, l.MaxMember < 0, l.MaxBuffer < 0:
		return fmt.Errorf("archive size limits must not be negative")
	case l.MaxRatio < 0:
		return fmt.Errorf("archive ratio %g is negative", l.MaxRatio)
	case l.MaxRatio > 0 && l.MaxRatio < 1:
		return fmt.Errorf("archive ratio %g is below 1: no compressed member could be read", l.MaxRatio)
	case l.MaxEntries < 0:
		return fmt.Errorf("archive entry count %d is negative", l.MaxEntries)
	}
	return nil
}

// Skip reasons of members that were not read, or not to their end. They are fixed
// strings, so a scan summary can count them; the path says where.
const (
	SkipDepth     = "archive: nested too deep"
	SkipTotal     = "archive: expanded size over limit"
	SkipRatio     = "archive: compression ratio over limit"
	SkipEntries   = "archive: too many entries"
	SkipMember    = "archive: member too large"
	SkipMemory    = "archive: needs too much memory to open"
	SkipRest      = "archive: rest not read after a limit"
	SkipEncrypted = "archive: encrypted"
	SkipMethod    = "archive: unsupported compression method"
	SkipCorrupt   = "archive: corrupt"
)

// LimitError is a read stopped by a limit. Whole is set when the limit is the
// file's (total bytes, entries, whole ratio): nothing more of the file is read.
type LimitError struct {
	Reason string
	Whole  bool
}

func (e *LimitError) Error() string { return e.Reason }
