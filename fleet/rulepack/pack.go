package rulepack

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
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
	// InlineMax is the largest list file SplitObjects leaves in the pack; larger
	// ones travel as objects. MaxObject bounds one object.
	InlineMax = 256 << 10
	MaxObject = 1 << 30
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
	// Object, when set, says the file travels beside the pack, not in it: a list
	// too big for the pack, in the fleet's object store. The pack signs its size
	// and SHA-256, so the file is checked as surely as one inside; Data is then
	// filled in by whoever fetched it and checked it against Object (Fetched).
	Object *Object
}

// Object is what a pack signs of a file that travels beside it.
type Object struct {
	Size   int64
	SHA256 string // hex, lower case
}

// NewObject describes data as an object.
func NewObject(data []byte) *Object {
	s := sha256.Sum256(data)
	return &Object{Size: int64(len(data)), SHA256: hex.EncodeToString(s[:])}
}

// Fetched checks data, an object's bytes as fetched, against what the pack signed
// of it.
func (o *Object) Fetched(data []byte) error {
	if got := NewObject(data); *got != *o {
		return fmt.Errorf("%w: object of %d bytes, SHA-256 %s; the pack signed %d bytes, %s", ErrBadSignature, got.Size, got.SHA256, o.Size, o.SHA256)
	}
	return nil
}

// SplitObjects makes every list file of p larger than limit an object: the pack
// then signs its size and digest and the file travels beside it. Rule files stay
// in the pack whatever their size.
func SplitObjects(p *Pack, limit int) {
	for i := range p.Files {
		f := &p.Files[i]
		if f.Object == nil && len(f.Data) > limit && !strings.HasSuffix(f.Name, ".toml") {
			f.Object = NewObject(f.Data)
		}
	}
}

// Objects returns the files of p that travel beside it.
func (p *Pack) Objects() []*File {
	var out []*File
	for i := range p.Files {
		if p.Files[i].Object != nil {
			out = append(out, &p.Files[i])
		}
	}
	return out
}

// Digest is a digest of the pack's files (names and bytes), not of its version, time
// or key: two packs with the same files have the same digest.
func (p *Pack) Digest() string {
	h := sha256.New()
	for _, f := range p.Files {
		if f.Object != nil {
			// The same digest whether the object's bytes are here or not yet.
			fmt.Fprintf(h, "%s\x00object\x00%d\x00%s\x00", f.Name, f.Object.Size, f.Object.SHA256)
			continue
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f.Name, len(f.Data))
		h.Write(f.Data)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Size is the files' bytes together, objects included.
func (p *Pack) Size() int64 {
	var n int64
	for _, f := range p.Files {
		if f.Object != nil {
			n += f.Object.Size
			continue
		}
		n += int64(len(f.Data))
	}
	return n
}
