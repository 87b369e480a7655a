package signatures

import (
	"fmt"
	"slices"
	"strings"
)

// Set is an immutable, validated rule set: what the engines compile and what the rule
// database swaps in whole on a reload. Never modify a Set or its rules after Load.
type Set struct {
	rules    []*Rule
	byID     map[string]*Rule
	version  string
	warnings Problems
	disabled []Disabled
	replaced []string
}

// Disabled is a rule an operator turned off, and why.
type Disabled struct {
	ID     string
	Reason string
	File   string
}

// Rules returns the active rules in id order.
func (s *Set) Rules() []*Rule { return s.rules }

// Rule returns the active rule with the id, or nil.
func (s *Set) Rule(id string) *Rule { return s.byID[id] }

// Len returns the number of active rules.
func (s *Set) Len() int { return len(s.rules) }

// Version identifies the loaded rules and lists: the same inputs give the same version.
func (s *Set) Version() string { return s.version }

// Warnings returns the problems that did not stop the load.
func (s *Set) Warnings() Problems { return s.warnings }

// Disabled returns the rules turned off by [[disable]] entries.
func (s *Set) Disabled() []Disabled { return s.disabled }

// Replaced returns the ids of built-in rules that operator rules replaced.
func (s *Set) Replaced() []string { return s.replaced }

// ListFiles returns the list files the rules read, for watching.
func (s *Set) ListFiles() []string { return listFiles(s.rules) }

// setBuilder merges rule files: built-in ids are unique within the built-in rules,
// operator ids unique within the operator folders, and an operator rule replaces the
// built-in rule of the same id.
type setBuilder struct {
	byID     map[string]*Rule
	disables []struct {
		Disable
		file string
	}
	replaced []string
}

func newSetBuilder() *setBuilder { return &setBuilder{byID: map[string]*Rule{}} }

func (b *setBuilder) add(r *Rule, ps *Problems) {
	old, ok := b.byID[r.ID]
	switch {
	case !ok:
	case old.Origin.Builtin && !r.Origin.Builtin:
		b.replaced = append(b.replaced, r.ID)
	default:
		*ps = append(*ps, Problem{File: r.Origin.File, Line: r.Origin.Line, Rule: r.ID,
			Message: fmt.Sprintf("duplicate id: also defined at %s:%d", old.Origin.File, old.Origin.Line)})
		return
	}
	b.byID[r.ID] = r
}

func (b *setBuilder) disable(d Disable, file string, ps *Problems) {
	if d.ID == "" {
		*ps = append(*ps, Problem{File: file, Key: "disable.id", Message: "a [[disable]] entry needs an id"})
		return
	}
	b.disables = append(b.disables, struct {
		Disable
		file string
	}{d, file})
}

func (b *setBuilder) finish(ps *Problems) *Set {
	s := &Set{byID: b.byID, replaced: b.replaced}
	for _, d := range b.disables {
		n := 0
		for id := range s.byID {
			if d.matches(id) {
				delete(s.byID, id)
				s.disabled = append(s.disabled, Disabled{ID: id, Reason: d.Reason, File: d.file})
				n++
			}
		}
		if n == 0 {
			*ps = append(*ps, Problem{File: d.file, Key: "disable", Warning: true,
				Message: fmt.Sprintf("disable %q matches no rule", d.ID)})
		}
	}
	for _, r := range s.byID {
		s.rules = append(s.rules, r)
	}
	slices.SortFunc(s.rules, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(s.disabled, func(a, b Disabled) int { return strings.Compare(a.ID, b.ID) })
	return s
}

func (d Disable) matches(id string) bool {
	if prefix, ok := strings.CutSuffix(d.ID, "*"); ok {
		return strings.HasPrefix(id, prefix)
	}
	return id == d.ID
}
