package archive

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"hash/crc32"
	"runtime"
	"testing"
)

// fuzzLimits are small, so that a fuzzed input cannot make the fuzzer's own memory
// the limit.
var fuzzLimits = Limits{MaxDepth: 4, MaxTotal: 8 << 20, MaxMember: 4 << 20, MaxRatio: 100, MaxEntries: 200, MaxBuffer: 4 << 20}

// FuzzArchive walks arbitrary bytes as a file: no panic, no more expanded bytes
// read than the total allows, and no heap growth beyond the limits' buffers.
func FuzzArchive(f *testing.F) {
	gz := func(b []byte) []byte {
		var out bytes.Buffer
		zw := gzip.NewWriter(&out)
		zw.Write(b)
		zw.Close()
		return out.Bytes()
	}
	inner := writeZip(f, member("bin/tool", []byte("tool")), member("b.gz", gz([]byte("x"))))
	f.Add(inner)
	f.Add(writeZip(f, member("in.zip", inner)))
	f.Add(gz(inner))
	f.Add(append([]byte("#!/bin/sh\nskip=3\nexit 0\n"), gz([]byte("payload"))...))
	f.Add(sevenZipHeader(1, []byte{k7zHeader, k7zFilesInfo, 0x81, 0x00, 0x00, k7zEnd}))
	f.Add([]byte{0xfd, '7', 'z', 'X', 'Z', 0, 0, 1, 0x69, 0x22, 0xde, 0x36, 0x02, 0x00, 0x21, 0x01, 0x28, 0, 0, 0})
	f.Add([]byte{0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x58, 0, 0, 0})
	f.Add([]byte("BZh91AY&SY"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		r := newRecorder()
		if _, err := Walk(bytes.NewReader(data), int64(len(data)), "/f", Options{Limits: fuzzLimits, BufferELF: true}, r); err != nil {
			t.Fatalf("walk: %v", err)
		}
		if r.read > fuzzLimits.MaxTotal+int64(len(data)) {
			t.Fatalf("read %d expanded bytes, limit %d", r.read, fuzzLimits.MaxTotal)
		}
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > 64<<20 {
			t.Fatalf("heap grew by %d bytes", grew)
		}
	})
}

// sevenZipHeader makes a 7z file of a header alone, with valid CRCs.
func sevenZipHeader(version byte, hdr []byte) []byte {
	out := make([]byte, 32, 32+len(hdr))
	copy(out, magic7z)
	out[6], out[7] = 0, 4
	binary.LittleEndian.PutUint64(out[12:], 0)
	binary.LittleEndian.PutUint64(out[20:], uint64(len(hdr)))
	binary.LittleEndian.PutUint32(out[28:], crc32.ChecksumIEEE(hdr))
	binary.LittleEndian.PutUint32(out[8:], crc32.ChecksumIEEE(out[12:32]))
	return append(out, hdr...)
}

// TestHostile7z hands the 7z reader headers with valid CRCs that claim more than
// the limits allow: each is refused before bodgit/sevenzip would allocate for it.
func TestHostile7z(t *testing.T) {
	for _, tc := range []struct {
		name   string
		hdr    []byte
		reason string
	}{
		// 2^32-1 files: the reader would allocate 480 GB of file headers.
		{"files", []byte{k7zHeader, k7zFilesInfo, 0xf0, 0xff, 0xff, 0xff, 0xff, k7zEnd, k7zEnd}, SkipEntries},
		// One folder of one LZMA coder with a 4 GiB dictionary.
		{"dictionary", []byte{k7zHeader, k7zMainStreams, k7zPackInfo, 0, 1, k7zSize, 1, k7zEnd,
			k7zUnpackInfo, k7zFolder, 1, 0, 1, 0x23, 3, 1, 1, 5, 0x5d, 0xff, 0xff, 0xff, 0xff,
			k7zUnpackSize, 1, k7zEnd, k7zEnd, k7zEnd}, SkipMemory},
		// 2^30 folders.
		{"folders", []byte{k7zHeader, k7zMainStreams, k7zUnpackInfo, k7zFolder, 0xf0, 0, 0, 0, 0x40, 0}, SkipEntries},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := walkBytes(t, "/h.7z", sevenZipHeader(1, tc.hdr), Options{})
			if !r.skipped("/h.7z", tc.reason) {
				t.Errorf("skips %v, want %q", r.skips, tc.reason)
			}
		})
	}
}

// TestHostileXZ: an xz stream whose block asks for a 1.5 GiB dictionary is refused
// before the decoder allocates it.
func TestHostileXZ(t *testing.T) {
	// Stream header (no check), then a block header: size byte, flags (one
	// filter), LZMA2 filter with dictionary code 38 (1.5 GiB), padding, CRC32.
	hdr := []byte{0xfd, '7', 'z', 'X', 'Z', 0, 0, 0}
	hdr = binary.LittleEndian.AppendUint32(hdr, crc32.ChecksumIEEE(hdr[6:8]))
	block := []byte{0x02, 0x00, 0x21, 0x01, 38, 0, 0, 0}
	block = binary.LittleEndian.AppendUint32(block, crc32.ChecksumIEEE(block))
	data := append(append(hdr, block...), make([]byte, 64)...)
	r := walkBytes(t, "/x.xz", data, Options{})
	if !r.skipped("/x.xz", SkipMemory) {
		t.Errorf("skips %v, want %q", r.skips, SkipMemory)
	}
}

// FuzzSevenZipHeader puts arbitrary bytes behind a 7z start header with valid
// CRCs, so that they reach the header checks and bodgit/sevenzip (random bytes
// rarely pass a CRC): no panic, and no heap growth beyond the limits. Seeds are the
// headers of archives 7-Zip writes, plain and compressed, when 7zz is installed.
func FuzzSevenZipHeader(f *testing.F) {
	f.Add([]byte{k7zHeader, k7zFilesInfo, 0x01, 0x11, 0x05, 0x61, 0x00, 0x00, 0x00, k7zEnd, k7zEnd})
	for _, seed := range sevenZipSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, hdr []byte) {
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		data := sevenZipHeader(1, hdr)
		r := newRecorder()
		if _, err := Walk(bytes.NewReader(data), int64(len(data)), "/f.7z", Options{Limits: fuzzLimits}, r); err != nil {
			t.Fatalf("walk: %v", err)
		}
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > 64<<20 {
			t.Fatalf("heap grew by %d bytes", grew)
		}
	})
}
