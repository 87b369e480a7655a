package daemon

import (
	"context"
	"path/filepath"
	"runtime"
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
	return host.FileOptions{Workers: workers, MaxSize: int64(cfg.Host.MaxSize), MaxDepth: cfg.Host.MaxDepth, RateBytes: int64(cfg.Host.Rate), Duty: cfg.Limits.ScanDuty,
		CrossDevice: cfg.Host.CrossDevice, Exclude: cfg.Host.Exclude,
		Archives: cfg.Host.Archives.Limits(), NoArchives: cfg.Host.Archives.Disabled()}
}

// scanRoot scans one root: packages, the files, and processes on the live system; with
// limits.scan_duty each file reader rests so its work keeps to that share of the time.
func (d *daemon) scanRoot(ctx context.Context, cfg *config.Config, r config.HostRoot, why string) {
	start := time.Now()
	eng := d.rules.current().Engines.host
	log := d.log.With("root", r.Path, "host", r.Host)
	emit := func(f scanner.Finding) { d.q.put(f) }
	paths := cfg.Host.Paths
	if len(paths) == 0 {
		paths = host.DefaultPaths
	}
	// One scan: packages, processes, the walk, the programs the system starts and
	// its containers, so a program met by the walk and by a unit is read once.
	res, err := host.Scan(ctx, eng, host.Options{Root: r.Path, Paths: paths, Files: fileOptions(cfg),
		Processes: cfg.Host.Processes && filepath.Clean(r.Path) == "/", ProcDir: "/proc", Host: r.Host}, emit)
	if err != nil {
		log.Error("host scan", "err", err)
	} else if ctx.Err() == nil && cfg.Web != nil { // re-checks come from the case pages
		d.markChecked(r.Host, start)
	}
	sum := res.Summary
	d.m.files.WithLabelValues(r.Path).Add(float64(sum.Files))
	d.m.filesSkipped.WithLabelValues(r.Path).Add(float64(len(sum.Skipped)))
	d.m.scanDuration.WithLabelValues("host").Observe(time.Since(start).Seconds())
	log.Info("host scan done", "trigger", why, "files", sum.Files, "bytes", sum.Bytes, "skipped", len(sum.Skipped),
		"members", sum.Members, "packed", len(sum.Packed), "config_defaults", sum.ConfigDefaults,
		"packages", res.Packages, "processes", res.Processes, "files_took", sum.Duration.Round(time.Millisecond),
		"elapsed", time.Since(start).Round(time.Millisecond))
	for _, s := range sum.Skipped {
		log.Debug("skipped", "path", s.Path, "reason", s.Reason)
	}
	for _, p := range sum.Packed {
		log.Info("packed executable, content not readable", "path", p.Path, "packer", p.Packer)
	}
}
