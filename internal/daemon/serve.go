package daemon

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/aupscan/aupscan/internal/config"
)

// once runs one full cycle: capture files and host roots are scanned, the findings
// recorded as cases, the cases moved on, the outbox delivered and due suspension
// actions run.
func (d *daemon) once(ctx context.Context) error {
	d.newFeedRunner(d.config()).updateAll(ctx) // fresh lists before the scan
	done := d.startProcessor(ctx)
	d.replayFiles(ctx)
	d.scanHosts(ctx, "once")
	d.q.close()
	<-done
	if n := d.q.dropped.Load(); n > 0 {
		d.log.Warn("findings dropped: the queue was full", "dropped", n)
	}
	err := d.notifyCycle(ctx)
	if ctx.Err() != nil {
		return errors.Join(err, ctx.Err())
	}
	return err
}

// startProcessor starts the queue's consumer; the channel closes when it has written
// the last batch.
func (d *daemon) startProcessor(ctx context.Context) <-chan struct{} {
	done := make(chan struct{})
	p := &processor{q: d.q, log: d.log, m: d.m, every: d.config().Daemon.FlushInterval.Or(5 * time.Second), maxSize: 512,
		maxHeld: cmp.Or(d.config().Limits.Held, defaultMaxHeld),
		n:       func() *notifierT { n, _ := d.notifierNow(); return n }, opened: d.kickNotify}
	go func() {
		defer close(done)
		p.run(ctx)
	}()
	return done
}

// serve runs until ctx ends: live captures, scheduled host scans, watched folders,
// the notifier loop, rule watching and SIGHUP reloads (a signal on hup).
func (d *daemon) serve(ctx context.Context, cfgPath string, hup <-chan os.Signal) error {
	cfg := d.config()
	var srv *server
	if cfg.Metrics.Listen != "" {
		s, err := d.m.listen(cfg.Metrics.Listen, d.log)
		if err != nil {
			return fmt.Errorf("metrics.listen: %w", err)
		}
		srv = s
		defer srv.close()
	}
	d.srv = srv
	sys := systemd{d.log}
	wctx, stopWatchdog := context.WithCancel(ctx)
	defer stopWatchdog()
	sys.watchdog(wctx)
	if err := d.startWeb(ctx, cfg); err != nil {
		return err
	}
	procDone := d.startProcessor(ctx)
	d.rules.watch(ctx)
	d.startFeeds(ctx, cfg)
	defer d.stopFeeds()
	// Replayed files are scanned once at start: they do not change.
	d.replayFiles(ctx)
	caps := d.startCaptures(ctx, cfg)
	sched, err := d.startSchedule(ctx, cfg)
	if err != nil {
		return err
	}
	watch := d.startWatch(ctx, cfg)
	go d.checkCaseDatabase(ctx, time.Minute) // large files first; small ones were checked at open
	if cfg.Host.OnStart {
		go d.scanHosts(ctx, "start")
	}
	if err := d.notifyCycle(ctx); err != nil {
		d.log.Error("notifier cycle", "err", err)
	}
	if srv != nil {
		srv.ready.Store(true)
	}
	d.log.Info("running", "interfaces", len(cfg.Capture.Interfaces), "roots", len(cfg.Host.Roots), "schedule", cfg.Host.Schedule)
	sys.ready("running")
	tick := time.NewTicker(cfg.Daemon.NotifyInterval.Or(30 * time.Second))
	defer tick.Stop()
	// A kick (cases opened) brings the next cycle forward, at most one a second, so
	// a flood of new cases is decided in batches rather than a Tick per finding batch.
	last := time.Now()
	var soon <-chan time.Time
	cycle := func() {
		if err := d.notifyCycle(ctx); err != nil {
			d.log.Error("notifier cycle", "err", err)
		}
		last, soon = time.Now(), nil
	}
	for {
		select {
		case <-d.kick:
			if soon == nil {
				soon = time.After(max(0, time.Second-time.Since(last)))
			}
		case <-soon:
			cycle()
		case <-ctx.Done():
			d.log.Info("stopping: captures end, queued findings are recorded, unsent notices stay pending")
			sys.stopping()
			caps.stop()
			<-sched.Stop().Done()
			watch.stop()
			d.scanning.Lock() // a host scan in progress sees ctx end and returns
			d.scanning.Unlock()
			d.q.close()
			<-procDone
			// One last short cycle records the final cases' notices; what cannot be
			// delivered in time stays pending in the outbox for the next start.
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			if err := d.notifyCycle(fctx); err != nil {
				d.log.Warn("last notifier cycle", "err", err)
			}
			cancel()
			d.log.Info("stopped")
			return nil
		case <-hup:
			sys.reloading()
			next, err := d.reload(ctx, cfgPath)
			if err != nil {
				d.outs.Load().Reopen() // logrotate's SIGHUP still reopens the files
				sys.ready("running; the last reload was refused: " + err.Error())
				continue
			}
			old := cfg
			cfg = next
			d.reloadOutputs(old, cfg)
			d.reloadFeeds(ctx, old, cfg)
			if !reflect.DeepEqual(old.Capture, cfg.Capture) || old.Identity.Host != cfg.Identity.Host || old.Daemon != cfg.Daemon {
				d.log.Info("capture configuration changed: restarting captures")
				caps.stop()
				caps = d.startCaptures(ctx, cfg)
			}
			if old.Host.Schedule != cfg.Host.Schedule {
				<-sched.Stop().Done()
				if sched, err = d.startSchedule(ctx, cfg); err != nil {
					return err // validated already: cannot happen
				}
			}
			if !slices.Equal(old.Host.Watch, cfg.Host.Watch) {
				watch.stop()
				watch = d.startWatch(ctx, cfg)
			}
			if old.Daemon.NotifyInterval != cfg.Daemon.NotifyInterval {
				tick.Reset(cfg.Daemon.NotifyInterval.Or(30 * time.Second))
			}
			sys.ready("running")
		case <-tick.C:
			cycle()
		}
	}
}

// startSchedule runs host scans on the cron schedule; never two at once.
func (d *daemon) startSchedule(ctx context.Context, cfg *config.Config) (*cron.Cron, error) {
	c := cron.New(cron.WithParser(config.CronParser))
	if cfg.Host.Schedule != "" {
		if _, err := c.AddFunc(cfg.Host.Schedule, func() { d.scanHosts(ctx, "schedule") }); err != nil {
			return nil, fmt.Errorf("host.schedule: %w", err)
		}
	}
	c.Start()
	return c, nil
}

// reload reads the configuration and the rules again. A configuration that does not
// load is refused and the running one kept; the rules are reloaded either way, under
// the configuration that is running afterwards.
func (d *daemon) reload(ctx context.Context, cfgPath string) (*config.Config, error) {
	d.log.Info("reloading configuration and rules", "file", cfgPath)
	cfg, err := config.Load(cfgPath)
	if err == nil && cfg.Notify == nil {
		err = fmt.Errorf("%s: no [notify] section", cfgPath)
	}
	if err != nil {
		d.m.configReloads.WithLabelValues("failed").Inc()
		for _, e := range unjoin(err) {
			d.log.Error("configuration refused, keeping the running one", "problem", e.Error())
		}
		if _, rerr := d.rules.db().Reload(); rerr != nil {
			d.log.Error("rules refused, keeping the running ones", "err", rerr)
		}
		return nil, err
	}
	if err := d.rules.reload(ctx, cfg.Rules); err != nil {
		d.log.Error("rules refused, keeping the running ones", "err", err)
	}
	old := d.config()
	d.nmu.Lock()
	if cfg.Notify.Database != old.Notify.Database {
		st, n, err := d.openNotifier(ctx, cfg.Notify)
		if err != nil {
			d.nmu.Unlock()
			d.m.configReloads.WithLabelValues("failed").Inc()
			d.log.Error("configuration refused, keeping the running one", "problem", err.Error())
			return nil, err
		}
		d.store.Close()
		d.store, d.notifier = st, n
	} else if n, err := d.newNotifier(cfg.Notify, d.store); err == nil {
		d.notifier = n
	} else {
		d.log.Error("notice templates refused, keeping the running ones", "err", err)
	}
	d.nmu.Unlock()
	if cfg.Limits != old.Limits {
		applyLimits(cfg.Limits, d.log)
	}
	d.cfg.Store(cfg)
	d.m.configReloads.WithLabelValues("ok").Inc()
	d.log.Info("configuration reloaded", "file", cfgPath)
	return cfg, nil
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
