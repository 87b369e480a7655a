package foreign

import (
	"fmt"
	"strconv"
	"strings"
)

// ConvertLDB converts the subset of ClamAV logical signatures (.ldb) that maps:
// Name;TargetDescription;LogicalExpression;Subsig0;Subsig1... with a target this
// project reads, body subsignatures (with offsets that map and the i and w
// modifiers), and an expression of subsignatures joined by & and | with at most one
// counted group ("(0|1|2)>1").
func ConvertLDB(file string, data []byte) *Result {
	r := &Result{File: file}
	eachLine(data, func(line string, n int) {
		r.Seen++
		f := strings.Split(line, ";")
		rule, notes, err := ldbRule(f, file)
		name := f[0]
		if err != nil {
			r.Problems = append(r.Problems, Problem{File: file, Line: n, Rule: name, Message: err.Error()})
			return
		}
		for _, note := range notes {
			r.Problems = append(r.Problems, Problem{File: file, Line: n, Rule: name, Message: note, Approximated: true})
		}
		r.Rules = append(r.Rules, rule)
	})
	return r
}

func ldbRule(f []string, file string) (*Rule, []string, error) {
	if len(f) < 4 {
		return nil, nil, fmt.Errorf("want Name;TargetDescription;LogicalExpression;Subsig..., got %d fields", len(f))
	}
	rule := clamRule(f[0], file)
	rule.File = &File{}
	var notes []string
	for _, kv := range strings.Split(f[1], ",") {
		k, v, _ := strings.Cut(kv, ":")
		switch k {
		case "Engine":
		case "Target":
			t, ok := clamTargets[v]
			switch {
			case !ok:
				return nil, nil, fmt.Errorf("target %q is not one this project reads", v)
			case t.no != "":
				return nil, nil, fmt.Errorf("%s", t.no)
			case t.widened != "":
				notes = append(notes, t.widened)
			}
			rule.File.Type = t.fileType
		case "FileSize":
			lo, hi, ok := strings.Cut(v, "-")
			n, err := strconv.ParseInt(hi, 10, 64)
			if !ok || err != nil || n <= 0 {
				return nil, nil, fmt.Errorf("FileSize %q", v)
			}
			rule.File.MaxSize = n
			if lo != "" && lo != "0" {
				notes = append(notes, fmt.Sprintf("FileSize lower bound %s not checked (the file engine has max_size only)", lo))
			}
		default:
			return nil, nil, fmt.Errorf("target description %s (only Engine, Target and FileSize map)", k)
		}
	}
	var pats []*Pattern
	for i, sub := range f[3:] {
		ps, pnotes, err := ldbSubsig(sub, fmt.Sprintf("sub%d", i))
		if err != nil {
			return nil, nil, fmt.Errorf("subsignature %d: %w", i, err)
		}
		if len(ps) != 1 {
			return nil, nil, fmt.Errorf("subsignature %d has open-length gaps (*, {n-m}): inside a logical signature they cannot be split", i)
		}
		notes = append(notes, pnotes...)
		pats = append(pats, ps[0])
	}
	expr, err := parseLogical(f[2], len(pats))
	if err != nil {
		return nil, nil, fmt.Errorf("logical expression %q: %w", f[2], err)
	}
	red, err := reduce(expr)
	if err != nil {
		return nil, nil, fmt.Errorf("logical expression %q: %w", f[2], err)
	}
	if unused := red.apply(rule.File, pats); len(unused) > 0 {
		notes = append(notes, fmt.Sprintf("subsignatures %v the expression does not use left out", unused))
	}
	if rule.File.Type == "" {
		rule.File.Type = "any"
	}
	return rule, notes, nil
}

// ldbSubsig converts one body subsignature: [offset:]hex[::modifiers].
func ldbSubsig(s, id string) ([]*Pattern, []string, error) {
	body, mods, _ := strings.Cut(s, "::")
	if strings.ContainsAny(body, "/#$") || strings.HasPrefix(body, "fuzzy_img") {
		return nil, nil, fmt.Errorf("PCRE, byte comparison, macro and image subsignatures are not supported")
	}
	offset := "*"
	if i := strings.LastIndexByte(body, ':'); i >= 0 {
		offset, body = body[:i], body[i+1:]
	}
	for _, m := range mods {
		if m != 'i' && m != 'w' {
			return nil, nil, fmt.Errorf("modifier %q (only i and w map)", m)
		}
	}
	if strings.ContainsRune(mods, 'w') {
		wide, err := wideHex(body)
		if err != nil {
			return nil, nil, err
		}
		body = wide
	}
	pats, notes, err := clamPatterns(body, offset, id)
	if err != nil {
		return nil, nil, err
	}
	if strings.ContainsRune(mods, 'i') {
		for _, p := range pats {
			text, ok := printableHex(p.Hex)
			if !ok {
				return nil, nil, fmt.Errorf("the i modifier on bytes that are not printable text")
			}
			p.Text, p.Hex, p.NoCase = text, "", true
		}
	}
	return pats, notes, nil
}

// wideHex interleaves a zero byte after every byte of a plain hex string (UTF-16LE).
func wideHex(h string) (string, error) {
	var b strings.Builder
	for i := 0; i+1 < len(h); i += 2 {
		if !(isHexDigit(h[i]) || h[i] == '?') || !(isHexDigit(h[i+1]) || h[i+1] == '?') {
			return "", fmt.Errorf("the w modifier on a signature with gaps")
		}
		b.WriteString(h[i:i+2] + "00")
	}
	return b.String(), nil
}

// printableHex returns the text of a hex string of printable ASCII bytes.
func printableHex(h string) (string, bool) {
	var b strings.Builder
	for i := 0; i+1 < len(h); i += 2 {
		v, err := strconv.ParseUint(h[i:i+2], 16, 8)
		if err != nil || v < 0x20 || v > 0x7e {
			return "", false
		}
		b.WriteByte(byte(v))
	}
	return b.String(), true
}

// parseLogical parses a ClamAV logical expression over n subsignatures: numbers,
// &, |, parentheses, and a count after a parenthesis ("(0|1|2)>1": at least 2).
func parseLogical(s string, n int) (cond, error) {
	p := &logicalParser{s: strings.ReplaceAll(s, " ", ""), n: n}
	c, err := p.or()
	if err == nil && p.i != len(p.s) {
		err = fmt.Errorf("unexpected %q", p.s[p.i:])
	}
	return c, err
}

type logicalParser struct {
	s    string
	i, n int
}

func (p *logicalParser) or() (cond, error) {
	var terms condOr
	for {
		t, err := p.and()
		if err != nil {
			return nil, err
		}
		terms = append(terms, t)
		if p.i < len(p.s) && p.s[p.i] == '|' {
			p.i++
			continue
		}
		if len(terms) == 1 {
			return terms[0], nil
		}
		return terms, nil
	}
}

func (p *logicalParser) and() (cond, error) {
	var terms condAnd
	for {
		t, err := p.atom()
		if err != nil {
			return nil, err
		}
		terms = append(terms, t)
		if p.i < len(p.s) && p.s[p.i] == '&' {
			p.i++
			continue
		}
		if len(terms) == 1 {
			return terms[0], nil
		}
		return terms, nil
	}
}

func (p *logicalParser) atom() (cond, error) {
	if p.i >= len(p.s) {
		return nil, fmt.Errorf("expression ends early")
	}
	if p.s[p.i] == '(' {
		p.i++
		c, err := p.or()
		if err != nil {
			return nil, err
		}
		if p.i >= len(p.s) || p.s[p.i] != ')' {
			return nil, fmt.Errorf("missing )")
		}
		p.i++
		return p.count(c)
	}
	j := p.i
	for j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' {
		j++
	}
	if j == p.i {
		return nil, fmt.Errorf("unexpected %q", p.s[p.i:])
	}
	v, _ := strconv.Atoi(p.s[p.i:j])
	p.i = j
	if v >= p.n {
		return nil, fmt.Errorf("subsignature %d does not exist", v)
	}
	return p.count(condRef(v))
}

// count reads a count after an atom: ">N" on a group of ORs is "N+1 of"; ">0" on a
// single subsignature is the subsignature; other counts are refused.
func (p *logicalParser) count(c cond) (cond, error) {
	if p.i >= len(p.s) || !strings.ContainsRune("=<>", rune(p.s[p.i])) {
		return c, nil
	}
	op := p.s[p.i]
	j := p.i + 1
	for j < len(p.s) && (p.s[j] >= '0' && p.s[j] <= '9' || p.s[j] == ',') {
		j++
	}
	arg := p.s[p.i+1 : j]
	p.i = j
	k, err := strconv.Atoi(arg)
	if op != '>' || err != nil {
		return nil, fmt.Errorf("count %c%s (only >N, 'more than N of', maps)", op, arg)
	}
	switch c := c.(type) {
	case condRef:
		if k == 0 {
			return c, nil
		}
	case condOr:
		if set, ok := refs(c); ok {
			return condAtLeast{k: k + 1, set: set}, nil
		}
	}
	return nil, fmt.Errorf("count >%d on this term (a match count of one subsignature) does not map", k)
}
