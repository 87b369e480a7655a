package mail

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Length limits for tenant-controlled values in notices, in runes. They keep a notice
// readable whatever a finding carries; the case keeps the full value.
const (
	maxField   = 200 // host names, server names, sources
	maxLong    = 400 // paths, subjects, evidence
	maxSubject = 60  // a value quoted in the Subject header
)

// clean makes a tenant-controlled string safe to show: invalid UTF-8 becomes U+FFFD,
// control characters (CR and LF above all), Unicode line separators and bidirectional
// overrides become visible escapes such as \x0d and \u202e, and the result is cut to
// max runes with an ellipsis. Nothing it returns can break a header line or reorder
// the text a reader sees.
func clean(s string, max int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	n := 0
	for _, r := range s {
		var piece string
		switch {
		case r < 0x20 || r == 0x7f:
			piece = fmt.Sprintf(`\x%02x`, r)
		case unsafeRune(r):
			piece = fmt.Sprintf(`\u%04x`, r)
		default:
			piece = string(r)
		}
		if n+utf8.RuneCountInString(piece) > max {
			b.WriteString("…")
			return b.String()
		}
		b.WriteString(piece)
		n += utf8.RuneCountInString(piece)
	}
	return b.String()
}

// cleanBlock is clean for multi-line text the operator wrote (policy clauses, rule
// descriptions): line breaks stay, carriage returns and other controls go.
func cleanBlock(s string, max int) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = clean(l, max)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// unsafeRune reports the invisible runes that can fake a line break or reorder text.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls
	case r == 0x2028 || r == 0x2029: // line and paragraph separators
	case r == 0x200e || r == 0x200f || r == 0x061c || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
	case r == 0xfeff:
	default:
		return false
	}
	return true
}

// Clean is the cleaning notices apply to a tenant-controlled value, for the other
// places that show one (the case page, the console): escapes for control, line
// separator and bidi runes, invalid UTF-8 replaced, cut at 400 runes.
func Clean(s string) string { return clean(s, maxLong) }

// CleanBlock is Clean for multi-line text (an appeal, a clause): line breaks stay.
func CleanBlock(s string, max int) string { return cleanBlock(s, max) }
