package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/aupscan/aupscan/output"
	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/host"
	"github.com/aupscan/aupscan/signatures"
)

// thisHost is the id of the machine aupscan runs on, as the daemon's default
// identity: /etc/machine-id, else the host name.
func thisHost() string {
	if id := host.MachineID("/"); id != "" {
		return id
	}
	h, _ := os.Hostname()
	return h
}

// findingWriter prints findings as they come: JSON Lines, or a table for people,
// each row written as its finding comes (a long scan shows what it found at once),
// its columns as wide as their longest possible value.
type findingWriter struct {
	enc     output.Encoder // nil for the table
	version string         // of the rules that made the findings
	out     io.Writer
	cols    []column // the table's, nil for JSON
	count   int
	display *progressDisplay // cleared before a row is printed to the same terminal
}

// column is one column of the table: its header, its width (0: the last column,
// not padded) and how it reads a finding.
type column struct {
	head  string
	width int
	cell  func(*scanner.Finding) string
}

// newFindingWriter prints findings in the --format of g: a table, or records of the
// JSON form named (json, eve, ocsf), each carrying the version of set.
func newFindingWriter(g *Globals, set *signatures.Set) *findingWriter {
	w := &findingWriter{out: g.stdout, version: set.Version()}
	if g.Format == "text" || g.Format == "" {
		w.cols = tableColumns(set)
		return w
	}
	w.enc, _ = output.NewEncoder(g.Format, output.Product{Name: "aupscan"}) // kong checked the enum
	return w
}

// subjectWidth fits a traffic subject ("TCP 192.0.2.10:40008 -> 198.51.100.20:1080")
// and most paths; a longer subject pushes its row's evidence right.
const subjectWidth = 44

// tableColumns are the columns of the table, as wide as the values the rule set
// and the contract allow.
func tableColumns(set *signatures.Set) []column {
	ruleWidth := len("RULE")
	for _, r := range set.Rules() {
		ruleWidth = max(ruleWidth, len(r.ID))
	}
	return []column{
		{"SEVERITY", widest("SEVERITY", signatures.Severities), func(f *scanner.Finding) string { return f.Severity }},
		{"CONFIDENCE", widest("CONFIDENCE", signatures.Confidences), func(f *scanner.Finding) string { return f.Confidence }},
		{"CATEGORY", widest("CATEGORY", signatures.Categories), func(f *scanner.Finding) string { return f.Category }},
		{"KIND", widest("KIND", []string{scanner.KindTraffic, scanner.KindFile, scanner.KindPackage, scanner.KindProcess, scanner.KindConfig}),
			func(f *scanner.Finding) string { return f.Kind }},
		{"RULE", ruleWidth, func(f *scanner.Finding) string { return f.Rule }},
		{"SUBJECT", subjectWidth, func(f *scanner.Finding) string {
			if f.Container != "" {
				return f.Container + " " + f.Subject // the path inside that container
			}
			return f.Subject
		}},
		{"EVIDENCE", 0, func(f *scanner.Finding) string { return f.Evidence }},
	}
}

// withSource adds a SOURCE column before the subject (the capture file a finding
// came from, when several are read), as wide as the longest of sources.
func (w *findingWriter) withSource(sources []string) {
	if w.cols == nil {
		return
	}
	width := widest("SOURCE", sources)
	src := column{"SOURCE", width, func(f *scanner.Finding) string { return f.Source }}
	i := len(w.cols) - 2 // before SUBJECT
	w.cols = append(w.cols[:i], append([]column{src}, w.cols[i:]...)...)
}

func widest(head string, values []string) int {
	n := len(head)
	for _, v := range values {
		n = max(n, len([]rune(v)))
	}
	return n
}

func (w *findingWriter) write(f scanner.Finding) error {
	w.count++
	w.display.pause()
	defer w.display.resume()
	if w.enc != nil {
		if f.RulesVersion == "" {
			f.RulesVersion = w.version
		}
		rec, err := w.enc(&f)
		if err != nil {
			return err
		}
		_, err = w.out.Write(append(rec, '\n'))
		return err
	}
	if w.count == 1 {
		if err := w.row(func(c column) string { return c.head }); err != nil {
			return err
		}
	}
	return w.row(func(c column) string { return oneLine(c.cell(&f)) })
}

// row prints one line of the table, each cell padded to its column's width.
func (w *findingWriter) row(cell func(column) string) error {
	var b strings.Builder
	for i, c := range w.cols {
		v := cell(c)
		if i == len(w.cols)-1 {
			b.WriteString(v)
			break
		}
		b.WriteString(v)
		b.WriteString(strings.Repeat(" ", max(c.width-len([]rune(v)), 0)+2))
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w.out, b.String())
	return err
}

// flush is kept for the commands' symmetry: rows are written as they come.
func (w *findingWriter) flush() error { return nil }

// oneLine keeps a tenant-controlled string (a path, a name) from breaking the table
// or steering the terminal: control characters (C0, DEL, C1) and the bidirectional
// controls, which reorder what the operator reads ("exe.txt" shown for "txt.exe"),
// become '?'.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || isBidiControl(r) {
			return '?'
		}
		return r
	}, s)
}

// isBidiControl reports the Unicode bidirectional formatting characters: embeddings
// and overrides U+202A-U+202E, isolates U+2066-U+2069, the marks U+200E, U+200F and
// the Arabic letter mark U+061C.
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// printSummary writes what a file scan read and skipped to stderr: skipped files are
// counted by reason and listed, so none passes for clean.
func printSummary(w io.Writer, s host.Summary, findings int, listAll bool) {
	fmt.Fprintf(w, "scanned %d files, %.1f MiB in %s: %d findings, %d skipped",
		s.Files, float64(s.Bytes)/(1<<20), s.Duration.Round(1e6), findings, len(s.Skipped))
	if len(s.Packed) > 0 {
		fmt.Fprintf(w, ", %d packed", len(s.Packed))
	}
	fmt.Fprintln(w)
	if s.FilesCached > 0 {
		fmt.Fprintf(w, "  %d files read (%.1f MiB), %d unchanged since the cached scan\n",
			s.FilesRead, float64(s.BytesRead)/(1<<20), s.FilesCached)
	}
	if s.Members > 0 {
		fmt.Fprintf(w, "  %d archive members, %.1f MiB expanded\n", s.Members, float64(s.MemberBytes)/(1<<20))
	}
	for _, p := range s.Packed {
		fmt.Fprintf(w, "  packed (%s), content not readable: %s\n", p.Packer, oneLine(p.Path))
	}
	if s.ConfigDefaults > 0 {
		fmt.Fprintf(w, "  configuration files left as their package shipped them (no config findings): %d\n", s.ConfigDefaults)
	}
	if len(s.Skipped) == 0 {
		return
	}
	counts := map[string]int{}
	for _, sk := range s.Skipped {
		counts[sk.Reason]++
	}
	reasons := make([]string, 0, len(counts))
	for r := range counts {
		reasons = append(reasons, r)
	}
	slices.Sort(reasons)
	for _, r := range reasons {
		fmt.Fprintf(w, "  skipped %d: %s\n", counts[r], r)
	}
	const shown = 100
	for i, sk := range s.Skipped {
		if i == shown && !listAll {
			fmt.Fprintf(w, "  ... and %d more (--list-skipped lists all)\n", len(s.Skipped)-shown)
			break
		}
		fmt.Fprintf(w, "  skipped %s: %s\n", oneLine(sk.Path), sk.Reason)
	}
}
