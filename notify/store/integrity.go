package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// IntegrityAtOpenMax is the largest SQLite case database checked in full when it is
// opened: PRAGMA integrity_check reads every page and compares each index with its
// table (quick_check does not, and a broken index then runs silently: a case the
// index does not show is a case opened twice). Larger files are checked on the
// daemon's schedule instead (CheckIntegrity).
const IntegrityAtOpenMax = 64 << 20

// CorruptError is a SQLite case database that fails its integrity check.
type CorruptError struct {
	Path     string
	Problems []string // what integrity_check said, at most a few
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("case database %s is damaged: %s; stop aupscand and run `aupscan cases repair` (it keeps a copy of the file first)",
		e.Path, strings.Join(e.Problems, "; "))
}

// ErrCorrupt matches every CorruptError.
var ErrCorrupt = errors.New("case database is damaged")

func (e *CorruptError) Is(target error) bool { return target == ErrCorrupt }

// CheckIntegrity runs SQLite's full integrity check (every page, every index against
// its table); PostgreSQL keeps its own. It returns a *CorruptError naming the file.
func (s *Store) CheckIntegrity(ctx context.Context) error {
	if s.pg {
		return nil
	}
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check(20)`)
	if err != nil {
		return fmt.Errorf("integrity check of %s: %w", s.path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("integrity check of %s: %w", s.path, err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check of %s: %w", s.path, err)
	}
	if len(problems) > 0 {
		return &CorruptError{Path: s.path, Problems: problems}
	}
	return nil
}

// Path returns the SQLite file of the store, or "" for PostgreSQL.
func (s *Store) Path() string { return s.path }

// checkAtOpen checks a small SQLite file in full as it is opened.
func (s *Store) checkAtOpen(ctx context.Context) error {
	if s.pg {
		return nil
	}
	if fi, err := os.Stat(s.path); err != nil || fi.Size() > IntegrityAtOpenMax {
		return nil // a new file, or one the schedule checks
	}
	return s.CheckIntegrity(ctx)
}

// RepairResult says what Repair did.
type RepairResult struct {
	Backup string // the copy of the file made before anything changed
	Before []string
	After  []string // what integrity_check still says; empty when the file is whole
}

// Repair mends a SQLite case database whose indexes no longer match their tables:
// it copies the file (after a checkpoint, so the copy holds every transaction) to
// PATH.before-repair-TIME, then rebuilds every index from the tables with REINDEX, in
// one transaction, and checks again. REINDEX reads the tables and writes only the
// indexes, so no case, audit entry or message is lost. A rebuilt unique index that
// finds two rows with one key fails, and the transaction leaves the file as it was:
// the error names the index, for the duplicate to be closed by hand. Damage to a
// table itself (not an index) is left for sqlite3's .recover, with the copy kept.
func Repair(ctx context.Context, path string) (RepairResult, error) {
	var res RepairResult
	s, err := openSQLite(path)
	if err != nil {
		return res, err
	}
	defer s.Close()
	if err := s.CheckIntegrity(ctx); err != nil {
		var ce *CorruptError
		if !errors.As(err, &ce) {
			return res, err
		}
		res.Before = ce.Problems
	}
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return res, fmt.Errorf("repair %s: checkpoint: %w", path, err)
	}
	res.Backup = fmt.Sprintf("%s.before-repair-%s", path, time.Now().UTC().Format("20060102T150405Z"))
	if err := copyFile(path, res.Backup); err != nil {
		return res, fmt.Errorf("repair %s: copy before repairing: %w", path, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("repair %s: %w", path, err)
	}
	if _, err := tx.ExecContext(ctx, `REINDEX`); err != nil {
		tx.Rollback()
		return res, fmt.Errorf("repair %s: REINDEX (nothing changed): %w", path, err)
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("repair %s: %w", path, err)
	}
	if err := s.CheckIntegrity(ctx); err != nil {
		var ce *CorruptError
		if !errors.As(err, &ce) {
			return res, err
		}
		res.After = ce.Problems
	}
	return res, nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
