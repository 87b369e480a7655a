package daemon

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/scanner"
)

// findingQueue carries findings from the scanners to the notifier as serialized
// records (the JSON Lines form of the contract, stable id included), so that a later
// fleet mode can carry the same records between machines. It is bounded and never
// blocks a producer: capture must not wait for the database, so a full queue drops
// the finding and counts it.
type findingQueue struct {
	ch      chan []byte
	dropped atomic.Uint64
	m       *metrics
	log     *slog.Logger
	// emit, when set, fills in and sends on each finding before it is queued
	// (outputs.go).
	emit func(*scanner.Finding)
}

func newFindingQueue(size int, m *metrics, log *slog.Logger) *findingQueue {
	if size <= 0 {
		size = 4096
	}
	return &findingQueue{ch: make(chan []byte, size), m: m, log: log}
}

// put enqueues f; safe from any goroutine.
func (q *findingQueue) put(f scanner.Finding) {
	if f.ID == "" {
		f.SetID()
	}
	if q.emit != nil {
		q.emit(&f)
	}
	q.m.findings.WithLabelValues(f.Category).Inc()
	rec, err := json.Marshal(f)
	if err != nil {
		q.log.Error("cannot serialize finding", "rule", f.Rule, "err", err)
		return
	}
	select {
	case q.ch <- rec:
	default:
		if n := q.dropped.Add(1); n&(n-1) == 0 { // log at 1, 2, 4, 8...
			q.log.Warn("finding queue full: findings dropped", "dropped", n, "rule", f.Rule)
		}
		q.m.findingsDropped.Inc()
	}
}

// processor is the queue's one consumer: it decodes records and hands them to the
// notifier in batches.
type processor struct {
	q       *findingQueue
	n       func() *notify.Notifier
	log     *slog.Logger
	every   time.Duration
	maxSize int
	opened  func() // called after a batch that opened cases
}

// run consumes until the queue is closed, writing a batch every interval or when it
// is full; the batch left at the end is written before run returns.
func (p *processor) run(ctx context.Context) {
	var batch []scanner.Finding
	t := time.NewTicker(p.every)
	defer t.Stop()
	for {
		select {
		case rec, ok := <-p.q.ch:
			if !ok {
				p.flush(ctx, batch)
				return
			}
			var f scanner.Finding
			if err := json.Unmarshal(rec, &f); err != nil {
				p.log.Error("bad finding record", "err", err)
				continue
			}
			batch = append(batch, f)
			if len(batch) >= p.maxSize {
				batch = p.flush(ctx, batch)
			}
		case <-t.C:
			batch = p.flush(ctx, batch)
		}
	}
}

func (p *processor) flush(ctx context.Context, batch []scanner.Finding) []scanner.Finding {
	if len(batch) == 0 {
		return batch
	}
	// The cases are written even while the daemon stops: the findings are in hand
	// and the transaction is short.
	res, err := p.n().Process(context.WithoutCancel(ctx), batch)
	if err != nil {
		p.log.Error("findings not recorded", "findings", len(batch), "err", err)
		return batch[:0]
	}
	p.log.Info("findings recorded", "findings", len(batch), "cases_opened", res.Opened,
		"cases_refreshed", res.Refreshed, "skipped", res.Skipped)
	if res.Opened > 0 && p.opened != nil {
		p.opened()
	}
	return batch[:0]
}
