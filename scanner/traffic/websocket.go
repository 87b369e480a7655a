package traffic

// maxWSFrames bounds the WebSocket frames of each direction whose payload is
// inspected: the handshakes a fingerprint reads are in the first few.
const maxWSFrames = 8

// wsReader takes WebSocket frames (RFC 6455, section 5) out of one direction of an
// upgraded stream and unmasks their payload: a client's frames are masked with a key
// of 4 bytes, a server's are not. A frame longer than what was delivered goes on in
// the next payload; what is inspected of it is its start. The unmasked bytes go to
// a scratch buffer of its own, kept for the next frame.
type wsReader struct {
	nframes uint8 // data frames seen
	remain  int   // payload bytes of the current frame still to come
	key     [4]byte
	masked  bool
	keyOff  int  // position in the key of the next payload byte
	data    bool // the current frame carries data (not a control frame)
	buf     []byte
}

// frames walks the frames in b and hands each data frame's payload, unmasked, to fn,
// which returns false to stop.
func (w *wsReader) frames(b []byte, client bool, fn func([]byte) bool) {
	for len(b) > 0 {
		if w.remain == 0 {
			n, ok := w.header(b)
			if !ok {
				return // not a frame: the stream is not (or no longer) WebSocket
			}
			b = b[n:]
			if w.data {
				w.nframes++
			}
		}
		take := min(w.remain, len(b))
		chunk := b[:take]
		b = b[take:]
		w.remain -= take
		if !w.data || w.nframes > maxWSFrames || take == 0 {
			continue
		}
		if w.masked {
			w.buf = append(w.buf[:0], chunk...)
			for i := range w.buf {
				w.buf[i] ^= w.key[(w.keyOff+i)&3]
			}
			w.keyOff = (w.keyOff + take) & 3
			chunk = w.buf
		}
		if !fn(chunk) {
			return
		}
	}
}

// header reads a frame header at the start of b.
func (w *wsReader) header(b []byte) (int, bool) {
	if len(b) < 2 || b[0]&0x70 != 0 { // reserved bits: no extension is negotiated here
		return 0, false
	}
	op := b[0] & 0x0f
	n := 2
	plen := int(b[1] & 0x7f)
	switch plen {
	case 126:
		if len(b) < 4 {
			return 0, false
		}
		plen = int(be16(b[2:]))
		n = 4
	case 127:
		if len(b) < 10 || b[2]&0x80 != 0 {
			return 0, false
		}
		v := uint64(be32(b[2:]))<<32 | uint64(be32(b[6:]))
		if v > 1<<40 {
			return 0, false
		}
		plen = int(v)
		n = 10
	}
	w.masked = b[1]&0x80 != 0
	if w.masked {
		if len(b) < n+4 {
			return 0, false
		}
		copy(w.key[:], b[n:n+4])
		n += 4
	}
	w.keyOff = 0
	w.remain = plen
	w.data = op <= 2 // continuation, text, binary
	return n, true
}

// wsMore holds a WebSocket frame whose header, or whose payload's first part, has
// not all come: an inner handshake cut into segments is read whole.
func wsMore(w *wsReader, pl []byte, budget int) bool {
	if w.remain > 0 {
		return false
	}
	var probe wsReader
	n, ok := probe.header(pl)
	if !ok {
		return len(pl) < 14 // a header cut short
	}
	return len(pl) < n+probe.remain && n+probe.remain <= budget
}
