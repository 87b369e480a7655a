package config

import (
	"fmt"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/robfig/cron/v3"

	"github.com/aupscan/aupscan/internal/units"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// DefaultHostFile is where the host id is read from when identity.host is empty.
const DefaultHostFile = "/etc/machine-id"

// CronParser reads host.schedule: five fields or a descriptor, as crontab(5) does.
var CronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// badFunc reports one problem of a configuration file, naming its key.
type badFunc func(key, format string, args ...any)

// validateDaemon checks the daemon's own sections, resolves relative paths and the
// host id, and adds mapped hosts to their tenants in [notify]. Each section has its
// own check, run in the order of the reference in README.md.
func (c *Config) validateDaemon() []error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, &Error{File: c.File, Key: key, Message: fmt.Sprintf(format, args...)})
	}
	c.validateIdentity(bad)
	c.validateHost(bad)
	c.validateCapture(bad)
	c.Metrics.validate(bad)
	c.Limits.validate(bad)
	c.Daemon.validate(bad)
	c.validateSources(bad)
	return errs
}

// abs resolves p against the configuration file's folder unless it is absolute or
// empty.
func (c *Config) abs(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(c.File), p)
}

// mapTenant puts host into tenant's hosts, so the notifier finds the tenant of the
// findings a mapping (key) produces.
func (c *Config) mapTenant(bad badFunc, key, tenant, host string) {
	if tenant == "" {
		return
	}
	if c.Notify == nil {
		bad(key, "tenant %q needs a [notify] section with that tenant", tenant)
		return
	}
	t := c.Notify.Tenant(tenant)
	if t == nil {
		bad(key, "no tenant %q in [notify] (add a [[notify.tenant]] with that id)", tenant)
		return
	}
	if other := c.Notify.TenantOf(host); other != nil && other.ID != tenant {
		bad(key, "host %q already belongs to tenant %q", host, other.ID)
		return
	}
	if !slices.Contains(t.Hosts, host) {
		t.Hosts = append(t.Hosts, host)
	}
}

// validateIdentity resolves [identity]: the host id from host_file or the host
// name when it is not set, and the tenant it belongs to.
func (c *Config) validateIdentity(bad badFunc) {
	id := &c.Identity
	if id.HostFile == "" {
		id.HostFile = DefaultHostFile
	}
	id.HostFile = c.abs(id.HostFile)
	if id.Host == "" {
		if b, err := os.ReadFile(id.HostFile); err == nil {
			id.Host = strings.TrimSpace(string(b))
		}
		if id.Host == "" {
			// A container or a minimal image may have no machine id; the host name
			// still names the machine, if less stably.
			id.Host, _ = os.Hostname()
		}
	}
	c.mapTenant(bad, "identity.tenant", id.Tenant, id.Host)
}

// validateHost checks [host] and its roots, resolving their paths.
func (c *Config) validateHost(bad badFunc) {
	h := &c.Host
	for i := range h.Roots {
		r := &h.Roots[i]
		key := fmt.Sprintf("host.root[%d]", i)
		if r.Path == "" {
			bad(key+".path", "required: \"/\" or a mounted VM image")
		}
		r.Path = c.abs(r.Path)
		if r.Host == "" {
			r.Host = c.Identity.Host
		}
		c.mapTenant(bad, key+".tenant", r.Tenant, r.Host)
	}
	if h.Processes && !slices.ContainsFunc(h.Roots, func(r HostRoot) bool { return filepath.Clean(r.Path) == "/" }) {
		bad("host.processes", "needs a root with path \"/\": processes are only read on the live system")
	}
	if h.Schedule != "" {
		if _, err := CronParser.Parse(h.Schedule); err != nil {
			bad("host.schedule", "%v (five fields, \"30 3 * * *\", or \"@daily\", \"@every 6h\")", err)
		}
		if len(h.Roots) == 0 {
			bad("host.schedule", "no [[host.root]] to scan")
		}
	}
	if h.Workers < 0 {
		bad("host.workers", "must not be negative")
	}
	if h.MaxDepth < 0 {
		bad("host.max_depth", "must not be negative (0 takes the default, 256)")
	}
	c.validateArchives(bad)
	for i, p := range h.Paths {
		if !strings.HasPrefix(p, "/") {
			bad(fmt.Sprintf("host.paths[%d]", i), "must start with / (a path inside each root)")
		}
	}
	for i, w := range h.Watch {
		h.Watch[i] = c.abs(w)
	}
	if len(h.Watch) > 0 && len(h.Roots) == 0 {
		bad("host.watch", "needs a [[host.root]]: watched files take its host and tenant")
	}
}

// validateCapture checks [capture]: its interfaces, files and maps, then its limits.
func (c *Config) validateCapture(bad badFunc) {
	c.validateCaptureInterfaces(bad)
	c.validateCaptureFiles(bad)
	c.validateCaptureMaps(bad)
	cp := &c.Capture
	if cp.SnapLen < 0 || (cp.SnapLen > 0 && cp.SnapLen < 128) || cp.SnapLen > capture.MaxPacketSize {
		bad("capture.snap_len", "must be 0 (4096) or from 128 to %d", capture.MaxPacketSize)
	}
	if cp.RingSize < 0 || (cp.RingSize > 0 && cp.RingSize < 1<<20) || cp.RingSize > capture.MaxRingSize {
		bad("capture.ring_size", "must be 0 (8MiB) or from 1MiB to 1GiB")
	}
	if cp.StreamBytes < 0 || cp.StreamBytes > 1<<20 {
		bad("capture.stream_bytes", "must be from 0 (16KiB) to 1MiB")
	}
	if cp.ReassemblyMemory < 0 {
		bad("capture.reassembly_memory", "must not be negative")
	}
	if cp.MaxPayloads < 0 {
		bad("capture.max_payloads", "must not be negative")
	}
	if cp.MaxFlows < 0 {
		bad("capture.max_flows", "must not be negative")
	}
}

func (c *Config) validateCaptureInterfaces(bad badFunc) {
	for i := range c.Capture.Interfaces {
		it := &c.Capture.Interfaces[i]
		key := fmt.Sprintf("capture.interface[%d]", i)
		if it.Name == "" {
			bad(key+".name", "required")
		}
		if it.Filter != "" {
			if _, err := decode.ParseFilter(it.Filter); err != nil {
				bad(key+".filter", "%v", err)
			}
		}
		if it.Host != "" {
			c.mapTenant(bad, key+".tenant", it.Tenant, it.Host)
		} else if it.Tenant != "" {
			bad(key+".tenant", "needs host: an interface without host takes its hosts from [[capture.map]]")
		}
	}
}

func (c *Config) validateCaptureFiles(bad badFunc) {
	for i := range c.Capture.Files {
		f := &c.Capture.Files[i]
		key := fmt.Sprintf("capture.file[%d]", i)
		if f.Path == "" {
			bad(key+".path", "required")
		}
		f.Path = c.abs(f.Path)
		if f.Host != "" {
			c.mapTenant(bad, key+".tenant", f.Tenant, f.Host)
		} else if f.Tenant != "" {
			bad(key+".tenant", "needs host")
		}
	}
}

func (c *Config) validateCaptureMaps(bad badFunc) {
	for i := range c.Capture.Maps {
		m := &c.Capture.Maps[i]
		key := fmt.Sprintf("capture.map[%d]", i)
		if m.Host == "" {
			bad(key+".host", "required")
		}
		if len(m.Addresses) == 0 && len(m.MACs) == 0 {
			bad(key, "needs addresses or macs")
		}
		for j, a := range m.Addresses {
			if _, err := ParsePrefix(a); err != nil {
				bad(fmt.Sprintf("%s.addresses[%d]", key, j), "%v", err)
			}
		}
		for j, a := range m.MACs {
			if _, err := net.ParseMAC(a); err != nil {
				bad(fmt.Sprintf("%s.macs[%d]", key, j), "%v", err)
			}
		}
		c.mapTenant(bad, key+".tenant", m.Tenant, m.Host)
	}
}

// validate checks [metrics].
func (m *MetricsConfig) validate(bad badFunc) {
	if m.Listen != "" {
		if _, _, err := net.SplitHostPort(m.Listen); err != nil {
			bad("metrics.listen", "%v (want HOST:PORT, e.g. 127.0.0.1:9717)", err)
		}
	}
}

// validate checks [limits].
func (l *LimitsConfig) validate(bad badFunc) {
	if l.CPUs < 0 {
		bad("limits.cpus", "must not be negative")
	}
	if l.ScanDuty < 0 || l.ScanDuty > 1 {
		bad("limits.scan_duty", "must be in (0, 1], got %g", l.ScanDuty)
	}
	if l.Held < 0 {
		bad("limits.held", "must not be negative")
	}
	if l.Queue < 0 {
		bad("limits.queue", "must not be negative")
	}
	if l.Memory < 0 {
		bad("limits.memory", "must not be negative")
	}
}

// validate checks [daemon].
func (d *DaemonConfig) validate(bad badFunc) {
	for _, s := range []struct {
		key string
		d   units.Duration
	}{{"daemon.notify_interval", d.NotifyInterval}, {"daemon.flush_interval", d.FlushInterval},
		{"daemon.capture_window", d.CaptureWindow}, {"daemon.repeat_window", d.RepeatWindow}} {
		if s.d < 0 {
			bad(s.key, "must not be negative")
		}
	}
}

// validateSources insists that findings have somewhere to go: sources need
// [notify], except on a fleet agent, which publishes them.
func (c *Config) validateSources(bad badFunc) {
	cp, h := &c.Capture, &c.Host
	if (len(cp.Interfaces) > 0 || len(cp.Files) > 0 || len(h.Roots) > 0) && c.Notify == nil && c.Fleet.Role != RoleAgent {
		bad("notify", "sources are configured but no [notify] section says where their findings go")
	}
}

// ParsePrefix reads an address ("10.0.0.5") or a range ("10.0.0.0/24") as a prefix.
func ParsePrefix(s string) (netip.Prefix, error) {
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		return p.Masked(), err
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, err
	}
	return netip.PrefixFrom(a, a.BitLen()), nil
}
