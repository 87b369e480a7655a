package config

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestFleetRulesAgent(t *testing.T) {
	c, err := loadFleet(t, `
[rules]
dirs = ["rules.d"]
[fleet]
role = "agent"
url = "nats://10.0.0.1:4222"
spool_dir = "var/spool"
[fleet.rules]
public_keys = "keys/rules.pub"
interval = "5m"
`)
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Dir(c.File)
	r := c.Fleet.Rules
	if r.PublicKeys != filepath.Join(base, "keys/rules.pub") || r.Dir != filepath.Join(base, "var", DefaultRulePackDir) ||
		r.Interval.Or(0) != 5*time.Minute {
		t.Errorf("fleet.rules = %+v", r)
	}
	c, err = loadFleet(t, "[fleet]\nrole = \"agent\"\nurl = \"nats://x:4222\"\nspool_dir = \"s\"\n[fleet.rules]\npublic_keys = \"k.pub\"\ndir = \"/srv/pack\"\n")
	if err != nil || c.Fleet.Rules.Dir != "/srv/pack" {
		t.Errorf("dir = %q, %v", c.Fleet.Rules.Dir, err)
	}
}

func TestFleetRulesManager(t *testing.T) {
	c, err := loadFleet(t, notifySection+`
[fleet]
role = "manager"
url = "nats://10.0.0.1:4222"
[fleet.rules]
signing_key = "keys/rules.key"
folders = ["fleet-rules", "/srv/lists"]
replicas = 3
`)
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Dir(c.File)
	r := c.Fleet.Rules
	if r.SigningKey != filepath.Join(base, "keys/rules.key") || !slices.Equal(r.Folders, []string{filepath.Join(base, "fleet-rules"), "/srv/lists"}) ||
		r.Replicas != 3 {
		t.Errorf("fleet.rules = %+v", r)
	}
}

func TestFleetRulesErrors(t *testing.T) {
	const agent = "[fleet]\nrole = \"agent\"\nurl = \"nats://x:4222\"\nspool_dir = \"s\"\n"
	manager := notifySection + "[fleet]\nrole = \"manager\"\nurl = \"nats://x:4222\"\n"
	for _, tc := range []struct{ name, body, want string }{
		{"no role", "[fleet.rules]\npublic_keys = \"k.pub\"\n", `key "fleet.rules": rule packs need fleet.role`},
		{"agent with signing key", agent + "[fleet.rules]\npublic_keys = \"k.pub\"\nsigning_key = \"k\"\n", `key "fleet.rules.signing_key": only the manager signs`},
		{"agent with folders", agent + "[fleet.rules]\npublic_keys = \"k.pub\"\nfolders = [\"r\"]\n", `key "fleet.rules.folders"`},
		{"agent dir without keys", agent + "[fleet.rules]\ndir = \"pack\"\n", `key "fleet.rules.public_keys": required to accept`},
		{"agent dir is the spool", agent + "[fleet.rules]\npublic_keys = \"k.pub\"\ndir = \"s\"\n", `key "fleet.rules.dir": must not be fleet.spool_dir`},
		{"agent dir is a rules dir", "[rules]\ndirs = [\"r\"]\n" + agent + "[fleet.rules]\npublic_keys = \"k.pub\"\ndir = \"r\"\n", `key "fleet.rules.dir": must not be a folder of rules.dirs`},
		{"negative interval", agent + "[fleet.rules]\npublic_keys = \"k.pub\"\ninterval = \"-1s\"\n", `key "fleet.rules.interval": must not be negative`},
		{"manager with public keys", manager + "[fleet.rules]\nsigning_key = \"k\"\npublic_keys = \"k.pub\"\n", `key "fleet.rules.public_keys": only agents`},
		{"manager folders without key", manager + "[fleet.rules]\nfolders = [\"r\"]\n", `key "fleet.rules.signing_key": required to publish`},
		{"manager with nothing to publish", strings.Replace(manager, `dirs = ["rules"]`, "dirs = []", 1) + "[fleet.rules]\nsigning_key = \"k\"\n", `key "fleet.rules.folders": nothing to publish`},
		{"unknown key", agent + "[fleet.rules]\npublic_key = \"k.pub\"\n", `key "fleet.rules.public_key": unknown key`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadFleet(t, tc.body)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
