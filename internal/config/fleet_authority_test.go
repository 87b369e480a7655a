package config

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestFleetServerAuthority: the authority folder is resolved against the
// configuration file's folder and belongs to the embedded server only.
func TestFleetServerAuthority(t *testing.T) {
	c, err := loadFleet(t, notifySection+`
[fleet]
role = "manager"
[fleet.server]
embedded = true
dir = "var/nats"
authority = "nats/authority"
`)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(filepath.Dir(c.File), "nats/authority"); c.Fleet.Server.Authority != want {
		t.Errorf("authority = %q, want %q", c.Fleet.Server.Authority, want)
	}
	for _, body := range []string{
		notifySection + "[fleet]\nrole = \"manager\"\nurl = \"nats://x:4222\"\n[fleet.server]\nauthority = \"a\"\n",
		"[fleet]\nrole = \"agent\"\nurl = \"nats://x:4222\"\nspool_dir = \"s\"\n[fleet.server]\nauthority = \"a\"\n",
	} {
		if _, err := loadFleet(t, body); err == nil || !strings.Contains(err.Error(), `key "fleet.server.authority": only the embedded server`) {
			t.Errorf("err = %v, want fleet.server.authority refused without an embedded server", err)
		}
	}
}
