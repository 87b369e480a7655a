package traffic

import (
	"bufio"
	"errors"
	"github.com/aupscan/aupscan/internal/testenv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// corpusDir holds the acceptance corpus, beside the repository (../shared).
const corpusDir = "../../../shared/corpus/ndpi"

// corpusFiles returns the corpus captures, or nil when the corpus is not there.
func corpusFiles(tb testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "pcap", "*.pcap*"))
	return files
}

// scanStats counts what reading, decoding and tracking one capture found.
type scanStats struct {
	packets, notIP, malformed, unsupported int
	fragments, tunneled, truncated         int
	flows                                  uint64
	firstErr                               error // of decoding
}

// scanCapture reads a capture end to end through the packet layer: the source, a
// decoder, and a flow table expired by packet time.
func scanCapture(path string, d *decode.Decoder) (scanStats, error) {
	var st scanStats
	s, err := capture.OpenFile(path)
	if err != nil {
		return st, err
	}
	defer s.Close()
	ft := NewFlowTable(FlowTableConfig{})
	var p decode.Packet
	for {
		data, ci, err := s.Next()
		if err != nil {
			st.flows = ft.Stats().Created
			if err == io.EOF {
				err = nil
			}
			return st, err
		}
		st.packets++
		p.Num, p.Time, p.Length = s.Num(), ci.Timestamp, ci.Length
		if err := d.DecodeLink(s.LinkType(), data, &p); err != nil {
			st.count(err)
			continue
		}
		if p.Fragment == decode.LaterFragment {
			st.fragments++
		}
		if p.Tunnel != 0 {
			st.tunneled++
		}
		if p.Truncated {
			st.truncated++
		}
		ft.Track(&p)
		ft.Expire(p.Time, nil)
	}
}

func (st *scanStats) count(err error) {
	switch {
	case errors.Is(err, decode.ErrNotIP):
		st.notIP++
		return
	case errors.Is(err, decode.ErrUnsupportedLink):
		st.unsupported++
	default:
		st.malformed++
	}
	if st.firstErr == nil {
		st.firstErr = err
	}
}

// TestCorpus reads every capture of the acceptance corpus when it is there: no read
// error, no panic, the packet count LABELS.tsv gives, and all but a tiny fraction
// of the IP packets decoded. Run with -v for the per-file counts.
func TestCorpus(t *testing.T) {
	files := corpusFiles(t)
	if len(files) == 0 {
		testenv.Missing(t, "no corpus at "+corpusDir)
	}
	labels := corpusPacketCounts(t)
	var total scanStats
	d := decode.NewDecoder(decode.LinkEthernet)
	for _, path := range files {
		name := filepath.Base(path)
		st, err := scanCapture(path, d)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if want, ok := labels[name]; ok && st.packets != want {
			t.Errorf("%s: %d packets, LABELS.tsv says %d", name, st.packets, want)
		}
		t.Logf("%-34s packets %5d  flows %4d  not-ip %3d  failed %d  later-frags %d  tunneled %3d  truncated %d %v",
			name, st.packets, st.flows, st.notIP, st.malformed+st.unsupported, st.fragments,
			st.tunneled, st.truncated, orNil(st.firstErr))
		total.add(st)
	}
	failed := total.malformed + total.unsupported
	t.Logf("total: %d files, %d packets, %d flows, %d not IP, %d failed to decode",
		len(files), total.packets, total.flows, total.notIP, failed)
	if failed*1000 > total.packets {
		t.Errorf("%d of %d packets failed to decode: more than 0.1%%", failed, total.packets)
	}
}

func (st *scanStats) add(o scanStats) {
	st.packets += o.packets
	st.notIP += o.notIP
	st.malformed += o.malformed
	st.unsupported += o.unsupported
	st.flows += o.flows
}

func orNil(err error) any {
	if err == nil {
		return ""
	}
	return err
}

// corpusPacketCounts reads the packets column of LABELS.tsv.
func corpusPacketCounts(t *testing.T) map[string]int {
	f, err := os.Open(filepath.Join(corpusDir, "LABELS.tsv"))
	if err != nil {
		t.Logf("no LABELS.tsv: packet counts unchecked (%v)", err)
		return nil
	}
	defer f.Close()
	counts := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) > 2 {
			if n, err := strconv.Atoi(cols[2]); err == nil {
				counts[cols[0]] = n
			}
		}
	}
	return counts
}
