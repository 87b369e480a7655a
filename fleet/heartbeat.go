package fleet

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// heartbeats keeps the last heartbeat of every agent and reports those that fall
// silent. Every manager reads every heartbeat (an ordered consumer of its own,
// starting from the last heartbeat of each host), so any one of them can tell.
type heartbeats struct {
	after time.Duration
	on    func(AgentStatus)
	log   *slog.Logger

	mu   sync.Mutex
	last map[string]*AgentStatus
}

// watch starts reading heartbeats and checking for silence; stop ends both.
func (h *heartbeats) watch(ctx context.Context, js jetstream.JetStream) (stop func(), err error) {
	cons, err := js.OrderedConsumer(ctx, HeartbeatsStream, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{HeartbeatPrefix + "*"},
		DeliverPolicy:  jetstream.DeliverLastPerSubjectPolicy,
	})
	if err != nil {
		return nil, fmt.Errorf("fleet manager: heartbeat consumer: %w", err)
	}
	cc, err := cons.Consume(h.seen)
	if err != nil {
		return nil, fmt.Errorf("fleet manager: heartbeats: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(max(h.after/4, 50*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case now := <-t.C:
				h.check(now)
			}
		}
	}()
	return func() { cc.Stop(); cancel(); <-done }, nil
}

// seen records one heartbeat, dated by the server (an agent's clock is not trusted).
func (h *heartbeats) seen(msg jetstream.Msg) {
	hb, host, err := decodeHeartbeat(msg.Subject(), msg.Data())
	if err != nil {
		h.log.Warn("heartbeat rejected", "subject", msg.Subject(), "err", err)
		return
	}
	at := time.Now()
	if md, err := msg.Metadata(); err == nil {
		at = md.Timestamp
	}
	h.mu.Lock()
	s := h.last[host]
	if s == nil {
		s = &AgentStatus{Host: host}
		h.last[host] = s
	}
	back := s.Silent && time.Since(at) < h.after
	if at.After(s.LastSeen) {
		s.LastSeen = at
	}
	s.Spooled, s.Dropped = hb.Spooled, hb.Dropped
	if back {
		s.Silent = false
	}
	st := *s
	h.mu.Unlock()
	if back {
		h.log.Info("agent heard from again", "host", host)
		if h.on != nil {
			h.on(st)
		}
	}
}

// check reports every agent that has just become silent.
func (h *heartbeats) check(now time.Time) {
	var silent []AgentStatus
	h.mu.Lock()
	for _, s := range h.last {
		if !s.Silent && now.Sub(s.LastSeen) > h.after {
			s.Silent = true
			silent = append(silent, *s)
		}
	}
	h.mu.Unlock()
	slices.SortFunc(silent, func(a, b AgentStatus) int { return strings.Compare(a.Host, b.Host) })
	for _, s := range silent {
		h.log.Warn("agent silent: for operator review", "host", s.Host, "last_heartbeat", s.LastSeen)
		if h.on != nil {
			h.on(s)
		}
	}
}

func (h *heartbeats) list() []AgentStatus {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]AgentStatus, 0, len(h.last))
	for _, s := range h.last {
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b AgentStatus) int { return strings.Compare(a.Host, b.Host) })
	return out
}
