package signatures

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// HashSet holds known file hashes (SHA-256, and SHA-1 and MD5 for lists that only have
// those) as sorted arrays: 32 bytes an entry for SHA-256, so a million-line list takes
// 32 MB, and a lookup is a binary search.
type HashSet struct {
	sha256 [][32]byte
	sha1   [][20]byte
	md5    [][16]byte
	// Sizes of the files the MD5 and SHA-1 hashes belong to, where a ClamAV hash
	// database gives them: a file of another size needs no MD5 or SHA-1 at all.
	// anySize is set when a hash of the algorithm came without a size.
	md5Sizes, sha1Sizes     []int64
	md5AnySize, sha1AnySize bool
	// The same for SHA-256: a scan of a sized list (.hsb) hashes only the files of a
	// listed size to match it.
	sha256Sizes   []int64
	sha256AnySize bool
}

// Digests are the hashes of one file. MD5 and SHA1 are nil unless some rule needs
// them; SHA256 is all zero when no list could match it (a file of a size no sized
// list names).
type Digests struct {
	SHA256 [32]byte
	SHA1   *[20]byte
	MD5    *[16]byte
}

// Add parses one hex hash and adds it; its length says the algorithm.
func (h *HashSet) Add(s string) error {
	return h.addBytes([]byte(strings.TrimSpace(s)), 0)
}

// addBytes adds one list entry: a hex hash, or a ClamAV hash database line
// (HASH:SIZE:NAME[:FLEVEL], SIZE "*" for any size).
func (h *HashSet) addBytes(s []byte, _ int) error {
	size := int64(-1)
	if i := bytes.IndexByte(s, ':'); i >= 0 {
		var err error
		if size, err = clamSize(s[i+1:]); err != nil {
			return err
		}
		s = s[:i]
	}
	var buf [32]byte
	n, ok := decodeHex(buf[:], s)
	if !ok {
		return fmt.Errorf("not a hex hash: %.80q", s)
	}
	switch n {
	case 32:
		h.sha256 = append(h.sha256, buf)
		h.sha256Sizes, h.sha256AnySize = addSize(h.sha256Sizes, h.sha256AnySize, size)
	case 20:
		h.sha1 = append(h.sha1, [20]byte(buf[:20]))
		h.sha1Sizes, h.sha1AnySize = addSize(h.sha1Sizes, h.sha1AnySize, size)
	case 16:
		h.md5 = append(h.md5, [16]byte(buf[:16]))
		h.md5Sizes, h.md5AnySize = addSize(h.md5Sizes, h.md5AnySize, size)
	default:
		return fmt.Errorf("hash of %d hex digits is neither SHA-256 (64), SHA-1 (40) nor MD5 (32)", len(s))
	}
	return nil
}

// clamSize reads the SIZE of a ClamAV hash line's "SIZE:NAME[:FLEVEL]" tail: a
// byte count, or "*" (-1, any size).
func clamSize(rest []byte) (int64, error) {
	i := bytes.IndexByte(rest, ':')
	if i < 0 {
		return 0, fmt.Errorf("ClamAV hash line without a name: want HASH:SIZE:NAME, got ...:%.60q", rest)
	}
	f := rest[:i]
	if string(f) == "*" {
		return -1, nil
	}
	n, err := strconv.ParseInt(string(f), 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("ClamAV hash line: size %.20q is neither a byte count nor *", f)
	}
	return n, nil
}

func addSize(sizes []int64, any bool, size int64) ([]int64, bool) {
	if size < 0 {
		return sizes, true
	}
	return append(sizes, size), any
}

// decodeHex decodes a hex string of at most len(dst) bytes without allocating, in
// either case.
func decodeHex(dst []byte, s []byte) (int, bool) {
	if len(s)%2 != 0 || len(s) > 2*len(dst) {
		return 0, false
	}
	bad := byte(0)
	for i := 0; i < len(s); i += 2 {
		hi, lo := unhexTable[s[i]], unhexTable[s[i+1]]
		bad |= hi | lo
		dst[i/2] = hi<<4 | lo&0x0F
	}
	return len(s) / 2, bad&0xF0 == 0
}

// unhexTable maps a hex digit to its value and any other byte to 0xFF: a table is a
// third of the cost of a switch on a million-line list.
var unhexTable = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xFF
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = byte(c - 'a' + 10)
		t[c-'a'+'A'] = byte(c - 'a' + 10)
	}
	return t
}()

// Freeze sorts and deduplicates the set; call it once after the last Add.
func (h *HashSet) Freeze() {
	h.sha256 = sortDedupe(h.sha256, cmp32)
	h.sha1 = sortDedupe(h.sha1, cmp20)
	h.md5 = sortDedupe(h.md5, cmp16)
	h.md5Sizes = sortDedupe(h.md5Sizes, cmpInt64)
	h.sha1Sizes = sortDedupe(h.sha1Sizes, cmpInt64)
	h.sha256Sizes = sortDedupe(h.sha256Sizes, cmpInt64)
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// sortDedupe sorts and drops repeats. The comparison takes arrays by value: taking
// their address would move every compared pair to the heap.
func sortDedupe[T comparable](s []T, cmp func(a, b T) int) []T {
	slices.SortFunc(s, cmp)
	s = slices.Compact(s)
	if cap(s) > len(s)+len(s)/16 {
		s = slices.Clone(s) // give back what a generous first guess reserved
	}
	return slices.Clip(s)
}

// Len returns the number of hashes in the set.
func (h *HashSet) Len() int { return len(h.sha256) + len(h.sha1) + len(h.md5) }

// HasSHA256 reports whether the SHA-256 was computed.
func (d *Digests) HasSHA256() bool { return d.SHA256 != [32]byte{} }

// NeedsSHA256 reports whether the set holds SHA-256 hashes.
func (h *HashSet) NeedsSHA256() bool { return h != nil && len(h.sha256) > 0 }

// NeedsSHA1 and NeedsMD5 tell a scanner whether computing those digests is worth it.
func (h *HashSet) NeedsSHA1() bool { return h != nil && len(h.sha1) > 0 }

// NeedsMD5 reports whether the set holds MD5 hashes.
func (h *HashSet) NeedsMD5() bool { return h != nil && len(h.md5) > 0 }

// DigestSizes says which files need an MD5 and a SHA-1 for this set: any file
// (any true), none (nil sizes, any false), or files of the listed sizes only (a
// ClamAV hash database gives each hash its file's size).
func (h *HashSet) DigestSizes() (md5Sizes []int64, md5Any bool, sha1Sizes []int64, sha1Any bool) {
	if h == nil {
		return nil, false, nil, false
	}
	return h.md5Sizes, h.md5AnySize, h.sha1Sizes, h.sha1AnySize
}

// SHA256Sizes says which files need a SHA-256 for this set, as DigestSizes does for
// MD5 and SHA-1: any file (any true), none (nil sizes, any false), or files of the
// listed sizes only, when every SHA-256 came with its file's size (ClamAV .hsb).
func (h *HashSet) SHA256Sizes() (sizes []int64, any bool) {
	if h == nil {
		return nil, false
	}
	return h.sha256Sizes, h.sha256AnySize
}

// Match returns the algorithm and hex of the first digest of d in the set.
func (h *HashSet) Match(d *Digests) (algo, hexDigest string, ok bool) {
	if h == nil {
		return "", "", false
	}
	if d.HasSHA256() && has(h.sha256, d.SHA256, cmp32) {
		return "sha256", hex.EncodeToString(d.SHA256[:]), true
	}
	if d.SHA1 != nil && has(h.sha1, *d.SHA1, cmp20) {
		return "sha1", hex.EncodeToString(d.SHA1[:]), true
	}
	if d.MD5 != nil && has(h.md5, *d.MD5, cmp16) {
		return "md5", hex.EncodeToString(d.MD5[:]), true
	}
	return "", "", false
}

// has reports whether sorted s holds v.
func has[T any](s []T, v T, cmp func(a, b T) int) bool {
	_, ok := slices.BinarySearchFunc(s, v, cmp)
	return ok
}

// cmp32 compares eight bytes at a time: hashes differ in their first eight bytes
// but for one pair in billions, and this sorts a million in a third of the time of
// bytes.Compare.
func cmp32(a, b [32]byte) int {
	for i := 0; i < 32; i += 8 {
		if x, y := binary.BigEndian.Uint64(a[i:]), binary.BigEndian.Uint64(b[i:]); x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}
func cmp20(a, b [20]byte) int { return bytes.Compare(a[:], b[:]) }
func cmp16(a, b [16]byte) int { return bytes.Compare(a[:], b[:]) }
