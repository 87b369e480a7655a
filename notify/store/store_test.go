package store

import (
	"crypto/sha256"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/aupscan/aupscan/internal/testenv"
)

// TestRebind: ? becomes $1..$n for PostgreSQL, outside quoted strings and names.
func TestRebind(t *testing.T) {
	pg, lite := Tx{pg: true}, Tx{}
	for _, tc := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`a = ? AND b IN (?, ?)`, `a = $1 AND b IN ($2, $3)`},
		{`x = '?' AND y = ? AND "we?rd" = ?`, `x = '?' AND y = $1 AND "we?rd" = $2`},
		{`s = 'it''s ?' AND t = ?`, `s = 'it''s ?' AND t = $1`},
	} {
		if got := pg.rebind(tc.in); got != tc.want {
			t.Errorf("rebind(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := lite.rebind(tc.in); got != tc.in {
			t.Errorf("SQLite rebind(%q) = %q", tc.in, got)
		}
	}
	for dsn, want := range map[string]bool{"postgres://u@h/db": true, "PostgreSQL://h/db": true,
		"/var/lib/aupscan/cases.db": false, "cases.db": false, "postgres.db": false} {
		if IsPostgres(dsn) != want {
			t.Errorf("IsPostgres(%q) = %t", dsn, !want)
		}
	}
}

// TestPostgresSchema: PostgreSQL's schema keeps every nanosecond time and id in 64
// bits, the flags as BOOLEAN and the message bytes as BYTEA; a password in the URL
// never shows in an error.
func TestPostgresSchema(t *testing.T) {
	dsn := testenv.Postgres(t)
	st := openStore(t, dsn)
	rows, err := st.db.Query(`SELECT table_name, column_name, data_type FROM information_schema.columns
		WHERE table_schema = 'public' ORDER BY table_name, column_name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	small := map[string]bool{"attempts": true, "flow_sport": true, "flow_dport": true, "version": true}
	flags := map[string]bool{"notice_failed": true, "appealed": true, "approved": true, "dry_run": true}
	n := 0
	for rows.Next() {
		var table, col, typ string
		if err := rows.Scan(&table, &col, &typ); err != nil {
			t.Fatal(err)
		}
		n++
		want := ""
		switch {
		case flags[col]:
			want = "boolean"
		case col == "body" || col == "payload":
			want = "bytea"
		case small[col]:
			want = "integer"
		case typ == "integer":
			want = "bigint" // a time, a count or an id
		}
		if want != "" && typ != want {
			t.Errorf("%s.%s is %s, want %s", table, col, typ, want)
		}
	}
	if n < 60 {
		t.Errorf("%d columns", n)
	}
	u, _ := url.Parse(dsn)
	u.User = url.UserPassword("postgres", "s3cret")
	u.Host = fmt.Sprintf("127.0.0.1:%d", testenv.FreePort(t)) // nothing listens there
	if _, err := Open(t.Context(), u.String()); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("open on a port nothing listens on: %v", err)
	}
}

// TestMigrateConcurrently: managers starting at the same moment on an empty database
// migrate it once (PostgreSQL: the advisory lock; SQLite: the write lock, and a retry
// while another process turns the new file to WAL) and share one instance id.
func TestMigrateConcurrently(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		dsn := bk.dsn(t)
		const n = 4
		stores := make([]*Store, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { stores[i], errs[i] = Open(t.Context(), dsn) })
		}
		wg.Wait()
		for i := range n {
			if errs[i] != nil {
				t.Fatal(errs[i])
			}
			defer stores[i].Close()
			if stores[i].instance != stores[0].instance {
				t.Errorf("store %d: instance %s, store 0: %s", i, stores[i].instance, stores[0].instance)
			}
		}
		var versions, instances int
		stores[0].db.QueryRow(`SELECT COUNT(*) FROM schema_version`).Scan(&versions)
		stores[0].db.QueryRow(`SELECT COUNT(*) FROM meta WHERE key = 'instance'`).Scan(&instances)
		if versions != len(migrations(false)) || instances != 1 {
			t.Errorf("%d versions, %d instance ids", versions, instances)
		}
	})
}

// TestStoreReopen: opening an existing database applies no migration twice and keeps
// its instance id (so Message-IDs stay the same across restarts).
func TestStoreReopen(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		p := bk.dsn(t)
		a, err := Open(t.Context(), p)
		if err != nil {
			t.Fatal(err)
		}
		id := a.instance
		a.Close()
		b, err := Open(t.Context(), p)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		var versions int
		b.db.QueryRow(`SELECT COUNT(*) FROM schema_version`).Scan(&versions)
		if b.instance != id || versions != len(migrations(false)) || versions != len(migrations(true)) {
			t.Errorf("instance %s→%s, %d versions", id, b.instance, versions)
		}
		if bk == postgresBackend {
			return
		}
		var mode string
		b.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
		if mode != "wal" {
			t.Errorf("journal mode %s", mode)
		}
	})
}

// TestSchemaFrozen: the SQLite text of every migration that has shipped stays byte
// for byte what ran on real databases (SQLite keeps it in its schema); PostgreSQL's
// is the same text with its own column types.
func TestSchemaFrozen(t *testing.T) {
	frozen := []string{
		"185ffb08290e8ec02c2e12a1a3c0b5edc843aa787db88fe618e14a45c7880edc",
		"b473753e2673e296b112aa9c439dbf07d9c1476eede530bec6c204665b490675",
	}
	lite, pg := migrations(false), migrations(true)
	if len(lite) < len(frozen) || len(pg) != len(lite) {
		t.Fatalf("%d SQLite and %d PostgreSQL migrations, %d shipped", len(lite), len(pg), len(frozen))
	}
	for i, want := range frozen {
		if got := fmt.Sprintf("%x", sha256.Sum256([]byte(lite[i]))); got != want {
			t.Errorf("SQLite migration %d changed: sha256 %s, shipped %s", i+1, got, want)
		}
	}
	for i := range lite {
		if strings.Contains(lite[i]+pg[i], "{") {
			t.Errorf("migration %d: a type placeholder left unfilled", i+1)
		}
		for _, typ := range []string{"BOOLEAN", "BIGINT", "BYTEA", "IDENTITY"} {
			if strings.Contains(lite[i], typ) {
				t.Errorf("SQLite migration %d: type %s", i+1, typ)
			}
		}
		if strings.Contains(pg[i], "BLOB") {
			t.Errorf("PostgreSQL migration %d: type BLOB", i+1)
		}
	}
	if got := sqliteTypes.Replace(schemaVersion); got != `CREATE TABLE IF NOT EXISTS schema_version (
			version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)` {
		t.Errorf("SQLite schema_version table: %q", got)
	}
}
