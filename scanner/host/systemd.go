package host

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// UnitEntry is one key=value assignment of a systemd unit file (or of a podman
// quadlet, which has the same syntax).
type UnitEntry struct {
	Section, Key, Value string
	Line                int
}

// Unit is a parsed unit file: its assignments in order, drop-ins appended after.
type Unit struct {
	Entries []UnitEntry
}

// maxUnitSize bounds what is read of one unit file or crontab: real ones are a few
// KiB; a larger file is read up to here and the rest ignored.
const maxUnitSize = 1 << 20

// ParseUnit reads systemd's unit file syntax: [Section] headers, Key=Value lines,
// # and ; comments, and lines continued by a trailing backslash. A line that is
// none of these is an error naming its line; what came before it is kept.
func ParseUnit(r io.Reader) (Unit, error) {
	var u Unit
	sc := bufio.NewScanner(io.LimitReader(r, maxUnitSize))
	sc.Buffer(make([]byte, 0, 4096), maxUnitSize)
	section, n := "", 0
	var cont *UnitEntry // the assignment a trailing backslash continues
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if cont != nil {
			if strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";") {
				continue // comments inside a continuation are skipped
			}
			v, more := strings.CutSuffix(line, "\\")
			cont.Value += " " + v
			if !more {
				u.Entries = append(u.Entries, *cont)
				cont = nil
			}
			continue
		}
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
		case line[0] == '[':
			if !strings.HasSuffix(line, "]") {
				return u, fmt.Errorf("line %d: section header without ]", n)
			}
			section = line[1 : len(line)-1]
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				return u, fmt.Errorf("line %d: neither a section, a comment nor Key=Value", n)
			}
			e := UnitEntry{Section: section, Key: strings.TrimSpace(k), Value: strings.TrimSpace(v), Line: n}
			if v, more := strings.CutSuffix(e.Value, "\\"); more {
				e.Value = strings.TrimSpace(v)
				cont = &e
				continue
			}
			u.Entries = append(u.Entries, e)
		}
	}
	if cont != nil {
		u.Entries = append(u.Entries, *cont)
	}
	if err := sc.Err(); err != nil && !errors.Is(err, bufio.ErrTooLong) {
		return u, err
	}
	return u, nil
}

// Values returns a list setting's values in order; an empty assignment clears the
// list, as systemd does (a drop-in's "ExecStart=" before its own).
func (u Unit) Values(section, key string) []UnitEntry {
	var out []UnitEntry
	for _, e := range u.Entries {
		if e.Section != section || e.Key != key {
			continue
		}
		if e.Value == "" {
			out = out[:0]
			continue
		}
		out = append(out, e)
	}
	return out
}

// Value returns a single setting: the last assignment wins.
func (u Unit) Value(section, key string) (UnitEntry, bool) {
	v := u.Values(section, key)
	if len(v) == 0 {
		return UnitEntry{}, false
	}
	return v[len(v)-1], true
}

// execKeys are the [Service] settings that run programs.
var execKeys = []string{"ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop", "ExecStopPost", "ExecCondition"}

// ExecCommands splits an Exec*= value into its commands' argument lists: the
// prefixes (@ - : + ! |) are dropped, words are unquoted and unescaped as systemd
// does, and a lone ";" separates commands. With "@" the second word is argv[0],
// but the program is still the first word.
func ExecCommands(value string, spec Specifiers) ([][]string, error) {
	words, err := unitWords(value)
	if err != nil {
		return nil, err
	}
	var out [][]string
	var cur []string
	for _, w := range append(words, ";") {
		if w == ";" {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		if len(cur) == 0 {
			w = strings.TrimLeft(w, "@-:+!|")
			if w == "" {
				continue
			}
		}
		r, ok := spec.resolve(w)
		if !ok && len(cur) == 0 {
			return nil, fmt.Errorf("%q: %w", w, errUnresolvable)
		}
		cur = append(cur, r)
	}
	return out, nil
}

// unitWords splits a value into words with systemd's rules: whitespace separates,
// double and single quotes group, C-style backslash escapes are decoded.
func unitWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
			cur.WriteString(cEscape(s[i]))
			inWord = true
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			cur.WriteByte(c)
		case c == '"' || c == '\'':
			quote, inWord = c, true
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, cur.String())
			}
			cur.Reset()
			inWord = false
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, errors.New("unterminated quote")
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

func cEscape(c byte) string {
	switch c {
	case 'n':
		return "\n"
	case 't':
		return "\t"
	case 's':
		return " "
	}
	return string(c)
}

// Specifiers are the values of systemd's %-specifiers a scan can know without the
// running system: unit names, and for user units the user and home folder.
type Specifiers struct {
	Unit string // the unit's full name: relay@eu.service
	User string // for user units: the owner; "root" otherwise
	Home string // for user units: the owner's home; "/root" otherwise
}

// resolve replaces the %-specifiers of s; false when one cannot be known.
func (sp Specifiers) resolve(s string) (string, bool) {
	if !strings.Contains(s, "%") {
		return s, true
	}
	name := sp.Unit
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	prefix, instance, _ := strings.Cut(name, "@")
	dirs := map[byte]string{
		'n': sp.Unit, 'N': name, 'p': prefix, 'P': prefix, 'i': instance, 'I': instance, 'j': lastDash(prefix), 'J': lastDash(prefix),
		'u': or(sp.User, "root"), 'h': or(sp.Home, "/root"), 't': "/run", 'S': "/var/lib", 'C': "/var/cache",
		'L': "/var/log", 'E': "/etc", 'T': "/tmp", 'V': "/var/tmp", '%': "%",
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 >= len(s) {
			return "", false
		}
		i++
		v, ok := dirs[s[i]]
		if !ok {
			return "", false
		}
		b.WriteString(v)
	}
	return b.String(), true
}

func lastDash(s string) string {
	if i := strings.LastIndexByte(s, '-'); i >= 0 {
		return s[i+1:]
	}
	return s
}
