package notify

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/aupscan/aupscan/notify/libvirt"
	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// Config is the notifier's whole configuration. It decodes from its own TOML file
// (LoadConfig) or from a sub-table of a larger daemon file (DecodeConfig).
type Config struct {
	// Database holds cases, audit, outbox and actions: a SQLite file, or a
	// postgres:// (postgresql://) URL, for several managers sharing one database. The
	// URL may leave out the password (and host, user, TLS files): the PG* environment
	// variables (PGPASSWORD, PGPASSFILE, ...) and ~/.pgpass supply them.
	Database string `toml:"database"`
	// Templates is a folder whose files override the embedded notice templates.
	Templates  string            `toml:"templates"`
	Policy     Policy            `toml:"policy"`
	Tenants    []Tenant          `toml:"tenant"`
	Exemptions []store.Exemption `toml:"exemption"`
	Mail       mail.Config       `toml:"mail"`
	Hook       Hook              `toml:"action"`
}

// A Tenant is a customer whose hosts are scanned, with the people to notify.
type Tenant struct {
	ID    string   `toml:"id"`
	Name  string   `toml:"name"`
	Hosts []string `toml:"hosts"`
	// Contacts all receive every notice of the tenant.
	Contacts []mail.Contact `toml:"contact"`
	// Locale of the notices: "en" or "zh-CN".
	Locale string `toml:"locale"`
	// TimeZone is an IANA zone name; deadlines are computed and shown in it.
	TimeZone string `toml:"time_zone"`
	// Clause is the text of the policy clause the tenant agreed to, quoted in notices.
	Clause string `toml:"clause"`

	loc *time.Location
}

// addressee is the tenant as its notices show it.
func (t *Tenant) addressee() mail.Addressee {
	return mail.Addressee{ID: t.ID, Name: t.Name, Locale: t.Locale, Location: t.Location(), Clause: t.Clause,
		Contacts: t.Contacts}
}

// Location returns the tenant's time zone (UTC until the configuration is validated).
func (t *Tenant) Location() *time.Location {
	if t.loc == nil {
		return time.UTC
	}
	return t.loc
}

// Hook is the suspension action: a command that reads a JSON document on stdin, a
// webhook that receives it in an HTTP POST signed with HMAC-SHA256, or the host's
// virtual machine suspended through libvirt.
type Hook struct {
	Command    []string       `toml:"command"`
	Webhook    string         `toml:"webhook"`
	Secret     string         `toml:"secret"`
	SecretFile string         `toml:"secret_file"`
	Libvirt    libvirt.Config `toml:"libvirt"`
	Timeout    Duration       `toml:"timeout"`
	Backoff    Duration       `toml:"backoff"`
	MaxBackoff Duration       `toml:"max_backoff"`
	// Lease is how long a runner's claim on an action lasts (store.DefaultLease unless
	// set): after a manager dies mid-action, how long until another may run it.
	Lease Duration `toml:"lease"`
}

// A ConfigError is a configuration mistake, located as precisely as it can be.
type ConfigError struct {
	File string
	Line int    // 0 when unknown
	Key  string // the offending key, when there is one
	Msg  string
}

// Error formats the mistake as FILE:LINE: KEY: MESSAGE.
func (e *ConfigError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		fmt.Fprintf(&b, ": %s", e.Key)
	}
	fmt.Fprintf(&b, ": %s", e.Msg)
	return b.String()
}

// LoadConfig reads, decodes and validates the notifier configuration file at path.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("notify config: %w", err)
	}
	var c Config
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		return nil, parseError(path, err)
	}
	if err := undecoded(path, string(data), md, nil); err != nil {
		return nil, err
	}
	return &c, c.Validate(path)
}

// DecodeConfig decodes and validates the notifier configuration held in a sub-table
// of a larger file: prim is that table, md the file's metadata, prefix the table's key
// (for example "notify"), data the file's text (to locate unknown keys; may be empty).
func DecodeConfig(path, data string, md toml.MetaData, prim toml.Primitive, prefix ...string) (*Config, error) {
	var c Config
	if err := md.PrimitiveDecode(prim, &c); err != nil {
		return nil, parseError(path, err)
	}
	if err := undecoded(path, data, md, prefix); err != nil {
		return nil, err
	}
	return &c, c.Validate(path)
}

func parseError(path string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &ConfigError{File: path, Line: pe.Position.Line, Msg: pe.Message}
	}
	return &ConfigError{File: path, Msg: err.Error()}
}

// undecoded reports the first key under prefix that no field took: a typo must not
// silently leave a default in force.
func undecoded(path, data string, md toml.MetaData, prefix []string) error {
	var keys []string
	for _, k := range md.Undecoded() {
		if len(k) < len(prefix) || !samePrefix(k, prefix) {
			continue
		}
		keys = append(keys, k.String())
	}
	if len(keys) == 0 {
		return nil
	}
	last := keys[0][strings.LastIndexByte(keys[0], '.')+1:]
	msg := "unknown key"
	if len(keys) > 1 {
		msg = fmt.Sprintf("unknown key (and %d more: %s)", len(keys)-1, strings.Join(keys[1:], ", "))
	}
	return &ConfigError{File: path, Line: keyLine(data, last), Key: keys[0], Msg: msg}
}

func samePrefix(k toml.Key, prefix []string) bool {
	for i, p := range prefix {
		if k[i] != p {
			return false
		}
	}
	return true
}

// keyLine finds the first line that assigns key or opens a table named key: the toml
// decoder keeps no positions for keys, and a line number is what a person needs.
func keyLine(data, key string) int {
	for i, line := range strings.Split(data, "\n") {
		l := strings.TrimSpace(line)
		if strings.HasPrefix(l, key) {
			rest := strings.TrimSpace(l[len(key):])
			if strings.HasPrefix(rest, "=") {
				return i + 1
			}
		}
		if strings.HasPrefix(l, "[") && strings.Contains(l, key) {
			return i + 1
		}
	}
	return 0
}
