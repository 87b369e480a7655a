// Command aupscand is the aupscan daemon: it loads its configuration and the rules,
// replays capture files and captures live on the configured interfaces, scans host
// roots on a cron schedule, turns findings into cases and notices through the
// notifier, and serves Prometheus metrics. SIGHUP reloads configuration and rules;
// SIGTERM stops it gracefully. --once runs one full cycle and exits.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/notify"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	check := false
	if len(args) > 0 && args[0] == "check-config" {
		check, args = true, args[1:]
	}
	fs := flag.NewFlagSet("aupscand", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "configuration file (TOML)")
	once := fs.Bool("once", false, "run one full cycle (scan, update cases, deliver what is due) and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 1 && fs.Arg(0) == "check-config" {
		check = true
	} else if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "aupscand: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *cfgPath == "" {
		fmt.Fprintln(stderr, "aupscand: --config FILE is required")
		return 2
	}
	cfg, err := config.Load(*cfgPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	log := newLogger(cfg.Log, stderr)
	if check {
		if err := checkConfig(cfg, log); err != nil {
			log.Error("configuration refused", "err", err)
			return 2
		}
		log.Info("configuration ok", "file", cfg.File, "host", cfg.Identity.Host)
		return 0
	}
	applyLimits(cfg.Limits, log)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if cfg.Fleet.Role != config.RoleSingle {
		hup := make(chan os.Signal, 1)
		signal.Notify(hup, syscall.SIGHUP)
		defer signal.Stop(hup)
		return runFleet(ctx, cfg, *cfgPath, *once, hup, log)
	}
	d, err := newDaemon(ctx, cfg, log)
	if err != nil {
		log.Error("cannot start", "err", err)
		return 2
	}
	defer func() {
		if err := d.close(); err != nil {
			log.Error("close case database", "err", err)
		}
	}()
	if *once {
		err = d.once(ctx)
	} else {
		hup := make(chan os.Signal, 1)
		signal.Notify(hup, syscall.SIGHUP)
		defer signal.Stop(hup)
		err = d.serve(ctx, *cfgPath, hup)
	}
	if err != nil {
		log.Error("aupscand stopped", "err", err)
		return 1
	}
	return 0
}

// checkConfig loads what the configuration names without starting anything: the
// rules with both engines, and the notice templates. It creates no database.
func checkConfig(cfg *config.Config, log *slog.Logger) error {
	db, err := openRules(cfg.Rules, log)
	if err != nil {
		return err
	}
	s := db.Current().Set
	log.Info("rules ok", "version", s.Version(), "rules", s.Len(), "warnings", len(s.Warnings()))
	if cfg.Notify != nil {
		if _, err := notify.NewRenderer(cfg.Notify.Templates); err != nil {
			return fmt.Errorf("notify.templates: %w", err)
		}
	}
	for _, it := range cfg.Capture.Interfaces {
		if _, err := netInterface(it.Name); err != nil {
			log.Warn("capture interface not present now; the daemon retries until it is", "interface", it.Name, "err", err)
		}
	}
	return nil
}

// applyLimits sets the runtime's caps: GOMEMLIMIT and GOMAXPROCS. A GOMEMLIMIT in the
// environment wins, as the runtime's own documentation promises the operator.
func applyLimits(l config.LimitsConfig, log *slog.Logger) {
	if l.Memory > 0 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(l.Memory))
	}
	if l.CPUs > 0 {
		runtime.GOMAXPROCS(l.CPUs)
	}
	log.Debug("limits", "memory", debug.SetMemoryLimit(-1), "gomaxprocs", runtime.GOMAXPROCS(0), "scan_duty", l.ScanDuty)
}

func newLogger(c config.LogConfig, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(c.Level))
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

func netInterface(name string) (*net.Interface, error) { return net.InterfaceByName(name) }
