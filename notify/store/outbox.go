package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Outbox statuses.
const (
	OutboxPending = "pending"
	OutboxSent    = "sent"
	OutboxFailed  = "failed"  // permanent failure or retries exhausted: its cases are held
	OutboxDryRun  = "dry-run" // recorded only, never sent
)

// An OutboxEntry is one message waiting for, or done with, delivery.
type OutboxEntry struct {
	ID          int64
	MessageID   string
	Tenant      string
	Sender      string
	Recipients  []string
	Body        []byte
	Status      string
	Attempts    int
	NextAttempt time.Time
	LastError   string
	CreatedAt   time.Time
	SentAt      time.Time
	Items       []Item
}

// An Item names one (case, stage) a message carries.
type Item struct {
	CaseID int64
	Stage  Stage
}

// InsertOutbox queues a message with the (case, stage) items it carries: e's
// MessageID, Tenant, Sender, Recipients, Body, Status, Items, and CreatedAt, which is
// also its first attempt's time. It sets e.ID.
func (tx Tx) InsertOutbox(ctx context.Context, e *OutboxEntry) error {
	err := tx.QueryRowContext(ctx, `INSERT INTO outbox (message_id, tenant, sender, recipients, body, status, next_attempt, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, e.MessageID, e.Tenant, e.Sender, strings.Join(e.Recipients, ","), e.Body,
		e.Status, ns(e.CreatedAt), ns(e.CreatedAt)).Scan(&e.ID)
	if err != nil {
		return fmt.Errorf("outbox %s: %w", e.MessageID, err)
	}
	for _, it := range e.Items {
		if _, err := tx.ExecContext(ctx, `INSERT INTO outbox_items VALUES (?, ?, ?)`, e.ID, it.CaseID, it.Stage); err != nil {
			return fmt.Errorf("outbox %s item %d: %w", e.MessageID, it.CaseID, err)
		}
	}
	return nil
}

const outboxSelect = `SELECT id, message_id, tenant, sender, recipients, body, status, attempts, next_attempt,
	last_error, created_at, sent_at FROM outbox`

func (s *Store) outbox(ctx context.Context, where string, limit int, args ...any) ([]OutboxEntry, error) {
	q := outboxSelect + " WHERE " + where + " ORDER BY id"
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	rows, err := s.rw().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	var out []OutboxEntry
	for rows.Next() {
		var e OutboxEntry
		var rcpt string
		var na, ca, sa int64
		if err := rows.Scan(&e.ID, &e.MessageID, &e.Tenant, &e.Sender, &rcpt, &e.Body, &e.Status, &e.Attempts,
			&na, &e.LastError, &ca, &sa); err != nil {
			rows.Close()
			return nil, fmt.Errorf("outbox: %w", err)
		}
		e.Recipients = strings.Split(rcpt, ",")
		e.NextAttempt, e.CreatedAt, e.SentAt = fromNS(na), fromNS(ca), fromNS(sa)
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	for i := range out {
		if out[i].Items, err = s.items(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Store) items(ctx context.Context, outboxID int64) ([]Item, error) {
	rows, err := s.rw().QueryContext(ctx, `SELECT case_id, stage FROM outbox_items WHERE outbox_id = ? ORDER BY case_id`, outboxID)
	if err != nil {
		return nil, fmt.Errorf("outbox items: %w", err)
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.CaseID, &it.Stage); err != nil {
			return nil, fmt.Errorf("outbox items: %w", err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// DueOutbox returns up to limit pending messages whose next attempt is due at now,
// claimed by a sender or not: a report. Senders take their messages with a claim.
func (s *Store) DueOutbox(ctx context.Context, now time.Time, limit int) ([]OutboxEntry, error) {
	return s.outbox(ctx, "status = 'pending' AND next_attempt <= ?", limit, ns(now))
}

// OutboxOf returns every message that carried the case.
func (s *Store) OutboxOf(ctx context.Context, caseID int64) ([]OutboxEntry, error) {
	return s.outbox(ctx, "id IN (SELECT outbox_id FROM outbox_items WHERE case_id = ?)", 0, caseID)
}

// AllOutbox returns every message, oldest first.
func (s *Store) AllOutbox(ctx context.Context) ([]OutboxEntry, error) {
	return s.outbox(ctx, "TRUE", 0)
}

// ClaimedOutbox returns the messages of c, a claim on the outbox (Claim), oldest
// first: a message is sent by one manager at a time.
func (s *Store) ClaimedOutbox(ctx context.Context, c *Claims) ([]OutboxEntry, error) {
	if len(c.IDs) == 0 {
		return nil, nil
	}
	where, args := idList(c.IDs)
	return s.outbox(ctx, "id IN ("+where+")", 0, args...)
}

// MarkSent records a delivery: the message, and each case still at the stage it
// carried, in one transaction; the claim ends. A message another manager recorded
// already (its lease ran out during our send and it sent it again) changes nothing.
func (s *Store) MarkSent(ctx context.Context, e OutboxEntry, now time.Time) error {
	return s.Update(ctx, func(tx Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1,
			last_error = '', claimed_by = '', claim_until = 0 WHERE id = ? AND status = 'pending'`, ns(now), e.ID)
		if err != nil {
			return fmt.Errorf("mark %s sent: %w", e.MessageID, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		return forItems(ctx, tx, e, func(c *Case, st Stage) (string, string) {
			if c.StageDeliveredAt.IsZero() {
				c.StageDeliveredAt = now
			}
			if st == StageFinal {
				c.FinalDeliveredAt = now
			}
			return "notice delivered", fmt.Sprintf("%s notice delivered as <%s>", st, e.MessageID)
		}, now, "sender")
	})
}

// MarkFailed records a message that will not be delivered and holds its cases: no
// case climbs further, let alone to a suspension, on a notice nobody received. Only
// the claim's owner records it: a manager whose lease ran out leaves the message to
// the one that holds it now.
func (s *Store) MarkFailed(ctx context.Context, e OutboxEntry, owner string, now time.Time, cause string) error {
	return s.Update(ctx, func(tx Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'failed', attempts = attempts + 1,
			last_error = ?, claimed_by = '', claim_until = 0 WHERE id = ? AND status = 'pending' AND claimed_by = ?`,
			cause, e.ID, owner)
		if err != nil {
			return fmt.Errorf("mark %s failed: %w", e.MessageID, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		return forItems(ctx, tx, e, func(c *Case, st Stage) (string, string) {
			c.NoticeFailed = true
			return "notice undeliverable", fmt.Sprintf("%s notice <%s>: %s", st, e.MessageID, cause)
		}, now, "sender")
	})
}

// MarkRetry records a temporary failure and when to try again, and ends the claim.
func (s *Store) MarkRetry(ctx context.Context, e OutboxEntry, owner string, next time.Time, cause string) error {
	_, err := s.rw().ExecContext(ctx, `UPDATE outbox SET attempts = attempts + 1, next_attempt = ?, last_error = ?,
		claimed_by = '', claim_until = 0 WHERE id = ? AND status = 'pending' AND claimed_by = ?`, ns(next), cause, e.ID, owner)
	if err != nil {
		return fmt.Errorf("mark %s for retry: %w", e.MessageID, err)
	}
	return nil
}

// forItems applies f to each case the message carried that is still at the carried
// stage (a case may have moved on, by an operator's hand, since the message was queued),
// and records the event f names in the audit trail. The cases are locked first.
func forItems(ctx context.Context, tx Tx, e OutboxEntry, f func(*Case, Stage) (string, string), now time.Time, actor string) error {
	ids := make([]int64, len(e.Items))
	for i, it := range e.Items {
		ids[i] = it.CaseID
	}
	locked, err := tx.LockCases(ctx, ids)
	if err != nil {
		return err
	}
	for _, it := range e.Items {
		c, ok := locked[it.CaseID]
		if !ok {
			return fmt.Errorf("case %s: %w", CaseRef(it.CaseID), ErrNoCase)
		}
		if c.Stage != it.Stage {
			continue
		}
		event, reason := f(&c, it.Stage)
		c.UpdatedAt = now
		if err := tx.UpdateCase(ctx, &c); err != nil {
			return err
		}
		locked[c.ID] = c
		if err := tx.Audit(ctx, &c, now, actor, event, reason); err != nil {
			return err
		}
	}
	return nil
}

// MessagesSince counts the messages queued for a tenant since a time, dry runs left
// out: what the daily cap counts.
func (tx Tx) MessagesSince(ctx context.Context, tenant string, since time.Time) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM outbox WHERE tenant = ? AND created_at >= ? AND status != 'dry-run'`,
		tenant, ns(since)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count messages of %s: %w", tenant, err)
	}
	return n, nil
}

// Generation counts how often any of these (case, stage) pairs was queued before:
// 0 but when an operator has a held notice sent again, which must get a new id.
func (tx Tx) Generation(ctx context.Context, items []Item) (int, error) {
	gen := 0
	for _, it := range items {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM outbox_items WHERE case_id = ? AND stage = ?`,
			it.CaseID, it.Stage).Scan(&n); err != nil {
			return 0, fmt.Errorf("generation: %w", err)
		}
		gen = max(gen, n)
	}
	return gen, nil
}
