package signatures

import (
	"fmt"
	"strings"
)

// A Problem is one thing wrong with the rules, located as precisely as the input allows:
// file and line for TOML syntax, file and key for unknown keys, file and rule id for
// everything semantic.
type Problem struct {
	File    string
	Line    int
	Rule    string
	Key     string
	Message string
	// Warning marks a problem that does not stop the rules from loading, such as an
	// operator rule without examples.
	Warning bool
	// Cause is the error behind the problem, when there is one (errors.Is works).
	Cause error
}

// Err returns the error behind the problem, or nil.
func (p Problem) Err() error { return p.Cause }

func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		b.WriteString(": ")
	}
	if p.Warning {
		b.WriteString("warning: ")
	}
	if p.Rule != "" {
		fmt.Fprintf(&b, "rule %q: ", p.Rule)
	}
	if p.Key != "" {
		fmt.Fprintf(&b, "key %q: ", p.Key)
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is every error of one load, reported together so that an operator fixes
// them in one round instead of one per run.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// errors returns the problems that are not warnings.
func (ps Problems) errors() Problems {
	var out Problems
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// ruleProblems collects problems about one rule, filling in its file, line and id.
type ruleProblems struct {
	r  *Rule
	ps *Problems
}

func (rp ruleProblems) errorf(key, format string, args ...any) {
	rp.add(false, key, format, args...)
}

func (rp ruleProblems) warnf(key, format string, args ...any) {
	rp.add(true, key, format, args...)
}

func (rp ruleProblems) add(warn bool, key, format string, args ...any) {
	p := Problem{File: rp.r.Origin.File, Line: rp.r.Origin.Line, Rule: rp.r.ID, Key: key,
		Message: fmt.Sprintf(format, args...), Warning: warn}
	for _, a := range args {
		if err, ok := a.(error); ok {
			p.Cause = err
		}
	}
	*rp.ps = append(*rp.ps, p)
}
