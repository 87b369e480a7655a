package main

import (
	"context"
	"fmt"

	"github.com/aupscan/aupscan/notify/store"
)

type casesRepairCmd struct{}

// Run mends a SQLite case database whose indexes no longer match their tables (what
// the integrity check at open, or the daemon's scheduled one, reported): a copy of
// the file first, then REINDEX, then the check again. Run it with aupscand stopped.
func (c *casesRepairCmd) Run(g *Globals) error {
	cfg, err := loadNotifyConfig(g)
	if err != nil {
		return err
	}
	path := cfg.Notify.Database
	if store.IsPostgres(path) {
		return &exitErr{code: exitError, err: fmt.Errorf("notify.database in %s is PostgreSQL: use its own tools (REINDEX DATABASE, amcheck)", g.Config)}
	}
	res, err := store.Repair(context.Background(), path)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if len(res.Before) == 0 {
		fmt.Fprintf(g.stdout, "%s: integrity check ok before repair; indexes rebuilt anyway\n", path)
	} else {
		fmt.Fprintf(g.stdout, "%s: was damaged: %s\n", path, oneLine(fmt.Sprint(res.Before)))
	}
	fmt.Fprintf(g.stdout, "copy from before the repair: %s\n", res.Backup)
	if len(res.After) > 0 {
		return &exitErr{code: exitError, err: fmt.Errorf("%s: still damaged after REINDEX (a table, not an index): %v; "+
			"recover the rows with `sqlite3 %s .recover | sqlite3 NEW.db` and point notify.database at NEW.db", path, res.After, res.Backup)}
	}
	fmt.Fprintf(g.stdout, "%s: integrity check ok; no row lost (REINDEX rebuilds indexes from the tables)\n", path)
	return nil
}
