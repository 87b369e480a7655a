package daemon

import (
	"context"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
)

// Options are what Run takes besides the configuration.
type Options struct {
	// Logger receives the daemon's log; slog.Default() when nil.
	Logger *slog.Logger
	// Once runs one full cycle and returns: the single-host daemon and a manager scan,
	// record the findings as cases, move the cases on and deliver what is due; an
	// agent scans, publishes (or spools) what it found and tries once to deliver its
	// spool.
	Once bool
	// Reload carries SIGHUP: each signal reloads the configuration file (cfg.File)
	// and the rules, keeping the running ones when they do not load. An agent
	// reloads its rules only. Nil: no reloads.
	Reload <-chan os.Signal
	// OpenLive opens the live capture sources; capture.OpenLive when nil.
	OpenLive LiveOpener
}

// A LiveOpener opens a live capture source on an interface, as capture.OpenLive
// does. The end-to-end test opens its socket inside a network namespace.
type LiveOpener func(iface string, c capture.LiveConfig) (*capture.LiveSource, error)

// A StartError is Run's error when the single-host daemon does not start: its rules
// or its case database do not open. aupscand exits 2 for it, as for a configuration
// it refuses, and 1 when an error stops a daemon that ran.
type StartError struct{ Err error }

func (e *StartError) Error() string { return e.Err.Error() }

func (e *StartError) Unwrap() error { return e.Err }

// Run sets the runtime's limits ([limits]) and runs the daemon of cfg in its role
// (cfg.Fleet.Role) until ctx ends, or for one cycle with opts.Once. It returns nil
// when it stopped cleanly. A fleet role checks the [fleet] table again first: its
// problems come back as joined *config.Error.
func Run(ctx context.Context, cfg *config.Config, opts Options) error {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	log := opts.Logger
	applyLimits(cfg.Limits, log)
	if cfg.Fleet.Role != config.RoleSingle {
		return runFleet(ctx, cfg, opts)
	}
	d, err := newDaemon(ctx, cfg, log)
	if err != nil {
		return &StartError{Err: err}
	}
	d.use(opts)
	defer func() {
		if err := d.close(); err != nil {
			log.Error("close case database", "err", err)
		}
	}()
	if opts.Once {
		return d.once(ctx)
	}
	return d.serve(ctx, cfg.File, opts.Reload)
}

// runFleet runs the daemon in its fleet role (cfg.Fleet.Role set): an agent scans and
// publishes, a manager consumes the agents' findings into the notifier.
func runFleet(ctx context.Context, cfg *config.Config, opts Options) error {
	if err := cfg.ValidateFleet(); err != nil {
		return err
	}
	switch cfg.Fleet.Role {
	case config.RoleAgent:
		return runAgent(ctx, cfg, opts)
	case config.RoleManager:
		return runManager(ctx, cfg, opts)
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
