package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/aupscan/aupscan/scanner/host"
)

// scanSummary is what a files or host scan read, skipped and found: printed for
// people on stderr, or as one JSON record on stderr with --format json (stdout holds
// the findings alone, so a pipe reads only findings).
type scanSummary struct {
	Record string `json:"record"` // "summary": tells it from other records a reader may meet
	host.Summary
	Findings  int  `json:"findings"`
	Packages  *int `json:"packages,omitempty"`  // host only
	Processes *int `json:"processes,omitempty"` // host only
}

// summary prints s in the form --format asks for.
func (f *fileFlags) summary(g *Globals, s scanSummary) {
	if g.Format != "text" && g.Format != "" {
		s.Record = "summary"
		if s.Skipped == nil {
			s.Skipped = []host.Skipped{}
		}
		if s.Packed == nil {
			s.Packed = []host.Packed{}
		}
		b, err := json.Marshal(s)
		if err != nil {
			fmt.Fprintln(g.stderr, "aupscan: summary:", err)
			return
		}
		fmt.Fprintf(g.stderr, "%s\n", b)
		return
	}
	printSummary(g.stderr, s.Summary, s.Findings, f.ListSkipped)
	if s.Packages != nil {
		fmt.Fprintf(g.stderr, "%d packages, %d processes examined\n", *s.Packages, *s.Processes)
	}
}

// listPaths prints what a host scan with o would read, one line each: a table, or
// JSON Lines of {path, what}.
func (c *hostCmd) listPaths(g *Globals, o host.Options) error {
	plan, err := host.Plan(o)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if g.Format != "text" {
		enc := json.NewEncoder(g.stdout)
		for _, e := range plan {
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
		return nil
	}
	width := widest("PATH", pathsOf(plan))
	printPlanRow(g.stdout, width, "PATH", "WHAT")
	for _, e := range plan {
		printPlanRow(g.stdout, width, oneLine(e.Path), e.What)
	}
	return nil
}

func printPlanRow(w io.Writer, width int, p, what string) {
	fmt.Fprintf(w, "%-*s  %s\n", width, p, what)
}

func pathsOf(plan []host.PlanEntry) []string {
	out := make([]string, len(plan))
	for i, e := range plan {
		out[i] = e.Path
	}
	return out
}
