package capture

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// checkReadError checks the error of a truncated or garbled file: it names the file
// and the packet, and it stays.
func checkReadError(t *testing.T, err error, path string, num int) {
	t.Helper()
	if err == nil || err == io.EOF {
		t.Fatalf("packet %d: error %v, want a read error", num, err)
	}
	want := path + ": packet " + strconv.Itoa(num) + ": "
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q does not start with %q", err, want)
	}
}

func TestOpenFileNotCapture(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]byte{
		"text.pcap":  []byte("this is not a capture at all\n"),
		"empty.pcap": nil,
		"three.pcap": {0xd4, 0xc3, 0xb2},
	}
	for name, content := range cases {
		path := filepath.Join(dir, name)
		must(os.WriteFile(path, content, 0o644))
		_, err := OpenFile(path)
		if !errors.Is(err, ErrNotCapture) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %v, want ErrNotCapture naming the file", name, err)
		}
	}
	if _, err := OpenFile(filepath.Join(dir, "missing.pcap")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// TestOpenFileCutHeaders cuts a pcap and a pcapng file inside their headers.
func TestOpenFileCutHeaders(t *testing.T) {
	for _, f := range captureFiles()[:1] {
		data := f.write(f)
		for _, n := range []int{4, 10, 23} {
			if _, err := NewFileSource("cut", bytes.NewReader(data[:n])); err == nil || !strings.HasPrefix(err.Error(), "cut: ") {
				t.Errorf("pcap cut at %d: %v", n, err)
			}
		}
	}
	ng := writeNg(&capFile{packets: conversation()})
	for _, n := range []int{4, 11, 20} {
		if _, err := NewFileSource("cut", bytes.NewReader(ng[:n])); err == nil {
			t.Errorf("pcapng cut at %d: no error", n)
		}
	}
}

func TestFileSourceGzip(t *testing.T) {
	f := &capFile{packets: conversation()}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(writeNg(f))
	zw.Close()
	s, err := NewFileSource("conv.pcapng.gz", &z)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for ; ; n++ {
		if _, _, err := s.Next(); err != nil {
			if err != io.EOF {
				t.Fatal(err)
			}
			break
		}
	}
	if s.Format() != FormatPcapNG || n != len(f.packets) {
		t.Errorf("format %v, %d packets; want pcapng, %d", s.Format(), n, len(f.packets))
	}
}

// TestFileSourceErrorSticks reads past a truncation: the same error comes back.
func TestFileSourceErrorSticks(t *testing.T) {
	f := &capFile{packets: conversation()}
	data := writePcapgo(f)
	s, err := NewFileSource("t.pcap", bytes.NewReader(data[:len(data)-3]))
	if err != nil {
		t.Fatal(err)
	}
	var first error
	for range len(f.packets) + 2 {
		if _, _, err := s.Next(); err != nil && first == nil {
			first = err
		} else if first != nil && err != first {
			t.Fatalf("error changed from %v to %v", first, err)
		}
	}
	if !errors.Is(first, io.ErrUnexpectedEOF) || s.Num() != len(f.packets)-1 {
		t.Errorf("error %v after %d packets", first, s.Num())
	}
}

// TestFileSourceRecordHeaderOnly ends a pcap right after a record header: the packet
// announced is missing, which is a truncation, not a clean end.
func TestFileSourceRecordHeaderOnly(t *testing.T) {
	f := &capFile{packets: conversation()[:2]}
	data := writePcapgo(f)
	data = data[:len(data)-len(f.packets[1].frame)]
	s, _ := NewFileSource("h.pcap", bytes.NewReader(data))
	s.Next()
	if _, _, err := s.Next(); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("error %v, want unexpected EOF", err)
	}
}

// TestNgGuard feeds pcapng files whose lengths would make pcapgo allocate gigabytes
// or panic: each must end in an error, quickly.
func TestNgGuard(t *testing.T) {
	f := &capFile{nanos: true, packets: conversation()[:1]}
	good := writeNg(f)
	shb := int(binary.LittleEndian.Uint32(good[4:8]))
	idb := shb
	epb := idb + int(binary.LittleEndian.Uint32(good[idb+4:idb+8]))
	cases := map[string]func(b []byte){
		"caplen 4 GiB":       func(b []byte) { binary.LittleEndian.PutUint32(b[epb+20:], 0xffffffff) },
		"caplen past block":  func(b []byte) { binary.LittleEndian.PutUint32(b[epb+20:], 4096) },
		"block length 4":     func(b []byte) { binary.LittleEndian.PutUint32(b[epb+4:], 4) },
		"tsresol 2^-64":      func(b []byte) { setTSResol(b, idb, 0x80|64) },
		"byte-order magic":   func(b []byte) { b[8] ^= 0xff },
		"block length 4 GiB": func(b []byte) { binary.LittleEndian.PutUint32(b[epb+4:], 0xfffffff0) },
		"interface id 9":     func(b []byte) { binary.LittleEndian.PutUint32(b[epb+8:], 9) },
		"snaplen 4 GiB":      func(b []byte) { binary.LittleEndian.PutUint32(b[idb+12:], 0xffffffff) },
	}
	for name, damage := range cases {
		b := bytes.Clone(good)
		damage(b)
		s, err := NewFileSource(name, bytes.NewReader(b))
		if err == nil {
			_, _, err = s.Next()
		}
		if name == "snaplen 4 GiB" {
			// A huge snap length is lowered, not refused: the packet reads.
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			continue
		}
		if err == nil || err == io.EOF {
			t.Errorf("%s: error %v, want a read error", name, err)
		}
	}
}

// setTSResol sets the if_tsresol option of the interface block at idb, which the
// writer puts after the name and OS options.
func setTSResol(b []byte, idb int, v byte) {
	end := idb + int(binary.LittleEndian.Uint32(b[idb+4:]))
	for off := idb + 16; off+4 <= end-4; {
		code := binary.LittleEndian.Uint16(b[off:])
		n := int(binary.LittleEndian.Uint16(b[off+2:]))
		if code == 9 {
			b[off+4] = v
			return
		}
		if code == 0 {
			break
		}
		off += 4 + (n+3)/4*4
	}
	panic("no if_tsresol option")
}

// TestSimplePacketBlocks reads simple packet blocks (pcapng's block without
// interface, time or original length fields): a packet longer than the interface's
// snap length comes cut to it.
func TestSimplePacketBlocks(t *testing.T) {
	frame := conversation()[3].frame // 78 bytes
	le := binary.LittleEndian
	block := func(typ uint32, body []byte) []byte {
		n := uint32(12 + len(body))
		b := le.AppendUint32(le.AppendUint32(nil, typ), n)
		return le.AppendUint32(append(b, body...), n)
	}
	shb := block(ngBlockSHB, []byte{0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	idb := block(ngBlockIDB, []byte{1, 0, 0, 0, 64, 0, 0, 0}) // Ethernet, snap length 64
	spb := func(origlen int, data []byte) []byte {
		body := le.AppendUint32(nil, uint32(origlen))
		body = append(body, data...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
		return block(ngBlockSPB, body)
	}
	file := append(append(append(shb, idb...), spb(len(frame), frame[:64])...), spb(60, make([]byte, 60))...)
	s, err := NewFileSource("spb.pcapng", bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []int{64, 60} {
		data, ci, err := s.Next()
		if err != nil || len(data) != want || ci.CaptureLength != want {
			t.Fatalf("packet %d: %d bytes (capture length %d), %v; want %d", s.Num(), len(data), ci.CaptureLength, err, want)
		}
	}
	if _, _, err := s.Next(); err != io.EOF {
		t.Errorf("after the last packet: %v", err)
	}
}

func TestIsCaptureFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"pcap":   {0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0},
		"pcapng": {0x0a, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0},
		"text":   []byte("ORPort 9001\n"),
		"short":  {0xd4},
		"empty":  nil,
	}
	gzipped := func(b []byte) []byte {
		var gz bytes.Buffer
		zw := gzip.NewWriter(&gz)
		zw.Write(b)
		zw.Close()
		return gz.Bytes()
	}
	files["pcap.gz"], files["text.gz"] = gzipped(files["pcap"]), gzipped(files["text"])
	want := map[string]bool{"pcap": true, "pcapng": true, "pcap.gz": true}
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := IsCaptureFile(p)
		if err != nil || got != want[name] {
			t.Errorf("IsCaptureFile(%s) = %v, %v; want %v", name, got, err, want[name])
		}
	}
	if _, err := IsCaptureFile(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing file is no error")
	}
}
