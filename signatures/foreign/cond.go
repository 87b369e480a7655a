package foreign

import (
	"errors"
	"fmt"
	"slices"
)

// cond is a boolean condition over a rule's patterns, as YARA and ClamAV's logical
// signatures write them.
type cond interface{ isCond() }

type (
	condRef     int    // pattern i matches
	condAnd     []cond // every one holds
	condOr      []cond // one holds
	condAtLeast struct {
		k   int
		set []int
	} // k of the set match
)

func (condRef) isCond()     {}
func (condAnd) isCond()     {}
func (condOr) isCond()      {}
func (condAtLeast) isCond() {}

// reduced is what the file engine can run: the required patterns, and k of group.
type reduced struct {
	required []int
	k        int
	group    []int
}

var errCondShape = errors.New("the condition is not a conjunction of patterns with at most one 'N of' group (this project's condition: required patterns and N of the others)")

// reduce brings c to required patterns and one "k of group" term, or fails: the
// file engine counts one group.
func reduce(c cond) (reduced, error) {
	var r reduced
	var terms []cond
	var flatten func(c cond)
	flatten = func(c cond) {
		if a, ok := c.(condAnd); ok {
			for _, t := range a {
				flatten(t)
			}
			return
		}
		terms = append(terms, c)
	}
	flatten(c)
	haveGroup := false
	setGroup := func(k int, set []int) error {
		if haveGroup {
			return errCondShape
		}
		haveGroup = true
		r.k, r.group = k, set
		return nil
	}
	for _, t := range terms {
		switch t := t.(type) {
		case condRef:
			r.required = append(r.required, int(t))
		case condOr:
			set, ok := refs(t)
			if !ok {
				return r, errCondShape
			}
			if err := setGroup(1, set); err != nil {
				return r, err
			}
		case condAtLeast:
			if t.k < 1 || t.k > len(t.set) {
				return r, fmt.Errorf("%d of a set of %d", t.k, len(t.set))
			}
			if t.k == len(t.set) {
				r.required = append(r.required, t.set...)
				continue
			}
			if err := setGroup(t.k, t.set); err != nil {
				return r, err
			}
		default:
			return r, errCondShape
		}
	}
	slices.Sort(r.required)
	r.required = slices.Compact(r.required)
	for _, g := range r.group {
		if slices.Contains(r.required, g) {
			return r, errCondShape
		}
	}
	return r, nil
}

// refs returns the patterns of an OR of plain references.
func refs(o condOr) ([]int, bool) {
	var out []int
	for _, t := range o {
		switch t := t.(type) {
		case condRef:
			out = append(out, int(t))
		case condOr:
			sub, ok := refs(t)
			if !ok {
				return nil, false
			}
			out = append(out, sub...)
		default:
			return nil, false
		}
	}
	return out, true
}

// apply sets the file section's patterns and condition from r: required patterns
// marked, the group's counted, patterns in neither left out. It returns the
// patterns left out, by index.
func (r reduced) apply(f *File, pats []*Pattern) (unused []int) {
	f.Patterns = nil
	for i, p := range pats {
		switch {
		case slices.Contains(r.required, i):
			p.Required = true
			f.Patterns = append(f.Patterns, p)
		case slices.Contains(r.group, i):
			f.Patterns = append(f.Patterns, p)
		default:
			unused = append(unused, i)
		}
	}
	switch {
	case len(r.group) == 0:
	case r.k == 1:
		f.Condition = "any"
	case r.k == len(r.group):
		f.Condition = "all"
	default:
		f.Condition = fmt.Sprintf("%d of", r.k)
	}
	return unused
}
