package daemon

import (
	"context"
	"errors"
	"os"
	"time"

	"github.com/aupscan/aupscan/notify/store"
)

// integrityEvery is how often the SQLite case database is checked in full while the
// daemon runs. A small file is checked at every open too; a large one (beyond
// store.IntegrityAtOpenMax) only here, first soon after the start, so that the start
// does not wait for it.
const integrityEvery = 24 * time.Hour

// checkCaseDatabase runs the case database's integrity check on a schedule until ctx
// ends. A damaged file is logged with the repair command and shown by the metric
// aupscand_case_database_damaged; the daemon goes on (a broken index slows or
// misleads lookups, and stopping would lose the findings in hand).
func (d *daemon) checkCaseDatabase(ctx context.Context, first time.Duration) {
	t := time.NewTimer(first)
	defer t.Stop()
	for initial := true; ; initial = false {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		_, st := d.notifierNow()
		if p := st.Path(); p != "" {
			if fi, err := os.Stat(p); err == nil && (!initial || fi.Size() > store.IntegrityAtOpenMax) {
				d.checkIntegrity(ctx, st)
			}
		}
		t.Reset(integrityEvery)
	}
}

func (d *daemon) checkIntegrity(ctx context.Context, st *store.Store) {
	start := time.Now()
	err := st.CheckIntegrity(ctx)
	switch {
	case errors.Is(err, store.ErrCorrupt):
		d.m.caseDatabaseDamaged.Set(1)
		d.log.Error("case database damaged", "file", st.Path(), "err", err)
	case err != nil:
		d.log.Warn("case database integrity check did not run", "file", st.Path(), "err", err)
	default:
		d.m.caseDatabaseDamaged.Set(0)
		d.log.Info("case database integrity check ok", "file", st.Path(), "took", time.Since(start).Round(time.Millisecond))
	}
}
