package signatures

import (
	"cmp"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"debug/buildinfo"
	"fmt"
	"hash"
	"io"
	"strings"
	"sync"
)

// FileMatcher is the compiled form of every file rule of a Set: one multi-pattern
// matcher over all their literal and hex patterns, their regular expressions, hash
// sets and Go module lists. It is immutable and shared; each scanning goroutine takes
// its own FileScan.
type FileMatcher struct {
	rules    []*Rule
	m        *Matcher
	refs     []patRef // by matcher id
	npat     int      // patterns over all rules, the size of a scan's hit table
	base     []int    // rules[i]'s first pattern in the hit table
	regexes  []patRef
	needSHA1 bool
	needMD5  bool
	needGo   bool
	overlap  int

	// content is built on first use by the cache methods (contentversion.go).
	contentOnce sync.Once
	content     *contentIndex
}

type patRef struct{ rule, pat int }

// regexReach is how far back a regular expression can see across a chunk boundary: a
// regex match longer than this that straddles two reads may be missed.
const regexReach = 1024

// chunkSize is the read size of a scan: large enough that the page cache streams fast
// (PERFORMANCE-NOTES.md), small enough to keep a worker's memory flat.
const chunkSize = 256 << 10

// NewFileMatcher compiles the file rules of s.
func NewFileMatcher(s *Set) *FileMatcher {
	fm := &FileMatcher{}
	var mb MatcherBuilder
	for _, r := range s.Rules() {
		f := r.File
		if f == nil {
			continue
		}
		ri := len(fm.rules)
		fm.rules = append(fm.rules, r)
		fm.base = append(fm.base, fm.npat)
		for pi, p := range f.Patterns {
			ref := patRef{ri, pi}
			if p.compiled.re != nil {
				fm.regexes = append(fm.regexes, ref)
			} else {
				fm.refs = append(fm.refs, ref)
				mb.add(p.compiled, len(fm.refs)-1)
			}
		}
		fm.npat += len(f.Patterns)
		fm.needSHA1 = fm.needSHA1 || f.HashSet().NeedsSHA1()
		fm.needMD5 = fm.needMD5 || f.HashSet().NeedsMD5()
		fm.needGo = fm.needGo || len(f.GoModules)+len(f.GoDeps) > 0
	}
	fm.m = mb.Build()
	fm.overlap = max(fm.m.MaxLen()-1, 0)
	if len(fm.regexes) > 0 {
		fm.overlap = max(fm.overlap, regexReach)
	}
	return fm
}

// Len returns the number of file rules compiled.
func (fm *FileMatcher) Len() int { return len(fm.rules) }

// FileMatch is one file rule that matched, with evidence a person can check.
type FileMatch struct {
	Rule     *Rule
	Config   bool // a configuration rule (it has paths): a finding of kind config
	Evidence string
}

// FileResult is what one scan of one file found.
type FileResult struct {
	Size    int64
	Type    string
	Digests Digests
	Matches []FileMatch
	// Content are the matches of the content conditions alone (patterns and Go
	// modules), whatever the hashes say: what a cache may keep while the content
	// rules are unchanged, since a hash match can be decided again from the digests.
	Content []FileMatch
}

// FileScan holds one goroutine's buffers for scanning files; reuse it for file after
// file, since its buffers are the size of a chunk.
type FileScan struct {
	fm     *FileMatcher
	buf    []byte
	hit    []int64 // per pattern: offset of its first match, or -1
	sha256 hash.Hash
	sha1   hash.Hash
	md5    hash.Hash
	// regexes are the regular expressions of the rules that apply to the file being
	// read (by type and path): the others would cost a regex pass for nothing.
	regexes []patRef
}

// NewScan returns a FileScan for one goroutine.
func (fm *FileMatcher) NewScan() *FileScan { return fm.newScan(chunkSize) }

func (fm *FileMatcher) newScan(chunk int) *FileScan {
	fs := &FileScan{fm: fm, buf: make([]byte, fm.overlap+chunk), hit: make([]int64, fm.npat), sha256: sha256.New()}
	if fm.needSHA1 {
		fs.sha1 = sha1.New()
	}
	if fm.needMD5 {
		fs.md5 = md5.New()
	}
	return fs
}

// Scan reads r once to its end, hashing and matching as it goes, and evaluates every
// file rule against path (slash-separated from the scan root) and what was read.
// When r is also an io.ReaderAt, an ELF file's Go build information is read too.
func (fs *FileScan) Scan(r io.Reader, path string) (FileResult, error) {
	res, err := fs.read(r, path)
	if err != nil {
		return res, err
	}
	res.Digests.SHA256 = [32]byte(fs.sha256.Sum(nil))
	if fs.sha1 != nil {
		d := [20]byte(fs.sha1.Sum(nil))
		res.Digests.SHA1 = &d
	}
	if fs.md5 != nil {
		d := [16]byte(fs.md5.Sum(nil))
		res.Digests.MD5 = &d
	}
	var bi *buildinfo.BuildInfo
	if ra, ok := r.(io.ReaderAt); ok && fs.fm.needGo && res.Type == TypeELF {
		bi, _ = buildinfo.Read(ra) // not a Go program: no module conditions to check
	}
	for ri, rule := range fs.fm.rules {
		hashEv, contentEv := fs.evaluate(ri, rule, path, &res, bi)
		if contentEv != "" {
			res.Content = append(res.Content, FileMatch{Rule: rule, Config: len(rule.File.Paths) > 0, Evidence: contentEv})
		}
		if ev := cmp.Or(hashEv, contentEv); ev != "" {
			res.Matches = append(res.Matches, FileMatch{Rule: rule, Config: len(rule.File.Paths) > 0, Evidence: ev})
		}
	}
	return res, nil
}

// read streams r through the hashes and the matchers, carrying fm.overlap bytes from
// each chunk into the next so that no match across a boundary is lost.
func (fs *FileScan) read(r io.Reader, path string) (FileResult, error) {
	var res FileResult
	for i := range fs.hit {
		fs.hit[i] = -1
	}
	fs.sha256.Reset()
	for _, h := range []hash.Hash{fs.sha1, fs.md5} {
		if h != nil {
			h.Reset()
		}
	}
	tail := 0
	for {
		n, err := io.ReadFull(r, fs.buf[tail:])
		if n > 0 {
			chunk := fs.buf[tail : tail+n]
			if res.Size == 0 {
				res.Type = DetectType(chunk[:min(len(chunk), 512)])
				fs.activeRegexes(res.Type, path)
			}
			fs.hashChunk(chunk)
			fs.matchChunk(fs.buf[:tail+n], tail, res.Size-int64(tail))
			res.Size += int64(n)
			keep := min(fs.fm.overlap, tail+n)
			copy(fs.buf, fs.buf[tail+n-keep:tail+n])
			tail = keep
		}
		switch err {
		case nil:
		case io.EOF, io.ErrUnexpectedEOF:
			if res.Size == 0 {
				res.Type = TypeText
			}
			return res, nil
		default:
			return res, fmt.Errorf("read at offset %d: %w", res.Size, err)
		}
	}
}

func (fs *FileScan) hashChunk(chunk []byte) {
	fs.sha256.Write(chunk)
	if fs.sha1 != nil {
		fs.sha1.Write(chunk)
	}
	if fs.md5 != nil {
		fs.md5.Write(chunk)
	}
}

// activeRegexes picks the regular expressions of the rules that can match a file of
// this type at this path.
func (fs *FileScan) activeRegexes(ftype, path string) {
	fs.regexes = fs.regexes[:0]
	for _, ref := range fs.fm.regexes {
		f := fs.fm.rules[ref.rule].File
		if TypeMatches(f.Type, ftype) && f.MatchPath(path) {
			fs.regexes = append(fs.regexes, ref)
		}
	}
}

// matchChunk runs the patterns over window (carried tail plus new bytes); base is the
// file offset of window[0].
func (fs *FileScan) matchChunk(window []byte, from int, base int64) {
	fm := fs.fm
	fm.m.Scan(window, from, func(id, end int) bool {
		ref := fm.refs[id]
		if h := &fs.hit[fm.base[ref.rule]+ref.pat]; *h < 0 {
			*h = base + int64(end-fm.patLen(ref))
		}
		return true
	})
	for _, ref := range fs.regexes {
		h := &fs.hit[fm.base[ref.rule]+ref.pat]
		if *h >= 0 {
			continue
		}
		if loc := fm.rules[ref.rule].File.Patterns[ref.pat].compiled.re.FindIndex(window); loc != nil && loc[1] > from {
			*h = base + int64(loc[0])
		}
	}
}

// evaluate decides one rule for the file just read and returns the evidence of its
// hashes and of its content conditions, each "" when they did not match. The hash
// evidence wins in a finding; the content evidence is kept apart for caches.
func (fs *FileScan) evaluate(ri int, r *Rule, path string, res *FileResult, bi *buildinfo.BuildInfo) (hashEv, contentEv string) {
	f := r.File
	if f.MaxSize > 0 && res.Size > f.MaxSize {
		return "", ""
	}
	return hashEvidence(f, &res.Digests), fs.contentEvidence(ri, f, path, res, bi)
}

// hashEvidence checks the digests of a file against the section's hash set.
func hashEvidence(f *FileCond, d *Digests) string {
	if algo, sum, ok := f.HashSet().Match(d); ok {
		return fmt.Sprintf("%s %s is a listed hash", algo, sum)
	}
	return ""
}

// contentEvidence checks the section's Go module and pattern conditions.
func (fs *FileScan) contentEvidence(ri int, f *FileCond, path string, res *FileResult, bi *buildinfo.BuildInfo) string {
	if ev := goEvidence(f, bi); ev != "" {
		return ev
	}
	if len(f.Patterns) == 0 || !TypeMatches(f.Type, res.Type) || !f.MatchPath(path) {
		return ""
	}
	var found []string
	hits := fs.hit[fs.fm.base[ri] : fs.fm.base[ri]+len(f.Patterns)]
	for pi, at := range hits {
		if at >= 0 {
			found = append(found, fmt.Sprintf("%s at offset %d", f.Patterns[pi].label(), at))
		}
	}
	switch {
	case len(found) < f.Need():
		return ""
	case len(f.Patterns) == 1:
		return "pattern " + found[0]
	}
	return fmt.Sprintf("%d of %d patterns: %s", len(found), len(f.Patterns), strings.Join(found, ", "))
}

// patLen is the length of a literal pattern.
func (fm *FileMatcher) patLen(ref patRef) int {
	return len(fm.rules[ref.rule].File.Patterns[ref.pat].compiled.lit)
}

// label names a pattern in evidence: its id if it has one, else the rule's own bytes.
func (p *Pattern) label() string {
	if p.ID != "" {
		return p.ID
	}
	return p.compiled.display()
}

// goEvidence checks a Go program's build information against the module conditions.
func goEvidence(f *FileCond, bi *buildinfo.BuildInfo) string {
	if bi == nil {
		return ""
	}
	for _, m := range f.GoModules {
		if underModule(bi.Main.Path, m) || underModule(bi.Path, m) {
			return fmt.Sprintf("Go program built from module %s %s (%s)", bi.Main.Path, bi.Main.Version, bi.Path)
		}
	}
	for _, m := range f.GoDeps {
		for _, d := range bi.Deps {
			if underModule(d.Path, m) {
				return fmt.Sprintf("Go program %s depends on module %s %s", bi.Path, d.Path, d.Version)
			}
		}
	}
	return ""
}

// underModule reports whether path is module m or a path below it.
func underModule(path, m string) bool {
	return path == m || strings.HasPrefix(path, strings.TrimSuffix(m, "/")+"/")
}
