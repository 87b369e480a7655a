package traffic

import (
	"bufio"
	"flag"
	"fmt"
	"github.com/aupscan/aupscan/internal/testenv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/signatures"
)

// recallFloor is the share of the corpus's required captures that must yield a
// finding of the expected category. Issue 3 asks for 0.95; raise it as detection
// grows, never lower it.
const recallFloor = 1.0

var showFindings = flag.Bool("findings", false, "TestAcceptance: log every finding")

// expectRow is one line of EXPECT.tsv.
type expectRow struct {
	file, expect string
	required     bool
	note         string
}

func readExpect(t *testing.T) []expectRow {
	f, err := os.Open(filepath.Join(corpusDir, "EXPECT.tsv"))
	if err != nil {
		// CI runs beside a copy of shared/, so there the corpus must be found.
		testenv.Missing(t, fmt.Sprintf("no acceptance corpus: %v", err))
	}
	defer f.Close()
	var rows []expectRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 3 || c[0] == "file" {
			continue
		}
		r := expectRow{file: c[0], expect: c[1], required: c[2] == "required"}
		if len(c) > 3 {
			r.note = c[3]
		}
		rows = append(rows, r)
	}
	return rows
}

func builtinEngine(t testing.TB) *Engine {
	set, err := signatures.Load(signatures.Options{})
	if err != nil {
		t.Fatalf("built-in rules: %v", err)
	}
	e, err := Compile(set)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return e
}

// TestAcceptance scans the acceptance corpus (../shared/corpus/ndpi) with the
// built-in rules when it is there: it prints the score (required captures with a
// finding of the expected category), lists each miss, fails on any finding in a
// `none` capture, and fails when the score falls below recallFloor.
func TestAcceptance(t *testing.T) {
	rows := readExpect(t)
	e := builtinEngine(t)
	required, hit := 0, 0
	var misses []string
	for _, r := range rows {
		var found []scanner.Finding
		_, err := ScanFile(filepath.Join(corpusDir, "pcap", r.file), e, ScannerConfig{}, func(f scanner.Finding) {
			found = append(found, f)
		})
		if err != nil {
			t.Errorf("%s: %v", r.file, err)
			continue
		}
		cats := map[string]int{}
		for _, f := range found {
			cats[f.Category]++
			if *showFindings {
				t.Logf("  %s: %s %s %s [%s] %s", r.file, f.Category, f.Rule, f.Subject, f.Confidence, f.Evidence)
			}
		}
		switch {
		case r.expect == "none":
			if len(found) > 0 {
				t.Errorf("%s (none): %d findings, the first %s %s: %s", r.file, len(found), found[0].Rule, found[0].Subject, found[0].Evidence)
			}
		case r.required:
			required++
			if cats[r.expect] > 0 {
				hit++
			} else {
				misses = append(misses, fmt.Sprintf("%s (%s: %s) got %v", r.file, r.expect, r.note, keys(cats)))
			}
		}
	}
	score := float64(hit) / float64(max(required, 1))
	t.Logf("acceptance: %d of %d required captures detected (%.1f%%)", hit, required, 100*score)
	for _, m := range misses {
		t.Logf("  miss: %s", m)
	}
	if score < recallFloor {
		t.Errorf("recall %.3f is below the floor %.3f", score, recallFloor)
	}
}

func keys(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
