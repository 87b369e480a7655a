package feed

import (
	"encoding/hex"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"aead.dev/minisign"

	"github.com/aupscan/aupscan/internal/units"
	"github.com/aupscan/aupscan/signatures"
)

// Feed formats, as [[feed]] format names them.
const (
	FormatTorConsensus     = "tor-consensus"      // a consensus document: its r and a lines
	FormatTorExitAddresses = "tor-exit-addresses" // TorDNSEL's exit-addresses
	FormatTorBulkExitList  = "tor-bulk-exit-list" // one exit address a line
	FormatOnionoo          = "onionoo"            // an Onionoo details document (JSON)
	FormatIPList           = "ip-list"            // addresses and CIDR ranges, '#' comments (FireHOL, Spamhaus)
	FormatClamAVHash       = "clamav-hash"        // ClamAV .hdb or .hsb: HASH:SIZE:NAME
	FormatSHA256Sum        = "sha256sum"          // sha256sum output
	FormatHashList         = "hash-list"          // one hash a line
)

// Formats are the feed formats, for messages.
var Formats = []string{FormatTorConsensus, FormatTorExitAddresses, FormatTorBulkExitList, FormatOnionoo, FormatIPList,
	FormatClamAVHash, FormatSHA256Sum, FormatHashList}

// Config is one [[feed]] section.
type Config struct {
	// Name names the feed in logs, metrics and `aupscan rules update NAME`;
	// default: the destination's file name.
	Name string `toml:"name"`
	// URL is where the feed is: http://, https:// or file://.
	URL string `toml:"url"`
	// Format is what the feed holds (Formats): the file is parsed as that and
	// refused when it is not.
	Format string `toml:"format"`
	// Destination is the list file written, relative to the configuration's
	// folder: the file a rule's address_files or hash_files names.
	Destination string `toml:"destination"`

	// SHA256 pins the content: a file of another digest is refused.
	SHA256 string `toml:"sha256"`
	// MinisignKey is the publisher's minisign public key ("RW..."): the feed must
	// come with a signature that verifies, at SignatureURL (default URL +
	// ".minisig").
	MinisignKey  string `toml:"minisign_key"`
	SignatureURL string `toml:"signature_url"`

	// Interval is how often the daemon fetches the feed; default 1h, at least 1m.
	Interval units.Duration `toml:"interval"`
	// MaxSize refuses a larger file (default 64MiB); Timeout bounds a fetch
	// (default 60s).
	MaxSize units.Size     `toml:"max_size"`
	Timeout units.Duration `toml:"timeout"`
	// MinEntries refuses a file with fewer entries (default 1): an empty or
	// truncated list would quietly stop every finding it makes.
	MinEntries int `toml:"min_entries"`
	// CAFile is a PEM file of CAs trusted for https (default: the system's).
	CAFile string `toml:"ca_file"`
}

// Resolve makes the relative paths of cs absolute against base (the configuration
// file's folder) and fills in the names; call it before Validate.
func Resolve(cs []Config, base string) {
	for i := range cs {
		c := &cs[i]
		for _, p := range []*string{&c.Destination, &c.CAFile} {
			if *p != "" && !filepath.IsAbs(*p) {
				*p = filepath.Join(base, *p)
			}
		}
		// "file:lists/relays.txt" is relative to the configuration's folder.
		if u, err := url.Parse(c.URL); err == nil && u.Scheme == "file" && u.Opaque != "" {
			c.URL = "file://" + filepath.Join(base, u.Opaque)
		}
		if c.Name == "" && c.Destination != "" {
			c.Name = strings.TrimSuffix(filepath.Base(c.Destination), filepath.Ext(c.Destination))
		}
	}
}

// A ConfigError is one thing wrong with a [[feed]] section; Key names it
// ("feed[0].url").
type ConfigError struct{ Key, Message string }

func (e *ConfigError) Error() string { return fmt.Sprintf("key %q: %s", e.Key, e.Message) }

var nameRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Validate checks the sections; every problem comes back, each naming its key.
func Validate(cs []Config) []error {
	var errs []error
	names, dests := map[string]bool{}, map[string]bool{}
	for i, c := range cs {
		key := fmt.Sprintf("feed[%d]", i)
		bad := func(k, format string, args ...any) {
			errs = append(errs, &ConfigError{Key: key + k, Message: fmt.Sprintf(format, args...)})
		}
		if !nameRe.MatchString(c.Name) {
			bad(".name", "name must be letters, digits, '.', '_' or '-', got %q", c.Name)
		} else if names[c.Name] {
			bad(".name", "two feeds are named %q", c.Name)
		}
		names[c.Name] = true
		u, err := url.Parse(c.URL)
		switch {
		case err != nil:
			bad(".url", "%v", err)
		case u.Scheme == "file" && u.Path != "":
		case (u.Scheme == "http" || u.Scheme == "https") && u.Host != "":
		default:
			bad(".url", "must be an http://, https:// or file:// URL, got %q", c.URL)
		}
		if !validFormat(c.Format) {
			bad(".format", "must be one of %s, got %q", strings.Join(Formats, ", "), c.Format)
		}
		if c.Destination == "" {
			bad(".destination", "a feed needs the list file it writes")
		} else if dests[c.Destination] {
			bad(".destination", "two feeds write %s", c.Destination)
		}
		dests[c.Destination] = true
		if c.SHA256 != "" {
			if b, err := hex.DecodeString(c.SHA256); err != nil || len(b) != 32 {
				bad(".sha256", "must be 64 hex digits, got %q", c.SHA256)
			}
		}
		if c.MinisignKey != "" {
			var k minisign.PublicKey
			if err := k.UnmarshalText([]byte(c.MinisignKey)); err != nil {
				bad(".minisign_key", "not a minisign public key: %v", err)
			}
		} else if c.SignatureURL != "" {
			bad(".signature_url", "a signature needs minisign_key to be checked with")
		}
		if c.Interval != 0 && c.Interval.Or(0) < 60e9 {
			bad(".interval", "must be 1m or more, got %s", c.Interval)
		}
		if c.MaxSize < 0 || c.MinEntries < 0 || c.Timeout < 0 {
			bad("", "max_size, min_entries and timeout must not be negative")
		}
	}
	return errs
}

func validFormat(f string) bool { return slices.Contains(Formats, f) }

// listFormat is the signatures list format of an address feed format, "" for a
// hash feed.
func listFormat(f string) string {
	switch f {
	case FormatTorConsensus:
		return signatures.ListTorConsensus
	case FormatTorExitAddresses:
		return signatures.ListTorExitAddresses
	case FormatOnionoo:
		return signatures.ListOnionoo
	case FormatTorBulkExitList, FormatIPList:
		return signatures.ListPlain
	}
	return ""
}
