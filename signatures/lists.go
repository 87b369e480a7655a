package signatures

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// listCache reads the list files that rules name (hashes, addresses, domains) once per
// load, however many rules share them, and remembers each file's digest for the
// rule-set version.
type listCache struct {
	lineLists map[string][]listLine
	hashSets  map[string]*HashSet
	sums      map[string][32]byte
}

type listLine struct {
	text string
	line int
}

func newListCache() *listCache {
	return &listCache{
		lineLists: map[string][]listLine{},
		hashSets:  map[string]*HashSet{},
		sums:      map[string][32]byte{},
	}
}

// resolve makes a list or example path relative to the rule file's folder absolute.
func resolve(dir, p string) string {
	if filepath.IsAbs(p) || dir == "" {
		return p
	}
	return filepath.Join(dir, p)
}

// eachLine streams a list file: blank lines and "#" comments are skipped, and fn gets
// the first field of every other line (so "HASH  filename", the format of sha256sum,
// works as it is). The file's digest is recorded.
func (c *listCache) eachLine(path string, fn func(text string, line int) error) error {
	return c.eachField(path, func(field []byte, line int) error { return fn(string(field), line) })
}

// eachField is eachLine without a string per line; the field is only valid during
// the call.
func (c *listCache) eachField(path string, fn func(field []byte, line int) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("list file: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	err = scanFields(io.TeeReader(f, h), lineOf(path), fn)
	_, _ = io.Copy(h, f) // the digest covers the whole file, read to its end or not
	c.sums[path] = [32]byte(h.Sum(nil))
	return err
}

// lineOf names a line of a list file in an error: "FILE:LINE".
func lineOf(path string) func(int) string {
	return func(line int) string { return fmt.Sprintf("%s:%d", path, line) }
}

// firstField returns the first whitespace-separated field of a line, ignoring a
// "#" comment.
func firstField(line []byte) []byte {
	if i := bytes.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	line = bytes.TrimLeft(line, " \t\r")
	if i := bytes.IndexAny(line, " \t\r"); i >= 0 {
		line = line[:i]
	}
	return line
}

// lines returns the entries of a small list (domains, addresses).
func (c *listCache) lines(path string) ([]listLine, error) {
	if l, ok := c.lineLists[path]; ok {
		return l, nil
	}
	var out []listLine
	err := c.eachLine(path, func(text string, line int) error {
		out = append(out, listLine{text, line})
		return nil
	})
	if err != nil {
		return nil, err
	}
	c.lineLists[path] = out
	return out, nil
}

// addresses returns the entries of an address list of any format (plain, Tor
// consensus, TorDNSEL, Onionoo JSON), each with its line.
func (c *listCache) addresses(path string) ([]listLine, error) {
	key := "addr\x00" + path
	if l, ok := c.lineLists[key]; ok {
		return l, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("list file: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	var out []listLine
	err = readAddressList(io.TeeReader(f, h), "", func(e string, line int) error {
		out = append(out, listLine{e, line})
		return nil
	})
	_, _ = io.Copy(h, f) // the digest covers the whole file, read to its end or not
	c.sums[path] = [32]byte(h.Sum(nil))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c.lineLists[key] = out
	return out, nil
}

// hashSet reads a hash list into a HashSet, compact while loading (hashload.go): a
// list of a million SHA-256 lines takes 32 MB at every moment and well under a second.
func (c *listCache) hashSet(path string) (*HashSet, error) {
	if s, ok := c.hashSets[path]; ok {
		return s, nil
	}
	s := &HashSet{}
	if err := c.readHashFiles(s, []string{path}); err != nil {
		return nil, err
	}
	s.Freeze()
	c.hashSets[path] = s
	return s, nil
}

// readHashFiles adds the hashes of the list files to s: a first pass counts the
// entries of all of them (and records each file's digest), a second parses them into
// arrays reserved at their final size.
func (c *listCache) readHashFiles(s *HashSet, paths []string) error {
	var n hashCounts
	var errs []error
	readable := paths[:0:0]
	for _, p := range paths {
		var pe *fs.PathError
		if err := c.eachField(p, n.count); errors.As(err, &pe) && pe.Op == "open" {
			errs = append(errs, err) // not there, or not readable: the second pass skips it
			continue
		} // a bad line is for the second pass to report, with the others
		readable = append(readable, p)
	}
	s.reserve(n)
	for _, p := range readable {
		f, err := os.Open(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("list file: %w", err))
			continue
		}
		errs = append(errs, scanFields(f, lineOf(p), s.addBytes))
		f.Close()
	}
	return errors.Join(errs...)
}
