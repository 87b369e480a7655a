package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/aupscan/aupscan/signatures"
)

// catalogRow is a program of the catalog as `rules list --catalog --format json`
// prints it: the signatures.Program and its best sample in words.
type catalogRow struct {
	signatures.Program
	Sample string `json:"sample,omitempty"`
}

// writeCatalog prints the programs the rules name: a table, or JSON Lines.
func writeCatalog(w io.Writer, set *signatures.Set, format string) error {
	progs := signatures.Catalog(set)
	if format == "json" {
		enc := json.NewEncoder(w)
		for _, p := range progs {
			if err := enc.Encode(catalogRow{p, p.Sample()}); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PROGRAM\tCATEGORY\tIDENTIFIED BY\tSAMPLE\tRULES")
	for _, p := range progs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.Name, p.Category, strings.Join(p.IdentifiedBy, ", "),
			or(p.Sample(), "-"), strings.Join(p.Rules, ", "))
	}
	return tw.Flush()
}

// catalogMarkdown renders the catalog as README.md shows it between its catalog
// markers: a count, a table of the programs by category, and the rules that name
// no program (protocols several programs speak, configuration and fallbacks).
func catalogMarkdown(set *signatures.Set) string {
	progs := signatures.Catalog(set)
	var b strings.Builder
	count := map[string]int{}
	for _, p := range progs {
		for _, s := range p.Samples {
			count[s.Kind]++
		}
	}
	withSample := map[string]int{}
	for _, p := range progs {
		seen := map[string]bool{}
		for _, s := range p.Samples {
			if !seen[s.Kind] {
				withSample[s.Kind]++
				seen[s.Kind] = true
			}
		}
	}
	fmt.Fprintf(&b, "%d programs; must-match examples check their rules against Debian's package for %d of them, "+
		"a Go build from the module proxy for %d, and a fragment of published strings for %d.\n\n",
		len(progs), withSample["deb"], withSample["go"], withSample["fragment"])
	b.WriteString("| program | category | identified by | sample | rules |\n|---|---|---|---|---|\n")
	for _, cat := range signatures.Categories {
		for _, p := range progs {
			if p.Category != cat {
				continue
			}
			name := mdEscape(p.Name)
			if p.Homepage != "" {
				name = fmt.Sprintf("[%s](%s)", name, p.Homepage)
			}
			ids := make([]string, len(p.Rules))
			for i, id := range p.Rules {
				ids[i] = "`" + id + "`"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", name, p.Category, strings.Join(p.IdentifiedBy, ", "),
				or(mdEscape(p.Sample()), "-"), strings.Join(ids, " "))
		}
	}
	var other []string
	for _, r := range set.Rules() {
		if r.Program == "" {
			other = append(other, fmt.Sprintf("`%s` (%s)", r.ID, mdEscape(r.Name)))
		}
	}
	if len(other) > 0 {
		fmt.Fprintf(&b, "\nRules that name no one program: %s.\n", strings.Join(other, ", "))
	}
	return b.String()
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
