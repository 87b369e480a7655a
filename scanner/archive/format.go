package archive

import (
	"bytes"
	"strconv"
)

// Format is what Detect recognised.
type Format int

// The formats Detect recognises. Script is a shell script that carries a
// compressed payload after its text (gzexe, makeself).
const (
	None Format = iota
	Zip
	Tar
	SevenZip
	Gzip
	Bzip2
	XZ
	Zstd
	Script
)

var formatNames = [...]string{"none", "zip", "tar", "7z", "gzip", "bzip2", "xz", "zstd", "script"}

func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "format(" + strconv.Itoa(int(f)) + ")"
}

// compressed reports whether f is a single compressed stream.
func (f Format) compressed() bool { return f == Gzip || f == Bzip2 || f == XZ || f == Zstd }

// randomAccess reports whether f needs random access to be opened (its directory
// is at the end).
func (f Format) randomAccess() bool { return f == Zip || f == SevenZip }

// HeadSize is how many leading bytes Detect needs to recognise every format but a
// wrapping script; ScriptHeadSize is what it needs for those.
const (
	HeadSize       = 512
	ScriptHeadSize = 64 << 10
)

var (
	magicZip      = []byte("PK\x03\x04")
	magicZipEmpty = []byte("PK\x05\x06")
	magic7z       = []byte{'7', 'z', 0xbc, 0xaf, 0x27, 0x1c}
	magicGzip     = []byte{0x1f, 0x8b, 0x08}
	magicXZ       = []byte{0xfd, '7', 'z', 'X', 'Z', 0x00}
	magicZstd     = []byte{0x28, 0xb5, 0x2f, 0xfd}
	bzip2Block    = []byte{0x31, 0x41, 0x59, 0x26, 0x53, 0x59} // the first block's magic (pi)
	bzip2End      = []byte{0x17, 0x72, 0x45, 0x38, 0x50, 0x90} // an empty stream's end (sqrt pi)
)

// Detect names the format of a file or member from its first bytes: HeadSize bytes
// for archives and compressed streams, ScriptHeadSize for a script with a payload
// (fewer bytes give None for those). It only looks: a file it names may still turn
// out corrupt when opened.
func Detect(head []byte) Format {
	if f := detectStream(head); f != None {
		return f
	}
	if bytes.HasPrefix(head, []byte("#!")) {
		if _, ok := payloadOffset(head); ok {
			return Script
		}
	}
	return None
}

// detectStream recognises every format but a script.
func detectStream(head []byte) Format {
	switch {
	case bytes.HasPrefix(head, magicZip), bytes.HasPrefix(head, magicZipEmpty):
		return Zip
	case bytes.HasPrefix(head, magic7z):
		return SevenZip
	case bytes.HasPrefix(head, magicGzip):
		return Gzip
	case bytes.HasPrefix(head, magicXZ):
		return XZ
	case bytes.HasPrefix(head, magicZstd):
		return Zstd
	case isBzip2(head):
		return Bzip2
	case isTar(head):
		return Tar
	}
	return None
}

func isBzip2(b []byte) bool {
	return len(b) >= 10 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h' && '1' <= b[3] && b[3] <= '9' &&
		(bytes.Equal(b[4:10], bzip2Block) || bytes.Equal(b[4:10], bzip2End))
}

// isTar recognises a POSIX or GNU tar header by its magic and checksum.
func isTar(b []byte) bool {
	if len(b) < 512 || !bytes.Equal(b[257:262], []byte("ustar")) {
		return false
	}
	want, err := strconv.ParseUint(string(bytes.Trim(b[148:156], " \x00")), 8, 32)
	if err != nil {
		return false
	}
	var sum uint64
	for i, c := range b[:512] {
		if 148 <= i && i < 156 {
			c = ' '
		}
		sum += uint64(c)
	}
	return sum == want
}

// payloadOffset finds where a script's payload starts in head (which starts with
// "#!"). The script's own header says so when it is gzexe's ("skip=N" on its second
// line: the payload is line N on) or makeself's (skip="N": after N lines); other
// wrappers are found by the first line, after text only, that starts with a
// compressed stream's magic or a tar header.
func payloadOffset(head []byte) (int, bool) {
	lines := bytes.SplitAfterN(head, []byte("\n"), 3)
	if len(lines) == 3 {
		if n, ok := assignment(lines[1], "skip="); ok && n >= 2 {
			if off, ok := afterLines(head, n-1); ok && startsPayload(head[off:]) {
				return off, true // gzexe: tail -n +skip
			}
		}
	}
	if bytes.Contains(head[:min(len(head), 4096)], []byte("Makeself")) {
		for _, line := range bytes.SplitAfter(head, []byte("\n")) {
			if n, ok := assignment(line, `skip="`); ok {
				if off, ok := afterLines(head, n); ok && n >= 1 && startsPayload(head[off:]) {
					return off, true // makeself: head -n $skip
				}
				break
			}
		}
	}
	return scanPayload(head)
}

// assignment reads a shell assignment of a number at the start of line: skip=49 or
// skip="714".
func assignment(line []byte, prefix string) (int, bool) {
	if !bytes.HasPrefix(line, []byte(prefix)) {
		return 0, false
	}
	v := bytes.TrimRight(line[len(prefix):], "\"\r\n")
	if len(v) == 0 || len(v) > 7 {
		return 0, false
	}
	n, err := strconv.Atoi(string(v))
	return n, err == nil
}

// afterLines is the offset just after the first n lines of b.
func afterLines(b []byte, n int) (int, bool) {
	off := 0
	for range n {
		i := bytes.IndexByte(b[off:], '\n')
		if i < 0 {
			return 0, false
		}
		off += i + 1
	}
	return off, true
}

// startsPayload reports whether b starts with a compressed stream or a tar header
// (a tar header needs its 512 bytes in b).
func startsPayload(b []byte) bool {
	f := detectStream(b[:min(len(b), HeadSize)])
	return f.compressed() || f == Tar
}

// scanPayload looks for the first line, after text only, that starts a payload.
func scanPayload(head []byte) (int, bool) {
	for off := 0; off < len(head); {
		i := bytes.IndexByte(head[off:], '\n')
		if i < 0 {
			return 0, false
		}
		if bytes.IndexByte(head[off:off+i], 0) >= 0 {
			return 0, false // binary before any payload: not a wrapper script
		}
		off += i + 1
		if off < len(head) && startsPayload(head[off:]) {
			return off, true
		}
	}
	return 0, false
}
