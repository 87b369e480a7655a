package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/notify/store"
)

// withStdin runs f with os.Stdin reading s.
func withStdin(t *testing.T, s string, f func()) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "stdin")
	if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	old := os.Stdin
	os.Stdin = in
	defer func() { os.Stdin = old }()
	f()
}

// TestUsersAdd: a console account is stored with a bcrypt hash of the password read
// from stdin, never the password; a short password and an unknown role are refused.
func TestUsersAdd(t *testing.T) {
	r := newCaseRig(t)
	withStdin(t, "correct horse battery\n", func() {
		mustContain(t, "users add", r.must(t, 0, "users", "add", "bob", "--role", "reviewer"), "user bob: reviewer")
	})
	withStdin(t, "short\n", func() { r.must(t, exitError, "users", "add", "eve", "--role", "viewer") })
	withStdin(t, "correct horse battery\n", func() { r.must(t, exitError, "users", "add", "eve", "--role", "admin") })
	out := r.must(t, 0, "users", "list")
	if !strings.Contains(out, "bob\treviewer") || strings.Contains(out, "eve") {
		t.Errorf("users list:\n%s", out)
	}
	st, err := store.Open(t.Context(), filepath.Join(r.dir, "var", "aupscan.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := st.User(t.Context(), "bob")
	if err != nil || !strings.HasPrefix(u.PasswordHash, "$2a$12$") || strings.Contains(u.PasswordHash, "horse") {
		t.Errorf("stored hash %q (%v)", u.PasswordHash, err)
	}
}

// TestCasesExport: every case with its audit trail, as JSON and as CSV; a value a
// spreadsheet would take for a formula is quoted in the CSV.
func TestCasesExport(t *testing.T) {
	r := newCaseRig(t)
	line := strings.Replace(caseFinding("web-1", "tor.relay-config", "tor", "/etc/tor/torrc", r.now),
		`"the file's lines match the rule"`, `"=HYPERLINK(\"http://x.example\")"`, 1)
	r.ingest(t, line)
	r.advance(t, r.now)
	var cases []struct {
		Case     string `json:"case"`
		Evidence string `json:"evidence"`
		Audit    []struct{ Event string }
	}
	if err := json.Unmarshal([]byte(r.must(t, 0, "cases", "export")), &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) != 1 || cases[0].Case != "AUP-000001" || len(cases[0].Audit) < 2 || cases[0].Audit[0].Event != "opened" {
		t.Errorf("JSON export: %+v", cases)
	}
	out := filepath.Join(r.dir, "cases.csv")
	r.must(t, 0, "cases", "export", "--as", "csv", "-o", out)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(cases[0].Audit) || rows[0][0] != "case" || rows[1][0] != "AUP-000001" {
		t.Fatalf("CSV export: %d rows: %v", len(rows), rows)
	}
	if ev := rows[1][12]; !strings.HasPrefix(ev, "'=HYPERLINK") {
		t.Errorf("CSV evidence %q: a formula must be quoted", ev)
	}
}
