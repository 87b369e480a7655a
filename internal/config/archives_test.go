package config

import (
	"strings"
	"testing"

	"github.com/aupscan/aupscan/scanner/archive"
)

// TestHostArchives reads [host.archives] into the scanner's limits, and refuses a
// limit that would make no sense by its key.
func TestHostArchives(t *testing.T) {
	c, err := Load(write(t, t.TempDir(), "d.toml", daemonSections+`
[host.archives]
depth = 3
max_total = "2GiB"
max_member = "100MiB"
max_ratio = 250
max_entries = 500
max_memory = "16MiB"
`))
	if err != nil {
		t.Fatal(err)
	}
	want := archive.Limits{MaxDepth: 3, MaxTotal: 2 << 30, MaxMember: 100 << 20, MaxRatio: 250, MaxEntries: 500, MaxBuffer: 16 << 20}
	if got := c.Host.Archives.Limits(); got != want || c.Host.Archives.Disabled() {
		t.Errorf("limits %+v (disabled %v), want %+v", got, c.Host.Archives.Disabled(), want)
	}
	c, err = Load(write(t, t.TempDir(), "d.toml", daemonSections+"\n[host.archives]\nopen = false\n"))
	if err != nil || !c.Host.Archives.Disabled() || c.Host.Archives.Limits() != (archive.Limits{}) {
		t.Errorf("open = false: %v, %+v", err, c)
	}
	for _, bad := range []string{"depth = -1", "max_ratio = 0.5", "max_entries = -3", "depth = 1\nsize = 3"} {
		_, err := Load(write(t, t.TempDir(), "d.toml", daemonSections+"\n[host.archives]\n"+bad+"\n"))
		if err == nil || !strings.Contains(err.Error(), `host.archives`) {
			t.Errorf("%s: error %v, want one naming host.archives", bad, err)
		}
	}
}
