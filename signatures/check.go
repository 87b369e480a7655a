package signatures

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
)

// An ExampleRunner is an engine's part in checking rule examples: it runs the examples
// whose subject it understands against the rule parts it owns.
type ExampleRunner interface {
	// RunExample reports whether rule r matches example ex. handled is false when ex
	// is not a subject this engine runs, or r has no part this engine owns.
	RunExample(r *Rule, ex *Example) (handled, matched bool, err error)
}

// Check runs every example of every rule through the runners (the file content engine
// of this package is always one of them). An example must match, or must not, by at
// least one engine that handles it; an example no engine handles is a warning, since
// its engine may not be built into this binary.
func (s *Set) Check(runners ...ExampleRunner) Problems {
	runners = append([]ExampleRunner{NewFileMatcher(s)}, runners...)
	var ps Problems
	for _, r := range s.rules {
		rp := ruleProblems{r, &ps}
		for i, ex := range r.Match {
			checkOne(r, ex, fmt.Sprintf("match[%d]", i), true, runners, rp)
		}
		for i, ex := range r.NoMatch {
			checkOne(r, ex, fmt.Sprintf("nomatch[%d]", i), false, runners, rp)
		}
	}
	return ps
}

func checkOne(r *Rule, ex *Example, key string, want bool, runners []ExampleRunner, rp ruleProblems) {
	handled, matched := false, false
	for _, run := range runners {
		h, m, err := run.RunExample(r, ex)
		if errors.Is(err, ErrSampleMissing) {
			rp.warnf(key, "example %s: %v", ex, err)
			return
		}
		if err != nil {
			rp.errorf(key, "example %s: %v", ex, err)
			return
		}
		handled = handled || h
		matched = matched || (h && m)
	}
	switch {
	case !handled:
		rp.warnf(key, "no engine in this binary runs example %s", ex)
	case want && !matched:
		rp.errorf(key, "example %s does not match, but must", ex)
	case !want && matched:
		rp.errorf(key, "example %s matches, but must not", ex)
	}
}

// RunExample runs text, hex and file examples through the file engine: content,
// hashes and Go build information, exactly as a scan would read the file.
func (fm *FileMatcher) RunExample(r *Rule, ex *Example) (handled, matched bool, err error) {
	if r.File == nil {
		return false, false, nil
	}
	switch ex.Kind() {
	case "text", "hex", "file", "sample":
	default:
		return false, false, nil
	}
	in, err := exampleReader(r, ex)
	if err != nil {
		return true, false, err
	}
	defer in.Close()
	p := ex.Path
	switch {
	case p != "":
	case ex.File != "":
		p = "/" + path.Base(ex.File)
	case ex.Sample != "":
		sm, _ := ParseSample(ex.Sample)
		p = sm.Path
	}
	res, err := fm.NewScan().Scan(in, p)
	if err != nil {
		return true, false, err
	}
	for _, m := range res.Matches {
		if m.Rule == r {
			return true, true, nil
		}
	}
	return true, false, nil
}

// exampleReader opens a content example for a scan: samples stream from their file
// (some are 50 MB programs), the rest come from memory.
func exampleReader(r *Rule, ex *Example) (interface {
	io.Reader
	io.ReaderAt
	io.Closer
}, error) {
	if ex.Sample != "" {
		sm, err := ParseSample(ex.Sample)
		if err != nil {
			return nil, err
		}
		f, err := os.Open(sm.LocalPath())
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", sm.LocalPath(), ErrSampleMissing)
		}
		return f, err
	}
	data, err := ex.Bytes(r)
	if err != nil {
		return nil, err
	}
	return nopCloser{bytes.NewReader(data)}, nil
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }
