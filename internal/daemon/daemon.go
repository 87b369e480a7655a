package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
	"github.com/aupscan/aupscan/output"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
)

// daemon is one running aupscand: its configuration (replaced whole on SIGHUP), the
// rules, the case database and notifier, the finding queue and the metrics.
type daemon struct {
	log   *slog.Logger
	m     *metrics
	rules *ruleHolder
	q     *findingQueue
	cfg   atomic.Pointer[config.Config]
	outs  atomic.Pointer[output.Set] // [[output]] (outputs.go)
	feeds atomic.Pointer[feedRunner] // [[feed]] (feeds.go)

	// nmu guards the notifier and its store, replaced when a reload changes [notify].
	nmu      sync.Mutex
	store    *store.Store
	notifier *notify.Notifier

	// scanning is held while a host scan runs: a scan already running is never
	// started twice (the scheduled one is skipped and counted).
	scanning sync.Mutex

	srv *server // nil without metrics.listen

	// kick asks the serve loop for a notifier cycle now because cases were opened:
	// a warning goes out within a second instead of at the next tick.
	kick chan struct{}

	// now is the clock of the notifier's decisions; tests move it.
	now func() time.Time

	// openLive opens the live capture sources (Options.OpenLive).
	openLive LiveOpener

	// recheckRemote asks a fleet agent for a scan of its host (manager role), for a
	// tenant's re-check; nil outside fleet mode.
	recheckRemote func(host string) bool
}

// use takes up what opts set beyond the logger.
func (d *daemon) use(opts Options) {
	if opts.OpenLive != nil {
		d.openLive = opts.OpenLive
	}
}

// newDaemon loads the rules and opens the case database of cfg.
func newDaemon(ctx context.Context, cfg *config.Config, log *slog.Logger) (*daemon, error) {
	d := &daemon{log: log, m: newMetrics(), now: time.Now, kick: make(chan struct{}, 1), openLive: capture.OpenLive}
	d.cfg.Store(cfg)
	fetchMissingFeeds(ctx, cfg, log)
	db, err := openRules(cfg.Rules, log)
	if err != nil {
		return nil, err
	}
	d.rules = &ruleHolder{cur: db, rc: cfg.Rules, log: log}
	d.m.reg.MustRegister(rulesCollector{d.rules})
	cur := db.Current().Set
	logRules(log, "rules loaded", cur)
	if cfg.Notify == nil {
		return nil, fmt.Errorf("%s: no [notify] section: the daemon needs its database, tenants and mail settings", cfg.File)
	}
	if err := d.startOutputs(cfg); err != nil {
		return nil, err
	}
	st, n, err := d.openNotifier(ctx, cfg.Notify)
	if err != nil {
		d.closeOutputs()
		return nil, err
	}
	d.store, d.notifier = st, n
	d.q = newFindingQueue(cfg.Limits.Queue, d.m, log)
	d.q.emit = d.emit
	d.q.collapseRepeats(cfg.Daemon.RepeatWindow.Or(defaultRepeatWindow))
	return d, nil
}

// openNotifier opens the case database (creating the folder of a SQLite file) and
// builds a notifier.
func (d *daemon) openNotifier(ctx context.Context, nc *notify.Config) (*store.Store, *notify.Notifier, error) {
	st, n, err := notify.Open(ctx, nc, notify.OpenOptions{Options: d.notifierOptions(), Create: true})
	var fe *notify.DatabaseFileError
	if errors.As(err, &fe) {
		return nil, nil, fmt.Errorf("case database folder (notify.database): %w", fe.Err)
	}
	return st, n, err
}

// newNotifier builds a notifier of nc over an open store.
func (d *daemon) newNotifier(nc *notify.Config, st *store.Store) (*notify.Notifier, error) {
	return notify.NewFromConfig(nc, st, d.notifierOptions())
}

// notifierOptions give the notifier the daemon's log, rule descriptions and clock.
func (d *daemon) notifierOptions() notify.Options {
	return notify.Options{Logger: d.log, Describe: d.describe, Now: func() time.Time { return d.now() },
		Links: linkOptions(d.config())}
}

// describe gives notices the rule's name and description from the running rules,
// in the notice's locale where the rule has them in it.
func (d *daemon) describe(id, locale string) (string, string) {
	if r := d.rules.current().Set.Rule(id); r != nil {
		return r.Localized(locale)
	}
	return "", ""
}

// notifierT is the notifier type, named short for the queue's callback.
type notifierT = notify.Notifier

func (d *daemon) config() *config.Config { return d.cfg.Load() }

func (d *daemon) notifierNow() (*notify.Notifier, *store.Store) {
	d.nmu.Lock()
	defer d.nmu.Unlock()
	return d.notifier, d.store
}

// close closes the case database. Messages not yet sent stay pending in the outbox
// and go out at the next start, with the same Message-ID.
func (d *daemon) close() error {
	d.closeOutputs()
	d.nmu.Lock()
	defer d.nmu.Unlock()
	return d.store.Close()
}

// kickNotify asks for a notifier cycle soon; kicks coalesce while one is pending.
func (d *daemon) kickNotify() {
	select {
	case d.kick <- struct{}{}:
	default:
	}
}

// notifyCycle moves every case on (Tick), delivers the outbox and runs the due
// suspension actions, and logs where the notices went.
func (d *daemon) notifyCycle(ctx context.Context) error {
	cfg := d.config()
	n, st := d.notifierNow()
	now := d.now()
	var errs []error
	tick, err := n.Tick(ctx, now)
	if err != nil {
		errs = append(errs, fmt.Errorf("tick: %w", err))
	} else if tick != (notify.TickResult{Review: tick.Review}) { // review cases waiting are not news
		d.log.Info("cases moved on", "messages", tick.Messages, "notices", tick.Notices, "resolved", tick.Resolved,
			"held", tick.Held, "awaiting_approval", tick.Approval, "suspended", tick.Suspended, "deferred", tick.Deferred)
	}
	tr, err := mail.NewTransport(cfg.Notify.Mail)
	if err != nil {
		errs = append(errs, fmt.Errorf("mail transport: %w", err))
	} else {
		lt := &loggedTransport{Transport: tr, log: d.log, where: where(cfg.Notify.Mail)}
		res, err := mail.NewSender(st, lt, cfg.Notify.Mail, d.log).Drain(ctx, now)
		d.m.notices.WithLabelValues("sent").Add(float64(res.Sent))
		d.m.notices.WithLabelValues("retry").Add(float64(res.Retry))
		d.m.notices.WithLabelValues("failed").Add(float64(res.Failed))
		if err != nil {
			errs = append(errs, fmt.Errorf("deliver outbox: %w", err))
		}
		if res != (mail.DrainResult{}) {
			d.log.Info("outbox delivered", "sent", res.Sent, "retry", res.Retry, "failed", res.Failed, "to", lt.where)
		}
	}
	ar, err := notify.NewActionRunner(cfg.Notify.Hook, st, d.log)
	if err != nil {
		errs = append(errs, err)
	} else if done, err := ar.Run(ctx, now); err != nil {
		errs = append(errs, fmt.Errorf("suspension actions: %w", err))
	} else if done > 0 {
		d.m.actions.WithLabelValues("done").Add(float64(done))
		d.log.Info("suspension actions run", "done", done)
	}
	d.countCases(ctx, st)
	return errors.Join(errs...)
}

// countCases sets the cases gauge from the database.
func (d *daemon) countCases(ctx context.Context, st *store.Store) {
	rows, err := st.DB().QueryContext(ctx, `SELECT state, count(*) FROM cases GROUP BY state`)
	if err != nil {
		d.log.Warn("count cases", "err", err)
		return
	}
	defer rows.Close()
	d.m.cases.Reset()
	for _, s := range []store.State{store.StateOpen, store.StateSuspended, store.StateResolved} {
		d.m.cases.WithLabelValues(string(s)).Set(0)
	}
	for rows.Next() {
		var state string
		var n int
		if rows.Scan(&state, &n) == nil {
			d.m.cases.WithLabelValues(state).Set(float64(n))
		}
	}
}

// where names the place notices go, for the log.
func where(m mail.Config) string {
	if m.SMTP.Host != "" {
		return fmt.Sprintf("smtp://%s:%d", m.SMTP.Host, m.SMTP.Port)
	}
	return m.Folder
}

// loggedTransport logs each delivered notice with where it went: the .eml file in
// the mail folder, or the SMTP server.
type loggedTransport struct {
	mail.Transport
	log   *slog.Logger
	where string
}

func (t *loggedTransport) Send(ctx context.Context, e mail.Envelope) error {
	err := t.Transport.Send(ctx, e)
	if err != nil {
		return err
	}
	if _, ok := t.Transport.(*mail.FolderTransport); ok {
		t.log.Info("notice delivered", "message_id", e.MessageID, "to", strings.Join(e.To, ", "),
			"file", filepath.Join(t.where, mail.FileName(e.MessageID)))
	} else {
		t.log.Info("notice delivered", "message_id", e.MessageID, "to", strings.Join(e.To, ", "), "server", t.where)
	}
	return nil
}
