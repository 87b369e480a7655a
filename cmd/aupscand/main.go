// Command aupscand is the aupscan daemon: it loads its configuration and the rules,
// keeps the rules current (on change of a rule folder and on SIGHUP), and, as later
// parts land, captures traffic, scans the host on a schedule and drives the notifier.
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
	"github.com/aupscan/aupscan/signatures"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("aupscand", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "configuration file (TOML)")
	once := fs.Bool("once", false, "load everything, run one cycle and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 1 && fs.Arg(0) == "check-config" {
		*once = true
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
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	db, err := openRules(cfg, log)
	if err != nil {
		log.Error("cannot start", "err", err)
		return 2
	}
	if err := serve(ctx, db, log, *once); err != nil {
		log.Error("aupscand stopped", "err", err)
		return 1
	}
	return 0
}

// rulesDB is the daemon's rule database with the engines it compiles.
type rulesDB = signatures.DB[*signatures.FileMatcher]

// openRules loads the rules and logs every problem when they do not load.
func openRules(cfg *config.Config, log *slog.Logger) (*rulesDB, error) {
	db, err := signatures.Open(signatures.Options{Dirs: cfg.Rules.Dirs, NoBuiltin: cfg.Rules.NoBuiltin},
		func(s *signatures.Set) (*signatures.FileMatcher, error) { return signatures.NewFileMatcher(s), nil }, log)
	if err != nil {
		var ps signatures.Problems
		if errors.As(err, &ps) {
			for _, p := range ps {
				log.Error("rule problem", "problem", p.String())
			}
		}
		return nil, fmt.Errorf("load rules: %w", err)
	}
	return db, nil
}

// serve keeps the rules current until ctx ends.
func serve(ctx context.Context, db *rulesDB, log *slog.Logger, once bool) error {
	cur := db.Current().Set
	log.Info("rules loaded", "version", cur.Version(), "rules", cur.Len(), "warnings", len(cur.Warnings()))
	if once {
		return nil
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		if err := db.Watch(ctx); err != nil {
			log.Error("rule watch stopped", "err", err)
		}
	}()
	for {
		select {
		case <-ctx.Done():
			log.Info("stopping")
			return nil
		case <-hup:
			log.Info("SIGHUP: reloading rules")
			_, _ = db.Reload() // a refused reload is logged and keeps the running rules
		}
	}
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
