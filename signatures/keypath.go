package signatures

import (
	"fmt"
	"strconv"
	"strings"
)

// A KeyPath is a path into a parsed configuration document, as a [[rule.config]]
// section writes it: keys joined by ".", "[N]" for the Nth element of a list and
// "[*]" for every element, a key that holds "." or brackets in double quotes:
// `inbounds[*].settings.clients`, `Interface.ListenPort`, `"a key.with dots"`. A key
// applied to a list applies to each of its elements, so `inbounds.protocol` reads
// like `inbounds[*].protocol` (a key repeated in an INI or directive file is a list).
// In a section that judges each element of a list, keys are relative to the element;
// `$.` in front starts from the document instead (`$.local_port`).
type KeyPath struct {
	Segs []KeySeg
	Root bool
	text string
}

// KeySeg is one step of a KeyPath: a table key (Key; Label as the rule wrote it), or,
// when List is set, every element of a list (Any) or the element at Index.
type KeySeg struct {
	Key   string
	Label string
	List  bool
	Any   bool
	Index int
}

// String returns the path as the rule wrote it.
func (p KeyPath) String() string { return p.text }

// IsZero reports whether the path is unset.
func (p KeyPath) IsZero() bool { return len(p.Segs) == 0 }

// ParseKeyPath reads a path written as a rule writes it.
func ParseKeyPath(s string) (KeyPath, error) {
	p := KeyPath{text: s}
	bad := func(format string, args ...any) (KeyPath, error) {
		return KeyPath{}, fmt.Errorf("key %q: %s", s, fmt.Sprintf(format, args...))
	}
	if strings.TrimSpace(s) == "" {
		return bad("empty")
	}
	i := 0
	if strings.HasPrefix(s, "$.") {
		p.Root, i = true, 2
		if len(s) == 2 {
			return bad("ends with '.'")
		}
	}
	for {
		// A key (only a path's first step may be an index alone: a document that is a list).
		switch {
		case s[i] == '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				return bad("unclosed quote")
			}
			k := s[i+1 : i+1+j]
			p.Segs = append(p.Segs, KeySeg{Key: k, Label: k})
			i += j + 2
		case s[i] == '[' && i == 0, s[i] == '[' && p.Root && i == 2:
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(".[]\" \t", rune(s[j])) {
				j++
			}
			if j == i {
				return bad("a key is missing at offset %d", i)
			}
			p.Segs = append(p.Segs, KeySeg{Key: s[i:j], Label: s[i:j]})
			i = j
		}
		for i < len(s) && s[i] == '[' {
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return bad("unclosed [")
			}
			in := s[i+1 : i+j]
			if in == "*" {
				p.Segs = append(p.Segs, KeySeg{List: true, Any: true})
			} else if n, err := strconv.Atoi(in); err == nil && n >= 0 {
				p.Segs = append(p.Segs, KeySeg{List: true, Index: n})
			} else {
				return bad("[%s]: want [N] or [*]", in)
			}
			i += j + 1
		}
		if i == len(s) {
			return p, nil
		}
		if s[i] != '.' {
			return bad("unexpected %q at offset %d", s[i], i)
		}
		if i++; i == len(s) {
			return bad("ends with '.'")
		}
	}
}

// Lower returns the path with its keys (not their labels) in lower case: INI and
// directive files are read with keys in lower case, since the programs that read
// them ignore case.
func (p KeyPath) Lower() KeyPath {
	out := KeyPath{text: p.text, Root: p.Root, Segs: make([]KeySeg, len(p.Segs))}
	for i, s := range p.Segs {
		s.Key = strings.ToLower(s.Key)
		out.Segs[i] = s
	}
	return out
}
