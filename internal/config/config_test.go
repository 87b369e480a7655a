package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const notifySection = `[rules]
dirs = ["rules"]

[notify]
database = "var/aupscan.db"
templates = "templates"

[[notify.tenant]]
id = "acme"
hosts = ["web-1"]

  [[notify.tenant.contact]]
  address = "ops@acme.example"

[notify.mail]
from = "aup@cloud.example"
folder = "var/mail"

[notify.action]
command = ["bin/suspend", "--now"]
`

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestNotifySection checks that [notify] decodes through the notifier's own decoder,
// with relative paths resolved against the file's folder.
func TestNotifySection(t *testing.T) {
	dir := t.TempDir()
	c, err := Load(write(t, dir, "aupscand.toml", notifySection))
	if err != nil {
		t.Fatal(err)
	}
	n := c.Notify
	if n == nil {
		t.Fatal("no notify configuration")
	}
	for name, got := range map[string]string{
		"database":       n.Database,
		"templates":      n.Templates,
		"mail.folder":    n.Mail.Folder,
		"action.command": n.Hook.Command[0],
		"rules.dirs":     c.Rules.Dirs[0],
	} {
		if !filepath.IsAbs(got) || !strings.HasPrefix(got, dir) {
			t.Errorf("%s = %q, want a path under %s", name, got, dir)
		}
	}
	if n.Policy.Suspension != "approve" || n.Mail.MaxAttempts != 10 || n.Tenant("acme").Location().String() != "UTC" {
		t.Errorf("defaults not filled in: %+v", n)
	}
	if n.Hook.Command[1] != "--now" {
		t.Errorf("command arguments changed: %q", n.Hook.Command)
	}

	bare, err := Load(write(t, dir, "bare.toml", "[log]\nlevel = \"info\"\n"))
	if err != nil || bare.Notify != nil {
		t.Errorf("file without [notify]: %v, %+v", err, bare)
	}
}

func TestNotifyErrors(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"unknown key names file, line and key", strings.Replace(notifySection, `folder = "var/mail"`, "folder = \"var/mail\"\nfoldr = \"x\"", 1),
			[]string{`f.toml:18: key "notify.mail.foldr": unknown key`}},
		{"unknown table", notifySection + "[notify.smtp]\nhost = \"x\"\n",
			[]string{`key "notify.smtp": unknown key`}},
		{"unknown key elsewhere is still found", "[rule]\ndirs = []\n" + notifySection,
			[]string{`key "rule": unknown key`}},
		{"wrong type", strings.Replace(notifySection, `database = "var/aupscan.db"`, "database = 3", 1),
			[]string{`f.toml:5: key "notify.database": incompatible types`}},
		{"meaning errors all reported, keys in full", strings.Replace(strings.Replace(notifySection,
			`address = "ops@acme.example"`, `address = "ops"`, 1), `from = "aup@cloud.example"`, `from = ""`, 1),
			[]string{`key "notify.tenant[0].contact[0].address": mail: missing '@'`, `key "notify.mail.from": mail: no address`}},
		{"database is required", strings.Replace(notifySection, `database = "var/aupscan.db"`, "", 1),
			[]string{`key "notify.database": required`}},
		{"syntax error names the line", notifySection + "[notify.policy\n", []string{"f.toml:22: expected"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(write(t, t.TempDir(), "f.toml", tt.body))
			if err == nil {
				t.Fatal("loaded")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
		})
	}
}

// TestDemo keeps the demo configuration loading, notifier included.
func TestDemo(t *testing.T) {
	c, err := Load("../../testdata/demo.toml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Notify == nil || c.Notify.Tenant("demo") == nil || filepath.Base(c.Notify.Mail.Folder) != "mail" {
		t.Errorf("demo: %+v", c.Notify)
	}
}

// TestNotifyLibvirt: the libvirt action is configured in [notify.action.libvirt], and
// its mistakes come back under their full keys.
func TestNotifyLibvirt(t *testing.T) {
	body := strings.Replace(notifySection, "[notify.action]\ncommand = [\"bin/suspend\", \"--now\"]\n", `[notify.action.libvirt]
uri = "qemu:///system"
mode = "shutdown"
shutdown_timeout = "10s"

[notify.action.libvirt.domains]
web-1 = "acme-web"
`, 1)
	if body == notifySection {
		t.Fatal("no [notify.action] in the sample")
	}
	c, err := Load(write(t, t.TempDir(), "d.toml", body))
	if err != nil {
		t.Fatal(err)
	}
	if lv := c.Notify.Hook.Libvirt; lv.Mode != "shutdown" || lv.Domains["web-1"].Domain != "acme-web" || lv.Lookup != "name" {
		t.Errorf("decoded %+v", lv)
	}
	for _, tt := range []struct{ from, to, want string }{
		{`mode = "shutdown"`, `mode = "sleep"`, `key "notify.action.libvirt.mode": "sleep" is not pause, managed-save or shutdown`},
		{`shutdown_timeout = "10s"`, `shutdown_timeout = "1m"`, `key "notify.action.libvirt.shutdown_timeout": must be shorter than action.timeout (30s)`},
		{`uri = "qemu:///system"`, `uri = "qemu+smoke://hv/system"`, `key "notify.action.libvirt.uri"`},
		{`web-1 = "acme-web"`, `web-1 = ""`, `key "notify.action.libvirt.domains.web-1": no domain named`},
		{`mode = "shutdown"`, `mode = "shutdown"` + "\nmod = \"pause\"", `notify.action.libvirt.mod": unknown key`},
	} {
		bad := strings.Replace(body, tt.from, tt.to, 1)
		if _, err := Load(write(t, t.TempDir(), "d.toml", bad)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.to, err, tt.want)
		}
	}
}
