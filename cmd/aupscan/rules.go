package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/aupscan/aupscan/scanner/file"
	"github.com/aupscan/aupscan/scanner/host"
	"github.com/aupscan/aupscan/scanner/traffic"
	"github.com/aupscan/aupscan/signatures"
)

type rulesCmd struct {
	Check   rulesCheckCmd   `cmd:"" help:"Load the built-in rules and the folders, run every rule's examples, print each problem. Exits 0 when clean, 2 when not."`
	List    rulesListCmd    `cmd:"" help:"One line a rule: id, category, severity, name; --catalog: one line a program."`
	Show    rulesShowCmd    `cmd:"" help:"Show one rule in full."`
	Samples rulesSamplesCmd `cmd:"" help:"List the real-program samples rule examples name, for scripts/fetch-samples.sh."`
	Import  rulesImportCmd  `cmd:"" help:"Convert YARA, ClamAV and Suricata/Snort rules into this project's TOML, reporting each construct that keeps a rule out."`
	Update  rulesUpdateCmd  `cmd:"" help:"Fetch the [[feed]] lists of --config now: each checked, then installed, or refused with the last good copy kept."`
}

type rulesSamplesCmd struct{}

func (c *rulesSamplesCmd) Run(g *Globals) error {
	set, err := loadRules(g)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, r := range set.Rules() {
		for _, ex := range append(append([]*signatures.Example{}, r.Match...), r.NoMatch...) {
			if ex.Sample == "" {
				continue
			}
			sm, err := signatures.ParseSample(ex.Sample)
			if line := sm.FetchLine(); err == nil && !seen[line] {
				seen[line] = true
				fmt.Fprintln(g.stdout, line)
			}
		}
	}
	return nil
}

type rulesCheckCmd struct {
	Dirs           []string `arg:"" optional:"" type:"path" name:"DIR" help:"Operator rule folders to check with the built-in rules (--no-builtin: alone)."`
	MissingSamples bool     `help:"List each built-in rule example whose real-program sample is not fetched here (by default one line counts them)."`
}

// exampleRunners are the engines built into this binary that run rule examples: the
// file content engine, the host engine and the traffic engine.
func exampleRunners(set *signatures.Set) []signatures.ExampleRunner {
	// A traffic rule that does not compile reports its error on each of its examples.
	te, _ := traffic.Compile(set)
	return []signatures.ExampleRunner{file.Compile(set), host.Compile(set), te}
}

func (c *rulesCheckCmd) Run(g *Globals) error {
	dirs := append(g.RuleDirs, c.Dirs...)
	set, err := signatures.Load(signatures.Options{Dirs: dirs, NoBuiltin: g.NoBuiltin})
	if err != nil {
		fmt.Fprintln(g.stdout, err)
		var ps signatures.Problems
		errors.As(err, &ps)
		return &exitErr{code: exitError, err: fmt.Errorf("rules do not load: %d errors", len(ps))}
	}
	ps := append(set.Warnings(), set.Check(exampleRunners(set)...)...)
	nerr, unfetched := 0, 0
	for _, p := range ps {
		if !c.MissingSamples && p.Warning && errors.Is(p.Cause, signatures.ErrSampleMissing) && set.Rule(p.Rule) != nil && set.Rule(p.Rule).Origin.Builtin {
			unfetched++ // the built-in pack's, not the folder's: counted below, on one line
			continue
		}
		fmt.Fprintln(g.stdout, p.String())
		if !p.Warning {
			nerr++
		}
	}
	if unfetched > 0 {
		fmt.Fprintf(g.stdout, "warning: %d examples of built-in rules name real-program samples not fetched on this machine, so they did not run (scripts/fetch-samples.sh fetches them; --missing-samples lists them)\n", unfetched)
	}
	fmt.Fprintf(g.stderr, "%d rules, version %s: %d errors, %d warnings\n", set.Len(), set.Version(), nerr, len(ps)-nerr)
	if nerr > 0 {
		return &exitErr{code: exitError}
	}
	return nil
}

type rulesListCmd struct {
	Catalog bool `help:"One line a program the rules name (their program key): category, how it is identified, its sample, its rules."`
}

func (c *rulesListCmd) Run(g *Globals) error {
	set, err := loadRules(g)
	if err != nil {
		return err
	}
	if c.Catalog {
		return writeCatalog(g.stdout, set, g.Format)
	}
	if g.Format == "json" {
		enc := json.NewEncoder(g.stdout)
		for _, r := range set.Rules() {
			if err := enc.Encode(ruleSummary(r)); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCATEGORY\tSEVERITY\tNAME")
	for _, r := range set.Rules() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Category, r.Severity, r.Name)
	}
	return tw.Flush()
}

type rulesShowCmd struct {
	ID string `arg:"" help:"Rule id."`
}

func (c *rulesShowCmd) Run(g *Globals) error {
	set, err := loadRules(g)
	if err != nil {
		return err
	}
	r := set.Rule(c.ID)
	if r == nil {
		return &exitErr{code: exitError, err: fmt.Errorf("no active rule %q (see aupscan rules list)", c.ID)}
	}
	if g.Format == "json" {
		return json.NewEncoder(g.stdout).Encode(r)
	}
	fmt.Fprint(g.stdout, describeRule(r))
	return nil
}

// loadRules loads the built-in rules and the --rules folders, printing every problem.
func loadRules(g *Globals) (*signatures.Set, error) {
	set, err := signatures.Load(signatures.Options{Dirs: g.RuleDirs, NoBuiltin: g.NoBuiltin})
	if err != nil {
		fmt.Fprintln(g.stderr, err)
		return nil, &exitErr{code: exitError, err: fmt.Errorf("rules do not load")}
	}
	return set, nil
}

type summary struct {
	ID       string `json:"id"`
	Category string `json:"category"`
	Severity string `json:"severity"`
	Name     string `json:"name"`
	Origin   string `json:"origin"`
}

func ruleSummary(r *signatures.Rule) summary {
	return summary{r.ID, r.Category, r.Severity, r.Name, fmt.Sprintf("%s:%d", r.Origin.File, r.Origin.Line)}
}

// describeRule renders a rule for a person: header, description, conditions, examples.
func describeRule(r *signatures.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s\n", r.ID, r.Name)
	fmt.Fprintf(&b, "category %s, severity %s, confidence %s\n", r.Category, r.Severity, r.Confidence)
	if r.Program != "" {
		home := ""
		if r.Homepage != "" {
			home = " (" + r.Homepage + ")"
		}
		fmt.Fprintf(&b, "program %s%s, identified by %s\n", r.Program, home, strings.Join(signatures.Identification(r), ", "))
	}
	fmt.Fprintf(&b, "from %s:%d\n\n%s\n", r.Origin.File, r.Origin.Line, strings.TrimSpace(r.Description))
	for _, loc := range slices.Sorted(maps.Keys(r.L10n)) { // for a reviewer of the translations
		name, desc := r.Localized(loc)
		fmt.Fprintf(&b, "\n%s: %s\n%s\n", loc, name, desc)
	}
	for _, ref := range r.References {
		fmt.Fprintf(&b, "see %s\n", ref)
	}
	for _, line := range signatures.Conditions(r) {
		fmt.Fprintf(&b, "\n  %s", line)
	}
	b.WriteString("\n")
	for _, ex := range r.Match {
		fmt.Fprintf(&b, "\nmust match:     %s", ex)
	}
	for _, ex := range r.NoMatch {
		fmt.Fprintf(&b, "\nmust not match: %s", ex)
	}
	b.WriteString("\n")
	return b.String()
}
