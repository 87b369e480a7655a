package traffic

import (
	"errors"
	"io"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// FileStats is what scanning one capture file read and found.
type FileStats struct {
	Packets     uint64 // packets read
	NotIP       uint64 // frames without IP (ARP, LLDP...): nothing wrong
	Malformed   uint64 // packets that did not decode, or of a link type not supported
	FirstBadNum int    // number of the first malformed packet, 0 if none
	Findings    uint64
	Flows       FlowStats
	Reassembly  ReassemblyStats
	// ReadErr is a truncated or garbled file's error (it names the file and the
	// packet); the packets before it were scanned.
	ReadErr error
}

// ScanSource scans every packet of src with a new Scanner of e and hands findings
// to emit. A read error part way is kept in ReadErr; what came before it counts.
func ScanSource(src *capture.FileSource, e *Engine, cfg ScannerConfig, emit func(scanner.Finding)) FileStats {
	return NewScanner(e, cfg, emit).ScanSource(src, cfg.Source)
}

// ScanSource scans every packet of src, after a Reset so that nothing of an earlier
// capture carries over; findings name source. A read error part way is kept in
// ReadErr; what came before it counts. Reusing one Scanner for many captures keeps
// its flows, buffers and decoder.
func (s *Scanner) ScanSource(src *capture.FileSource, source string) FileStats {
	var fs FileStats
	s.Reset(source)
	dec := s.decoder()
	p := &s.pkt
	for {
		data, ci, err := src.Next()
		if err != nil {
			if err != io.EOF {
				fs.ReadErr = err
			}
			break
		}
		fs.Packets++
		p.Num, p.Time, p.Length = src.Num(), ci.Timestamp, ci.Length
		if err := dec.DecodeLink(src.LinkType(), data, p); err != nil {
			if errors.Is(err, decode.ErrNotIP) {
				fs.NotIP++
				continue
			}
			fs.Malformed++
			if fs.FirstBadNum == 0 {
				fs.FirstBadNum = p.Num
			}
			continue
		}
		s.Packet(p)
	}
	s.Flush()
	st := s.Stats()
	fs.Findings, fs.Flows, fs.Reassembly = st.Findings, st.Flows, st.Reassembly
	return fs
}

// ScanFile opens a capture file and scans it with ScanSource. The error is for a
// file that cannot be read as a capture at all (missing, not pcap or pcapng); a file
// that breaks off part way is scanned up to the break, with FileStats.ReadErr set.
func ScanFile(path string, e *Engine, cfg ScannerConfig, emit func(scanner.Finding)) (FileStats, error) {
	src, err := capture.OpenFile(path)
	if err != nil {
		return FileStats{}, err
	}
	defer src.Close()
	if cfg.Source == "" {
		cfg.Source = path
	}
	return ScanSource(src, e, cfg, emit), nil
}

// ScanFile opens a capture file and scans it with s, as ScanSource does; the error
// is ScanFile's.
func (s *Scanner) ScanFile(path string) (FileStats, error) {
	src, err := capture.OpenFile(path)
	if err != nil {
		return FileStats{}, err
	}
	defer src.Close()
	return s.ScanSource(src, path), nil
}
