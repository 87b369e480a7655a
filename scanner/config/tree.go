package config

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aupscan/aupscan/signatures"
)

// maxDepth bounds the nesting of a document: real configurations nest a few levels,
// and the parsers recurse once a level.
const maxDepth = 256

// normalize turns what a parser decoded into the tree form of Document: string keys,
// []any lists, scalars as text; nulls are dropped, so that a key set to null reads as
// absent.
func normalize(v any) any {
	switch v := v.(type) {
	case nil:
		return nil
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			if n := normalize(e); n != nil {
				out[k] = n
			}
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			if n := normalize(e); n != nil {
				out[fmt.Sprint(k)] = n
			}
		}
		return out
	case []any:
		out := make([]any, 0, len(v))
		for _, e := range v {
			if n := normalize(e); n != nil {
				out = append(out, n)
			}
		}
		return out
	case []map[string]any:
		out := make([]any, 0, len(v))
		for _, e := range v {
			out = append(out, normalize(e))
		}
		return out
	case string:
		return v
	case json.Number:
		return string(v)
	case bool:
		return strconv.FormatBool(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case uint64:
		return strconv.FormatUint(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case time.Time:
		return v.Format(time.RFC3339Nano)
	}
	return fmt.Sprint(v)
}

// Value is one value found at a key path, with the path that reached it written for
// people: "inbounds[0].protocol".
type Value struct {
	Path string
	V    any
}

// Lookup returns the values at path p below v, whose own path is base. A key applied
// to a list applies to each element; "[*]" on a table takes each of its values, in
// key order.
func Lookup(v any, p signatures.KeyPath, base string) []Value {
	var out []Value
	lookup(v, p.Segs, base, &out)
	return out
}

func lookup(v any, segs []signatures.KeySeg, path string, out *[]Value) {
	if v == nil {
		return
	}
	if len(segs) == 0 {
		*out = append(*out, Value{path, v})
		return
	}
	s := segs[0]
	switch t := v.(type) {
	case map[string]any:
		switch {
		case !s.List:
			lookup(t[s.Key], segs[1:], joinKey(path, s.Label), out)
		case s.Any:
			for _, k := range slices.Sorted(maps.Keys(t)) {
				lookup(t[k], segs[1:], joinKey(path, k), out)
			}
		}
	case []any:
		switch {
		case !s.List: // a key on a list: on each element
			for i, e := range t {
				lookup(e, segs, fmt.Sprintf("%s[%d]", path, i), out)
			}
		case s.Any:
			for i, e := range t {
				lookup(e, segs[1:], fmt.Sprintf("%s[%d]", path, i), out)
			}
		case s.Index < len(t):
			lookup(t[s.Index], segs[1:], fmt.Sprintf("%s[%d]", path, s.Index), out)
		}
	}
}

// Scalars expands the lists among vs into their elements and keeps the text values:
// a key whose value is a list of addresses gives each address.
func Scalars(vs []Value) []Value {
	var out []Value
	for _, v := range vs {
		switch t := v.V.(type) {
		case string:
			out = append(out, v)
		case []any:
			for i, e := range t {
				if s, ok := e.(string); ok {
					out = append(out, Value{fmt.Sprintf("%s[%d]", v.Path, i), s})
				}
			}
		}
	}
	return out
}

func joinKey(path, key string) string {
	if strings.ContainsAny(key, ".[]\" ") {
		key = strconv.Quote(key)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// nestingOK checks that brackets and braces outside strings and comments nest no
// deeper than maxDepth, before a recursive parser sees the data. hashComments says
// whether "#" starts a comment (TOML); "//" and "/*" always do (JSON with comments).
func nestingOK(data []byte, hashComments bool) error {
	depth, line := 0, 1
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			line++
		case '"', '\'':
			for i++; i < len(data) && data[i] != c && data[i] != '\n'; i++ {
				if data[i] == '\\' && c == '"' {
					i++
				}
			}
			if i < len(data) && data[i] == '\n' {
				line++
			}
		case '#':
			if hashComments {
				for i < len(data) && data[i] != '\n' {
					i++
				}
				line++
			}
		case '/':
			if i+1 < len(data) && data[i+1] == '/' {
				for i < len(data) && data[i] != '\n' {
					i++
				}
				line++
			} else if i+1 < len(data) && data[i+1] == '*' {
				for i += 2; i+1 < len(data) && (data[i] != '*' || data[i+1] != '/'); i++ {
					if data[i] == '\n' {
						line++
					}
				}
				i++
			}
		case '[', '{':
			if depth++; depth > maxDepth {
				return fmt.Errorf("line %d: nested deeper than %d levels", line, maxDepth)
			}
		case ']', '}':
			depth--
		}
	}
	return nil
}
