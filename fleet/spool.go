package fleet

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Spool is an agent's bounded queue on disk: a folder holding one file a record,
// named by a sequence number, so records come back in the order they were put. Each
// record is written to a temporary file, synced, renamed into place and the folder
// synced, so a record Put returned for survives a crash or a power cut. When the
// records would exceed the byte bound, the oldest are deleted and counted.
type Spool struct {
	dir string
	max int64

	mu      sync.Mutex
	seqs    []uint64 // oldest first
	sizes   map[uint64]int64
	bytes   int64
	next    uint64
	dropped uint64
}

const spoolExt = ".rec"

// OpenSpool opens (creating it) the spool folder dir, bounded to bound bytes of
// records. Records left by an earlier run are kept, in order; temporary files of a
// write that a crash interrupted are removed.
func OpenSpool(dir string, bound int64) (*Spool, error) {
	if bound <= 0 {
		return nil, fmt.Errorf("spool %s: size bound must be positive", dir)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	s := &Spool{dir: dir, max: bound, sizes: map[uint64]int64{}, next: 1}
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, ".tmp-") {
			os.Remove(filepath.Join(dir, name))
			continue
		}
		seq, err := strconv.ParseUint(strings.TrimSuffix(name, spoolExt), 10, 64)
		if err != nil || !strings.HasSuffix(name, spoolExt) || !e.Type().IsRegular() {
			continue // not ours: left alone
		}
		info, err := e.Info()
		if err != nil {
			return nil, fmt.Errorf("spool: %w", err)
		}
		s.seqs = append(s.seqs, seq)
		s.sizes[seq] = info.Size()
		s.bytes += info.Size()
		s.next = max(s.next, seq+1)
	}
	slices.Sort(s.seqs)
	return s, nil
}

func (s *Spool) path(seq uint64) string {
	return filepath.Join(s.dir, fmt.Sprintf("%020d%s", seq, spoolExt))
}

// Put appends rec durably. When the spool would grow past its bound, the oldest
// records are deleted first and counted in Dropped; a record larger than the whole
// bound is refused.
func (s *Spool) Put(rec []byte) error {
	if int64(len(rec)) > s.max {
		s.mu.Lock()
		s.dropped++
		s.mu.Unlock()
		return fmt.Errorf("spool: record of %d bytes exceeds the bound of %d", len(rec), s.max)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.bytes+int64(len(rec)) > s.max && len(s.seqs) > 0 {
		old := s.seqs[0]
		if err := os.Remove(s.path(old)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("spool: drop oldest: %w", err)
		}
		s.forget(old)
		s.dropped++
	}
	seq := s.next
	tmp, err := os.CreateTemp(s.dir, ".tmp-")
	if err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	_, err = tmp.Write(rec)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), s.path(seq))
	}
	if err == nil {
		err = syncDir(s.dir)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("spool: write record: %w", err)
	}
	s.next++
	s.seqs = append(s.seqs, seq)
	s.sizes[seq] = int64(len(rec))
	s.bytes += int64(len(rec))
	return nil
}

func (s *Spool) forget(seq uint64) {
	if i, ok := slices.BinarySearch(s.seqs, seq); ok {
		s.seqs = slices.Delete(s.seqs, i, i+1)
		s.bytes -= s.sizes[seq]
		delete(s.sizes, seq)
	}
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Oldest returns the oldest record and its sequence number; ok is false when the
// spool is empty.
func (s *Spool) Oldest() (seq uint64, rec []byte, ok bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.seqs) > 0 {
		seq = s.seqs[0]
		rec, err = os.ReadFile(s.path(seq))
		if errors.Is(err, fs.ErrNotExist) {
			s.forget(seq) // removed behind our back: nothing to send
			continue
		}
		if err != nil {
			return 0, nil, false, fmt.Errorf("spool: %w", err)
		}
		return seq, rec, true, nil
	}
	return 0, nil, false, nil
}

// Remove deletes record seq once it has been delivered. A record already dropped is
// no error.
func (s *Spool) Remove(seq uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.sizes[seq]; !ok {
		return nil
	}
	if err := os.Remove(s.path(seq)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("spool: %w", err)
	}
	s.forget(seq)
	return nil
}

// Len is the number of records waiting.
func (s *Spool) Len() int { s.mu.Lock(); defer s.mu.Unlock(); return len(s.seqs) }

// Bytes is the size of the records waiting.
func (s *Spool) Bytes() int64 { s.mu.Lock(); defer s.mu.Unlock(); return s.bytes }

// Dropped counts the records deleted unsent to keep the bound, since OpenSpool.
func (s *Spool) Dropped() uint64 { s.mu.Lock(); defer s.mu.Unlock(); return s.dropped }
