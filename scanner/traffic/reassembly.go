package traffic

import "math/bits"

// DefaultStreamBytes is how many bytes of each direction of a TCP stream are put in
// order and inspected when ScannerConfig leaves StreamBytes 0: every handshake the
// fingerprints read (a ClientHello, a ServerHello with its certificate chain, an
// HTTP request head, a proxy's reply) fits.
const DefaultStreamBytes = 16 << 10

// DefaultReassemblyMemory bounds the buffers of every flow's held TCP bytes and IP
// fragments together when ScannerConfig leaves ReassemblyMemory 0.
const DefaultReassemblyMemory = 64 << 20

// minHeld is the smallest buffer lent to a direction that holds bytes.
const minHeld = 1 << 10

// tcpStream puts the start of one direction of a TCP stream in order. Bytes that
// arrive in order and complete a message are delivered straight from the packet;
// only a message that is still incomplete, or data that arrived ahead of a gap, is
// copied into held, a buffer lent from the Scanner's pool. held[i] is the byte of
// sequence number next+i; mask, set only once something arrived out of order, has a
// bit for each byte of held that arrived. Bytes that overlap bytes already there are
// dropped: the first copy wins, so a later, different copy cannot rewrite what the
// fingerprints see, and the overlap is counted.
type tcpStream struct {
	next uint32 // sequence number of the next byte to deliver
	on   bool   // next is known: a SYN or the first segment set it
	syn  bool   // next came from a SYN
	stop bool   // the byte budget is spent, or the pool refused a buffer: nothing more
	gap  bool   // bytes were skipped before the next delivery
	sent int    // bytes delivered so far
	held []byte // len is one past the furthest byte held
	mask []uint64
}

// span is the sequence offset of seq from the next byte to deliver.
func (t *tcpStream) offset(seq uint32) int { return int(int32(seq - t.next)) }

// contiguous returns how many bytes at the start of held arrived.
func (t *tcpStream) contiguous() int {
	if t.mask == nil {
		return len(t.held)
	}
	n := 0
	for _, w := range t.mask {
		if w != ^uint64(0) {
			n += bits.TrailingZeros64(^w)
			break
		}
		n += 64
	}
	return min(n, len(t.held))
}

// put copies data, whose first byte is at offset off of held, into held, growing it
// from the pool; it returns how many of its bytes overlapped bytes already held and
// how many of those differed, or ok false when the pool refused to lend.
func (t *tcpStream) put(p *bufPool, off int, data []byte) (overlap, conflict int, ok bool) {
	end := off + len(data)
	if end > cap(t.held) && !t.grow(p, end) {
		return 0, 0, false
	}
	if t.mask == nil {
		if off <= len(t.held) { // in order with what is held, perhaps overlapping its end
			n := min(len(t.held)-off, len(data))
			for i, c := range data[:n] {
				overlap++
				if t.held[off+i] != c {
					conflict++
				}
			}
			t.held = append(t.held, data[n:]...)
			return overlap, conflict, true
		}
		// Ahead of a gap: from now on, track which bytes arrived.
		t.mask = p.mask(cap(t.held))
		setBits(t.mask, 0, len(t.held))
	}
	if end > len(t.held) {
		n := len(t.held)
		t.held = t.held[:end]
		clear(t.held[n:])
	}
	for i, c := range data {
		j := off + i
		if t.mask[j>>6]&(1<<(j&63)) != 0 {
			overlap++
			if t.held[j] != c {
				conflict++
			}
			continue
		}
		t.held[j] = c
		t.mask[j>>6] |= 1 << (j & 63)
	}
	return overlap, conflict, true
}

// grow moves held into a buffer of at least n bytes.
func (t *tcpStream) grow(p *bufPool, n int) bool {
	b, ok := p.get(n)
	if !ok {
		return false
	}
	b = append(b, t.held...)
	p.put(t.held)
	t.held = b
	if t.mask != nil {
		m := p.mask(cap(b))
		copy(m, t.mask)
		p.putMask(t.mask)
		t.mask = m
	}
	return true
}

// consume drops the first n bytes of held, which were delivered, and moves next on.
func (t *tcpStream) consume(p *bufPool, n int) {
	t.next += uint32(n)
	t.sent += n
	rest := len(t.held) - n
	if rest <= 0 {
		t.release(p)
		return
	}
	copy(t.held, t.held[n:])
	t.held = t.held[:rest]
	if t.mask != nil {
		shiftBits(t.mask, n, len(t.held)+n)
	}
}

// skipTo gives up on the bytes before the first held byte that arrived: they will
// not come (the peer acknowledged them, or the flow ended). It reports how many
// bytes were skipped.
func (t *tcpStream) skipTo() int {
	if t.mask == nil || len(t.held) == 0 {
		return 0
	}
	n := 0
	for n < len(t.held) && t.mask[n>>6]&(1<<(n&63)) == 0 {
		n++
	}
	if n == 0 {
		return 0
	}
	t.next += uint32(n)
	copy(t.held, t.held[n:])
	shiftBits(t.mask, n, len(t.held))
	t.held = t.held[:len(t.held)-n]
	t.gap = true
	return n
}

// release gives the buffers back to the pool.
func (t *tcpStream) release(p *bufPool) {
	if t.held != nil {
		p.put(t.held)
		t.held = nil
	}
	if t.mask != nil {
		p.putMask(t.mask)
		t.mask = nil
	}
}

func (t *tcpStream) reset(p *bufPool) {
	t.release(p)
	*t = tcpStream{}
}

// setBits sets bits [from, to) of m.
func setBits(m []uint64, from, to int) {
	for i := from; i < to; i++ {
		m[i>>6] |= 1 << (i & 63)
	}
}

// shiftBits moves bits [n, end) of m down to 0 and clears the rest.
func shiftBits(m []uint64, n, end int) {
	for i := 0; i+n < end; i++ {
		j := i + n
		if m[j>>6]&(1<<(j&63)) != 0 {
			m[i>>6] |= 1 << (i & 63)
		} else {
			m[i>>6] &^= 1 << (i & 63)
		}
	}
	for i := max(end-n, 0); i < len(m)*64; i++ {
		m[i>>6] &^= 1 << (i & 63)
	}
}

// bufPool lends the buffers of held TCP bytes and IP fragments, in power-of-two
// sizes, and keeps what they hold together under a limit: past it, a direction that
// would need a buffer gives up on reassembly (counted) rather than grow memory.
// Buffers come back when a message is delivered or a flow is done, so in the steady
// state nothing is allocated.
type bufPool struct {
	limit  int // bytes of buffers lent at once
	lent   int
	free   [24][][]byte
	masks  [][]uint64
	refuse uint64 // requests refused at the limit
}

func sizeClass(n int) int {
	n = max(n, minHeld)
	return bits.Len(uint(n - 1))
}

// get lends a buffer of at least n bytes (length 0), or reports false at the limit.
func (p *bufPool) get(n int) ([]byte, bool) {
	c := sizeClass(n)
	size := 1 << c
	if c >= len(p.free) || p.lent+size > p.limit {
		p.refuse++
		return nil, false
	}
	p.lent += size
	if l := len(p.free[c]); l > 0 {
		b := p.free[c][l-1]
		p.free[c] = p.free[c][:l-1]
		return b[:0], true
	}
	return make([]byte, 0, size), true
}

// put takes back a buffer lent by get.
func (p *bufPool) put(b []byte) {
	if cap(b) == 0 {
		return
	}
	c := sizeClass(cap(b))
	p.lent -= 1 << c
	p.free[c] = append(p.free[c], b[:0])
}

// mask lends a cleared bit set for a buffer of n bytes. Masks are only needed for
// data that arrived out of order, so they are not counted against the limit beyond
// the buffer they describe (an eighth of its size).
func (p *bufPool) mask(n int) []uint64 {
	words := (n + 63) / 64
	for i, m := range p.masks {
		if cap(m) >= words {
			p.masks[i] = p.masks[len(p.masks)-1]
			p.masks = p.masks[:len(p.masks)-1]
			m = m[:words]
			clear(m)
			return m
		}
	}
	return make([]uint64, words)
}

func (p *bufPool) putMask(m []uint64) {
	if len(p.masks) < 1024 {
		p.masks = append(p.masks, m)
	}
}
