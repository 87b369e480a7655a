package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// An AuditEntry is one recorded event of a case: who did what, when and why.
type AuditEntry struct {
	CaseID int64
	At     time.Time
	Actor  string // "policy", "sender", "ingest", or the operator's name
	Event  string
	Reason string
	State  State // the case's state and stage after the event
	Stage  Stage
}

// Audit records an event of case c, as it stands after the event, in its audit trail.
func (tx Tx) Audit(ctx context.Context, c *Case, at time.Time, actor, event, reason string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit (case_id, at, actor, event, reason, state, stage)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, c.ID, ns(at), actor, event, reason, c.State, c.Stage)
	if err != nil {
		return fmt.Errorf("audit %s %s: %w", c.Ref(), event, err)
	}
	return nil
}

// LastEvent returns the latest event in the audit trail of a case, "" when it has none.
func (tx Tx) LastEvent(ctx context.Context, c *Case) (string, error) {
	var last string
	err := tx.QueryRowContext(ctx, `SELECT event FROM audit WHERE case_id = ? ORDER BY id DESC LIMIT 1`, c.ID).Scan(&last)
	if err != nil && err != sql.ErrNoRows {
		return "", fmt.Errorf("audit of %s: %w", c.Ref(), err)
	}
	return last, nil
}

// Audit returns the audit trail of a case, oldest first.
func (s *Store) Audit(ctx context.Context, id int64) ([]AuditEntry, error) {
	rows, err := s.rw().QueryContext(ctx, `SELECT case_id, at, actor, event, reason, state, stage
		FROM audit WHERE case_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("audit of %s: %w", CaseRef(id), err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at int64
		if err := rows.Scan(&e.CaseID, &at, &e.Actor, &e.Event, &e.Reason, &e.State, &e.Stage); err != nil {
			return nil, fmt.Errorf("audit of %s: %w", CaseRef(id), err)
		}
		e.At = fromNS(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
