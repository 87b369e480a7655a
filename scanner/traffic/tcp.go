package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// ReassemblyStats counts what putting TCP streams in order and IP fragments
// together met. None of it is an error: a hostile or lossy sender makes these, and a
// capture that starts mid-flow does too.
type ReassemblyStats struct {
	OutOfOrder  uint64 // segments that arrived ahead of a gap and were held
	Overlaps    uint64 // segments that repeated bytes already held or delivered (the first copy won)
	Conflicts   uint64 // of those, segments whose repeated bytes differed from the first copy
	GapsSkipped uint64 // gaps given up on: the peer acknowledged bytes the capture never had, or the flow ended
	PastBudget  uint64 // segments (or parts) beyond the byte budget of their direction, not inspected
	Refused     uint64 // buffers the memory limit refused: the direction was inspected without reassembly
	Fragments   uint64 // IP fragments taken in
	Datagrams   uint64 // datagrams put together from fragments
	FragDropped uint64 // fragments dropped: overlapping, too many, too old or over the memory limit
}

// since returns the counts added after before was taken.
func (r ReassemblyStats) since(before ReassemblyStats) ReassemblyStats {
	return ReassemblyStats{
		OutOfOrder: r.OutOfOrder - before.OutOfOrder, Overlaps: r.Overlaps - before.Overlaps,
		Conflicts: r.Conflicts - before.Conflicts, GapsSkipped: r.GapsSkipped - before.GapsSkipped,
		PastBudget: r.PastBudget - before.PastBudget, Refused: r.Refused - before.Refused,
		Fragments: r.Fragments - before.Fragments, Datagrams: r.Datagrams - before.Datagrams,
		FragDropped: r.FragDropped - before.FragDropped,
	}
}

// Add adds o's counts to r.
func (r *ReassemblyStats) Add(o ReassemblyStats) {
	r.OutOfOrder += o.OutOfOrder
	r.Overlaps += o.Overlaps
	r.Conflicts += o.Conflicts
	r.GapsSkipped += o.GapsSkipped
	r.PastBudget += o.PastBudget
	r.Refused += o.Refused
	r.Fragments += o.Fragments
	r.Datagrams += o.Datagrams
	r.FragDropped += o.FragDropped
}

// Counts names each count, for metrics and summaries.
func (r ReassemblyStats) Counts() map[string]uint64 {
	return map[string]uint64{"out_of_order": r.OutOfOrder, "overlap": r.Overlaps, "conflict": r.Conflicts,
		"gap_skipped": r.GapsSkipped, "past_budget": r.PastBudget, "refused": r.Refused,
		"fragment": r.Fragments, "datagram": r.Datagrams, "fragment_dropped": r.FragDropped}
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// tcpSegment takes one TCP segment of a flow under inspection: it notes a SYN's
// sequence number, lets the peer's acknowledgement settle gaps in the other
// direction, puts the payload in order, and delivers each message that is whole (or
// as whole as it will get) to the parsers and fingerprints. A segment that arrives
// in order and completes a message is delivered straight from the packet; only the
// rest is copied.
func (s *Scanner) tcpSegment(f *Flow, dir Dir, p *decode.Packet) {
	h := p.Header
	if len(h) < 20 {
		return
	}
	x := f.State.x
	t := &x.tcp[dir]
	seq := be32(h[4:])
	if p.TCPFlags&decode.TCPFlagSYN != 0 {
		if t.sent == 0 && len(t.held) == 0 {
			t.on, t.syn, t.next = true, true, seq+1
		}
		seq++
	}
	if p.TCPFlags&decode.TCPFlagACK != 0 {
		s.acked(f, 1-dir, be32(h[8:]), p)
		if f.Done {
			return
		}
	}
	pl := p.Payload
	if len(pl) == 0 || t.stop {
		return
	}
	if !t.on {
		t.on, t.next = true, seq
	}
	// The other side speaks: what it holds of a message is as whole as it will get.
	if o := &x.tcp[1-dir]; o.contiguous() > 0 {
		s.drain(f, 1-dir, p, true)
		if f.Done {
			return
		}
	}
	off := t.offset(seq)
	if off < 0 {
		s.stats.Reassembly.Overlaps++
		if -off >= len(pl) {
			return // delivered already: a retransmission
		}
		pl, off = pl[-off:], 0
	}
	room := s.streamBytes - t.sent - off
	if room <= 0 {
		s.stats.Reassembly.PastBudget++
		return
	}
	if len(pl) > room {
		s.stats.Reassembly.PastBudget++
		pl = pl[:room]
	}
	if off == 0 && len(t.held) == 0 && !s.needMore(f, dir, pl) {
		s.deliver(f, dir, p, pl, t.gap)
		t.gap = false
		t.next += uint32(len(pl))
		t.sent += len(pl)
		if t.sent >= s.streamBytes {
			t.stop = true
		}
		return
	}
	if off > len(t.held) {
		s.stats.Reassembly.OutOfOrder++
	}
	ov, cf, ok := t.put(&s.pool, off, pl)
	if !ok { // counted by the pool
		if off == 0 && len(t.held) == 0 { // inspect it as it comes, unassembled
			s.deliver(f, dir, p, pl, t.gap)
			t.next += uint32(len(pl))
			t.sent += len(pl)
		}
		return
	}

	if ov > 0 {
		s.stats.Reassembly.Overlaps++
		if cf > 0 {
			s.stats.Reassembly.Conflicts++
		}
	}
	s.drain(f, dir, p, false)
}

// drain delivers the bytes held in order at the start of dir's stream, unless the
// message they start is still incomplete and force is false. A direction whose
// budget is full is delivered whole and stops.
func (s *Scanner) drain(f *Flow, dir Dir, p *decode.Packet, force bool) {
	t := &f.State.x.tcp[dir]
	n := t.contiguous()
	if n == 0 {
		return
	}
	full := t.sent+len(t.held) >= s.streamBytes
	if !force && !full && s.needMore(f, dir, t.held[:n]) {
		return
	}
	s.deliver(f, dir, p, t.held[:n], t.gap)
	if f.Done || f.State.x == nil {
		return // the buffers went back with the flow's inspection
	}
	t.gap = false
	t.consume(&s.pool, n)
	if full && n > 0 && t.sent >= s.streamBytes {
		t.stop = true
		t.release(&s.pool)
	}
}

// acked reads an acknowledgement for dir's stream: when the peer acknowledges bytes
// past a gap the capture never had, they will not come, and what is held after the
// gap is delivered.
func (s *Scanner) acked(f *Flow, dir Dir, ack uint32, p *decode.Packet) {
	t := &f.State.x.tcp[dir]
	if !t.on || t.mask == nil || t.contiguous() > 0 || int32(ack-t.next) <= 0 {
		return
	}
	if t.skipTo() > 0 {
		s.stats.Reassembly.GapsSkipped++
		s.drain(f, dir, p, false)
	}
}

// flushStreams delivers whatever both directions hold when a flow ends, gaps and
// incomplete messages included: nothing more will come.
func (s *Scanner) flushStreams(f *Flow) {
	x := f.State.x
	for d := FromClient; d <= FromServer && !f.Done; d++ {
		t := &x.tcp[d]
		for len(t.held) > 0 && !f.Done {
			if t.contiguous() == 0 {
				if t.skipTo() == 0 {
					break
				}
				s.stats.Reassembly.GapsSkipped++
			}
			s.drain(f, d, &s.none, true)
		}
	}
}

// needMore asks the parsers and the undecided fingerprints whether data, the bytes
// a direction would deliver next, is the start of a message they read but not all
// of it: then it is held for the rest.
func (s *Scanner) needMore(f *Flow, dir Dir, data []byte) bool {
	st := &f.State
	if t := &st.x.tun; t.carries() {
		if t.kind == tunWebSocket {
			return wsMore(&t.ws[dir], data, s.streamBytes)
		}
		return !t.inner.Done && s.needMore(t.inner, dir, data)
	}
	in := &s.probe
	*in = inspection{s: s, f: f, st: st, dir: dir, p: &s.none, pl: data, n: f.Inspected[dir] + 1}
	if ss := st.x.tun.socks.stage; ss > socksStart && ss < socksDone && socksMoreLater(in) {
		return true
	}
	if st.decided == ^uint64(0) && st.tlsDone && st.httpDone && !s.e.needContent {
		return false
	}
	if !st.tlsDone && tlsMore(in) || !st.httpDone && httpMore(in) {
		return true
	}
	for id, more := range framers {
		if more != nil && st.decided&(1<<id) == 0 && more(in) {
			return true
		}
	}
	return false
}
