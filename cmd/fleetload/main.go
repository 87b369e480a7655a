// Command fleetload is the fleet's load generator, run by hand (never in CI). It
// starts a NATS server with JetStream inside itself, one or more real aupscand
// managers as child processes sharing one case database (PostgreSQL or SQLite), and
// simulates thousands of agents with the real fleet.Agent: each its own connection,
// spool and heartbeat. Violating agents report a sighting at every capture window;
// bursts make a share of the fleet report a new finding at the same second (a rule
// pack that lands everywhere at once). At the end it reports the findings per second
// the managers took and the latency from publish to case and to notice in the outbox,
// at the 50th and 99th percentiles, read from the case database itself.
//
//	scripts/with-postgres.sh go run ./cmd/fleetload -agents 10000 -managers 1
//	scripts/with-postgres.sh go run ./cmd/fleetload -agents 10000 -managers 2
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/aupscan/aupscan/fleet"
)

// options are the load generator's flags.
type options struct {
	agents    int
	managers  int
	tenants   int
	dsn       string
	aupscand  string
	work      string
	duration  time.Duration
	violating float64
	window    time.Duration
	heartbeat time.Duration
	bursts    int
	burst     float64
	connect   int
	keep      bool
}

func main() {
	var o options
	flag.IntVar(&o.agents, "agents", 10000, "simulated agents, each with its own connection, spool and heartbeat")
	flag.IntVar(&o.managers, "managers", 1, "aupscand managers sharing the consumer and the case database")
	flag.IntVar(&o.tenants, "tenants", 1000, "tenants the agents' hosts are spread over")
	flag.StringVar(&o.dsn, "db", os.Getenv("AUPSCAN_TEST_POSTGRES"),
		"PostgreSQL server URL (a fresh database is created on it); empty: a SQLite file in the work folder")
	flag.StringVar(&o.aupscand, "aupscand", "", "aupscand binary (default: built from this repository)")
	flag.StringVar(&o.work, "work", "", "work folder (default: a new temporary one)")
	flag.DurationVar(&o.duration, "duration", 2*time.Minute, "length of the steady phase; bursts are spread over it")
	flag.Float64Var(&o.violating, "violating", 0.02, "share of agents with a standing violation, sighted every window")
	flag.DurationVar(&o.window, "window", 30*time.Second, "capture window: a violating agent's sighting interval")
	flag.DurationVar(&o.heartbeat, "heartbeat", 30*time.Second, "agent heartbeat interval")
	flag.IntVar(&o.bursts, "bursts", 2, "bursts during the run")
	flag.Float64Var(&o.burst, "burst", 0.25, "share of agents reporting a new finding in a burst, within one second")
	flag.IntVar(&o.connect, "connect", 64, "agents connecting at once while the fleet starts")
	flag.BoolVar(&o.keep, "keep", false, "keep the work folder")
	serve := flag.String("serve", "", "internal: run the NATS server with its files in this folder")
	flag.Parse()
	if *serve != "" {
		// The server runs in a process of its own: the agents' connections and the
		// server's sockets together would pass a usual open-file limit.
		if err := serveNATS(*serve); err != nil {
			fmt.Fprintln(os.Stderr, "fleetload -serve:", err)
			os.Exit(1)
		}
		return
	}

	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o, log); err != nil {
		log.Error("fleetload", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o options, log *slog.Logger) error {
	if err := raiseFileLimit(o.agents + 1024); err != nil {
		return err
	}
	if o.work == "" {
		dir, err := os.MkdirTemp("", "fleetload-")
		if err != nil {
			return err
		}
		o.work = dir
		if !o.keep {
			defer os.RemoveAll(dir)
		}
	}
	h, err := startHarness(ctx, o, log)
	if err != nil {
		return err
	}
	defer h.close()
	rep, err := h.drive(ctx)
	if err != nil {
		return err
	}
	return rep.print(os.Stdout)
}

// raiseFileLimit lifts the open-file limit: every agent's connection lives in this
// process (and every server socket in the server's).
func raiseFileLimit(want int) error {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
		return err
	}
	if l.Cur >= uint64(want) {
		return nil
	}
	l.Cur = min(uint64(want), l.Max)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
		return fmt.Errorf("open-file limit %d: %w", want, err)
	}
	if l.Cur < uint64(want) {
		return fmt.Errorf("open-file limit is %d, %d needed: raise the hard limit (ulimit -Hn)", l.Cur, want)
	}
	return nil
}

// buildAupscand builds the daemon of this repository into dir.
func buildAupscand(ctx context.Context, dir string) (string, error) {
	out := filepath.Join(dir, "aupscand")
	if err := runCmd(ctx, "go", "build", "-o", out, "github.com/aupscan/aupscan/cmd/aupscand"); err != nil {
		return "", fmt.Errorf("build aupscand: %w", err)
	}
	return out, nil
}

// serveNATS runs a NATS server with JetStream in dir until SIGTERM or SIGINT,
// printing its URL on the first line of its output.
func serveNATS(dir string) error {
	raiseFileLimit(1 << 15) // as far as the hard limit allows: one socket an agent
	srv, err := fleet.StartServer(fleet.ServerOptions{Dir: dir, Listen: "127.0.0.1:0"})
	if err != nil {
		return err
	}
	defer srv.Shutdown()
	fmt.Println(srv.URL())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	return nil
}
