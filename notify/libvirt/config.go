package libvirt

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/aupscan/aupscan/internal/units"
)

// Mode is how a domain is suspended.
type Mode string

// Suspension modes.
const (
	// ModePause stops the domain's CPUs; its memory stays allocated on the hypervisor
	// and it resumes where it stopped.
	ModePause Mode = "pause"
	// ModeManagedSave writes the domain's memory to the hypervisor's disk and stops
	// it; starting it again restores it, running.
	ModeManagedSave Mode = "managed-save"
	// ModeShutdown asks the guest to shut down (ACPI) and powers it off when it has
	// not within the shutdown timeout; starting it again boots it.
	ModeShutdown Mode = "shutdown"
)

var modes = []Mode{ModePause, ModeManagedSave, ModeShutdown}

// Lookup is how a host id names its domain when the domains table does not list it.
type Lookup string

// Lookups.
const (
	LookupName  Lookup = "name"  // the host id is the domain's name
	LookupUUID  Lookup = "uuid"  // the host id is the domain's UUID
	LookupTable Lookup = "table" // only hosts in the table have a domain
)

var lookups = []Lookup{LookupName, LookupUUID, LookupTable}

// Config is the libvirt suspension action: [notify.action.libvirt] in the daemon's
// file. It is in force when URI is set.
type Config struct {
	// URI is libvirt's connection URI: qemu:///system (the local socket), with
	// ?socket=PATH for another one, or a remote one (qemu+tcp://, qemu+tls://,
	// qemu+ssh://HOST/system). The driver part (qemu, lxc, ...) is what the daemon
	// is asked to open.
	URI string `toml:"uri"`
	// Mode is how a domain is suspended (default pause).
	Mode Mode `toml:"mode"`
	// Lookup is how a host missing from Domains finds its domain (default name).
	Lookup Lookup `toml:"lookup"`
	// ShutdownTimeout is how long the shutdown mode waits for the guest before it
	// powers the domain off; 0 takes half the action's timeout.
	ShutdownTimeout units.Duration `toml:"shutdown_timeout"`
	// Domains maps host ids to their domains: a name or a UUID, or a table
	// {domain = ..., uri = ...} for a domain on another hypervisor.
	Domains map[string]Target `toml:"domains"`
}

// Enabled reports whether the libvirt action is configured.
func (c *Config) Enabled() bool { return c.URI != "" }

// A Target is a domain and the hypervisor it runs on (empty URI: Config.URI).
type Target struct {
	Domain string `toml:"domain"`
	URI    string `toml:"uri"`
}

// UnmarshalTOML takes a target written as a string (the domain) or as a table with
// domain and uri.
func (t *Target) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*t = Target{Domain: v}
		return nil
	case map[string]any:
		for k, x := range v {
			s, ok := x.(string)
			if !ok {
				return fmt.Errorf("%s: want a string, not %T", k, x)
			}
			switch k {
			case "domain":
				t.Domain = s
			case "uri":
				t.URI = s
			default:
				return fmt.Errorf("%s: unknown key (domain, uri)", k)
			}
		}
		return nil
	}
	return fmt.Errorf("want a domain name or UUID, or a table {domain, uri}, not %T", v)
}

// Check fills in defaults and reports each mistake through bad, with keys relative
// to the libvirt table ("libvirt.mode").
func (c *Config) Check(bad func(key, format string, a ...any)) {
	if c.Mode == "" {
		c.Mode = ModePause
	}
	if c.Lookup == "" {
		c.Lookup = LookupName
	}
	if !c.Enabled() {
		if len(c.Domains) > 0 {
			bad("libvirt.uri", "required: the libvirt connection URI, for example qemu:///system")
		}
		return
	}
	if err := checkURI(c.URI); err != nil {
		bad("libvirt.uri", "%v", err)
	}
	if !slices.Contains(modes, c.Mode) {
		bad("libvirt.mode", "%q is not pause, managed-save or shutdown", c.Mode)
	}
	if !slices.Contains(lookups, c.Lookup) {
		bad("libvirt.lookup", "%q is not name, uuid or table", c.Lookup)
	}
	if c.ShutdownTimeout < 0 {
		bad("libvirt.shutdown_timeout", "must not be negative")
	}
	for _, host := range slices.Sorted(maps.Keys(c.Domains)) {
		t := c.Domains[host]
		key := "libvirt.domains." + host
		if t.Domain == "" {
			bad(key, "no domain named")
		}
		if t.URI != "" {
			if err := checkURI(t.URI); err != nil {
				bad(key+".uri", "%v", err)
			}
		}
	}
}

// checkURI accepts what go-libvirt can connect to: DRIVER[+TRANSPORT]://[HOST]/PATH.
func checkURI(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("%q: %v", s, err)
	}
	driver, transport, _ := strings.Cut(u.Scheme, "+")
	if driver == "" || u.Path == "" {
		return fmt.Errorf("%q is not a libvirt URI (qemu:///system, qemu+ssh://HOST/system)", s)
	}
	switch transport {
	case "", "unix", "tcp", "tls", "ssh", "libssh", "libssh2":
	default:
		return fmt.Errorf("%q: transport %q is not unix, tcp, tls, ssh or libssh", s, transport)
	}
	return nil
}

// domainRef is how a target names its domain: a UUID when it reads as one.
type domainRef struct {
	name string
	uuid uuid.UUID
	byID bool
}

func parseRef(s string, byUUID bool) (domainRef, error) {
	if id, err := uuid.Parse(s); err == nil && len(s) >= 32 {
		return domainRef{uuid: id, byID: true}, nil
	} else if byUUID {
		return domainRef{}, fmt.Errorf("%q is not a UUID (action.libvirt.lookup = uuid)", s)
	}
	return domainRef{name: s}, nil
}

func (r domainRef) String() string {
	if r.byID {
		return r.uuid.String()
	}
	return r.name
}
