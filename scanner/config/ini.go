package config

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// readINI reads an INI file: "[Section]" headers, "key = value" lines, "#" and ";"
// comments (whole lines, or after a space), keys in lower case. A section or key given
// more than once becomes a list, in order (WireGuard's [Peer] sections, repeated
// AllowedIPs); keys before the first header sit at the top. A line without "=" is a
// key with an empty value (my.cnf's skip-name-resolve).
//
// INI has no standard, and each library reads its own dialect: a reader of forty lines
// keeps repeated sections and keys, as the programs do, where gopkg.in/ini.v1 needs
// options for each and keeps repeats apart as "shadows".
func readINI(data []byte) (any, error) {
	root := map[string]any{}
	cur := root
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), MaxSize+1)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if line[0] == '[' {
			end := strings.IndexByte(line, ']')
			if end < 0 {
				return nil, fmt.Errorf("ini: line %d: section header without ]", n)
			}
			cur = map[string]any{}
			addValue(root, strings.ToLower(strings.TrimSpace(line[1:end])), cur)
			continue
		}
		key, val, _ := strings.Cut(line, "=")
		key = strings.ToLower(strings.TrimSpace(key))
		if key == "" {
			return nil, fmt.Errorf("ini: line %d: a value without a key", n)
		}
		addValue(cur, key, unquote(stripComment(strings.TrimSpace(val), "#;")))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ini: %w", err)
	}
	return root, nil
}

// addValue sets m[key], turning a key given again into a list of its values (INI
// values are strings and sections, never lists, so a list is always repeats).
func addValue(m map[string]any, key string, v any) {
	switch old := m[key].(type) {
	case nil:
		m[key] = v
	case []any:
		m[key] = append(old, v)
	default:
		m[key] = []any{old, v}
	}
}

// stripComment cuts s at the first comment character that follows a space or tab.
func stripComment(s, chars string) string {
	for i := 1; i < len(s); i++ {
		if strings.IndexByte(chars, s[i]) >= 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
			return strings.TrimSpace(s[:i])
		}
	}
	return s
}

// unquote drops one pair of matching double or single quotes around s.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
