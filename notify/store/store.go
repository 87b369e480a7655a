// Package store is the notifier's database: the cases and their audit trail, the
// outbox of rendered messages, the suspension actions, the exemptions operators
// record and the message keys already handled, in SQLite (modernc.org/sqlite) or
// PostgreSQL (pgx). It holds the case model the rest of the notifier works on, the
// schema and its migrations, the transactions that lock what they change, and the
// leases under which several managers share the outbox and the actions. It decides
// nothing: the escalation policy is package notify's, the messages package mail's.
package store

import (
	"context"
	"database/sql"
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
	path     string // the SQLite file; "" for PostgreSQL
}

// IsPostgres reports whether a database setting names PostgreSQL (a postgres:// or
// postgresql:// URL) rather than a SQLite file.
func IsPostgres(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Open opens the case database and brings its schema up to date: a SQLite file
// at dsn (created if needed), or PostgreSQL when dsn is a postgres:// or postgresql://
// URL. The PostgreSQL connection takes what the URL leaves out (password, host, user,
// TLS files) from the standard PG* environment variables and ~/.pgpass.
func Open(ctx context.Context, dsn string) (*Store, error) {
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
		var err error
		if s, err = openSQLite(dsn); err != nil {
			return nil, err
		}
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
	if err := s.checkAtOpen(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	if err := s.rw().QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'instance'`).Scan(&s.instance); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("open store %s: instance id: %w", name, err)
	}
	return s, nil
}

// openSQLite opens the SQLite file at path as the store keeps it, without checking or
// migrating it.
func openSQLite(path string) (*Store, error) {
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
	// Every transaction begins IMMEDIATE (it takes the write lock at once), so two
	// processes on one file are serialized as well.
	db.SetMaxOpenConns(1)
	return &Store{db: db, path: path}, nil
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

// Instance returns the database's random instance id, made once when its schema was
// created: it goes into every Message-ID, so two installations never mint the same.
func (s *Store) Instance() string { return s.instance }

// rw is the store's handle outside a transaction.
func (s *Store) rw() Tx { return Tx{q: s.db, pg: s.pg} }

// Update runs f in a write transaction, committing when f returns nil and rolling
// back when it returns an error, which Update returns as it is.
func (s *Store) Update(ctx context.Context, f func(Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := f(Tx{q: tx, pg: s.pg}); err != nil {
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
