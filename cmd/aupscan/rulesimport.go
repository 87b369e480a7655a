package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aupscan/aupscan/signatures"
	"github.com/aupscan/aupscan/signatures/foreign"
)

type rulesImportCmd struct {
	Files []string `arg:"" name:"FILE" type:"path" help:"Other engines' rule files: YARA (.yar, .yara), ClamAV (.ndb, .ldb, .hdb, .hsb), Suricata and Snort (.rules)."`
	Out   string   `short:"o" type:"path" placeholder:"DIR" help:"Write one FILE.toml a file into this folder (default: the TOML of every file on stdout)."`
}

// Run converts each file into this project's rules, reports on stderr what was
// imported and, rule by rule, each construct that keeps a rule out or widens it,
// and checks that what it wrote loads. Exit 0 when every file was read, 2 when
// one could not be.
func (c *rulesImportCmd) Run(g *Globals) error {
	if c.Out != "" {
		if err := os.MkdirAll(c.Out, 0o755); err != nil {
			return &exitErr{code: exitError, err: err}
		}
	}
	bad := 0
	ids := map[string]bool{} // over every file: they may go into one folder
	var seen, imported, approximated int
	for _, f := range c.Files {
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(g.stderr, "aupscan:", err)
			bad++
			continue
		}
		res, err := foreign.Convert(f, data)
		if err != nil {
			fmt.Fprintln(g.stderr, "aupscan:", err)
			bad++
			continue
		}
		res.Dedupe(ids)
		approx := map[string]bool{}
		for _, p := range res.Problems {
			fmt.Fprintln(g.stderr, p.String())
			if p.Approximated {
				approx[p.Rule] = true
			}
		}
		fmt.Fprintf(g.stderr, "%s: %d of %d rules imported (%d approximated)\n", f, res.Imported(), res.Seen, len(approx))
		seen, imported, approximated = seen+res.Seen, imported+res.Imported(), approximated+len(approx)
		out := res.TOML()
		if c.Out == "" {
			g.stdout.Write(out)
			continue
		}
		name := filepath.Join(c.Out, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".toml")
		if err := os.WriteFile(name, out, 0o644); err != nil {
			return &exitErr{code: exitError, err: err}
		}
	}
	if len(c.Files) > 1 {
		fmt.Fprintf(g.stderr, "total: %d of %d rules imported (%d approximated)\n", imported, seen, approximated)
	}
	if c.Out != "" {
		// What was written must load as any rule folder does.
		if _, err := signatures.Load(signatures.Options{Dirs: []string{c.Out}, NoBuiltin: true}); err != nil {
			fmt.Fprintln(g.stderr, err)
			return &exitErr{code: exitError, err: fmt.Errorf("the imported rules in %s do not load", c.Out)}
		}
	}
	if bad > 0 {
		return &exitErr{code: exitError}
	}
	return nil
}
