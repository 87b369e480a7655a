package notify

import (
	"context"
	"database/sql"
	"hash/fnv"
	"strconv"
	"strings"
)

// dbtx is the store's handle on the database, a *sql.DB or a *sql.Tx, that speaks the
// store's dialect. Every query is written once, with ? placeholders; for PostgreSQL
// they are rebound to $1..$n. The few statements that differ (row locks, advisory
// locks, the database clock) come from its methods.
type dbtx struct {
	q  querier
	pg bool
}

type querier interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

func (h dbtx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return h.q.ExecContext(ctx, h.rebind(query), args...)
}

func (h dbtx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return h.q.QueryContext(ctx, h.rebind(query), args...)
}

func (h dbtx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return h.q.QueryRowContext(ctx, h.rebind(query), args...)
}

// rebind turns the ? placeholders of query into PostgreSQL's $1..$n, leaving quoted
// strings and identifiers alone; SQLite takes the query as it is.
func (h dbtx) rebind(query string) string {
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
func (h dbtx) forUpdate() string {
	if h.pg {
		return " FOR UPDATE"
	}
	return ""
}

// skipLocked ends the SELECT that picks rows to claim: in PostgreSQL a row another
// manager is claiming at this moment is skipped rather than waited for.
func (h dbtx) skipLocked() string {
	if h.pg {
		return " FOR UPDATE SKIP LOCKED"
	}
	return ""
}

// keyOrder is the ORDER BY list that sorts cases by (tenant, host, rule, id) byte by
// byte, as Go sorts strings, whatever the database's collation.
func (h dbtx) keyOrder() string {
	if h.pg {
		return `tenant COLLATE "C", host COLLATE "C", rule COLLATE "C", id`
	}
	return "tenant, host, rule, id"
}

// lock takes a transaction-level advisory lock on key in PostgreSQL (held until the
// transaction ends): it serializes what no row lock can, such as two managers
// opening the same case, whose row does not exist yet. In SQLite the write
// transaction is exclusive already.
func (h dbtx) lock(ctx context.Context, key string) error {
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

// caseKey is the advisory lock key of the active case of (tenant, host, rule).
func caseKey(tenant, host, rule string) string {
	return "aupscan.notify.case\x00" + tenant + "\x00" + host + "\x00" + rule
}

// clockNS is an SQL expression for the database's own clock in Unix nanoseconds: the
// time leases are counted in, so that managers whose clocks disagree still agree on
// when a lease ends.
func (h dbtx) clockNS() string {
	if h.pg {
		return "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000000 AS BIGINT)"
	}
	return "CAST((julianday('now') - 2440587.5) * 86400000000000.0 AS INTEGER)"
}

// pgMigrations are migrations for PostgreSQL: the same versions as the SQLite list,
// with PostgreSQL's types: BIGINT for every nanosecond time and count (INTEGER is 32
// bits there), identity columns for ids, BYTEA for message and payload bytes, BOOLEAN
// for the flags.
var pgMigrations = []string{
	`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	CREATE TABLE cases (
		id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		tenant TEXT NOT NULL, host TEXT NOT NULL, rule TEXT NOT NULL,
		rule_name TEXT NOT NULL DEFAULT '', category TEXT NOT NULL, severity TEXT NOT NULL DEFAULT '',
		confidence TEXT NOT NULL DEFAULT '',
		state TEXT NOT NULL, stage TEXT NOT NULL DEFAULT '',
		stage_queued_at BIGINT NOT NULL DEFAULT 0, stage_delivered_at BIGINT NOT NULL DEFAULT 0,
		final_delivered_at BIGINT NOT NULL DEFAULT 0,
		notice_failed BOOLEAN NOT NULL DEFAULT FALSE, appealed BOOLEAN NOT NULL DEFAULT FALSE,
		approved BOOLEAN NOT NULL DEFAULT FALSE, approved_by TEXT NOT NULL DEFAULT '',
		dry_run BOOLEAN NOT NULL DEFAULT FALSE,
		first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL, count BIGINT NOT NULL,
		finding_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '', subject TEXT NOT NULL DEFAULT '',
		evidence TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', finding_time BIGINT NOT NULL DEFAULT 0,
		flow_proto TEXT NOT NULL DEFAULT '', flow_src TEXT NOT NULL DEFAULT '', flow_sport INTEGER NOT NULL DEFAULT 0,
		flow_dst TEXT NOT NULL DEFAULT '', flow_dport INTEGER NOT NULL DEFAULT 0, sha256 TEXT NOT NULL DEFAULT '',
		opened_at BIGINT NOT NULL, closed_at BIGINT NOT NULL DEFAULT 0, updated_at BIGINT NOT NULL
	);
	CREATE UNIQUE INDEX cases_active ON cases(tenant, host, rule) WHERE state IN ('open', 'suspended');
	CREATE INDEX cases_state ON cases(state);
	CREATE TABLE audit (
		id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, case_id BIGINT NOT NULL, at BIGINT NOT NULL,
		actor TEXT NOT NULL, event TEXT NOT NULL, reason TEXT NOT NULL,
		state TEXT NOT NULL, stage TEXT NOT NULL
	);
	CREATE INDEX audit_case ON audit(case_id);
	CREATE TABLE outbox (
		id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, message_id TEXT NOT NULL UNIQUE, tenant TEXT NOT NULL,
		sender TEXT NOT NULL, recipients TEXT NOT NULL, body BYTEA NOT NULL,
		status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
		next_attempt BIGINT NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '',
		created_at BIGINT NOT NULL, sent_at BIGINT NOT NULL DEFAULT 0
	);
	CREATE INDEX outbox_due ON outbox(status, next_attempt);
	CREATE TABLE outbox_items (
		outbox_id BIGINT NOT NULL, case_id BIGINT NOT NULL, stage TEXT NOT NULL,
		PRIMARY KEY (outbox_id, case_id, stage)
	);
	CREATE INDEX outbox_items_case ON outbox_items(case_id);
	CREATE TABLE actions (
		id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, case_id BIGINT NOT NULL, kind TEXT NOT NULL,
		idem_key TEXT NOT NULL UNIQUE, payload BYTEA NOT NULL, status TEXT NOT NULL,
		attempts INTEGER NOT NULL DEFAULT 0, next_attempt BIGINT NOT NULL DEFAULT 0,
		last_error TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL, done_at BIGINT NOT NULL DEFAULT 0
	);
	CREATE TABLE exemptions (
		id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant TEXT NOT NULL, host TEXT NOT NULL, rule TEXT NOT NULL,
		category TEXT NOT NULL, expires BIGINT NOT NULL, reason TEXT NOT NULL,
		actor TEXT NOT NULL, created_at BIGINT NOT NULL
	);`,
	// 2: as in SQLite.
	`ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
	ALTER TABLE outbox ADD COLUMN claim_until BIGINT NOT NULL DEFAULT 0;
	ALTER TABLE actions ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
	ALTER TABLE actions ADD COLUMN claim_until BIGINT NOT NULL DEFAULT 0;
	CREATE INDEX actions_due ON actions(status, next_attempt);
	CREATE TABLE handled (key TEXT PRIMARY KEY, at BIGINT NOT NULL);
	CREATE INDEX handled_at ON handled(at);`,
}
