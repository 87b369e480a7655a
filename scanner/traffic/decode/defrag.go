package decode

import (
	"encoding/binary"
	"time"
)

// Defaults of DefragConfig.
const (
	DefaultFragTimeout   = 30 * time.Second
	DefaultFragMemory    = 4 << 20
	DefaultFragDatagrams = 1024
	// maxFragPieces bounds the fragments of one datagram: 8-byte fragments of a
	// 64 KiB datagram would be 8,192, and no sender needs more than a few.
	maxFragPieces = 64
	maxDatagram   = 65535
)

// DefragConfig bounds IP reassembly. Zero fields take the defaults.
type DefragConfig struct {
	Timeout   time.Duration // a datagram not whole this long after its first fragment is dropped
	Memory    int           // bytes of fragment data held at once, over all datagrams
	Datagrams int           // datagrams held at once
}

// DefragStats counts what reassembly met.
type DefragStats struct {
	Fragments uint64 // fragments taken in
	Datagrams uint64 // datagrams made whole
	Dropped   uint64 // fragments dropped: overlapping, too many, too old, over a bound
}

// Defragmenter puts IPv4 and IPv6 fragments back together, so that a transport
// header or a handshake cut across fragments decodes as if it had not been. It is
// bounded by time (packet time), memory and the number of datagrams; fragments that
// overlap one another are dropped with their whole datagram (RFC 5722's rule for
// IPv6, applied to IPv4 too: overlaps are how a sender shows one thing to a monitor
// and another to the host), except an exact repeat, which is ignored.
type Defragmenter struct {
	cfg   DefragConfig
	m     map[fragKey]*datagram
	order []*datagram // by first fragment's time, oldest first
	free  []*datagram
	used  int
	out   []byte // the last datagram made whole
	stats DefragStats
}

type fragKey struct {
	src, dst [16]byte
	id       uint32
	proto    uint8
	v6       bool
}

type piece struct{ lo, hi int }

type datagram struct {
	key    fragKey
	first  time.Time
	hdr    []byte // the IP header of the fragment at offset 0
	data   []byte
	pieces []piece
	total  int // -1 until the last fragment (more fragments clear) came
	dead   bool
}

// fragment is what the decoder read of one fragment.
type fragment struct {
	v6    bool
	hdr   []byte // IPv4 header, or the 40-byte IPv6 header
	src   []byte
	dst   []byte
	id    uint32
	proto uint8
	off   int
	more  bool
	data  []byte
}

// NewDefragmenter returns a Defragmenter bounded by cfg.
func NewDefragmenter(cfg DefragConfig) *Defragmenter {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultFragTimeout
	}
	if cfg.Memory <= 0 {
		cfg.Memory = DefaultFragMemory
	}
	if cfg.Datagrams <= 0 {
		cfg.Datagrams = DefaultFragDatagrams
	}
	return &Defragmenter{cfg: cfg, m: map[fragKey]*datagram{}}
}

// Stats returns the counters.
func (d *Defragmenter) Stats() DefragStats { return d.stats }

// Reset drops every datagram held, for a new capture; the counters start again.
func (d *Defragmenter) Reset() {
	for _, g := range d.order {
		d.drop(g, false)
	}
	d.order = d.order[:0]
	d.stats = DefragStats{}
}

// add takes one fragment at packet time now and returns the whole IP packet (a
// header without fragmentation, then the payload) when it was the last piece
// missing; the packet is valid until the next call.
func (d *Defragmenter) add(fr *fragment, now time.Time) ([]byte, bool) {
	d.stats.Fragments++
	d.expire(now)
	k := fragKey{id: fr.id, proto: fr.proto, v6: fr.v6}
	copy(k.src[:], fr.src)
	copy(k.dst[:], fr.dst)
	g := d.m[k]
	if g == nil {
		if len(d.m) >= d.cfg.Datagrams {
			d.stats.Dropped++
			return nil, false
		}
		g = d.newDatagram(k, now)
	}
	if g.dead || !d.place(g, fr) {
		d.stats.Dropped++
		return nil, false
	}
	if g.total < 0 || !complete(g) {
		return nil, false
	}
	d.out = whole(d.out[:0], g)
	d.stats.Datagrams++
	d.drop(g, true)
	return d.out, true
}

// place copies a fragment into its datagram; false drops the fragment (and, for an
// overlap, the datagram: the rest of its fragments are dropped as they come).
func (d *Defragmenter) place(g *datagram, fr *fragment) bool {
	lo, hi := fr.off, fr.off+len(fr.data)
	if hi > maxDatagram || (g.total >= 0 && hi > g.total) || (!fr.more && hi < maxEnd(g)) {
		g.dead = true
		return false
	}
	for _, p := range g.pieces {
		if lo < p.hi && p.lo < hi {
			if p.lo == lo && p.hi == hi && string(g.data[lo:hi]) == string(fr.data) {
				return true // an exact repeat
			}
			g.dead = true
			return false
		}
	}
	if len(g.pieces) >= maxFragPieces {
		g.dead = true
		return false
	}
	if hi > cap(g.data) {
		grow := max(hi, 2*cap(g.data))
		if d.used+grow-cap(g.data) > d.cfg.Memory {
			g.dead = true
			return false
		}
		n := make([]byte, len(g.data), grow)
		copy(n, g.data)
		d.used += grow - cap(g.data)
		g.data = n
	}
	if hi > len(g.data) {
		g.data = g.data[:hi]
	}
	copy(g.data[lo:hi], fr.data)
	g.pieces = append(g.pieces, piece{lo, hi})
	if lo == 0 {
		g.hdr = append(g.hdr[:0], fr.hdr...)
	}
	if !fr.more {
		g.total = hi
	}
	return true
}

func maxEnd(g *datagram) int {
	n := 0
	for _, p := range g.pieces {
		n = max(n, p.hi)
	}
	return n
}

// complete reports whether the pieces cover the datagram from 0 to its total.
func complete(g *datagram) bool {
	if len(g.hdr) == 0 {
		return false
	}
	covered := 0
	for _, p := range g.pieces {
		covered += p.hi - p.lo // pieces never overlap
	}
	return covered == g.total
}

// whole writes the datagram as one unfragmented IP packet.
func whole(out []byte, g *datagram) []byte {
	out = append(out, g.hdr...)
	out = append(out, g.data[:g.total]...)
	if g.key.v6 {
		binary.BigEndian.PutUint16(out[4:6], uint16(g.total))
		out[6] = g.key.proto // the fragment header and what came before it are gone
		return out
	}
	binary.BigEndian.PutUint16(out[2:4], uint16(min(len(out), maxDatagram)))
	out[6], out[7] = out[6]&0x80, 0 // no more fragments, offset 0; the reserved bit kept
	return out
}

func (d *Defragmenter) newDatagram(k fragKey, now time.Time) *datagram {
	var g *datagram
	if n := len(d.free); n > 0 {
		g, d.free = d.free[n-1], d.free[:n-1]
	} else {
		g = &datagram{}
	}
	g.key, g.first, g.total, g.dead = k, now, -1, false
	g.hdr, g.data, g.pieces = g.hdr[:0], g.data[:0], g.pieces[:0]
	if d.used+cap(g.data) > d.cfg.Memory {
		g.data = nil // a kept buffer must not take the memory bound past its limit
	}
	d.used += cap(g.data)
	d.m[k] = g
	d.order = append(d.order, g)
	return g
}

// expire drops the datagrams whose first fragment is older than the timeout.
func (d *Defragmenter) expire(now time.Time) {
	n := 0
	for n < len(d.order) && now.Sub(d.order[n].first) > d.cfg.Timeout {
		d.stats.Dropped += uint64(len(d.order[n].pieces))
		d.drop(d.order[n], false)
		n++
	}
	if n > 0 {
		d.order = append(d.order[:0], d.order[n:]...)
	}
}

// drop forgets a datagram and keeps its buffers for the next; unlink also takes it
// out of the time order.
func (d *Defragmenter) drop(g *datagram, unlink bool) {
	if d.m[g.key] == g {
		delete(d.m, g.key)
	}
	if unlink {
		for i, o := range d.order {
			if o == g {
				d.order = append(d.order[:i], d.order[i+1:]...)
				break
			}
		}
	}
	d.used -= cap(g.data)
	if cap(g.data) > 16<<10 { // keep small buffers only: a huge datagram is rare
		g.data = nil
	}
	d.free = append(d.free, g)
}
