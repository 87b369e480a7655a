package file

import (
	"regexp"
	"regexp/syntax"
)

// anchored holds a regular expression in the four forms a chunked read needs. A
// window of the file is a text of its own to the regexp package, so `^` and `\A`
// would match at every window's start and `$` and `\z` at every window's end; a rule's
// anchors mean the file's start and end only. Each form keeps the anchors that are
// true of a window and makes the others match nothing.
type anchored [4]*regexp.Regexp // by anchorIndex

func anchorIndex(atStart, atEnd bool) int {
	i := 0
	if atStart {
		i |= 1
	}
	if atEnd {
		i |= 2
	}
	return i
}

// at returns the form for a window that begins at the file's start (atStart) and
// ends at its end (atEnd).
func (a *anchored) at(atStart, atEnd bool) *regexp.Regexp { return a[anchorIndex(atStart, atEnd)] }

// hasEnd reports whether the expression has an end-of-text anchor, which only the
// last window can satisfy.
func (a *anchored) hasEnd() bool { return a[anchorIndex(true, true)] != a[anchorIndex(true, false)] }

// anchorForms builds the four forms of re. An expression without text anchors (the
// common case) shares re in all four.
func anchorForms(re *regexp.Regexp) anchored {
	a := anchored{re, re, re, re}
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil || !hasOp(tree, syntax.OpBeginText, syntax.OpEndText) {
		return a
	}
	for i := range a {
		atStart, atEnd := i&1 != 0, i&2 != 0
		if atStart && atEnd {
			continue
		}
		t, _ := syntax.Parse(re.String(), syntax.Perl)
		dropAnchors(t, !atStart, !atEnd)
		if c, err := regexp.Compile(t.String()); err == nil {
			a[i] = c
		}
	}
	return a
}

func hasOp(re *syntax.Regexp, ops ...syntax.Op) bool {
	for _, op := range ops {
		if re.Op == op {
			return true
		}
	}
	for _, s := range re.Sub {
		if hasOp(s, ops...) {
			return true
		}
	}
	return false
}

// dropAnchors makes the begin (and end) text anchors of re match nothing.
func dropAnchors(re *syntax.Regexp, begin, end bool) {
	if (begin && re.Op == syntax.OpBeginText) || (end && re.Op == syntax.OpEndText) {
		*re = syntax.Regexp{Op: syntax.OpNoMatch}
		return
	}
	for _, s := range re.Sub {
		dropAnchors(s, begin, end)
	}
}
