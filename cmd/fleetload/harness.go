package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // "pgx": the load's case database on PostgreSQL
	_ "modernc.org/sqlite"             // "sqlite": or in one SQLite file

	"github.com/aupscan/aupscan/fleet"
)

// harness is one load run's parts: the server, the managers, the agents and the
// case database the managers share.
type harness struct {
	o        options
	log      *slog.Logger
	srv      *exec.Cmd // the NATS server's process
	url      string
	dsn      string // the case database the managers use
	db       *sql.DB
	dropDB   func()
	managers []*manager
	agents   []*fleet.Agent
	hosts    []string
	cancel   context.CancelFunc
	wg       sync.WaitGroup
}

// A manager is one aupscand child process and the port of its metrics.
type manager struct {
	cmd     *exec.Cmd
	metrics string
}

func startHarness(ctx context.Context, o options, log *slog.Logger) (*harness, error) {
	h := &harness{o: o, log: log}
	ok := false
	defer func() {
		if !ok {
			h.close()
		}
	}()
	var err error
	if err := h.startServer(ctx); err != nil {
		return nil, err
	}
	if err := h.openDatabase(ctx); err != nil {
		return nil, err
	}
	bin := o.aupscand
	if bin == "" {
		if bin, err = buildAupscand(ctx, o.work); err != nil {
			return nil, err
		}
	}
	for i := range o.managers {
		m, err := h.startManager(ctx, bin, i+1)
		if err != nil {
			return nil, err
		}
		h.managers = append(h.managers, m)
	}
	if err := h.waitManagers(ctx); err != nil {
		return nil, err
	}
	if err := h.startAgents(ctx); err != nil {
		return nil, err
	}
	ok = true
	return h, nil
}

// startServer runs the NATS server in a process of its own (this program with
// -serve) and reads its URL.
func (h *harness) startServer(ctx context.Context) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, self, "-serve", filepath.Join(h.o.work, "nats"))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start NATS server: %w", err)
	}
	h.srv = cmd
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		return fmt.Errorf("NATS server: %w", err)
	}
	h.url = strings.TrimSpace(line)
	h.log.Info("NATS server started", "pid", cmd.Process.Pid, "url", h.url)
	return nil
}

// openDatabase creates a fresh database for this run: on the PostgreSQL server the
// -db flag names, or a SQLite file in the work folder.
func (h *harness) openDatabase(ctx context.Context) error {
	if h.o.dsn == "" {
		h.dsn = filepath.Join(h.o.work, "cases.db")
		db, err := sql.Open("sqlite", "file:"+h.dsn+"?_pragma=busy_timeout(10000)")
		h.db = db
		return err
	}
	admin, err := sql.Open("pgx", h.o.dsn)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("fleetload_%d", time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close()
		return fmt.Errorf("create database on %s: %w", h.o.dsn, err)
	}
	h.dropDB = func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	}
	u, err := url.Parse(h.o.dsn)
	if err != nil {
		return err
	}
	u.Path = "/" + name
	h.dsn = u.String()
	h.db, err = sql.Open("pgx", h.dsn)
	return err
}

// startManager writes a manager's configuration and starts it.
func (h *harness) startManager(ctx context.Context, bin string, n int) (*manager, error) {
	dir := filepath.Join(h.o.work, fmt.Sprintf("manager-%d", n))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cfg := filepath.Join(dir, "aupscand.toml")
	if err := os.WriteFile(cfg, []byte(h.managerConfig(n, port)), 0o644); err != nil {
		return nil, err
	}
	logf, err := os.Create(filepath.Join(dir, "aupscand.log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, "--config", cfg)
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 30 * time.Second
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start manager %d: %w", n, err)
	}
	h.log.Info("manager started", "n", n, "pid", cmd.Process.Pid, "config", cfg)
	return &manager{cmd: cmd, metrics: fmt.Sprintf("http://127.0.0.1:%d/metrics", port)}, nil
}

// managerConfig is a manager's aupscand.toml: the fleet's tenants (hosts spread
// evenly), a mail folder, notices as soon as a batch opens cases.
func (h *harness) managerConfig(n, metricsPort int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[log]\nformat = \"json\"\nlevel = \"warn\"\n[identity]\nhost = \"manager-%d\"\n", n)
	fmt.Fprintf(&b, "[metrics]\nlisten = \"127.0.0.1:%d\"\n[daemon]\nnotify_interval = \"5s\"\n", metricsPort)
	fmt.Fprintf(&b, "[fleet]\nrole = \"manager\"\nurl = %q\nsilent_after = \"5m\"\n", h.url)
	fmt.Fprintf(&b, "[notify]\ndatabase = %q\n", h.dsn)
	fmt.Fprintf(&b, "[notify.mail]\nfrom = \"AUP <aup@cloud.example>\"\noperator = \"Load Cloud\"\nfolder = %q\n",
		filepath.Join(h.o.work, "mail"))
	h.hosts = make([]string, h.o.agents)
	per := make([][]string, h.o.tenants)
	for i := range h.hosts {
		h.hosts[i] = fmt.Sprintf("vm-%05d", i)
		per[i%h.o.tenants] = append(per[i%h.o.tenants], fmt.Sprintf("%q", h.hosts[i]))
	}
	for t, hs := range per {
		fmt.Fprintf(&b, "[[notify.tenant]]\nid = \"t%04d\"\nname = \"Tenant %d\"\nhosts = [%s]\n", t, t, strings.Join(hs, ", "))
		fmt.Fprintf(&b, "locale = \"en\"\ntime_zone = \"UTC\"\nclause = \"4.2 No VPN services.\"\n")
		fmt.Fprintf(&b, "  [[notify.tenant.contact]]\n  address = \"ops@t%04d.example\"\n", t)
	}
	return b.String()
}

// waitManagers waits until every manager answers on its metrics address.
func (h *harness) waitManagers(ctx context.Context) error {
	deadline := time.Now().Add(60 * time.Second)
	for _, m := range h.managers {
		for {
			if _, err := scrape(ctx, m.metrics); err == nil {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("manager %s not up within 60s (see its aupscand.log)", m.metrics)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	return nil
}

// startAgents connects the simulated agents, a few at a time, and starts their
// heartbeats.
func (h *harness) startAgents(ctx context.Context) error {
	actx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	h.cancel = cancel
	h.agents = make([]*fleet.Agent, len(h.hosts))
	start := time.Now()
	sem := make(chan struct{}, h.o.connect)
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for i, host := range h.hosts {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			a, err := fleet.NewAgent(fleet.AgentOptions{URL: h.url, Host: host, Heartbeat: h.o.heartbeat,
				SpoolDir: filepath.Join(h.o.work, "spool", host), SpoolSize: 1 << 20, Timeout: 30 * time.Second})
			if err != nil {
				mu.Lock()
				first = cmpOr(first, err)
				mu.Unlock()
				return
			}
			h.agents[i] = a
		}()
	}
	wg.Wait()
	if first != nil {
		return fmt.Errorf("agents: %w", first)
	}
	for _, a := range h.agents {
		h.wg.Add(1)
		go func() {
			defer h.wg.Done()
			// Spread the heartbeats over the interval, as a fleet started over
			// minutes would.
			sleep(actx, jitter(h.o.heartbeat))
			a.Run(actx)
		}()
	}
	h.log.Info("agents connected", "agents", len(h.agents), "took", time.Since(start).Round(time.Millisecond))
	return nil
}

func (h *harness) close() {
	if h.cancel != nil {
		h.cancel()
	}
	h.wg.Wait()
	for _, a := range h.agents {
		if a != nil {
			a.Close()
		}
	}
	for _, m := range h.managers {
		m.cmd.Process.Signal(os.Interrupt)
		m.cmd.Wait()
	}
	if h.db != nil {
		h.db.Close()
	}
	if h.dropDB != nil {
		h.dropDB()
	}
	if h.srv != nil {
		h.srv.Process.Signal(os.Interrupt)
		h.srv.Wait()
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func runCmd(ctx context.Context, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}
