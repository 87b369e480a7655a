package daemon

import (
	"context"
	"sync"
	"time"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/scanner/host"
)

// folderWatch scans what changes in the watched folders, and in every folder below
// them, once the changes settle, with the host of the first root.
type folderWatch struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func (w *folderWatch) stop() {
	w.cancel()
	w.wg.Wait()
}

// startWatch watches cfg's host.watch folders with host.Watch (new subfolders are
// added, files replaced by rename are seen, bursts are debounced) until stopped.
func (d *daemon) startWatch(ctx context.Context, cfg *config.Config) *folderWatch {
	ctx, cancel := context.WithCancel(ctx)
	fw := &folderWatch{cancel: cancel}
	if len(cfg.Host.Watch) == 0 || len(cfg.Host.Roots) == 0 {
		return fw
	}
	opts := fileOptions(cfg)
	w, err := host.Watch(cfg.Host.Watch, host.WatchOptions{
		Debounce:    time.Second,
		CrossDevice: opts.CrossDevice,
		OnError:     func(err error) { d.log.Warn("folder watch", "err", err) },
	})
	if err != nil {
		d.log.Error("cannot watch folders", "err", err)
		return fw
	}
	hostID := cfg.Host.Roots[0].Host
	fw.wg.Add(1)
	go func() {
		defer fw.wg.Done()
		_ = w.Run(ctx, func(ctx context.Context, trees []host.Tree) { d.scanChanged(ctx, opts, trees, hostID) })
	}()
	return fw
}

// scanChanged scans what changed in the watched folders.
func (d *daemon) scanChanged(ctx context.Context, opts host.FileOptions, trees []host.Tree, hostID string) {
	eng := d.rules.current().Engines.host
	mk := host.FindingMaker{Host: hostID, Time: time.Now().UTC()}
	sum, err := host.ScanFiles(ctx, trees, eng.Files, opts, func(h host.FileHit) {
		for _, f := range mk.FileFindings(h) {
			d.q.put(f)
		}
	})
	if err != nil {
		d.log.Warn("watched files not scanned", "err", err)
	}
	d.m.files.WithLabelValues("watch").Add(float64(sum.Files))
	d.m.filesSkipped.WithLabelValues("watch").Add(float64(len(sum.Skipped)))
	d.log.Debug("watched files scanned", "trees", len(trees), "files", sum.Files, "skipped", len(sum.Skipped))
}
