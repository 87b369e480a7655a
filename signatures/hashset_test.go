package signatures

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

func TestHashSet(t *testing.T) {
	var h HashSet
	sum := sha256.Sum256([]byte("prohibited"))
	for _, s := range []string{hex.EncodeToString(sum[:]), "D41D8CD98F00B204E9800998ECF8427E", "da39a3ee5e6b4b0d3255bfef95601890afd80709"} {
		if err := h.Add(s); err != nil {
			t.Fatal(err)
		}
	}
	_ = h.Add(hex.EncodeToString(sum[:])) // a duplicate
	h.Freeze()
	if h.Len() != 3 {
		t.Errorf("Len %d, want 3 (duplicates dropped)", h.Len())
	}
	md5 := [16]byte{0xd4, 0x1d, 0x8c, 0xd9, 0x8f, 0x00, 0xb2, 0x04, 0xe9, 0x80, 0x09, 0x98, 0xec, 0xf8, 0x42, 0x7e}
	for _, tc := range []struct {
		d    Digests
		algo string
	}{
		{Digests{SHA256: sum}, "sha256"},
		{Digests{SHA256: sha256.Sum256(nil), MD5: &md5}, "md5"},
		{Digests{SHA256: sha256.Sum256(nil)}, ""},
	} {
		algo, _, ok := h.Match(&tc.d)
		if algo != tc.algo || ok != (tc.algo != "") {
			t.Errorf("Match: %q %v, want %q", algo, ok, tc.algo)
		}
	}
	if !h.NeedsMD5() || !h.NeedsSHA1() {
		t.Error("Needs* should be true with MD5 and SHA-1 entries")
	}
}
