package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

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

// findingWriter prints findings as they come: JSON Lines, or a table for people
// (flushed at the end so columns line up).
type findingWriter struct {
	enc     output.Encoder // nil for the table
	version string         // of the rules that made the findings
	out     io.Writer
	tw      *tabwriter.Writer
	buf     *bufio.Writer // under the table: tabwriter writes a cell at a time
	count   int
}

// newFindingWriter prints findings in the --format of g: a table, or records of the
// JSON form named (json, eve, ocsf), each carrying the version of set.
func newFindingWriter(g *Globals, set *signatures.Set) *findingWriter {
	w := &findingWriter{out: g.stdout, version: set.Version()}
	if g.Format == "text" || g.Format == "" {
		w.buf = bufio.NewWriter(g.stdout)
		w.tw = tabwriter.NewWriter(w.buf, 0, 4, 2, ' ', 0)
		return w
	}
	w.enc, _ = output.NewEncoder(g.Format, output.Product{Name: "aupscan"}) // kong checked the enum
	return w
}

func (w *findingWriter) write(f scanner.Finding) error {
	w.count++
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
		fmt.Fprintln(w.tw, "SEVERITY\tCONFIDENCE\tCATEGORY\tKIND\tRULE\tSUBJECT\tEVIDENCE")
	}
	subject := f.Subject
	if f.Container != "" {
		subject = f.Container + " " + subject // the path inside that container
	}
	_, err := fmt.Fprintf(w.tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f.Severity, f.Confidence, f.Category, f.Kind, f.Rule, oneLine(subject), oneLine(f.Evidence))
	return err
}

func (w *findingWriter) flush() error {
	if w.tw != nil {
		if err := w.tw.Flush(); err != nil {
			return err
		}
		return w.buf.Flush()
	}
	return nil
}

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
