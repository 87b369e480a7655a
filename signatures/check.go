package signatures

import (
	"errors"
	"fmt"
)

// An ExampleRunner is an engine's part in checking rule examples: it runs the examples
// whose subject it understands against the rule parts it owns.
type ExampleRunner interface {
	// RunExample reports whether rule r matches example ex. handled is false when ex
	// is not a subject this engine runs, or r has no part this engine owns.
	RunExample(r *Rule, ex *Example) (handled, matched bool, err error)
}

// Check runs every example of every rule through the runners: the engines built into
// the program (file content, host, traffic), compiled from s by the caller, since this
// package holds none. An example must match, or must not, by at least one engine that
// handles it; an example no engine handles is a warning, since its engine may not be
// built into this binary.
func (s *Set) Check(runners ...ExampleRunner) Problems {
	var ps Problems
	for _, r := range s.rules {
		rp := ruleProblems{r, &ps}
		for i, ex := range r.Match {
			checkOne(r, ex, fmt.Sprintf("match[%d]", i), true, runners, rp)
		}
		for i, ex := range r.NoMatch {
			checkOne(r, ex, fmt.Sprintf("nomatch[%d]", i), false, runners, rp)
		}
	}
	return ps
}

func checkOne(r *Rule, ex *Example, key string, want bool, runners []ExampleRunner, rp ruleProblems) {
	handled, matched := false, false
	for _, run := range runners {
		h, m, err := run.RunExample(r, ex)
		if errors.Is(err, ErrSampleMissing) {
			rp.warnf(key, "example %s: %v", ex, err)
			return
		}
		if err != nil {
			rp.errorf(key, "example %s: %v", ex, err)
			return
		}
		handled = handled || h
		matched = matched || (h && m)
	}
	switch {
	case !handled:
		rp.warnf(key, "no engine in this binary runs example %s", ex)
	case want && !matched:
		rp.errorf(key, "example %s does not match, but must", ex)
	case !want && matched:
		rp.errorf(key, "example %s matches, but must not", ex)
	}
}
