package traffic

// maxStream bounds what the TLS parser keeps of each direction of a TCP stream: the
// first bytes only, enough for a TLS ClientHello, a ServerHello and a certificate
// chain.
const maxStream = 16 << 10

// streamBuf keeps the start of one direction of a TCP stream as the reassembly
// delivers it, in order, for a parser that reads across messages (TLS records and
// handshake messages span segments). Its buffer is kept when the flow's extra state
// is recycled, so it allocates only while it grows to its working size.
type streamBuf struct {
	buf  []byte
	stop bool // a gap or the bound ended it
}

func (b *streamBuf) reset() {
	b.buf = b.buf[:0]
	b.stop = false
}

// add appends in-order bytes and reports whether the stream grew.
func (b *streamBuf) add(data []byte) bool {
	if b.stop || len(data) == 0 {
		return false
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
	return true
}
