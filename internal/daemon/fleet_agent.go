package daemon

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/aupscan/aupscan/fleet"
	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
)

// newAgentDaemon is newDaemon for an agent: rules, scanners and the finding queue,
// but no case database and no notifier (the tenant is root where an agent runs).
func newAgentDaemon(cfg *config.Config, log *slog.Logger) (*daemon, error) {
	d := &daemon{log: log, m: newMetrics(), now: time.Now, openLive: capture.OpenLive}
	d.cfg.Store(cfg)
	db, rc, err := openAgentRules(cfg, log) // with the rule pack folder (fleet_rules.go)
	if err != nil {
		return nil, err
	}
	d.rules = &ruleHolder{cur: db, rc: rc, log: log}
	d.m.reg.MustRegister(rulesCollector{d.rules})
	cur := db.Current().Set
	logRules(log, "rules loaded", cur)
	d.q = newFindingQueue(cfg.Limits.Queue, d.m, log)
	d.q.emit = d.emit // the rule set's version travels with the finding; an agent has no outputs
	d.q.collapseRepeats(cfg.Daemon.RepeatWindow.Or(defaultRepeatWindow))
	return d, nil
}

// runAgent scans as the single-host daemon does and publishes the findings, with a
// heartbeat, instead of recording them. With opts.Once it scans once, publishes
// (or spools) what it found, tries once to deliver the spool, and exits.
func runAgent(ctx context.Context, cfg *config.Config, opts Options) error {
	log, hup := opts.Logger, opts.Reload
	d, err := newAgentDaemon(cfg, log)
	if err != nil {
		return err
	}
	d.use(opts)
	fc := cfg.Fleet
	a, err := fleet.NewAgent(fleet.AgentOptions{URL: fc.URL, Credentials: fc.Credentials, TLSCA: fc.TLSCA, Host: cfg.Identity.Host,
		SpoolDir: fc.SpoolDir, SpoolSize: int64(fc.SpoolSize), Heartbeat: fc.Heartbeat.Or(30 * time.Second), Log: log})
	if err != nil {
		return err
	}
	defer a.Close()
	d.m.reg.MustRegister(fleetAgentCollector{a})
	packs, err := d.startRulePacks(ctx, cfg)
	if err != nil {
		return err
	}
	if packs != nil {
		defer packs.Close()
	}
	stopRecheck, err := a.OnRecheck(func() { go d.scanHosts(ctx, "re-check") })
	if err != nil {
		return err
	}
	defer stopRecheck()
	pubDone := d.publish(ctx, a)
	if opts.Once {
		if packs != nil { // the latest pack before the one scan
			if err := packs.Check(ctx); err != nil {
				log.Warn("rule pack not updated: scanning with the running rules", "err", err)
			}
		}
		d.replayFiles(ctx)
		d.scanHosts(ctx, "once")
		d.q.close()
		<-pubDone
		a.Replay(ctx)
		if s := a.Stats(); s.Spooled > 0 {
			log.Warn("findings left in the spool for the next run", "spooled", s.Spooled, "dir", fc.SpoolDir)
		}
		return nil
	}
	if cfg.Metrics.Listen != "" {
		srv, err := d.m.listen(cfg.Metrics.Listen, log)
		if err != nil {
			return fmt.Errorf("metrics.listen: %w", err)
		}
		defer srv.close()
		d.srv = srv
		srv.ready.Store(true)
	}
	actx, cancel := context.WithCancel(ctx)
	agentDone := make(chan struct{})
	go func() { defer close(agentDone); a.Run(actx) }()
	packsDone := runRulePacks(actx, packs)
	d.rules.watch(ctx)
	d.replayFiles(ctx)
	caps := d.startCaptures(ctx, cfg)
	sched, err := d.startSchedule(ctx, cfg)
	if err != nil {
		cancel()
		return err
	}
	watch := d.startWatch(ctx, cfg)
	if cfg.Host.OnStart {
		go d.scanHosts(ctx, "start")
	}
	log.Info("agent running", "host", cfg.Identity.Host, "server", fc.URL, "spool", fc.SpoolDir)
	sys := systemd{log}
	sys.watchdog(actx)
	sys.ready("agent running")
	for {
		select {
		case <-ctx.Done():
			sys.stopping()
			caps.stop()
			<-sched.Stop().Done()
			watch.stop()
			d.scanning.Lock()
			d.scanning.Unlock()
			d.q.close()
			<-pubDone
			cancel()
			<-agentDone
			<-packsDone
			log.Info("agent stopped", "spooled", a.Stats().Spooled)
			return nil
		case <-hup:
			// An agent takes up new rules on SIGHUP; the rest of its configuration
			// (sources, server, spool) is read again at a restart.
			log.Info("reloading rules; other configuration changes need a restart")
			sys.reloading()
			if _, err := d.rules.db().Reload(); err != nil {
				log.Error("rules refused, keeping the running ones", "err", err)
			}
			sys.ready("agent running")
		}
	}
}

// publisher is the agent's consumer of the finding queue: where the single-host
// daemon writes cases, it publishes (or spools) each finding.
func (d *daemon) publish(ctx context.Context, a *fleet.Agent) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for rec := range d.q.ch {
			var f scanner.Finding
			if err := json.Unmarshal(rec, &f); err != nil {
				d.log.Error("bad finding record", "err", err)
				continue
			}
			// Findings in hand are published or spooled even while the daemon stops.
			if err := a.Publish(context.WithoutCancel(ctx), f); err != nil {
				d.log.Error("finding neither published nor spooled", "rule", f.Rule, "err", err)
			}
		}
	}()
	return done
}

// fleetAgentCollector exports an agent's counters.
type fleetAgentCollector struct{ a *fleet.Agent }

var (
	fleetAgentPublished = prometheus.NewDesc("aupscand_fleet_published_total", "Findings the stream acknowledged.", nil, nil)
	fleetAgentSpooled   = prometheus.NewDesc("aupscand_fleet_spooled", "Findings waiting in the spool.", nil, nil)
	fleetAgentDropped   = prometheus.NewDesc("aupscand_fleet_spool_dropped_total", "Findings the full spool deleted unsent.", nil, nil)
)

func (c fleetAgentCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- fleetAgentPublished
	ch <- fleetAgentSpooled
	ch <- fleetAgentDropped
}

func (c fleetAgentCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.a.Stats()
	ch <- prometheus.MustNewConstMetric(fleetAgentPublished, prometheus.CounterValue, float64(s.Published))
	ch <- prometheus.MustNewConstMetric(fleetAgentSpooled, prometheus.GaugeValue, float64(s.Spooled))
	ch <- prometheus.MustNewConstMetric(fleetAgentDropped, prometheus.CounterValue, float64(s.Dropped))
}
