package signatures

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
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
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("list file: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	sc := bufio.NewScanner(io.TeeReader(f, h))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var errs []error
	n := 0
	for sc.Scan() {
		n++
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		if err := fn(fields[0], n); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", path, n, err))
			if len(errs) == 10 {
				errs = append(errs, fmt.Errorf("%s: stopped after 10 bad lines", path))
				break
			}
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s:%d: %w", path, n+1, err))
	}
	c.sums[path] = [32]byte(h.Sum(nil))
	return errors.Join(errs...)
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

// hashSet reads a hash list into a HashSet; a list of a million SHA-256 lines takes
// about 32 MB and a second or less.
func (c *listCache) hashSet(path string) (*HashSet, error) {
	if s, ok := c.hashSets[path]; ok {
		return s, nil
	}
	s := &HashSet{}
	if err := c.eachLine(path, func(text string, _ int) error { return s.Add(text) }); err != nil {
		return nil, err
	}
	s.Freeze()
	c.hashSets[path] = s
	return s, nil
}
