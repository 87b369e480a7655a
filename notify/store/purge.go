package store

import (
	"context"
	"fmt"
	"time"
)

// Purge deletes the cases closed before cutoff, with their audit trail, messages and
// actions, and returns how many cases it deleted.
func (s *Store) Purge(ctx context.Context, cutoff time.Time) (int, error) {
	var count int
	err := s.Update(ctx, func(tx Tx) error {
		// Managers purging at once take turns.
		if err := tx.Lock(ctx, "aupscan.notify.purge"); err != nil {
			return fmt.Errorf("purge: %w", err)
		}
		// A case with an action or message still to go waits: purging it would lose the
		// record of what that action or message did.
		sel := `SELECT id FROM cases WHERE state = 'resolved' AND closed_at > 0 AND closed_at < ?
			AND id NOT IN (SELECT case_id FROM actions WHERE status IN ('pending', 'manual'))
			AND id NOT IN (SELECT i.case_id FROM outbox_items i JOIN outbox o ON o.id = i.outbox_id WHERE o.status = 'pending')`
		for _, q := range []string{
			`DELETE FROM audit WHERE case_id IN (` + sel + `)`,
			`DELETE FROM actions WHERE case_id IN (` + sel + `) AND status NOT IN ('pending', 'manual')`,
			`DELETE FROM outbox_items WHERE case_id IN (` + sel + `)`,
			`DELETE FROM tokens WHERE case_id IN (` + sel + `)`,
		} {
			if _, err := tx.ExecContext(ctx, q, ns(cutoff)); err != nil {
				return fmt.Errorf("purge: %w", err)
			}
		}
		// Cases last: the deletes above select them by the same condition.
		res, err := tx.ExecContext(ctx, `DELETE FROM cases WHERE id IN (`+sel+`)`, ns(cutoff))
		if err != nil {
			return fmt.Errorf("purge: %w", err)
		}
		n, _ := res.RowsAffected()
		count = int(n)
		// A message goes with its last case; one still pending is kept to be sent.
		_, err = tx.ExecContext(ctx, `DELETE FROM outbox WHERE status != 'pending'
			AND id NOT IN (SELECT outbox_id FROM outbox_items)`)
		return err
	})
	return count, err
}
