package traffic

// maxStream bounds what a flow keeps of each direction of a TCP stream: the first
// bytes only, enough for a TLS ClientHello, a ServerHello and a certificate chain.
const maxStream = 16 << 10

// streamBuf reassembles the start of one direction of a TCP stream from segments in
// order. A retransmission is dropped, an overlap trimmed; a gap (a lost or reordered
// segment) stops the reassembly, since a parser must not read bytes out of place.
// Its buffer is kept when the flow's extra state is recycled, so it allocates only
// while it grows to its working size.
type streamBuf struct {
	buf  []byte
	next uint32 // sequence number of the next byte expected
	on   bool   // the first segment has been seen
	stop bool   // a gap or the bound ended the reassembly
}

func (b *streamBuf) reset() {
	b.buf = b.buf[:0]
	b.next, b.on, b.stop = 0, false, false
}

// add appends segment data that starts at sequence number seq, and reports whether
// the stream grew.
func (b *streamBuf) add(seq uint32, data []byte) bool {
	if b.stop || len(data) == 0 {
		return false
	}
	if !b.on {
		b.on, b.next = true, seq
	}
	switch d := int32(seq - b.next); {
	case d > 0:
		b.stop = true
		return false
	case d < 0:
		if int(-d) >= len(data) {
			return false // all of it seen already
		}
		data = data[-d:]
	}
	room := maxStream - len(b.buf)
	if room <= 0 {
		b.stop = true
		return false
	}
	if len(data) > room {
		data = data[:room]
	}
	b.buf = append(b.buf, data...)
	b.next += uint32(len(data))
	return true
}

// tcpSeq returns the sequence number of a TCP header.
func tcpSeq(h []byte) uint32 {
	if len(h) < 8 {
		return 0
	}
	return uint32(h[4])<<24 | uint32(h[5])<<16 | uint32(h[6])<<8 | uint32(h[7])
}
