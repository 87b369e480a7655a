package host

import (
	"context"
	"time"
)

// restQuantum is the least rest a dutyCycle takes at once: owed rests add up to it,
// so a walk over small files does not become a train of tiny timers.
const restQuantum = 20 * time.Millisecond

// A dutyCycle makes one worker rest so that its work takes the share duty of its
// wall time. The worker marks where work starts and ticks as it goes (after each
// chunk of a file, after each file); each tick adds the rest owed for the work since
// the last mark and rests once that reaches restQuantum. Pauses so fall inside big
// files as between small ones. A nil dutyCycle never rests.
type dutyCycle struct {
	duty float64
	last time.Time
	owed time.Duration
	// now and rest are the clock and the sleep; tests replace them.
	now  func() time.Time
	rest func(context.Context, time.Duration) error
}

// newDutyCycle returns nil (no rests) unless 0 < duty < 1.
func newDutyCycle(duty float64) *dutyCycle {
	if duty <= 0 || duty >= 1 {
		return nil
	}
	return &dutyCycle{duty: duty, last: time.Now(), now: time.Now, rest: sleepCtx}
}

// sleepCtx sleeps for d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// mark starts a stretch of work, leaving out the time since the last tick (waiting
// for a job is not work).
func (d *dutyCycle) mark() {
	if d != nil {
		d.last = d.now()
	}
}

// tick accounts the work since the last mark or tick and rests when enough is owed.
// It returns ctx's error if the scan is cancelled during a rest.
func (d *dutyCycle) tick(ctx context.Context) error {
	if d == nil {
		return nil
	}
	now := d.now()
	d.owed += time.Duration(float64(now.Sub(d.last)) * (1 - d.duty) / d.duty)
	d.last = now
	if d.owed < restQuantum {
		return nil
	}
	owed := d.owed
	d.owed = 0
	if err := d.rest(ctx, owed); err != nil {
		return err
	}
	d.last = d.now()
	return nil
}
