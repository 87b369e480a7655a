package store

import (
	"context"
	"database/sql"
	"hash/fnv"
	"strconv"
	"strings"
)

// A Tx is the store's handle on the database in a write transaction (Store.Update):
// it speaks the store's dialect. Every query is written once, with ? placeholders;
// for PostgreSQL they are rebound to $1..$n. The few statements that differ (row
// locks, advisory locks, the database clock) come from its methods. Outside a
// transaction the store uses the same type over its *sql.DB.
type Tx struct {
	q  querier
	pg bool
}

type querier interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

func (h Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return h.q.ExecContext(ctx, h.rebind(query), args...)
}

func (h Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return h.q.QueryContext(ctx, h.rebind(query), args...)
}

func (h Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return h.q.QueryRowContext(ctx, h.rebind(query), args...)
}

// rebind turns the ? placeholders of query into PostgreSQL's $1..$n, leaving quoted
// strings and identifiers alone; SQLite takes the query as it is.
func (h Tx) rebind(query string) string {
	if !h.pg || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	var quote byte
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// forUpdate ends a SELECT that reads rows the transaction is about to change: in
// PostgreSQL it locks them until the transaction ends, so that two managers take
// turns and the second reads what the first wrote. SQLite needs nothing: a write
// transaction (BEGIN IMMEDIATE) already excludes every other writer.
func (h Tx) forUpdate() string {
	if h.pg {
		return " FOR UPDATE"
	}
	return ""
}

// skipLocked ends the SELECT that picks rows to claim: in PostgreSQL a row another
// manager is claiming at this moment is skipped rather than waited for.
func (h Tx) skipLocked() string {
	if h.pg {
		return " FOR UPDATE SKIP LOCKED"
	}
	return ""
}

// keyOrder is the ORDER BY list that sorts cases by (tenant, host, rule, id) byte by
// byte, as Go sorts strings, whatever the database's collation.
func (h Tx) keyOrder() string {
	if h.pg {
		return `tenant COLLATE "C", host COLLATE "C", rule COLLATE "C", id`
	}
	return "tenant, host, rule, id"
}

// Lock takes a transaction-level advisory lock on key in PostgreSQL (held until the
// transaction ends): it serializes what no row lock can, such as two managers
// opening the same case, whose row does not exist yet. In SQLite the write
// transaction is exclusive already.
func (h Tx) Lock(ctx context.Context, key string) error {
	if !h.pg {
		return nil
	}
	_, err := h.q.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, lockID(key))
	return err
}

// lockID is the 64-bit advisory lock id of a key (FNV-1a). Two keys that happen to
// share an id only wait for each other.
func lockID(key string) int64 {
	f := fnv.New64a()
	f.Write([]byte(key))
	return int64(f.Sum64())
}

// CaseKey is the advisory lock key of the active case of (tenant, host, rule). A
// batch that locks several cases takes their keys in sorted order.
func CaseKey(tenant, host, rule string) string {
	return "aupscan.notify.case\x00" + tenant + "\x00" + host + "\x00" + rule
}

// TenantKey is the advisory lock key of a tenant: held while its notices are
// queued, so that the daily cap counts what every manager queued.
func TenantKey(tenant string) string { return "aupscan.notify.tenant\x00" + tenant }

// clockNS is an SQL expression for the database's own clock in Unix nanoseconds: the
// time leases are counted in, so that managers whose clocks disagree still agree on
// when a lease ends.
func (h Tx) clockNS() string {
	if h.pg {
		return "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000000 AS BIGINT)"
	}
	return "CAST((julianday('now') - 2440587.5) * 86400000000000.0 AS INTEGER)"
}
