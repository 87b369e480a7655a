package fleet

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/aupscan/aupscan/scanner"
)

// ManagerOptions configure a Manager.
type ManagerOptions struct {
	// Handle records a batch of findings, keys[i] being the message key of
	// findings[i] (MsgID), and returns how many it left out as already recorded. It
	// must record each key in the same transaction as the case change it makes (the
	// daemon's notify.ProcessOnce does): that is what makes a batch redelivered after
	// a crash, or replayed after the stream's duplicate window, change the cases once.
	// The batch is acknowledged only after Handle returns nil; on an error it is
	// redelivered later.
	Handle func(ctx context.Context, findings []scanner.Finding, keys []string) (duplicates int, err error)
	// Durable is the consumer's name; managers with the same name share the work
	// (default "aupscan-managers").
	Durable string
	// Batch is the most findings handed to Handle at once (default 256). Linger is
	// how long Run waits, after a finding arrives, for more to fill the batch (default
	// 20ms): the latency added when findings trickle in. MaxWait is how long Drain's
	// fetches wait (default 1s).
	Batch   int
	Linger  time.Duration
	MaxWait time.Duration
	// AckWait is how long the server waits for a batch's acknowledgement before
	// giving it to another manager (default 60s).
	AckWait time.Duration
	// RetryDelay is how long a batch that Handle refused waits before it is
	// delivered again (default 5s).
	RetryDelay time.Duration
	Streams    StreamOptions
	// SilentAfter reports an agent whose last heartbeat is older than this; 0 turns
	// the watch off. OnSilent is called when an agent falls silent and again, with
	// Silent false, when it is heard from again.
	SilentAfter time.Duration
	OnSilent    func(AgentStatus)
	Log         *slog.Logger
}

// AgentStatus is what the manager knows of one agent from its heartbeats.
type AgentStatus struct {
	Host     string
	LastSeen time.Time // the server's time of the last heartbeat
	Silent   bool
	Spooled  int // findings waiting in the agent's spool at its last heartbeat
	Dropped  uint64
}

// ManagerStats counts what a manager did since it started.
type ManagerStats struct {
	Received   uint64 // messages fetched, redeliveries included
	Processed  uint64 // findings handed to Handle and acknowledged
	Duplicates uint64 // findings already handled (a replay, a redelivery): acknowledged, not handed on
	Rejected   uint64 // findings whose claimed host is not the subject's host
	Malformed  uint64 // messages that are not a finding
	Failed     uint64 // batches Handle refused (redelivered later)
}

// Manager consumes findings from the durable pull consumer that all managers share,
// hands them to Handle in batches, and watches the agents' heartbeats.
type Manager struct {
	o    ManagerOptions
	js   jetstream.JetStream
	cons jetstream.Consumer
	log  *slog.Logger
	hb   *heartbeats

	received, processed, duplicates, rejected, malformed, failed atomic.Uint64
}

// NewManager creates the streams, the shared consumer and the id table as needed.
func NewManager(ctx context.Context, nc *nats.Conn, o ManagerOptions) (*Manager, error) {
	if o.Handle == nil {
		return nil, errors.New("fleet manager: Handle is required")
	}
	if o.Durable == "" {
		o.Durable = "aupscan-managers"
	}
	if o.Batch <= 0 {
		o.Batch = 256
	}
	if o.Linger <= 0 {
		o.Linger = 20 * time.Millisecond
	}
	if o.MaxWait <= 0 {
		o.MaxWait = time.Second
	}
	if o.AckWait <= 0 {
		o.AckWait = time.Minute
	}
	if o.RetryDelay <= 0 {
		o.RetryDelay = 5 * time.Second
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, fmt.Errorf("fleet manager: %w", err)
	}
	if err := EnsureStreams(ctx, js, o.Streams); err != nil {
		return nil, fmt.Errorf("fleet manager: %w", err)
	}
	cons, err := js.CreateOrUpdateConsumer(ctx, FindingsStream, jetstream.ConsumerConfig{
		Durable:       o.Durable,
		Description:   "aupscan managers: findings to cases",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       o.AckWait,
		MaxAckPending: 16 * o.Batch,
		FilterSubject: FindingsPrefix + "*",
	})
	if err != nil {
		return nil, fmt.Errorf("fleet manager: consumer %s: %w", o.Durable, err)
	}
	m := &Manager{o: o, js: js, cons: cons, log: o.Log}
	if o.SilentAfter > 0 {
		m.hb = &heartbeats{after: o.SilentAfter, on: o.OnSilent, log: o.Log, last: map[string]*AgentStatus{}}
	}
	return m, nil
}

// Run consumes until ctx ends. A batch in hand when ctx ends is finished first.
func (m *Manager) Run(ctx context.Context) error {
	if m.hb != nil {
		stop, err := m.hb.watch(ctx, m.js)
		if err != nil {
			return err
		}
		defer stop()
	}
	pause := 100 * time.Millisecond
	for ctx.Err() == nil {
		err := m.consume(ctx)
		if err == nil || ctx.Err() != nil {
			break
		}
		m.log.Warn("consume findings", "err", err, "retry_in", pause)
		select {
		case <-ctx.Done():
		case <-time.After(pause):
		}
		pause = min(2*pause, 5*time.Second)
	}
	return nil
}

// consume handles batches from a continuous pull until ctx ends (nil) or the pull
// fails (its error). The pull keeps up to two batches on their way to this manager,
// so a batch is in hand as soon as findings arrive rather than when a fetch times out.
func (m *Manager) consume(ctx context.Context) error {
	it, err := m.cons.Messages(jetstream.PullMaxMessages(2 * m.o.Batch))
	if err != nil {
		return err
	}
	for ctx.Err() == nil {
		msgs, err := m.next(ctx, it)
		if len(msgs) > 0 {
			m.handle(context.WithoutCancel(ctx), msgs)
		}
		if err != nil && ctx.Err() == nil {
			it.Stop()
			return err
		}
	}
	// The findings already delivered to this manager are finished, not left to wait
	// out AckWait before another manager may take them.
	// A server that is away leaves them to AckWait after all: the wait is bounded.
	it.Drain()
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	defer it.Stop()
	for {
		msgs, err := m.next(dctx, it)
		if len(msgs) > 0 {
			m.handle(context.WithoutCancel(ctx), msgs)
		}
		if err != nil {
			return nil
		}
	}
}

// next waits for one finding message, then up to Linger for more, up to Batch. It
// returns the messages it has with the iterator's error, if any.
func (m *Manager) next(ctx context.Context, it jetstream.MessagesContext) ([]jetstream.Msg, error) {
	first, err := it.Next(jetstream.NextContext(ctx))
	if err != nil {
		return nil, err
	}
	msgs := []jetstream.Msg{first}
	deadline := time.Now().Add(m.o.Linger)
	for len(msgs) < m.o.Batch {
		wait := time.Until(deadline)
		if wait <= 0 {
			break
		}
		msg, err := it.Next(jetstream.NextMaxWait(wait))
		if errors.Is(err, nats.ErrTimeout) || errors.Is(err, context.DeadlineExceeded) {
			break
		}
		if err != nil {
			return msgs, err
		}
		msgs = append(msgs, msg)
	}
	return msgs, nil
}

// Drain handles batches until a fetch comes back empty: what the stream holds now,
// for a daemon's --once cycle.
func (m *Manager) Drain(ctx context.Context) error {
	for ctx.Err() == nil {
		n, err := m.fetch(ctx)
		if err != nil {
			return fmt.Errorf("fleet manager: fetch findings: %w", err)
		}
		if n == 0 {
			return nil
		}
	}
	return ctx.Err()
}

// fetch takes one batch from the consumer (waiting up to MaxWait) and handles it.
func (m *Manager) fetch(ctx context.Context) (int, error) {
	batch, err := m.cons.Fetch(m.o.Batch, jetstream.FetchMaxWait(m.o.MaxWait))
	if err != nil {
		return 0, err
	}
	var msgs []jetstream.Msg
	for msg := range batch.Messages() {
		msgs = append(msgs, msg)
	}
	if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) {
		m.log.Debug("fetch ended", "err", err)
	}
	if len(msgs) > 0 {
		// A batch in hand is finished even when ctx ends: its findings are fetched.
		m.handle(context.WithoutCancel(ctx), msgs)
	}
	return len(msgs), nil
}

type pending struct {
	msg jetstream.Msg
	f   scanner.Finding
	key string
}

// handle checks, deduplicates, hands on and acknowledges one fetched batch.
func (m *Manager) handle(ctx context.Context, msgs []jetstream.Msg) {
	// Counted last, so that Received covers the outcomes counted below.
	defer m.received.Add(uint64(len(msgs)))
	var fresh, dup []pending
	inBatch := map[string]bool{}
	for _, msg := range msgs {
		p, err := m.check(msg)
		if err != nil {
			_ = msg.TermWithReason(err.Error())
			continue
		}
		if inBatch[p.key] {
			dup = append(dup, p)
			continue
		}
		inBatch[p.key] = true
		fresh = append(fresh, p)
	}
	if len(fresh) > 0 {
		fs := make([]scanner.Finding, len(fresh))
		keys := make([]string, len(fresh))
		for i, p := range fresh {
			fs[i], keys[i] = p.f, p.key
		}
		stop := m.keepAlive(append(fresh, dup...))
		seen, err := m.o.Handle(ctx, fs, keys)
		stop()
		if err != nil {
			m.failed.Add(1)
			m.log.Error("findings not recorded: redelivered later", "findings", len(fs), "err", err)
			m.nak(append(fresh, dup...))
			return
		}
		m.processed.Add(uint64(len(fresh) - seen))
		m.duplicates.Add(uint64(seen))
	}
	for _, p := range append(fresh, dup...) {
		if err := p.msg.Ack(); err != nil {
			m.log.Debug("ack", "err", err)
		}
	}
	m.duplicates.Add(uint64(len(dup)))
}

// check decodes one message and holds its finding to the host of its subject, the
// one thing an agent's credentials vouch for. The finding's id is recomputed from
// host, rule and subject, so an agent cannot pass its finding off as another's.
func (m *Manager) check(msg jetstream.Msg) (pending, error) {
	f, err := decodeFinding(msg.Subject(), msg.Data())
	switch {
	case errors.Is(err, errNotSender):
		m.rejected.Add(1)
		m.log.Warn("finding rejected: claimed host is not the sender's", "subject", msg.Subject(), "claimed", f.Host, "rule", f.Rule)
		return pending{}, err
	case err != nil:
		m.malformed.Add(1)
		m.log.Warn("not a finding: dropped", "subject", msg.Subject(), "err", err)
		return pending{}, err
	}
	return pending{msg: msg, f: f, key: MsgID(&f)}, nil
}

// keepAlive tells the server, every third of AckWait, that the batch is still being
// worked on, so a slow Handle does not see it redelivered to another manager.
func (m *Manager) keepAlive(ps []pending) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(m.o.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, p := range ps {
					_ = p.msg.InProgress()
				}
			}
		}
	}()
	return func() { close(done); <-finished }
}

func (m *Manager) nak(ps []pending) {
	for _, p := range ps {
		_ = p.msg.NakWithDelay(m.o.RetryDelay)
	}
}

// Stats returns the manager's counters.
func (m *Manager) Stats() ManagerStats {
	return ManagerStats{Received: m.received.Load(), Processed: m.processed.Load(), Duplicates: m.duplicates.Load(),
		Rejected: m.rejected.Load(), Malformed: m.malformed.Load(), Failed: m.failed.Load()}
}

// Agents returns what the heartbeats say of every agent heard from (nil when the
// watch is off).
func (m *Manager) Agents() []AgentStatus {
	if m.hb == nil {
		return nil
	}
	return m.hb.list()
}
