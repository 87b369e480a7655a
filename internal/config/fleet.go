package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/aupscan/aupscan/internal/units"
)

// Fleet roles.
const (
	RoleSingle  = ""        // one host: scanners and notifier in one daemon (the default)
	RoleAgent   = "agent"   // inside a tenant VM: scans and publishes; no cases, no mail
	RoleManager = "manager" // consumes the agents' findings and runs the notifier
)

// FleetConfig is the [fleet] table: the daemon's role in fleet mode and how it
// reaches NATS JetStream.
type FleetConfig struct {
	// Role is "agent", "manager", or empty for the single-host daemon.
	Role string `toml:"role"`
	// URL names the NATS servers ("nats://10.0.0.1:4222", several separated by
	// commas). A manager with an embedded server may leave it empty.
	URL string `toml:"url"`
	// Credentials is a NATS credentials file (user JWT and NKey seed), from aupscan
	// fleet enroll. A manager whose embedded server has an authority may leave it
	// empty: it issues its own.
	Credentials string `toml:"credentials"`
	// SpoolDir is the agent's on-disk queue while the server is unreachable;
	// SpoolSize bounds it (default 64MiB), the oldest findings dropped and counted
	// beyond.
	SpoolDir  string     `toml:"spool_dir"`
	SpoolSize units.Size `toml:"spool_size"`
	// Heartbeat is the agent's heartbeat interval (default 30s).
	Heartbeat units.Duration `toml:"heartbeat"`
	// SilentAfter is how long a manager waits for an agent's heartbeat before it
	// reports the agent silent for operator review (default 5m; never a tenant
	// notice).
	SilentAfter units.Duration `toml:"silent_after"`
	// TLSCA is a PEM file of the CA that signed the NATS server's certificate: with
	// it the daemon connects with TLS and checks the server; empty: plain (fine on
	// loopback, not across a network).
	TLSCA string `toml:"tls_ca"`
	// AckWait is how long the server waits for a manager's acknowledgement of a batch
	// before it gives the batch to another manager (default 60s): the time a killed
	// manager's findings wait. A live manager extends it while it works.
	AckWait units.Duration `toml:"ack_wait"`
	// Server is the NATS server a manager may run inside itself.
	Server FleetServer `toml:"server"`
	// Stream bounds the findings stream the manager creates ([fleet.stream]).
	Stream FleetStream `toml:"stream"`
	// Rules are the signed rule packs the manager publishes and agents install
	// ([fleet.rules], fleet_rules.go).
	Rules FleetRules `toml:"rules"`
}

// FleetServer is an embedded NATS server with JetStream, so one binary is enough
// for a small installation.
type FleetServer struct {
	Embedded bool `toml:"embedded"`
	// Dir holds JetStream's files (required with embedded).
	Dir string `toml:"dir"`
	// Listen is the client address (default "127.0.0.1:4222").
	Listen string `toml:"listen"`
	// Authority is the folder of the fleet's NATS authority (aupscan fleet init):
	// with it the embedded server admits only the agents and managers it issued
	// credentials to, each agent publishing on its own host's subjects only; without
	// it the server is open to whoever reaches Listen. An external NATS server is
	// configured from the same folder instead (aupscan fleet server-config prints
	// its operator, system_account, resolver and resolver_preload lines).
	Authority string `toml:"authority"`
	// TLSCert and TLSKey are the embedded server's certificate and key (PEM files):
	// with them every client must speak TLS. The certificate must be valid for the
	// address the agents dial (and for 127.0.0.1 when the manager dials its own
	// server with fleet.url empty).
	TLSCert string `toml:"tls_cert"`
	TLSKey  string `toml:"tls_key"`
}

// FleetStream bounds what the findings stream holds waiting for a manager. The
// stream refuses what is beyond a limit (discard new, per host first): a flooding
// agent fills its own subject and then its own spool, never the server's disk, and
// the other agents go on. 0 takes the default; -1 (counts) lifts a limit.
type FleetStream struct {
	// MaxPerHost is the findings of one host held (default 10000).
	MaxPerHost int64 `toml:"max_per_host"`
	// MaxFindings is the findings of all hosts held (default 1000000).
	MaxFindings int64 `toml:"max_findings"`
	// MaxBytes is the stream's size on disk (default 1GiB).
	MaxBytes units.Size `toml:"max_bytes"`
	// MaxFindingSize is one finding's largest message (default 64KiB).
	MaxFindingSize units.Size `toml:"max_finding_size"`
	// MaxAge drops findings no manager took within it (default 30d).
	MaxAge units.Duration `toml:"max_age"`
}

// validate checks [fleet.stream]'s limits.
func (s FleetStream) validate(bad func(key, format string, args ...any)) {
	if s.MaxPerHost < -1 {
		bad("fleet.stream.max_per_host", "must be a count, 0 (10000) or -1 (no limit)")
	}
	if s.MaxFindings < -1 {
		bad("fleet.stream.max_findings", "must be a count, 0 (1000000) or -1 (no limit)")
	}
	if s.MaxBytes < 0 || (s.MaxBytes > 0 && s.MaxBytes < 1<<20) {
		bad("fleet.stream.max_bytes", "must be 0 (1GiB) or at least 1MiB")
	}
	if s.MaxFindingSize < 0 || (s.MaxFindingSize > 0 && s.MaxFindingSize < 4<<10) || s.MaxFindingSize > 8<<20 {
		bad("fleet.stream.max_finding_size", "must be 0 (64KiB) or from 4KiB to 8MiB")
	}
	if s.MaxAge < 0 || (s.MaxAge > 0 && time.Duration(s.MaxAge) < time.Minute) {
		bad("fleet.stream.max_age", "must be 0 (30d) or at least 1m")
	}
}

// ValidateFleet checks the [fleet] table against the rest of the configuration and
// resolves its relative paths against the configuration file's folder. All problems
// come back joined, each naming its key.
func (c *Config) ValidateFleet() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, &Error{File: c.File, Key: key, Message: fmt.Sprintf(format, args...)})
	}
	fc := &c.Fleet
	base := filepath.Dir(c.File)
	abs := func(p *string) {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(base, *p)
		}
	}
	abs(&fc.Credentials)
	abs(&fc.SpoolDir)
	abs(&fc.Server.Dir)
	abs(&fc.Server.Authority)
	abs(&fc.TLSCA)
	abs(&fc.Server.TLSCert)
	abs(&fc.Server.TLSKey)
	if (fc.Server.TLSCert == "") != (fc.Server.TLSKey == "") {
		bad("fleet.server.tls_cert", "the embedded server needs both tls_cert and tls_key, or neither")
	}
	if fc.Server.TLSCert != "" && !fc.Server.Embedded {
		bad("fleet.server.tls_cert", "only the embedded server uses it: an external NATS server has its own tls block")
	}
	if fc.SpoolSize < 0 {
		bad("fleet.spool_size", "must not be negative")
	}
	if fc.Heartbeat < 0 {
		bad("fleet.heartbeat", "must not be negative")
	}
	if fc.AckWait < 0 || (fc.AckWait > 0 && time.Duration(fc.AckWait) < time.Second) {
		bad("fleet.ack_wait", "must be at least 1s")
	}
	if fc.SilentAfter < 0 {
		bad("fleet.silent_after", "must not be negative")
	}
	fc.Stream.validate(bad)
	if fc.Server.Authority != "" && !fc.Server.Embedded {
		bad("fleet.server.authority", "only the embedded server uses it: configure an external NATS server with the lines of aupscan fleet server-config")
	}
	switch fc.Role {
	case RoleSingle:
		if fc.URL != "" || fc.Server.Embedded {
			bad("fleet.role", `fleet settings need a role: "agent" or "manager"`)
		}
	case RoleAgent:
		if fc.URL == "" {
			bad("fleet.url", "an agent needs the NATS server's address")
		}
		if fc.SpoolDir == "" {
			bad("fleet.spool_dir", "an agent needs a folder to spool findings in while the server is unreachable")
		}
		if fc.Server.Embedded {
			bad("fleet.server.embedded", "only a manager runs the embedded server")
		}
		if c.Notify != nil {
			bad("notify", "an agent holds no cases and no mail settings: remove [notify] (the manager has it)")
		}
		if c.Web != nil {
			bad("web", "an agent serves no case pages: remove [web] (the manager has it)")
		}
		if fc.Heartbeat > 0 && fc.SilentAfter > 0 && fc.SilentAfter <= fc.Heartbeat {
			bad("fleet.silent_after", "must be longer than fleet.heartbeat")
		}
	case RoleManager:
		if c.Notify == nil {
			bad("notify", "a manager needs a [notify] section: its cases, tenants and mail")
		}
		if fc.URL == "" && !fc.Server.Embedded {
			bad("fleet.url", "a manager needs the NATS server's address, or fleet.server.embedded = true")
		}
		if fc.Server.Embedded && fc.Server.Dir == "" {
			bad("fleet.server.dir", "the embedded server needs a folder for its files")
		}
	default:
		bad("fleet.role", `must be "agent" or "manager", got %q`, fc.Role)
	}
	errs = append(errs, c.validateFleetRules()...)
	return errors.Join(errs...)
}
