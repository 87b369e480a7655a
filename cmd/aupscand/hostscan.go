package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"runtime"
	"syscall"
	"time"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/host"
)

// scanHosts scans every configured root once. It returns false without scanning when
// a scan is already running: a scan is never started twice.
func (d *daemon) scanHosts(ctx context.Context, why string) bool {
	if !d.scanning.TryLock() {
		d.m.scansSkipped.Inc()
		d.log.Warn("host scan not started: the previous one is still running", "trigger", why)
		return false
	}
	defer d.scanning.Unlock()
	cfg := d.config()
	for _, r := range cfg.Host.Roots {
		if ctx.Err() != nil {
			return true
		}
		d.scanRoot(ctx, cfg, r, why)
	}
	return true
}

// fileOptions are the host scan's file settings under the configured limits.
func fileOptions(cfg *config.Config) host.FileOptions {
	workers := cfg.Host.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if c := cfg.Limits.CPUs; c > 0 && workers > c {
		workers = c
	}
	return host.FileOptions{Workers: workers, MaxSize: int64(cfg.Host.MaxSize), RateBytes: int64(cfg.Host.Rate),
		CrossDevice: cfg.Host.CrossDevice, Exclude: cfg.Host.Exclude}
}

// scanRoot scans one root: packages (and processes) first, then the files, in
// stretches of work separated by pauses when a duty cycle is configured.
func (d *daemon) scanRoot(ctx context.Context, cfg *config.Config, r config.HostRoot, why string) {
	start := time.Now()
	eng := d.rules.current().Engines.host
	log := d.log.With("root", r.Path, "host", r.Host)
	emit := func(f scanner.Finding) { d.q.put(f) }
	// Packages and processes: Paths empty (not nil), so Scan walks no files here.
	res, err := host.Scan(ctx, eng, host.Options{Root: r.Path, Paths: []string{}, Processes: cfg.Host.Processes,
		ProcDir: "/proc", Host: r.Host}, emit)
	if err != nil {
		log.Error("host scan: packages and processes", "err", err)
	}
	root, err := os.OpenRoot(r.Path)
	if err != nil {
		log.Error("host scan: cannot open root", "err", err)
		return
	}
	defer root.Close()
	mk := host.FindingMaker{Host: r.Host, Source: r.Path, Time: time.Now().UTC()}
	paths := cfg.Host.Paths
	if len(paths) == 0 {
		paths = host.DefaultPaths
	}
	opts := fileOptions(cfg)
	var sum host.Summary
	batches := dutyBatches(root, paths, cfg)
	for i, batch := range batches {
		s, err := host.ScanFiles(ctx, []host.Tree{{Root: root, Paths: batch, Source: r.Path}}, eng.Files, opts, func(h host.FileHit) {
			for _, f := range mk.FileFindings(h) {
				emit(f)
			}
		})
		sum.Files += s.Files
		sum.Bytes += s.Bytes
		sum.Skipped = append(sum.Skipped, s.Skipped...)
		sum.Duration += s.Duration
		if err != nil {
			log.Error("host scan: files", "err", err)
			break
		}
		if i < len(batches)-1 && pause(ctx, s.Duration, cfg.Limits.ScanDuty) != nil {
			break
		}
	}
	d.m.files.WithLabelValues(r.Path).Add(float64(sum.Files))
	d.m.filesSkipped.WithLabelValues(r.Path).Add(float64(len(sum.Skipped)))
	d.m.scanDuration.WithLabelValues("host").Observe(time.Since(start).Seconds())
	log.Info("host scan done", "trigger", why, "files", sum.Files, "bytes", sum.Bytes, "skipped", len(sum.Skipped),
		"packages", res.Packages, "processes", res.Processes, "working", sum.Duration.Round(time.Millisecond),
		"elapsed", time.Since(start).Round(time.Millisecond))
	for _, s := range sum.Skipped {
		log.Debug("skipped", "path", s.Path, "reason", s.Reason)
	}
}

// dutyBatches splits the scan paths into small batches when a duty cycle is set, so
// the scan can pause between them: a folder's entries become paths of their own (in
// batches of 16), minus other filesystems unless cross_device. Without a duty cycle
// the paths stay one batch. scanner/host has no pause hook of its own (see the report
// in issue 6); until it has, the pauses fall between batches.
func dutyBatches(root *os.Root, paths []string, cfg *config.Config) [][]string {
	duty := cfg.Limits.ScanDuty
	if duty <= 0 || duty >= 1 {
		return [][]string{paths}
	}
	var units []string
	for _, p := range paths {
		rel := relOf(p)
		fi, err := root.Lstat(rel)
		if err != nil || !fi.IsDir() {
			if !errors.Is(err, fs.ErrNotExist) {
				units = append(units, p)
			}
			continue
		}
		entries, err := readDirOf(root, rel)
		if err != nil {
			units = append(units, p) // ScanFiles reports the folder as skipped
			continue
		}
		dev := devOf(fi)
		for _, e := range entries {
			child := path.Join(p, e.Name())
			if !cfg.Host.CrossDevice && e.IsDir() {
				if ci, err := root.Lstat(relOf(child)); err == nil && devOf(ci) != dev {
					continue // another filesystem (a mount below the path)
				}
			}
			units = append(units, child)
		}
	}
	var out [][]string
	for len(units) > 0 {
		n := min(16, len(units))
		out = append(out, units[:n])
		units = units[n:]
	}
	return out
}

// pause rests after a stretch of work of length worked, so that work takes duty of
// the wall time: worked*(1-duty)/duty.
func pause(ctx context.Context, worked time.Duration, duty float64) error {
	if duty <= 0 || duty >= 1 {
		return nil
	}
	t := time.NewTimer(time.Duration(float64(worked) * (1 - duty) / duty))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func relOf(p string) string {
	if p == "/" || p == "" {
		return "."
	}
	return path.Clean(p)[1:]
}

func readDirOf(root *os.Root, rel string) ([]fs.DirEntry, error) {
	f, err := root.Open(rel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.ReadDir(-1)
}

func devOf(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Dev)
	}
	return 0
}
