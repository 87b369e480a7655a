package daemon

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"os"
	"reflect"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/aupscan/aupscan/feed"
	"github.com/aupscan/aupscan/internal/config"
)

// Feeds ([[feed]]): each feed is fetched on its own interval; a new copy is
// installed over its list file and the rules reload with it. A fetch that fails
// keeps the last good copy, logged and counted. On a manager the lists then travel
// to the agents in the next rule pack.

// feedRunner runs the feeds of one configuration until stopped.
type feedRunner struct {
	d      *daemon
	feeds  []feed.Config
	cancel context.CancelFunc
	done   sync.WaitGroup

	mu       sync.Mutex
	state    map[string]feed.State
	failures map[string]uint64 // failed fetches since the daemon started
	installs map[string]uint64
}

// newFeedRunner makes the runner of cfg's feeds and registers their metrics once.
func (d *daemon) newFeedRunner(cfg *config.Config) *feedRunner {
	fr := &feedRunner{d: d, feeds: cfg.Feeds, state: map[string]feed.State{}, failures: map[string]uint64{}, installs: map[string]uint64{}}
	for _, c := range cfg.Feeds {
		st, _ := feed.LoadState(c)
		fr.state[c.Name] = st
	}
	return fr
}

// updateAll updates every feed once, in order, and reloads the rules when one
// installed a new copy (the --once cycle, before it scans).
func (fr *feedRunner) updateAll(ctx context.Context) {
	changed := false
	for _, c := range fr.feeds {
		changed = fr.update(ctx, c) || changed
	}
	if changed {
		fr.reloadRules()
	}
}

// start runs each feed on its interval until stop. A feed whose copy is older
// than its interval (or missing) is fetched at once; the others when their
// interval is up. Fetches start spread by up to a tenth of the interval.
func (fr *feedRunner) start(ctx context.Context) {
	ctx, fr.cancel = context.WithCancel(ctx)
	for _, c := range fr.feeds {
		fr.done.Add(1)
		go func() {
			defer fr.done.Done()
			every := c.Interval.Or(feed.DefaultInterval)
			fr.mu.Lock()
			last := fr.state[c.Name].LastSuccess
			fr.mu.Unlock()
			wait := max(time.Until(last.Add(every)), 0)
			for {
				select {
				case <-ctx.Done():
					return
				case <-time.After(wait + rand.N(every/10+1)):
				}
				if fr.update(ctx, c) {
					fr.reloadRules()
				}
				wait = every
			}
		}()
	}
}

func (fr *feedRunner) stop() {
	if fr.cancel != nil {
		fr.cancel()
	}
	fr.done.Wait()
}

// update fetches one feed and reports whether it installed a new copy.
func (fr *feedRunner) update(ctx context.Context, c feed.Config) bool {
	log := fr.d.log.With("feed", c.Name, "url", c.URL, "destination", c.Destination)
	client, err := feed.Client(c)
	if err != nil {
		client = http.DefaultClient
		log.Error("feed ca_file not read: using the system's CAs", "err", err)
	}
	r := feed.Update(ctx, c, client)
	fr.mu.Lock()
	fr.state[c.Name] = r.State
	if r.Err != nil {
		fr.failures[c.Name]++
	}
	if r.Installed {
		fr.installs[c.Name]++
	}
	fr.mu.Unlock()
	switch {
	case r.Err != nil:
		log.Error("feed not updated: the last good copy stays", "err", r.Err, "failures", r.State.Failures,
			"last_success", r.State.LastSuccess)
	case r.Installed:
		log.Info("feed installed", "entries", r.Entries, "bytes", r.Bytes)
	default:
		log.Debug("feed unchanged", "entries", r.Entries)
	}
	return r.Installed
}

// reloadRules takes up new lists now rather than at the watcher's next event (a
// list folder may not be watched yet, or a rule may not name the list yet).
func (fr *feedRunner) reloadRules() {
	if _, err := fr.d.rules.db().Reload(); err != nil {
		fr.d.log.Error("rules refused after a feed update, keeping the running ones", "err", err)
	}
}

// fetchMissingFeeds fetches, before the rules first load, each feed whose list
// file is not there yet: a rule naming a list a feed brings would otherwise keep a
// new installation from starting until someone ran aupscan rules update.
func fetchMissingFeeds(ctx context.Context, cfg *config.Config, log *slog.Logger) {
	for _, c := range cfg.Feeds {
		if _, err := os.Stat(c.Destination); err == nil {
			continue
		}
		client, err := feed.Client(c)
		if err != nil {
			client = http.DefaultClient
		}
		if r := feed.Update(ctx, c, client); r.Err != nil {
			log.Error("feed not installed before the rules load", "feed", c.Name, "err", r.Err)
		} else {
			log.Info("feed installed", "feed", c.Name, "entries", r.Entries, "destination", c.Destination)
		}
	}
}

// startFeeds starts the feeds of cfg.
func (d *daemon) startFeeds(ctx context.Context, cfg *config.Config) {
	fr := d.newFeedRunner(cfg)
	d.feeds.Store(fr)
	if len(cfg.Feeds) > 0 {
		d.log.Info("feeds running", "feeds", len(cfg.Feeds))
	}
	fr.start(ctx)
}

// reloadFeeds restarts the feeds when their sections changed.
func (d *daemon) reloadFeeds(ctx context.Context, old, cfg *config.Config) {
	if reflect.DeepEqual(old.Feeds, cfg.Feeds) {
		return
	}
	if prev := d.feeds.Load(); prev != nil {
		prev.stop()
	}
	d.startFeeds(ctx, cfg)
}

func (d *daemon) stopFeeds() {
	if fr := d.feeds.Load(); fr != nil {
		fr.stop()
	}
}

// feedCollector exports each feed's state.
type feedCollector struct{ d *daemon }

var (
	feedLastSuccessDesc = prometheus.NewDesc("aupscand_feed_last_success_timestamp_seconds",
		"When the feed was last fetched and found good, installed or unchanged (0: never).", []string{"feed"}, nil)
	feedAgeDesc = prometheus.NewDesc("aupscand_feed_age_seconds",
		"Age of the installed copy of the feed: since it was written (-1: none installed).", []string{"feed"}, nil)
	feedFailuresDesc = prometheus.NewDesc("aupscand_feed_failures_total",
		"Fetches of the feed that failed (the last good copy stayed), since the daemon started.", []string{"feed"}, nil)
	feedInstallsDesc = prometheus.NewDesc("aupscand_feed_installs_total",
		"New copies of the feed installed, since the daemon started.", []string{"feed"}, nil)
	feedFailingDesc = prometheus.NewDesc("aupscand_feed_consecutive_failures",
		"Failed fetches of the feed since its last success.", []string{"feed"}, nil)
)

func (c feedCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{feedLastSuccessDesc, feedAgeDesc, feedFailuresDesc, feedInstallsDesc, feedFailingDesc} {
		ch <- d
	}
}

func (c feedCollector) Collect(ch chan<- prometheus.Metric) {
	fr := c.d.feeds.Load()
	if fr == nil {
		return
	}
	fr.mu.Lock()
	defer fr.mu.Unlock()
	for _, f := range fr.feeds {
		st := fr.state[f.Name]
		last, age := 0.0, -1.0
		if !st.LastSuccess.IsZero() {
			last = float64(st.LastSuccess.UnixNano()) / 1e9
		}
		if !st.Installed.IsZero() {
			age = time.Since(st.Installed).Seconds()
		}
		ch <- prometheus.MustNewConstMetric(feedLastSuccessDesc, prometheus.GaugeValue, last, f.Name)
		ch <- prometheus.MustNewConstMetric(feedAgeDesc, prometheus.GaugeValue, age, f.Name)
		ch <- prometheus.MustNewConstMetric(feedFailuresDesc, prometheus.CounterValue, float64(fr.failures[f.Name]), f.Name)
		ch <- prometheus.MustNewConstMetric(feedInstallsDesc, prometheus.CounterValue, float64(fr.installs[f.Name]), f.Name)
		ch <- prometheus.MustNewConstMetric(feedFailingDesc, prometheus.GaugeValue, float64(st.Failures), f.Name)
	}
}
