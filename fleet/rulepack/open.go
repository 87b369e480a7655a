package rulepack

import (
	"bytes"
	"compress/gzip"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
)

// Open checks an envelope and returns its pack. The signature is verified, with
// the trusted key the envelope names, before anything of the payload is decoded.
// Errors wrap ErrMalformed, ErrUnknownKey, ErrBadSignature, ErrTooLarge or
// ErrBadFileName.
func Open(envelope []byte, trusted []ed25519.PublicKey) (*Pack, error) {
	if len(envelope) > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", ErrTooLarge, len(envelope), MaxSize)
	}
	rest, ok := bytes.CutPrefix(envelope, []byte(envelopeMagic))
	if !ok {
		return nil, fmt.Errorf("%w: not an aupscan rule pack (no %q line)", ErrMalformed, strings.TrimSpace(envelopeMagic))
	}
	keyID, rest, err := field(rest, "key")
	if err != nil {
		return nil, err
	}
	if !isKeyID(keyID) {
		return nil, fmt.Errorf("%w: key id %q is not %d lowercase hex digits", ErrMalformed, keyID, keyIDLen)
	}
	sigText, payload, err := field(rest, "sig")
	if err != nil {
		return nil, err
	}
	sig, err := base64.StdEncoding.Strict().DecodeString(sigText)
	if len(sigText) != sigLen || err != nil || len(sig) != ed25519.SignatureSize {
		return nil, fmt.Errorf("%w: signature is not %d bytes of base64", ErrMalformed, ed25519.SignatureSize)
	}
	var pub ed25519.PublicKey
	for _, k := range trusted {
		if len(k) == ed25519.PublicKeySize && KeyID(k) == keyID {
			pub = k
			break
		}
	}
	if pub == nil {
		return nil, fmt.Errorf("%w: key %s is not among the %d trusted keys", ErrUnknownKey, keyID, len(trusted))
	}
	if !ed25519.Verify(pub, payload, sig) {
		return nil, fmt.Errorf("%w with key %s: the pack was changed after signing", ErrBadSignature, keyID)
	}
	// Trusted from here on; still checked, as a signer's bug must not write outside
	// the folder.
	body, err := decompress(payload)
	if err != nil {
		return nil, err
	}
	p, err := decodeBody(body)
	if err != nil {
		return nil, err
	}
	if p.KeyID != keyID {
		return nil, fmt.Errorf("%w: payload names key %s, envelope %s", ErrMalformed, p.KeyID, keyID)
	}
	return p, nil
}

// field reads the line "name value\n" at the start of b.
func field(b []byte, name string) (string, []byte, error) {
	line, rest, ok := bytes.Cut(b, []byte("\n"))
	if !ok {
		return "", nil, fmt.Errorf("%w: truncated before the %s line", ErrMalformed, name)
	}
	v, ok := bytes.CutPrefix(line, []byte(name+" "))
	if !ok {
		return "", nil, fmt.Errorf("%w: want a %s line, got %.40q", ErrMalformed, name, line)
	}
	return string(v), rest, nil
}

func isKeyID(s string) bool {
	if len(s) != keyIDLen {
		return false
	}
	for _, c := range []byte(s) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func decompress(payload []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(payload))
	if err != nil {
		return nil, fmt.Errorf("%w: payload: %v", ErrMalformed, err)
	}
	zr.Multistream(false)
	// The files and their list: at most MaxFiles lines of a few hundred bytes.
	const most = MaxContent + 2<<20
	body, err := io.ReadAll(io.LimitReader(zr, most+1))
	if err != nil {
		return nil, fmt.Errorf("%w: payload: %v", ErrMalformed, err)
	}
	if len(body) > most {
		return nil, fmt.Errorf("%w: payload unpacks to more than %s", ErrTooLarge, humanize.IBytes(MaxContent))
	}
	return body, nil
}

// decodeBody parses the canonical body; it accepts nothing encodeBody would not
// write.
func decodeBody(b []byte) (*Pack, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrMalformed, fmt.Sprintf(format, args...))
	}
	rest, ok := bytes.CutPrefix(b, []byte(bodyMagic))
	if !ok {
		return nil, bad("payload is no rule pack")
	}
	num := func(s string) (uint64, bool) {
		n, err := strconv.ParseUint(s, 10, 64)
		return n, err == nil && strconv.FormatUint(n, 10) == s
	}
	p := &Pack{}
	v, rest, err := field(rest, "version")
	if err != nil {
		return nil, err
	}
	if p.Version, ok = num(v); !ok || p.Version == 0 {
		return nil, bad("version %q", v)
	}
	c, rest, err := field(rest, "created")
	if err != nil {
		return nil, err
	}
	if p.Created, err = time.Parse(time.RFC3339Nano, c); err != nil || p.Created.Location() != time.UTC ||
		p.Created.Format(time.RFC3339Nano) != c {
		return nil, bad("created %q", c)
	}
	if p.KeyID, rest, err = field(rest, "key"); err != nil {
		return nil, err
	}
	var sizes []uint64
	var total uint64
	for {
		line, r, ok := bytes.Cut(rest, []byte("\n"))
		if !ok {
			return nil, bad("truncated file list")
		}
		rest = r
		if string(line) == "end" {
			break
		}
		if spec, ok := bytes.CutPrefix(line, []byte("object ")); ok {
			obj, name, err := objectLine(string(spec))
			if err != nil {
				return nil, bad("object line %.80q: %v", line, err)
			}
			if len(p.Files) == MaxFiles {
				return nil, fmt.Errorf("%w: more than %d files", ErrTooLarge, MaxFiles)
			}
			sizes = append(sizes, 0)
			p.Files = append(p.Files, File{Name: name, Object: obj})
			continue
		}
		spec, ok := bytes.CutPrefix(line, []byte("file "))
		if !ok {
			return nil, bad("want a file, object or end line, got %.40q", line)
		}
		sz, name, ok := strings.Cut(string(spec), " ")
		n, nok := num(sz)
		if !ok || !nok || n > MaxContent {
			return nil, bad("file line %.60q", line)
		}
		if len(sizes) == MaxFiles {
			return nil, fmt.Errorf("%w: more than %d files", ErrTooLarge, MaxFiles)
		}
		total += n
		if total > MaxContent {
			return nil, fmt.Errorf("%w: the files take more than %s", ErrTooLarge, humanize.IBytes(MaxContent))
		}
		sizes = append(sizes, n)
		p.Files = append(p.Files, File{Name: name})
	}
	if uint64(len(rest)) != total {
		return nil, bad("the file list says %d bytes, %d follow", total, len(rest))
	}
	for i, n := range sizes {
		if p.Files[i].Object == nil {
			p.Files[i].Data, rest = rest[:n:n], rest[n:]
		}
	}
	if err := checkFiles(p.Files); err != nil {
		return nil, err
	}
	return p, nil
}

// objectLine reads "SIZE SHA256 NAME", each in its one spelling.
func objectLine(spec string) (*Object, string, error) {
	f := strings.SplitN(spec, " ", 3)
	if len(f) != 3 {
		return nil, "", errors.New("want SIZE SHA256 NAME")
	}
	n, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil || n < 0 || n > MaxObject || strconv.FormatInt(n, 10) != f[0] {
		return nil, "", fmt.Errorf("size %q", f[0])
	}
	if b, err := hex.DecodeString(f[1]); err != nil || len(b) != 32 || hex.EncodeToString(b) != f[1] {
		return nil, "", fmt.Errorf("SHA-256 %q", f[1])
	}
	return &Object{Size: n, SHA256: f[1]}, f[2], nil
}
