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

	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// DefaultHostFile is where the host id is read from when identity.host is empty.
const DefaultHostFile = "/etc/machine-id"

// CronParser reads host.schedule: five fields or a descriptor, as crontab(5) does.
var CronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// validateDaemon checks the daemon's own sections, resolves relative paths and the
// host id, and adds mapped hosts to their tenants in [notify].
func (c *Config) validateDaemon() []error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, &Error{File: c.File, Key: key, Message: fmt.Sprintf(format, args...)})
	}
	base := filepath.Dir(c.File)
	abs := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(base, p)
	}

	id := &c.Identity
	if id.HostFile == "" {
		id.HostFile = DefaultHostFile
	}
	id.HostFile = abs(id.HostFile)
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
	// mapTenant puts host into tenant's hosts, so the notifier finds the tenant of
	// the findings this mapping produces.
	mapTenant := func(key, tenant, host string) {
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
	mapTenant("identity.tenant", id.Tenant, id.Host)

	h := &c.Host
	for i := range h.Roots {
		r := &h.Roots[i]
		key := fmt.Sprintf("host.root[%d]", i)
		if r.Path == "" {
			bad(key+".path", "required: \"/\" or a mounted VM image")
		}
		r.Path = abs(r.Path)
		if r.Host == "" {
			r.Host = id.Host
		}
		mapTenant(key+".tenant", r.Tenant, r.Host)
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
	for i, p := range h.Paths {
		if !strings.HasPrefix(p, "/") {
			bad(fmt.Sprintf("host.paths[%d]", i), "must start with / (a path inside each root)")
		}
	}
	for i, w := range h.Watch {
		h.Watch[i] = abs(w)
	}
	if len(h.Watch) > 0 && len(h.Roots) == 0 {
		bad("host.watch", "needs a [[host.root]]: watched files take its host and tenant")
	}

	cp := &c.Capture
	for i := range cp.Interfaces {
		it := &cp.Interfaces[i]
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
			mapTenant(key+".tenant", it.Tenant, it.Host)
		} else if it.Tenant != "" {
			bad(key+".tenant", "needs host: an interface without host takes its hosts from [[capture.map]]")
		}
	}
	for i := range cp.Files {
		f := &cp.Files[i]
		key := fmt.Sprintf("capture.file[%d]", i)
		if f.Path == "" {
			bad(key+".path", "required")
		}
		f.Path = abs(f.Path)
		if f.Host != "" {
			mapTenant(key+".tenant", f.Tenant, f.Host)
		} else if f.Tenant != "" {
			bad(key+".tenant", "needs host")
		}
	}
	for i := range cp.Maps {
		m := &cp.Maps[i]
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
		mapTenant(key+".tenant", m.Tenant, m.Host)
	}
	if cp.SnapLen < 0 || (cp.SnapLen > 0 && cp.SnapLen < 128) || cp.SnapLen > capture.MaxPacketSize {
		bad("capture.snap_len", "must be 0 (4096) or from 128 to %d", capture.MaxPacketSize)
	}
	if cp.MaxPayloads < 0 {
		bad("capture.max_payloads", "must not be negative")
	}
	if cp.MaxFlows < 0 {
		bad("capture.max_flows", "must not be negative")
	}

	if c.Metrics.Listen != "" {
		if _, _, err := net.SplitHostPort(c.Metrics.Listen); err != nil {
			bad("metrics.listen", "%v (want HOST:PORT, e.g. 127.0.0.1:9717)", err)
		}
	}
	l := &c.Limits
	if l.CPUs < 0 {
		bad("limits.cpus", "must not be negative")
	}
	if l.ScanDuty < 0 || l.ScanDuty > 1 {
		bad("limits.scan_duty", "must be in (0, 1], got %g", l.ScanDuty)
	}
	if l.Queue < 0 {
		bad("limits.queue", "must not be negative")
	}
	if l.Memory < 0 {
		bad("limits.memory", "must not be negative")
	}
	for key, d := range map[string]Duration{"daemon.notify_interval": c.Daemon.NotifyInterval,
		"daemon.flush_interval": c.Daemon.FlushInterval, "daemon.capture_window": c.Daemon.CaptureWindow} {
		if d < 0 {
			bad(key, "must not be negative")
		}
	}
	if (len(cp.Interfaces) > 0 || len(cp.Files) > 0 || len(h.Roots) > 0) && c.Notify == nil && c.Fleet.Role != RoleAgent {
		bad("notify", "sources are configured but no [notify] section says where their findings go")
	}
	return errs
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
