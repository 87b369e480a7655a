package main

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/scanner/host"
)

// folderWatch scans files written into the watched folders as they settle, with the
// host of the first root.
type folderWatch struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func (w *folderWatch) stop() {
	w.cancel()
	w.wg.Wait()
}

// startWatch watches cfg's host.watch folders (not recursively: fsnotify watches one
// folder each) until stopped.
func (d *daemon) startWatch(ctx context.Context, cfg *config.Config) *folderWatch {
	ctx, cancel := context.WithCancel(ctx)
	fw := &folderWatch{cancel: cancel}
	if len(cfg.Host.Watch) == 0 || len(cfg.Host.Roots) == 0 {
		return fw
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		d.log.Error("cannot watch folders", "err", err)
		return fw
	}
	for _, dir := range cfg.Host.Watch {
		if err := w.Add(dir); err != nil {
			d.log.Warn("cannot watch folder", "dir", dir, "err", err)
		}
	}
	hostID := cfg.Host.Roots[0].Host
	fw.wg.Add(1)
	go func() {
		defer fw.wg.Done()
		defer w.Close()
		pending := map[string]bool{}
		var settle <-chan time.Time
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if ev.Has(fsnotify.Write) || ev.Has(fsnotify.Create) || ev.Has(fsnotify.Rename) {
					pending[ev.Name] = true
					// A file being written fires many events: scan it once they stop.
					settle = time.After(time.Second)
				}
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				d.log.Warn("folder watch", "err", err)
			case <-settle:
				settle = nil
				for p := range pending {
					d.scanChanged(ctx, cfg, p, hostID)
				}
				clear(pending)
			}
		}
	}()
	return fw
}

// scanChanged scans one changed file (or folder) of a watched folder.
func (d *daemon) scanChanged(ctx context.Context, cfg *config.Config, p, hostID string) {
	if _, err := os.Lstat(p); err != nil {
		return // gone again (a temporary file renamed away)
	}
	dir := filepath.Dir(p)
	root, err := os.OpenRoot(dir)
	if err != nil {
		d.log.Warn("watched file not scanned", "path", p, "err", err)
		return
	}
	defer root.Close()
	eng := d.rules.current().Engines.host
	mk := host.FindingMaker{Host: hostID, Source: dir, Time: time.Now().UTC()}
	sum, err := host.ScanFiles(ctx, []host.Tree{{Root: root, Prefix: dir, Paths: []string{"/" + filepath.Base(p)}, Source: dir}},
		eng.Files, fileOptions(cfg), func(h host.FileHit) {
			for _, f := range mk.FileFindings(h) {
				d.q.put(f)
			}
		})
	if err != nil {
		d.log.Warn("watched file not scanned", "path", p, "err", err)
	}
	d.m.files.WithLabelValues(dir).Add(float64(sum.Files))
	d.m.filesSkipped.WithLabelValues(dir).Add(float64(len(sum.Skipped)))
	d.log.Debug("watched file scanned", "path", p, "files", sum.Files, "skipped", len(sum.Skipped))
}
