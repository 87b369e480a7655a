package file

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"

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
		sm, _ := signatures.ParseSample(ex.Sample)
		p = sm.Path
	}
	res, err := e.NewScanner().Scan(in, p)
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
func exampleReader(r *signatures.Rule, ex *signatures.Example) (interface {
	io.Reader
	io.ReaderAt
	io.Closer
}, error) {
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
