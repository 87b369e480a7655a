// Package signatures owns the rule format: the TOML files operators write, their
// loading with exact errors, the compiled matching primitives every engine shares
// (multi-pattern matcher, hash sets, name and address matchers), the built-in rules
// (embedded as one masked bundle) and the rule database that hot-reloads them.
//
// Loading takes two steps, as gitleaks does: decode each file into the plain structs of
// this file, then validate and compile them into an immutable Set.
package signatures

// ruleFile is one TOML rule file as decoded.
type ruleFile struct {
	Rules   []*Rule   `toml:"rule" json:"rule,omitempty"`
	Disable []Disable `toml:"disable" json:"disable,omitempty"`
}

// A Rule is one signature as written in TOML. The keys beyond the contract's five
// (id, name, category, severity, description) say what the rule looks for; each
// section is read by the engine that owns it (traffic, file, config, package, process), and a
// rule matches when any of its sections matches.
type Rule struct {
	ID          string   `toml:"id" json:"id,omitempty"`
	Name        string   `toml:"name" json:"name,omitempty"`
	Category    string   `toml:"category" json:"category,omitempty"`
	Severity    string   `toml:"severity" json:"severity,omitempty"`
	Description string   `toml:"description" json:"description,omitempty"`
	Confidence  string   `toml:"confidence" json:"confidence,omitempty"` // of a finding this rule makes; default medium
	References  []string `toml:"references" json:"references,omitempty"`
	// Program names the program the rule is about ("Xray"), the same on every rule
	// about it (program, traffic, configuration), so the catalog is made from the
	// rules; Homepage is that program's home, given on one of them (catalog.go).
	Program  string `toml:"program" json:"program,omitempty"`
	Homepage string `toml:"homepage" json:"homepage,omitempty"`
	// L10n holds the name and description in other languages, by locale
	// ([rule.l10n.zh-CN]): tenants' notices in that locale use them (l10n.go).
	L10n map[string]*Localized `toml:"l10n" json:"l10n,omitempty"`

	// Traffic sections are alternatives: the rule matches a flow when every condition
	// of at least one section holds.
	Traffic []*Traffic `toml:"traffic" json:"traffic,omitempty"`
	File    *FileCond  `toml:"file" json:"file,omitempty"`
	Package *Package   `toml:"package" json:"package,omitempty"`
	Process *Process   `toml:"process" json:"process,omitempty"`
	// Container names container images by repository (container.go).
	Container *Container `toml:"container" json:"container,omitempty"`
	// Config sections are alternatives, like traffic sections (configcond.go).
	Config []*ConfigCond `toml:"config" json:"config,omitempty"`

	// Match and NoMatch are examples the rule must and must not match.
	Match   []*Example `toml:"match" json:"match,omitempty"`
	NoMatch []*Example `toml:"nomatch" json:"nomatch,omitempty"`

	// Origin says where the rule was loaded from; set by the loader.
	Origin Origin `toml:"-" json:"origin"`
}

// Origin is where a rule was read: its file, the line of its id, and whether it is
// part of the built-in rules embedded in the binary.
type Origin struct {
	File    string
	Line    int
	Builtin bool
	// Dir resolves the relative paths the rule names (list files, example files).
	Dir string
}

// Disable turns off rules by id in an operator folder. The id may end in "*" to
// disable every rule whose id starts with what comes before it.
type Disable struct {
	ID     string `toml:"id" json:"id,omitempty"`
	Reason string `toml:"reason" json:"reason,omitempty"`
}

// Traffic is a conjunction of conditions on one flow.
type Traffic struct {
	// Fingerprint names a protocol fingerprint built into the traffic scanner.
	Fingerprint string `toml:"fingerprint" json:"fingerprint,omitempty"`
	// Transport limits the section to "tcp" or "udp"; empty means either.
	Transport string `toml:"transport" json:"transport,omitempty"`
	// Ports qualify another condition: the server port must be one of them. A section
	// whose only condition is a port is an error: a port alone is never a violation.
	Ports []int `toml:"ports" json:"ports,omitempty"`

	Content []*Content `toml:"content" json:"content,omitempty"`

	ServerName      *Names `toml:"server_name" json:"server_name,omitempty"` // any of SNI, DNS query, HTTP host, certificate
	TLSServerName   *Names `toml:"tls_server_name" json:"tls_server_name,omitempty"`
	CertificateName *Names `toml:"certificate_name" json:"certificate_name,omitempty"`
	CertIssuer      *Names `toml:"certificate_issuer" json:"certificate_issuer,omitempty"`
	DNSQuery        *Names `toml:"dns_query" json:"dns_query,omitempty"`
	HTTPHost        *Names `toml:"http_host" json:"http_host,omitempty"`

	JA3 []string `toml:"ja3" json:"ja3,omitempty"`
	JA4 []string `toml:"ja4" json:"ja4,omitempty"`

	Addresses    []string `toml:"addresses" json:"addresses,omitempty"`         // CIDR or single addresses
	AddressFiles []string `toml:"address_files" json:"address_files,omitempty"` // one address or CIDR a line

	compiled trafficCompiled
}

// Content is a byte pattern looked for in the first payloads of a flow.
type Content struct {
	Text      string `toml:"text" json:"text,omitempty"`
	Hex       string `toml:"hex" json:"hex,omitempty"`
	NoCase    bool   `toml:"nocase" json:"nocase,omitempty"`
	Offset    int    `toml:"offset" json:"offset,omitempty"`       // first payload byte where the pattern may start
	Depth     int    `toml:"depth" json:"depth,omitempty"`         // bytes from Offset the pattern must lie within; 0: to the end
	Direction string `toml:"direction" json:"direction,omitempty"` // "client" (to server), "server", or empty for either

	compiled compiledPattern
}

// Names matches host names: exactly, by domain suffix (the name itself or any name
// under it), or by a regular expression matched against the whole name.
type Names struct {
	Exact       []string `toml:"exact" json:"exact,omitempty"`
	Suffix      []string `toml:"suffix" json:"suffix,omitempty"`
	Regex       []string `toml:"regex" json:"regex,omitempty"`
	SuffixFiles []string `toml:"suffix_files" json:"suffix_files,omitempty"` // one domain a line

	set *NameSet
}

// FileCond matches files: their hashes, their content, the Go modules they were built
// from, and for configuration files their path.
type FileCond struct {
	// Type scopes content patterns: "any" (default), "elf", "script" or "text".
	Type string `toml:"type" json:"type,omitempty"`
	// Paths makes this a configuration rule: only files whose path matches one of these
	// globs are examined, and findings are of kind config.
	Paths []string `toml:"paths" json:"paths,omitempty"`

	Patterns []*Pattern `toml:"patterns" json:"patterns,omitempty"`
	// Condition says how many patterns must match: "any" (default), "all" or "N of".
	Condition string `toml:"condition" json:"condition,omitempty"`

	Hashes    []string `toml:"hashes" json:"hashes,omitempty"`                   // SHA-256, SHA-1 or MD5, hex
	HashFiles []string `toml:"hash_files" json:"hash_files,omitempty"`           // one hash a line, sha256sum format accepted
	GoModules []string `toml:"go_modules" json:"go_modules,omitempty"`           // main module path of a Go binary (or below)
	GoDeps    []string `toml:"go_dependencies" json:"go_dependencies,omitempty"` // a dependency's module path (or below)
	MaxSize   int64    `toml:"max_size" json:"max_size,omitempty"`               // skip the rule for larger files; 0: no limit
	// Fallback makes the section count only when no other rule's file section
	// matched the same file: a rule for what is not yet named (a program built on a
	// known core) gives way to the rule that names it.
	Fallback bool `toml:"fallback" json:"fallback,omitempty"`

	compiled fileCompiled
}

// Pattern is one content condition of a file rule: exactly one of Text, Hex or Regex.
type Pattern struct {
	ID     string `toml:"id" json:"id,omitempty"` // optional name, shown in evidence
	Text   string `toml:"text" json:"text,omitempty"`
	Hex    string `toml:"hex" json:"hex,omitempty"` // bytes in hex; "??" is any byte; spaces ignored
	Regex  string `toml:"regex" json:"regex,omitempty"`
	NoCase bool   `toml:"nocase" json:"nocase,omitempty"`
	// Offset and Depth place a text or hex pattern, as for traffic content: it
	// starts at Offset or later and lies within Depth bytes from Offset (0: to the
	// end of the file). A magic number is offset = 0 with depth its length.
	Offset int64 `toml:"offset" json:"offset,omitempty"`
	Depth  int64 `toml:"depth" json:"depth,omitempty"`
	// Required patterns must match whatever the condition says; the condition
	// counts the others ("a magic number and 2 of these strings").
	Required bool `toml:"required" json:"required,omitempty"`

	compiled compiledPattern
}

// Package matches installed packages by name: for every manager, or per manager.
type Package struct {
	Names []string `toml:"names" json:"names,omitempty"`
	Dpkg  []string `toml:"dpkg" json:"dpkg,omitempty"`
	RPM   []string `toml:"rpm" json:"rpm,omitempty"`
	APK   []string `toml:"apk" json:"apk,omitempty"`
}

// Process matches running programs by executable name. ListenPorts qualify the names:
// the process must listen on one of them.
type Process struct {
	Names       []string `toml:"names" json:"names,omitempty"`
	ListenPorts []int    `toml:"listen_ports" json:"listen_ports,omitempty"`
}

// Example is a sample a rule must (Match) or must not (NoMatch) match. Exactly one
// subject is set; the engine that owns that kind of subject runs it.
type Example struct {
	Text    string `toml:"text" json:"text,omitempty"`       // file content, or a traffic payload
	Hex     string `toml:"hex" json:"hex,omitempty"`         // the same, in hex
	File    string `toml:"file" json:"file,omitempty"`       // a file, relative to the rule file's folder
	Name    string `toml:"name" json:"name,omitempty"`       // a host name for the name conditions
	Address string `toml:"address" json:"address,omitempty"` // an IP address for the address conditions
	Path    string `toml:"path" json:"path,omitempty"`       // the path a configuration sample is found at
	Package string `toml:"package" json:"package,omitempty"` // "MANAGER NAME" for package conditions
	Process string `toml:"process" json:"process,omitempty"` // an executable name for process conditions
	Capture string `toml:"capture" json:"capture,omitempty"` // a pcap or pcapng file, relative like File
	Image   string `toml:"image" json:"image,omitempty"`     // a container image reference for container conditions
	// Definition is a container definition file's text (a compose file, a podman
	// quadlet, a Kubernetes manifest; Path says which) for container conditions.
	Definition string `toml:"definition" json:"definition,omitempty"`
	// Sample is a real program fetched by the test command rather than shipped:
	// "deb:PACKAGE:/path/in/package" or "go:MODULE/PKG@VERSION" (see samples.go).
	Sample string `toml:"sample" json:"sample,omitempty"`
	Port   int    `toml:"port" json:"port,omitempty"` // the server port of a payload example
	Note   string `toml:"note" json:"note,omitempty"` // why this example is here
}
