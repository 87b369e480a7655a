package signatures

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// HashSet holds known file hashes (SHA-256, and SHA-1 and MD5 for lists that only have
// those) as sorted arrays: 32 bytes an entry for SHA-256, so a million-line list takes
// 32 MB, and a lookup is a binary search.
type HashSet struct {
	sha256 [][32]byte
	sha1   [][20]byte
	md5    [][16]byte
}

// Digests are the hashes of one file. MD5 and SHA1 are nil unless some rule needs them.
type Digests struct {
	SHA256 [32]byte
	SHA1   *[20]byte
	MD5    *[16]byte
}

// Add parses one hex hash and adds it; its length says the algorithm.
func (h *HashSet) Add(s string) error {
	s = strings.ToLower(strings.TrimSpace(s))
	var buf [32]byte
	n, err := hex.Decode(buf[:], []byte(s))
	if err != nil || len(s)%2 != 0 {
		return fmt.Errorf("not a hex hash: %.80q", s)
	}
	switch n {
	case 32:
		h.sha256 = append(h.sha256, buf)
	case 20:
		h.sha1 = append(h.sha1, [20]byte(buf[:20]))
	case 16:
		h.md5 = append(h.md5, [16]byte(buf[:16]))
	default:
		return fmt.Errorf("hash of %d hex digits is neither SHA-256 (64), SHA-1 (40) nor MD5 (32)", len(s))
	}
	return nil
}

// Freeze sorts and deduplicates the set; call it once after the last Add.
func (h *HashSet) Freeze() {
	h.sha256 = sortDedupe(h.sha256, key32)
	h.sha1 = sortDedupe(h.sha1, key20)
	h.md5 = sortDedupe(h.md5, key16)
}

func sortDedupe[T comparable](s []T, key func(*T) []byte) []T {
	slices.SortFunc(s, func(a, b T) int { return bytes.Compare(key(&a), key(&b)) })
	return slices.Clip(slices.Compact(s))
}

// Len returns the number of hashes in the set.
func (h *HashSet) Len() int { return len(h.sha256) + len(h.sha1) + len(h.md5) }

// NeedsSHA1 and NeedsMD5 tell a scanner whether computing those digests is worth it.
func (h *HashSet) NeedsSHA1() bool { return h != nil && len(h.sha1) > 0 }

// NeedsMD5 reports whether the set holds MD5 hashes.
func (h *HashSet) NeedsMD5() bool { return h != nil && len(h.md5) > 0 }

// Match returns the algorithm and hex of the first digest of d in the set.
func (h *HashSet) Match(d *Digests) (algo, hexDigest string, ok bool) {
	if h == nil {
		return "", "", false
	}
	if has(h.sha256, d.SHA256, key32) {
		return "sha256", hex.EncodeToString(d.SHA256[:]), true
	}
	if d.SHA1 != nil && has(h.sha1, *d.SHA1, key20) {
		return "sha1", hex.EncodeToString(d.SHA1[:]), true
	}
	if d.MD5 != nil && has(h.md5, *d.MD5, key16) {
		return "md5", hex.EncodeToString(d.MD5[:]), true
	}
	return "", "", false
}

// has reports whether sorted s holds v; the three array sizes need their own compare.
func has[T any](s []T, v T, key func(*T) []byte) bool {
	_, ok := slices.BinarySearchFunc(s, v, func(a, b T) int { return bytes.Compare(key(&a), key(&b)) })
	return ok
}

func key32(a *[32]byte) []byte { return a[:] }
func key20(a *[20]byte) []byte { return a[:] }
func key16(a *[16]byte) []byte { return a[:] }
