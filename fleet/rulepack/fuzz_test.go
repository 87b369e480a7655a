package rulepack

import (
	"bytes"
	"crypto/ed25519"
	"testing"
)

// FuzzOpenPack: Open never panics, and a valid envelope with any one byte
// changed is refused.
func FuzzOpenPack(f *testing.F) {
	env := validEnvelope(f)
	trusted := []ed25519.PublicKey{pubOf(testKey(1))}
	f.Add(env, uint32(0), byte(1))
	f.Add([]byte(envelopeMagic+"key 0123456789abcdef\nsig \n"), uint32(30), byte(0x80))
	f.Add([]byte{}, uint32(5), byte(0xff))
	f.Add(env[:200], uint32(len(env)-1), byte(0x20))
	f.Fuzz(func(t *testing.T, data []byte, pos uint32, x byte) {
		if p, err := Open(data, trusted); err == nil {
			// Only a validly signed pack opens; whatever it holds is well formed.
			if checkFiles(p.Files) != nil || p.Version == 0 {
				t.Fatalf("opened a bad pack: %+v", p)
			}
		}
		if x == 0 {
			return
		}
		changed := bytes.Clone(env)
		changed[int(pos)%len(changed)] ^= x
		if p, err := Open(changed, trusted); err == nil {
			t.Fatalf("envelope with byte %d changed (^%#x) opened: version %d", int(pos)%len(changed), x, p.Version)
		}
	})
}
