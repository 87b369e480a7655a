// Package config reads aupscand's TOML configuration with the same care as the rules:
// syntax errors name file and line, unknown keys are errors naming file and key, and
// semantic errors name the setting.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/aupscan/aupscan/feed"
	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/output"
	"github.com/aupscan/aupscan/web"
)

// Config is the daemon's configuration. Issue by issue it grows sections for capture,
// host scans, the notifier and metrics.
type Config struct {
	Rules    RulesConfig    `toml:"rules"`
	Log      LogConfig      `toml:"log"`
	Identity IdentityConfig `toml:"identity"`
	Host     HostConfig     `toml:"host"`
	Capture  CaptureConfig  `toml:"capture"`
	Metrics  MetricsConfig  `toml:"metrics"`
	Limits   LimitsConfig   `toml:"limits"`
	Daemon   DaemonConfig   `toml:"daemon"`
	Fleet    FleetConfig    `toml:"fleet"` // fleet mode (fleet.go); empty: one host
	// Outputs send findings as they are made: files, syslog, webhooks, Alertmanager.
	Outputs []output.Config `toml:"output"`
	// Feeds keep list files fresh from the feeds operators already use.
	Feeds []feed.Config `toml:"feed"`
	// Web serves the tenants' case pages and the staff console ([web], nil when the
	// file has none); operator side only: a fleet agent refuses it.
	Web *web.Config `toml:"web"`
	// Notify is the notifier's configuration, the [notify] table (nil when the file
	// has none): decoded and validated by notify.DecodeConfig, with its relative paths
	// resolved against the configuration file's folder.
	Notify *notify.Config `toml:"-"`

	// File is the path the configuration was read from.
	File string `toml:"-"`
}

// RulesConfig says which rules the daemon loads.
type RulesConfig struct {
	// Dirs are operator rule folders, relative to the configuration file's folder
	// unless absolute. They are watched and reloaded on change.
	Dirs []string `toml:"dirs"`
	// NoBuiltin leaves the built-in rules out.
	NoBuiltin bool `toml:"no_builtin"`
}

// LogConfig sets the daemon's log output.
type LogConfig struct {
	Level  string `toml:"level"`  // debug, info (default), warn, error
	Format string `toml:"format"` // json (default) or text
}

// Error is one thing wrong with a configuration file.
type Error struct {
	File, Key, Message string
	Line               int
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Key != "" {
		fmt.Fprintf(&b, "key %q: ", e.Key)
	}
	b.WriteString(e.Message)
	return b.String()
}

var lineRe = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// Load reads and validates a configuration file; all errors come back joined.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	var f file
	f.File = path
	md, err := toml.Decode(string(data), &f)
	c := &f.Config
	if err != nil {
		e := &Error{File: path, Message: err.Error()}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			e.Line, e.Message = pe.Position.Line, pe.Message
		} else if m := lineRe.FindStringSubmatch(err.Error()); m != nil {
			e.Line, _ = strconv.Atoi(m[1])
			e.Key, e.Message = m[2], m[3]
		}
		return nil, e
	}
	var errs []error
	for _, k := range md.Undecoded() {
		if k[0] == notifyKey {
			continue // decodeNotify reports these, with their line
		}
		errs = append(errs, &Error{File: path, Key: k.String(), Message: "unknown key (see the configuration reference in README.md)"})
	}
	if md.IsDefined(notifyKey) {
		errs = append(errs, c.decodeNotify(string(data), md, f.Notify)...)
	}
	errs = append(errs, c.validate()...)
	errs = append(errs, c.validateDaemon()...)
	errs = append(errs, c.validateOutputs()...)
	errs = append(errs, c.validateFeeds()...)
	errs = append(errs, c.validateWeb()...)
	if err := c.ValidateFleet(); err != nil {
		errs = append(errs, err)
	}
	if fi, err := os.Stat(path); err == nil { // the mode of what was read, through a link
		if err := c.checkSecretsPrivate(fi); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

func (c *Config) validate() []error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, &Error{File: c.File, Key: key, Message: fmt.Sprintf(format, args...)})
	}
	switch c.Log.Level {
	case "", "debug", "info", "warn", "error":
	default:
		bad("log.level", "must be debug, info, warn or error, got %q", c.Log.Level)
	}
	switch c.Log.Format {
	case "", "json", "text":
	default:
		bad("log.format", "must be json or text, got %q", c.Log.Format)
	}
	base := filepath.Dir(c.File)
	for i, d := range c.Rules.Dirs {
		if !filepath.IsAbs(d) {
			c.Rules.Dirs[i] = filepath.Join(base, d)
		}
	}
	return errs
}
