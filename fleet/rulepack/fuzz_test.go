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

// FuzzDecodeBody reaches the body parser, which a signature normally guards: it
// never panics, and what it accepts encodes back to the same bytes.
func FuzzDecodeBody(f *testing.F) {
	p := &Pack{Version: 7, KeyID: "0123456789abcdef", Files: []File{
		{Name: "a.toml", Data: []byte("[[rule]]\n")},
		{Name: "big.txt", Object: NewObject([]byte("10.0.0.1\n"))},
		{Name: "z.txt", Data: []byte("192.0.2.1\n")},
	}}
	f.Add(encodeBody(p))
	f.Add([]byte(bodyMagic + "version 1\ncreated 2026-01-01T00:00:00Z\nkey 0123456789abcdef\nobject 5 zz x\nend\n"))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := decodeBody(body)
		if err != nil {
			return
		}
		if got := encodeBody(p); !bytes.Equal(got, body) {
			t.Fatalf("accepted a body that does not encode back:\n%q\n%q", body, got)
		}
	})
}
