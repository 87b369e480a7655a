package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// breakIndex leaves the index cases_state without its entries while its definition
// stays the store's, as a crash or a bad disk can: integrity_check then reports
// "row N missing from index cases_state", and quick_check reports nothing.
func breakIndex(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var def string
	if err := db.QueryRow(`SELECT sql FROM sqlite_schema WHERE name = 'cases_state'`).Scan(&def); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DROP INDEX cases_state`,
		def + ` WHERE 0`, // an index with no entries
		`PRAGMA writable_schema = ON`,
		fmt.Sprintf(`UPDATE sqlite_schema SET sql = '%s' WHERE name = 'cases_state'`, strings.ReplaceAll(def, "'", "''")),
		`PRAGMA writable_schema = OFF`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	var quick string
	if err := db.QueryRow(`PRAGMA quick_check`).Scan(&quick); err != nil || quick != "ok" {
		t.Fatalf("quick_check %q, %v: the damage is not the kind quick_check misses", quick, err)
	}
}

// TestBrokenIndexRefusedAndRepaired: a case database whose index lost its rows is
// refused at open with an error naming the file and the fix; Repair rebuilds the
// index, keeps a copy of the file from before, and loses no case or audit entry.
func TestBrokenIndexRefusedAndRepaired(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "notify.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		c := &Case{Tenant: "acme", Host: fmt.Sprintf("web-%d", i), Rule: "vpn.openvpn", State: "open", Count: 1}
		if err := st.Update(ctx, func(tx Tx) error { return tx.InsertCase(ctx, c) }); err != nil {
			t.Fatal(err)
		}
	}
	counts := func(db *sql.DB) [2]int {
		var c [2]int
		for i, table := range []string{"cases", "audit"} {
			if err := db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&c[i]); err != nil {
				t.Fatal(err)
			}
		}
		return c
	}
	before := counts(st.DB())
	st.Close()
	breakIndex(t, path)

	_, err = Open(ctx, path)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("opened a database with a broken index: %v", err)
	}
	for _, want := range []string{path, "missing from index cases_state", "aupscan cases repair"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q: %v", want, err)
		}
	}

	res, err := Repair(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Before) == 0 || len(res.After) != 0 {
		t.Errorf("repair: before %q, after %q; want problems, then none", res.Before, res.After)
	}
	if fi, err := os.Stat(res.Backup); err != nil || fi.Size() == 0 {
		t.Errorf("no copy from before the repair at %q: %v", res.Backup, err)
	}
	st, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("open after repair: %v", err)
	}
	defer st.Close()
	if after := counts(st.DB()); after != before {
		t.Errorf("cases and audit entries %v after repair, %v before", after, before)
	}
	if cs, err := st.Cases(ctx, CaseFilter{All: true}); err != nil || len(cs) != before[0] {
		t.Errorf("cases through the repaired index: %d, %v; want %d", len(cs), err, before[0])
	}
}
