package daemon

import (
	"reflect"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/output"
	"github.com/aupscan/aupscan/scanner"
)

// Outputs ([[output]]): every finding the daemon makes, and on a manager every
// finding an agent sends, goes to the configured outputs as it is made, beside the
// notifier. The outputs never hold up a scanner: each has its own bounded queue.

// outputClose is how long a stopping daemon lets the outputs deliver what is queued.
const outputClose = 5 * time.Second

// startOutputs opens the outputs of cfg (none without [[output]] sections) and
// registers their metrics and the feeds' (both are read at scrape time, so they
// follow reloads).
func (d *daemon) startOutputs(cfg *config.Config) error {
	s, err := output.Open(cfg.Outputs, output.Options{Logger: d.log, Product: output.Product{Name: "aupscan"}})
	if err != nil {
		return err
	}
	d.outs.Store(s)
	d.m.reg.MustRegister(outputCollector{d}, feedCollector{d})
	if s.Len() > 0 {
		names := make([]string, 0, s.Len())
		for _, st := range s.Stats() {
			names = append(names, st.Name+" ("+st.Type+")")
		}
		d.log.Info("outputs running", "outputs", names)
	}
	return nil
}

// emit fills in what the daemon knows of a finding it made (the tenant of its host,
// the running rule set's version) and hands it to the outputs. Called by the
// finding queue for every finding, before it is recorded or published.
func (d *daemon) emit(f *scanner.Finding) {
	if f.RulesVersion == "" && d.rules != nil {
		f.RulesVersion = d.rules.current().Set.Version()
	}
	d.emitFleet(f)
}

// emitFleet is emit for a finding an agent made: its rule set is the agent's, so
// only the tenant is filled in.
func (d *daemon) emitFleet(f *scanner.Finding) {
	if cfg := d.config(); f.Tenant == "" && cfg.Notify != nil {
		if t := cfg.Notify.TenantOf(f.Host); t != nil {
			f.Tenant = t.ID
		}
	}
	d.outs.Load().Put(*f)
}

// reloadOutputs takes up a new configuration's outputs: the same sections keep
// their outputs, which reopen their files (SIGHUP after logrotate); other sections
// replace them, the old ones delivering what they hold first.
func (d *daemon) reloadOutputs(old, cfg *config.Config) {
	if reflect.DeepEqual(old.Outputs, cfg.Outputs) {
		d.outs.Load().Reopen()
		return
	}
	s, err := output.Open(cfg.Outputs, output.Options{Logger: d.log, Product: output.Product{Name: "aupscan"}})
	if err != nil {
		d.log.Error("outputs not changed: keeping the running ones", "err", err)
		d.outs.Load().Reopen()
		return
	}
	prev := d.outs.Swap(s)
	go prev.Close(outputClose)
	d.log.Info("outputs replaced", "outputs", s.Len())
}

// closeOutputs delivers what the outputs hold, for a few seconds at most.
func (d *daemon) closeOutputs() { d.outs.Load().Close(outputClose) }

// outputCollector exports each output's counters.
type outputCollector struct{ d *daemon }

var (
	outputFindingsDesc = prometheus.NewDesc("aupscand_output_findings_total",
		"Findings by output and result: delivered, dropped (the output's queue was full), failed (given up after max_attempts, or refused).",
		[]string{"output", "type", "result"}, nil)
	outputRetriesDesc = prometheus.NewDesc("aupscand_output_retries_total",
		"Delivery attempts that failed and were tried again, by output.", []string{"output", "type"}, nil)
	outputQueueDesc = prometheus.NewDesc("aupscand_output_queue_length",
		"Findings waiting for the output.", []string{"output", "type"}, nil)
	outputLastDesc = prometheus.NewDesc("aupscand_output_last_success_timestamp_seconds",
		"When the output last delivered (0: not yet).", []string{"output", "type"}, nil)
)

func (c outputCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{outputFindingsDesc, outputRetriesDesc, outputQueueDesc, outputLastDesc} {
		ch <- d
	}
}

func (c outputCollector) Collect(ch chan<- prometheus.Metric) {
	for _, st := range c.d.outs.Load().Stats() {
		for r, v := range map[string]uint64{"delivered": st.Delivered, "dropped": st.Dropped, "failed": st.Failed} {
			ch <- prometheus.MustNewConstMetric(outputFindingsDesc, prometheus.CounterValue, float64(v), st.Name, st.Type, r)
		}
		ch <- prometheus.MustNewConstMetric(outputRetriesDesc, prometheus.CounterValue, float64(st.Retries), st.Name, st.Type)
		ch <- prometheus.MustNewConstMetric(outputQueueDesc, prometheus.GaugeValue, float64(st.Queued), st.Name, st.Type)
		last := 0.0
		if !st.LastSuccess.IsZero() {
			last = float64(st.LastSuccess.UnixNano()) / 1e9
		}
		ch <- prometheus.MustNewConstMetric(outputLastDesc, prometheus.GaugeValue, last, st.Name, st.Type)
	}
}
