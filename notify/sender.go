package notify

import (
	"context"
	"log/slog"
	"time"
)

// A Sender delivers the outbox through a transport: each pending message is sent as
// its stored bytes, so every attempt carries the same Message-ID; the result is
// recorded after the send, so a crash in between causes a repeat, never a loss.
type Sender struct {
	store     *Store
	transport Transport
	mail      Mail
	log       *slog.Logger
	// Batch is how many due messages one Drain takes at most.
	Batch int
}

// NewSender returns a sender of st's outbox through tr with m's retry settings.
func NewSender(st *Store, tr Transport, m Mail, log *slog.Logger) *Sender {
	if log == nil {
		log = slog.Default()
	}
	return &Sender{store: st, transport: tr, mail: m, log: log, Batch: 100}
}

// DrainResult counts what one Drain did.
type DrainResult struct {
	Sent, Retry, Failed int
}

// Drain sends the messages due at now once each, and records each outcome: sent,
// retry later with exponential backoff, or failed for good (which holds the cases).
func (s *Sender) Drain(ctx context.Context, now time.Time) (DrainResult, error) {
	var res DrainResult
	due, err := s.store.DueOutbox(ctx, now, s.Batch)
	if err != nil {
		return res, err
	}
	defer s.transport.Close()
	for _, e := range due {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		sendErr := s.transport.Send(ctx, Envelope{MessageID: e.MessageID, From: e.Sender, To: e.Recipients, Raw: e.Body})
		switch {
		case sendErr == nil:
			err = s.store.markSent(ctx, e, now)
			res.Sent++
		case IsPermanent(sendErr) || e.Attempts+1 >= s.mail.MaxAttempts:
			s.log.Error("notice undeliverable: case held", "message_id", e.MessageID, "attempts", e.Attempts+1, "err", sendErr)
			err = s.store.markFailed(ctx, e, now, sendErr.Error())
			res.Failed++
		default:
			next := now.Add(backoff(time.Duration(s.mail.Backoff), time.Duration(s.mail.MaxBackoff), e.Attempts+1))
			s.log.Warn("delivery failed, will retry", "message_id", e.MessageID, "attempt", e.Attempts+1, "next", next, "err", sendErr)
			err = s.store.markRetry(ctx, e, next, sendErr.Error())
			res.Retry++
		}
		if err != nil {
			return res, err
		}
	}
	return res, nil
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
