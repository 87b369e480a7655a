package mail

import (
	"context"
	"log/slog"
	"time"

	"github.com/aupscan/aupscan/notify/store"
)

// A Sender delivers the outbox through a transport: each pending message is sent as
// its stored bytes, so every attempt carries the same Message-ID; the result is
// recorded after the send, so a crash in between causes a repeat, never a loss.
// Senders of several managers share one outbox: each claims the messages it sends
// (a lease, see store.DefaultLease), so no message is sent by two at once.
type Sender struct {
	store     *store.Store
	transport Transport
	mail      Config
	log       *slog.Logger
	owner     string
	// Batch is how many due messages one Drain takes at most.
	Batch int
	// Lease is how long a claim on a message lasts unless renewed; 0 takes
	// store.DefaultLease, or 4 SMTP timeouts if that is longer.
	Lease time.Duration
}

// NewSender returns a sender of st's outbox through tr with m's retry settings.
func NewSender(st *store.Store, tr Transport, m Config, log *slog.Logger) *Sender {
	if log == nil {
		log = slog.Default()
	}
	return &Sender{store: st, transport: tr, mail: m, log: log, Batch: 100, owner: store.NewOwner("sender"), Lease: time.Duration(m.Lease)}
}

// DrainResult counts what one Drain did.
type DrainResult struct {
	Sent, Retry, Failed int
}

// Drain claims the messages due at now, sends each once and records each outcome:
// sent, retry later with exponential backoff, or failed for good (which holds the
// cases). It renews its claims as it goes, skips a message whose claim it lost, and
// releases the claims it did not get to (store.Work).
func (s *Sender) Drain(ctx context.Context, now time.Time) (DrainResult, error) {
	var res DrainResult
	lease := store.LeaseFor(s.Lease, time.Duration(s.mail.SMTP.Timeout))
	claims, err := s.store.Claim(ctx, store.OutboxQueue, s.owner, now, s.Batch, lease)
	if err != nil {
		return res, err
	}
	due, err := s.store.ClaimedOutbox(ctx, claims)
	if err != nil {
		return res, err
	}
	defer s.transport.Close()
	err = store.Work(ctx, claims, s.log, due, func(e store.OutboxEntry) int64 { return e.ID }, func(e store.OutboxEntry) error {
		var err error
		sendErr := s.transport.Send(ctx, Envelope{MessageID: e.MessageID, From: e.Sender, To: e.Recipients, Raw: e.Body})
		switch {
		case sendErr == nil:
			err = s.store.MarkSent(ctx, e, now)
			res.Sent++
		case IsPermanent(sendErr) || e.Attempts+1 >= s.mail.MaxAttempts:
			s.log.Error("notice undeliverable: case held", "message_id", e.MessageID, "attempts", e.Attempts+1, "err", sendErr)
			err = s.store.MarkFailed(ctx, e, s.owner, now, sendErr.Error())
			res.Failed++
		default:
			next := now.Add(store.Backoff(time.Duration(s.mail.Backoff), time.Duration(s.mail.MaxBackoff), e.Attempts+1))
			s.log.Warn("delivery failed, will retry", "message_id", e.MessageID, "attempt", e.Attempts+1, "next", next, "err", sendErr)
			err = s.store.MarkRetry(ctx, e, s.owner, next, sendErr.Error())
			res.Retry++
		}
		return err
	})
	return res, err
}

// Run drains the outbox every interval until ctx ends; errors are logged and the
// next round tries again.
func (s *Sender) Run(ctx context.Context, every time.Duration) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if res, err := s.Drain(ctx, time.Now()); err != nil {
			s.log.Error("drain outbox", "err", err)
		} else if res != (DrainResult{}) {
			s.log.Info("outbox drained", "sent", res.Sent, "retry", res.Retry, "failed", res.Failed)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}
