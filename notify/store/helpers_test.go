package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/aupscan/aupscan/internal/testenv"
)

// A backend is the database a test's store runs on.
type backend string

const (
	sqliteBackend   backend = "sqlite"
	postgresBackend backend = "postgres"
)

// eachBackend runs f as a subtest on SQLite and on PostgreSQL. The PostgreSQL subtest
// needs AUPSCAN_TEST_POSTGRES (scripts/with-postgres.sh): it skips without, and fails
// under CI=true.
func eachBackend(t *testing.T, f func(t *testing.T, b backend)) {
	for _, b := range []backend{sqliteBackend, postgresBackend} {
		t.Run(string(b), func(t *testing.T) { f(t, b) })
	}
}

// dsn returns a fresh, empty database of the backend for this test.
func (b backend) dsn(t testing.TB) string {
	t.Helper()
	if b == postgresBackend {
		return testenv.Postgres(t)
	}
	return filepath.Join(t.TempDir(), "notify.db")
}

// openStore opens a store on dsn, closed when the test ends.
func openStore(t testing.TB, dsn string) *Store {
	t.Helper()
	st, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
