package store

import (
	"context"
	"fmt"
	"time"
)

// MarkHandled records a message key as handled (ProcessOnce) and reports whether it
// is new. A key another manager is recording at this moment waits for that
// transaction: new if it rolled back, not new if it committed.
func (tx Tx) MarkHandled(ctx context.Context, key string, now time.Time) (bool, error) {
	r, err := tx.ExecContext(ctx, `INSERT INTO handled (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, key, ns(now))
	if err != nil {
		return false, fmt.Errorf("handled %q: %w", key, err)
	}
	n, err := r.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("handled %q: %w", key, err)
	}
	return n == 1, nil
}

// PruneHandled forgets the message keys ProcessOnce recorded before a time (when no
// redelivery of them can come any more) and returns how many it deleted.
func (s *Store) PruneHandled(ctx context.Context, before time.Time) (int64, error) {
	r, err := s.rw().ExecContext(ctx, `DELETE FROM handled WHERE at < ?`, ns(before))
	if err != nil {
		return 0, fmt.Errorf("prune handled keys: %w", err)
	}
	return r.RowsAffected()
}
