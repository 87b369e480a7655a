package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// schema defines every table once, as migrations: migration i brings the database to
// version i+1. Column types that differ between the dialects are written as
// placeholders that each dialect's types fill in (sqliteTypes, postgresTypes); the
// rest (TEXT, INTEGER for the few small numbers, the constraints) is the same SQL in
// both. Migrations are only ever appended to, and the SQLite text of one that has
// shipped never changes: it has run on real databases as it stands, and SQLite keeps
// each CREATE TABLE's text in its schema (TestSchemaFrozen holds it to checksums).
var schema = []string{
	`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	CREATE TABLE cases (
		id {id},
		tenant TEXT NOT NULL, host TEXT NOT NULL, rule TEXT NOT NULL,
		rule_name TEXT NOT NULL DEFAULT '', category TEXT NOT NULL, severity TEXT NOT NULL DEFAULT '',
		confidence TEXT NOT NULL DEFAULT '',
		state TEXT NOT NULL, stage TEXT NOT NULL DEFAULT '',
		stage_queued_at {int64} NOT NULL DEFAULT 0, stage_delivered_at {int64} NOT NULL DEFAULT 0,
		final_delivered_at {int64} NOT NULL DEFAULT 0,
		notice_failed {flag}, appealed {flag},
		approved {flag}, approved_by TEXT NOT NULL DEFAULT '',
		dry_run {flag},
		first_seen {int64} NOT NULL, last_seen {int64} NOT NULL, count {int64} NOT NULL,
		finding_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '', subject TEXT NOT NULL DEFAULT '',
		evidence TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', finding_time {int64} NOT NULL DEFAULT 0,
		flow_proto TEXT NOT NULL DEFAULT '', flow_src TEXT NOT NULL DEFAULT '', flow_sport INTEGER NOT NULL DEFAULT 0,
		flow_dst TEXT NOT NULL DEFAULT '', flow_dport INTEGER NOT NULL DEFAULT 0, sha256 TEXT NOT NULL DEFAULT '',
		opened_at {int64} NOT NULL, closed_at {int64} NOT NULL DEFAULT 0, updated_at {int64} NOT NULL
	);
	-- One active case per (tenant, host, rule); closed ones stay for the record.
	CREATE UNIQUE INDEX cases_active ON cases(tenant, host, rule) WHERE state IN ('open', 'suspended');
	CREATE INDEX cases_state ON cases(state);
	CREATE TABLE audit (
		id {id}, case_id {int64} NOT NULL, at {int64} NOT NULL,
		actor TEXT NOT NULL, event TEXT NOT NULL, reason TEXT NOT NULL,
		state TEXT NOT NULL, stage TEXT NOT NULL
	);
	CREATE INDEX audit_case ON audit(case_id);
	CREATE TABLE outbox (
		id {id}, message_id TEXT NOT NULL UNIQUE, tenant TEXT NOT NULL,
		sender TEXT NOT NULL, recipients TEXT NOT NULL, body {bytes} NOT NULL,
		status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
		next_attempt {int64} NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '',
		created_at {int64} NOT NULL, sent_at {int64} NOT NULL DEFAULT 0
	);
	CREATE INDEX outbox_due ON outbox(status, next_attempt);
	CREATE TABLE outbox_items (
		outbox_id {int64} NOT NULL, case_id {int64} NOT NULL, stage TEXT NOT NULL,
		PRIMARY KEY (outbox_id, case_id, stage)
	);
	CREATE INDEX outbox_items_case ON outbox_items(case_id);
	CREATE TABLE actions (
		id {id}, case_id {int64} NOT NULL, kind TEXT NOT NULL,
		idem_key TEXT NOT NULL UNIQUE, payload {bytes} NOT NULL, status TEXT NOT NULL,
		attempts INTEGER NOT NULL DEFAULT 0, next_attempt {int64} NOT NULL DEFAULT 0,
		last_error TEXT NOT NULL DEFAULT '', created_at {int64} NOT NULL, done_at {int64} NOT NULL DEFAULT 0
	);
	CREATE TABLE exemptions (
		id {id}, tenant TEXT NOT NULL, host TEXT NOT NULL, rule TEXT NOT NULL,
		category TEXT NOT NULL, expires {int64} NOT NULL, reason TEXT NOT NULL,
		actor TEXT NOT NULL, created_at {int64} NOT NULL
	);`,
	// 2: leases on the outbox and the actions, so that several managers never take the
	// same row at once; the message keys ProcessOnce has handled.
	`ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
	ALTER TABLE outbox ADD COLUMN claim_until {int64} NOT NULL DEFAULT 0;
	ALTER TABLE actions ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
	ALTER TABLE actions ADD COLUMN claim_until {int64} NOT NULL DEFAULT 0;
	CREATE INDEX actions_due ON actions(status, next_attempt);
	CREATE TABLE handled (key TEXT PRIMARY KEY, at {int64} NOT NULL);
	CREATE INDEX handled_at ON handled(at);`,
	// 3: the tenant page and the staff console (issue 13): the finding's role, the
	// appeal and re-check a tenant makes from the page, the state of the suspension
	// and reinstatement actions, the links' tokens (hashed) and the staff accounts.
	`ALTER TABLE cases ADD COLUMN role TEXT NOT NULL DEFAULT '';
	ALTER TABLE cases ADD COLUMN appeal_stage TEXT NOT NULL DEFAULT '';
	ALTER TABLE cases ADD COLUMN attention {flag};
	ALTER TABLE cases ADD COLUMN acknowledged_at {int64} NOT NULL DEFAULT 0;
	ALTER TABLE cases ADD COLUMN recheck_requested_at {int64} NOT NULL DEFAULT 0;
	ALTER TABLE cases ADD COLUMN recheck_ran_at {int64} NOT NULL DEFAULT 0;
	ALTER TABLE cases ADD COLUMN suspend_status TEXT NOT NULL DEFAULT '';
	ALTER TABLE cases ADD COLUMN reinstate_status TEXT NOT NULL DEFAULT '';
	CREATE TABLE tokens (
		hash TEXT PRIMARY KEY, case_id {int64} NOT NULL, tenant TEXT NOT NULL,
		created_at {int64} NOT NULL, expires_at {int64} NOT NULL, revoked_at {int64} NOT NULL DEFAULT 0
	);
	CREATE INDEX tokens_case ON tokens(case_id);
	CREATE TABLE users (
		name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL,
		created_at {int64} NOT NULL, disabled {flag}
	);`,
}

// schemaVersion makes the table that records which migrations a database has had.
const schemaVersion = `CREATE TABLE IF NOT EXISTS schema_version (
			version INTEGER PRIMARY KEY, applied_at {int64} NOT NULL)`

// The column types of each dialect, by placeholder:
//
//	{id}     a row id the database assigns
//	{int64}  a nanosecond time, a count or another table's id: 64 bits
//	{bytes}  message and payload bytes
//	{flag}   a boolean, false unless set
//
// SQLite's INTEGER is 64 bits and it has no booleans; PostgreSQL's INTEGER is 32 bits,
// so every time and id is BIGINT there, and its ids are identity columns.
var (
	sqliteTypes = strings.NewReplacer(
		"{id}", "INTEGER PRIMARY KEY",
		"{int64}", "INTEGER",
		"{bytes}", "BLOB",
		"{flag}", "INTEGER NOT NULL DEFAULT 0")
	postgresTypes = strings.NewReplacer(
		"{id}", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
		"{int64}", "BIGINT",
		"{bytes}", "BYTEA",
		"{flag}", "BOOLEAN NOT NULL DEFAULT FALSE")
)

// types returns the column types of the dialect.
func types(pg bool) *strings.Replacer {
	if pg {
		return postgresTypes
	}
	return sqliteTypes
}

// migrations returns the schema's migrations in the dialect's SQL.
func migrations(pg bool) []string {
	t := types(pg)
	out := make([]string, len(schema))
	for i, m := range schema {
		out[i] = t.Replace(m)
	}
	return out
}

// migrate applies the migrations the database lacks, in one transaction, recording
// each in the schema_version table. In PostgreSQL an advisory lock makes a second
// manager starting at the same moment wait, then find the schema up to date.
func (s *Store) migrate(ctx context.Context) error {
	list, versionTable := migrations(s.pg), types(s.pg).Replace(schemaVersion)
	return s.Update(ctx, func(tx Tx) error {
		if err := tx.Lock(ctx, "aupscan.notify.migrate"); err != nil {
			return fmt.Errorf("migration lock: %w", err)
		}
		if _, err := tx.ExecContext(ctx, versionTable); err != nil {
			return fmt.Errorf("schema version: %w", err)
		}
		var v int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
			return fmt.Errorf("schema version: %w", err)
		}
		if v > len(list) {
			return fmt.Errorf("schema version %d is newer than this program (%d)", v, len(list))
		}
		for i := v; i < len(list); i++ {
			if _, err := tx.ExecContext(ctx, list[i]); err != nil {
				return fmt.Errorf("migration %d: %w", i+1, err)
			}
			if i == 0 {
				b := make([]byte, 8)
				rand.Read(b)
				if _, err := tx.ExecContext(ctx, `INSERT INTO meta VALUES ('instance', ?)`, hex.EncodeToString(b)); err != nil {
					return fmt.Errorf("migration 1: %w", err)
				}
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version VALUES (?, ?)`, i+1, time.Now().UnixNano()); err != nil {
				return fmt.Errorf("migration %d: %w", i+1, err)
			}
		}
		return nil
	})
}
