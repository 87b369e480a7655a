package output

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/aupscan/aupscan/scanner"
)

// fileSink appends JSON Lines to a file, one write a record so that lines of
// concurrent writers never interleave, and reopens the file by its name when asked
// (SIGHUP after logrotate moved it away, as Suricata does with eve.json).
type fileSink struct {
	path string
	enc  Encoder
	f    *os.File
	buf  []byte
}

func openFile(path string, enc Encoder) (*fileSink, error) {
	s := &fileSink{path: path, enc: enc}
	if err := s.reopen(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *fileSink) reopen() error {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o750); err != nil {
		return err
	}
	f, err := os.OpenFile(s.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
	if err != nil {
		return err
	}
	if s.f != nil {
		s.f.Close()
	}
	s.f = f
	return nil
}

func (s *fileSink) maxBatch() int { return 256 }

func (s *fileSink) deliver(_ context.Context, batch []*scanner.Finding) error {
	s.buf = s.buf[:0]
	for _, f := range batch {
		rec, err := s.enc(f)
		if err != nil {
			return permanent{err}
		}
		s.buf = append(append(s.buf, rec...), '\n')
	}
	if _, err := s.f.Write(s.buf); err != nil {
		return fmt.Errorf("write %s: %w", s.path, err)
	}
	return nil
}

func (s *fileSink) close() error { return s.f.Close() }
