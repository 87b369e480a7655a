package traffic

import (
	"errors"
	"time"

	"github.com/google/gopacket"

	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// LiveStats counts what a live capture read.
type LiveStats struct {
	Packets    uint64 // read from the socket
	Bytes      uint64 // their length on the wire (not the snap length kept)
	Filtered   uint64 // left out by the filter
	NotIP      uint64
	Malformed  uint64
	Drops      uint64 // dropped by the kernel, the receive buffer full
	Flows      FlowStats
	Reassembly ReassemblyStats
	Findings   uint64
}

// Live scans packets from src until done is closed or the time until (when not
// zero) has come, then ends every flow. Packets that do not pass filter (nil: all
// pass) are counted and left out. Findings go to the Scanner's emit function, which
// must not block: a live capture drops packets while it waits.
func (s *Scanner) Live(src *capture.LiveSource, filter *decode.Filter, until time.Time,
	done <-chan struct{}) (LiveStats, error) {
	s.Reset(src.Name())
	st, err := s.LiveWindow(src, filter, until, done)
	s.Flush()
	ss := s.Stats()
	st.Flows, st.Findings, st.Reassembly = ss.Flows, ss.Findings, ss.Reassembly
	return st, err
}

// LiveWindow is Live without the start and the end: the flow table carries over
// from the previous window and into the next, so a handshake that straddles the
// boundary is still seen whole. A long-running capture calls it once a window to
// publish its counters; the stats it returns are those of this window alone (Active:
// the flows in the table at its end). Call Reset before the first window and Flush
// after the last.
func (s *Scanner) LiveWindow(src *capture.LiveSource, filter *decode.Filter, until time.Time,
	done <-chan struct{}) (st LiveStats, err error) {
	dec := s.decoder()
	p := &s.pkt
	before := s.Stats()
	defer func() {
		st.Drops += src.Drops()
		ss := s.Stats()
		st.Findings = ss.Findings - before.Findings
		st.Flows = ss.Flows.since(before.Flows)
		st.Reassembly = ss.Reassembly.since(before.Reassembly)
	}()
	for {
		select {
		case <-done:
			return st, nil
		default:
		}
		now := time.Now()
		if !until.IsZero() && !now.Before(until) {
			return st, nil
		}
		var data []byte
		var ci gopacket.CaptureInfo
		data, ci, err = src.Next()
		if err == capture.ErrTimeout {
			s.Tick(now)
			continue
		}
		if err != nil {
			return st, err
		}
		st.Packets++
		st.Bytes += uint64(ci.Length)
		p.Num, p.Time, p.Length = src.Num(), ci.Timestamp, ci.Length
		if err := dec.DecodeLink(src.LinkType(), data, p); err != nil {
			if errors.Is(err, decode.ErrNotIP) {
				st.NotIP++
			} else {
				st.Malformed++
			}
			continue
		}
		if filter != nil && !filter.Match(p) {
			st.Filtered++
			continue
		}
		s.Packet(p)
	}
}
