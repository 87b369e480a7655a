package config

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// Directive is one "key value" line of a directive file (squid.conf, torrc, an
// OpenVPN configuration, danted.conf): the key, then a ":" or "=" separator or spaces,
// then the value.
type Directive struct {
	Key   string   // as written: "ORPort", "http_access"
	Value string   // the rest of the line, comments cut off
	Args  []string // Value in words, double quotes removed
	Line  int
	Depth int // how many { } blocks it is inside (DirectiveOptions.Blocks)
}

// DirectiveOptions are the differences between the dialects.
type DirectiveOptions struct {
	// Comments are the characters that start a comment, at the start of a line or
	// after a space; default "#".
	Comments string
	// Continue joins a line ending in "\" to the next (squid, torrc).
	Continue bool
	// Blocks reads "{" and "}" as opening and closing blocks (Dante's rules).
	Blocks bool
	// InlineFiles skips "<ca>" ... "</ca>" blocks, which hold files (OpenVPN).
	InlineFiles bool
}

// genericDirectives is how the directive format of a section reads a file.
var genericDirectives = DirectiveOptions{Comments: "#", Continue: true}

// ReadDirectives reads a directive file. Errors name the line.
func ReadDirectives(data []byte, o DirectiveOptions) ([]Directive, error) {
	if o.Comments == "" {
		o.Comments = "#"
	}
	var out []Directive
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), MaxSize+1)
	depth, n, inline := 0, 0, ""
	var joined strings.Builder
	start := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if inline != "" {
			if strings.TrimSpace(line) == "</"+inline+">" {
				inline = ""
			}
			continue
		}
		if joined.Len() == 0 {
			start = n
		}
		if o.Continue && strings.HasSuffix(line, "\\") {
			joined.WriteString(strings.TrimSuffix(line, "\\"))
			joined.WriteByte(' ')
			continue
		}
		joined.WriteString(line)
		text := strings.TrimSpace(joined.String())
		joined.Reset()
		if text == "" || strings.IndexByte(o.Comments, text[0]) >= 0 {
			continue
		}
		if o.InlineFiles && len(text) > 2 && text[0] == '<' && text[len(text)-1] == '>' && text[1] != '/' {
			inline = text[1 : len(text)-1]
			continue
		}
		text = stripComment(text, o.Comments)
		if !o.Blocks {
			out = appendDirective(out, text, start, 0)
			continue
		}
		var err error
		if out, depth, err = splitBlocks(out, text, start, depth); err != nil {
			return out, err
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("line %d: %w", n+1, err)
	}
	if depth > 0 {
		return out, fmt.Errorf("line %d: a block is not closed with }", n)
	}
	return out, nil
}

// splitBlocks cuts a line at its braces into directives at their depth.
func splitBlocks(out []Directive, text string, line, depth int) ([]Directive, int, error) {
	for {
		i := strings.IndexAny(text, "{}")
		if i < 0 {
			return appendDirective(out, text, line, depth), depth, nil
		}
		out = appendDirective(out, text[:i], line, depth)
		if text[i] == '{' {
			depth++
		} else if depth--; depth < 0 {
			return out, 0, fmt.Errorf("line %d: } without {", line)
		}
		text = text[i+1:]
	}
}

func appendDirective(out []Directive, text string, line, depth int) []Directive {
	text = strings.TrimSpace(text)
	if text == "" {
		return out
	}
	key, val := splitDirective(text)
	if key == "" {
		return out
	}
	return append(out, Directive{Key: key, Value: val, Args: words(val), Line: line, Depth: depth})
}

// splitDirective cuts "key value", "key: value" and "key = value".
func splitDirective(s string) (key, value string) {
	i := strings.IndexAny(s, " \t:=")
	if i < 0 {
		return s, ""
	}
	key, rest := s[:i], s[i:]
	if rest[0] == ':' {
		rest = rest[1:]
	} else if rest = strings.TrimLeft(rest, " \t"); rest != "" && rest[0] == '=' {
		rest = rest[1:]
	}
	return key, strings.TrimSpace(rest)
}

// words splits s at spaces, keeping what double quotes hold together.
func words(s string) []string {
	var out []string
	var b strings.Builder
	quoted, in := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			quoted, in = !quoted, true
		case (c == ' ' || c == '\t') && !quoted:
			if in {
				out = append(out, b.String())
				b.Reset()
				in = false
			}
		default:
			b.WriteByte(c)
			in = true
		}
	}
	if in {
		out = append(out, b.String())
	}
	return out
}

// directiveTree is the tree of a directive file's top-level lines: key (in lower
// case) to value, a list when the key is given more than once.
func directiveTree(ds []Directive) map[string]any {
	root := map[string]any{}
	for _, d := range ds {
		if d.Depth == 0 {
			addValue(root, strings.ToLower(d.Key), d.Value)
		}
	}
	return root
}
