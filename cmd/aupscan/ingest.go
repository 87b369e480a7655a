package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/aupscan/aupscan/scanner"
)

// casesIngestCmd feeds findings to the notifier: what the daemon does with its
// scanners' output, for findings that come from elsewhere (a tenant VM's agent, a scan
// run by hand) and for tests.
type casesIngestCmd struct {
	File string `arg:"" name:"FILE" help:"Findings as JSON Lines (the --format json output of the scan commands); - reads stdin."`
	Host string `placeholder:"HOST" help:"Host to give findings that name none (the scan commands' output does not)."`
}

func (c *casesIngestCmd) Run(g *Globals) error {
	findings, err := c.read()
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	ctx := context.Background()
	env, err := openCases(ctx, g, true)
	if err != nil {
		return err
	}
	defer env.Close()
	res, err := env.n.Process(ctx, findings)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if g.Format == "json" {
		return json.NewEncoder(g.stdout).Encode(res)
	}
	skipped := 0
	reasons := make([]string, 0, len(res.Skipped))
	for r, n := range res.Skipped {
		skipped += n
		reasons = append(reasons, fmt.Sprintf("%s: %d", r, n))
	}
	slices.Sort(reasons)
	fmt.Fprintf(g.stdout, "%d findings: %d cases opened, %d refreshed, %d skipped", len(findings), res.Opened, res.Refreshed, skipped)
	if skipped > 0 {
		fmt.Fprintf(g.stdout, " (%s)", strings.Join(reasons, "; "))
	}
	fmt.Fprintln(g.stdout)
	return nil
}

// read decodes the findings, one a line; a line that is not a finding is an error
// naming the file and line, and nothing is ingested.
func (c *casesIngestCmd) read() ([]scanner.Finding, error) {
	name := c.File
	var in io.Reader = os.Stdin
	if c.File == "-" {
		name = "stdin"
	} else {
		f, err := os.Open(c.File)
		if err != nil {
			return nil, fmt.Errorf("ingest: %w", err)
		}
		defer f.Close()
		in = f
	}
	var out []scanner.Finding
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var f scanner.Finding
		if err := json.Unmarshal(b, &f); err != nil {
			return nil, fmt.Errorf("%s:%d: not a finding: %w", name, line, err)
		}
		if f.Rule == "" || f.Category == "" {
			return nil, fmt.Errorf("%s:%d: not a finding: rule and category are required", name, line)
		}
		if f.Host == "" {
			f.Host = c.Host
		}
		if f.ID == "" {
			f.SetID()
		}
		out = append(out, f)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ingest %s: %w", name, err)
	}
	return out, nil
}
