package config

import (
	"fmt"
	"path/filepath"

	"github.com/aupscan/aupscan/internal/units"
)

// DefaultRulePackDir is an agent's fleet.rules.dir when unset: this folder beside
// fleet.spool_dir ("/var/lib/aupscan/spool" -> "/var/lib/aupscan/rule-pack").
const DefaultRulePackDir = "rule-pack"

// FleetRules is the [fleet.rules] table: rule packs, the operator's rule files
// signed with an Ed25519 key, which the manager publishes in the NATS key-value
// bucket "aupscan-rules" and agents install and load.
type FleetRules struct {
	// PublicKeys (agent) is a file of the public keys a pack may be signed with
	// (aupscan fleet keygen writes KEYFILE.pub; several keys, one after the other,
	// during a key change). Without it the agent fetches no packs.
	PublicKeys string `toml:"public_keys"`
	// Dir (agent) is the folder packs are installed into, loaded with rules.dirs;
	// default DefaultRulePackDir beside fleet.spool_dir. The agent owns it.
	Dir string `toml:"dir"`
	// Interval (agent) is how often the bucket is read (default 60s, plus up to a
	// tenth at random); also at start and after each reconnection.
	Interval units.Duration `toml:"interval"`

	// SigningKey (manager) is the private key file packs are signed with (aupscan
	// fleet keygen). Without it the manager publishes no packs.
	SigningKey string `toml:"signing_key"`
	// Folders (manager) are the rule folders published; default rules.dirs, the
	// manager's own.
	Folders []string `toml:"folders"`
	// Replicas (manager) is the rules bucket's replication factor in a cluster
	// (default 1).
	Replicas int `toml:"replicas"`
}

// validateFleetRules checks [fleet.rules] against the role, resolves its paths
// against the configuration file's folder and sets an agent's default folder.
func (c *Config) validateFleetRules() []error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, &Error{File: c.File, Key: key, Message: fmt.Sprintf(format, args...)})
	}
	fr := &c.Fleet.Rules
	base := filepath.Dir(c.File)
	abs := func(p *string) {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(base, *p)
		}
	}
	abs(&fr.PublicKeys)
	abs(&fr.Dir)
	abs(&fr.SigningKey)
	for i := range fr.Folders {
		abs(&fr.Folders[i])
	}
	if fr.Interval < 0 {
		bad("fleet.rules.interval", "must not be negative")
	}
	if fr.Replicas < 0 {
		bad("fleet.rules.replicas", "must not be negative")
	}
	agentSide := fr.PublicKeys != "" || fr.Dir != "" || fr.Interval != 0
	managerSide := fr.SigningKey != "" || len(fr.Folders) > 0 || fr.Replicas != 0
	switch c.Fleet.Role {
	case RoleSingle:
		if agentSide || managerSide {
			bad("fleet.rules", `rule packs need fleet.role: the "manager" publishes them, "agent"s install them`)
		}
	case RoleAgent:
		if fr.SigningKey != "" {
			bad("fleet.rules.signing_key", "only the manager signs rule packs: an agent takes public_keys (the signing key never goes to a tenant's VM)")
		}
		if len(fr.Folders) > 0 {
			bad("fleet.rules.folders", "only a manager publishes rule folders: an agent installs packs into fleet.rules.dir")
		}
		if fr.Replicas != 0 {
			bad("fleet.rules.replicas", "only a manager creates the rules bucket")
		}
		if fr.PublicKeys == "" {
			if fr.Dir != "" || fr.Interval != 0 {
				bad("fleet.rules.public_keys", "required to accept rule packs (fleet.rules.dir and interval are unused without it)")
			}
			break
		}
		if fr.Dir == "" {
			if c.Fleet.SpoolDir == "" {
				bad("fleet.rules.dir", "required without fleet.spool_dir (the default is %q beside it)", DefaultRulePackDir)
				break
			}
			fr.Dir = filepath.Join(filepath.Dir(c.Fleet.SpoolDir), DefaultRulePackDir)
		}
		dir := filepath.Clean(fr.Dir)
		if c.Fleet.SpoolDir != "" && dir == filepath.Clean(c.Fleet.SpoolDir) {
			bad("fleet.rules.dir", "must not be fleet.spool_dir")
		}
		for i, d := range c.Rules.Dirs {
			if filepath.Clean(d) == dir {
				bad("fleet.rules.dir", "must not be a folder of rules.dirs (rules.dirs[%d]): the agent replaces and deletes pack files there", i)
			}
		}
	case RoleManager:
		for _, k := range []struct {
			key string
			set bool
		}{{"fleet.rules.public_keys", fr.PublicKeys != ""}, {"fleet.rules.dir", fr.Dir != ""}, {"fleet.rules.interval", fr.Interval != 0}} {
			if k.set {
				bad(k.key, "only agents install rule packs: a manager publishes them with signing_key")
			}
		}
		if fr.SigningKey == "" {
			if len(fr.Folders) > 0 || fr.Replicas != 0 {
				bad("fleet.rules.signing_key", "required to publish rule packs (fleet.rules.folders and replicas are unused without it)")
			}
			break
		}
		if len(fr.Folders) == 0 && len(c.Rules.Dirs) == 0 {
			bad("fleet.rules.folders", "nothing to publish: set fleet.rules.folders, or rules.dirs (the default)")
		}
	}
	return errs
}
