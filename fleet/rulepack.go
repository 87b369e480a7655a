package fleet

import (
	"bytes"
	"compress/gzip"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/dustin/go-humanize"

	"github.com/aupscan/aupscan/signatures"
)

// A rule pack is the operator's rule files (the *.toml files of one or more rule
// folders and the list files their rules name) with a version, signed with an
// Ed25519 key. The signed bytes (the payload) are the gzip of a canonical body:
//
//	aupscan-rules v1\n
//	version <decimal>\n
//	created <RFC 3339, UTC, nanoseconds>\n
//	key <key id>\n
//	file <size> <name>\n        one line a file, names sorted, no two alike
//	end\n
//	<the files' bytes, one after the other, in the same order>
//
// The envelope that travels is
//
//	aupscan-rules-pack v1\n
//	key <key id>\n
//	sig <base64 of the 64-byte signature of the payload>\n
//	<payload>
//
// Every field has one spelling, so an envelope with any byte changed either does not
// parse, names a key that is not trusted, or fails the signature.

// Limits of a pack.
const (
	// MaxPackSize bounds a signed envelope: one key-value entry, under the server's
	// default max_payload of 1 MiB with room for the message headers.
	MaxPackSize = 1<<20 - 4<<10
	// MaxPackContent bounds the files of a pack together, uncompressed.
	MaxPackContent = 64 << 20
	// MaxPackFiles bounds the number of files of a pack.
	MaxPackFiles = 4096
)

const (
	envelopeMagic = "aupscan-rules-pack v1\n"
	bodyMagic     = "aupscan-rules v1\n"
	sigLen        = 88 // base64 of ed25519.SignatureSize bytes, padded
	keyIDLen      = 16
)

// Errors OpenPack and the fetcher return, for errors.Is.
var (
	ErrMalformedPack = errors.New("malformed rule pack")
	ErrUnknownKey    = errors.New("rule pack signed by an untrusted key")
	ErrBadSignature  = errors.New("rule pack signature does not verify")
	ErrPackTooLarge  = errors.New("rule pack too large")
	ErrBadFileName   = errors.New("bad file name in rule pack")
	ErrRollback      = errors.New("rule pack older than the installed one")
)

// Pack is a rule pack: files to install into one flat folder, and a version that only
// grows.
type Pack struct {
	Version uint64
	Created time.Time
	// KeyID names the key that signed the pack (KeyID of its public key); SignPack
	// sets it.
	KeyID string
	// Files are sorted by name.
	Files []PackFile
}

// PackFile is one file of a pack: a rule file or a list file.
type PackFile struct {
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

// BuildPack reads the rule files of folders (every *.toml file directly inside each,
// as signatures.Load reads them) and every list file their rules name
// (address_files, suffix_files, hash_files), checks that the rules load (without the
// built-in pack), and returns the pack with version and the current time.
//
// A pack installs into one flat folder: a list file must lie beside the rule file
// that names it (a name without a folder), and no two files of all the folders may
// share a name.
func BuildPack(folders []string, version uint64) (*Pack, error) {
	if version == 0 {
		return nil, errors.New("rule pack: version must be above 0")
	}
	if len(folders) == 0 {
		return nil, errors.New("rule pack: no rule folders")
	}
	if _, err := signatures.Load(signatures.Options{Dirs: folders, NoBuiltin: true}); err != nil {
		return nil, fmt.Errorf("rule pack: the rules do not load: %w", err)
	}
	from := map[string]string{} // pack name -> path it was read from
	p := &Pack{Version: version, Created: time.Now().UTC()}
	var size int64
	add := func(name, path string) error {
		if prev, ok := from[name]; ok {
			if filepath.Clean(prev) == filepath.Clean(path) {
				return nil
			}
			return fmt.Errorf("rule pack: %w: %q is both %s and %s (a pack is one flat folder)", ErrBadFileName, name, prev, path)
		}
		if err := checkFileName(name); err != nil {
			return fmt.Errorf("rule pack: %s: %w", path, err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("rule pack: %w", err)
		}
		size += int64(len(data))
		if size > MaxPackContent {
			return fmt.Errorf("rule pack: %w: the files exceed %s", ErrPackTooLarge, humanize.IBytes(MaxPackContent))
		}
		from[name] = path
		p.Files = append(p.Files, PackFile{Name: name, Data: data})
		return nil
	}
	for _, dir := range folders {
		names, err := filepath.Glob(filepath.Join(dir, "*.toml"))
		if err != nil {
			return nil, fmt.Errorf("rule pack: %s: %w", dir, err)
		}
		slices.Sort(names)
		for _, path := range names {
			if err := add(filepath.Base(path), path); err != nil {
				return nil, err
			}
			lists, err := listFileNames(path)
			if err != nil {
				return nil, err
			}
			for _, l := range lists {
				if filepath.IsAbs(l) || l != filepath.Base(l) || l == "." || l == ".." {
					return nil, fmt.Errorf("rule pack: %s: %w: list file %q is not beside the rule file (a pack is one flat folder: move the list into %s and name it without a folder)",
						path, ErrBadFileName, l, dir)
				}
				if err := add(l, filepath.Join(dir, l)); err != nil {
					return nil, err
				}
			}
		}
	}
	if len(p.Files) > MaxPackFiles {
		return nil, fmt.Errorf("rule pack: %w: %d files, at most %d", ErrPackTooLarge, len(p.Files), MaxPackFiles)
	}
	slices.SortFunc(p.Files, func(a, b PackFile) int { return strings.Compare(a.Name, b.Name) })
	return p, nil
}

// listFileNames returns the list files a rule file's rules name, as written, disabled
// rules included (the loader reads their lists too).
func listFileNames(path string) ([]string, error) {
	var rf struct {
		Rules []*signatures.Rule `toml:"rule"`
	}
	if _, err := toml.DecodeFile(path, &rf); err != nil {
		return nil, fmt.Errorf("rule pack: %s: %w", path, err)
	}
	var out []string
	for _, r := range rf.Rules {
		if r == nil {
			continue
		}
		for _, t := range r.Traffic {
			if t == nil {
				continue
			}
			out = append(out, t.AddressFiles...)
			for _, n := range t.NameConditions() {
				out = append(out, n.Names.SuffixFiles...)
			}
		}
		if r.File != nil {
			out = append(out, r.File.HashFiles...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// checkFileName accepts a plain file name: no folder, not hidden (names starting with
// "." are the installer's state and temporary files), no control characters.
func checkFileName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("%w: empty", ErrBadFileName)
	case len(name) > 255:
		return fmt.Errorf("%w: %.40q...: longer than 255 bytes", ErrBadFileName, name)
	case !utf8.ValidString(name):
		return fmt.Errorf("%w: %q: not UTF-8", ErrBadFileName, name)
	case strings.ContainsAny(name, `/\`):
		return fmt.Errorf("%w: %q: has a path separator", ErrBadFileName, name)
	case name == "." || name == ".." || strings.HasPrefix(name, "."):
		return fmt.Errorf("%w: %q: starts with a dot", ErrBadFileName, name)
	case filepath.IsAbs(name) || filepath.VolumeName(name) != "":
		return fmt.Errorf("%w: %q: absolute", ErrBadFileName, name)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return fmt.Errorf("%w: %q: has a control character", ErrBadFileName, name)
		}
	}
	return nil
}

// checkFiles checks a pack's file list: valid names, sorted, no duplicates, within
// the limits.
func checkFiles(files []PackFile) error {
	if len(files) > MaxPackFiles {
		return fmt.Errorf("%w: %d files, at most %d", ErrPackTooLarge, len(files), MaxPackFiles)
	}
	var size int64
	for i, f := range files {
		if err := checkFileName(f.Name); err != nil {
			return err
		}
		if i > 0 && files[i-1].Name >= f.Name {
			if files[i-1].Name == f.Name {
				return fmt.Errorf("%w: %q twice", ErrBadFileName, f.Name)
			}
			return fmt.Errorf("%w: %q after %q: names not sorted", ErrBadFileName, f.Name, files[i-1].Name)
		}
		size += int64(len(f.Data))
	}
	if size > MaxPackContent {
		return fmt.Errorf("%w: the files take %s, at most %s", ErrPackTooLarge, humanize.IBytes(uint64(size)), humanize.IBytes(MaxPackContent))
	}
	return nil
}

// SignPack signs p with key (setting p.KeyID) and returns the envelope. The files are
// sorted by name first; bad or duplicate names are refused, and so is an envelope
// larger than MaxPackSize.
func SignPack(p *Pack, key ed25519.PrivateKey) ([]byte, error) {
	if len(key) != ed25519.PrivateKeySize {
		return nil, errors.New("sign rule pack: not an Ed25519 private key")
	}
	if p.Version == 0 {
		return nil, errors.New("sign rule pack: version must be above 0")
	}
	slices.SortStableFunc(p.Files, func(a, b PackFile) int { return strings.Compare(a.Name, b.Name) })
	if err := checkFiles(p.Files); err != nil {
		return nil, fmt.Errorf("sign rule pack: %w", err)
	}
	if p.Created.IsZero() {
		p.Created = time.Now()
	}
	p.Created = p.Created.UTC()
	p.KeyID = KeyID(key.Public().(ed25519.PublicKey))
	payload, err := compress(encodeBody(p))
	if err != nil {
		return nil, fmt.Errorf("sign rule pack: %w", err)
	}
	env := sealEnvelope(p.KeyID, ed25519.Sign(key, payload), payload)
	if len(env) > MaxPackSize {
		return nil, fmt.Errorf("sign rule pack: %w: %s signed (%d files, %s before compression), a key-value entry takes at most %s: split off big lists",
			ErrPackTooLarge, humanize.IBytes(uint64(len(env))), len(p.Files), humanize.IBytes(uint64(p.Size())), humanize.IBytes(MaxPackSize))
	}
	return env, nil
}

func encodeBody(p *Pack) []byte {
	var b bytes.Buffer
	b.WriteString(bodyMagic)
	fmt.Fprintf(&b, "version %d\ncreated %s\nkey %s\n", p.Version, p.Created.Format(time.RFC3339Nano), p.KeyID)
	for _, f := range p.Files {
		fmt.Fprintf(&b, "file %d %s\n", len(f.Data), f.Name)
	}
	b.WriteString("end\n")
	for _, f := range p.Files {
		b.Write(f.Data)
	}
	return b.Bytes()
}

func compress(body []byte) ([]byte, error) {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(body); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func sealEnvelope(keyID string, sig, payload []byte) []byte {
	var b bytes.Buffer
	b.WriteString(envelopeMagic)
	b.WriteString("key " + keyID + "\n")
	b.WriteString("sig " + base64.StdEncoding.EncodeToString(sig) + "\n")
	b.Write(payload)
	return b.Bytes()
}

// OpenPack checks an envelope and returns its pack. The signature is verified, with
// the trusted key the envelope names, before anything of the payload is decoded.
// Errors wrap ErrMalformedPack, ErrUnknownKey, ErrBadSignature, ErrPackTooLarge or
// ErrBadFileName.
func OpenPack(envelope []byte, trusted []ed25519.PublicKey) (*Pack, error) {
	if len(envelope) > MaxPackSize {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", ErrPackTooLarge, len(envelope), MaxPackSize)
	}
	rest, ok := bytes.CutPrefix(envelope, []byte(envelopeMagic))
	if !ok {
		return nil, fmt.Errorf("%w: not an aupscan rule pack (no %q line)", ErrMalformedPack, strings.TrimSpace(envelopeMagic))
	}
	keyID, rest, err := field(rest, "key")
	if err != nil {
		return nil, err
	}
	if !isKeyID(keyID) {
		return nil, fmt.Errorf("%w: key id %q is not %d lowercase hex digits", ErrMalformedPack, keyID, keyIDLen)
	}
	sigText, payload, err := field(rest, "sig")
	if err != nil {
		return nil, err
	}
	sig, err := base64.StdEncoding.Strict().DecodeString(sigText)
	if len(sigText) != sigLen || err != nil || len(sig) != ed25519.SignatureSize {
		return nil, fmt.Errorf("%w: signature is not %d bytes of base64", ErrMalformedPack, ed25519.SignatureSize)
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
		return nil, fmt.Errorf("%w: payload names key %s, envelope %s", ErrMalformedPack, p.KeyID, keyID)
	}
	return p, nil
}

// field reads the line "name value\n" at the start of b.
func field(b []byte, name string) (string, []byte, error) {
	line, rest, ok := bytes.Cut(b, []byte("\n"))
	if !ok {
		return "", nil, fmt.Errorf("%w: truncated before the %s line", ErrMalformedPack, name)
	}
	v, ok := bytes.CutPrefix(line, []byte(name+" "))
	if !ok {
		return "", nil, fmt.Errorf("%w: want a %s line, got %.40q", ErrMalformedPack, name, line)
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
		return nil, fmt.Errorf("%w: payload: %v", ErrMalformedPack, err)
	}
	zr.Multistream(false)
	// The files and their list: at most MaxPackFiles lines of a few hundred bytes.
	const most = MaxPackContent + 2<<20
	body, err := io.ReadAll(io.LimitReader(zr, most+1))
	if err != nil {
		return nil, fmt.Errorf("%w: payload: %v", ErrMalformedPack, err)
	}
	if len(body) > most {
		return nil, fmt.Errorf("%w: payload unpacks to more than %s", ErrPackTooLarge, humanize.IBytes(MaxPackContent))
	}
	return body, nil
}

// decodeBody parses the canonical body; it accepts nothing encodeBody would not
// write.
func decodeBody(b []byte) (*Pack, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrMalformedPack, fmt.Sprintf(format, args...))
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
		spec, ok := bytes.CutPrefix(line, []byte("file "))
		if !ok {
			return nil, bad("want a file or end line, got %.40q", line)
		}
		sz, name, ok := strings.Cut(string(spec), " ")
		n, nok := num(sz)
		if !ok || !nok || n > MaxPackContent {
			return nil, bad("file line %.60q", line)
		}
		if len(sizes) == MaxPackFiles {
			return nil, fmt.Errorf("%w: more than %d files", ErrPackTooLarge, MaxPackFiles)
		}
		total += n
		if total > MaxPackContent {
			return nil, fmt.Errorf("%w: the files take more than %s", ErrPackTooLarge, humanize.IBytes(MaxPackContent))
		}
		sizes = append(sizes, n)
		p.Files = append(p.Files, PackFile{Name: name})
	}
	if uint64(len(rest)) != total {
		return nil, bad("the file list says %d bytes, %d follow", total, len(rest))
	}
	for i, n := range sizes {
		p.Files[i].Data, rest = rest[:n:n], rest[n:]
	}
	if err := checkFiles(p.Files); err != nil {
		return nil, err
	}
	return p, nil
}

// Keys.

const (
	privateKeyBlock = "PRIVATE KEY"
	publicKeyBlock  = "PUBLIC KEY"
)

// KeyID names a public key: the first 8 bytes of its SHA-256, in hex.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:keyIDLen/2])
}

// GenerateRulesKey makes a new signing key.
func GenerateRulesKey() (ed25519.PrivateKey, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	return priv, err
}

// EncodeSigningKey writes key as a PEM "PRIVATE KEY" block (PKCS #8), after a comment
// line naming its key id.
func EncodeSigningKey(key ed25519.PrivateKey) ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	head := fmt.Sprintf("# aupscan rule pack signing key %s: keep it on the manager, readable by it only\n",
		KeyID(key.Public().(ed25519.PublicKey)))
	return append([]byte(head), pem.EncodeToMemory(&pem.Block{Type: privateKeyBlock, Bytes: der})...), nil
}

// EncodePublicKey writes pub as a PEM "PUBLIC KEY" block (PKIX), after a comment line
// naming its key id. Files of several such blocks hold several keys.
func EncodePublicKey(pub ed25519.PublicKey) ([]byte, error) {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, err
	}
	head := fmt.Sprintf("# aupscan rule pack key %s\n", KeyID(pub))
	return append([]byte(head), pem.EncodeToMemory(&pem.Block{Type: publicKeyBlock, Bytes: der})...), nil
}

// ParseSigningKey reads the one Ed25519 "PRIVATE KEY" block of data.
func ParseSigningKey(data []byte) (ed25519.PrivateKey, error) {
	var key ed25519.PrivateKey
	for n := 1; ; n++ {
		var blk *pem.Block
		blk, data = pem.Decode(data)
		if blk == nil {
			break
		}
		if blk.Type != privateKeyBlock {
			return nil, fmt.Errorf("block %d is %q, want %q", n, blk.Type, privateKeyBlock)
		}
		if key != nil {
			return nil, errors.New("more than one private key")
		}
		k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
		if err != nil {
			return nil, fmt.Errorf("block %d: %w", n, err)
		}
		var ok bool
		if key, ok = k.(ed25519.PrivateKey); !ok {
			return nil, fmt.Errorf("block %d: a %T, not an Ed25519 key", n, k)
		}
	}
	if key == nil {
		return nil, fmt.Errorf("no %q PEM block", privateKeyBlock)
	}
	return key, nil
}

// ParsePublicKeys reads every Ed25519 "PUBLIC KEY" block of data; there must be one
// at least, and no other blocks.
func ParsePublicKeys(data []byte) ([]ed25519.PublicKey, error) {
	var keys []ed25519.PublicKey
	for n := 1; ; n++ {
		var blk *pem.Block
		blk, data = pem.Decode(data)
		if blk == nil {
			break
		}
		if blk.Type != publicKeyBlock {
			return nil, fmt.Errorf("block %d is %q, want %q", n, blk.Type, publicKeyBlock)
		}
		k, err := x509.ParsePKIXPublicKey(blk.Bytes)
		if err != nil {
			return nil, fmt.Errorf("block %d: %w", n, err)
		}
		pub, ok := k.(ed25519.PublicKey)
		if !ok {
			return nil, fmt.Errorf("block %d: a %T, not an Ed25519 key", n, k)
		}
		keys = append(keys, pub)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("no %q PEM block", publicKeyBlock)
	}
	return keys, nil
}

// LoadSigningKey reads a signing key file written by EncodeSigningKey.
func LoadSigningKey(path string) (ed25519.PrivateKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("rule pack signing key: %w", err)
	}
	k, err := ParseSigningKey(data)
	if err != nil {
		return nil, fmt.Errorf("rule pack signing key %s: %w", path, err)
	}
	return k, nil
}

// LoadPublicKeys reads a file of one or more public keys (EncodePublicKey blocks one
// after the other): several keys let a new signing key take over without a gap.
func LoadPublicKeys(path string) ([]ed25519.PublicKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("rule pack keys: %w", err)
	}
	k, err := ParsePublicKeys(data)
	if err != nil {
		return nil, fmt.Errorf("rule pack keys %s: %w", path, err)
	}
	return k, nil
}
