package file

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"

	"github.com/aupscan/aupscan/signatures"
)

// RunExample runs text, hex, file and sample examples through the file engine:
// content, hashes, Go build information and configuration sections (the example's
// path decides which apply), exactly as a scan would read the file.
// With it the Engine is a signatures.ExampleRunner, for `aupscan rules check`.
func (e *Engine) RunExample(r *signatures.Rule, ex *signatures.Example) (handled, matched bool, err error) {
	if r.File == nil && len(r.Config) == 0 {
		return false, false, nil
	}
	switch ex.Kind() {
	case "text", "hex", "file", "sample":
	default:
		return false, false, nil
	}
	res, err := e.runExample(r, ex, func(fs *Scanner, in exampleInput, p string) (Result, error) { return fs.Scan(in, p) })
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

// ExampleConditions runs a text, hex, file or sample example through the file engine
// and names each condition of r's file section the example meets on its own (ByHash,
// ByGoModule, ByGoDependency, ByPatterns), whatever other rules match. A Go program
// that names a listed module and holds the patterns meets both, where its finding
// only shows the first: the catalog's test asks this to see that every way a program
// is identified has an example.
func (e *Engine) ExampleConditions(r *signatures.Rule, ex *signatures.Example) (handled bool, by []string, err error) {
	ri := slices.Index(e.rules, r)
	if ri < 0 {
		return false, nil, nil
	}
	switch ex.Kind() {
	case "text", "hex", "file", "sample":
	default:
		return false, nil, nil
	}
	_, err = e.runExample(r, ex, func(fs *Scanner, in exampleInput, p string) (Result, error) {
		res, bi, err := fs.readAll(in, p)
		if err != nil {
			return res, err
		}
		f := r.File
		if f.MaxSize > 0 && res.Size > f.MaxSize {
			return res, nil
		}
		for _, c := range []struct {
			by string
			ok bool
		}{
			{ByHash, hashEvidence(f, &res.Digests) != ""},
			{ByGoModule, goModuleEvidence(f, bi) != ""},
			{ByGoDependency, goDependencyEvidence(f, bi) != ""},
			{ByPatterns, fs.patternEvidence(ri, f, p, &res) != ""},
		} {
			if c.ok {
				by = append(by, c.by)
			}
		}
		return res, nil
	})
	return true, by, err
}

// exampleInput is an example's content, as a scan reads it.
type exampleInput interface {
	io.Reader
	io.ReaderAt
	io.Closer
}

// runExample opens an example's content and hands it, with the path a scan would
// see it at, to scan.
func (e *Engine) runExample(r *signatures.Rule, ex *signatures.Example, scan func(*Scanner, exampleInput, string) (Result, error)) (Result, error) {
	in, err := exampleReader(r, ex)
	if err != nil {
		return Result{}, err
	}
	defer in.Close()
	p := ex.Path
	switch {
	case p != "":
	case ex.File != "":
		p = "/" + path.Base(ex.File)
	case ex.Sample != "":
		sm, _ := signatures.ParseSample(ex.Sample)
		p = sm.Path
	}
	return scan(e.NewScanner(), in, p)
}

// exampleReader opens a content example for a scan: samples stream from their file
// (some are 50 MB programs), the rest come from memory.
func exampleReader(r *signatures.Rule, ex *signatures.Example) (exampleInput, error) {
	if ex.Sample != "" {
		sm, err := signatures.ParseSample(ex.Sample)
		if err != nil {
			return nil, err
		}
		f, err := os.Open(sm.LocalPath())
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", sm.LocalPath(), signatures.ErrSampleMissing)
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
