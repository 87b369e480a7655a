package daemon

import (
	"sync"
	"time"

	"github.com/aupscan/aupscan/scanner"
)

// defaultRepeatWindow is daemon.repeat_window when it is not set: short, so that a
// finding's count reaches its case within seconds.
const defaultRepeatWindow = 10 * time.Second

// maxRepeatKeys bounds the findings repeats tracks at once: beyond it, new findings
// go on uncollapsed rather than grow the map without end.
const maxRepeatKeys = 65536

// repeats collapses the repeats of one finding (one id: host, rule, subject and
// container) within a window into one record carrying their count. The first
// sighting goes on at once, so a notice is never delayed; the repeats that follow
// within the window are held as one record, sent when the window ends, with the
// latest sighting's time and evidence and their number in Count. Under a flood of
// one finding (39,000 packets/s of one replayed flow) the queue then carries two
// records a window, and the other findings still find room.
type repeats struct {
	window time.Duration
	mu     sync.Mutex
	seen   map[string]*repeat
}

type repeat struct {
	start time.Time       // when the window opened: the first sighting's arrival
	last  scanner.Finding // the latest repeat, held
	n     int             // sightings held since the first
}

func newRepeats(window time.Duration) *repeats {
	return &repeats{window: window, seen: map[string]*repeat{}}
}

// add takes a sighting arriving at now and returns the records to send now: the
// sighting itself when it opens a window, preceded by the summary of a window of
// the same finding that has ended but not yet been swept; nothing when it is held.
func (r *repeats) add(f scanner.Finding, now time.Time) []scanner.Finding {
	r.mu.Lock()
	defer r.mu.Unlock()
	e := r.seen[f.ID]
	if e != nil && now.Sub(e.start) < r.window {
		e.last = f
		e.n += f.Sightings()
		return nil
	}
	var out []scanner.Finding
	if e != nil {
		if s, ok := e.summary(); ok {
			out = append(out, s)
		}
		delete(r.seen, f.ID)
	}
	if len(r.seen) < maxRepeatKeys {
		r.seen[f.ID] = &repeat{start: now}
	}
	return append(out, f)
}

// sweep returns the summaries of the windows that ended by now (all of them when
// all is set, as the daemon stops) and forgets those windows.
func (r *repeats) sweep(now time.Time, all bool) []scanner.Finding {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []scanner.Finding
	for id, e := range r.seen {
		if !all && now.Sub(e.start) < r.window {
			continue
		}
		if s, ok := e.summary(); ok {
			out = append(out, s)
		}
		delete(r.seen, id)
	}
	return out
}

// summary is the record of a window's held repeats, if it held any.
func (e *repeat) summary() (scanner.Finding, bool) {
	if e.n == 0 {
		return scanner.Finding{}, false
	}
	f := e.last
	f.Count = e.n
	return f, true
}
