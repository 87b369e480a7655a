package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, body string
		code       int
		want       string
	}{
		{"demo", "", 0, "pattern {de ad ?? ef} has no 4 literal bytes in a row"}, // the warning itself, not its count
		// demo.toml suspends (by default) with no action: a warning, still ok.
		{"demo without an action", "", 0, "suspension requested: carry it out by hand"},
		{"auto suspension without an action", noActionAuto, 2, `needs a suspension action`},
		{"web on an agent", webOnAgent, 2, `key "web": an agent serves no case pages`},
		{"web without public url", webNoURL, 2, `key "web.public_url": required`},
		{"syntax", "[rules]\ndirs = [\n", 2, "syntax.toml:2"},
		{"unknown key", "[rules]\ndir = []\n", 2, `key "rules.dir": unknown key`},
		{"bad level", "[log]\nlevel = \"loud\"\n", 2, `key "log.level": must be debug`},
		{"bad rules", "[rules]\ndirs = [\"../../testdata/rules/invalid/unknown-category\"]\n", 2, `unknown category \"vpns\"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := "../../testdata/demo.toml"
			if tt.body != "" {
				path = write(strings.ReplaceAll(tt.name, " ", "-")+".toml", tt.body)
				if tt.name == "bad rules" {
					abs, _ := filepath.Abs("../../testdata/rules/invalid/unknown-category")
					path = write("bad-rules.toml", "[rules]\ndirs = [\""+abs+"\"]\n")
				}
			}
			var stderr bytes.Buffer
			code := run([]string{"--config", path, "check-config"}, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d (want %d), stderr:\n%s\nwant %q", code, tt.code, stderr.String(), tt.want)
			}
		})
	}
}

// TestArgs: --help names check-config; a bad flag or argument is blamed by its own
// name, before or after the command.
func TestArgs(t *testing.T) {
	demo := "../../testdata/demo.toml"
	tests := []struct {
		name    string
		args    []string
		code    int
		want    string
		wantNot string
	}{
		{"help", []string{"--help"}, 0, "aupscand --config FILE check-config", ""},
		{"bogus after the command", []string{"--config", demo, "check-config", "--bogus"}, 2, "flag provided but not defined: -bogus", `unexpected argument "check-config"`},
		{"bogus, command first", []string{"check-config", "--bogus"}, 2, "-bogus", "check-config\"\n"},
		{"command first", []string{"check-config", "--config", demo}, 0, "configuration ok", ""},
		{"stray word", []string{"--config", demo, "check-config", "extra"}, 2, `unexpected argument "extra"`, ""},
		{"command twice", []string{"--config", demo, "check-config", "check-config"}, 2, `unexpected argument "check-config"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(tt.args, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.want) || (tt.wantNot != "" && strings.Contains(stderr.String(), tt.wantNot)) {
				t.Errorf("exit %d (want %d), stderr:\n%s\nwant %q, not %q", code, tt.code, stderr.String(), tt.want, tt.wantNot)
			}
		})
	}
}

// demoCopy writes testdata/demo.toml into a temporary folder, its sources pointing
// back into the repository and its database and mail folder local to the copy.
func demoCopy(t *testing.T) (cfgPath, mailDir string) {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(repo, "testdata/demo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for old, repl := range map[string]string{
		`"rules/valid/operator"`: `"` + repo + `/testdata/rules/valid/operator"`,
		`"daemon/root"`:          `"` + repo + `/testdata/daemon/root"`,
		`"../signatures/`:        `"` + repo + `/signatures/`,
		`"127.0.0.1:9717"`:       `"127.0.0.1:0"`,
	} {
		if !strings.Contains(s, old) {
			t.Fatalf("demo.toml no longer has %s", old)
		}
		s = strings.ReplaceAll(s, old, repl)
	}
	dir := t.TempDir()
	cfgPath = filepath.Join(dir, "demo.toml")
	if err := os.WriteFile(cfgPath, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfgPath, filepath.Join(dir, "var", "mail")
}

func emls(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	return m
}

// TestOnceDemo runs the README's command on a copy of the demo configuration: the
// first cycle creates the database folder, opens cases from the capture files and
// the host root, and writes the warning into the mail folder, saying where; a second
// cycle with nothing new refreshes the cases and sends nothing.
func TestOnceDemo(t *testing.T) {
	cfg, mail := demoCopy(t)
	var out bytes.Buffer
	if code := run([]string{"--config", cfg, "--once"}, &out); code != 0 {
		t.Fatalf("exit %d:\n%s", code, out.String())
	}
	first := emls(t, mail)
	if len(first) == 0 {
		t.Fatalf("no notice in %s:\n%s", mail, out.String())
	}
	if !strings.Contains(out.String(), `msg="notice delivered"`) || !strings.Contains(out.String(), "file="+mail) {
		t.Errorf("the log does not say where the notice went:\n%s", out.String())
	}
	body, _ := os.ReadFile(first[0])
	for _, want := range []string{"fingerprint openvpn", "ORPort 9001 on all addresses", "fingerprint socks", "connected to 198.51.100.20:1194/udp"} {
		if !strings.Contains(strings.ReplaceAll(string(body), "=\n", ""), want) {
			t.Errorf("notice lacks evidence %q", want)
		}
	}

	out.Reset()
	if code := run([]string{"--config", cfg, "--once"}, &out); code != 0 {
		t.Fatalf("second run: exit %d:\n%s", code, out.String())
	}
	if got := emls(t, mail); len(got) != len(first) || strings.Contains(out.String(), "notice delivered") {
		t.Errorf("second cycle sent again: %d files before, %d after\n%s", len(first), len(got), out.String())
	}
	if !strings.Contains(out.String(), "cases_refreshed=3") {
		t.Errorf("second cycle did not refresh the cases:\n%s", out.String())
	}
}

// TestCheckConfigSpellings keeps both spellings of check-config working, creating
// nothing, and a bad schedule refused with exit 2.
func TestCheckConfigSpellings(t *testing.T) {
	cfg, mail := demoCopy(t)
	for _, args := range [][]string{{"check-config", "--config", cfg}, {"--config", cfg, "check-config"}} {
		var out bytes.Buffer
		if code := run(args, &out); code != 0 {
			t.Errorf("%q: exit %d:\n%s", args, code, out.String())
		}
	}
	if _, err := os.Stat(filepath.Dir(mail)); err == nil {
		t.Error("check-config created the database folder")
	}
	bad := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(bad, []byte("[host]\nschedule = \"every tuesday\"\n"), 0o644)
	var out bytes.Buffer
	if code := run([]string{"check-config", "--config", bad}, &out); code != 2 || !strings.Contains(out.String(), `key "host.schedule"`) {
		t.Errorf("bad schedule: exit %d:\n%s", code, out.String())
	}
}

// Configurations for TestCheckConfig's cases of issue 13.
const (
	notifyMin = `[notify]
database = "var/aupscan.db"
[[notify.tenant]]
id = "t"
hosts = ["h"]
  [[notify.tenant.contact]]
  address = "ops@t.example"
[notify.mail]
from = "aup@cloud.example"
folder = "var/mail"
`
	noActionAuto = notifyMin + `[notify.policy]
suspension = "auto"
`
	webOnAgent = `[identity]
host = "web-1"
[fleet]
role = "agent"
url = "nats://127.0.0.1:4222"
spool_dir = "spool"
[web]
listen = "127.0.0.1:8443"
public_url = "https://aup.example"
`
	webNoURL = notifyMin + `[web]
listen = "127.0.0.1:8443"
`
)
