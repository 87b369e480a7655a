package signatures

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// compiledPattern is a content pattern ready to match: literal bytes with an optional
// mask (hex wildcards), or a regular expression.
type compiledPattern struct {
	lit    []byte
	mask   []byte // nil when every byte is literal; 0x00 is "any byte", 0xF0/0x0F nibbles
	nocase bool
	re     *regexp.Regexp
}

// Bytes returns the literal bytes and mask of a text or hex pattern (mask is nil when
// all bytes are literal), or nils for a regular expression.
func (c compiledPattern) Bytes() (lit, mask []byte) { return c.lit, c.mask }

// compileBytes turns a text or hex pattern into literal bytes and a mask. Exactly one of
// text and hexs must be set.
func compileBytes(text, hexs string, nocase bool) (compiledPattern, error) {
	switch {
	case text != "" && hexs != "":
		return compiledPattern{}, errors.New("set only one of text and hex")
	case text != "":
		lit := []byte(text)
		if nocase {
			lit = foldBytes(lit)
		}
		return compiledPattern{lit: lit, nocase: nocase}, nil
	case hexs != "":
		if nocase {
			return compiledPattern{}, errors.New("nocase applies to text patterns only")
		}
		lit, mask, err := parseHex(hexs)
		return compiledPattern{lit: lit, mask: mask}, err
	}
	return compiledPattern{}, errors.New("empty pattern: set text or hex")
}

// parseHex reads bytes written in hex, two digits a byte, where "?" stands for any
// nibble (so "??" is any byte). Spaces and a leading "0x" are ignored. The pattern must
// start and end with a literal byte, since a wildcard at either end matches nothing more.
func parseHex(s string) (lit, mask []byte, err error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "0x")
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == ':' {
			return -1
		}
		return r
	}, s)
	if len(s) == 0 {
		return nil, nil, errors.New("hex pattern has no digits")
	}
	if len(s)%2 != 0 {
		return nil, nil, fmt.Errorf("hex pattern has an odd number of digits (%d)", len(s))
	}
	lit = make([]byte, len(s)/2)
	mask = make([]byte, len(s)/2)
	wild := false
	for i := range lit {
		hi, mhi, err1 := nibble(s[2*i])
		lo, mlo, err2 := nibble(s[2*i+1])
		if err := errors.Join(err1, err2); err != nil {
			return nil, nil, err
		}
		lit[i], mask[i] = hi<<4|lo, mhi<<4|mlo
		wild = wild || mask[i] != 0xFF
	}
	if mask[0] == 0 || mask[len(mask)-1] == 0 {
		return nil, nil, errors.New("hex pattern must not start or end with a ?? wildcard")
	}
	if !wild {
		mask = nil
	}
	return lit, mask, nil
}

func nibble(c byte) (v, mask byte, err error) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', 0xF, nil
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, 0xF, nil
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, 0xF, nil
	case c == '?':
		return 0, 0, nil
	}
	return 0, 0, fmt.Errorf("hex pattern has %q, which is neither a hex digit nor ?", c)
}

// compileRegex compiles a file pattern's regular expression. Go's RE2 engine runs in
// linear time, so a hostile pattern cannot stall a scan.
func compileRegex(expr string, nocase bool) (compiledPattern, error) {
	if nocase {
		expr = "(?i)" + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return compiledPattern{}, fmt.Errorf("regex does not compile: %w", err)
	}
	return compiledPattern{re: re}, nil
}

// foldBytes returns b with ASCII letters in lower case.
func foldBytes(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		out[i] = lower(c)
	}
	return out
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// matchAt reports whether the pattern matches data starting at i; the caller has made
// sure the pattern fits.
func (c *compiledPattern) matchAt(data []byte, i int) bool {
	d := data[i : i+len(c.lit)]
	switch {
	case c.mask != nil:
		for j, b := range c.lit {
			if d[j]&c.mask[j] != b {
				return false
			}
		}
	case c.nocase:
		for j, b := range c.lit {
			if lower(d[j]) != b {
				return false
			}
		}
	default:
		return string(d) == string(c.lit)
	}
	return true
}

// display renders a pattern for evidence and listings: the text as written, or hex.
func (c *compiledPattern) display() string {
	if c.re != nil {
		return "/" + c.re.String() + "/"
	}
	if c.mask == nil && printable(c.lit) {
		return fmt.Sprintf("%q", c.lit)
	}
	var b strings.Builder
	for i, v := range c.lit {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch m := byte(0xFF); {
		case c.mask != nil && c.mask[i] == 0:
			b.WriteString("??")
		default:
			if c.mask != nil {
				m = c.mask[i]
			}
			fmt.Fprintf(&b, "%s%s", hexNibble(v>>4, m>>4), hexNibble(v&0xF, m&0xF))
		}
	}
	return "{" + b.String() + "}"
}

func hexNibble(v, m byte) string {
	if m == 0 {
		return "?"
	}
	return string("0123456789abcdef"[v])
}

func printable(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}
