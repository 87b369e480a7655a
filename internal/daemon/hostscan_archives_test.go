package daemon

import (
	"testing"

	"github.com/aupscan/aupscan/internal/config"
)

// TestFileOptionsArchives: [host.archives] reaches the host scan's file options.
func TestFileOptionsArchives(t *testing.T) {
	off := false
	cfg := &config.Config{}
	cfg.Host.Archives = config.HostArchives{Depth: 3, MaxRatio: 50, MaxEntries: 7}
	o := fileOptions(cfg)
	if o.NoArchives || o.Archives.MaxDepth != 3 || o.Archives.MaxRatio != 50 || o.Archives.MaxEntries != 7 {
		t.Errorf("options %+v", o.Archives)
	}
	cfg.Host.Archives.Open = &off
	if o := fileOptions(cfg); !o.NoArchives {
		t.Error("open = false did not turn archives off")
	}
}
