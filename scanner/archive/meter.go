package archive

import "io"

// counter counts the bytes read through it: the compressed side of a decoder.
type counter struct {
	r io.Reader
	n int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// byteCounter is a counter over a buffered reader that decoders may read byte by
// byte.
type byteCounter struct {
	counter
	br io.ByteReader
}

func (c *byteCounter) ReadByte() (byte, error) {
	b, err := c.br.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// meter is the expanded side of one decoder: every byte it passes counts against
// the member's size, the decoder's ratio and the file's totals, before the reader
// sees it. A limit ends the read with a *LimitError.
type meter struct {
	w   *walker
	r   io.Reader // the decoder
	in  *counter  // its compressed input
	out int64
	max int64 // the most it may produce: a member's limit, unless it holds a tar
	err error // sticky: a decoder is not read past a limit
}

func (w *walker) newMeter(dec io.Reader, in *counter) *meter {
	return &meter{w: w, r: dec, in: in, max: w.lim.MaxMember}
}

func (m *meter) Read(p []byte) (int, error) {
	if m.err == nil && m.out > m.max {
		m.err = &LimitError{Reason: SkipMember} // max was lowered after a peek
	}
	if m.err != nil {
		return 0, m.err
	}
	// Never decode far past a limit: at most what the member may still produce.
	if rest := m.max - m.out; int64(len(p)) > rest+1 {
		p = p[:rest+1]
	}
	n, err := m.r.Read(p)
	m.out += int64(n)
	if lerr := m.check(n); lerr != nil {
		m.err = lerr
		return n, lerr
	}
	return n, err
}

func (m *meter) check(n int) error {
	w := m.w
	if err := w.produced(n); err != nil {
		return err
	}
	switch {
	case m.out > m.max:
		return &LimitError{Reason: SkipMember}
	case m.in != nil && m.out > ratioGrace && float64(m.out) > w.lim.MaxRatio*float64(max(m.in.n, 1)):
		return &LimitError{Reason: SkipRatio}
	}
	return nil
}

// produced counts n expanded bytes against the file's limits and hands them to the
// caller's accounting (its rate limit and duty cycle).
func (w *walker) produced(n int) error {
	w.total += int64(n)
	switch {
	case w.total > w.lim.MaxTotal:
		return &LimitError{Reason: SkipTotal, Whole: true}
	case w.total > ratioGrace && float64(w.total) > w.lim.MaxRatio*float64(max(w.size, 1)):
		return &LimitError{Reason: SkipRatio, Whole: true}
	}
	if w.account != nil && n > 0 {
		if err := w.account(n); err != nil {
			return &stopError{err}
		}
	}
	return nil
}

// stopError ends a whole walk: the caller's accounting failed (the scan was
// cancelled).
type stopError struct{ err error }

func (e *stopError) Error() string { return e.err.Error() }
func (e *stopError) Unwrap() error { return e.err }
