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
type anchored struct {
	forms [4]*regexp.Regexp // by anchorIndex
	// edgeStart and edgeEnd say the expression has an assertion that looks past
	// the window's start or end ((?m)^ and (?m)$, \b, \B): a match that touches an
	// edge the file does not have there may rest on the window's edge, not the
	// file's bytes, and is not taken. The window before or after, which holds
	// those bytes inside it, decides.
	edgeStart, edgeEnd bool
}

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
func (a *anchored) at(atStart, atEnd bool) *regexp.Regexp {
	return a.forms[anchorIndex(atStart, atEnd)]
}

// find returns the first match in window, a window of the file that begins at its
// start (atStart) and ends at its end (atEnd), or nil. A match that may rest on the
// window's start is passed over and the search goes on after it; one that may rest
// on its end ends the search (the next window holds those bytes inside it). Either
// way a match can be missed, never made up.
func (a *anchored) find(window []byte, atStart, atEnd bool) []int {
	for off := 0; off <= len(window); {
		fileStart := atStart && off == 0
		loc := a.at(fileStart, atEnd).FindIndex(window[off:])
		if loc == nil {
			return nil
		}
		loc[0], loc[1] = loc[0]+off, loc[1]+off
		if a.edgeEnd && !atEnd && loc[1] == len(window) {
			return nil
		}
		if !a.edgeStart || fileStart || loc[0] > off {
			return loc
		}
		off = max(loc[1], off+1)
	}
	return nil
}

// hasEnd reports whether the expression has an end-of-text anchor, which only the
// last window can satisfy.
func (a *anchored) hasEnd() bool {
	return a.edgeEnd || a.forms[anchorIndex(true, true)] != a.forms[anchorIndex(true, false)]
}

// anchorForms builds the four forms of re. An expression without text anchors (the
// common case) shares re in all four.
func anchorForms(re *regexp.Regexp) anchored {
	a := anchored{forms: [4]*regexp.Regexp{re, re, re, re}}
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return a
	}
	a.edgeStart = hasOp(tree, syntax.OpBeginLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary)
	a.edgeEnd = hasOp(tree, syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary)
	if !hasOp(tree, syntax.OpBeginText, syntax.OpEndText) {
		return a
	}
	for i := range a.forms {
		atStart, atEnd := i&1 != 0, i&2 != 0
		if atStart && atEnd {
			continue
		}
		t, _ := syntax.Parse(re.String(), syntax.Perl)
		dropAnchors(t, !atStart, !atEnd)
		if c, err := regexp.Compile(t.String()); err == nil {
			a.forms[i] = c
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
