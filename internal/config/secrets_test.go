package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecretsInWorldReadableConfig: a configuration holding a mail password, a
// webhook secret or a database password is refused when everyone can read it, with
// the file, the settings and the fix named; a private file, or secrets read from
// *_file settings, load.
func TestSecretsInWorldReadableConfig(t *testing.T) {
	const base = `[notify]
database = %DB%
[[notify.tenant]]
id = "acme"
[[notify.tenant.contact]]
address = "ops@acme.example"
[notify.mail]
from = "aup@cloud.example"
`
	for _, tc := range []struct {
		name, db, extra string
		mode            os.FileMode
		refused         []string // settings the error names; nil: loads
	}{
		{"mail password, world-readable", `"var/a.db"`, "[notify.mail.smtp]\nhost = \"127.0.0.1\"\nusername = \"u\"\npassword = \"p\"\n", 0o644,
			[]string{"notify.mail.smtp.password"}},
		{"mail password, private", `"var/a.db"`, "[notify.mail.smtp]\nhost = \"127.0.0.1\"\nusername = \"u\"\npassword = \"p\"\n", 0o640, nil},
		{"mail password_file, world-readable", `"var/a.db"`, "[notify.mail.smtp]\nhost = \"127.0.0.1\"\nusername = \"u\"\npassword_file = \"pw\"\n", 0o644, nil},
		{"output webhook secret, world-readable", `"var/a.db"`, "folder = \"m\"\n[[output]]\ntype = \"webhook\"\nurl = \"http://127.0.0.1:1/\"\nsecret = \"s\"\n", 0o604,
			[]string{"output[0].secret"}},
		{"output webhook secret_file, world-readable", `"var/a.db"`, "folder = \"m\"\n[[output]]\ntype = \"webhook\"\nurl = \"http://127.0.0.1:1/\"\nsecret_file = \"s\"\n", 0o644, nil},
		{"action webhook secret, world-readable", `"var/a.db"`, "folder = \"m\"\n[notify.action]\nwebhook = \"http://127.0.0.1:1/\"\nsecret = \"s\"\n", 0o644,
			[]string{"notify.action.secret"}},
		{"database password, world-readable", `"postgres://aup:pw@127.0.0.1/aup"`, "folder = \"m\"\n", 0o644, []string{"notify.database"}},
		{"database without password, world-readable", `"postgres://aup@127.0.0.1/aup"`, "folder = \"m\"\n", 0o644, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range []string{"pw", "s"} {
				if err := os.WriteFile(filepath.Join(dir, f), []byte("x\n"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			text := strings.Replace(base, "%DB%", tc.db, 1) + tc.extra
			p := filepath.Join(dir, "aupscand.toml")
			if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(p, tc.mode); err != nil {
				t.Fatal(err)
			}
			_, err := Load(p)
			if tc.refused == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("loaded a world-readable file holding %v", tc.refused)
			}
			for _, want := range append(tc.refused, p, "readable by everyone", "chmod o-r", "_file") {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error does not say %q: %v", want, err)
				}
			}
		})
	}
}
