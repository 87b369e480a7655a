package config

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const daemonSections = notifySection + `
[identity]
host = "hv-1"
tenant = "acme"

[host]
schedule = "30 3 * * *"
paths = ["/etc", "/srv"]
rate = "20MiB"
max_size = "64MiB"
watch = ["uploads"]

[[host.root]]
path = "vms/web-2"
host = "web-2"
tenant = "acme"

[capture]
snap_len = 2048
ring_size = "32MiB"

[[capture.interface]]
name = "tap-web-3"
host = "web-3"
tenant = "acme"
filter = "port 1194"

[[capture.interface]]
name = "br0"

[[capture.map]]
addresses = ["10.0.0.5", "10.0.1.0/24"]
macs = ["52:54:00:12:34:56"]
host = "web-4"
tenant = "acme"

[[capture.file]]
path = "pcap"

[metrics]
listen = "127.0.0.1:9717"

[limits]
memory = "256MiB"
cpus = 1
scan_duty = 0.25

[daemon]
notify_interval = "10s"
`

// TestDaemonSections checks the daemon's sections: sizes and durations with units,
// paths against the file's folder, and mapped hosts added to their tenant.
func TestDaemonSections(t *testing.T) {
	dir := t.TempDir()
	c, err := Load(write(t, dir, "d.toml", daemonSections))
	if err != nil {
		t.Fatal(err)
	}
	if c.Host.Rate != 20<<20 || c.Host.MaxSize != 64<<20 || c.Limits.Memory != 256<<20 || c.Capture.RingSize != 32<<20 || c.Daemon.NotifyInterval.Or(0).String() != "10s" {
		t.Errorf("units: %+v %+v %+v", c.Host, c.Limits, c.Daemon)
	}
	if c.Host.Roots[0].Path != filepath.Join(dir, "vms/web-2") || c.Host.Watch[0] != filepath.Join(dir, "uploads") || c.Capture.Files[0].Path != filepath.Join(dir, "pcap") {
		t.Errorf("paths not resolved: %+v %+v", c.Host, c.Capture.Files)
	}
	hosts := c.Notify.Tenant("acme").Hosts
	for _, h := range []string{"web-1", "hv-1", "web-2", "web-3", "web-4"} {
		if c.Notify.TenantOf(h) == nil {
			t.Errorf("host %s not mapped to acme: %q", h, hosts)
		}
	}
}

func TestDaemonErrors(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{`schedule = "30 3 * * *"`, `schedule = "at night"`, `key "host.schedule"`},
		{`rate = "20MiB"`, `rate = "fast"`, `bad size "fast"`},
		{`filter = "port 1194"`, `filter = "port ssh"`, `key "capture.interface[0].filter"`},
		{`"10.0.0.5"`, `"10.0.0.500"`, `key "capture.map[0].addresses[0]"`},
		{`macs = ["52:54:00:12:34:56"]`, `macs = ["52:54"]`, `key "capture.map[0].macs[0]"`},
		{`tenant = "acme"
filter`, `tenant = "nobody"
filter`, `no tenant "nobody" in [notify]`},
		{`scan_duty = 0.25`, `scan_duty = 2`, `key "limits.scan_duty"`},
		{`listen = "127.0.0.1:9717"`, `listen = "9717"`, `key "metrics.listen"`},
		{`notify_interval = "10s"`, `notify_interval = "10"`, `bad duration "10"`},
		{`paths = ["/etc", "/srv"]`, `paths = ["etc"]`, `key "host.paths[0]"`},
		{`ring_size = "32MiB"`, `ring_size = "4KiB"`, `key "capture.ring_size": must be 0 (8MiB) or from 1MiB to 1GiB`},
		{`ring_size = "32MiB"`, `ring_size = "2GiB"`, `key "capture.ring_size"`},
		{`[limits]`, "[limits]\nworkers = 2", `key "limits.workers": unknown key`},
	}
	for _, tt := range tests {
		body := strings.Replace(daemonSections, tt.from, tt.to, 1)
		if body == daemonSections {
			t.Fatalf("%q not in the sample", tt.from)
		}
		_, err := Load(write(t, t.TempDir(), "d.toml", body))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.to, err, tt.want)
		}
	}
}

// TestDurationsAcrossSections: one duration syntax for the whole file, days and
// weeks included, in [daemon], [fleet] and [notify] alike; a negative span is
// refused by key in each.
func TestDurationsAcrossSections(t *testing.T) {
	body := strings.Replace(daemonSections, `notify_interval = "10s"`, `notify_interval = "1d"
flush_interval = "1d12h"
capture_window = "1w"`, 1) + `
[fleet]
role = "manager"
url = "nats://127.0.0.1:4222"
silent_after = "2d"
`
	body = strings.Replace(body, "[notify.mail]\n", "[notify.mail]\nbackoff = \"30d\"\nlease = \"1w\"\n", 1)
	c, err := Load(write(t, t.TempDir(), "d.toml", body))
	if err != nil {
		t.Fatal(err)
	}
	const day = 24 * time.Hour
	for name, got := range map[string]time.Duration{
		"daemon.notify_interval": time.Duration(c.Daemon.NotifyInterval) - day,
		"daemon.flush_interval":  time.Duration(c.Daemon.FlushInterval) - 36*time.Hour,
		"daemon.capture_window":  time.Duration(c.Daemon.CaptureWindow) - 7*day,
		"fleet.silent_after":     time.Duration(c.Fleet.SilentAfter) - 2*day,
		"notify.mail.backoff":    time.Duration(c.Notify.Mail.Backoff) - 30*day,
		"notify.mail.lease":      time.Duration(c.Notify.Mail.Lease) - 7*day,
	} {
		if got != 0 {
			t.Errorf("%s off by %v", name, got)
		}
	}

	for _, tt := range []struct{ from, to, want string }{
		{`notify_interval = "1d"`, `notify_interval = "-1d"`, `key "daemon.notify_interval": must not be negative`},
		{`silent_after = "2d"`, `silent_after = "-2d"`, `key "fleet.silent_after": must not be negative`},
		{`backoff = "30d"`, `backoff = "-30s"`, `key "notify.mail.backoff": must not be negative`},
		{`backoff = "30d"`, `backoff = "30 days"`, `bad duration "30 days"`},
		{`"--now"]`, "\"--now\"]\ntimeout = \"-1m\"", `key "notify.action.timeout": must not be negative`},
	} {
		bad := strings.Replace(body, tt.from, tt.to, 1)
		if bad == body {
			t.Fatalf("%q not in the sample", tt.from)
		}
		if _, err := Load(write(t, t.TempDir(), "d.toml", bad)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.to, err, tt.want)
		}
	}
}
