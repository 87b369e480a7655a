package daemon

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/aupscan/aupscan/fleet"
	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/scanner"
)

// runManager is the single-host daemon (cases, notices, local sources if any) with
// the fleet's findings as one more source: a manager sharing the durable consumer,
// and optionally the NATS server itself.
func runManager(ctx context.Context, cfg *config.Config, opts Options) error {
	log, hup := opts.Logger, opts.Reload
	fc := cfg.Fleet
	url := fc.URL
	var auth *fleet.Authority
	var srv *fleet.Server
	if fc.Server.Embedded {
		if fc.Server.Authority != "" {
			var err error
			if auth, err = fleet.LoadAuthority(fc.Server.Authority); err != nil {
				return fmt.Errorf("fleet.server.authority: %w", err)
			}
		}
		var err error
		srv, err = fleet.StartServer(fleet.ServerOptions{Dir: fc.Server.Dir, Listen: fc.Server.Listen, Authority: auth,
			TLSCert: fc.Server.TLSCert, TLSKey: fc.Server.TLSKey})
		if err != nil {
			return err
		}
		defer srv.Shutdown()
		log.Info("embedded NATS server running", "url", srv.URL(), "dir", fc.Server.Dir, "authority", fc.Server.Authority)
		if auth == nil {
			if host, _, _ := net.SplitHostPort(srv.Addr()); !net.ParseIP(host).IsLoopback() {
				log.Warn("embedded NATS server without fleet.server.authority on a non-loopback address: anyone reaching it may publish findings for any host", "listen", srv.Addr())
			}
		}
		if url == "" {
			url = srv.URL()
		}
	}
	d, err := newDaemon(ctx, cfg, log)
	if err != nil {
		return err
	}
	d.use(opts)
	defer func() {
		if err := d.close(); err != nil {
			log.Error("close case database", "err", err)
		}
	}()
	var self []nats.Option
	if auth != nil && fc.Credentials == "" {
		// The manager runs the server and holds its authority: it issues itself
		// credentials in memory, a fresh JWT at every connection. The server closes
		// the connection when one expires; the client reconnects with a new one.
		opt, err := auth.ManagerOption("aupscan-manager "+cfg.Identity.Host, 24*time.Hour)
		if err != nil {
			return err
		}
		self = append(self, opt)
	}
	nc, err := fleet.Connect(url, fc.Credentials, "aupscan-manager "+cfg.Identity.Host, append(self, fleet.TLSOption(fc.TLSCA)...)...)
	if err != nil {
		return err
	}
	defer nc.Close()
	stopPacks, err := d.publishRulePacks(ctx, nc)
	if err != nil {
		return err
	}
	defer stopPacks()
	m, err := d.newFleetManager(ctx, nc)
	if err != nil {
		return err
	}
	d.recheckRemote = func(host string) bool {
		if err := fleet.RequestRecheck(nc, host); err != nil {
			d.log.Warn("re-check request not sent", "host", host, "err", err)
			return false
		}
		return true
	}
	if opts.Once {
		if err := m.Drain(ctx); err != nil {
			return err
		}
		return d.once(ctx)
	}
	mctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); m.Run(mctx) }()
	go d.pruneHandled(mctx)
	defer func() { cancel(); <-done }()
	if auth != nil && hup != nil {
		hup = authorityOnHUP(mctx, hup, srv, fc.Server.Authority, log)
	}
	return d.serve(ctx, cfg.File, hup)
}

// authorityOnHUP hands each SIGHUP on to the daemon's reload after giving the
// embedded server the authority's account as it is now on disk, so a revocation
// (aupscan fleet revoke) takes effect: its connections are closed and refused.
func authorityOnHUP(ctx context.Context, hup <-chan os.Signal, srv *fleet.Server, dir string, log *slog.Logger) <-chan os.Signal {
	out := make(chan os.Signal, 1)
	go func() {
		for {
			var sig os.Signal
			select {
			case <-ctx.Done():
				return
			case sig = <-hup:
			}
			if a, err := fleet.LoadAuthority(dir); err != nil {
				log.Error("fleet authority not reloaded: the server keeps the running one", "err", err)
			} else if err := srv.UpdateAuthority(a); err != nil {
				log.Error("fleet authority not reloaded: the server keeps the running one", "err", err)
			} else {
				log.Info("fleet authority reloaded: revocations in force", "dir", dir)
			}
			select {
			case out <- sig:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// keepHandled is how long the message keys of handled findings are kept: past the
// findings stream's 30 days, after which no redelivery can come, with a margin for a
// spool replayed after a long outage.
const keepHandled = 45 * 24 * time.Hour

// pruneHandled forgets, once an hour, the message keys older than keepHandled.
func (d *daemon) pruneHandled(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		_, st := d.notifierNow()
		if n, err := st.PruneHandled(ctx, time.Now().Add(-keepHandled)); err != nil {
			d.log.Warn("prune handled message keys", "err", err)
		} else if n > 0 {
			d.log.Info("handled message keys pruned", "keys", n)
		}
	}
}

// newFleetManager builds the manager that feeds the fleet's findings to the notifier.
func (d *daemon) newFleetManager(ctx context.Context, nc *nats.Conn) (*fleet.Manager, error) {
	cfg := d.config()
	silent := prometheus.NewGauge(prometheus.GaugeOpts{Namespace: "aupscand", Name: "fleet_agents_silent",
		Help: "Agents whose heartbeat is overdue (fleet.silent_after), for operator review."})
	m, err := fleet.NewManager(ctx, nc, fleet.ManagerOptions{
		// Each finding's message key is recorded with its case change, in one
		// transaction: a batch redelivered after a crash changes the cases once.
		Handle: func(ctx context.Context, fs []scanner.Finding, keys []string) (int, error) {
			n, _ := d.notifierNow()
			res, err := n.ProcessOnce(ctx, fs, keys)
			if err != nil {
				return 0, err
			}
			for i := range fs {
				d.m.findings.WithLabelValues(fs[i].Category).Inc()
				d.emitFleet(&fs[i])
			}
			d.log.Info("fleet findings recorded", "findings", len(fs), "cases_opened", res.Opened,
				"cases_refreshed", res.Refreshed, "duplicates", res.Duplicates, "skipped", res.Skipped)
			if res.Opened > 0 {
				d.kickNotify()
			}
			return res.Duplicates, nil
		},
		AckWait:     time.Duration(cfg.Fleet.AckWait),
		Streams:     streamOptions(cfg.Fleet.Stream),
		SilentAfter: cfg.Fleet.SilentAfter.Or(5 * time.Minute),
		OnSilent: func(s fleet.AgentStatus) {
			// For operator review: a case no policy ever notifies a tenant of, logged
			// and counted. A heartbeat closes it again.
			n, _ := d.notifierNow()
			ctx := context.WithoutCancel(ctx)
			if s.Silent {
				silent.Inc()
				opened, err := n.AgentSilent(ctx, s.Host, s.LastSeen)
				d.log.Warn("agent silent: case for operator review", "host", s.Host, "last_heartbeat", s.LastSeen,
					"case_opened", opened, "tenant_notified", false, "err", err)
				return
			}
			silent.Dec()
			closed, err := n.AgentHeard(ctx, s.Host, s.LastSeen)
			d.log.Info("agent heard from again", "host", s.Host, "case_closed", closed, "err", err)
		},
		Log: d.log,
	})
	if err != nil {
		return nil, err
	}
	d.m.reg.MustRegister(silent, fleetManagerCollector{m})
	return m, nil
}

// fleetManagerCollector exports a manager's counters.
type fleetManagerCollector struct{ m *fleet.Manager }

var fleetManagerDesc = prometheus.NewDesc("aupscand_fleet_messages_total",
	"Fleet finding messages by outcome: processed, duplicate (already handled), rejected (claimed host is not the sender's), malformed.",
	[]string{"outcome"}, nil)

func (c fleetManagerCollector) Describe(ch chan<- *prometheus.Desc) { ch <- fleetManagerDesc }

func (c fleetManagerCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.m.Stats()
	for o, v := range map[string]uint64{"processed": s.Processed, "duplicate": s.Duplicates, "rejected": s.Rejected, "malformed": s.Malformed} {
		ch <- prometheus.MustNewConstMetric(fleetManagerDesc, prometheus.CounterValue, float64(v), o)
	}
}

// streamOptions turns [fleet.stream] into the stream's limits (0 keeps fleet's
// defaults, -1 lifts a count).
func streamOptions(s config.FleetStream) fleet.StreamOptions {
	return fleet.StreamOptions{MaxPerHost: s.MaxPerHost, MaxMsgs: s.MaxFindings, MaxBytes: int64(s.MaxBytes),
		MaxMsgSize: int32(s.MaxFindingSize), MaxAge: time.Duration(s.MaxAge)}
}
