package file

import (
	"cmp"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"debug/buildinfo"
	"fmt"
	"hash"
	"io"
	"slices"

	"github.com/aupscan/aupscan/signatures"
)

// Scanner holds one goroutine's buffers for scanning files; reuse it for file after
// file, since its buffers are the size of a chunk.
type Scanner struct {
	e      *Engine
	buf    []byte
	hit    []int64 // per pattern: offset of its first match, or -1
	sha256 hash.Hash
	sha1   hash.Hash
	md5    hash.Hash
	// useSHA256, useSHA1 and useMD5 say whether the file being read needs those
	// digests: only files of the sizes a ClamAV hash list names, when every such hash
	// has one, and no SHA-256 at all without a SHA-256 list (digestsizes.go).
	useSHA256, useSHA1, useMD5 bool
	// regexes are the regular expressions of the rules that apply to the file being
	// read (by type and path): the others would cost a regex pass for nothing.
	regexes []regexRef
	// outer is the archive file's path while a member of it is scanned.
	outer string
	cfg   configState
}

// NewScanner returns a Scanner for one goroutine.
func (e *Engine) NewScanner() *Scanner { return e.newScanner(chunkSize) }

func (e *Engine) newScanner(chunk int) *Scanner {
	fs := &Scanner{e: e, buf: make([]byte, e.overlap+chunk), hit: make([]int64, e.npat), sha256: sha256.New(),
		cfg: configState{lit: make([]bool, len(e.litSec))}}
	if e.needSHA1 {
		fs.sha1 = sha1.New()
	}
	if e.needMD5 {
		fs.md5 = md5.New()
	}
	return fs
}

// Scan reads r once to its end, hashing and matching as it goes, and evaluates every
// file rule against path (slash-separated from the scan root) and what was read.
// When r is also an io.ReaderAt, an ELF file's Go build information is read too.
// A fallback rule's match is left out when another rule matched the file.
func (fs *Scanner) Scan(r io.Reader, path string) (Result, error) {
	fs.outer = ""
	return fs.scan(r, path)
}

// ScanMember scans a member of the archive file outer, whose own path inside the
// archive is name: rules' path globs match name, and their "!" exclusions exclude
// the member when they match name or outer.
func (fs *Scanner) ScanMember(r io.Reader, outer, name string) (Result, error) {
	fs.outer = outer
	defer func() { fs.outer = "" }()
	return fs.scan(r, name)
}

// appliesAt reports whether the section's paths let it apply to the file at path.
func (fs *Scanner) appliesAt(f *signatures.FileCond, path string) bool {
	return f.MatchPath(path) && (fs.outer == "" || !f.ExcludesPath(fs.outer))
}

// scan reads r, evaluates every file rule and config section, and leaves out a
// fallback rule's match when another rule matched the file.
func (fs *Scanner) scan(r io.Reader, path string) (Result, error) {
	res, bi, err := fs.readAll(r, path)
	if err != nil {
		return res, err
	}
	for ri, rule := range fs.e.rules {
		hashEv, contentEv := fs.evaluate(ri, rule, path, &res, bi)
		if contentEv != "" {
			res.Content = append(res.Content, Match{Rule: rule, Config: len(rule.File.Paths) > 0, Evidence: contentEv})
		}
		if ev := cmp.Or(hashEv, contentEv); ev != "" {
			res.Matches = append(res.Matches, Match{Rule: rule, Config: len(rule.File.Paths) > 0, Evidence: ev})
		}
	}
	fs.judgeConfigs(&res)
	res.Content = dropFallbacks(res.Content)
	res.Matches = dropFallbacks(res.Matches)
	if len(res.Matches) > 0 && !res.Digests.HasSHA256() {
		fs.hashFound(r, &res)
	}
	return res, nil
}

// hashFound computes the SHA-256 of a file with a finding that the scan did not
// hash (no list could match it), for the finding's evidence: findings are few, so
// reading them again costs nothing beside hashing every file. A reader that cannot
// be read again leaves it zero.
func (fs *Scanner) hashFound(r io.Reader, res *Result) {
	ra, ok := r.(io.ReaderAt)
	if !ok {
		return
	}
	fs.sha256.Reset()
	if _, err := io.Copy(fs.sha256, io.NewSectionReader(ra, 0, res.Size)); err == nil {
		res.Digests.SHA256 = [32]byte(fs.sha256.Sum(nil))
	}
}

// readAll reads r to its end, and returns the result without matches and the Go
// build information of an ELF file that has it.
func (fs *Scanner) readAll(r io.Reader, path string) (Result, *buildinfo.BuildInfo, error) {
	size := sizeOf(r)
	fs.useSHA256, fs.useMD5, fs.useSHA1 = fs.e.needs(size)
	in := r
	if size >= 0 {
		// A file that grows while read would keep the reader following its appends:
		// read what it held at open, and say whether there was more.
		in = io.LimitReader(r, size)
	}
	res, err := fs.read(in, path)
	if err != nil {
		return res, nil, err
	}
	if size >= 0 {
		var one [1]byte
		n, _ := r.Read(one[:])
		res.Grew = n > 0
	}
	if fs.useSHA256 {
		res.Digests.SHA256 = [32]byte(fs.sha256.Sum(nil))
	}
	if fs.useSHA1 {
		d := [20]byte(fs.sha1.Sum(nil))
		res.Digests.SHA1 = &d
	}
	if fs.useMD5 {
		d := [16]byte(fs.md5.Sum(nil))
		res.Digests.MD5 = &d
	}
	var bi *buildinfo.BuildInfo
	if ra, ok := r.(io.ReaderAt); ok && fs.e.needGo && res.Type == signatures.TypeELF {
		bi, _ = buildinfo.Read(ra) // not a Go program: no module conditions to check
	}
	return res, bi, nil
}

// isFallback reports whether a match is a fallback rule's.
func isFallback(m Match) bool { return m.Rule.File != nil && m.Rule.File.Fallback }

// dropFallbacks leaves out the matches of fallback rules when a rule that is not a
// fallback matched too: a rule for a program not yet named (one built on a known
// core) gives way to the rule that names it.
func dropFallbacks(ms []Match) []Match {
	if !slices.ContainsFunc(ms, func(m Match) bool { return !isFallback(m) }) {
		return ms
	}
	return slices.DeleteFunc(ms, isFallback)
}

// read streams r through the hashes and the matchers, carrying e.overlap bytes from
// each chunk into the next so that no match across a boundary is lost.
func (fs *Scanner) read(r io.Reader, path string) (Result, error) {
	var res Result
	for i := range fs.hit {
		fs.hit[i] = -1
	}
	fs.sha256.Reset()
	for _, h := range []hash.Hash{fs.sha1, fs.md5} {
		if h != nil {
			h.Reset()
		}
	}
	fs.cfg.reset()
	tail := 0
	for {
		n, err := io.ReadFull(r, fs.buf[tail:])
		if n > 0 {
			chunk := fs.buf[tail : tail+n]
			if res.Size == 0 {
				res.Type = DetectType(chunk[:min(len(chunk), 512)])
				fs.activeRegexes(res.Type, path)
				fs.startConfigs(res.Type, path)
			}
			fs.hashChunk(chunk)
			fs.cfg.keep(chunk)
			fs.matchChunk(fs.buf[:tail+n], tail, res.Size-int64(tail), err != nil)
			res.Size += int64(n)
			keep := min(fs.e.overlap, tail+n)
			copy(fs.buf, fs.buf[tail+n-keep:tail+n])
			tail = keep
		}
		switch err {
		case nil:
		case io.EOF, io.ErrUnexpectedEOF:
			if res.Size == 0 {
				res.Type = signatures.TypeText
			}
			if n == 0 && res.Size > 0 {
				// The last chunk was full, so its window did not know it ended the file.
				fs.matchEnd(fs.buf[:tail], res.Size-int64(tail))
			}
			return res, nil
		default:
			return res, fmt.Errorf("read at offset %d: %w", res.Size, err)
		}
	}
}

func (fs *Scanner) hashChunk(chunk []byte) {
	if fs.useSHA256 {
		fs.sha256.Write(chunk)
	}
	if fs.useSHA1 {
		fs.sha1.Write(chunk)
	}
	if fs.useMD5 {
		fs.md5.Write(chunk)
	}
}

// activeRegexes picks the regular expressions of the rules that can match a file of
// this type at this path.
func (fs *Scanner) activeRegexes(ftype, path string) {
	fs.regexes = fs.regexes[:0]
	for _, ref := range fs.e.regexes {
		f := fs.e.rules[ref.rule].File
		if TypeMatches(f.Type, ftype) && fs.appliesAt(f, path) {
			fs.regexes = append(fs.regexes, ref)
		}
	}
}

// matchChunk runs the patterns over window (carried tail plus new bytes); base is the
// file offset of window[0], and last says the window ends the file.
func (fs *Scanner) matchChunk(window []byte, from int, base int64, last bool) {
	e := fs.e
	e.m.Scan(window, from, func(id, end int) bool {
		if id >= e.litBase {
			fs.cfg.lit[id-e.litBase] = true // a config section's contains string
			return true
		}
		ref := e.refs[id]
		if h := &fs.hit[e.base[ref.rule]+ref.pat]; *h < 0 {
			// The first match where the pattern's offset and depth allow it.
			if start := base + int64(end-e.patLen(ref)); e.rules[ref.rule].File.Patterns[ref.pat].Placed(start) {
				*h = start
			}
		}
		return true
	})
	for _, ref := range fs.regexes {
		h := &fs.hit[e.base[ref.rule]+ref.pat]
		if *h >= 0 {
			continue
		}
		if loc := ref.forms.find(window, base == 0, last); loc != nil && loc[1] > from {
			*h = base + int64(loc[0])
		}
	}
}

// matchEnd runs the regular expressions with an end anchor over the file's last
// window, when the read that ended it could not say it was the last.
func (fs *Scanner) matchEnd(window []byte, base int64) {
	for _, ref := range fs.regexes {
		h := &fs.hit[fs.e.base[ref.rule]+ref.pat]
		if *h >= 0 || !ref.forms.hasEnd() {
			continue
		}
		if loc := ref.forms.find(window, base == 0, true); loc != nil {
			*h = base + int64(loc[0])
		}
	}
}
