package file

import (
	"crypto/md5"
	"fmt"
	"slices"

	"github.com/aupscan/aupscan/scanner/config"
	"github.com/aupscan/aupscan/signatures"
)

// compileConfigs builds the configuration engine and adds the contains strings of its
// sections to the matcher, so that the one read of a file also says whether a
// section with broad paths ("**/*.json") needs the file parsed at all.
func (e *Engine) compileConfigs(s *signatures.Set, mb *signatures.MatcherBuilder) {
	e.cfg = config.Compile(s)
	e.litBase = len(e.refs)
	for i := range e.cfg.Len() {
		for _, lit := range e.cfg.Section(i).Cond.ContainsBytes() {
			mb.Add(lit, false, e.litBase+len(e.litSec))
			e.litSec = append(e.litSec, i)
		}
	}
}

// configState is a Scanner's state for the configuration sections of the file it
// reads: the sections whose paths match, and the file's bytes while they fit.
type configState struct {
	cands []int  // config sections whose paths match the file's
	buf   []byte // the file's bytes, up to config.MaxSize
	over  bool   // larger than config.MaxSize: not kept
	lit   []bool // per contains string: seen in the file
}

func (c *configState) reset() {
	c.cands, c.buf, c.over = c.cands[:0], c.buf[:0], false
	clear(c.lit)
}

// keep adds a chunk of the file to the bytes kept for the sections.
func (c *configState) keep(chunk []byte) {
	if len(c.cands) == 0 || c.over {
		return
	}
	if len(c.buf)+len(chunk) > config.MaxSize {
		c.over, c.buf = true, c.buf[:0]
		return
	}
	c.buf = append(c.buf, chunk...)
}

// startConfigs finds the sections for a text file at path; other files are never
// configurations to parse.
func (fs *Scanner) startConfigs(ftype, path string) {
	if fs.e.cfg.Len() > 0 && TypeMatches(signatures.TypeText, ftype) {
		fs.cfg.cands = fs.e.cfg.Candidates(path, fs.cfg.cands[:0])
		if fs.outer != "" { // a member: an archive in an excluded folder keeps it out
			fs.cfg.cands = slices.DeleteFunc(fs.cfg.cands, func(i int) bool {
				return fs.e.cfg.Section(i).Cond.ExcludesPath(fs.outer)
			})
		}
	}
}

// judgeConfigs judges the file just read for the sections whose contains strings it
// holds, adding one match a rule (a rule that matched by its file section keeps
// that match) and the file's MD5, which tells a package's unchanged default.
func (fs *Scanner) judgeConfigs(res *Result) {
	c := &fs.cfg
	var secs []int
	for _, i := range c.cands {
		if fs.containsOK(i) {
			secs = append(secs, i)
		}
	}
	if len(secs) == 0 {
		return
	}
	if c.over {
		res.ConfigSkipped = fmt.Sprintf("configuration larger than %d KiB: not parsed", config.MaxSize>>10)
		return
	}
	if res.Digests.MD5 == nil {
		d := md5.Sum(c.buf)
		res.Digests.MD5 = &d
	}
	ms, err := fs.e.cfg.Judge(c.buf, secs)
	if err != nil {
		res.ConfigSkipped = "configuration not parsed: " + clipReason(err.Error())
	}
	added := false
	for _, m := range ms {
		if slices.ContainsFunc(res.Matches, func(x Match) bool { return x.Rule == m.Rule }) {
			continue
		}
		fm := Match{Rule: m.Rule, Config: true, Evidence: m.Evidence, Role: m.Role, Confidence: m.Confidence}
		res.Content = append(res.Content, fm)
		res.Matches = append(res.Matches, fm)
		added = true
	}
	if added {
		fs.e.sortMatches(res.Content)
		fs.e.sortMatches(res.Matches)
	}
}

// containsOK reports whether the file holds one of section i's contains strings, or
// the section has none.
func (fs *Scanner) containsOK(i int) bool {
	has := false
	for k, sec := range fs.e.litSec {
		if sec == i {
			if fs.cfg.lit[k] {
				return true
			}
			has = true
		}
	}
	return !has
}

// clipReason keeps a parser's message to one short line in the skip list.
func clipReason(s string) string {
	if len(s) > 120 {
		return s[:117] + "..."
	}
	return s
}
