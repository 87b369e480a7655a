package store

import (
	"context"
	"fmt"
	"time"
)

// Action statuses.
const (
	ActionPending = "pending"
	ActionDone    = "done"
	ActionDryRun  = "dry-run"
	// ActionManual: no hook is configured; staff carry the action out by hand and
	// confirm it (ConfirmAction).
	ActionManual = "manual"
)

// An Action is one row of the actions table: a suspension or a reinstatement to run
// through the hook, with the payload every attempt sends.
type Action struct {
	ID          int64
	CaseID      int64
	Kind        string
	Key         string // the idempotency key, unique in the table
	Payload     []byte
	Status      string
	Attempts    int
	NextAttempt time.Time
	LastError   string
	CreatedAt   time.Time
	DoneAt      time.Time
}

// InsertAction queues a's CaseID, Kind, Key, Payload and Status, due at its
// CreatedAt, unless an action with the same key exists: an action is queued once per
// case and kind, and never run again after it succeeded.
func (tx Tx) InsertAction(ctx context.Context, a *Action) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO actions (case_id, kind, idem_key, payload, status, next_attempt, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idem_key) DO NOTHING`, a.CaseID, a.Kind, a.Key, a.Payload, a.Status,
		ns(a.CreatedAt), ns(a.CreatedAt))
	if err != nil {
		return fmt.Errorf("queue %s: %w", a.Key, err)
	}
	return nil
}

const actionSelect = `SELECT id, case_id, kind, idem_key, payload, status, attempts, next_attempt, last_error, created_at, done_at FROM actions`

// Actions returns the actions of a case, or every action when caseID is 0.
func (s *Store) Actions(ctx context.Context, caseID int64) ([]Action, error) {
	q := actionSelect
	var args []any
	if caseID != 0 {
		q += " WHERE case_id = ?"
		args = append(args, caseID)
	}
	return s.actions(ctx, q+" ORDER BY id", args...)
}

// ClaimedActions returns the actions of c, a claim on the actions (Claim), oldest
// first: an action is run by one manager at a time.
func (s *Store) ClaimedActions(ctx context.Context, c *Claims) ([]Action, error) {
	if len(c.IDs) == 0 {
		return nil, nil
	}
	where, args := idList(c.IDs)
	return s.actions(ctx, actionSelect+` WHERE id IN (`+where+`) ORDER BY id`, args...)
}

func (s *Store) actions(ctx context.Context, q string, args ...any) ([]Action, error) {
	rows, err := s.rw().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("actions: %w", err)
	}
	defer rows.Close()
	var out []Action
	for rows.Next() {
		var a Action
		var na, ca, da int64
		if err := rows.Scan(&a.ID, &a.CaseID, &a.Kind, &a.Key, &a.Payload, &a.Status, &a.Attempts, &na,
			&a.LastError, &ca, &da); err != nil {
			return nil, fmt.Errorf("actions: %w", err)
		}
		a.NextAttempt, a.CreatedAt, a.DoneAt = fromNS(na), fromNS(ca), fromNS(da)
		out = append(out, a)
	}
	return out, rows.Err()
}

// MarkActionDone records an action's success, with an entry in its case's audit
// trail (its reason the action's key, and what the action said it did, if anything),
// and ends the claim. It reports whether it recorded it: a success another
// manager recorded already (it took the action over when our lease ran out) is
// recorded once.
func (s *Store) MarkActionDone(ctx context.Context, a Action, now time.Time, what string) (bool, error) {
	recorded := false
	err := s.Update(ctx, func(tx Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE actions SET attempts = attempts + 1, status = 'done', done_at = ?,
				last_error = '', claimed_by = '', claim_until = 0 WHERE id = ? AND status = 'pending'`, ns(now), a.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err // recorded already, by the manager that took over the lease
		}
		recorded = true
		c, err := getCase(ctx, tx, a.CaseID, true)
		if err != nil {
			return err
		}
		if err := tx.actionDoneOnCase(ctx, &c, a.Kind, now); err != nil {
			return err
		}
		reason := a.Key
		if what != "" {
			reason += ": " + what
		}
		return tx.Audit(ctx, &c, now, "action", a.Kind+" action done", reason)
	})
	return recorded, err
}

// MarkActionRetry records a failed attempt and when to try again, and ends the
// claim. Only the claim's owner records it: a manager whose lease ran out leaves the
// action to the one that holds it now.
func (s *Store) MarkActionRetry(ctx context.Context, a Action, owner string, next time.Time, cause string) error {
	_, err := s.rw().ExecContext(ctx, `UPDATE actions SET attempts = attempts + 1, next_attempt = ?,
				last_error = ?, claimed_by = '', claim_until = 0 WHERE id = ? AND status = 'pending' AND claimed_by = ?`,
		ns(next), cause, a.ID, owner)
	return err
}

// actionDoneOnCase records on the case that its suspension or reinstatement is done:
// the notice that says so is due from then on (notify.Decide).
func (tx Tx) actionDoneOnCase(ctx context.Context, c *Case, kind string, now time.Time) error {
	switch kind {
	case "suspend":
		c.SuspendStatus = ActionStatusDone
	case "unsuspend":
		c.ReinstateStatus = ActionStatusDone
	default:
		return nil
	}
	c.UpdatedAt = now
	return tx.UpdateCase(ctx, c)
}

// ConfirmAction records that staff carried out by hand the manual action of kind on
// case id (no hook configured): the action is done, and so is the case's suspension
// or reinstatement. It returns ErrNoCase (wrapped) when the case has no such action
// waiting.
func (s *Store) ConfirmAction(ctx context.Context, id int64, kind, actor, reason string, now time.Time) error {
	return s.Update(ctx, func(tx Tx) error {
		c, err := getCase(ctx, tx, id, true)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE actions SET status = 'done', done_at = ?, attempts = attempts + 1
			WHERE case_id = ? AND kind = ? AND status = 'manual'`, ns(now), id, kind)
		if err != nil {
			return fmt.Errorf("confirm %s of %s: %w", kind, c.Ref(), err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("confirm %s of %s: no %s action waits to be done by hand: %w", kind, c.Ref(), kind, ErrNoCase)
		}
		if err := tx.actionDoneOnCase(ctx, &c, kind, now); err != nil {
			return err
		}
		return tx.Audit(ctx, &c, now, actor, kind+" done by hand", reason)
	})
}
