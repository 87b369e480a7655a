package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func loadFleet(t *testing.T, body string) (*Config, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "aupscand.toml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if err != nil {
		return nil, err
	}
	return c, c.ValidateFleet()
}

func TestFleetManagerEmbedded(t *testing.T) {
	c, err := loadFleet(t, notifySection+`
[fleet]
role = "manager"
silent_after = "10m"
credentials = "nats/manager.creds"
[fleet.server]
embedded = true
dir = "var/nats"
listen = "127.0.0.1:4222"
[fleet.stream]
max_per_host = 500
max_findings = -1
max_bytes = "256MiB"
max_finding_size = "16KiB"
max_age = "7d"
`)
	if err != nil {
		t.Fatal(err)
	}
	if s := c.Fleet.Stream; s.MaxPerHost != 500 || s.MaxFindings != -1 || s.MaxBytes != 256<<20 || s.MaxFindingSize != 16<<10 || s.MaxAge.Or(0).Hours() != 7*24 {
		t.Errorf("fleet.stream = %+v", s)
	}
	base := filepath.Dir(c.File)
	f := c.Fleet
	if f.Role != RoleManager || !f.Server.Embedded || f.Server.Dir != filepath.Join(base, "var/nats") ||
		f.Credentials != filepath.Join(base, "nats/manager.creds") || f.SilentAfter.Or(0).Minutes() != 10 {
		t.Errorf("fleet = %+v", f)
	}
}

func TestFleetAgent(t *testing.T) {
	c, err := loadFleet(t, `
[identity]
host = "web-1"
[fleet]
role = "agent"
url = "nats://10.0.0.1:4222"
spool_dir = "spool"
spool_size = "16MiB"
heartbeat = "30s"
`)
	if err != nil {
		t.Fatal(err)
	}
	if c.Fleet.SpoolSize != 16<<20 || c.Fleet.SpoolDir != filepath.Join(filepath.Dir(c.File), "spool") {
		t.Errorf("fleet = %+v", c.Fleet)
	}
}

func TestFleetErrors(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"bad role", "[fleet]\nrole = \"boss\"\n", `key "fleet.role": must be "agent" or "manager", got "boss"`},
		{"no role", "[fleet]\nurl = \"nats://x:4222\"\n", `key "fleet.role": fleet settings need a role`},
		{"agent without url", "[fleet]\nrole = \"agent\"\nspool_dir = \"s\"\n", `key "fleet.url": an agent needs`},
		{"agent without spool", "[fleet]\nrole = \"agent\"\nurl = \"nats://x:4222\"\n", `key "fleet.spool_dir"`},
		{"agent with notify", notifySection + "[fleet]\nrole = \"agent\"\nurl = \"nats://x:4222\"\nspool_dir = \"s\"\n", `key "notify": an agent holds no cases`},
		{"agent runs no server", "[fleet]\nrole = \"agent\"\nurl = \"nats://x:4222\"\nspool_dir = \"s\"\n[fleet.server]\nembedded = true\n", `key "fleet.server.embedded"`},
		{"manager without notify", "[fleet]\nrole = \"manager\"\nurl = \"nats://x:4222\"\n", `key "notify": a manager needs`},
		{"manager without server", notifySection + "[fleet]\nrole = \"manager\"\n", `key "fleet.url": a manager needs`},
		{"embedded without dir", notifySection + "[fleet]\nrole = \"manager\"\n[fleet.server]\nembedded = true\n", `key "fleet.server.dir"`},
		{"silent before heartbeat", "[fleet]\nrole = \"agent\"\nurl = \"nats://x:4222\"\nspool_dir = \"s\"\nheartbeat = \"1m\"\nsilent_after = \"30s\"\n", `key "fleet.silent_after"`},
		{"unknown key", "[fleet]\nrole = \"agent\"\nspool = \"s\"\n", `key "fleet.spool": unknown key`},
		{"bad size", "[fleet]\nrole = \"agent\"\nspool_size = \"lots\"\n", `bad size "lots"`},
		{"per-host limit", "[fleet.stream]\nmax_per_host = -5\n", `key "fleet.stream.max_per_host": must be a count`},
		{"tiny stream", "[fleet.stream]\nmax_bytes = \"64KiB\"\n", `key "fleet.stream.max_bytes": must be 0 (1GiB) or at least 1MiB`},
		{"huge finding", "[fleet.stream]\nmax_finding_size = \"64MiB\"\n", `key "fleet.stream.max_finding_size"`},
		{"short age", "[fleet.stream]\nmax_age = \"5s\"\n", `key "fleet.stream.max_age"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadFleet(t, tc.body)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// TestFleetTLS: certificate paths resolve against the file; a certificate without its
// key, or on a server that is not embedded, names the key at fault.
func TestFleetTLS(t *testing.T) {
	c, err := loadFleet(t, notifySection+`
[fleet]
role = "manager"
tls_ca = "pki/ca.pem"
[fleet.server]
embedded = true
dir = "var/nats"
tls_cert = "pki/server.pem"
tls_key = "pki/server.key"
`)
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Dir(c.File)
	if f := c.Fleet; f.TLSCA != filepath.Join(base, "pki/ca.pem") || f.Server.TLSKey != filepath.Join(base, "pki/server.key") {
		t.Errorf("fleet = %+v", f)
	}
	for body, want := range map[string]string{
		"[fleet]\nrole = \"manager\"\n[fleet.server]\nembedded = true\ndir = \"n\"\ntls_cert = \"s.pem\"\n":                   "needs both tls_cert and tls_key",
		"[fleet]\nrole = \"manager\"\nurl = \"tls://nats:4222\"\n[fleet.server]\ntls_cert = \"s.pem\"\ntls_key = \"s.key\"\n": "only the embedded server uses it",
	} {
		_, err := loadFleet(t, notifySection+body)
		if err == nil || !strings.Contains(err.Error(), "fleet.server.tls_cert") || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q on fleet.server.tls_cert", body, err, want)
		}
	}
}
