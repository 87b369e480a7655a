package foreign

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var yaraTokenRe = regexp.MustCompile(`\s*(\.\.|==|<=|>=|!=|[()<>,=]|\$[A-Za-z0-9_]*\*?|#[A-Za-z0-9_]*|@[A-Za-z0-9_]*|![A-Za-z0-9_]*|0x[0-9A-Fa-f]+|\d+(?:KB|MB)?|[A-Za-z_][A-Za-z0-9_.]*|\S)`)

func yaraTokens(s string) []string {
	var out []string
	for _, m := range yaraTokenRe.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// yaraCond parses a condition into a cond over the strings, taking magic numbers
// (new required patterns), placements ("at", "in") and file size bounds as it goes.
type yaraCond struct {
	toks    []string
	i       int
	strs    []*yaraString
	index   map[string]int
	pats    []*Pattern
	maxSize int64
	notes   []string
}

// side marks an and-term that is no string condition (a file size bound or a
// magic number, already applied): it must not sit under an or.
type side struct{}

func (side) isCond() {}

func (c *yaraCond) next() string {
	if c.i >= len(c.toks) {
		return ""
	}
	t := c.toks[c.i]
	c.i++
	return t
}

func (c *yaraCond) peek() string {
	if c.i >= len(c.toks) {
		return ""
	}
	return c.toks[c.i]
}

// parse returns the condition over the strings, nil when it is only magic
// numbers and size bounds.
func (c *yaraCond) parse() (cond, error) {
	e, err := c.or()
	if err != nil {
		return nil, err
	}
	if c.i != len(c.toks) {
		return nil, fmt.Errorf("%q is not supported here", strings.Join(c.toks[c.i:], " "))
	}
	return dropSides(e)
}

// dropSides removes the side terms of a top-level conjunction; one under an or is
// refused.
func dropSides(e cond) (cond, error) {
	switch e := e.(type) {
	case side:
		return nil, nil
	case condAnd:
		var out condAnd
		for _, t := range e {
			if _, ok := t.(side); ok {
				continue
			}
			if err := noSides(t); err != nil {
				return nil, err
			}
			out = append(out, t)
		}
		switch len(out) {
		case 0:
			return nil, nil
		case 1:
			return out[0], nil
		}
		return out, nil
	}
	return e, noSides(e)
}

func noSides(e cond) error {
	switch e := e.(type) {
	case side:
		return fmt.Errorf("a file size or magic number test under 'or' does not map")
	case condAnd:
		for _, t := range e {
			if err := noSides(t); err != nil {
				return err
			}
		}
	case condOr:
		for _, t := range e {
			if err := noSides(t); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *yaraCond) or() (cond, error) {
	var terms condOr
	for {
		t, err := c.and()
		if err != nil {
			return nil, err
		}
		terms = append(terms, t)
		if c.peek() != "or" {
			break
		}
		c.next()
	}
	if len(terms) == 1 {
		return terms[0], nil
	}
	return terms, nil
}

func (c *yaraCond) and() (cond, error) {
	var terms condAnd
	for {
		t, err := c.atom()
		if err != nil {
			return nil, err
		}
		if a, ok := t.(condAnd); ok {
			terms = append(terms, a...)
		} else {
			terms = append(terms, t)
		}
		if c.peek() != "and" {
			break
		}
		c.next()
	}
	if len(terms) == 1 {
		return terms[0], nil
	}
	return terms, nil
}

func (c *yaraCond) atom() (cond, error) {
	t := c.next()
	switch {
	case t == "(":
		e, err := c.or()
		if err != nil {
			return nil, err
		}
		if c.next() != ")" {
			return nil, fmt.Errorf("missing )")
		}
		return e, nil
	case t == "true":
		return side{}, nil
	case t == "any" || t == "all" || isNumber(t):
		return c.quantified(t)
	case strings.HasPrefix(t, "$") && !strings.HasSuffix(t, "*"):
		i, ok := c.index[t[1:]]
		if !ok {
			return nil, fmt.Errorf("condition names %s, which the rule does not define", t)
		}
		if err := c.placement(i); err != nil {
			return nil, err
		}
		return condRef(i), nil
	case t == "filesize":
		return c.filesize()
	case strings.HasPrefix(t, "uint8") || strings.HasPrefix(t, "uint16") || strings.HasPrefix(t, "uint32"):
		return c.magic(t)
	}
	return nil, fmt.Errorf("%q is not supported (modules, loops, counts, offsets of matches, entrypoint)", t)
}

func isNumber(t string) bool { _, err := strconv.Atoi(t); return err == nil }

// quantified reads "any|all|N of them|(set)".
func (c *yaraCond) quantified(q string) (cond, error) {
	if c.next() != "of" {
		return nil, fmt.Errorf("%q not followed by 'of'", q)
	}
	var set []int
	switch t := c.next(); t {
	case "them":
		for i := range c.strs {
			set = append(set, i)
		}
	case "(":
		for {
			item := c.next()
			switch {
			case strings.HasSuffix(item, "*") && strings.HasPrefix(item, "$"):
				prefix := strings.TrimSuffix(item[1:], "*")
				for i, s := range c.strs {
					if strings.HasPrefix(s.id, prefix) {
						set = append(set, i)
					}
				}
			case strings.HasPrefix(item, "$"):
				i, ok := c.index[item[1:]]
				if !ok {
					return nil, fmt.Errorf("condition names %s, which the rule does not define", item)
				}
				set = append(set, i)
			default:
				return nil, fmt.Errorf("%q in a string set", item)
			}
			if sep := c.next(); sep == ")" {
				break
			} else if sep != "," {
				return nil, fmt.Errorf("%q in a string set", sep)
			}
		}
	default:
		return nil, fmt.Errorf("'of %s' is not supported", t)
	}
	if len(set) == 0 {
		return nil, fmt.Errorf("an empty string set")
	}
	k := 1
	switch {
	case q == "all":
		k = len(set)
	case q != "any":
		k, _ = strconv.Atoi(q)
	}
	if c.peek() == "at" || c.peek() == "in" {
		return nil, fmt.Errorf("a placement on a string set is not supported")
	}
	return condAtLeast{k: k, set: set}, nil
}

// placement reads "at N" or "in (N..M)" after a string.
func (c *yaraCond) placement(i int) error {
	p := c.pats[i]
	switch c.peek() {
	case "at":
		c.next()
		n, err := c.number()
		if err != nil {
			return err
		}
		if p.Regex != "" {
			return fmt.Errorf("a placement on a regular expression is not supported")
		}
		p.Offset, p.Depth = n, int64(patLen(p))
	case "in":
		c.next()
		if c.next() != "(" {
			return fmt.Errorf("'in' without a range")
		}
		lo, err := c.number()
		if err != nil {
			return err
		}
		if c.next() != ".." {
			return fmt.Errorf("'in' without a range")
		}
		hi, err := c.number()
		if err != nil {
			return err
		}
		if c.next() != ")" || hi < lo || p.Regex != "" {
			return fmt.Errorf("'in (%d..%d)' does not map", lo, hi)
		}
		p.Offset, p.Depth = lo, hi-lo+int64(patLen(p))
	}
	return nil
}

// patLen is the byte length of a text or hex pattern.
func patLen(p *Pattern) int {
	if p.Hex != "" {
		return len(strings.ReplaceAll(p.Hex, " ", "")) / 2
	}
	return len(p.Text)
}

func (c *yaraCond) number() (int64, error) {
	t := c.next()
	mult := int64(1)
	switch {
	case strings.HasSuffix(t, "KB"):
		mult, t = 1024, strings.TrimSuffix(t, "KB")
	case strings.HasSuffix(t, "MB"):
		mult, t = 1<<20, strings.TrimSuffix(t, "MB")
	}
	n, err := strconv.ParseInt(t, 0, 64)
	if err != nil {
		return 0, fmt.Errorf("%q where a fixed number must be: a value known only at scan time (pe.entry_point, a module's field, another read) does not map", t)
	}
	return n * mult, nil
}

// filesize reads "filesize < N" or "<= N": the rule's max_size. A lower bound
// cannot be checked.
func (c *yaraCond) filesize() (cond, error) {
	op := c.next()
	n, err := c.number()
	if err != nil {
		return nil, err
	}
	switch op {
	case "<":
		n--
	case "<=":
	default:
		return nil, fmt.Errorf("filesize %s (only an upper bound maps: the file engine has max_size)", op)
	}
	if n < 0 {
		return nil, fmt.Errorf("filesize bound below 0")
	}
	if c.maxSize == 0 || n < c.maxSize {
		c.maxSize = n
	}
	return side{}, nil
}

// magic reads "uintN[be](OFFSET) == VALUE": a required pattern of the value's
// bytes at OFFSET.
func (c *yaraCond) magic(fn string) (cond, error) {
	size := map[string]int{"uint8": 1, "uint16": 2, "uint32": 4, "uint16be": 2, "uint32be": 4}[fn]
	if size == 0 {
		return nil, fmt.Errorf("%s is not supported", fn)
	}
	if c.next() != "(" {
		return nil, fmt.Errorf("%s without (offset)", fn)
	}
	// The PE header test beside MZ at 0: not applied, the rest of the rule kept.
	if fn == "uint32" && strings.Join(c.toks[c.i:min(c.i+7, len(c.toks))], " ") == "uint32 ( 0x3c ) ) == 0x00004550" ||
		fn == "uint32" && strings.Join(c.toks[c.i:min(c.i+7, len(c.toks))], " ") == "uint32 ( 0x3C ) ) == 0x00004550" {
		c.i += 7
		c.notes = append(c.notes, "the PE header test (uint32(uint32(0x3c)) == 0x00004550) not applied: the rule matches any file with its other conditions")
		return side{}, nil
	}
	off, err := c.number()
	if err != nil {
		return nil, fmt.Errorf("%s: only a fixed offset maps: %w", fn, err)
	}
	if c.next() != ")" || c.next() != "==" {
		return nil, fmt.Errorf("%s: only '== VALUE' maps", fn)
	}
	v, err := c.number()
	if err != nil || v < 0 || uint64(v) >= 1<<(8*size) {
		return nil, fmt.Errorf("%s: value does not fit", fn)
	}
	b := make([]byte, 8)
	if strings.HasSuffix(fn, "be") {
		binary.BigEndian.PutUint64(b, uint64(v))
		b = b[8-size:]
	} else {
		binary.LittleEndian.PutUint64(b, uint64(v))
		b = b[:size]
	}
	id := fmt.Sprintf("magic-%d", off)
	for n := 2; c.hasID(id); n++ {
		id = fmt.Sprintf("magic-%d-%d", off, n)
	}
	c.pats = append(c.pats, &Pattern{ID: id, Hex: hex.EncodeToString(b), Offset: off, Depth: int64(size)})
	return condRef(len(c.pats) - 1), nil
}

func (c *yaraCond) hasID(id string) bool {
	for _, p := range c.pats {
		if p.ID == id {
			return true
		}
	}
	return false
}
