// Command aupscand is the aupscan daemon: it loads its configuration and the rules,
// replays capture files and captures live on the configured interfaces, scans host
// roots on a cron schedule, turns findings into cases and notices through the
// notifier, and serves Prometheus metrics. SIGHUP reloads configuration and rules;
// SIGTERM stops it gracefully. --once runs one full cycle and exits.
//
// The daemon itself is internal/daemon; this command reads the flags, loads the
// configuration, makes the logger, handles the signals and sets the exit code.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/internal/daemon"
	"github.com/aupscan/aupscan/internal/version"
	"github.com/aupscan/aupscan/signatures"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

// openLive opens the daemon's live capture sources; nil takes traffic.OpenLive. The
// end-to-end test replaces it to open the socket inside the network namespace that
// holds its veth.
var openLive daemon.LiveOpener

// stdout is where --version prints; a test sets it.
var stdout io.Writer = os.Stdout

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("aupscand", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "configuration file (TOML)")
	once := fs.Bool("once", false, "run one full cycle (scan, update cases, deliver what is due) and exit")
	showVersion := fs.Bool("version", false, "print the version, commit and build date, and the built-in rules' version, then exit")
	man := fs.Bool("man", false, "print the man page (roff) and exit (for packaging)")
	completion := fs.String("completion", "", "print the completion script for `SHELL` (bash, zsh, fish) and exit")
	fs.Usage = func() { usage(fs) }
	check, err := parseArgs(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		if !errors.Is(err, errFlag) {
			fmt.Fprintln(stderr, "aupscand:", err)
		}
		return 2
	}
	switch {
	case *showVersion:
		printVersion(stdout)
		return 0
	case *man || *completion != "":
		return printDoc(fs, *man, *completion, stderr)
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
		if err := daemon.CheckConfig(cfg, log); err != nil {
			log.Error("configuration refused", "err", err)
			return 2
		}
		log.Info("configuration ok", "file", cfg.File, "host", cfg.Identity.Host)
		return 0
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	var hup chan os.Signal
	if cfg.Fleet.Role != config.RoleSingle || !*once { // --once of the single-host daemon takes no SIGHUP
		hup = make(chan os.Signal, 1)
		signal.Notify(hup, syscall.SIGHUP)
		defer signal.Stop(hup)
	}
	err = daemon.Run(ctx, cfg, daemon.Options{Logger: log, Once: *once, Reload: hup, OpenLive: openLive})
	return exitCode(err, cfg, log)
}

// errFlag marks an error the flag package has printed already, with the usage.
var errFlag = errors.New("bad flag")

// parseArgs reads the flags before and after the one command, check-config, which
// may stand anywhere among them: an unknown flag or argument is named as it was
// written, wherever it stands.
func parseArgs(fs *flag.FlagSet, args []string) (check bool, err error) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return false, err
			}
			return false, errFlag
		}
		if fs.NArg() == 0 {
			return check, nil
		}
		if fs.Arg(0) != "check-config" || check {
			return false, fmt.Errorf("unexpected argument %q (the only command is check-config; aupscand --help)", fs.Arg(0))
		}
		check, args = true, fs.Args()[1:]
	}
}

// usage is aupscand --help: both ways to run it, then the flags.
func usage(fs *flag.FlagSet) {
	w := fs.Output()
	fmt.Fprint(w, `Usage:
  aupscand --config FILE [--once]      run the daemon (--once: one full cycle, then exit)
  aupscand --config FILE check-config  check the configuration and the rules it names,
                                       then exit: 0 when they load, 2 when not

Flags:
`)
	fs.PrintDefaults()
}

// exitCode logs why the daemon stopped and returns the exit code: 0 for a clean
// stop, 2 for a configuration refused or a daemon that did not start, 1 for an error
// that stopped a running daemon.
func exitCode(err error, cfg *config.Config, log *slog.Logger) int {
	var problem *config.Error
	var start *daemon.StartError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &start):
		log.Error("cannot start", "err", start.Err)
		return 2
	case errors.As(err, &problem): // the [fleet] table, checked again by the role
		for _, e := range unjoin(err) {
			log.Error("configuration refused", "problem", e.Error())
		}
		return 2
	case cfg.Fleet.Role != config.RoleSingle:
		log.Error("aupscand stopped", "role", cfg.Fleet.Role, "err", err)
		return 1
	default:
		log.Error("aupscand stopped", "err", err)
		return 1
	}
}

// printVersion is --version: this build and the built-in rules' version.
func printVersion(w io.Writer) {
	set, err := signatures.Load(signatures.Options{})
	v, n := "", 0
	if set != nil {
		v, n = set.Version(), set.Len()
	}
	version.Write(w, "aupscand", v, n, err)
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
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
