package rulepack

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// Limits of a pack.
const (
	// MaxSize bounds a signed envelope: one key-value entry, under the server's
	// default max_payload of 1 MiB with room for the message headers.
	MaxSize = 1<<20 - 4<<10
	// MaxContent bounds the files of a pack together, uncompressed.
	MaxContent = 64 << 20
	// MaxFiles bounds the number of files of a pack.
	MaxFiles = 4096
)

const (
	envelopeMagic = "aupscan-rules-pack v1\n"
	bodyMagic     = "aupscan-rules v1\n"
	sigLen        = 88 // base64 of ed25519.SignatureSize bytes, padded
	keyIDLen      = 16
)

// Errors Open, Sign and Build return, for errors.Is.
var (
	ErrMalformed    = errors.New("malformed rule pack")
	ErrUnknownKey   = errors.New("rule pack signed by an untrusted key")
	ErrBadSignature = errors.New("rule pack signature does not verify")
	ErrTooLarge     = errors.New("rule pack too large")
	ErrBadFileName  = errors.New("bad file name in rule pack")
)

// Pack is a rule pack: files to install into one flat folder, and a version that only
// grows.
type Pack struct {
	Version uint64
	Created time.Time
	// KeyID names the key that signed the pack (KeyID of its public key); Sign
	// sets it.
	KeyID string
	// Files are sorted by name.
	Files []File
}

// File is one file of a pack: a rule file or a list file.
type File struct {
	Name string
	Data []byte
}

// Digest is a digest of the pack's files (names and bytes), not of its version, time
// or key: two packs with the same files have the same digest.
func (p *Pack) Digest() string {
	h := sha256.New()
	for _, f := range p.Files {
		fmt.Fprintf(h, "%s\x00%d\x00", f.Name, len(f.Data))
		h.Write(f.Data)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Size is the files' bytes together.
func (p *Pack) Size() int64 {
	var n int64
	for _, f := range p.Files {
		n += int64(len(f.Data))
	}
	return n
}
