package traffic

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/scanner"
)

// localRow is one line of testdata/corpus-local.tsv.
type localRow struct {
	capture, local, match, role string
	line                        int
}

func readCorpusLocal(t *testing.T) []localRow {
	t.Helper()
	f, err := os.Open("testdata/corpus-local.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []localRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "capture\t") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 4 {
			t.Fatalf("testdata/corpus-local.tsv:%d: %d columns, want capture, local, match, role[, note]", n, len(c))
		}
		switch c[3] {
		case "client", "server", "none":
		default:
			t.Fatalf("testdata/corpus-local.tsv:%d: role %q is not client, server or none", n, c[3])
		}
		rows = append(rows, localRow{capture: c[0], local: c[1], match: c[2], role: c[3], line: n})
	}
	return rows
}

// TestCorpusRoles scans the captures of testdata/corpus-local.tsv with the monitored
// host it names, as `aupscan pcap --local` does, and checks the role of every
// finding; every capture of the acceptance corpus with a required finding must be
// listed.
func TestCorpusRoles(t *testing.T) {
	expect := readExpect(t)
	rows := readCorpusLocal(t)
	byCapture := map[string][]localRow{}
	var order []string
	for _, r := range rows {
		if len(byCapture[r.capture]) == 0 {
			order = append(order, r.capture)
		} else if byCapture[r.capture][0].local != r.local {
			t.Fatalf("testdata/corpus-local.tsv:%d: %s's local set differs from line %d's", r.line, r.capture, byCapture[r.capture][0].line)
		}
		byCapture[r.capture] = append(byCapture[r.capture], r)
	}
	for _, e := range expect {
		if e.required && e.expect != "none" && len(byCapture[e.file]) == 0 {
			t.Errorf("%s has a required finding and no row in testdata/corpus-local.tsv", e.file)
		}
	}
	e := builtinEngine(t)
	for _, name := range order {
		rs := byCapture[name]
		local, err := ParseLocal(strings.Split(rs[0].local, ","))
		if err != nil {
			t.Fatalf("testdata/corpus-local.tsv:%d: %v", rs[0].line, err)
		}
		var found []scanner.Finding
		if _, err := ScanFile(filepath.Join(corpusDir, "pcap", name), e, ScannerConfig{Local: local},
			func(f scanner.Finding) { found = append(found, f) }); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(found) == 0 {
			t.Errorf("%s: no finding", name)
		}
		used := map[int]bool{}
		for _, f := range found {
			r, ok := roleRow(rs, f)
			if !ok {
				t.Errorf("%s: no row for %s %s", name, f.Rule, f.Subject)
				continue
			}
			used[r.line] = true
			if got := cmpRole(f.Role); got != r.role {
				t.Errorf("%s: %s %s: role %s, want %s (line %d); evidence: %s", name, f.Rule, f.Subject, got, r.role, r.line, f.Evidence)
			}
		}
		for _, r := range rs {
			if !used[r.line] {
				t.Errorf("testdata/corpus-local.tsv:%d: matches no finding of %s", r.line, name)
			}
		}
	}
}

// roleRow finds the row for a finding: its subject's, else its rule's, else "*".
func roleRow(rs []localRow, f scanner.Finding) (localRow, bool) {
	for _, key := range []string{f.Subject, f.Rule, "*"} {
		for _, r := range rs {
			if r.match == key {
				return r, true
			}
		}
	}
	return localRow{}, false
}

func cmpRole(r string) string {
	if r == "" {
		return "none"
	}
	return r
}
