package foreign

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// ClamAV target types (TargetType of .ndb, Target of .ldb) and what they become.
var clamTargets = map[string]struct {
	fileType string
	widened  string // why the rule is approximated, "" when exact
	no       string // why it cannot be imported
}{
	"0":  {fileType: "any"},
	"6":  {fileType: "elf"},
	"1":  {fileType: "any", widened: "target type 1 (PE) matched in any file: the file engine has no PE type"},
	"9":  {fileType: "any", widened: "target type 9 (Mach-O) matched in any file"},
	"12": {fileType: "any", widened: "target type 12 (Java class) matched in any file"},
	"2":  {no: "target type 2 (OLE2 containers) needs the container taken apart"},
	"3":  {no: "target type 3 matches normalized HTML, which the file engine does not make"},
	"4":  {no: "target type 4 matches mail messages as ClamAV decodes them"},
	"5":  {no: "target type 5 (graphics) needs the image decoded"},
	"7":  {no: "target type 7 matches normalized ASCII text, which the file engine does not make"},
	"10": {no: "target type 10 (PDF) needs the PDF decoded"},
	"11": {no: "target type 11 (Flash) needs the file decompressed"},
}

// ConvertNDB converts a ClamAV extended body signature database (.ndb):
// MalwareName:TargetType:Offset:HexSignature[:MinFL[:MaxFL]].
func ConvertNDB(file string, data []byte) *Result {
	r := &Result{File: file}
	eachLine(data, func(line string, n int) {
		r.Seen++
		f := strings.Split(line, ":")
		name := f[0]
		bad := func(approx bool, format string, args ...any) {
			r.Problems = append(r.Problems, Problem{File: file, Line: n, Rule: name, Message: fmt.Sprintf(format, args...), Approximated: approx})
		}
		if len(f) < 4 {
			bad(false, "want Name:TargetType:Offset:HexSignature, got %d fields", len(f))
			return
		}
		rule, notes, err := clamBody(name, f[1], f[2], f[3], file)
		if err != nil {
			bad(false, "%v", err)
			return
		}
		for _, note := range notes {
			bad(true, "%s", note)
		}
		r.Rules = append(r.Rules, rule)
	})
	return r
}

// clamRule is the common header of a converted ClamAV signature.
func clamRule(name, file string) *Rule {
	return &Rule{ID: ruleID("clamav", name), Name: name, Category: categoryOf(name), Severity: "high",
		Description: fmt.Sprintf("ClamAV signature %s, imported from %s.", name, baseName(file))}
}

// clamBody converts one body signature: its target, offset and hex.
func clamBody(name, target, offset, hexsig, file string) (*Rule, []string, error) {
	t, ok := clamTargets[target]
	switch {
	case !ok:
		return nil, nil, fmt.Errorf("target type %q is not one this project reads", target)
	case t.no != "":
		return nil, nil, fmt.Errorf("%s", t.no)
	}
	var notes []string
	if t.widened != "" {
		notes = append(notes, t.widened)
	}
	pats, pnotes, err := clamPatterns(hexsig, offset, "sig")
	if err != nil {
		return nil, nil, err
	}
	notes = append(notes, pnotes...)
	rule := clamRule(name, file)
	rule.File = &File{Type: t.fileType, Patterns: pats}
	if len(pats) > 1 {
		rule.File.Condition = "all"
	}
	return rule, notes, nil
}

var clamOffsetRe = regexp.MustCompile(`^(\d+)(?:,(\d+))?$`)

// clamPlace reads a ClamAV offset: "*" anywhere, "n" exactly at n, "n,m" from n to
// n+m. The other forms (EOF-n, EP+n, Sx+n, SL+n, SE, VI, macros) need the file's
// structure.
func clamPlace(offset string) (start, window int64, anywhere bool, err error) {
	if offset == "*" {
		return 0, 0, true, nil
	}
	m := clamOffsetRe.FindStringSubmatch(offset)
	if m == nil {
		return 0, 0, false, fmt.Errorf("offset %q (from the end, the entry point or a section) is not one the file engine places", offset)
	}
	start, _ = strconv.ParseInt(m[1], 10, 64)
	if m[2] != "" {
		window, _ = strconv.ParseInt(m[2], 10, 64)
	}
	return start, window, false, nil
}

// clamPatterns turns a ClamAV hex signature at offset into patterns: one hex
// pattern, or, where the signature has gaps of open length (*, {n-}, {n-m}), one
// for each part, all required, their order not checked.
func clamPatterns(hexsig, offset, id string) ([]*Pattern, []string, error) {
	start, window, anywhere, err := clamPlace(offset)
	if err != nil {
		return nil, nil, err
	}
	parts, err := clamParts(hexsig)
	if err != nil {
		return nil, nil, err
	}
	var notes []string
	if len(parts) > 1 {
		notes = append(notes, fmt.Sprintf("%d parts between open-length gaps matched each on its own, their order and distance not checked", len(parts)))
	}
	var out []*Pattern
	for i, p := range parts {
		lead, hexs := trimWild(p)
		if hexs == "" {
			return nil, nil, fmt.Errorf("a part of the signature is only wildcards")
		}
		pat := &Pattern{ID: id, Hex: hexs}
		if len(parts) > 1 {
			pat.ID = fmt.Sprintf("%s-%d", id, i)
		}
		if i == 0 && !anywhere {
			pat.Offset = start + int64(lead)
			pat.Depth = window + int64(len(hexs)/2)
		}
		out = append(out, pat)
	}
	return out, notes, nil
}

// clamParts splits a ClamAV hex signature at its open-length gaps and rewrites
// fixed gaps ({n}) as wildcards; alternatives, negations and anchors are refused.
func clamParts(s string) ([]string, error) {
	var parts []string
	var cur strings.Builder
	cut := func() {
		if cur.Len() > 0 {
			parts = append(parts, cur.String())
		}
		cur.Reset()
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isHexDigit(c) || c == '?':
			if i+1 >= len(s) || !(isHexDigit(s[i+1]) || s[i+1] == '?') {
				return nil, fmt.Errorf("hex signature: odd digit at %d", i)
			}
			cur.WriteString(strings.ToLower(s[i : i+2]))
			i += 2
		case c == '*':
			cut()
			i++
		case c == '{' || c == '[':
			close := map[byte]byte{'{': '}', '[': ']'}[c]
			j := strings.IndexByte(s[i:], close)
			if j < 0 {
				return nil, fmt.Errorf("hex signature: unclosed %c", c)
			}
			spec := s[i+1 : i+j]
			if n, err := strconv.Atoi(spec); err == nil && c == '{' && n >= 0 && n <= 4096 {
				cur.WriteString(strings.Repeat("??", n))
			} else if regexp.MustCompile(`^\d*-\d*$`).MatchString(spec) {
				cut()
			} else {
				return nil, fmt.Errorf("hex signature: gap %c%s%c", c, spec, close)
			}
			i += j + 1
		case c == '(' || c == '!':
			return nil, fmt.Errorf("hex signature: alternatives, negations and anchors ((aa|bb), !(..), (B), (L)) are not supported")
		default:
			return nil, fmt.Errorf("hex signature: %q at %d", c, i)
		}
	}
	cut()
	if len(parts) == 0 {
		return nil, fmt.Errorf("empty hex signature")
	}
	return parts, nil
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// trimWild drops whole-byte wildcards from both ends of a hex string (the loader
// refuses them there: they match nothing more) and says how many bytes it dropped
// in front.
func trimWild(h string) (lead int, out string) {
	for strings.HasPrefix(h, "??") {
		h, lead = h[2:], lead+1
	}
	for strings.HasSuffix(h, "??") {
		h = h[:len(h)-2]
	}
	return lead, h
}

// eachLine calls fn with every line that is not blank or a comment ("#"), a line
// ending in a backslash joined with the next (as Suricata writes long rules), with
// the number of its first line.
func eachLine(data []byte, fn func(line string, n int)) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	n, first := 0, 0
	var joined strings.Builder
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if joined.Len() == 0 {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			first = n
		}
		if cont, ok := strings.CutSuffix(line, "\\"); ok {
			joined.WriteString(cont)
			continue
		}
		joined.WriteString(line)
		fn(joined.String(), first)
		joined.Reset()
	}
	if joined.Len() > 0 {
		fn(joined.String(), first)
	}
}

// ConvertHashDB makes one rule of a ClamAV hash database (.hdb, .hsb) placed in a
// rule folder: a file whose hash it lists is a finding. The list stays where it
// is; the loader reads it as hash_files.
func ConvertHashDB(file string, data []byte) *Result {
	r := &Result{File: file, Seen: 1}
	name := baseName(file)
	r.Rules = append(r.Rules, &Rule{ID: ruleID("clamav", strings.TrimSuffix(name, ext(name))+ext(name)), Name: "ClamAV hash database " + name,
		Category: "malware", Severity: "high", Confidence: "high",
		Description: fmt.Sprintf("A file whose hash ClamAV's database %s lists.", name),
		File:        &File{HashFiles: []string{name}}})
	return r
}
