package signatures

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Configuration formats a [[rule.config]] section reads with a parser, never by
// searching text (scanner/config holds the readers).
const (
	FormatJSON      = "json"      // JSON, with // and /* */ comments and trailing commas
	FormatYAML      = "yaml"      // YAML 1.2, the first document of a stream
	FormatTOML      = "toml"      // TOML 1.0
	FormatINI       = "ini"       // [Section] and key = value lines; keys in any case
	FormatDirective = "directive" // "key value" lines (squid, torrc, OpenVPN...); keys in any case
)

// ConfigFormats are the formats a config section may name.
var ConfigFormats = []string{FormatJSON, FormatYAML, FormatTOML, FormatINI, FormatDirective}

// ConfigJudges name the judges built into the configuration engine (scanner/config):
// Go code for the formats whose meaning keys alone cannot say (squid's ordered access
// rules, torrc's ORPort flags...). Its tests keep the two lists equal.
var ConfigJudges = []string{"dante", "openvpn", "privoxy", "squid", "tinyproxy", "tor"}

// Roles a config section gives its findings.
const (
	ConfigServer = "server" // serves others: it must listen beyond loopback
	ConfigClient = "client" // its use alone is the finding (a miner's pool): no listening needed
)

// ConfigCond is one [[rule.config]] section: a program's configuration file, found by
// its path, read with a real parser for its format and judged by what it means:
// whether it sets up a server that listens beyond loopback. Several sections of a
// rule are alternatives. A section either names a judge or says, in keys, what makes
// a server (When), where it listens (Listen, ListenDefault) and on which port.
type ConfigCond struct {
	// Paths are globs as [rule.file] paths have them, "!" excluding.
	Paths []string `toml:"paths" json:"paths,omitempty"`
	// Format is one of ConfigFormats; empty when Judge is set (the judge knows it).
	Format string `toml:"format" json:"format,omitempty"`
	// Judge names one of ConfigJudges.
	Judge string `toml:"judge" json:"judge,omitempty"`
	// Contains are strings one of which the file must hold before it is parsed: a cheap
	// filter for sections whose paths are broad ("**/*.json").
	Contains []string `toml:"contains" json:"contains,omitempty"`

	// Each is a list in the document whose elements are judged one by one (a proxy's
	// inbounds); the other keys are then relative to an element. Empty: the document.
	Each string `toml:"each" json:"each,omitempty"`
	// When are tests that must all hold for the element to be a server (or, for
	// role client, a finding).
	When []*ConfigTest `toml:"when" json:"when,omitempty"`
	// Listen is the key of the listening address (a string or a list of them, host or
	// host:port); ListenDefault is the address when the key is absent.
	Listen        string `toml:"listen" json:"listen,omitempty"`
	ListenDefault string `toml:"listen_default" json:"listen_default,omitempty"`
	// Port is the key of the listening port; PortDefault the port when absent.
	Port        string `toml:"port" json:"port,omitempty"`
	PortDefault int    `toml:"port_default" json:"port_default,omitempty"`
	// Role is ConfigServer (the default) or ConfigClient.
	Role string `toml:"role" json:"role,omitempty"`

	compiled configCompiled
}

// ConfigTest is one condition of a config section on a key: equals (a string, number
// or boolean), in (a list of them), regex (matched against the whole value) or
// exists; not turns it around. A key that holds several values (a list, a "[*]")
// passes when any value does; with not, when none does.
type ConfigTest struct {
	Key    string `toml:"key" json:"key,omitempty"`
	Equals any    `toml:"equals" json:"equals,omitempty"`
	In     []any  `toml:"in" json:"in,omitempty"`
	Regex  string `toml:"regex" json:"regex,omitempty"`
	Exists *bool  `toml:"exists" json:"exists,omitempty"`
	Not    bool   `toml:"not" json:"not,omitempty"`

	path   KeyPath
	values []string
	re     *regexp.Regexp
}

type configCompiled struct {
	globs              globSet
	each, listen, port KeyPath
	contains           [][]byte
	lowerKeys          bool
}

// MatchPath reports whether the section applies to path (slash-separated from the
// scan root): one of its globs matches and none of its exclusions does.
func (c *ConfigCond) MatchPath(path string) bool { return c.compiled.globs.match(path) }

// ExcludesPath reports whether one of the section's "!" exclusions matches path: an
// archive under an excluded folder keeps its members out too (see FileCond's).
func (c *ConfigCond) ExcludesPath(path string) bool { return c.compiled.globs.excludes(path) }

// RoleName returns the section's role: ConfigServer unless it says client.
func (c *ConfigCond) RoleName() string { return or(c.Role, ConfigServer) }

// EachPath, ListenPath and PortPath return the compiled keys (zero when unset), in
// lower case for INI and directive files.
func (c *ConfigCond) EachPath() KeyPath   { return c.compiled.each }
func (c *ConfigCond) ListenPath() KeyPath { return c.compiled.listen }
func (c *ConfigCond) PortPath() KeyPath   { return c.compiled.port }

// ContainsBytes returns the strings of Contains as bytes, for the file matcher.
func (c *ConfigCond) ContainsBytes() [][]byte { return c.compiled.contains }

// Path returns the test's compiled key.
func (t *ConfigTest) Path() KeyPath { return t.path }

// Values returns the values equals or in compare with, as text: numbers in decimal,
// booleans as true or false. Nil for exists and regex tests.
func (t *ConfigTest) Values() []string { return t.values }

// Regexp returns the compiled regex, anchored at both ends, or nil.
func (t *ConfigTest) Regexp() *regexp.Regexp { return t.re }

// Presence reports whether the test is about the key being there at all (exists),
// and for exists = false it is negated.
func (t *ConfigTest) Presence() bool { return t.Exists != nil }

// Negated reports whether the test passes when its condition does not hold: not, or
// exists = false (both at once cancel out).
func (t *ConfigTest) Negated() bool { return t.Not != (t.Exists != nil && !*t.Exists) }

func compileConfig(c *ConfigCond, key string, rp ruleProblems) {
	c.compiled.globs = compileGlobList(c.Paths, key+".paths", rp)
	if len(c.compiled.globs.paths) == 0 {
		rp.errorf(key+".paths", "a config section needs paths: configuration files are found by their path")
	}
	switch {
	case c.Judge != "" && c.Format != "":
		rp.errorf(key+".format", "set format or judge, not both: a judge reads its own format")
	case c.Judge != "":
		if !slices.Contains(ConfigJudges, c.Judge) {
			rp.errorf(key+".judge", "unknown judge %q (one of %s)", c.Judge, strings.Join(ConfigJudges, ", "))
		}
		if c.Each != "" || len(c.When) > 0 || c.Listen != "" || c.ListenDefault != "" || c.Port != "" || c.PortDefault != 0 || c.Role != "" {
			rp.errorf(key+".judge", "a judge decides alone: each, when, listen, listen_default, port, port_default and role go with format")
		}
	case slices.Contains(ConfigFormats, c.Format):
		c.compiled.lowerKeys = c.Format == FormatINI || c.Format == FormatDirective
		compileConfigKeys(c, key, rp)
	case c.Format == "":
		rp.errorf(key+".format", "a config section needs a format (%s) or a judge", strings.Join(ConfigFormats, ", "))
	default:
		rp.errorf(key+".format", "unknown format %q (one of %s)", c.Format, strings.Join(ConfigFormats, ", "))
	}
	for i, s := range c.Contains {
		if s == "" {
			rp.errorf(fmt.Sprintf("%s.contains[%d]", key, i), "an empty string")
			continue
		}
		c.compiled.contains = append(c.compiled.contains, []byte(s))
	}
}

// compileConfigKeys checks the keys of a section judged by keys.
func compileConfigKeys(c *ConfigCond, key string, rp ruleProblems) {
	path := func(k, s string) KeyPath {
		if s == "" {
			return KeyPath{}
		}
		p, err := ParseKeyPath(s)
		if err != nil {
			rp.errorf(key+"."+k, "%v", err)
		}
		if c.compiled.lowerKeys {
			p = p.Lower()
		}
		return p
	}
	c.compiled.each = path("each", c.Each)
	c.compiled.listen = path("listen", c.Listen)
	c.compiled.port = path("port", c.Port)
	for i, t := range c.When {
		compileConfigTest(t, fmt.Sprintf("%s.when[%d]", key, i), c.compiled.lowerKeys, rp)
	}
	if c.PortDefault < 0 || c.PortDefault > 65535 {
		rp.errorf(key+".port_default", "port %d is out of range 0-65535", c.PortDefault)
	}
	switch c.RoleName() {
	case ConfigServer:
		if c.Listen == "" && c.ListenDefault == "" {
			rp.errorf(key+".listen", "a server section needs listen (the key of its address) or listen_default: loopback-only servers are no finding")
		}
	case ConfigClient:
		if len(c.When) == 0 {
			rp.errorf(key+".when", "a client section needs when tests: otherwise every file at its paths is a finding")
		}
		if c.Listen != "" || c.ListenDefault != "" || c.Port != "" || c.PortDefault != 0 {
			rp.errorf(key+".role", "a client section listens nowhere: drop listen, listen_default, port and port_default")
		}
	default:
		rp.errorf(key+".role", "role must be server or client, got %q", c.Role)
	}
}

func compileConfigTest(t *ConfigTest, key string, lower bool, rp ruleProblems) {
	p, err := ParseKeyPath(t.Key)
	if err != nil {
		rp.errorf(key+".key", "%v", err)
	}
	if lower {
		p = p.Lower()
	}
	t.path = p
	ops := 0
	if t.Equals != nil {
		ops++
		t.values = append(t.values, scalarText(t.Equals, key+".equals", rp))
	}
	if t.In != nil {
		ops++
		if len(t.In) == 0 {
			rp.errorf(key+".in", "an empty list matches nothing")
		}
		for _, v := range t.In {
			t.values = append(t.values, scalarText(v, key+".in", rp))
		}
	}
	if t.Regex != "" {
		ops++
		if t.re, err = regexp.Compile(`^(?:` + t.Regex + `)$`); err != nil {
			rp.errorf(key+".regex", "%v", err)
		}
	}
	if t.Exists != nil {
		ops++
	}
	if ops != 1 {
		rp.errorf(key, "a test needs exactly one of equals, in, regex and exists; it has %d", ops)
	}
}

// scalarText writes a TOML scalar the way documents are compared: strings as they
// are, numbers in decimal, booleans as true or false.
func scalarText(v any, key string, rp ruleProblems) string {
	switch v := v.(type) {
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	rp.errorf(key, "want a string, number or boolean, got %T", v)
	return ""
}

// globSet is a list of path globs with "!" exclusions, compiled.
type globSet struct {
	paths, notPaths []globMatcher
}

// compileGlobList compiles path globs as rules write them.
func compileGlobList(globs []string, key string, rp ruleProblems) globSet {
	var g globSet
	for _, s := range globs {
		neg := strings.HasPrefix(s, "!")
		m, err := compileGlob(strings.TrimPrefix(s, "!"))
		if err != nil {
			rp.errorf(key, "%v", err)
			continue
		}
		if neg {
			g.notPaths = append(g.notPaths, m)
		} else {
			g.paths = append(g.paths, m)
		}
	}
	if len(g.notPaths) > 0 && len(g.paths) == 0 {
		rp.errorf(key, "paths has only exclusions (\"!glob\"): add the globs they narrow")
	}
	return g
}

// match reports whether path matches a glob and no exclusion; an empty set matches
// everything.
func (g globSet) match(path string) bool {
	if len(g.paths) == 0 {
		return true
	}
	m := func(gm globMatcher) bool { return gm.match(path) }
	return slices.ContainsFunc(g.paths, m) && !slices.ContainsFunc(g.notPaths, m)
}

// excludes reports whether an exclusion matches path.
func (g globSet) excludes(path string) bool {
	return slices.ContainsFunc(g.notPaths, func(gm globMatcher) bool { return gm.match(path) })
}

// configConditions describes a config section for `aupscan rules show`.
func configConditions(c *ConfigCond) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	add("at %s", strings.Join(c.Paths, ", "))
	if len(c.Contains) > 0 {
		add("holding %q", c.Contains)
	}
	if c.Judge != "" {
		add("judged by the %s judge", c.Judge)
		return out
	}
	add("read as %s", c.Format)
	if c.Each != "" {
		add("each element of %s", c.Each)
	}
	for _, t := range c.When {
		add("where %s", t.describe())
	}
	if c.RoleName() == ConfigClient {
		add("role client: a finding whenever the tests hold")
		return out
	}
	where := "at " + or(c.Listen, "-")
	if c.ListenDefault != "" {
		where += " (absent: " + c.ListenDefault + ")"
	}
	if c.Port != "" || c.PortDefault != 0 {
		where += ", port at " + or(c.Port, "-")
		if c.PortDefault != 0 {
			where += fmt.Sprintf(" (absent: %d)", c.PortDefault)
		}
	}
	add("listening beyond loopback %s", where)
	return out
}

func (t *ConfigTest) describe() string {
	var s string
	switch {
	case t.Exists != nil:
		s = t.Key + " is set"
		if !*t.Exists {
			s = t.Key + " is absent"
		}
	case t.Regex != "":
		s = fmt.Sprintf("%s matches /%s/", t.Key, t.Regex)
	case len(t.values) == 1:
		s = fmt.Sprintf("%s is %q", t.Key, t.values[0])
	default:
		s = fmt.Sprintf("%s is one of %q", t.Key, t.values)
	}
	if t.Not {
		return "not (" + s + ")"
	}
	return s
}
