package daemon

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/aupscan/aupscan/internal/version"
	"github.com/aupscan/aupscan/scanner/traffic"
)

// metrics are the daemon's Prometheus series. They live in their own registry rather
// than the global one, so a test can run several daemons in one process.
type metrics struct {
	reg *prometheus.Registry

	packets, bytes, notIP, malformed, drops, flows *prometheus.CounterVec // by source
	kernelDrops                                    *prometheus.CounterVec // by source
	reassemblyEvents                               *prometheus.CounterVec // by source and event
	files, filesSkipped                            *prometheus.CounterVec // by root
	findings                                       *prometheus.CounterVec // by category
	findingsDropped                                prometheus.Counter
	findingsCollapsed                              prometheus.Counter // sightings carried by another record's count
	findingsHeld                                   prometheus.Gauge   // findings the case database refused, kept in memory
	findingsHeldDropped                            prometheus.Counter // beyond limits.held
	caseDatabaseDamaged                            prometheus.Gauge
	cases                                          *prometheus.GaugeVec // by state
	notices                                        *prometheus.CounterVec
	actions                                        *prometheus.CounterVec
	configReloads                                  *prometheus.CounterVec   // by result
	scanDuration                                   *prometheus.HistogramVec // by kind
	scansSkipped                                   prometheus.Counter
}

func newMetrics() *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	counter := func(name, help string, labels ...string) *prometheus.CounterVec {
		c := prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "aupscand", Name: name, Help: help}, labels)
		m.reg.MustRegister(c)
		return c
	}
	m.packets = counter("capture_packets_total", "Packets read, live or from capture files.", "source")
	m.bytes = counter("capture_bytes_total", "Bytes on the wire of the packets read live (their original length, not the snap length kept).", "source")
	m.notIP = counter("capture_not_ip_total", "Frames without IP (ARP, LLDP): nothing wrong.", "source")
	m.malformed = counter("capture_malformed_total", "Packets that did not decode.", "source")
	m.drops = counter("capture_drops_total", "Packets lost: dropped by the kernel, or new flows a full flow table could not track.", "source")
	m.kernelDrops = counter("capture_kernel_drops_total", "Of the drops, the packets the kernel dropped (the capture fell behind), "+
		"as against new flows a full flow table could not track.", "source")
	m.flows = counter("capture_flows_total", "Flows tracked.", "source")
	m.reassemblyEvents = counter("capture_reassembly_total", "What putting TCP streams in order and IP fragments together met: "+
		"out_of_order, overlap, conflict (an overlap that said something else), gap_skipped, past_budget, refused (memory limit), "+
		"fragment, datagram, fragment_dropped.", "source", "event")
	m.files = counter("host_files_scanned_total", "Files read by host scans.", "root")
	m.filesSkipped = counter("host_files_skipped_total", "Files and folders not read (too large, special, unreadable), never reported clean.", "root")
	m.findings = counter("findings_total", "Findings made, by category.", "category")
	m.findingsDropped = prometheus.NewCounter(prometheus.CounterOpts{Namespace: "aupscand", Name: "findings_dropped_total",
		Help: "Findings dropped because the queue to the notifier was full."})
	m.findingsCollapsed = prometheus.NewCounter(prometheus.CounterOpts{Namespace: "aupscand", Name: "findings_collapsed_total",
		Help: "Sightings of a finding repeated within daemon.repeat_window, carried by one record's count rather than a record each."})
	m.findingsHeld = prometheus.NewGauge(prometheus.GaugeOpts{Namespace: "aupscand", Name: "findings_held",
		Help: "Findings the case database refused (a full disk), held in memory to be recorded when it accepts them."})
	m.findingsHeldDropped = prometheus.NewCounter(prometheus.CounterOpts{Namespace: "aupscand", Name: "findings_held_dropped_total",
		Help: "Findings the case database refused and limits.held had no room for: lost."})
	m.caseDatabaseDamaged = prometheus.NewGauge(prometheus.GaugeOpts{Namespace: "aupscand", Name: "case_database_damaged",
		Help: "1 when the last integrity check of the SQLite case database failed (run aupscan cases repair), else 0."})
	m.cases = prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: "aupscand", Name: "cases",
		Help: "Cases in the database, by state."}, []string{"state"})
	m.notices = counter("notices_total", "Notice deliveries, by result (sent, retry, failed).", "result")
	m.actions = counter("actions_total", "Suspension actions run, by result.", "result")
	m.configReloads = counter("config_reloads_total", "Configuration reloads on SIGHUP, by result.", "result")
	m.scanDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: "aupscand", Name: "scan_duration_seconds",
		Help: "Duration of host scans and capture file replays.", Buckets: prometheus.ExponentialBuckets(0.01, 4, 10)}, []string{"kind"})
	m.scansSkipped = prometheus.NewCounter(prometheus.CounterOpts{Namespace: "aupscand", Name: "host_scans_skipped_total",
		Help: "Scheduled host scans not started because the previous one was still running."})
	// The build, as every Prometheus exporter says it: 1, with the identity as labels
	// (the running rules' version is aupscand_rules_info's).
	b := version.Get()
	build := prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: "aupscand", Name: "build_info",
		Help: "The running build: 1, with its version, commit, build date and Go version as labels."},
		[]string{"version", "commit", "date", "goversion"})
	build.WithLabelValues(b.Version, b.Commit, b.Date, b.Go).Set(1)
	m.reg.MustRegister(build, m.findingsDropped, m.findingsCollapsed, m.findingsHeld, m.findingsHeldDropped, m.caseDatabaseDamaged, m.cases, m.scanDuration, m.scansSkipped,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	// Both results exist from the start, so a dashboard sees 0 rather than nothing.
	for _, r := range []string{"ok", "failed"} {
		m.configReloads.WithLabelValues(r)
	}
	return m
}

var (
	ruleReloadsDesc = prometheus.NewDesc("aupscand_rule_reloads_total",
		"Rule reloads that changed the rules (ok) or were refused and the running rules kept (failed).", []string{"result"}, nil)
	ruleInfoDesc = prometheus.NewDesc("aupscand_rules_info",
		"The running rule set: 1, with its version and rule count as labels.", []string{"version", "rules"}, nil)
)

// rulesCollector reads the rule database's own counters at scrape time: reloads
// happen in its watcher too, where the daemon does not see them.
type rulesCollector struct{ rules *ruleHolder }

func (c rulesCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- ruleReloadsDesc
	ch <- ruleInfoDesc
}

func (c rulesCollector) Collect(ch chan<- prometheus.Metric) {
	ok, failed := c.rules.counts()
	ch <- prometheus.MustNewConstMetric(ruleReloadsDesc, prometheus.CounterValue, float64(ok), "ok")
	ch <- prometheus.MustNewConstMetric(ruleReloadsDesc, prometheus.CounterValue, float64(failed), "failed")
	cur := c.rules.db().Current().Set
	ch <- prometheus.MustNewConstMetric(ruleInfoDesc, prometheus.GaugeValue, 1, cur.Version(), strconv.Itoa(cur.Len()))
}

// server serves /metrics, /healthz (the process answers) and /readyz (rules loaded
// and the first notifier cycle done).
type server struct {
	srv   *http.Server
	ln    net.Listener
	ready atomic.Bool
}

func (m *metrics) listen(addr string, log *slog.Logger) (*server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &server{ln: ln}
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, _ *http.Request) {
		if !s.ready.Load() {
			http.Error(w, "not ready", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready\n"))
	})
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics server stopped", "err", err)
		}
	}()
	log.Info("serving metrics", "addr", ln.Addr().String())
	return s, nil
}

func (s *server) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = s.srv.Shutdown(ctx)
}

// reassembly adds a capture's reassembly counts.
func (m *metrics) reassembly(source string, r traffic.ReassemblyStats) {
	for event, n := range r.Counts() {
		if n > 0 {
			m.reassemblyEvents.WithLabelValues(source, event).Add(float64(n))
		}
	}
}
