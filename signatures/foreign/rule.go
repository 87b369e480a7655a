package foreign

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Rule is one converted rule, in the shape of the project's TOML.
type Rule struct {
	ID          string     `toml:"id"`
	Name        string     `toml:"name"`
	Category    string     `toml:"category"`
	Severity    string     `toml:"severity"`
	Confidence  string     `toml:"confidence,omitempty"`
	Description string     `toml:"description"`
	References  []string   `toml:"references,omitempty"`
	Traffic     []*Traffic `toml:"traffic,omitempty"`
	File        *File      `toml:"file,omitempty"`
}

// File is a rule's file section.
type File struct {
	Type      string     `toml:"type,omitempty"`
	Patterns  []*Pattern `toml:"patterns,omitempty"`
	Condition string     `toml:"condition,omitempty"`
	HashFiles []string   `toml:"hash_files,omitempty"`
	MaxSize   int64      `toml:"max_size,omitzero"`
}

// Pattern is one file pattern.
type Pattern struct {
	ID       string `toml:"id,omitempty"`
	Text     string `toml:"text,omitempty"`
	Hex      string `toml:"hex,omitempty"`
	Regex    string `toml:"regex,omitempty"`
	NoCase   bool   `toml:"nocase,omitempty"`
	Offset   int64  `toml:"offset,omitzero"`
	Depth    int64  `toml:"depth,omitzero"`
	Required bool   `toml:"required,omitempty"`
}

// Traffic is a rule's traffic section.
type Traffic struct {
	Transport     string     `toml:"transport,omitempty"`
	Ports         []int      `toml:"ports,omitzero"`
	Content       []*Content `toml:"content,omitempty"`
	TLSServerName *Names     `toml:"tls_server_name,omitempty"`
	DNSQuery      *Names     `toml:"dns_query,omitempty"`
	HTTPHost      *Names     `toml:"http_host,omitempty"`
	JA3           []string   `toml:"ja3,omitempty"`
}

// Content is a traffic content pattern.
type Content struct {
	Text      string `toml:"text,omitempty"`
	Hex       string `toml:"hex,omitempty"`
	NoCase    bool   `toml:"nocase,omitempty"`
	Offset    int    `toml:"offset,omitzero"`
	Depth     int    `toml:"depth,omitzero"`
	Direction string `toml:"direction,omitempty"`
}

// Names is a name condition.
type Names struct {
	Exact  []string `toml:"exact,omitempty"`
	Suffix []string `toml:"suffix,omitempty"`
	Regex  []string `toml:"regex,omitempty"`
}

// Problem is one construct of one rule that does not map: the rule is left out
// (Approximated false) or imported wider than written (Approximated true).
type Problem struct {
	File         string
	Line         int
	Rule         string // the rule's name in its own engine
	Message      string
	Approximated bool
}

func (p Problem) String() string {
	what := "not imported"
	if p.Approximated {
		what = "imported, approximated"
	}
	loc := p.File
	if p.Line > 0 {
		loc = fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s: %s %q: %s: %s", loc, engineOf(p.File), p.Rule, what, p.Message)
}

// Result is what a conversion made of one file.
type Result struct {
	File     string
	Seen     int // rules in the file
	Rules    []*Rule
	Problems []Problem
}

// Imported counts the rules imported, exactly or approximated.
func (r *Result) Imported() int { return len(r.Rules) }

// TOML renders the imported rules as a rule file, headed by a comment naming the
// source and every problem.
func (r *Result) TOML() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Imported by aupscan from %s (%s): %d of %d rules.\n", safe(baseName(r.File)), engineOf(r.File), len(r.Rules), r.Seen)
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "# %s\n", safe(p.String()))
	}
	for _, rule := range r.Rules {
		rule.Name, rule.Description = safe(rule.Name), safe(rule.Description)
		for i, ref := range rule.References {
			rule.References[i] = safe(ref)
		}
	}
	if len(r.Rules) == 0 {
		return b.Bytes()
	}
	b.WriteString("\n")
	enc := toml.NewEncoder(&b)
	enc.Indent = ""
	// Encoding plain structs of strings, numbers and slices cannot fail.
	_ = enc.Encode(struct {
		Rules []*Rule `toml:"rule"`
	}{r.Rules})
	return b.Bytes()
}

// safe makes a string fit for a TOML comment or value: valid UTF-8, control
// characters as '?'. The names of other engines' rules are anyone's bytes.
func safe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
}

// engineOf names the engine of a file by its extension.
func engineOf(file string) string {
	switch ext(file) {
	case ".yar", ".yara":
		return "YARA"
	case ".ndb", ".ldb", ".hdb", ".hsb":
		return "ClamAV"
	case ".rules":
		return "Suricata"
	}
	return "unknown"
}

func ext(file string) string {
	if i := strings.LastIndexByte(file, '.'); i >= 0 && !strings.ContainsRune(file[i:], '/') {
		return strings.ToLower(file[i:])
	}
	return ""
}

func baseName(file string) string {
	if i := strings.LastIndexByte(file, '/'); i >= 0 {
		return file[i+1:]
	}
	return file
}

var idUnsafe = regexp.MustCompile(`[^a-z0-9._-]+`)

// ruleID makes a rule id of the project's form from an engine prefix and a name.
func ruleID(prefix, name string) string {
	id := strings.Trim(idUnsafe.ReplaceAllString(strings.ToLower(name), "-"), "-._")
	if id == "" {
		id = "unnamed"
	}
	return prefix + "." + id
}

// categoryOf guesses the project's category from a rule's name and words: the
// categories this project polices; anything else is malware.
func categoryOf(words string) string {
	w := strings.ToLower(words)
	switch {
	case strings.Contains(w, "coinminer"), strings.Contains(w, "miner"), strings.Contains(w, "mining"),
		strings.Contains(w, "stratum"), strings.Contains(w, "xmrig"), strings.Contains(w, "monero"):
		return "mining"
	case regexp.MustCompile(`\btor\b|\.onion|onion router`).MatchString(w):
		return "tor"
	case strings.Contains(w, "vpn"), strings.Contains(w, "wireguard"), strings.Contains(w, "openvpn"):
		return "vpn"
	case strings.Contains(w, "proxy"), strings.Contains(w, "socks"):
		return "proxy"
	case strings.Contains(w, "tunnel"), strings.Contains(w, "ngrok"):
		return "tunnel"
	case strings.Contains(w, "teamviewer"), strings.Contains(w, "anydesk"), strings.Contains(w, "vnc"),
		strings.Contains(w, "remote desktop"), strings.Contains(w, "rdp"):
		return "remote-access"
	}
	return "malware"
}
