package host

import (
	"context"
	"io"
	"os"
	"sync/atomic"

	"golang.org/x/time/rate"

	"github.com/aupscan/aupscan/scanner/archive"
	"github.com/aupscan/aupscan/scanner/file"
	"github.com/aupscan/aupscan/signatures"
)

// Packed is an executable packed by a packer the scan cannot undo (UPX and the
// like): its code is compressed inside it and only unpacked in memory when it runs,
// so content rules cannot see it. It is listed, never reported clean.
type Packed struct {
	Path   string `json:"path"`
	Packer string `json:"packer"`
}

// extras is what a worker does besides reading a file: open it as an archive
// (archives nil: never), and report skipped members and packed executables.
type extras struct {
	archives  *archive.Limits
	source    string
	container string // the container whose view the archive is in, or ""
	skip      func(p, reason string)
	pack      func(p, packer string)
}

// memberStats is what opening one file as an archive found.
type memberStats struct {
	hits  []FileHit
	files int64 // members scanned
	bytes int64 // their bytes
	read  int64 // bytes of the archive file read again to open it
}

// scanMembers opens the file f, already scanned as a file, as an archive and scans
// each member with fs; opened is false when it is no archive. Expanded bytes go
// through the scan's rate limit and duty cycle like bytes read from disk.
func (x *extras) scanMembers(ctx context.Context, f *os.File, size int64, display string, fm *file.Engine,
	fs *file.Scanner, lim *rate.Limiter, duty *dutyCycle) (ms memberStats, opened bool, err error) {
	v := &memberVisitor{x: x, ms: &ms, fm: fm, fs: fs, outer: display}
	ra := &countingReaderAt{r: f}
	o := archive.Options{Limits: *x.archives, BufferELF: true, AllDigests: !fm.CanMatchDigests(&signatures.Digests{}, -1),
		Account: func(n int) error { return account(ctx, lim, duty, n) }}
	opened, err = archive.Walk(ra, size, display, o, v)
	ms.read = ra.n.Load()
	return ms, opened, err
}

// account makes n expanded bytes wait for the rate limit and the duty cycle.
func account(ctx context.Context, lim *rate.Limiter, duty *dutyCycle, n int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for lim != nil && n > 0 {
		k := min(n, lim.Burst())
		if err := lim.WaitN(ctx, k); err != nil {
			return err
		}
		n -= k
	}
	return duty.tick(ctx)
}

// memberVisitor scans the members of one archive with the worker's file scanner.
type memberVisitor struct {
	x     *extras
	ms    *memberStats
	fm    *file.Engine
	fs    *file.Scanner
	outer string
}

func (v *memberVisitor) File(m *archive.Member) error {
	res, err := v.fs.ScanMember(m.R, v.outer, m.Name)
	if err != nil {
		return err
	}
	v.ms.files++
	v.ms.bytes += res.Size
	if p := archive.Packer(m.Head); p != "" && res.Type == signatures.TypeELF {
		v.x.pack(m.Path, p)
	}
	if len(res.Matches) > 0 {
		v.ms.hits = append(v.ms.hits, FileHit{Path: m.Path, Source: v.x.source, Container: v.x.container, Result: res, InArchive: true})
	}
	return nil
}

// Archive matches a nested archive's digests against the hash lists: its members
// were scanned instead of its bytes.
func (v *memberVisitor) Archive(p string, size int64, d signatures.Digests) {
	if !v.fm.CanMatchDigests(&d, size) {
		return
	}
	if ms := v.fm.MatchDigests(&d, size); len(ms) > 0 {
		v.ms.hits = append(v.ms.hits, FileHit{Path: p, Source: v.x.source, Container: v.x.container, InArchive: true,
			Result: file.Result{Size: size, Digests: d, Matches: ms}})
	}
}

func (v *memberVisitor) Skip(p, reason string) { v.x.skip(p, reason) }

// packerOf names the packer of an ELF file from its head, read again (1 KiB).
func packerOf(f io.ReaderAt, ftype string) string {
	if ftype != signatures.TypeELF {
		return ""
	}
	head := make([]byte, 1024)
	n, _ := f.ReadAt(head, 0)
	return archive.Packer(head[:n])
}

// countingReaderAt counts the bytes read through it.
type countingReaderAt struct {
	r io.ReaderAt
	n atomic.Int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n.Add(int64(n))
	return n, err
}
