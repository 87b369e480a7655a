package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"
)

// migrations build the SQLite schema; migration i brings the database to version i+1.
// They are only ever appended to; pgMigrations has the same versions for PostgreSQL.
var migrations = []string{
	`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	CREATE TABLE cases (
		id INTEGER PRIMARY KEY,
		tenant TEXT NOT NULL, host TEXT NOT NULL, rule TEXT NOT NULL,
		rule_name TEXT NOT NULL DEFAULT '', category TEXT NOT NULL, severity TEXT NOT NULL DEFAULT '',
		confidence TEXT NOT NULL DEFAULT '',
		state TEXT NOT NULL, stage TEXT NOT NULL DEFAULT '',
		stage_queued_at INTEGER NOT NULL DEFAULT 0, stage_delivered_at INTEGER NOT NULL DEFAULT 0,
		final_delivered_at INTEGER NOT NULL DEFAULT 0,
		notice_failed INTEGER NOT NULL DEFAULT 0, appealed INTEGER NOT NULL DEFAULT 0,
		approved INTEGER NOT NULL DEFAULT 0, approved_by TEXT NOT NULL DEFAULT '',
		dry_run INTEGER NOT NULL DEFAULT 0,
		first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, count INTEGER NOT NULL,
		finding_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '', subject TEXT NOT NULL DEFAULT '',
		evidence TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', finding_time INTEGER NOT NULL DEFAULT 0,
		flow_proto TEXT NOT NULL DEFAULT '', flow_src TEXT NOT NULL DEFAULT '', flow_sport INTEGER NOT NULL DEFAULT 0,
		flow_dst TEXT NOT NULL DEFAULT '', flow_dport INTEGER NOT NULL DEFAULT 0, sha256 TEXT NOT NULL DEFAULT '',
		opened_at INTEGER NOT NULL, closed_at INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL
	);
	-- One active case per (tenant, host, rule); closed ones stay for the record.
	CREATE UNIQUE INDEX cases_active ON cases(tenant, host, rule) WHERE state IN ('open', 'suspended');
	CREATE INDEX cases_state ON cases(state);
	CREATE TABLE audit (
		id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, at INTEGER NOT NULL,
		actor TEXT NOT NULL, event TEXT NOT NULL, reason TEXT NOT NULL,
		state TEXT NOT NULL, stage TEXT NOT NULL
	);
	CREATE INDEX audit_case ON audit(case_id);
	CREATE TABLE outbox (
		id INTEGER PRIMARY KEY, message_id TEXT NOT NULL UNIQUE, tenant TEXT NOT NULL,
		sender TEXT NOT NULL, recipients TEXT NOT NULL, body BLOB NOT NULL,
		status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
		next_attempt INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '',
		created_at INTEGER NOT NULL, sent_at INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX outbox_due ON outbox(status, next_attempt);
	CREATE TABLE outbox_items (
		outbox_id INTEGER NOT NULL, case_id INTEGER NOT NULL, stage TEXT NOT NULL,
		PRIMARY KEY (outbox_id, case_id, stage)
	);
	CREATE INDEX outbox_items_case ON outbox_items(case_id);
	CREATE TABLE actions (
		id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, kind TEXT NOT NULL,
		idem_key TEXT NOT NULL UNIQUE, payload BLOB NOT NULL, status TEXT NOT NULL,
		attempts INTEGER NOT NULL DEFAULT 0, next_attempt INTEGER NOT NULL DEFAULT 0,
		last_error TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, done_at INTEGER NOT NULL DEFAULT 0
	);
	CREATE TABLE exemptions (
		id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, host TEXT NOT NULL, rule TEXT NOT NULL,
		category TEXT NOT NULL, expires INTEGER NOT NULL, reason TEXT NOT NULL,
		actor TEXT NOT NULL, created_at INTEGER NOT NULL
	);`,
	// 2: leases on the outbox and the actions, so that several managers never take the
	// same row at once; the message keys ProcessOnce has handled.
	`ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
	ALTER TABLE outbox ADD COLUMN claim_until INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE actions ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
	ALTER TABLE actions ADD COLUMN claim_until INTEGER NOT NULL DEFAULT 0;
	CREATE INDEX actions_due ON actions(status, next_attempt);
	CREATE TABLE handled (key TEXT PRIMARY KEY, at INTEGER NOT NULL);
	CREATE INDEX handled_at ON handled(at);`,
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

// migrate applies the migrations the database lacks, in one transaction, recording
// each in the schema_version table. In PostgreSQL an advisory lock makes a second
// manager starting at the same moment wait, then find the schema up to date.
func (s *Store) migrate(ctx context.Context) error {
	list, versionTable := migrations, `CREATE TABLE IF NOT EXISTS schema_version (
			version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`
	if s.pg {
		list, versionTable = pgMigrations, `CREATE TABLE IF NOT EXISTS schema_version (
			version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`
	}
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
