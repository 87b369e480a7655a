package notify

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// A Store keeps cases, their audit trail, the outbox and the suspension actions in one
// SQLite database, so that a case change and the notice it makes due commit together.
type Store struct {
	db *sql.DB
	// instance is a random id made once per database; it goes into every Message-ID so
	// two installations never mint the same one.
	instance string
}

// migrations build the schema; migration i brings the database to version i+1. They
// are only ever appended to.
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
}

// OpenStore opens (creating if needed) the database at path and brings its schema up
// to date.
func OpenStore(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// One connection: SQLite writes one at a time anyway, and a single connection
	// makes every transaction in this process wait its turn instead of failing busy.
	db.SetMaxOpenConns(1)
	s := &Store{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'instance'`).Scan(&s.instance); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: instance id: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// DB returns the underlying database, for tests and reports.
func (s *Store) DB() *sql.DB { return s.db }

// migrate applies the migrations the database lacks, in one transaction, recording
// each in the schema_version table.
func (s *Store) migrate(ctx context.Context) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
			version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
			return fmt.Errorf("schema version: %w", err)
		}
		var v int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
			return fmt.Errorf("schema version: %w", err)
		}
		if v > len(migrations) {
			return fmt.Errorf("schema version %d is newer than this program (%d)", v, len(migrations))
		}
		for i := v; i < len(migrations); i++ {
			if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
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

// tx runs f in a write transaction, committing when it returns nil.
func (s *Store) tx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// ns stores a time as Unix nanoseconds, the zero time as 0.
func ns(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// fromNS reads a time stored by ns.
func fromNS(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}
