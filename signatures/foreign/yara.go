package foreign

import (
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// yaraString is one entry of a YARA rule's strings section.
type yaraString struct {
	id    string // without the $
	kind  byte   // 't' text, 'h' hex, 'r' regex
	value string // text unescaped, hex as written, regex source
	flags string // regex flags (i, s)
	mods  map[string]bool
	line  int
}

// yaraRule is one rule as parsed.
type yaraRule struct {
	name      string
	line      int
	tags      []string
	meta      map[string]string
	strings   []*yaraString
	condition string
	condLine  int
}

// ConvertYARA converts YARA rules: text, hex and regex strings (nocase, wide,
// ascii, fullword, private), conditions of strings joined by and and or, any of,
// all of, N of (them or a set), "at" and "in" placements, filesize bounds, and
// magic numbers read with uint8/16/32(be) at a fixed offset. Modules (pe, math),
// loops, counts, string offsets, xor and base64 strings keep a rule out.
func ConvertYARA(file string, data []byte) *Result {
	r := &Result{File: file}
	p := &yaraParser{s: string(data), line: 1}
	rules, err := p.file()
	if err != nil {
		r.Problems = append(r.Problems, Problem{File: file, Line: p.line, Message: fmt.Sprintf("the file does not parse: %v", err)})
	}
	for _, yr := range rules {
		r.Seen++
		rule, notes, err := yaraConvert(yr, file)
		if err != nil {
			r.Problems = append(r.Problems, Problem{File: file, Line: yr.line, Rule: yr.name, Message: err.Error()})
			continue
		}
		for _, n := range notes {
			r.Problems = append(r.Problems, Problem{File: file, Line: yr.line, Rule: yr.name, Message: n, Approximated: true})
		}
		r.Rules = append(r.Rules, rule)
	}
	return r
}

// yaraParser reads a YARA file's rules.
type yaraParser struct {
	s    string
	i    int
	line int
}

func (p *yaraParser) eof() bool { return p.i >= len(p.s) }

func (p *yaraParser) adv(n int) {
	p.line += strings.Count(p.s[p.i:p.i+n], "\n")
	p.i += n
}

// space skips white space and comments.
func (p *yaraParser) space() {
	for !p.eof() {
		switch {
		case strings.ContainsRune(" \t\r\n", rune(p.s[p.i])):
			p.adv(1)
		case strings.HasPrefix(p.s[p.i:], "//"):
			j := strings.IndexByte(p.s[p.i:], '\n')
			if j < 0 {
				j = len(p.s) - p.i
			}
			p.adv(j)
		case strings.HasPrefix(p.s[p.i:], "/*"):
			j := strings.Index(p.s[p.i+2:], "*/")
			if j < 0 {
				p.adv(len(p.s) - p.i)
				return
			}
			p.adv(j + 4)
		default:
			return
		}
	}
}

var identRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.]*`)

func (p *yaraParser) ident() string {
	p.space()
	m := identRe.FindString(p.s[p.i:])
	p.adv(len(m))
	return m
}

func (p *yaraParser) peek(lit string) bool {
	p.space()
	return strings.HasPrefix(p.s[p.i:], lit)
}

func (p *yaraParser) expect(lit string) error {
	if !p.peek(lit) {
		return fmt.Errorf("line %d: want %q", p.line, lit)
	}
	p.adv(len(lit))
	return nil
}

func (p *yaraParser) file() ([]*yaraRule, error) {
	var out []*yaraRule
	for {
		p.space()
		if p.eof() {
			return out, nil
		}
		word := p.ident()
		switch word {
		case "import", "include":
			if _, err := p.quoted(); err != nil {
				return out, err
			}
			continue
		case "private", "global":
			continue
		case "rule":
		default:
			return out, fmt.Errorf("line %d: want a rule, got %q", p.line, word)
		}
		r, err := p.rule()
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
}

func (p *yaraParser) rule() (*yaraRule, error) {
	r := &yaraRule{line: p.line, meta: map[string]string{}}
	r.name = p.ident()
	if r.name == "" {
		return nil, fmt.Errorf("line %d: rule without a name", p.line)
	}
	if p.peek(":") {
		p.adv(1)
		for !p.peek("{") && !p.eof() {
			t := p.ident()
			if t == "" {
				return nil, fmt.Errorf("line %d: bad tag", p.line)
			}
			r.tags = append(r.tags, t)
		}
	}
	if err := p.expect("{"); err != nil {
		return nil, err
	}
	for {
		p.space()
		if p.peek("}") {
			p.adv(1)
			return r, nil
		}
		section := p.ident()
		if err := p.expect(":"); err != nil {
			return nil, err
		}
		var err error
		switch section {
		case "meta":
			err = p.meta(r)
		case "strings":
			err = p.stringsSection(r)
		case "condition":
			r.condLine = p.line
			r.condition, err = p.conditionText()
		default:
			err = fmt.Errorf("line %d: unknown section %q", p.line, section)
		}
		if err != nil {
			return nil, err
		}
	}
}

func (p *yaraParser) atSection() bool {
	p.space()
	m := identRe.FindString(p.s[p.i:])
	return (m == "meta" || m == "strings" || m == "condition") && strings.HasPrefix(strings.TrimLeft(p.s[p.i+len(m):], " \t"), ":")
}

func (p *yaraParser) meta(r *yaraRule) error {
	for !p.atSection() && !p.peek("}") && !p.eof() {
		k := p.ident()
		if err := p.expect("="); err != nil {
			return err
		}
		p.space()
		if p.peek(`"`) {
			v, err := p.quoted()
			if err != nil {
				return err
			}
			r.meta[k] = v
			continue
		}
		m := regexp.MustCompile(`^[-A-Za-z0-9_.x]+`).FindString(p.s[p.i:])
		if m == "" {
			return fmt.Errorf("line %d: meta %s has no value", p.line, k)
		}
		p.adv(len(m))
		r.meta[k] = m
	}
	return nil
}

// quoted reads a YARA string literal and unescapes it.
func (p *yaraParser) quoted() (string, error) {
	p.space()
	if p.eof() || p.s[p.i] != '"' {
		return "", fmt.Errorf("line %d: want a quoted string", p.line)
	}
	var b strings.Builder
	for j := p.i + 1; j < len(p.s); j++ {
		c := p.s[j]
		switch {
		case c == '"':
			p.adv(j + 1 - p.i)
			return b.String(), nil
		case c == '\n':
			return "", fmt.Errorf("line %d: string not closed", p.line)
		case c == '\\' && j+1 < len(p.s):
			j++
			switch e := p.s[j]; e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'x':
				if j+2 >= len(p.s) {
					return "", fmt.Errorf("line %d: bad \\x escape", p.line)
				}
				v, err := strconv.ParseUint(p.s[j+1:j+3], 16, 8)
				if err != nil {
					return "", fmt.Errorf("line %d: bad \\x escape", p.line)
				}
				b.WriteByte(byte(v))
				j += 2
			default:
				b.WriteByte(e)
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", fmt.Errorf("line %d: string not closed", p.line)
}

func (p *yaraParser) stringsSection(r *yaraRule) error {
	for !p.atSection() && !p.peek("}") && !p.eof() {
		if err := p.expect("$"); err != nil {
			return err
		}
		s := &yaraString{line: p.line, mods: map[string]bool{}}
		s.id = regexp.MustCompile(`^[A-Za-z0-9_]*`).FindString(p.s[p.i:])
		p.adv(len(s.id))
		if s.id == "" { // an anonymous string: counted by "them" only
			s.id = fmt.Sprintf("anon%d", len(r.strings))
		}
		if err := p.expect("="); err != nil {
			return err
		}
		p.space()
		switch {
		case p.peek(`"`):
			v, err := p.quoted()
			if err != nil {
				return err
			}
			s.kind, s.value = 't', v
		case p.peek("{"):
			j := strings.IndexByte(p.s[p.i:], '}')
			if j < 0 {
				return fmt.Errorf("line %d: hex string not closed", p.line)
			}
			s.kind, s.value = 'h', p.s[p.i+1:p.i+j]
			p.adv(j + 1)
		case p.peek("/"):
			j := p.i + 1
			for ; j < len(p.s) && p.s[j] != '/'; j++ {
				if p.s[j] == '\\' {
					j++
				}
				if j < len(p.s) && p.s[j] == '\n' {
					return fmt.Errorf("line %d: regex not closed", p.line)
				}
			}
			if j >= len(p.s) {
				return fmt.Errorf("line %d: regex not closed", p.line)
			}
			s.kind, s.value = 'r', p.s[p.i+1:j]
			p.adv(j + 1 - p.i)
			fl := regexp.MustCompile(`^[is]*`).FindString(p.s[p.i:])
			s.flags = fl
			p.adv(len(fl))
		default:
			return fmt.Errorf("line %d: string $%s has no value", p.line, s.id)
		}
		// Modifiers run to the end of the line.
		for {
			for !p.eof() && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
				p.adv(1)
			}
			m := identRe.FindString(p.s[p.i:])
			if m == "" || p.atSection() {
				break
			}
			p.adv(len(m))
			if !p.eof() && p.s[p.i] == '(' {
				j := strings.IndexByte(p.s[p.i:], ')')
				if j < 0 {
					return fmt.Errorf("line %d: modifier %s not closed", p.line, m)
				}
				p.adv(j + 1)
			}
			s.mods[m] = true
		}
		r.strings = append(r.strings, s)
	}
	return nil
}

// conditionText reads the condition to the rule's closing brace.
func (p *yaraParser) conditionText() (string, error) {
	start := p.i
	depth := 0
	for !p.eof() {
		p.space()
		if p.eof() {
			break
		}
		switch c := p.s[p.i]; c {
		case '"':
			if _, err := p.quoted(); err != nil {
				return "", err
			}
			continue
		case '{':
			depth++
		case '}':
			if depth == 0 {
				return strings.TrimSpace(p.s[start:p.i]), nil
			}
			depth--
		}
		p.adv(1)
	}
	return "", fmt.Errorf("line %d: rule not closed", p.line)
}

// yaraConvert converts one parsed rule.
func yaraConvert(yr *yaraRule, file string) (*Rule, []string, error) {
	var notes []string
	pats := make([]*Pattern, len(yr.strings))
	index := map[string]int{}
	for i, s := range yr.strings {
		p, note, err := yaraPattern(s)
		if err != nil {
			return nil, nil, fmt.Errorf("string $%s (line %d): %w", s.id, s.line, err)
		}
		if note != "" {
			notes = append(notes, fmt.Sprintf("string $%s: %s", s.id, note))
		}
		pats[i] = p
		index[s.id] = i
	}
	c := &yaraCond{toks: yaraTokens(yr.condition), strs: yr.strings, index: index, pats: pats}
	expr, err := c.parse()
	if err != nil {
		return nil, nil, fmt.Errorf("condition (line %d): %w", yr.condLine, err)
	}
	notes = append(notes, c.notes...)
	rule := &Rule{ID: ruleID("yara", yr.name), Name: yr.name, Severity: "medium",
		Description: strings.TrimSpace(yr.meta["description"])}
	if rule.Description == "" {
		rule.Description = fmt.Sprintf("YARA rule %s, imported from %s.", yr.name, baseName(file))
	}
	for _, k := range []string{"reference", "url", "references"} {
		if v := yr.meta[k]; strings.HasPrefix(v, "http") {
			rule.References = append(rule.References, v)
		}
	}
	rule.Category = categoryOf(yr.name + " " + rule.Description + " " + strings.Join(yr.tags, " "))
	if s := strings.ToLower(yr.meta["severity"]); s == "low" || s == "medium" || s == "high" || s == "critical" {
		rule.Severity = s
	}
	rule.File = &File{MaxSize: c.maxSize}
	all := c.pats
	if expr == nil {
		return nil, nil, fmt.Errorf("condition (line %d): it tests no string, only the file's size", yr.condLine)
	}
	{
		red, err := reduce(expr)
		if err != nil {
			return nil, nil, fmt.Errorf("condition (line %d): %w", yr.condLine, err)
		}
		if unused := red.apply(rule.File, all); len(unused) > 0 {
			var ids []string
			for _, u := range unused {
				if u < len(yr.strings) {
					ids = append(ids, "$"+yr.strings[u].id)
				}
			}
			if len(ids) > 0 {
				notes = append(notes, "strings the condition does not use left out: "+strings.Join(ids, ", "))
			}
		}
	}
	if len(rule.File.Patterns) == 0 {
		return nil, nil, fmt.Errorf("the condition names no string this project can match")
	}
	return rule, notes, nil
}

// yaraPattern converts one string.
func yaraPattern(s *yaraString) (*Pattern, string, error) {
	for m := range s.mods {
		switch m {
		case "nocase", "wide", "ascii", "fullword", "private":
		default:
			return nil, "", fmt.Errorf("modifier %s is not supported", m)
		}
	}
	wide, ascii := s.mods["wide"], s.mods["ascii"] || !s.mods["wide"]
	p := &Pattern{ID: s.id}
	switch s.kind {
	case 'h':
		if s.mods["nocase"] || wide || s.mods["fullword"] {
			return nil, "", fmt.Errorf("modifiers on a hex string")
		}
		h, err := yaraHex(s.value)
		if err != nil {
			return nil, "", err
		}
		p.Hex = h
		return p, "", nil
	case 'r':
		if wide {
			return nil, "", fmt.Errorf("wide regular expressions are not supported")
		}
		re := s.value
		flags := s.flags
		if s.mods["nocase"] && !strings.Contains(flags, "i") {
			flags += "i"
		}
		if flags != "" {
			re = "(?" + flags + ")" + re
		}
		if _, err := regexp.Compile(re); err != nil {
			return nil, "", fmt.Errorf("regular expression Go's RE2 does not take (back-references, look-around): %v", err)
		}
		p.Regex = re
		if s.mods["fullword"] {
			p.Regex = `\b(?:` + re + `)\b`
		}
		return p, "", nil
	}
	// Text.
	if !wide && !s.mods["fullword"] && isPlainText(s.value) {
		p.Text, p.NoCase = s.value, s.mods["nocase"]
		return p, "", nil
	}
	if !wide && !s.mods["fullword"] && !s.mods["nocase"] {
		p.Hex = hex.EncodeToString([]byte(s.value))
		return p, "", nil
	}
	// Wide, both forms, or a whole word: a regular expression over the bytes.
	var alts []string
	if ascii {
		alts = append(alts, byteRegex(s.value, false))
	}
	if wide {
		alts = append(alts, byteRegex(s.value, true))
	}
	re := strings.Join(alts, "|")
	if len(alts) > 1 {
		re = "(?:" + re + ")"
	}
	if s.mods["fullword"] {
		re = `\b` + re + `\b`
	}
	if s.mods["nocase"] {
		re = "(?i)" + re
	}
	p.Regex = re
	return p, "", nil
}

// isPlainText reports whether s can be a TOML text pattern: printable UTF-8.
func isPlainText(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0xfffd {
			return false
		}
	}
	return s != ""
}

// byteRegex matches s's bytes, each followed by a zero byte when wide (UTF-16LE).
func byteRegex(s string, wide bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			b.WriteString(regexp.QuoteMeta(string(c)))
		} else {
			fmt.Fprintf(&b, `\x%02x`, c)
		}
		if wide {
			b.WriteString(`\x00`)
		}
	}
	return b.String()
}

// yaraHex converts a YARA hex string: bytes, ?? and nibble wildcards, fixed jumps
// [n]; open jumps, ranges, alternatives and ~ negation are refused.
func yaraHex(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case strings.HasPrefix(s[i:], "//"):
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				j = len(s) - i
			}
			i += j
		case isHexDigit(c) || c == '?':
			if i+1 >= len(s) || !(isHexDigit(s[i+1]) || s[i+1] == '?') {
				return "", fmt.Errorf("hex string: odd digit")
			}
			b.WriteString(strings.ToLower(s[i : i+2]))
			i += 2
		case c == '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return "", fmt.Errorf("hex string: unclosed jump")
			}
			n, err := strconv.Atoi(strings.TrimSpace(s[i+1 : i+j]))
			if err != nil || n < 0 || n > 4096 {
				return "", fmt.Errorf("hex string: jump [%s] of varying length is not supported", s[i+1:i+j])
			}
			b.WriteString(strings.Repeat("??", n))
			i += j + 1
		default:
			return "", fmt.Errorf("hex string: %q (alternatives, negations) is not supported", c)
		}
	}
	_, h := trimWild(b.String())
	if h == "" {
		return "", fmt.Errorf("hex string of wildcards only")
	}
	return h, nil
}
