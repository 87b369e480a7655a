package daemon

import (
	"context"
	"encoding/json"
	"log/slog"
	"slices"
	"sync/atomic"
	"time"

	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/scanner"
)

// findingQueue carries findings from the scanners to the notifier as serialized
// records (the JSON Lines form of the contract, stable id included), so that a later
// fleet mode can carry the same records between machines. It is bounded and never
// blocks a producer: capture must not wait for the database, so a full queue drops
// the finding and counts it. Repeats of one finding within a short window travel as
// one record with a count (repeats.go), so a flood of one finding does not fill it.
type findingQueue struct {
	ch        chan []byte
	dropped   atomic.Uint64
	collapsed atomic.Uint64 // sightings carried by another record's count
	m         *metrics
	log       *slog.Logger
	// emit, when set, fills in and sends on each finding before it is queued
	// (outputs.go).
	emit func(*scanner.Finding)

	rep       *repeats // nil: every sighting is a record
	stopSweep chan struct{}
	swept     chan struct{}
}

func newFindingQueue(size int, m *metrics, log *slog.Logger) *findingQueue {
	if size <= 0 {
		size = 4096
	}
	return &findingQueue{ch: make(chan []byte, size), m: m, log: log}
}

// collapseRepeats makes repeats of one finding within window one record with a
// count, and sweeps ended windows every quarter window until close.
func (q *findingQueue) collapseRepeats(window time.Duration) {
	q.rep = newRepeats(window)
	q.stopSweep, q.swept = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(q.swept)
		t := time.NewTicker(max(window/4, 10*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-q.stopSweep:
				return
			case now := <-t.C:
				for _, f := range q.rep.sweep(now, false) {
					q.send(f)
				}
			}
		}
	}()
}

// close sends the repeats still held and closes the queue; no put may follow.
func (q *findingQueue) close() {
	if q.rep != nil {
		close(q.stopSweep)
		<-q.swept
		for _, f := range q.rep.sweep(time.Now(), true) {
			q.send(f)
		}
	}
	close(q.ch)
}

// put enqueues f, or counts it on the record of its repeats; safe from any
// goroutine.
func (q *findingQueue) put(f scanner.Finding) {
	if f.ID == "" {
		f.SetID()
	}
	q.m.findings.WithLabelValues(f.Category).Add(float64(f.Sightings()))
	if q.rep == nil {
		q.send(f)
		return
	}
	out := q.rep.add(f, time.Now())
	if len(out) == 0 {
		q.collapsed.Add(uint64(f.Sightings()))
		q.m.findingsCollapsed.Add(float64(f.Sightings()))
	}
	for _, r := range out {
		q.send(r)
	}
}

// send hands f to the outputs and queues it, or drops and counts it when the
// queue is full.
func (q *findingQueue) send(f scanner.Finding) {
	if q.emit != nil {
		q.emit(&f)
	}
	rec, err := json.Marshal(f)
	if err != nil {
		q.log.Error("cannot serialize finding", "rule", f.Rule, "err", err)
		return
	}
	select {
	case q.ch <- rec:
	default:
		n := q.dropped.Add(uint64(f.Sightings()))
		if n&(n-1) == 0 || f.Count > 1 { // log at 1, 2, 4, 8... and every lost count
			q.log.Warn("finding queue full: findings dropped", "dropped", n, "rule", f.Rule, "count", f.Sightings())
		}
		q.m.findingsDropped.Add(float64(f.Sightings()))
	}
}

// processor is the queue's one consumer: it decodes records and hands them to the
// notifier in batches.
type processor struct {
	q       *findingQueue
	n       func() *notify.Notifier
	log     *slog.Logger
	m       *metrics
	every   time.Duration
	maxSize int
	opened  func() // called after a batch that opened cases

	// held are findings the case database refused (a full disk, a lock held too
	// long): kept, oldest first, and written before newer ones at every flush until
	// it accepts them. At most maxHeld; beyond, the newest are dropped and counted.
	held        []scanner.Finding
	maxHeld     int
	heldDropped uint64
}

// defaultMaxHeld is limits.held when it is not set: about 100 MB of findings at
// most, far less than the findings of a day of one host.
const defaultMaxHeld = 100000

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
				if len(p.held) > 0 {
					p.log.Error("findings lost at stop: the case database still refuses them", "lost", len(p.held))
				}
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

// hold keeps the findings of a batch the database refused for the next flush.
func (p *processor) hold(all []scanner.Finding, err error) {
	was := len(p.held)
	keep := min(len(all), p.maxHeld)
	p.held = slices.Clone(all[:keep]) // all may share the batch's array, reused next
	if lost := len(all) - keep; lost > 0 {
		p.heldDropped += uint64(lost)
		p.m.findingsHeldDropped.Add(float64(lost))
		p.log.Error("findings lost: the case database refuses them and limits.held is full",
			"lost", lost, "lost_total", p.heldDropped, "held", len(p.held), "err", err)
	}
	p.m.findingsHeld.Set(float64(len(p.held)))
	if was == 0 {
		p.log.Error("case database refuses findings: held in memory until it accepts them",
			"held", len(p.held), "limit", p.maxHeld, "err", err)
	}
}

func (p *processor) flush(ctx context.Context, batch []scanner.Finding) []scanner.Finding {
	all := batch
	if len(p.held) > 0 {
		all = append(p.held, batch...)
	}
	if len(all) == 0 {
		return batch
	}
	// The cases are written even while the daemon stops: the findings are in hand
	// and the transaction is short.
	res, err := p.n().Process(context.WithoutCancel(ctx), all)
	if err != nil {
		p.hold(all, err)
		return batch[:0]
	}
	if len(p.held) > 0 {
		p.log.Info("case database accepts findings again: held findings recorded", "held", len(p.held))
		p.held = nil
		p.m.findingsHeld.Set(0)
	}
	p.log.Info("findings recorded", "findings", len(all), "cases_opened", res.Opened,
		"cases_refreshed", res.Refreshed, "skipped", res.Skipped)
	if res.Opened > 0 && p.opened != nil {
		p.opened()
	}
	return batch[:0]
}
