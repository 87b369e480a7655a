package testenv

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the PostgreSQL driver, registered as "pgx"
)

// PostgresEnv names the variable that holds the URL of a PostgreSQL server the tests
// may create databases in (scripts/with-postgres.sh, which make test uses, sets it).
const PostgresEnv = "AUPSCAN_TEST_POSTGRES"

// Postgres returns the URL of a fresh, empty database made for this test on the
// server named in AUPSCAN_TEST_POSTGRES; the database is dropped when the test ends
// (forcibly: connections still open are closed). Without the variable the test stops
// (Missing: skipped on a laptop, failed under CI=true).
func Postgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		Missing(t, PostgresEnv+" is not set: run the tests under scripts/with-postgres.sh (make test does)")
		return ""
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := fmt.Sprintf("aupscan_test_%s", hex.EncodeToString(b))
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close()
		t.Fatalf("create test database on %s: %v", u.Redacted(), err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}
