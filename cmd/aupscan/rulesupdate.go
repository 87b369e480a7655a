package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"syscall"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/aupscan/aupscan/feed"
	"github.com/aupscan/aupscan/internal/config"
)

type rulesUpdateCmd struct {
	Feeds []string `arg:"" optional:"" name:"NAME" help:"Feeds to update (default: every [[feed]] of --config)."`
}

// Run updates the [[feed]] lists of the daemon's configuration now: each is
// fetched, checked and installed, or refused with the last good copy kept. A
// running daemon takes the new lists up through its rule watcher. Exit 0 when
// every feed is up to date, 2 when one failed.
func (c *rulesUpdateCmd) Run(g *Globals) error {
	cfg, err := config.Load(g.Config)
	if err != nil {
		return &exitErr{code: exitError, err: fmt.Errorf("--config %s: %w", g.Config, err)}
	}
	if len(cfg.Feeds) == 0 {
		return &exitErr{code: exitError, err: fmt.Errorf("%s has no [[feed]] section", g.Config)}
	}
	for _, name := range c.Feeds {
		if !slices.ContainsFunc(cfg.Feeds, func(f feed.Config) bool { return f.Name == name }) {
			return &exitErr{code: exitError, err: fmt.Errorf("no feed named %q in %s", name, g.Config)}
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	failed := 0
	for _, f := range cfg.Feeds {
		if len(c.Feeds) > 0 && !slices.Contains(c.Feeds, f.Name) {
			continue
		}
		client, err := feed.Client(f)
		if err != nil {
			client = http.DefaultClient
			fmt.Fprintf(g.stderr, "aupscan: feed %s: ca_file: %v (the system's CAs are used)\n", f.Name, err)
		}
		r := feed.Update(ctx, f, client)
		switch {
		case r.Err != nil:
			failed++
			fmt.Fprintf(g.stdout, "%s: FAILED: %v\n", f.Name, r.Err)
			if !r.State.Installed.IsZero() {
				fmt.Fprintf(g.stdout, "%s: keeping %s: %d entries, installed %s ago\n", f.Name, f.Destination, r.Entries,
					time.Since(r.State.Installed).Round(time.Second))
			}
		case r.Installed:
			fmt.Fprintf(g.stdout, "%s: installed %s: %d entries, %s\n", f.Name, f.Destination, r.Entries, humanize.IBytes(uint64(r.Bytes)))
		default:
			fmt.Fprintf(g.stdout, "%s: unchanged: %s, %d entries\n", f.Name, f.Destination, r.Entries)
		}
	}
	if failed > 0 {
		return &exitErr{code: exitError, err: fmt.Errorf("%d feeds not updated", failed)}
	}
	return nil
}
