package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
	"time"
)

// Several managers may drain one outbox and run one actions table. Before a manager
// sends a message or runs an action it claims the row: claimed_by names it, and
// claim_until (the database's clock, Unix ns) ends the lease. Another manager takes
// only rows nobody holds or whose lease has run out, so a message is sent by one
// manager at a time; if its manager dies mid-send, the lease runs out and another
// sends the same bytes, with the same Message-ID, again: the one repeat a crash may
// cause, as with a single manager. Recording the outcome ends the claim.

// A Queue is a table whose due rows managers take under a lease: the outbox (the
// messages to send) and the actions (the hooks to run).
type Queue struct {
	table string
	noun  string // what a row is, for the log
}

// The queues.
var (
	OutboxQueue = Queue{table: "outbox", noun: "outbox"}
	ActionQueue = Queue{table: "actions", noun: "action"}
)

// DefaultLease is how long a claim on a message or an action lasts unless renewed:
// longer than one attempt can take (Work renews the claims of its batch as it goes).
// The sender's and the action runner's Lease change it.
const DefaultLease = 5 * time.Minute

// LeaseFor is lease, or when lease is 0 a lease that outlasts an attempt bounded by
// timeout: DefaultLease, or 4 timeouts if that is longer.
func LeaseFor(lease, timeout time.Duration) time.Duration {
	if lease <= 0 {
		lease = DefaultLease
		if timeout > 0 {
			lease = max(lease, 4*timeout)
		}
	}
	return lease
}

// NewOwner names a sender or action runner (kind) in the claims it takes: host,
// process and a random part, so that two in one process differ as well.
func NewOwner(kind string) string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	rand.Read(b)
	return fmt.Sprintf("%s/%s/%d/%s", kind, host, os.Getpid(), hex.EncodeToString(b))
}

// Claims are the rows of a queue one owner has leased (Claim).
type Claims struct {
	store *Store
	queue Queue
	owner string
	lease time.Duration
	// IDs are the rows claimed, in id order (oldest first).
	IDs []int64
}

// Claim leases to owner, for lease, up to limit pending rows of the queue that are
// due at now and that nobody holds (or whose lease has run out), oldest first. In
// PostgreSQL the rows another manager is claiming at this moment are skipped (SKIP
// LOCKED), and a row claimed and committed meanwhile is re-checked and left out; in
// SQLite the statement runs alone. Work then goes through the rows.
func (s *Store) Claim(ctx context.Context, q Queue, owner string, now time.Time, limit int, lease time.Duration) (*Claims, error) {
	ids, err := s.claim(ctx, q.table, owner, now, limit, lease)
	if err != nil {
		return nil, err
	}
	return &Claims{store: s, queue: q, owner: owner, lease: lease, IDs: ids}, nil
}

// Renew extends the claims on these of c's rows by c's lease from now and returns
// the rows c's owner still holds: a row whose lease ran out and that another manager
// took is not among them, and must be left to that manager.
func (c *Claims) Renew(ctx context.Context, ids []int64) (map[int64]bool, error) {
	return c.store.renew(ctx, c.queue.table, c.owner, ids, c.lease)
}

// Work is the lease loop of the sender and the action runner. It calls do with each
// of rows (the claimed rows as loaded, in id order; id returns a row's id) that c's
// owner still holds, in order, and stops at do's first error or when ctx ends. Once
// a third of the lease has passed since the last renewal it renews the claims on the
// rows still to come; a row whose lease ran out and that another manager took is
// skipped, left to that manager. At the end it releases the claims on the rows it did
// not get to, so that the next manager need not wait for the lease to run out.
func Work[T any](ctx context.Context, c *Claims, log *slog.Logger, rows []T, id func(T) int64, do func(T) error) error {
	claimed := time.Now()
	held := map[int64]bool{}
	for _, r := range rows {
		held[id(r)] = true
	}
	defer func() {
		// What is left was not attempted (the context ended, or an error): let another
		// manager have it now rather than when the lease runs out.
		var left []int64
		for _, r := range rows {
			if held[id(r)] {
				left = append(left, id(r))
			}
		}
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if err := c.store.release(rctx, c.queue.table, c.owner, left); err != nil {
			log.Warn("release "+c.queue.noun+" claims", "err", err)
		}
	}()
	for i, r := range rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		if time.Since(claimed) > c.lease/3 {
			rest := make([]int64, 0, len(rows)-i)
			for _, x := range rows[i:] {
				if held[id(x)] {
					rest = append(rest, id(x))
				}
			}
			var err error
			if held, err = c.Renew(ctx, rest); err != nil {
				return err
			}
			claimed = time.Now()
		}
		if !held[id(r)] {
			continue // the lease ran out and another manager holds it now
		}
		delete(held, id(r))
		if err := do(r); err != nil {
			return err
		}
	}
	return nil
}

// Backoff is how long a queued row waits after its attempt-th failed attempt: base,
// doubled for each attempt after the first, at most max.
func Backoff(base, max time.Duration, attempt int) time.Duration {
	d := base
	for i := 1; i < attempt && d < max; i++ {
		d *= 2
	}
	return min(d, max)
}

// claim leases to owner, for lease, up to limit pending rows of table (outbox or
// actions) that are due at now and that nobody holds (or whose lease has run out),
// oldest first, and returns their ids (see Claim).
func (s *Store) claim(ctx context.Context, table, owner string, now time.Time, limit int, lease time.Duration) ([]int64, error) {
	if limit <= 0 {
		limit = 1000
	}
	var ids []int64
	err := s.Update(ctx, func(tx Tx) error {
		ids = ids[:0]
		q := fmt.Sprintf(`UPDATE %[1]s SET claimed_by = ?, claim_until = %[2]s + ?
			WHERE id IN (SELECT id FROM %[1]s WHERE status = 'pending' AND next_attempt <= ? AND claim_until < %[2]s
				ORDER BY id LIMIT %[3]d%[4]s)
			RETURNING id`, table, tx.clockNS(), limit, tx.skipLocked())
		var err error
		ids, err = scanIDs(tx.QueryContext(ctx, q, owner, int64(lease), ns(now)))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("claim %s: %w", table, err)
	}
	slices.Sort(ids)
	return ids, nil
}

// renew extends owner's claims on these rows by lease from now and returns the rows
// it still holds: a row whose lease ran out and that another manager took is not
// among them, and must be left to that manager.
func (s *Store) renew(ctx context.Context, table, owner string, ids []int64, lease time.Duration) (map[int64]bool, error) {
	held := map[int64]bool{}
	if len(ids) == 0 {
		return held, nil
	}
	where, args := idList(ids)
	h := s.rw()
	q := fmt.Sprintf(`UPDATE %s SET claim_until = %s + ? WHERE claimed_by = ? AND status = 'pending' AND id IN (%s)
		RETURNING id`, table, h.clockNS(), where)
	got, err := scanIDs(h.QueryContext(ctx, q, append([]any{int64(lease), owner}, args...)...))
	if err != nil {
		return nil, fmt.Errorf("renew %s claims: %w", table, err)
	}
	for _, id := range got {
		held[id] = true
	}
	return held, nil
}

// release ends owner's claims on these rows (those it did not get to), so that the
// next manager need not wait for the lease to run out.
func (s *Store) release(ctx context.Context, table, owner string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	where, args := idList(ids)
	_, err := s.rw().ExecContext(ctx, fmt.Sprintf(`UPDATE %s SET claimed_by = '', claim_until = 0
		WHERE claimed_by = ? AND status = 'pending' AND id IN (%s)`, table, where), append([]any{owner}, args...)...)
	if err != nil {
		return fmt.Errorf("release %s claims: %w", table, err)
	}
	return nil
}

// scanIDs reads a column of ids.
func scanIDs(rows *sql.Rows, err error) ([]int64, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// idList is the placeholder list and arguments of ids, for "id IN (...)".
func idList(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", "), args
}
