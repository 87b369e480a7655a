package archive

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"path"
	"strings"
	"sync"

	"github.com/aupscan/aupscan/signatures"
)

// Member is one file inside an archive, open for reading.
type Member struct {
	// Path names it for people and findings: the file's path, then each archive
	// member's path after a "!": "/srv/bundle.zip!inner.tar.gz!bin/tool".
	Path string
	// Name is the member's own path inside the innermost archive, with a leading
	// slash ("/bin/tool"): what path rules see of it.
	Name string
	// Size is what the archive says the member holds; -1 when it does not say.
	Size int64
	// R is the content. Reading it past a limit fails with a *LimitError. It is
	// valid only during the Visitor's File call.
	R io.Reader
	// At is set when the content is held in memory (an ELF member, so that a Go
	// program's build information can be read).
	At io.ReaderAt
	// Head is the content's first bytes (up to HeadSize).
	Head []byte
}

// Visitor receives what a Walk finds, from the goroutine that called Walk.
type Visitor interface {
	// File scans a member that is no archive (or an archive not opened for its
	// depth). It should read m.R to its end and return the read error it met.
	File(m *Member) error
	// Archive gives the digests of an archive found inside the file, once opened:
	// a hash list can name it although its members are scanned instead of it.
	Archive(path string, size int64, d signatures.Digests)
	// Skip reports a member, or the rest of an archive, that was not read, and why
	// (one of the Skip* reasons, SkipCorrupt with the error after a colon).
	Skip(path, reason string)
}

// Options says how a Walk reads.
type Options struct {
	Limits
	// AllDigests computes SHA-1 and MD5 of nested archives besides SHA-256.
	AllDigests bool
	// BufferELF holds ELF members of up to MaxBuffer bytes in memory, so that the
	// visitor can read a Go program's build information (Member.At).
	BufferELF bool
	// Account is called with each count of expanded bytes before they are read
	// further: the caller's rate limit and duty cycle. An error ends the Walk.
	Account func(n int) error
}

// Walk opens the file ra of size bytes, shown as name, and hands each member to v,
// opening archives inside it down to the depth limit. It returns false, reading no
// more than the file's head, when the file is no archive it knows. Members over a
// limit, encrypted or corrupt are reported to v.Skip and the rest is read on; the
// error is only the Account function's.
func Walk(ra io.ReaderAt, size int64, name string, o Options, v Visitor) (bool, error) {
	head := make([]byte, HeadSize) // most files are no script: 512 bytes decide
	n, err := ra.ReadAt(head, 0)
	if bytes.HasPrefix(head[:n], []byte("#!")) {
		head = make([]byte, ScriptHeadSize)
		n, err = ra.ReadAt(head, 0)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return false, nil // the file's own read reports it
	}
	f := Detect(head[:n])
	if f == None {
		return false, nil
	}
	w := &walker{lim: o.Limits.WithDefaults(), v: v, size: size, account: o.Account,
		allDigests: o.AllDigests, bufferELF: o.BufferELF}
	err = w.expandAt(ra, size, f, name, path.Base(name), 0)
	var le *LimitError
	if errors.As(err, &le) {
		v.Skip(name, SkipRest)
		return true, nil
	}
	return true, err
}

// walker is one Walk's state: the file's totals against its limits.
type walker struct {
	lim        Limits
	v          Visitor
	size       int64 // the file's: the whole ratio's denominator
	account    func(int) error
	allDigests bool
	bufferELF  bool
	total      int64 // bytes all decoders produced
	entries    int
	buffered   int64 // bytes held in memory now
}

var bufPool = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, ScriptHeadSize) }}

func getBuf(r io.Reader) *bufio.Reader {
	br := bufPool.Get().(*bufio.Reader)
	br.Reset(r)
	return br
}

func putBuf(br *bufio.Reader) {
	br.Reset(nil)
	bufPool.Put(br)
}

// expandAt opens an archive held by a random-access reader: the file itself, or a
// member read into memory. depth is the archive's own (the "!" in its path).
func (w *walker) expandAt(ra io.ReaderAt, size int64, f Format, p, name string, depth int) error {
	switch f {
	case Zip:
		return w.zip(ra, size, p, depth)
	case SevenZip:
		return w.sevenZip(ra, size, p, depth)
	}
	br := getBuf(io.NewSectionReader(ra, 0, size))
	defer putBuf(br)
	return w.expandStream(br, f, p, name, depth)
}

// expandStream opens an archive that is read as a stream.
func (w *walker) expandStream(br *bufio.Reader, f Format, p, name string, depth int) error {
	switch {
	case f == Tar:
		return w.tar(br, p, depth)
	case f.randomAccess():
		return w.inMemory(br, f, p, name, depth)
	case f == Script:
		head, _ := br.Peek(ScriptHeadSize)
		off, ok := payloadOffset(head)
		if !ok {
			return nil
		}
		if _, err := br.Discard(off); err != nil {
			return w.memberErr(p, err)
		}
		head, _ = br.Peek(HeadSize)
		return w.expandStream(br, Detect(head), p, name, depth)
	case f.compressed():
		return w.decompress(br, f, p, name, depth)
	}
	return nil
}

// decompress reads a compressed stream: a tar inside is read at the stream's own
// level (a .tar.gz is one archive); anything else is its one member.
func (w *walker) decompress(br *bufio.Reader, f Format, p, name string, depth int) error {
	if f == XZ {
		head, _ := br.Peek(HeadSize)
		if err := checkXZ(head, w.lim.MaxBuffer); err != nil {
			w.v.Skip(p, SkipMemory)
			return nil
		}
	}
	in := &counter{r: br}
	dec, inner, err := w.decoder(f, in)
	if err != nil {
		w.v.Skip(p, SkipCorrupt+": "+err.Error())
		return nil
	}
	defer dec.Close()
	// Until its content is known, the stream is bounded by the total only: a tar's
	// members have their own limit, and the stream holding them is no member.
	m := w.newMeter(dec, in)
	m.max = w.lim.MaxTotal
	ibr := getBuf(m)
	defer putBuf(ibr)
	head, _ := ibr.Peek(HeadSize)
	if Detect(head) == Tar {
		return w.tar(ibr, p, depth)
	}
	m.max = w.lim.MaxMember
	mname := "/" + streamName(name, inner)
	return w.member(ibr, p+"!"+mname[1:], mname, -1, depth+1)
}

// streamName names the content of a compressed stream: the name its header keeps
// (gzip), or the stream's own name less its suffix.
func streamName(name, inner string) string {
	if inner = path.Base(strings.ReplaceAll(inner, "\\", "/")); inner != "." && inner != "/" && inner != "" {
		return inner
	}
	for _, s := range []string{".gz", ".tgz", ".z", ".bz2", ".tbz2", ".xz", ".txz", ".zst", ".zstd"} {
		if strings.HasSuffix(strings.ToLower(name), s) && len(name) > len(s) {
			return name[:len(name)-len(s)]
		}
	}
	return name
}

// inMemory opens a zip or 7z met inside a stream: they need random access, so they
// are read into memory within MaxBuffer.
func (w *walker) inMemory(br *bufio.Reader, f Format, p, name string, depth int) error {
	budget := w.lim.MaxBuffer - w.buffered
	data, err := io.ReadAll(io.LimitReader(br, budget+1))
	if err != nil {
		return w.memberErr(p, err)
	}
	if int64(len(data)) > budget {
		w.v.Skip(p, SkipMemory)
		return nil
	}
	w.buffered += int64(len(data))
	defer func() { w.buffered -= int64(len(data)) }()
	return w.expandAt(bytes.NewReader(data), int64(len(data)), f, p, name, depth)
}

// member reads one member at depth (the "!" in its path): an archive is opened when
// the depth allows (and hashed as it is read), anything else goes to the visitor.
func (w *walker) member(br *bufio.Reader, p, name string, size int64, depth int) error {
	head, _ := br.Peek(HeadSize)
	if bytes.HasPrefix(head, []byte("#!")) {
		head, _ = br.Peek(ScriptHeadSize)
	}
	f := Detect(head)
	if f == None {
		return w.leaf(br, p, name, size, head)
	}
	if depth+1 > w.lim.MaxDepth {
		w.v.Skip(p, SkipDepth)
		return w.leaf(br, p, name, size, head)
	}
	d := newDigester(br, w.allDigests)
	inner := getBuf(d)
	defer putBuf(inner)
	if err := w.expandStream(inner, f, p, path.Base(name), depth); err != nil {
		return err
	}
	// The digests need every byte, also those the archive's reader left unread.
	if _, err := io.Copy(io.Discard, inner); err != nil {
		var le *LimitError
		if errors.As(err, &le) && le.Whole || errors.As(err, new(*stopError)) {
			return err
		}
		return nil // the enclosing archive reports its own stop
	}
	w.v.Archive(p, d.n, d.digests())
	return nil
}

var elfMagic = []byte("\x7fELF")

// leaf hands a member to the visitor; an ELF member is read into memory first when
// asked and it fits.
func (w *walker) leaf(br *bufio.Reader, p, name string, size int64, head []byte) error {
	m := &Member{Path: p, Name: name, Size: size, R: br, Head: bytes.Clone(head[:min(len(head), HeadSize)])}
	if budget := w.lim.MaxBuffer - w.buffered; w.bufferELF && bytes.HasPrefix(head, elfMagic) && size <= budget {
		data, whole, err := readUpTo(br, size, budget)
		if err != nil {
			return w.memberErr(p, err)
		}
		if whole {
			r := bytes.NewReader(data)
			m.R, m.At = r, r
			w.buffered += int64(len(data))
			defer func() { w.buffered -= int64(len(data)) }()
		} else {
			m.R = io.MultiReader(bytes.NewReader(data), br)
		}
	}
	if err := w.v.File(m); err != nil {
		return w.memberErr(p, err)
	}
	return nil
}

// memberErr reports a member whose read failed and says whether the walk goes on:
// nil, or the error that ends it (a limit of the whole file, the caller's stop).
func (w *walker) memberErr(p string, err error) error {
	var le *LimitError
	switch {
	case errors.As(err, new(*stopError)):
		return err
	case errors.As(err, &le):
		w.v.Skip(p, le.Reason)
		if le.Whole {
			return le
		}
		return nil
	}
	w.v.Skip(p, SkipCorrupt+": "+err.Error())
	return nil
}

// rest reports an archive that could not be read on (its stream failed between
// members).
func (w *walker) rest(p string, err error) error {
	var le *LimitError
	switch {
	case errors.As(err, new(*stopError)):
		return err
	case errors.As(err, &le):
		if le.Whole {
			return le
		}
		w.v.Skip(p, SkipRest)
		return nil
	}
	w.v.Skip(p, SkipCorrupt+": "+err.Error())
	return nil
}

// entry counts one entry of an archive against MaxEntries.
func (w *walker) entry() error {
	w.entries++
	if w.entries > w.lim.MaxEntries {
		return &LimitError{Reason: SkipEntries, Whole: true}
	}
	return nil
}

// memberPath joins an archive's path and a member's name (cleaned, with a leading
// slash, so that "../../etc/passwd" stays inside the archive's names).
func memberPath(p, raw string) (display, name string) {
	name = path.Clean("/" + raw)
	return p + "!" + name[1:], name
}

// readUpTo reads a member into memory: size bytes when the archive says (one
// allocation), else up to budget. whole is false when more follows: the member is
// longer than it said, or than the budget.
func readUpTo(br *bufio.Reader, size, budget int64) (data []byte, whole bool, err error) {
	if size < 0 {
		data, err = io.ReadAll(io.LimitReader(br, budget+1))
		return data, err == nil && int64(len(data)) <= budget, err
	}
	data = make([]byte, size)
	n, err := io.ReadFull(br, data)
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return data[:n], true, nil
	}
	if err != nil {
		return data[:n], false, err
	}
	_, perr := br.Peek(1)
	return data, perr != nil, nil
}
