package output

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/signatures"
)

// sink is one kind of receiver. deliver sends a batch of findings (at most
// maxBatch) and returns the error of an attempt: the runner retries it with backoff.
// A permanent error (the receiver refuses the record) is wrapped in permanent and
// not retried.
type sink interface {
	deliver(ctx context.Context, batch []*scanner.Finding) error
	maxBatch() int
	close() error
}

// reopener is a sink that reopens what it writes to (a file logrotate moved).
type reopener interface{ reopen() error }

// permanent marks an error retrying cannot cure (a 4xx answer).
type permanent struct{ error }

func (p permanent) Unwrap() error { return p.error }

// Options are what Open takes besides the sections.
type Options struct {
	Logger  *slog.Logger
	Product Product
	// Now dates Alertmanager's alerts; time.Now when nil.
	Now func() time.Time
}

// Stats are one output's counters.
type Stats struct {
	Name, Type  string
	Delivered   uint64 // findings the receiver took
	Dropped     uint64 // findings that found the queue full
	Failed      uint64 // findings given up on after MaxAttempts, or refused
	Retries     uint64 // attempts that failed and were tried again
	Queued      int    // findings waiting now
	LastError   string // of the last failed attempt, "" after a success
	LastSuccess time.Time
}

// Output is one configured output: a bounded queue and the goroutine that empties
// it into the sink.
type Output struct {
	cfg   Config
	sink  sink
	min   int
	ch    chan *scanner.Finding
	hup   chan struct{}
	log   *slog.Logger
	done  chan struct{}
	retry retryPolicy

	delivered, dropped, failed, retries atomic.Uint64
	mu                                  sync.Mutex
	lastErr                             string
	lastOK                              time.Time
}

// Set is the outputs of one configuration.
type Set struct {
	// mu orders Put against Close: Put holds it shared (it never waits while holding
	// it), Close exclusively, so no finding is put into a closed queue.
	mu     sync.RWMutex
	closed bool
	outs   []*Output
	cancel context.CancelFunc
	ctx    context.Context
}

// Open starts an output for every section (validated already). Close stops them.
func Open(cs []Config, o Options) (*Set, error) {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Set{cancel: cancel, ctx: ctx}
	for _, c := range cs {
		sk, err := newSink(c, o)
		if err != nil {
			s.Close(0)
			return nil, fmt.Errorf("output %q: %w", c.Name, err)
		}
		out := &Output{cfg: c, sink: sk, min: max(signatures.Rank(signatures.Severities, c.MinSeverity), 0),
			ch: make(chan *scanner.Finding, cmp.Or(c.Queue, 1024)), hup: make(chan struct{}, 1),
			log: o.Logger.With("output", c.Name), done: make(chan struct{}),
			retry: retryPolicy{attempts: cmp.Or(c.MaxAttempts, 8), backoff: c.Backoff.Or(time.Second), max: c.MaxBackoff.Or(time.Minute)}}
		s.outs = append(s.outs, out)
		go out.run(ctx)
	}
	return s, nil
}

func newSink(c Config, o Options) (sink, error) {
	enc, err := NewEncoder(c.Format, o.Product)
	if err != nil {
		return nil, err
	}
	switch c.Type {
	case TypeFile:
		return openFile(c.Path, enc)
	case TypeSyslog:
		return newSyslog(c, enc)
	case TypeWebhook:
		return newWebhook(c, enc)
	case TypeAlertmanager:
		return newAlertmanager(c, o.Now)
	}
	return nil, fmt.Errorf("unknown type %q", c.Type)
}

// Len returns the number of outputs.
func (s *Set) Len() int {
	if s == nil {
		return 0
	}
	return len(s.outs)
}

// Put hands f to every output whose filter takes it, without waiting: an output
// whose queue is full drops it and counts the drop. Safe from any goroutine.
func (s *Set) Put(f scanner.Finding) {
	if s == nil {
		return
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return
	}
	p := &f // one copy shared by the outputs, which only read it
	for _, o := range s.outs {
		if signatures.Rank(signatures.Severities, f.Severity) < o.min {
			continue
		}
		select {
		case o.ch <- p:
		default:
			if n := o.dropped.Add(1); n&(n-1) == 0 { // log at 1, 2, 4, 8...
				o.log.Warn("output queue full: findings dropped", "dropped", n)
			}
		}
	}
}

// Reopen asks every file output to reopen its file (after logrotate moved it: the
// daemon calls it on SIGHUP).
func (s *Set) Reopen() {
	if s == nil {
		return
	}
	for _, o := range s.outs {
		select {
		case o.hup <- struct{}{}:
		default:
		}
	}
}

// Close delivers what is queued for at most wait, then stops every output; what
// is left is counted as dropped.
func (s *Set) Close(wait time.Duration) {
	if s == nil {
		return
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	for _, o := range s.outs {
		close(o.ch)
	}
	s.mu.Unlock()
	timer := time.AfterFunc(wait, s.cancel)
	defer timer.Stop()
	for _, o := range s.outs {
		<-o.done
	}
	s.cancel()
}

// Stats returns every output's counters, in configuration order.
func (s *Set) Stats() []Stats {
	if s == nil {
		return nil
	}
	out := make([]Stats, len(s.outs))
	for i, o := range s.outs {
		o.mu.Lock()
		out[i] = Stats{Name: o.cfg.Name, Type: o.cfg.Type, Delivered: o.delivered.Load(), Dropped: o.dropped.Load(),
			Failed: o.failed.Load(), Retries: o.retries.Load(), Queued: len(o.ch), LastError: o.lastErr, LastSuccess: o.lastOK}
		o.mu.Unlock()
	}
	return out
}

// run empties the queue until it is closed (or ctx ends), a batch at a time.
func (o *Output) run(ctx context.Context) {
	defer close(o.done)
	defer func() {
		if err := o.sink.close(); err != nil {
			o.log.Warn("output close", "err", err)
		}
	}()
	batch := make([]*scanner.Finding, 0, o.sink.maxBatch())
	for {
		select {
		case <-o.hup:
			o.reopen()
			continue
		case f, ok := <-o.ch:
			if !ok {
				return
			}
			batch = append(batch[:0], f)
		}
		// Whatever else is queued goes in the same batch.
	fill:
		for len(batch) < cap(batch) {
			select {
			case f, ok := <-o.ch:
				if !ok {
					break fill
				}
				batch = append(batch, f)
			default:
				break fill
			}
		}
		if ctx.Err() != nil {
			o.dropped.Add(uint64(len(batch)))
			continue // drain the rest as dropped
		}
		o.send(ctx, batch)
	}
}

func (o *Output) reopen() {
	if r, ok := o.sink.(reopener); ok {
		if err := r.reopen(); err != nil {
			o.log.Error("output not reopened: writing on to the open file", "err", err)
			o.note(err)
			return
		}
		o.log.Info("output reopened")
	}
}

// send delivers a batch, retrying with backoff; after the last attempt the batch is
// counted as failed.
func (o *Output) send(ctx context.Context, batch []*scanner.Finding) {
	for attempt := 1; ; attempt++ {
		err := o.sink.deliver(ctx, batch)
		if err == nil {
			o.delivered.Add(uint64(len(batch)))
			o.mu.Lock()
			o.lastErr, o.lastOK = "", time.Now()
			o.mu.Unlock()
			return
		}
		o.note(err)
		var perm permanent
		if errors.As(err, &perm) || attempt >= o.retry.attempts || ctx.Err() != nil {
			o.failed.Add(uint64(len(batch)))
			o.log.Error("findings not delivered: given up", "findings", len(batch), "attempts", attempt, "rule", batch[0].Rule, "err", err)
			return
		}
		o.retries.Add(1)
		wait := o.retry.wait(attempt)
		o.log.Warn("delivery failed: retrying", "attempt", attempt, "in", wait, "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		case <-o.hup:
			o.reopen()
		}
	}
}

func (o *Output) note(err error) {
	o.mu.Lock()
	o.lastErr = err.Error()
	o.mu.Unlock()
}

// retryPolicy is exponential backoff: backoff, doubled after each failure, at most max.
type retryPolicy struct {
	attempts     int
	backoff, max time.Duration
}

func (r retryPolicy) wait(attempt int) time.Duration {
	d := r.backoff
	for i := 1; i < attempt && d < r.max; i++ {
		d *= 2
	}
	return min(d, r.max)
}
