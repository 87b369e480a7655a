package daemon

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/aupscan/aupscan/fleet"
	"github.com/aupscan/aupscan/fleet/rulepack"
	"github.com/aupscan/aupscan/internal/config"
)

// Signed rule packs ([fleet.rules]): the manager publishes its rule folders, signed,
// in the "aupscan-rules" bucket; each agent checks and installs them into its pack
// folder, which it loads with its own rules.dirs.

// agentRuleConfig is an agent's [rules] with its rule pack folder (made when missing)
// added, when it takes packs.
func agentRuleConfig(cfg *config.Config) (config.RulesConfig, error) {
	rc := cfg.Rules
	fr := cfg.Fleet.Rules
	if fr.PublicKeys == "" || fr.Dir == "" {
		return rc, nil
	}
	if err := os.MkdirAll(fr.Dir, 0o750); err != nil {
		return rc, fmt.Errorf("fleet.rules.dir: %w", err)
	}
	rc.Dirs = append(slices.Clone(rc.Dirs), fr.Dir)
	return rc, nil
}

// openAgentRules opens an agent's rules with its installed pack. When they do not
// load with it (a signed pack whose rules are broken), they are opened without it, so
// a bad pack never keeps an agent from starting; the next pack that loads brings the
// folder back.
func openAgentRules(cfg *config.Config, log *slog.Logger) (*rulesDB, config.RulesConfig, error) {
	rc, err := agentRuleConfig(cfg)
	if err != nil {
		return nil, rc, err
	}
	db, err := openRules(rc, log)
	if err == nil || len(rc.Dirs) == len(cfg.Rules.Dirs) {
		return db, rc, err
	}
	log.Error("the installed rule pack does not load: running without it until a pack that loads is installed",
		"dir", cfg.Fleet.Rules.Dir, "err", err)
	db, err = openRules(cfg.Rules, log)
	return db, cfg.Rules, err
}

// startRulePacks makes the agent's rule pack fetcher (nil without
// fleet.rules.public_keys); Run it. Each installed pack reloads the rules, with the
// pack folder; rules that do not load leave the running ones in place.
func (d *daemon) startRulePacks(ctx context.Context, cfg *config.Config) (*fleet.RulePackFetcher, error) {
	fr := cfg.Fleet.Rules
	if fr.PublicKeys == "" {
		d.log.Info("fleet.rules.public_keys not set: rule packs are not fetched, only the local rules run")
		return nil, nil
	}
	keys, err := rulepack.LoadPublicKeys(fr.PublicKeys)
	if err != nil {
		return nil, fmt.Errorf("fleet.rules.public_keys: %w", err)
	}
	withPack, err := agentRuleConfig(cfg)
	if err != nil {
		return nil, err
	}
	fc := cfg.Fleet
	f, err := fleet.NewRulePackFetcher(fleet.RulePackOptions{
		URL: fc.URL, Credentials: fc.Credentials, TLSCA: fc.TLSCA, Name: "aupscan-rules " + cfg.Identity.Host,
		InboxPrefix: fleet.AgentInboxPrefix(cfg.Identity.Host),
		Dir:         fr.Dir, Trusted: keys, Interval: fr.Interval.Or(time.Minute), Log: d.log,
		OnInstall: func(v uint64) {
			if err := d.rules.reload(ctx, withPack); err != nil {
				d.log.Error("rule pack installed but its rules do not load: keeping the running rules", "pack_version", v, "err", err)
				return
			}
			cur := d.rules.current().Set
			d.log.Info("rules of the rule pack running", "pack_version", v, "version", cur.Version(), "rules", cur.Len())
		},
	})
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(keys))
	for i, k := range keys {
		ids[i] = rulepack.KeyID(k)
	}
	d.log.Info("rule packs fetched", "dir", fr.Dir, "keys", ids, "installed_version", f.Stats().Version)
	d.m.reg.MustRegister(rulePackCollector{f})
	return f, nil
}

// runRulePacks runs f until ctx ends; the channel closes when it has stopped (at
// once for a nil f).
func runRulePacks(ctx context.Context, f *fleet.RulePackFetcher) <-chan struct{} {
	done := make(chan struct{})
	if f == nil {
		close(done)
		return done
	}
	go func() { defer close(done); f.Run(ctx) }()
	return done
}

// rulePackCollector exports an agent's rule pack state.
type rulePackCollector struct{ f *fleet.RulePackFetcher }

var (
	rulePackInfoDesc = prometheus.NewDesc("aupscand_fleet_rule_pack_info",
		"The installed rule pack: 1, with its version and signing key id as labels (version 0: none).", []string{"version", "key"}, nil)
	rulePacksDesc = prometheus.NewDesc("aupscand_fleet_rule_packs_total",
		"Rule packs by outcome: installed, refused (bad signature, untrusted key, malformed, older than the installed one), failed (not written).",
		[]string{"result"}, nil)
)

func (c rulePackCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- rulePackInfoDesc
	ch <- rulePacksDesc
}

func (c rulePackCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.f.Stats()
	ch <- prometheus.MustNewConstMetric(rulePackInfoDesc, prometheus.GaugeValue, 1, strconv.FormatUint(s.Version, 10), s.KeyID)
	for r, v := range map[string]uint64{"installed": s.Installs, "refused": s.Refused, "failed": s.Failures} {
		ch <- prometheus.MustNewConstMetric(rulePacksDesc, prometheus.CounterValue, float64(v), r)
	}
}

// rulePackPoll is how often the manager looks for a rule reload to publish;
// rulePackRecheck how often it reads the bucket anyway (a pack replaced behind its
// back is put right), and rulePackRetry how soon it tries again after a failure.
var (
	rulePackPoll    = 2 * time.Second
	rulePackRecheck = 5 * time.Minute
	rulePackRetry   = 30 * time.Second
)

// publishRulePacks is the manager's side (fleet.rules.signing_key set; else it does
// nothing): it builds, signs and publishes the pack of fleet.rules.folders (default
// rules.dirs) now, after every rule reload that changed the running rules (SIGHUP or
// a file change), and every few minutes; a pack is only written when its files
// differ from the bucket's. A failure is logged and tried again; the error is for a
// signing key that does not load. stop ends it.
func (d *daemon) publishRulePacks(ctx context.Context, nc *nats.Conn) (stop func(), err error) {
	fr := d.config().Fleet.Rules
	if fr.SigningKey == "" {
		d.log.Info("fleet.rules.signing_key not set: no rule packs published")
		return func() {}, nil
	}
	key, err := rulepack.LoadSigningKey(fr.SigningKey)
	if err != nil {
		return nil, fmt.Errorf("fleet.rules.signing_key: %w", err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, err
	}
	p := &rulePublisher{d: d, js: js, key: key}
	d.m.reg.MustRegister(p)
	d.log.Info("publishing rule packs", "key", rulepack.KeyID(key.Public().(ed25519.PublicKey)), "bucket", fleet.RulesBucket)
	ctx, cancel := context.WithCancel(ctx)
	ran := d.rules.current().Set.Version()
	next := time.Now().Add(rulePackRecheck)
	if p.publish(ctx, "start") != nil {
		next = time.Now().Add(rulePackRetry)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(rulePackPoll)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case now := <-t.C:
				v := d.rules.current().Set.Version()
				if v == ran && now.Before(next) {
					continue
				}
				why := "recheck"
				if v != ran {
					why = "rules reloaded"
				}
				ran, next = v, now.Add(rulePackRecheck)
				if p.publish(ctx, why) != nil {
					next = now.Add(rulePackRetry)
				}
			}
		}
	}()
	return func() { cancel(); <-done }, nil
}

// rulePublisher publishes the manager's rule packs and exports what it did.
type rulePublisher struct {
	d   *daemon
	js  jetstream.JetStream
	key ed25519.PrivateKey

	mu        sync.Mutex
	version   uint64
	published uint64
	failures  uint64
}

func (p *rulePublisher) publish(ctx context.Context, why string) error {
	cfg := p.d.config()
	folders := cfg.Fleet.Rules.Folders
	if len(folders) == 0 {
		folders = cfg.Rules.Dirs
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	res, err := fleet.PublishRules(ctx, p.js, p.key, folders, fleet.RulesBucketOptions{Replicas: cfg.Fleet.Rules.Replicas})
	p.mu.Lock()
	defer p.mu.Unlock()
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			p.failures++
			p.d.log.Error("rule pack not published: agents keep the last one", "why", why, "folders", folders, "err", err)
		}
		return err
	}
	p.version = res.Version
	if !res.Published {
		p.d.log.Debug("rule pack unchanged", "why", why, "version", res.Version)
		return nil
	}
	p.published++
	p.d.log.Info("rule pack published", "why", why, "version", res.Version, "files", res.Files, "bytes", res.Size,
		"signed_bytes", res.Envelope, "revision", res.Revision, "folders", folders)
	if res.Replaced != "" {
		p.d.log.Warn("the rules bucket held a pack this key does not open: replaced", "problem", res.Replaced)
	}
	return nil
}

var (
	rulePackPublishedDesc = prometheus.NewDesc("aupscand_fleet_rule_pack_published_info",
		"The rule pack in the bucket as this manager last saw it: 1, with its version as label.", []string{"version"}, nil)
	rulePackPublishesDesc = prometheus.NewDesc("aupscand_fleet_rule_pack_publishes_total",
		"Rule pack publications by result: published (a new pack), failed.", []string{"result"}, nil)
)

func (p *rulePublisher) Describe(ch chan<- *prometheus.Desc) {
	ch <- rulePackPublishedDesc
	ch <- rulePackPublishesDesc
}

func (p *rulePublisher) Collect(ch chan<- prometheus.Metric) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ch <- prometheus.MustNewConstMetric(rulePackPublishedDesc, prometheus.GaugeValue, 1, strconv.FormatUint(p.version, 10))
	ch <- prometheus.MustNewConstMetric(rulePackPublishesDesc, prometheus.CounterValue, float64(p.published), "published")
	ch <- prometheus.MustNewConstMetric(rulePackPublishesDesc, prometheus.CounterValue, float64(p.failures), "failed")
}
