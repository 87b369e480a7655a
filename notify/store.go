package notify

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the PostgreSQL driver, registered as "pgx"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// A Store keeps cases, their audit trail, the outbox and the suspension actions in one
// database, SQLite or PostgreSQL, so that a case change and the notice it makes due
// commit together. Several stores (several managers) may share one database: the
// write paths lock what they change (see notify/README.md, "PostgreSQL and several
// managers").
type Store struct {
	db *sql.DB
	pg bool // PostgreSQL; SQLite otherwise
	// instance is a random id made once per database; it goes into every Message-ID so
	// two installations never mint the same one.
	instance string
}

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

// IsPostgres reports whether a database setting names PostgreSQL (a postgres:// or
// postgresql:// URL) rather than a SQLite file.
func IsPostgres(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// OpenStore opens the case database and brings its schema up to date: a SQLite file
// at dsn (created if needed), or PostgreSQL when dsn is a postgres:// or postgresql://
// URL. The PostgreSQL connection takes what the URL leaves out (password, host, user,
// TLS files) from the standard PG* environment variables and ~/.pgpass.
func OpenStore(ctx context.Context, dsn string) (*Store, error) {
	s, name := &Store{}, dsn
	if IsPostgres(dsn) {
		name = redactDSN(dsn)
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("open store %s: %w", name, err)
		}
		// A few connections: the sender, the action runner, ingest and Tick of one
		// manager run at once; the row and advisory locks keep them apart.
		db.SetMaxOpenConns(8)
		db.SetMaxIdleConns(4)
		db.SetConnMaxIdleTime(5 * time.Minute)
		if err := db.PingContext(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("open store %s: %w", name, err)
		}
		s.db, s.pg = db, true
	} else {
		q := url.Values{}
		q.Add("_pragma", "busy_timeout(10000)")
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Add("_txlock", "immediate")
		db, err := sql.Open("sqlite", "file:"+dsn+"?"+q.Encode())
		if err != nil {
			return nil, fmt.Errorf("open store %s: %w", name, err)
		}
		// One connection: SQLite writes one at a time anyway, and a single connection
		// makes every transaction in this process wait its turn instead of failing busy.
		// Every transaction begins IMMEDIATE (it takes the write lock at once), so two
		// processes on one file are serialized as well.
		db.SetMaxOpenConns(1)
		s.db = db
	}
	err := s.migrate(ctx)
	// Two processes opening a new SQLite file at the same moment: turning it to WAL
	// takes a lock that the busy timeout does not wait for. Try again for a while.
	for tries := 0; err != nil && !s.pg && sqliteBusy(err) && tries < 100 && ctx.Err() == nil; tries++ {
		time.Sleep(100 * time.Millisecond)
		err = s.migrate(ctx)
	}
	if err != nil {
		s.db.Close()
		return nil, fmt.Errorf("open store %s: %w", name, err)
	}
	if err := s.rw().QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'instance'`).Scan(&s.instance); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("open store %s: instance id: %w", name, err)
	}
	return s, nil
}

// sqliteBusy reports SQLite's "database is locked" (SQLITE_BUSY and its extended codes).
func sqliteBusy(err error) bool {
	var e interface{ Code() int }
	return errors.As(err, &e) && e.Code()&0xff == 5
}

// redactDSN is a database URL fit for a log line or an error: without its password.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://(unparsable URL)"
	}
	return u.Redacted()
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// DB returns the underlying database, for tests and reports.
func (s *Store) DB() *sql.DB { return s.db }

// Postgres reports whether the store is on PostgreSQL (else SQLite).
func (s *Store) Postgres() bool { return s.pg }

// rw is the store's handle outside a transaction.
func (s *Store) rw() dbtx { return dbtx{q: s.db, pg: s.pg} }

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
	return s.tx(ctx, func(tx dbtx) error {
		if err := tx.lock(ctx, "aupscan.notify.migrate"); err != nil {
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

// tx runs f in a write transaction, committing when it returns nil.
func (s *Store) tx(ctx context.Context, f func(dbtx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := f(dbtx{q: tx, pg: s.pg}); err != nil {
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
