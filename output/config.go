package output

import (
	"cmp"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/aupscan/aupscan/internal/units"
	"github.com/aupscan/aupscan/signatures"
)

// Output types.
const (
	TypeFile         = "file"
	TypeSyslog       = "syslog"
	TypeWebhook      = "webhook"
	TypeAlertmanager = "alertmanager"
)

// Config is one [[output]] section of the daemon's configuration.
type Config struct {
	// Name names the output in logs and metrics; default: its type, numbered when
	// several outputs share one.
	Name string `toml:"name"`
	// Type is file, syslog, webhook or alertmanager.
	Type string `toml:"type"`
	// Format is the record form: json (the contract's, default), eve or ocsf.
	// Alertmanager takes its own form and ignores it.
	Format string `toml:"format"`
	// Queue is how many findings wait for this output; beyond, new ones are dropped
	// and counted. 0 takes 1024.
	Queue int `toml:"queue"`
	// MinSeverity leaves out findings below it (low, medium, high, critical).
	MinSeverity string `toml:"min_severity"`

	// Path is the file's (type file), relative to the configuration's folder.
	Path string `toml:"path"`

	// Address is the syslog receiver: unix:///dev/log (a local socket, datagram or
	// stream), udp://HOST:PORT, tcp://HOST:PORT or tls://HOST:PORT (RFC 5425).
	Address string `toml:"address"`
	// Facility is the syslog facility: local0 (default) to local7, user, daemon,
	// auth, security...
	Facility string `toml:"facility"`
	// AppName is the syslog APP-NAME; default aupscan.
	AppName string `toml:"app_name"`

	// URL is the webhook's, or Alertmanager's base URL (http://host:9093).
	URL string `toml:"url"`
	// Secret or SecretFile keys the webhook's HMAC-SHA256 signature.
	Secret     string `toml:"secret"`
	SecretFile string `toml:"secret_file"`
	// Headers are added to each webhook request (an Authorization for the receiver).
	Headers map[string]string `toml:"headers"`
	// CAFile is a PEM file of the CAs trusted for tls://, https:// (else the system's).
	CAFile string `toml:"ca_file"`
	// Timeout bounds one delivery attempt; default 10s.
	Timeout units.Duration `toml:"timeout"`
	// MaxAttempts is how often a delivery is tried before the finding is given up
	// on and counted as failed; default 8. Backoff (1s) doubles after each failed
	// attempt up to MaxBackoff (1m).
	MaxAttempts int            `toml:"max_attempts"`
	Backoff     units.Duration `toml:"backoff"`
	MaxBackoff  units.Duration `toml:"max_backoff"`

	// Expire is how long an Alertmanager alert lasts without a new sighting of the
	// finding (endsAt); default 1h.
	Expire units.Duration `toml:"expire"`
	// Labels are added to every Alertmanager alert.
	Labels map[string]string `toml:"labels"`
}

// Resolve makes the relative paths of cs absolute against base (the configuration
// file's folder) and fills in the names; call it before Validate.
func Resolve(cs []Config, base string) {
	count := map[string]int{}
	for i := range cs {
		c := &cs[i]
		for _, p := range []*string{&c.Path, &c.SecretFile, &c.CAFile} {
			if *p != "" && !filepath.IsAbs(*p) {
				*p = filepath.Join(base, *p)
			}
		}
		if c.Address != "" && strings.HasPrefix(c.Address, "unix://") {
			if p := strings.TrimPrefix(c.Address, "unix://"); !filepath.IsAbs(p) {
				c.Address = "unix://" + filepath.Join(base, p)
			}
		}
		count[c.Type]++
	}
	seen := map[string]int{}
	for i := range cs {
		c := &cs[i]
		if c.Name != "" {
			continue
		}
		c.Name = c.Type
		if count[c.Type] > 1 {
			seen[c.Type]++
			c.Name = fmt.Sprintf("%s-%d", c.Type, seen[c.Type])
		}
	}
}

// A ConfigError is one thing wrong with an [[output]] section: Key is the key in
// the configuration ("output[1].url").
type ConfigError struct {
	Key, Message string
}

func (e *ConfigError) Error() string { return fmt.Sprintf("key %q: %s", e.Key, e.Message) }

// Validate checks the sections; every problem comes back, each naming its key.
func Validate(cs []Config) []error {
	var errs []error
	names := map[string]bool{}
	for i, c := range cs {
		key := fmt.Sprintf("output[%d]", i)
		bad := func(k, format string, args ...any) {
			errs = append(errs, &ConfigError{Key: key + k, Message: fmt.Sprintf(format, args...)})
		}
		if names[c.Name] {
			bad(".name", "two outputs are named %q", c.Name)
		}
		names[c.Name] = true
		if _, err := NewEncoder(c.Format, Product{}); err != nil {
			bad(".format", "%v", err)
		}
		if c.Queue < 0 || c.MaxAttempts < 0 {
			bad("", "queue and max_attempts must not be negative")
		}
		if c.MinSeverity != "" && signatures.Rank(signatures.Severities, c.MinSeverity) < 0 {
			bad(".min_severity", "must be low, medium, high or critical, got %q", c.MinSeverity)
		}
		switch c.Type {
		case TypeFile:
			if c.Path == "" {
				bad(".path", "a file output needs a path")
			}
		case TypeSyslog:
			if _, _, err := parseSyslogAddress(c.Address); err != nil {
				bad(".address", "%v", err)
			}
			if _, ok := facilities[cmp.Or(c.Facility, "local0")]; !ok {
				bad(".facility", "unknown syslog facility %q", c.Facility)
			}
		case TypeWebhook, TypeAlertmanager:
			u, err := url.Parse(c.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				bad(".url", "must be an http:// or https:// URL, got %q", c.URL)
			}
			if c.Type == TypeWebhook && c.Secret == "" && c.SecretFile == "" {
				bad(".secret", "a webhook needs secret or secret_file: the receiver checks the signature")
			}
			if c.SecretFile != "" {
				if _, err := os.ReadFile(c.SecretFile); err != nil {
					bad(".secret_file", "%v", err)
				}
			}
		default:
			bad(".type", "must be file, syslog, webhook or alertmanager, got %q", c.Type)
		}
		if c.CAFile != "" {
			if _, err := loadCAs(c.CAFile); err != nil {
				bad(".ca_file", "%v", err)
			}
		}
	}
	return errs
}
