package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// A sample is the fleet's counters at one moment: findings the agents published and
// findings the managers took (every outcome counted: recorded, duplicate, rejected).
type sample struct {
	at        time.Time
	published int64
	taken     int64
}

// sampler reads the managers' metrics every quarter second.
type sampler struct {
	h         *harness
	published *atomic.Int64
	mu        sync.Mutex
	samples   []sample
	done      chan struct{}
	once      sync.Once
}

func newSampler(h *harness, published *atomic.Int64) *sampler {
	return &sampler{h: h, published: published, done: make(chan struct{})}
}

func (s *sampler) run(ctx context.Context) {
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		pub := s.published.Load()
		taken, err := s.taken(ctx)
		if err == nil {
			s.mu.Lock()
			s.samples = append(s.samples, sample{at: time.Now(), published: pub, taken: taken})
			s.mu.Unlock()
		}
		select {
		case <-ctx.Done():
			return
		case <-s.done:
			return
		case <-t.C:
		}
	}
}

func (s *sampler) stop() { s.once.Do(func() { close(s.done) }) }

// taken sums the finding messages every manager has taken.
func (s *sampler) taken(ctx context.Context) (int64, error) {
	var sum int64
	for _, m := range s.h.managers {
		v, err := scrape(ctx, m.metrics)
		if err != nil {
			return 0, err
		}
		for k, n := range v {
			if strings.HasPrefix(k, "aupscand_fleet_messages_total{") {
				sum += int64(n)
			}
		}
	}
	return sum, nil
}

func (s *sampler) last() sample {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.samples) == 0 {
		return sample{}
	}
	return s.samples[len(s.samples)-1]
}

// waitTaken waits until the managers have taken n findings.
func (s *sampler) waitTaken(ctx context.Context, n int64, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for s.last().taken < n {
		if time.Now().After(deadline) {
			return fmt.Errorf("managers took %d of %d findings within %s", s.last().taken, n, limit)
		}
		if !sleep(ctx, 100*time.Millisecond) {
			return ctx.Err()
		}
	}
	return nil
}

// burstDone finds when the managers had caught up with everything published up to
// the end of burst b, and how many findings they took from its start until then.
func (s *sampler) burstDone(b *burst) (time.Time, int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var base int64 = -1
	var target int64
	for _, x := range s.samples {
		if x.at.Before(b.at) {
			base, target = x.taken, x.published
			continue
		}
		if base < 0 {
			base = x.taken
		}
		if x.at.Sub(b.at) < time.Second+250*time.Millisecond {
			target = max(target, x.published)
			continue
		}
		if x.taken >= target {
			return x.at, x.taken - base
		}
	}
	return time.Time{}, 0
}

// peak is the most findings taken in one second, over the run.
func (s *sampler) peak() float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	best := 0.0
	for i, j := 0, 0; j < len(s.samples); j++ {
		for s.samples[j].at.Sub(s.samples[i].at) > time.Second {
			i++
		}
		if d := s.samples[j].at.Sub(s.samples[i].at).Seconds(); d >= 0.74 {
			best = max(best, float64(s.samples[j].taken-s.samples[i].taken)/d)
		}
	}
	return best
}

// scrape reads a Prometheus text exposition into series → value.
func scrape(ctx context.Context, url string) (map[string]float64, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", url, resp.Status)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			continue
		}
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			out[line[:i]] = v
		}
	}
	return out, sc.Err()
}
